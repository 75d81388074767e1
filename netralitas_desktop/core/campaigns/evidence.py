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
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, fn

from ..models import Attendance, AuditLog, Registration, Signature, db
from ..pledges.models import IkrarReturn

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

# registration id -> [person id, cancelled, check-in method or None, signed, form returned]
Rows = dict[int, list[Any]]
# (newest audit id, then (count, newest id) of each EVIDENCE table and of Registration)
_Marks = tuple[Any, ...]


@dataclass
class _Kept:
    marks: _Marks
    rows: Rows
    read_at: float
    generation: int  # new with every full read
    log: list[int] = field(default_factory=list)  # registrations changed by each catch-up since


@dataclass(frozen=True)
class Reading:
    """What ``read`` found: every row, or (asked ``since`` a reading of the same generation) only the changed ones."""

    generation: int
    position: int  # changes caught up with in this generation
    rows: list[list[Any]]  # every row, or only those changed since the caller's reading (``partial``)
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
    """The evidence rows of these events' registrations that have any (see ``Rows``).

    ``since``: the (generation, position) of the caller's last reading; when still valid, only
    the rows changed after it come back (they only ever gained evidence: rows were added).
    """
    ids = tuple(sorted(set(event_ids)))
    if not ids:
        return Reading(0, 0, [], False)
    if not keep:
        return Reading(0, 0, list(_read_all(ids).values()), False)
    key = (database_key(), ids)
    with _lock:
        marks = _marks()  # before the data: a row added meanwhile is read again next time, harmlessly
        kept = _kept.get(key)
        stale = kept is None or time.monotonic() - kept.read_at > FULL_READ_EVERY
        if kept is None or stale or (kept.marks != marks and not _catch_up(kept, marks, ids)):
            if kept is None and len(_kept) >= KEEP_AT_MOST:
                _kept.pop(min(_kept, key=lambda k: _kept[k].read_at))
            kept = _kept[key] = _Kept(marks, _read_all(ids), time.monotonic(), next(_generations))
        position = len(kept.log)
        if since is not None and since[0] == kept.generation and since[1] <= position:
            changed = dict.fromkeys(kept.log[since[1] :])
            return Reading(kept.generation, position, [kept.rows[r] for r in changed], True)
        return Reading(kept.generation, position, list(kept.rows.values()), False)


def forget() -> None:
    """Drop everything kept (tests; a restored backup reads afresh anyway through its marks)."""
    with _lock:
        _kept.clear()


def _marks() -> _Marks:
    tables = tuple(
        tuple(model.select(fn.COUNT(model.id), fn.MAX(model.id)).tuples().first())
        for model in (*EVIDENCE, Registration)
    )
    return (AuditLog.select(fn.MAX(AuditLog.id)).scalar() or 0, *tables)


def _read_all(ids: tuple[int, ...]) -> Rows:
    query = (
        Registration.select(
            Registration.id,
            Registration.person,
            Registration.cancelled_at.is_null(False),
            Attendance.method,
            Signature.id.is_null(False),
            IkrarReturn.id.is_null(False),
        )
        .join(Attendance, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(Signature, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(IkrarReturn, JOIN.LEFT_OUTER)
        .where(
            Registration.event.in_(list(ids))
            & (Attendance.id.is_null(False) | Signature.id.is_null(False) | IkrarReturn.id.is_null(False))
        )
    )
    return {row[0]: [row[1], bool(row[2]), row[3], bool(row[4]), bool(row[5])] for row in db.execute(query.tuples())}


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
    changes: list[tuple[type[Attendance] | type[Signature] | type[IkrarReturn], tuple[Any, ...]]] = []
    for index, model in enumerate(EVIDENCE, 1):
        (old_count, old_max), (count, _) = old[index], marks[index]
        columns = [model.id, Registration.id, Registration.person, Registration.cancelled_at.is_null(False)]
        columns += [Registration.event] + ([Attendance.method] if model is Attendance else [])
        new_rows = list(Registration.select(*columns).join(model).where(model.id > (old_max or 0)).tuples())
        if old_count + len(new_rows) != count:
            return False
        changes += [(model, row) for row in new_rows if row[4] in ids]
    for model, (_, registration_id, person_id, cancelled, _event, *method) in changes:
        row = kept.rows.setdefault(registration_id, [person_id, bool(cancelled), None, False, False])
        if model is Attendance:
            row[2] = method[0]
        else:
            row[3 if model is Signature else 4] = True
        kept.log.append(registration_id)
    kept.marks = marks
    return True


__all__ = ["APPEND_ONLY", "FULL_READ_EVERY", "Reading", "database_key", "forget", "read"]
