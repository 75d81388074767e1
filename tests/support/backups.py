"""SQLite files for the backup and damaged-file tests: a filled database, and damage done to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from netralitas_desktop.core import database
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.demo import create_demo_event

DESK = Actor("Meja 1", "Ani")


def make_file(url: str, participants: int = 60) -> int:
    """A migrated database with a demo event; closed afterwards. Returns the event id."""
    database.open_database(url)
    event_id = create_demo_event(participants=participants, actor=DESK)
    database.close_database()
    return event_id


def count_rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def corrupt_page(path: Path, table: str) -> None:
    """Overwrite the cell area of ``table``'s root b-tree page with garbage (a torn/bad sector)."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xde\xad\xbe\xef" * ((page_size - 16) // 4))


def truncate(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
