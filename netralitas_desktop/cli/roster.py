"""``netralitas roster import FILE --event ID [--dry-run] [--update-only]``; ``roster master …`` is in
``cli/campaigns.py``.

Exit 0 when at least one row was (or would be) imported; 2 when the file cannot be read, or
when every row was rejected (nothing imported is a failure a script must notice).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core import events
from ..core.jobs import Progress
from . import campaigns
from .common import CliError, add_command, add_group, cli_actor, positive_int, terminal_progress


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_group(subparsers, "roster", "daftar peserta (undangan, ekspor SIASN)")
    importer = add_command(actions, "import", "impor daftar peserta dari CSV atau XLSX", import_file)
    importer.add_argument("file", metavar="BERKAS", help="berkas .csv atau .xlsx")
    importer.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    importer.add_argument("--dry-run", action="store_true", help="periksa saja, jangan simpan apa pun")
    importer.add_argument(
        "--update-only",
        action="store_true",
        help="hanya perbarui data peserta yang sudah ada di daftar kegiatan; orang lain di berkas tidak ditambahkan",
    )
    campaigns.register_master(actions)  # roster master import|show: the instansi's master roster


def import_file(args: argparse.Namespace) -> dict:
    from ..core.roster.importer import import_roster

    events.get_event(args.event)
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"Berkas {path} tidak ditemukan.", exit_code=2)
    with terminal_progress(args, with_counts=True) as show:
        result = import_roster(
            args.event,
            path,
            dry_run=args.dry_run,
            update_only=args.update_only,
            actor=cli_actor(),
            progress=Progress(show),
        )
    data = result.to_dict()
    text = _summary(args, data, result.sheets_text)
    if result.imported == 0 and result.rejected:
        raise CliError(f"Semua {result.rejected} baris ditolak; tidak ada yang diimpor.\n{text}", 2, **data)
    return {"event_id": args.event, "dry_run": args.dry_run, "update_only": args.update_only, **data, "text": text}


def _summary(args: argparse.Namespace, data: dict, sheets_text: str = "") -> str:
    from ..core.roster.rows import row_label

    lead = "Uji coba, tidak ada yang disimpan" if args.dry_run else f"Impor ke kegiatan nomor {args.event} selesai"
    lines = [
        f"{lead}: {data['added']} ditambahkan, {data['updated']} diperbarui, "
        f"{data['unchanged']} tidak berubah, {data['rejected']} ditolak."
    ]
    if args.update_only:
        lines.append(
            f"Hanya peserta yang sudah terdaftar yang diperbarui: {data['not_on_list']} orang di berkas "
            "tidak ada di daftar kegiatan dan tidak ditambahkan."
        )
    if sheets_text:
        lines.append(sheets_text)
    several = len(data.get("sheets", [])) > 1
    for item in data.get("rejected_rows", []):
        column = f", kolom {item['column']}" if item.get("column") else ""
        lines.append(f"{row_label(item['row'], item.get('sheet') if several else None)}{column}: {item['reason']}")
    return "\n".join(lines)
