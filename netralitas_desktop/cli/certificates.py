"""CLI of certificates.

    netralitas certificates --event ID --out FILE.pdf|DIR [--per-person] [--sign P12 --password-file F]
    netralitas verify QRTEXT|PDF|IMAGE [--public-key PEM] [--json]
    netralitas certificate revoke NUMBER [--reason TEXT]
    netralitas certificate public-key --out FILE.pem
    netralitas certificate check --event ID
    netralitas certificate design export|import FILE --event ID

``verify`` exits 0 for a valid certificate and 1 for an invalid or revoked one; with
``--json`` it prints ``{"valid": …, "status": "valid"|"invalid"|"revoked", "number": …,
"holder": {…}}`` either way.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.events import get_event
from .common import CliError, add_command, add_group, cli_actor, positive_int, run_with_progress

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

    parser = add_command(
        subparsers, "verify", "periksa keaslian sertifikat dari teks QR, berkas PDF atau gambar", verify_certificate
    )
    parser.add_argument("source", metavar="QR|BERKAS", help="teks hasil pindai kode QR, atau berkas PDF/PNG/JPG")
    parser.add_argument("--public-key", metavar="PEM", help="kunci publik instansi penerbit (bawaan: dari basis data)")

    actions = add_group(subparsers, "certificate", "cabut sertifikat, kunci publik, periksa dan templat desain")
    parser = add_command(actions, "revoke", "cabut sertifikat (tercatat di log audit)", revoke_certificate)
    parser.add_argument("number", metavar="NOMOR", help="nomor sertifikat, mis. 800/0001/SERT-1/2024")
    parser.add_argument("--reason", default="", metavar="ALASAN", help="alasan pencabutan")
    parser = add_command(actions, "public-key", "simpan kunci publik untuk verifikasi luring", export_key)
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas .pem tujuan")
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


def make_certificates(args: argparse.Namespace) -> dict:
    from ..core.certificates.bulk import CertificatesJob

    get_event(args.event)
    out = Path(args.out)
    if not args.per_person and out.suffix.lower() != ".pdf":
        raise CliError("Tujuan harus berkas .pdf; untuk satu berkas per orang tambahkan --per-person.", 2)
    if args.per_person and out.suffix.lower() == ".pdf":
        raise CliError("Dengan --per-person, tujuan adalah sebuah folder, bukan berkas .pdf.", 2)
    signer = _signer(args) if args.sign else None
    job = CertificatesJob(args.event, out, per_person=args.per_person, signer=signer, actor=cli_actor())
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
    try:
        password = Path(args.password_file).read_bytes().rstrip(b"\r\n")
    except OSError as err:
        raise CliError(f"Berkas kata sandi tidak bisa dibaca: {err.strerror or err}.", 2) from err
    from ..core.certificates.design import load_design
    from ..core.certificates.render import stamp_box
    from ..core.certificates.signing import Signer

    box = stamp_box(load_design(args.event))
    return Signer(args.sign, password, **({"stamp_box": box} if box else {}))


def verify_certificate(args: argparse.Namespace) -> dict:
    from ..core.certificates import keys
    from ..core.certificates.verify import verify

    key = keys.read_public_key(args.public_key) if args.public_key else None
    result = verify(args.source, public_key=key)
    payload = result.to_dict()
    lines = [f"Status: {_STATUS[result.status]} — {result.message}"]
    if result.number:
        lines.append(f"Nomor : {result.number}")
    if result.holder:
        lines.append(f"Nama  : {result.holder['name']}")
        if result.holder.get("id_text"):
            lines.append(f"        {result.holder['id_text']}")
    if result.event:
        lines.append(f"Kegiatan: {result.event['title']}")
    if not result.valid:
        raise CliError("\n".join(lines), 1, **{key: value for key, value in payload.items() if key != "message"})
    return {**payload, "text": "\n".join(lines)}


_STATUS = {"valid": "ASLI", "invalid": "TIDAK SAH", "revoked": "DICABUT"}


def revoke_certificate(args: argparse.Namespace) -> dict:
    from ..core.certificates.verify import revoke

    certificate = revoke(args.number, args.reason, actor=cli_actor())
    return {
        "number": certificate.number,
        "revoked_at": certificate.revoked_at,
        "message": f"Sertifikat nomor {certificate.number} dicabut.",
    }


def export_key(args: argparse.Namespace) -> dict:
    from ..core.certificates import keys

    path = keys.export_public_key(args.out)
    return {
        "path": str(path),
        "fingerprint": keys.fingerprint(),
        "message": f"Kunci publik tersimpan di {path} (sidik jari {keys.fingerprint()}).",
    }


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
