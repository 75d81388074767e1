"""``netralitas package export|import|export-checkins|merge``, ``audit list`` and ``purge``.

Offline desks: on the office PC ``package export --event ID --out FILE``; on each desk
laptop ``package import FILE``, check in as usual, then ``package export-checkins --event
ID --out FILE``; back on the office PC ``package merge FILE`` (as often as wanted), and
``package walk-ins --event ID`` to approve or reject the laptops' walk-ins. Both ends sign
what they send; the first file from another computer needs its key's fingerprint, compared
with that computer's screen (``--office-key`` / ``--desk-key``).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .common import CliError, add_command, add_group, cli_actor, count_int, format_table, positive_int

# The package, audit and purge modules (and the document layer under them) are imported by
# the commands that use them, so that building the parser (every start, GUI included) stays fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_group(subparsers, "package", "paket meja offline: ekspor, impor, kirim kehadiran, gabungkan")
    parser = add_command(actions, "export", "buat paket kegiatan untuk laptop meja (di komputer kantor)", run_export)
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    parser.add_argument(
        "--out", required=True, metavar="BERKAS", help="berkas paket yang dibuat, mis. paket.netralitas"
    )
    parser = add_command(actions, "import", "impor paket kegiatan dari kantor (di laptop meja)", run_import)
    parser.add_argument("file", metavar="BERKAS", help="berkas paket kegiatan")
    parser.add_argument(
        "--office-key",
        metavar="SIDIK-JARI",
        help="sidik jari kunci kantor, dicocokkan dengan layar komputer kantor (perlu pada impor pertama)",
    )
    parser = add_command(
        actions, "export-checkins", "buat berkas kehadiran untuk kantor (di laptop meja)", run_export_checkins
    )
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan di laptop ini")
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas kehadiran yang dibuat")
    parser = add_command(
        actions, "merge", "gabungkan berkas kehadiran dari laptop meja (di komputer kantor)", run_merge
    )
    parser.add_argument("file", metavar="BERKAS", help="berkas kehadiran dari laptop meja")
    parser.add_argument(
        "--desk-key",
        metavar="SIDIK-JARI",
        help="sidik jari kunci laptop meja, dicocokkan dengan layar laptop itu (perlu pada berkas pertamanya)",
    )
    parser = add_command(
        actions,
        "walk-ins",
        "daftar tunggu peserta tanpa undangan dari laptop meja: tampilkan, setujui atau tolak",
        run_walk_ins,
    )
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    decision = parser.add_mutually_exclusive_group()
    decision.add_argument("--approve", type=positive_int, nargs="+", metavar="NO", help="setujui nomor ini")
    decision.add_argument("--approve-all", action="store_true", help="setujui semua yang menunggu")
    decision.add_argument("--reject", type=positive_int, nargs="+", metavar="NO", help="tolak nomor ini")

    actions = add_group(subparsers, "audit", "log audit: siapa melakukan apa, di meja mana")
    parser = add_command(actions, "list", "tampilkan entri log audit, terbaru dahulu", run_audit_list)
    parser.add_argument("--event", type=positive_int, metavar="ID", help="hanya kegiatan ini")
    parser.add_argument("--action", default="", metavar="AKSI", help="hanya aksi ini, mis. checkin atau checkin.undo")
    parser.add_argument("--desk", default="", metavar="MEJA", help="hanya meja ini")
    parser.add_argument("--text", default="", metavar="TEKS", help="mengandung teks ini")
    parser.add_argument("--from", dest="date_from", type=_date, metavar="TANGGAL", help="sejak tanggal (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", type=_date, metavar="TANGGAL", help="sampai tanggal (YYYY-MM-DD)")
    parser.add_argument("--limit", type=count_int, default=50, metavar="N", help="paling banyak N entri (bawaan 50)")
    parser.add_argument("--offset", type=count_int, default=0, metavar="N", help="lewati N entri terbaru")
    parser.add_argument("--csv", metavar="BERKAS", help="tulis semua entri yang cocok ke berkas CSV")

    parser = add_command(
        subparsers, "purge", "hapus data pribadi peserta suatu kegiatan (jumlahnya tetap disimpan)", run_purge
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--event", type=positive_int, metavar="ID", help="kegiatan yang data pribadinya dihapus")
    group.add_argument("--due", action="store_true", help="daftar kegiatan yang melewati masa simpan")
    group.add_argument("--set-retention", type=positive_int, metavar="HARI", help="atur masa simpan (hari)")
    parser.add_argument("--yes", action="store_true", help="benar-benar hapus (tanpa ini hanya ditampilkan)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan tanggal YYYY-MM-DD.") from None


def _counts_text(counts: dict, labels: dict[str, str]) -> str:
    return ", ".join(f"{counts[key]} {label}" for key, label in labels.items() if key in counts)


def run_export(args: argparse.Namespace) -> dict:
    from ..core.offline import export_event_package

    result = export_event_package(args.event, Path(args.out), actor=cli_actor())
    figures = _counts_text(
        result.counts, {"registrations": "pendaftaran", "checkins": "kehadiran", "signatures": "tanda tangan"}
    )
    return {
        **result.to_dict(),
        "message": (
            f"Paket kegiatan \u201c{result.title}\u201d tersimpan di {result.path} ({figures}). Sidik jari kunci "
            f"kantor: {result.fingerprint}. Salin ke laptop meja, lalu di sana: netralitas package import BERKAS "
            "(pada impor pertama laptop menampilkan sidik jari ini untuk dicocokkan)."
        ),
    }


def run_import(args: argparse.Namespace) -> dict:
    from ..core.offline import import_package

    result = import_package(Path(args.file), actor=cli_actor(), office_key=args.office_key)
    c = result.counts
    how = "dibuat" if result.created else "diperbarui"
    refused = f" {c['signatures_refused']} tanda tangan rusak tidak diimpor." if c["signatures_refused"] else ""
    return {
        **result.to_dict(),
        "message": (
            f"Kegiatan \u201c{result.title}\u201d {how} di komputer ini (nomor kegiatan {result.event_id}): "
            f"{c['registrations_new']} peserta baru, {c['registrations_updated']} diperbarui, "
            f"{c['registrations_removed']} dihapus di kantor, {c['checkins_added']} kehadiran dari kantor.{refused} "
            f"Kunci kantor: {result.office_fingerprint}. Sidik jari laptop ini untuk kegiatan ini: "
            f"{result.desk_fingerprint} (kantor mencocokkannya saat menggabungkan kehadiran)."
        ),
    }


def run_export_checkins(args: argparse.Namespace) -> dict:
    from ..core.offline import export_checkins

    result = export_checkins(args.event, Path(args.out), actor=cli_actor())
    figures = _counts_text(
        result.counts, {"checkins": "kehadiran", "walk_ins": "tanpa undangan", "signatures": "tanda tangan"}
    )
    return {
        **result.to_dict(),
        "message": (
            f"Berkas kehadiran \u201c{result.title}\u201d tersimpan di {result.path} ({figures}). Sidik jari laptop "
            f"ini: {result.fingerprint}. Bawa ke komputer kantor, lalu: netralitas package merge BERKAS"
        ),
    }


def run_merge(args: argparse.Namespace) -> dict:
    from ..core.offline import merge_checkins

    report = merge_checkins(Path(args.file), actor=cli_actor(), desk_key=args.desk_key)
    lines = report.lines()
    if report.conflicts:
        lines += ["", "Konflik:"] + [f"- {conflict.text}" for conflict in report.conflicts]
    if report.counts["walk_ins_pending"] or report.counts["walk_ins_waiting"]:
        lines += ["", f"Periksa daftar tunggu: netralitas package walk-ins --event {report.event_id}"]
    return {**report.to_dict(), "message": lines[0], "text": "\n".join(lines)}


def run_walk_ins(args: argparse.Namespace) -> dict:
    from ..core.events import get_event
    from ..core.offline import approve_walk_ins, pending_walk_ins, reject_walk_ins

    get_event(args.event)  # NotFoundError with its message
    waiting = pending_walk_ins(args.event)
    chosen = [w.id for w in waiting] if args.approve_all else (args.approve or args.reject or [])
    unknown = sorted(set(chosen) - {w.id for w in waiting})
    if unknown:
        raise CliError(
            f"Nomor {', '.join(map(str, unknown))} tidak ada di daftar tunggu kegiatan ini "
            f"(lihat: netralitas package walk-ins --event {args.event}).",
            2,
        )
    if args.reject:
        count = reject_walk_ins(chosen, actor=cli_actor())
        return {"rejected": count, "message": f"{count} peserta tanpa undangan ditolak; datanya tidak disimpan."}
    if chosen:
        report = approve_walk_ins(chosen, actor=cli_actor())
        lines = [f"{len(chosen)} peserta tanpa undangan disetujui.", *report.lines()[1:]]
        lines += [f"- {conflict.text}" for conflict in report.conflicts]
        return {**report.to_dict(), "approved": len(chosen), "message": lines[0], "text": "\n".join(lines)}
    rows = [
        (
            w.id,
            w.name,
            w.nip or w.nik or "-",
            w.unit_kerja,
            w.desk,
            f"{w.checked_in_at:%d-%m-%Y %H.%M}" if w.checked_in_at else "-",
            w.note,
        )
        for w in waiting
    ]
    text = (
        format_table(["No", "Nama", "NIP/NIK", "Unit kerja", "Meja", "Hadir", "Catatan"], rows, right=(0,))
        + f"\n\nSetujui: netralitas package walk-ins --event {args.event} --approve NO … (atau --approve-all); "
        "tolak: --reject NO …"
        if waiting
        else "Tidak ada peserta tanpa undangan yang menunggu pemeriksaan."
    )
    return {"walk_ins": [w.to_dict() for w in waiting], "text": text}


def run_audit_list(args: argparse.Namespace) -> dict:
    from ..core import audit_query
    from ..core.audit_query import AuditFilter

    audit_filter = AuditFilter(
        args.event, args.action.strip(), args.desk.strip(), args.text, args.date_from, args.date_to
    )
    total = audit_query.count_entries(audit_filter)
    if args.csv:
        written = audit_query.write_csv(audit_filter, Path(args.csv), actor=cli_actor())
        return {
            "total": total,
            "written": written,
            "path": args.csv,
            "message": f"{written} entri log audit tersimpan di {args.csv}.",
        }
    entries = audit_query.list_entries(audit_filter, args.offset, args.limit)
    rows = [
        (e.at.strftime("%d-%m-%Y %H:%M:%S"), e.event_title or "-", e.action_label, e.desk, e.operator, e.detail_text)
        for e in entries
    ]
    table = format_table(["Waktu", "Kegiatan", "Aksi", "Meja", "Petugas", "Rincian"], rows)
    text = f"{table}\n\nMenampilkan {len(entries)} dari {total} entri." if entries else "Tidak ada entri yang cocok."
    return {"total": total, "entries": [e.to_dict() for e in entries], "text": text}


def run_purge(args: argparse.Namespace) -> dict:
    from ..core import purge

    if args.set_retention:
        purge.set_retention_days(args.set_retention, actor=cli_actor())
        return {
            "retention_days": args.set_retention,
            "message": f"Masa simpan data pribadi: {args.set_retention} hari.",
        }
    if args.due:
        due = purge.events_due_for_purge()
        days = purge.retention_days()
        rows = [(e.event_id, e.title, e.date.strftime("%d-%m-%Y"), e.age_days, e.registrations) for e in due]
        text = (
            format_table(["ID", "Kegiatan", "Tanggal", "Umur (hari)", "Peserta"], rows, right=(0, 3, 4))
            if due
            else f"Tidak ada kegiatan lebih tua dari {days} hari yang masih menyimpan data pribadi."
        )
        return {"retention_days": days, "events": [vars(e) | {"date": e.date.isoformat()} for e in due], "text": text}
    from ..core import purge_files

    preview = purge.preview(args.event)
    files = purge_files.plan(args.event)
    what = (
        f"\u201c{preview.title}\u201d: {preview.registrations} pendaftaran, {preview.people_deleted} orang hanya "
        f"di kegiatan ini, {preview.checkins} kehadiran, {preview.signatures} tanda tangan, "
        f"{preview.certificates} sertifikat, {preview.online_rows} baris laporan daring, "
        f"{preview.pending_walk_ins} peserta tanpa undangan di daftar tunggu"
    )
    held = [f"- {held.name} ({held.reason})" for held in files.backups]
    backups_text = (
        "\n".join([f"Cadangan yang berisi data kegiatan ini dan akan dihapus ({len(held)}):", *held])
        + "\nSesudahnya dibuat satu cadangan baru tanpa data pribadi kegiatan ini."
        if held
        else "Tidak ada cadangan yang berisi data kegiatan ini."
    )
    if not args.yes:
        if not preview.has_personal_data and not files.backups and not files.temp_folders:
            message = f"Kegiatan \u201c{preview.title}\u201d tidak menyimpan data pribadi peserta lagi."
        else:
            message = f"Akan dihapus dari {what}. Jalankan lagi dengan --yes untuk menghapus."
        return {
            "preview": preview.to_dict(),
            "files": files.to_dict(),
            "message": message,
            "text": f"{message}\n{backups_text}",
        }
    outcome = purge_files.purge_everywhere(args.event, actor=cli_actor(), files=files)
    result = outcome.files
    lines = [
        f"Data pribadi {what} telah dihapus. Jumlah terdaftar dan hadir tetap tersimpan untuk laporan."
        if outcome.summary
        else f"Data pribadi kegiatan \u201c{preview.title}\u201d sudah dihapus sebelumnya; berkasnya kini dibersihkan.",
        f"Cadangan dihapus: {len(result.backups_deleted)}"
        + (f"; cadangan baru: {result.new_backup}" if result.new_backup else ""),
    ]
    if result.temp_folders_removed:
        lines.append(f"Folder cetak sementara dihapus: {result.temp_folders_removed}")
    lines += result.problems
    if result.problems:
        raise CliError("\n".join(lines), 1, summary=outcome.summary, files=result.to_dict())
    return {
        "event_id": args.event,
        "summary": outcome.summary,
        "files": result.to_dict(),
        "message": lines[0],
        "text": "\n".join(lines),
    }
