"""``netralitas checkin KODE --event ID --desk NAMA [--operator NAMA] [--json]``."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from ..core import events
from ..core.audit import Actor
from .common import CliError, add_command, count_int, format_table, positive_int

# core.checkin is imported by the command, so that building the parser (every start, GUI
# included) stays fast.

EXIT_REJECTED = 1

HELP = "catat kehadiran satu peserta dari kode QR undangan, NIP/NI PPPK atau NIK"
EPILOG = (
    "Hasil: HADIR (baru dicatat), SUDAH HADIR (dengan jam dan meja pencatatan pertama) atau DITOLAK "
    "(dengan alasannya). Kode keluar: 0 untuk hadir dan sudah hadir, 1 bila ditolak, 2 bila perintah "
    "atau nomor kegiatan salah, 3 bila basis data tidak dapat dibuka. Dengan --json dicetak satu objek "
    'JSON: "status" (checked_in, already, rejected), "reason", "person", "checked_in_at", "desk", '
    '"operator", "method".'
)


def register(subparsers: argparse._SubParsersAction) -> None:
    register_checkin(subparsers)
    register_status(subparsers)


def register_checkin(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(subparsers, "checkin", HELP, run_checkin)
    parser.epilog = EPILOG
    parser.add_argument(
        "code",
        metavar="KODE",
        help="isi kode QR undangan, atau NIP/NI PPPK (18 digit, boleh berspasi) "
        "atau NIK (16 digit); beri tanda kutip bila berspasi",
    )
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    parser.add_argument("--desk", required=True, metavar="NAMA", help="nama meja registrasi, misalnya 'Meja 1'")
    parser.add_argument(
        "--operator", default=None, metavar="NAMA", help="nama petugas (bawaan: nama pengguna komputer)"
    )


def run_checkin(args: argparse.Namespace) -> dict:
    from ..core import checkin

    events.get_event(args.event)  # an unknown event is a usage error, not a rejected scan
    desk = " ".join(args.desk.split())
    if not desk:
        raise CliError("Nama meja (--desk) wajib diisi.", exit_code=2)
    operator = Actor.default().operator if args.operator is None else " ".join(args.operator.split())
    result = checkin.check_in(args.event, args.code, actor=Actor(desk, operator))
    if result.status == checkin.CheckinStatus.REJECTED:
        # The error object carries the whole result; "text" is the banner line for text mode.
        details = {key: value for key, value in result.to_dict().items() if key != "message"}
        raise CliError(result.reason, exit_code=EXIT_REJECTED, text=result.message, **details)
    return result.to_dict()


STATUS_HELP = "angka kehadiran seperti di meja registrasi (hadir/terdaftar, ruangan/daring) dan check-in terakhir"


def register_status(subparsers: argparse._SubParsersAction) -> None:
    parser = add_command(subparsers, "desk-status", STATUS_HELP, run_desk_status)
    parser.add_argument("--event", type=positive_int, required=True, metavar="ID", help="nomor kegiatan")
    parser.add_argument(
        "--recent", type=count_int, default=10, metavar="N", help="berapa check-in terakhir ditampilkan (bawaan 10)"
    )


def run_desk_status(args: argparse.Namespace) -> dict:
    from ..core import checkin
    from ..core.dates import clock_time

    events.get_event(args.event)
    status = checkin.desk_status(args.event, args.recent)
    c = status.counters
    lines = [
        f"Hadir {c.present} dari {c.registered} terdaftar: di ruangan {c.onsite_present}/{c.onsite_registered}, "
        f"daring {c.online_present}/{c.online_registered}."
    ]
    if status.recent:
        lines += [
            "",
            format_table(
                ("Jam", "Nama", "Meja", "Unit kerja"),
                [
                    (
                        clock_time(item.checked_in_at.time()),
                        item.full_name,
                        " · ".join(p for p in (item.desk, item.operator) if p),
                        item.unit_kerja,
                    )
                    for item in status.recent
                ],
            ),
        ]
    recent = [{**asdict(item), "checked_in_at": item.checked_in_at.isoformat(sep=" ")} for item in status.recent]
    return {
        "event_id": args.event,
        "counters": c.to_dict(),
        "recent": recent,
        "message": lines[0],
        "text": "\n".join(lines),
    }
