"""``netralitas demo [--participants N]``: a fictional event to try the app with."""

from __future__ import annotations

import argparse

from .common import add_command, cli_actor, count_int

# core.demo is imported by the command, so that building the parser (every start, GUI
# included) stays fast.


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(subparsers, "demo", "buat kegiatan contoh dengan peserta fiktif", create_demo)
    parser.add_argument(
        "--participants", type=count_int, default=300, metavar="N", help="jumlah peserta fiktif (bawaan: 300)"
    )


def create_demo(args: argparse.Namespace) -> dict:
    from ..core.demo import create_demo_event

    event_id = create_demo_event(args.participants, actor=cli_actor())
    return {
        "id": event_id,
        "participants": args.participants,
        "message": f"Kegiatan contoh nomor {event_id} dibuat dengan {args.participants} peserta fiktif.",
    }
