"""``netralitas package export|import|export-checkins|merge``, ``audit list`` and ``purge``.

Offline desks: on the office PC ``package export --event ID --out FILE``; on each desk
laptop ``package import FILE``, check in as usual, then ``package export-checkins --event
ID --out FILE``; back on the office PC ``package merge FILE`` (as often as wanted).
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
    parser = add_command(
        actions, "export-checkins", "buat berkas kehadiran untuk kantor (di laptop meja)", run_export_checkins
    )
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan di laptop ini")
    parser.add_argument("--out", required=True, metavar="BERKAS", help="berkas kehadiran yang dibuat")
    parser = add_command(
        actions, "merge", "gabungkan berkas kehadiran dari laptop meja (di komputer kantor)", run_merge
    )
    parser.add_argument("file", metavar="BERKAS", help="berkas kehadiran dari laptop meja")

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
            f"Paket kegiatan \u201c{result.title}\u201d tersimpan di {result.path} ({figures}). Salin ke laptop meja, "
            "lalu di sana: netralitas package import BERKAS"
        ),
    }


def run_import(args: argparse.Namespace) -> dict:
    from ..core.offline import import_package

    result = import_package(Path(args.file), actor=cli_actor())
    c = result.counts
    how = "dibuat" if result.created else "diperbarui"
    return {
        **result.to_dict(),
        "message": (
            f"Kegiatan \u201c{result.title}\u201d {how} di komputer ini (nomor kegiatan {result.event_id}): "
            f"{c['registrations_new']} peserta baru, {c['registrations_updated']} diperbarui, "
            f"{c['registrations_removed']} dihapus di kantor, {c['checkins_added']} kehadiran dari kantor."
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
            f"Berkas kehadiran \u201c{result.title}\u201d tersimpan di {result.path} ({figures}). Bawa ke komputer "
            "kantor, lalu: netralitas package merge BERKAS"
        ),
    }


def run_merge(args: argparse.Namespace) -> dict:
    from ..core.offline import merge_checkins

    report = merge_checkins(Path(args.file), actor=cli_actor())
    lines = report.lines()
    if report.conflicts:
        lines += ["", "Konflik:"] + [f"- {conflict.text}" for conflict in report.conflicts]
    return {**report.to_dict(), "message": lines[0], "text": "\n".join(lines)}


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
    preview = purge.preview(args.event)
    what = (
        f"\u201c{preview.title}\u201d: {preview.registrations} pendaftaran, {preview.people_deleted} orang hanya "
        f"di kegiatan ini, {preview.checkins} kehadiran, {preview.signatures} tanda tangan, "
        f"{preview.certificates} sertifikat"
    )
    if not args.yes:
        raise CliError(
            f"Akan dihapus dari {what}. Jalankan lagi dengan --yes untuk menghapus.", 2, preview=preview.to_dict()
        )
    summary = purge.purge_event(args.event, actor=cli_actor())
    return {
        "event_id": args.event,
        "summary": summary,
        "message": (f"Data pribadi {what} telah dihapus. Jumlah terdaftar dan hadir tetap tersimpan untuk laporan."),
    }
