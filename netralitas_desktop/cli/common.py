"""What every command shares: opening the database, errors, output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from ..core import database
from ..core.database import DatabaseError
from ..core.migrations import SchemaTooNewError


class CliError(Exception):
    """A failure to report to the user (Bahasa Indonesia) with a non-zero exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="cetak hasil sebagai satu objek JSON")


def open_db(args: argparse.Namespace) -> database.DatabaseLocation:
    try:
        return database.open_database(args.db)
    except (DatabaseError, SchemaTooNewError) as err:
        raise CliError(str(err), exit_code=3) from err


def emit(args: argparse.Namespace, result: dict, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout
    if getattr(args, "json", False):
        stream.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
        return
    message = result.get("message") or result.get("error")
    if message:
        stream.write(f"{message}\n")


# Command modules, in the order ``--help`` lists them. Each has ``register(subparsers)``.
COMMAND_MODULES: list = []
