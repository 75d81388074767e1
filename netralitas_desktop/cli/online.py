"""``netralitas online import FILE --event ID [--min-minutes N] [--json]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core import events
from .common import CliError, add_command, add_group, cli_actor, count_int, positive_int


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_group(subparsers, "online", "kehadiran daring (laporan peserta Zoom / Google Meet)")
    importer = add_command(actions, "import", "impor laporan peserta rapat daring (CSV atau XLSX)", import_file)
    importer.add_argument("file", metavar="BERKAS", help="laporan peserta dari Zoom, Google Meet atau sejenisnya")
    importer.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    importer.add_argument(
        "--min-minutes",
        type=count_int,
        metavar="N",
        help="batas menit daring agar dihitung hadir (disimpan untuk kegiatan ini)",
    )


def import_file(args: argparse.Namespace) -> dict:
    from ..core.reports.online import import_online

    events.get_event(args.event)
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"Berkas {path} tidak ditemukan.", exit_code=2)
    result = import_online(args.event, path, minimum=args.min_minutes, actor=cli_actor())
    data = result.to_dict()
    return {**data, "text": _summary(data)}


def _summary(data: dict) -> str:
    if data["already_imported"]:
        lead = "Laporan ini sudah pernah diimpor; tidak ada yang berubah"
    else:
        lead = f"Impor kehadiran daring ke kegiatan nomor {data['event_id']} selesai"
    lines = [
        f"{lead}. Batas minimal {data['min_minutes']} menit.",
        f"{data['rows']} baris, {data['participants']} peserta rapat: {data['matched']} cocok dan dihitung hadir "
        f"daring, {data['below_minimum']} cocok tetapi di bawah batas menit, {data['ambiguous']} meragukan, "
        f"{data['unmatched']} tidak dikenali.",
    ]
    if data["attendances_created"] or data["already_present"]:
        lines.append(
            f"{data['attendances_created']} kehadiran daring dicatat; {data['already_present']} peserta "
            "sudah hadir di ruangan dan tetap tercatat Hadir."
        )
    review = data["rows_to_review"]
    if review:
        lines.append("Perlu ditinjau (tetapkan lewat Impor kehadiran daring… di aplikasi):")
        for row in review:
            lines.append(
                f"- baris {', '.join(map(str, row['lines']))}: {row['name']} ({row['minutes']} menit) — {row['reason']}"
            )
    for item in data["skipped"]:
        lines.append(f"Baris {item['line']} dilewati: {item['reason']}")
    return "\n".join(lines)
