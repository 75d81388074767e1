"""CLI of certificates.

    netralitas certificates --event ID --out FILE.pdf|DIR [--per-person] [--sign P12 --password-file F]
    netralitas verify QRTEXT|PDF|IMAGE [--public-key PEM|daftar.json] [--json]
    netralitas certificate revoke NUMBER [--reason TEXT]
    netralitas certificate site --url BASE --out DIR
    netralitas certificate public-key --out FILE.pem
    netralitas certificate key show|create|backup|restore|trust
    netralitas certificate check --event ID
    netralitas certificate design export|import FILE --event ID

``verify`` exits 0 when every page (or the one code) is ASLI and 1 otherwise; with ``--json``
it prints ``{"valid": …, "status": "valid"|"invalid"|"revoked"|"unrecorded", "number": …,
"holder": {…}, "pages": [{"page": 1, "status": …, "certificates": […]}, …]}`` either way.
Commands that sign (``certificates``, ``certificate site``) need the signing key on this computer;
a key kept in a passphrase-protected file reads its passphrase from ``--key-passphrase-file`` or
``NETRALITAS_KEY_PASSPHRASE``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.events import get_event
from .common import CliError, add_command, add_group, cli_actor, format_table, positive_int, run_with_progress

# The certificate modules (ReportLab, cryptography, pyHanko) are imported by the commands
# that use them, so that building the parser (every start, GUI included) stays fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(
        subparsers,
        "certificates",
        "buat sertifikat peserta yang hadir: satu PDF gabungan, atau satu berkas per orang (NIP_Nama.pdf)",
        make_certificates,
    )
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    parser.add_argument("--out", required=True, metavar="TUJUAN", help="berkas .pdf, atau folder dengan --per-person")
    parser.add_argument("--per-person", action="store_true", help="satu berkas PDF per peserta di folder TUJUAN")
    parser.add_argument("--sign", metavar="P12", help="tandatangani secara digital (PAdES) dengan berkas .p12/.pfx")
    parser.add_argument("--password-file", metavar="BERKAS", help="berkas berisi kata sandi berkas .p12")
    _key_passphrase_option(parser)

    parser = add_command(
        subparsers, "verify", "periksa keaslian sertifikat dari teks QR, berkas PDF (per halaman) atau foto", verify
    )
    parser.add_argument("source", metavar="QR|BERKAS", help="teks hasil pindai kode QR, atau berkas PDF/PNG/JPG")
    parser.add_argument(
        "--public-key",
        metavar="BERKAS",
        help="kunci publik (.pem) atau daftar.json situs verifikasi instansi penerbit (bawaan: kunci di basis data)",
    )

    actions = add_group(subparsers, "certificate", "cabut sertifikat, situs verifikasi, kunci, periksa dan templat")
    parser = add_command(actions, "revoke", "cabut sertifikat (tercatat di log audit)", revoke_certificate)
    parser.add_argument("number", metavar="NOMOR", help="nomor sertifikat, mis. 800/0001/BKPSDM/2024")
    parser.add_argument("--reason", default="", metavar="ALASAN", help="alasan pencabutan")
    parser = add_command(
        actions,
        "site",
        "tulis situs verifikasi (index.html, kunci publik, daftar cabut bertanda tangan) untuk diunggah ke web",
        export_site,
    )
    parser.add_argument("--url", metavar="ALAMAT", help="alamat situs itu, dipakai kode QR sertifikat sejak sekarang")
    parser.add_argument("--out", required=True, metavar="FOLDER", help="folder tujuan")
    _key_passphrase_option(parser)
    parser = add_command(actions, "public-key", "simpan kunci publik untuk verifikasi luring", export_key)
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas .pem tujuan")
    _register_key_commands(add_group(actions, "key", "kunci tanda tangan sertifikat di komputer ini"))
    parser = add_command(actions, "check", "periksa desain dan data sebelum membuat sertifikat", check)
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    design_actions = add_group(actions, "design", "ekspor atau impor templat desain sertifikat")
    for name, func, help_text in (
        ("export", export_design, "simpan desain kegiatan sebagai berkas templat"),
        ("import", import_design, "pakai berkas templat untuk kegiatan"),
    ):
        parser = add_command(design_actions, name, help_text, func)
        parser.add_argument("file", metavar="BERKAS", help="berkas templat (.json)")
        parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")


def _key_passphrase_option(parser: argparse.ArgumentParser, *, name: str = "--key-passphrase-file") -> None:
    parser.add_argument(name, metavar="BERKAS", help="berkas berisi kata sandi kunci tanda tangan sertifikat")


def _register_key_commands(keys_actions: argparse._SubParsersAction) -> None:
    add_command(keys_actions, "show", "kunci instansi, kunci impor, dan yang ada di komputer ini", show_keys)
    parser = add_command(keys_actions, "create", "buat kunci tanda tangan di komputer ini", create_key)
    parser.add_argument("--instansi", default="", metavar="NAMA", help="nama instansi pemilik kunci")
    parser.add_argument("--replace", action="store_true", help="ganti kunci aktif (hilang atau bocor)")
    _key_passphrase_option(parser, name="--passphrase-file")
    parser = add_command(keys_actions, "backup", "simpan cadangan kunci, terenkripsi dengan kata sandi", backup_key)
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas cadangan (.kunci)")
    _key_passphrase_option(parser, name="--passphrase-file")
    parser = add_command(keys_actions, "restore", "pulihkan kunci dari berkas cadangan ke komputer ini", restore_key)
    parser.add_argument("file", metavar="BERKAS", help="berkas cadangan kunci")
    _key_passphrase_option(parser, name="--passphrase-file")
    parser.add_argument("--in-file", action="store_true", help="simpan sebagai berkas berkata sandi, bukan di brankas")
    parser = add_command(
        keys_actions, "trust", "percayai kunci publik instansi lain (daftar.json situs verifikasinya atau .pem)", trust
    )
    parser.add_argument("file", metavar="BERKAS", help="daftar.json, data.js, folder situs, atau .pem")
    parser.add_argument("--yes", action="store_true", help="sidik kunci sudah dicocokkan dengan instansi penerbit")


def _secret(path: str | None, what: str) -> bytes | None:
    if not path:
        return None
    try:
        return Path(path).read_bytes().rstrip(b"\r\n")
    except OSError as err:
        raise CliError(f"Berkas kata sandi {what} tidak bisa dibaca: {err.strerror or err}.", 2) from err


def make_certificates(args: argparse.Namespace) -> dict:
    from ..core.certificates.bulk import CertificatesJob

    get_event(args.event)
    out = Path(args.out)
    if not args.per_person and out.suffix.lower() != ".pdf":
        raise CliError("Tujuan harus berkas .pdf; untuk satu berkas per orang tambahkan --per-person.", 2)
    if args.per_person and out.suffix.lower() == ".pdf":
        raise CliError("Dengan --per-person, tujuan adalah sebuah folder, bukan berkas .pdf.", 2)
    signer = _signer(args) if args.sign else None
    job = CertificatesJob(
        args.event,
        out,
        per_person=args.per_person,
        signer=signer,
        actor=cli_actor(),
        passphrase=_secret(args.key_passphrase_file, "kunci"),
    )
    result = run_with_progress(args, job)
    where = f"folder {result.path}" if result.per_person else result.path
    message = f"{result.count} sertifikat tersimpan di {where}."
    if result.revoked_skipped:
        message += f" {result.revoked_skipped} sertifikat yang sudah dicabut tidak dibuat."
    if result.signed:
        message += " Ditandatangani secara digital (TTE tidak tersertifikasi bila sertifikat digitalnya milik sendiri)."
    return {**result.to_dict(), "message": message}


def _signer(args: argparse.Namespace):
    if not args.password_file:
        raise CliError("--sign memerlukan --password-file (berkas berisi kata sandi .p12).", 2)
    password = _secret(args.password_file, ".p12")
    from ..core.certificates.design import load_design
    from ..core.certificates.render import stamp_box
    from ..core.certificates.signing import Signer

    box = stamp_box(load_design(args.event))
    return Signer(args.sign, password, **({"stamp_box": box} if box else {}))


def verify(args: argparse.Namespace) -> dict:
    from ..core.certificates.verify import VerifyJob

    trusted = _trusted(args.public_key) if args.public_key else None
    report = run_with_progress(args, VerifyJob(args.source, trusted=trusted))
    payload = report.to_dict()
    lines = _report_lines(report)
    if not report.valid:
        extra = {key: value for key, value in payload.items() if key != "message"}
        raise CliError("\n".join(lines), 1, **extra)
    return {**payload, "text": "\n".join(lines)}


def _trusted(path: str):
    from ..core.certificates import site

    return site.read_trust_file(path)


def _report_lines(report) -> list[str]:
    lines = []
    many = len(report.pages) > 1
    if many:
        counts = report.counts()
        lines.append(
            f"{len(report.pages)} halaman: "
            + ", ".join(f"{count} {_WORDS[status]}" for status, count in counts.items() if count)
        )
    for page in report.pages:
        prefix = f"Halaman {page.page}: " if page.page else ""
        if not page.results:
            lines.append(f"{prefix}{_WORDS['invalid']} — {page.problem}")
            continue
        for result in page.results:
            if many and result.valid:
                lines.append(f"{prefix}ASLI — {result.number} — {result.holder.get('name', '')}")
                continue
            lines.append(f"{prefix}Status: {_WORDS[result.status]} — {result.message}")
            if result.number:
                lines.append(f"Nomor   : {result.number}")
            if result.holder:
                lines.append(f"Nama    : {result.holder['name']}")
                if result.holder.get("id_text"):
                    lines.append(f"          {result.holder['id_text']}")
            if result.claims.get("event_title"):
                lines.append(f"Kegiatan: {result.claims['event_title']}")
            lines.extend(f"Catatan : {note}" for note in result.notes)
    return lines


_WORDS = {"valid": "ASLI", "invalid": "TIDAK SAH", "revoked": "DICABUT", "unrecorded": "TIDAK TERCATAT"}


def revoke_certificate(args: argparse.Namespace) -> dict:
    from ..core.certificates.verify import revoke

    row = revoke(args.number, args.reason, actor=cli_actor())
    return {
        "number": row.number,
        "revoked_at": row.revoked_at,
        "message": f"Sertifikat nomor {row.number} dicabut. Perbarui situs verifikasi (netralitas certificate site) "
        "agar pencabutan terlihat di sana.",
    }


def export_site(args: argparse.Namespace) -> dict:
    from ..core.certificates import site

    result = site.export_site(
        args.out, url=args.url, passphrase=_secret(args.key_passphrase_file, "kunci"), actor=cli_actor()
    )
    where = result.url or "(belum ada alamat: kode QR memuat kode saja)"
    return {
        **result.to_dict(),
        "message": f"Situs verifikasi tersimpan di {result.folder}. Unggah seluruh isinya ke {where}. "
        f"Sidik kunci instansi: {result.fingerprint}; {result.revoked} sertifikat dicabut.",
    }


def export_key(args: argparse.Namespace) -> dict:
    from ..core.certificates import keys

    path = keys.export_public_key(args.out)
    fingerprint = keys.active_key().fingerprint
    return {
        "path": str(path),
        "fingerprint": fingerprint,
        "message": f"Kunci publik tersimpan di {path} (sidik jari {fingerprint}).",
    }


def show_keys(args: argparse.Namespace) -> dict:
    from ..core.certificates import keys, keystore

    active = keys.active_key()
    rows = []
    listed = []
    for key in keys.known_keys().values():
        here = keystore.storage(key.key_id) if key.role == keys.OWN else None
        state = "aktif" if active and key.key_id == active.key_id else ("diganti" if key.retired_at else "")
        rows.append((key.fingerprint, keys.ROLE_LABELS[key.role], state, key.instansi, _HERE.get(here, "")))
        listed.append({**key.to_dict(), "on_this_computer": here})
    text = format_table(("Sidik", "Jenis", "Status", "Instansi", "Di komputer ini"), rows) if rows else ""
    if not rows:
        text = "Belum ada kunci: kunci dibuat saat sertifikat pertama diterbitkan (atau: certificate key create)."
    return {"keys": listed, "text": text, "message": text}


_HERE = {"keyring": "ya (brankas sistem)", "file": "ya (berkas berkata sandi)"}


def create_key(args: argparse.Namespace) -> dict:
    from ..core.certificates import register

    instansi = args.instansi or _latest_instansi()
    known, _private = register.create_key(
        instansi, passphrase=_secret(args.passphrase_file, "kunci"), replace=args.replace
    )
    return {
        **known.to_dict(),
        "message": f"Kunci tanda tangan baru dibuat di komputer ini (sidik {known.fingerprint}). Buat cadangannya "
        "sekarang (certificate key backup) dan perbarui situs verifikasi.",
    }


def backup_key(args: argparse.Namespace) -> dict:
    from ..core.certificates import keys, keystore

    passphrase = _secret(args.passphrase_file, "kunci")
    active = keys.active_key()
    if active is None or not passphrase:
        raise CliError("Perlu kunci aktif di komputer ini dan --passphrase-file (kata sandi cadangan).", 2)
    path = keystore.backup(active.key_id, args.out, passphrase, instansi=active.instansi)
    return {
        "path": str(path),
        "fingerprint": active.fingerprint,
        "message": f"Cadangan kunci {active.fingerprint} tersimpan di {path}, terenkripsi dengan kata sandi itu. "
        "Simpan terpisah dari komputer ini (mis. diska USB di lemari terkunci) dan catat kata sandinya.",
    }


def restore_key(args: argparse.Namespace) -> dict:
    from ..core.certificates import register

    passphrase = _secret(args.passphrase_file, "kunci")
    if not passphrase:
        raise CliError("--passphrase-file wajib: kata sandi berkas cadangan.", 2)
    known = register.restore_key(args.file, passphrase, in_file=args.in_file)
    return {**known.to_dict(), "message": f"Kunci {known.fingerprint} dipulihkan ke komputer ini."}


def trust(args: argparse.Namespace) -> dict:
    from ..core.certificates import keys, site

    source = site.read_trust_file(args.file)
    listed = source.keys if isinstance(source, site.TrustedList) else [source]
    summary = [f"{key.fingerprint}  {key.instansi or getattr(source, 'instansi', '')}" for key in listed]
    if not args.yes:
        raise CliError(
            "Cocokkan sidik kunci berikut dengan yang diumumkan instansi penerbit (di situs verifikasinya), "
            "lalu ulangi dengan --yes:\n" + "\n".join(summary),
            1,
            keys=[key.to_dict() for key in listed],
        )
    site.trust(source, actor=cli_actor())
    revoked = len(source.revoked) if isinstance(source, site.TrustedList) else 0
    return {
        "keys": [key.to_dict() for key in listed],
        "message": "Kunci dipercaya:\n" + "\n".join(summary) + (f"\n{revoked} nomor dicabut." if revoked else ""),
        "roles": [keys.IMPORTED] * len(listed),
    }


def _latest_instansi() -> str:
    from ..core.models import Event

    return Event.select(Event.instansi).order_by(Event.date.desc(), Event.id.desc()).scalar() or ""


def check(args: argparse.Namespace) -> dict:
    from ..core.certificates.design import check_design, load_design

    problems = check_design(args.event, load_design(args.event))
    text = (
        "Desain dan data siap; sertifikat bisa dibuat."
        if not problems
        else "\n".join(["Periksa dahulu:"] + [f"- {problem}" for problem in problems])
    )
    return {"problems": problems, "text": text, "message": text}


def export_design(args: argparse.Namespace) -> dict:
    from ..core.certificates.design import export_template

    get_event(args.event)
    path = export_template(args.event, args.file)
    return {"path": str(path), "message": f"Templat desain sertifikat tersimpan di {path}."}


def import_design(args: argparse.Namespace) -> dict:
    from ..core.certificates.design import import_template

    get_event(args.event)
    import_template(args.event, args.file)
    return {"message": f"Templat desain dipakai untuk kegiatan {args.event}."}


__all__ = ["register"]
