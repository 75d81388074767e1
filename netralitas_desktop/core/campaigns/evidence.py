"""The registrations of a campaign's events that carry pledge evidence, kept up to date between refreshes.

Evidence is what ``pledged.pledge_route`` decides on: cancelled or not, the check-in method,
a desk signature, a returned ikrar mandiri form. Reading it for 50,000 people over 30 events
takes a few hundred milliseconds — too slow to repeat each time a desk checks someone in.
So it is kept per database and event set, and brought up to date from what changed:

- marks (``_marks``): the newest audit entry, and count + newest id of ``attendance``,
  ``signature``, ``ikrar_return`` and ``registration``;
- when only rows were added — the audit entries since are all ``APPEND_ONLY`` actions (a
  check-in, a signature, a form received …) and each table grew by exactly the rows newer
  than its mark — those rows are read and applied;
- anything else (an undone check-in, a cancellation, an import, an action not listed, two
  desks committing out of order) reads everything again, as does the first read of a set
  and any read older than ``FULL_READ_EVERY`` seconds, which also heals what no mark shows.

``read(event_ids, keep=False)`` always reads everything (the purge and one-off commands);
``read(…, since=…)`` hands back only what a caller has not seen yet, when it can.

Everything is read set-based (the first load of the coverage view): grouped in SQL by the
evidence itself, the few combinations of (cancelled, method, signed, returned) each with the
people who have it — no Python step per registration. What a catch-up adds is read per
registration (few). A reader asking for everything after catch-ups gets a full read again.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, Case, SqliteDatabase, fn

from ..models import Attendance, AuditLog, Registration, Signature, db
from ..pledges.models import IkrarReturn
from ..roster.bulk import chunks

FULL_READ_EVERY = 60.0  # seconds
KEEP_AT_MOST = 8  # event sets (campaigns) kept
# Audited actions that only add rows (or touch nothing coverage reads).
APPEND_ONLY = frozenset(
    {
        "checkin",
        "checkin.walk_in",
        "signature.save",
        "ikrar_mandiri.receive",
        "ikrar_mandiri.attach",
        "participant.add",
        "export",
        "event.create",
        "documents.settings",
        "documents.image",
        "campaign.create",
        "campaign.update",
        "campaign.excuse",
        "campaign.unexcuse",
        "campaign.add_event",
        "campaign.mandiri_event",
        "campaign.register_owing",
    }
)
EVIDENCE: tuple[type[Attendance] | type[Signature] | type[IkrarReturn], ...] = (Attendance, Signature, IkrarReturn)

# (cancelled, check-in method or None, signed, form returned): what decides a registration's route
Evidence = tuple[bool, str | None, bool, bool]
# registration id -> (person id, *Evidence)
Rows = dict[int, tuple[Any, ...]]
# each combination of evidence found, with the people whose registrations have it (a person once per registration)
Groups = list[tuple[Evidence, list[int]]]
# (newest audit id, then (count, newest id) of each EVIDENCE table and of Registration)
_Marks = tuple[Any, ...]


@dataclass
class _Kept:
    marks: _Marks
    groups: Groups  # as the full read found them
    read_at: float
    generation: int  # new with every full read
    rows: Rows = field(default_factory=dict)  # the registrations changed since, as they are now
    log: list[int] = field(default_factory=list)  # registrations changed by each catch-up since


@dataclass(frozen=True)
class Reading:
    """What ``read`` found: everything (``groups``), or (asked ``since`` a reading of the same
    generation) only the rows of the registrations changed since (``partial``)."""

    generation: int
    position: int  # changes caught up with in this generation
    groups: Groups  # everything, when not partial
    rows: list[tuple[Any, ...]]  # (person id, *Evidence) of each registration changed, when partial
    partial: bool


_lock = threading.Lock()
_kept: dict[tuple[DatabaseKey, tuple[int, ...]], _Kept] = {}
_generations = itertools.count(1)


DatabaseKey = tuple[str, object, object]  # driver, database name, host


def database_key() -> DatabaseKey:
    """Which database the models are bound to (file, or server and name)."""
    obj = db.obj
    return type(obj).__name__, obj.database, getattr(obj, "connect_params", {}).get("host")


def read(event_ids: Iterable[int], *, keep: bool = True, since: tuple[int, int] | None = None) -> Reading:
    """The evidence of these events' registrations that have any: grouped, or the rows changed (``Reading``).

    ``since``: the (generation, position) of the caller's last reading; when still valid, only
    the rows changed after it come back (they only ever gained evidence: rows were added).
    """
    ids = tuple(sorted(set(event_ids)))
    if not ids:
        return Reading(0, 0, [], [], False)
    if not keep:
        return Reading(0, 0, _read_all(ids), [], False)
    key = (database_key(), ids)
    with _lock:
        marks = _marks()  # before the data: a row added meanwhile is read again next time, harmlessly
        kept = _kept.get(key)
        stale = kept is None or time.monotonic() - kept.read_at > FULL_READ_EVERY
        if kept is not None and not stale and kept.marks != marks and not _catch_up(kept, marks, ids):
            stale = True
        can_continue = kept is not None and since is not None and _continues(since, kept)
        if not stale and not can_continue and kept is not None and kept.log:
            stale = True  # everything asked for, and the groups read are no longer all: read them again
        if kept is None or stale:
            if kept is None and len(_kept) >= KEEP_AT_MOST:
                _kept.pop(min(_kept, key=lambda k: _kept[k].read_at))
            kept = _kept[key] = _Kept(marks, _read_all(ids), time.monotonic(), next(_generations))
        position = len(kept.log)
        if since is not None and _continues(since, kept):
            changed = dict.fromkeys(kept.log[since[1] :])
            return Reading(kept.generation, position, [], [kept.rows[r] for r in changed], True)
        return Reading(kept.generation, position, kept.groups, [], False)


def _continues(since: tuple[int, int], kept: _Kept) -> bool:
    return since[0] == kept.generation and since[1] <= len(kept.log)


def forget() -> None:
    """Drop everything kept (tests; a restored backup reads afresh anyway through its marks)."""
    with _lock:
        _kept.clear()


def table_figures(model: Any, *figures: str) -> tuple[Any, ...]:
    """``figures`` (SQL aggregates such as ``COUNT(*)``) of a whole table, each its own subquery:
    then SQLite counts from its smallest index and reads a MAX off an index, where one SELECT
    of them all would scan the table."""
    table = model._meta.table_name
    sql = "SELECT " + ", ".join(f'(SELECT {figure} FROM "{table}")' for figure in figures)
    return tuple(db.execute_sql(sql).fetchone())


def _marks() -> _Marks:
    tables = tuple(table_figures(model, "COUNT(*)", 'MAX("id")') for model in (*EVIDENCE, Registration))
    return (AuditLog.select(fn.MAX(AuditLog.id)).scalar() or 0, *tables)


def id_list(column: Any) -> Any:
    """The ids of a group as one value: a list from PostgreSQL, "1,2,3" from SQLite (``ids_of`` reads both)."""
    if isinstance(db.obj, SqliteDatabase):
        return fn.GROUP_CONCAT(column)
    return fn.ARRAY_AGG(column)


def ids_of(found: str | list[int]) -> list[int]:
    return found if isinstance(found, list) else list(map(int, found.split(",")))


_CANCELLED = Registration.cancelled_at.is_null(False)
_SIGNED = Signature.id.is_null(False)
_RETURNED = IkrarReturn.id.is_null(False)


def _with_evidence(*columns: Any) -> Any:
    """The registrations with any evidence; each answered from an index (``migrations.COVERAGE_INDEXES``)."""
    return (
        Registration.select(*columns)
        .join(Attendance, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(Signature, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(IkrarReturn, JOIN.LEFT_OUTER)
        .where(Attendance.id.is_null(False) | _SIGNED | _RETURNED)
    )


def _flag(condition: Any, bit: int) -> Any:
    return Case(None, [(condition, bit)], 0)


# cancelled, signed, returned as the bits 4, 2, 1 of one number: SQLite groups on it faster than on three
_FLAGS = _flag(_CANCELLED, 4) + _flag(_SIGNED, 2) + _flag(_RETURNED, 1)


def _read_all(ids: tuple[int, ...]) -> Groups:
    """Everything, grouped by the combination of evidence: a few rows, each with its people."""
    query = (
        _with_evidence(_FLAGS, Attendance.method, id_list(Registration.person))
        .where(Registration.event.in_(list(ids)))
        .group_by(_FLAGS, Attendance.method)
    )
    sql, params = query.sql()
    table = f'"{Attendance._meta.table_name}" AS "t2"'
    if isinstance(db.obj, SqliteDatabase) and sql.count(table) == 1 and _has_index(_ATTENDANCE_METHOD):
        # SQLite would look the check-in up by its unique key, then read the method from the table;
        # the index of both answers alone (a third faster over 50,000 check-ins).
        sql = sql.replace(table, f'{table} INDEXED BY "{_ATTENDANCE_METHOD}"')
    return [
        ((bool(flags & 4), method, bool(flags & 2), bool(flags & 1)), ids_of(people))
        for flags, method, people in db.execute_sql(sql, params).fetchall()
    ]


_ATTENDANCE_METHOD = "attendance_registration_method"  # migration 10


def _has_index(name: str) -> bool:
    """Whether the SQLite file has the index (a database opened without its migrations has not)."""
    return (
        db.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone() is not None
    )


def _read_rows(registration_ids: list[int]) -> Rows:
    found: Rows = {}
    for batch in chunks(registration_ids, 500):
        query = _with_evidence(
            Registration.id, Registration.person, _CANCELLED, Attendance.method, _SIGNED, _RETURNED
        ).where(Registration.id.in_(list(batch)))
        for registration_id, person_id, cancelled, method, signed, returned in db.execute(query.tuples()):
            found[registration_id] = (person_id, bool(cancelled), method, bool(signed), bool(returned))
    return found


def _catch_up(kept: _Kept, marks: _Marks, ids: tuple[int, ...]) -> bool:
    """Apply the rows added since ``kept.marks``; False when more than rows were added."""
    old = kept.marks
    if marks[0] > old[0]:
        actions = {a for (a,) in AuditLog.select(AuditLog.action).where(AuditLog.id > old[0]).distinct().tuples()}
        if not actions <= APPEND_ONLY:
            return False
    (old_count, old_max), (count, _) = old[4], marks[4]
    added = Registration.select().where(Registration.id > (old_max or 0)).count()
    if old_count + added != count:
        return False  # a registration went (or came back out of order)
    changed: list[int] = []
    for index, model in enumerate(EVIDENCE, 1):
        (old_count, old_max), (count, _) = old[index], marks[index]
        query = Registration.select(Registration.id, Registration.event).join(model).where(model.id > (old_max or 0))
        new_rows = list(query.tuples())
        if old_count + len(new_rows) != count:
            return False
        changed += [registration_id for registration_id, event_id in new_rows if event_id in ids]
    kept.rows.update(_read_rows(sorted(set(changed))))  # as they are now, with all their evidence
    # One whose evidence went meanwhile is not found: the next marks show that and read everything.
    kept.log += [registration_id for registration_id in changed if registration_id in kept.rows]
    kept.marks = marks
    return True


__all__ = [
    "APPEND_ONLY",
    "FULL_READ_EVERY",
    "Reading",
    "database_key",
    "forget",
    "id_list",
    "ids_of",
    "read",
    "table_figures",
]
