"""Command line: ``netralitas [--db URL] COMMAND … [--json]``.

Each command module exposes ``register(subparsers)`` and sets ``func(args) -> dict`` on its
parser. ``main`` opens the database, runs the command, and prints either the dict as one
JSON object (``--json``) or the text the command put in ``result["message"]``.
Errors exit non-zero with a message in Bahasa Indonesia, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .. import __version__
from .common import COMMAND_MODULES, CliError, emit


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netralitas",
        description="Netralitas Desktop — registrasi, ikrar, sertifikat dan laporan Sosialisasi Netralitas ASN.",
    )
    parser.add_argument("--version", action="version", version=f"Netralitas Desktop {__version__}")
    parser.add_argument("--db", metavar="URL", help="sqlite:///berkas.db atau postgresql://… (bawaan: NETRALITAS_DB)")
    subparsers = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        from ..gui.app import run_gui  # the GUI is the default when no command is given

        return run_gui(db_url=args.db, demo=getattr(args, "demo", False))
    try:
        result = args.func(args)
    except CliError as err:
        emit(args, {"ok": False, "error": str(err)}, stream=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        emit(args, {"ok": False, "error": "Dibatalkan."}, stream=sys.stderr)
        return 130
    emit(args, result)
    return 0


__all__ = ["main", "build_parser", "CliError"]
