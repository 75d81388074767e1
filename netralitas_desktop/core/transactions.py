"""The one way to open a transaction that writes while other desks may be writing too.

Kept apart from ``checkin`` (its first user) so that any module — certificate numbering,
offline merges, online imports — can take it without importing the check-in service.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from peewee import SqliteDatabase

from .models import db


def write_transaction() -> AbstractContextManager[object]:
    """A transaction that takes SQLite's write lock at BEGIN, so desks queue instead of failing.

    A deferred SQLite transaction that reads first and writes later can fail with "database is
    locked" when another desk wrote in between; IMMEDIATE waits (busy timeout) instead. Inside
    an open transaction this is a savepoint; on PostgreSQL a plain transaction.
    """
    if isinstance(db.obj, SqliteDatabase) and not db.in_transaction():
        return db.atomic(lock_type="IMMEDIATE")
    return db.atomic()


__all__ = ["write_transaction"]
