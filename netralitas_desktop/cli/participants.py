"""``netralitas participants list --event ID``."""

from __future__ import annotations

import argparse

from ..core import events
from ..core.nip import format_nip
from .common import add_command, add_group, format_table, positive_int

# core.participants is imported by the command, so that building the parser (every start,
# GUI included) stays fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    actions = add_group(subparsers, "participants", "peserta kegiatan")
    listing = add_command(actions, "list", "daftar peserta satu kegiatan", list_participants)
    listing.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")


def list_participants(args: argparse.Namespace) -> dict:
    from ..core import participants

    events.get_event(args.event)  # an unknown event is an error, not an empty list
    rows = participants.list_participants(args.event)
    people = [
        {
            "registration_id": row.registration_id,
            "nip": row.nip,
            "nip_formatted": format_nip(row.nip) if row.nip else "",
            "nik": row.nik,
            "name": row.full_name,
            "employment_type": row.employment_type,
            "golongan": row.golongan,
            "jabatan": row.jabatan,
            "unit_kerja": row.unit_kerja,
            "mode": row.mode,
            "source": row.source,
            "checked_in_at": row.checked_in_at.isoformat(sep=" ") if row.checked_in_at else None,
        }
        for row in rows
    ]
    present = sum(1 for row in rows if row.checked_in_at)
    return {"event_id": args.event, "count": len(people), "participants": people, "text": _table(people, present)}


def _table(people: list[dict], present: int) -> str:
    from ..core import participants

    if not people:
        return "Belum ada peserta. Impor daftar dengan: netralitas roster import BERKAS --event ID"
    table = format_table(
        ("No", "NIP / NIK", "Nama", "Jenis", "Gol.", "Unit kerja", "Mode", "Hadir"),
        [
            (
                index,
                p["nip_formatted"] or p["nik"],
                p["name"],
                participants.EMPLOYMENT_LABELS.get(p["employment_type"], p["employment_type"]),
                p["golongan"],
                p["unit_kerja"],
                "daring" if p["mode"] == "online" else "luring",
                (p["checked_in_at"] or "")[11:16],
            )
            for index, p in enumerate(people, start=1)
        ],
        right=(0,),
    )
    return f"{table}\n\n{len(people)} peserta, {present} hadir."
