"""Command line: ``netralitas [--db URL] COMMAND … [--json]``; no command opens the GUI.

Each command module has ``register(subparsers)``, which adds its parsers with
``common.add_command`` (``--json`` plus ``func(args) -> dict``). ``main`` opens the
database, runs the command and prints its dict as one JSON object (``--json``) or as
text. Errors exit non-zero with a message in Bahasa Indonesia, never a traceback:
2 for bad input, 3 for the database, 1 for anything else.

To add a command group: write ``cli/<name>.py`` with ``register`` and list it in
``COMMAND_MODULES`` below. Keep ``register`` light — import core modules inside the command
functions, so starting the window does not load every feature (tests/test_fast_start.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from . import (
    campaigns,
    certificates,
    checkin,
    demo,
    desk,
    documents,
    events,
    ikrar_mandiri,
    invitations,
    maintenance,
    online,
    package,
    participants,
    reports,
    roster,
    selftest,
)
from .common import ArgumentParser, CliError, UsageError, add_json_flag, report_error, run_command

# Every file the program writes names participants or holds its settings: owner only (0600 files,
# 0700 folders) on POSIX, whatever writes it (core.private_files covers the main files explicitly).
PRIVATE_UMASK = 0o077

# In the order ``--help`` lists them.
COMMAND_MODULES = [
    events,
    roster,
    participants,
    checkin,
    desk,
    invitations,
    documents,
    ikrar_mandiri,
    certificates,
    reports,
    online,
    campaigns,
    package,
    maintenance,
    demo,
    selftest,
]


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="netralitas",
        description="Netralitas Desktop — registrasi, ikrar, sertifikat dan laporan Sosialisasi Netralitas ASN. "
        "Tanpa PERINTAH, aplikasi jendela (GUI) dibuka.",
    )
    parser.add_argument(
        "--version", action="version", version=f"Netralitas Desktop {__version__}", help="tampilkan versi lalu keluar"
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="sqlite:///berkas.db atau postgresql://… (bawaan: variabel NETRALITAS_DB, "
        "lalu berkas di folder data pengguna)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="GUI: buat kegiatan contoh berisi peserta fiktif (tanpa pilihan ini tidak ada kegiatan contoh; "
        "halaman pembuka menawarkannya bila belum ada kegiatan)",
    )
    add_json_flag(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="PERINTAH", title="perintah")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the program itself (console script, python -m, the frozen bundle), not a caller
        os.umask(PRIVATE_UMASK)
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as err:
        if "--json" not in argv:
            sys.stderr.write(err.usage)
        return report_error(argparse.Namespace(json="--json" in argv), err)
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    if not getattr(args, "func", None):
        return _run_gui(args)
    return run_command(args)


def opens_gui(argv: Sequence[str]) -> bool:
    """Whether ``netralitas ARGV`` would open the window (scripts/run.sh asks, to set up a screen)."""
    try:
        args = build_parser().parse_args(list(argv))
    except (UsageError, SystemExit):
        return False
    return not getattr(args, "func", None)


def _no_screen() -> bool:
    """Linux without X11/Wayland: Qt would abort with an English message and a core dump."""
    return sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


def _run_gui(args: argparse.Namespace) -> int:
    if _no_screen():
        return report_error(
            args,
            CliError(
                "Layar tidak ditemukan (DISPLAY dan WAYLAND_DISPLAY kosong), jadi jendela aplikasi tidak dapat dibuka. "
                "Jalankan lewat 'bash scripts/run.sh' (memakai layar virtual Xvfb) atau 'xvfb-run -a netralitas', "
                "atau pakai perintah baris: netralitas --help"
            ),
        )
    try:
        from ..gui.app import run_gui
    except ImportError as err:
        return report_error(
            args,
            CliError(
                f"Aplikasi jendela tidak dapat dimuat ({err}). Perintah baris tetap dapat dipakai: netralitas --help"
            ),
        )
    return run_gui(
        db_url=args.db,
        demo=args.demo,
        desk_event=getattr(args, "desk_event", None),
        kiosk=getattr(args, "kiosk", False),
    )


__all__ = ["COMMAND_MODULES", "CliError", "build_parser", "main", "opens_gui"]
