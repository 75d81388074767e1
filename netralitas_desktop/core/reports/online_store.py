"""What the online import keeps, and how minutes become attendance.

Every report row is stored (``OnlineSegment``), matched or not, so that a later manual
assignment or a new minimum re-adds a person's minutes from the rows themselves. A
registration's minutes are its rows' durations, minus the time two rows overlap (the
same person on a laptop and a phone is there once). At or above the event's minimum a
registration without a check-in gets an Attendance (method ``online``, desk ``Daring``);
the unique key keeps a desk check-in untouched, so someone seen in the room stays Hadir.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from .. import audit
from ..event_settings import ONLINE_MIN_MINUTES, online_min_minutes
from ..events import ValidationError
from ..models import Attendance, Registration, db, now
from ..statuses import Method
from ..transactions import write_transaction
from .models import OnlineAlias, OnlineAttendance, OnlineReport, OnlineSegment

ONLINE_DESK = "Daring"
_MATCH_PRIORITY = ("manual", "nip", "nik", "email", "name", "fuzzy")


class Segment(NamedTuple):
    joined: dt.datetime | None
    left: dt.datetime | None
    minutes: int


def online_minutes(segments: Iterable[Segment]) -> int:
    """Sum of the rows' minutes less the minutes they overlap (known only from join/leave times)."""
    segments = list(segments)
    if not segments:
        return 0
    total = sum(s.minutes for s in segments)
    timed = sorted((s.joined, s.left) for s in segments if s.joined and s.left and s.left >= s.joined)
    if len(timed) < 2:
        return total
    union = dt.timedelta()
    start, end = timed[0]
    for joined, left in timed[1:]:
        if joined <= end:
            end = max(end, left)
        else:
            union += end - start
            start, end = joined, left
    union += end - start
    overlap = sum((left - joined for joined, left in timed), dt.timedelta()) - union
    return max(max(s.minutes for s in segments), total - int(overlap.total_seconds() // 60))


def stored_segments(event_id: int, exclude_report: int | None = None) -> dict[int, list[Segment]]:
    """registration id -> its stored rows, over all the event's reports (but ``exclude_report``)."""
    query = (
        OnlineSegment.select(
            OnlineSegment.registration, OnlineSegment.joined, OnlineSegment.left, OnlineSegment.minutes
        )
        .join(OnlineReport)
        .where((OnlineReport.event == event_id) & OnlineSegment.registration.is_null(False))
    )
    if exclude_report is not None:
        query = query.where(OnlineSegment.report != exclude_report)
    found: dict[int, list[Segment]] = defaultdict(list)
    for registration_id, joined, left, minutes in query.tuples():
        found[registration_id].append(Segment(joined, left, minutes))
    return found


def attendance_methods(event_id: int) -> dict[int, str]:
    """registration id -> check-in method, for the registrations already checked in."""
    query = (
        Attendance.select(Attendance.registration, Attendance.method)
        .join(Registration)
        .where(Registration.event == event_id)
        .tuples()
    )
    return dict(query)


@dataclass
class Settled:
    created: int = 0  # online check-ins added
    removed: int = 0  # online check-ins taken back (now below the minimum, or unassigned)


def settle(event_id: int, registration_ids: Iterable[int], minimum: int, operator: str = "") -> Settled:
    """Bring OnlineAttendance and online check-ins of these registrations in line with their rows.

    Call inside a write transaction. Check-ins made at a desk are never touched.
    """
    wanted = sorted(set(registration_ids))
    result = Settled()
    if not wanted:
        return result
    rows: dict[int, list[list[Any]]] = defaultdict(list)
    query = (
        OnlineSegment.select(
            OnlineSegment.registration,
            OnlineSegment.joined,
            OnlineSegment.left,
            OnlineSegment.minutes,
            OnlineSegment.display_name,
            OnlineSegment.matched_by,
        )
        .join(OnlineReport)
        .where((OnlineReport.event == event_id) & OnlineSegment.registration.in_(wanted))
    )
    for registration_id, *row in query.tuples():
        rows[registration_id].append(row)
    methods: dict[int, str] = dict(
        Attendance.select(Attendance.registration, Attendance.method)
        .where(Attendance.registration.in_(wanted))
        .tuples()
    )
    cancelled = {
        r
        for (r,) in Registration.select(Registration.id)
        .where(Registration.id.in_(wanted) & Registration.cancelled_at.is_null(False))
        .tuples()
    }
    for registration_id in wanted:
        mine = rows.get(registration_id, [])
        OnlineAttendance.delete().where(OnlineAttendance.registration == registration_id).execute()
        total = online_minutes(Segment(j, left, m) for j, left, m, _, _ in mine)
        if mine:
            joins = [j for j, *_ in mine if j]
            leaves = [left for _, left, *_ in mine if left]
            longest = max(mine, key=lambda row: row[2])
            how = min((row[4] for row in mine), key=lambda m: _MATCH_PRIORITY.index(m) if m in _MATCH_PRIORITY else 99)
            OnlineAttendance.insert(
                registration=registration_id,
                minutes=total,
                first_join=min(joins) if joins else None,
                last_leave=max(leaves) if leaves else None,
                display_name=longest[3][:300],
                matched_by=how,
            ).execute()
        method = methods.get(registration_id)
        if mine and total >= minimum and method is None and registration_id not in cancelled:
            joins = [j for j, *_ in mine if j]
            insert = Attendance.insert(
                registration=registration_id,
                checked_in_at=min(joins) if joins else now(),
                desk=ONLINE_DESK,
                operator=operator,
                method=Method.ONLINE,
            ).on_conflict_ignore()  # a desk that checks the person in meanwhile wins
            result.created += db.execute(insert).rowcount
        elif method == Method.ONLINE and (not mine or total < minimum):
            Attendance.delete().where(
                (Attendance.registration == registration_id) & (Attendance.method == Method.ONLINE)
            ).execute()
            result.removed += 1
    return result


def check_assignable(event_id: int, registration_id: int) -> None:
    row = (
        Registration.select(Registration.event, Registration.cancelled_at)
        .where(Registration.id == registration_id)
        .tuples()
        .first()
    )
    if row is None or row[0] != event_id:
        raise ValidationError({"registration": f"Peserta nomor {registration_id} tidak terdaftar pada kegiatan ini."})
    if row[1] is not None:
        raise ValidationError({"registration": "Pendaftaran peserta ini telah dibatalkan; pulihkan dulu."})


def assign_key(event_id: int, key: str, registration_id: int | None, report_ids: list[int] | None = None) -> set[int]:
    """Point every stored row of ``key`` (in these reports, or all the event's) at a registration,
    or none, and remember the choice for later reports. Returns the registrations affected."""
    if registration_id is not None:
        check_assignable(event_id, registration_id)
    reports = (
        report_ids
        if report_ids is not None
        else [r for (r,) in OnlineReport.select(OnlineReport.id).where(OnlineReport.event == event_id).tuples()]
    )
    where = (OnlineSegment.report.in_(reports)) & (OnlineSegment.participant_key == key)
    affected = {
        r
        for (r,) in OnlineSegment.select(OnlineSegment.registration)
        .where(where & OnlineSegment.registration.is_null(False))
        .tuples()
    }
    OnlineSegment.update(registration=registration_id, matched_by="manual" if registration_id else "").where(
        where
    ).execute()
    OnlineAlias.delete().where((OnlineAlias.event == event_id) & (OnlineAlias.participant_key == key)).execute()
    if registration_id is not None:
        OnlineAlias.insert(event=event_id, participant_key=key, registration=registration_id).execute()
        affected.add(registration_id)
    return affected


def check_minimum(minutes: object) -> int:
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= 24 * 60:
        raise ValidationError({"min_minutes": "Batas menit daring harus bilangan bulat 0 sampai 1440."})
    return minutes


def change_minimum(event_id: int, minutes: int, actor: audit.Actor | None = None) -> Settled:
    """Inside a write transaction: store the minimum and re-evaluate everyone with online minutes."""
    from ..event_settings import set_setting

    check_minimum(minutes)
    previous = online_min_minutes(event_id)
    set_setting(event_id, ONLINE_MIN_MINUTES, minutes)
    registrations = [
        r
        for (r,) in OnlineAttendance.select(OnlineAttendance.registration)
        .join(Registration)
        .where(Registration.event == event_id)
        .tuples()
    ]
    result = settle(event_id, registrations, minutes, actor.operator if actor else "")
    if previous != minutes:
        audit.record(
            "import",
            actor=actor,
            event_id=event_id,
            source="online",
            step="min_minutes",
            previous=previous,
            minutes=minutes,
            created=result.created,
            removed=result.removed,
        )
    return result


def set_online_min_minutes(event_id: int, minutes: int, *, actor: audit.Actor | None = None) -> Settled:
    """Set the event's minimum minutes online; check-ins follow at once."""
    check_minimum(minutes)
    with write_transaction():
        return change_minimum(event_id, minutes, actor)


__all__ = [
    "ONLINE_DESK",
    "Segment",
    "Settled",
    "assign_key",
    "attendance_methods",
    "change_minimum",
    "check_assignable",
    "check_minimum",
    "online_minutes",
    "set_online_min_minutes",
    "settle",
    "stored_segments",
]
