"""Online attendance import: a meeting report becomes Daring check-ins, in two steps.

``plan_online_import`` reads the file and matches every participant (``online_match``)
without writing; the review screen then assigns ambiguous or unmatched participants by
hand (``OnlinePlan.assign``); ``apply_online_import`` stores the report, its rows and the
check-ins in one transaction (``online_store``). The CLI does both in one call
(``import_online``). Rows of one participant (a rejoin) are summed, and so are a
person's minutes over several reports; only those at or above the event's minimum count.
Re-importing a report already stored (same fingerprint) adds nothing; it only applies
the manual assignments made on its review screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from peewee import IntegrityError, OperationalError

from .. import audit
from ..event_settings import online_min_minutes
from ..events import NotFoundError, get_event
from ..jobs import Job, Progress
from ..models import Attendance, Registration
from ..statuses import Method
from ..transactions import write_transaction
from .models import OnlineReport, OnlineSegment
from .online_match import Candidate, MatchStatus, RosterIndex, participant_key
from .online_reader import MeetingReport, OnlineImportError, read_meeting_report
from .online_store import (
    Segment,
    Settled,
    assign_key,
    attendance_methods,
    change_minimum,
    check_assignable,
    check_minimum,
    online_minutes,
    settle,
    stored_segments,
)

STATUS_LABELS = {
    MatchStatus.MATCHED: "Cocok",
    MatchStatus.BELOW_MINIMUM: "Di bawah batas menit",
    MatchStatus.AMBIGUOUS: "Meragukan",
    MatchStatus.UNMATCHED: "Tidak dikenali",
}
COUNT_KEYS = (MatchStatus.MATCHED, MatchStatus.AMBIGUOUS, MatchStatus.UNMATCHED, MatchStatus.BELOW_MINIMUM)


@dataclass
class Participant:
    """One person in the report: the rows sharing a display name (or email)."""

    key: str
    display_name: str
    email: str
    lines: list[int]
    segments: list[Segment]
    status: str = MatchStatus.UNMATCHED  # matched | below_minimum | ambiguous | unmatched
    registration_id: int | None = None
    registration_name: str = ""
    matched_by: str = ""
    match_reason: str = ""
    candidates: list[Candidate] = field(default_factory=list)
    total_minutes: int = 0  # the registration's minutes over every report (own minutes if unresolved)
    already_present: bool = False  # checked in at a desk before: stays Hadir

    @property
    def minutes(self) -> int:
        return online_minutes(self.segments)

    @property
    def needs_review(self) -> bool:
        return self.status in (MatchStatus.AMBIGUOUS, MatchStatus.UNMATCHED)

    def reason(self, minimum: int) -> str:
        """Why this participant has its status, in Indonesian."""
        parts = [self.match_reason] if self.match_reason else []
        if self.status == MatchStatus.BELOW_MINIMUM:
            parts.append(f"Hanya {self.total_minutes} menit; batas minimal {minimum} menit.")
        elif self.status == MatchStatus.MATCHED and self.already_present:
            parts.append("Sudah tercatat hadir di ruangan; tetap Hadir.")
        return " ".join(parts)

    def to_dict(self, minimum: int) -> dict[str, Any]:
        return {
            "name": self.display_name,
            "email": self.email,
            "lines": self.lines,
            "minutes": self.minutes,
            "total_minutes": self.total_minutes,
            "status": self.status,
            "registration_id": self.registration_id,
            "registration_name": self.registration_name,
            "matched_by": self.matched_by,
            "reason": self.reason(minimum),
            "candidates": [{"registration_id": c.registration_id, "label": c.label} for c in self.candidates],
        }


@dataclass
class OnlinePlan:
    event_id: int
    filename: str
    kind: str
    fingerprint: str
    minimum: int
    participants: list[Participant]
    rows_read: int
    skipped: list[tuple[int, str]]
    report_id: int | None  # the stored report when this file was imported before
    decisions: dict[str, int | None] = field(default_factory=dict)  # key -> registration (manual)
    _others: dict[int, list[Segment]] = field(default_factory=dict, repr=False)
    _methods: dict[int, str] = field(default_factory=dict, repr=False)
    _names: dict[int, str] = field(default_factory=dict, repr=False)

    @property
    def already_imported(self) -> bool:
        return self.report_id is not None

    def set_minimum(self, minutes: int) -> None:
        """Try another minimum on the preview; applying the plan stores it for the event."""
        self.minimum = check_minimum(minutes)
        self.evaluate()

    def assign(self, key: str, registration_id: int | None) -> None:
        """Decide a participant by hand (None: leave unassigned); statuses are re-evaluated."""
        participant = next(p for p in self.participants if p.key == key)
        if registration_id is not None:
            check_assignable(self.event_id, registration_id)
            self._names.setdefault(registration_id, _registration_name(registration_id))
        self.decisions[key] = registration_id
        participant.registration_id = registration_id
        participant.matched_by = "manual" if registration_id else ""
        participant.match_reason = "Ditetapkan manual." if registration_id else "Dikosongkan manual."
        participant.status = MatchStatus.MATCHED if registration_id else MatchStatus.UNMATCHED
        self.evaluate()

    def evaluate(self) -> None:
        """Statuses from the minutes: this report's rows plus the person's rows from other reports."""
        per_registration: dict[int, list[Segment]] = {}
        for p in self.participants:
            if p.registration_id is not None:
                per_registration.setdefault(p.registration_id, []).extend(p.segments)
        for p in self.participants:
            if p.registration_id is None:
                p.total_minutes = p.minutes
                if p.status not in (MatchStatus.AMBIGUOUS, MatchStatus.UNMATCHED):
                    p.status = MatchStatus.UNMATCHED
                continue
            segments = self._others.get(p.registration_id, []) + per_registration[p.registration_id]
            p.total_minutes = online_minutes(segments)
            p.registration_name = self._names.get(p.registration_id, "")
            p.status = MatchStatus.MATCHED if p.total_minutes >= self.minimum else MatchStatus.BELOW_MINIMUM
            method = self._methods.get(p.registration_id)
            p.already_present = method is not None and method != Method.ONLINE

    def counts(self) -> dict[str, int]:
        """matched / below_minimum count registrations; ambiguous / unmatched count participants."""
        registrations = {
            s: {p.registration_id for p in self.participants if p.status == s}
            for s in (MatchStatus.MATCHED, MatchStatus.BELOW_MINIMUM)
        }
        return {
            "matched": len(registrations[MatchStatus.MATCHED]),
            "ambiguous": sum(p.status == MatchStatus.AMBIGUOUS for p in self.participants),
            "unmatched": sum(p.status == MatchStatus.UNMATCHED for p in self.participants),
            "below_minimum": len(registrations[MatchStatus.BELOW_MINIMUM] - registrations[MatchStatus.MATCHED]),
            "already_present": len(
                {p.registration_id for p in self.participants if p.status == MatchStatus.MATCHED and p.already_present}
            ),
            "participants": len(self.participants),
            "rows": self.rows_read,
            "skipped_rows": len(self.skipped),
        }

    def review(self) -> list[Participant]:
        return [p for p in self.participants if p.needs_review]


@dataclass
class OnlineResult:
    event_id: int
    report_id: int
    already_imported: bool
    minimum: int
    counts: dict[str, int]
    participants: list[Participant]
    skipped: list[tuple[int, str]]
    created: int  # online check-ins added by this call
    removed: int  # online check-ins taken back (a re-assignment left someone below the minimum)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "report_id": self.report_id,
            "already_imported": self.already_imported,
            "min_minutes": self.minimum,
            **self.counts,
            "attendances_created": self.created,
            "attendances_removed": self.removed,
            "rows_to_review": [p.to_dict(self.minimum) for p in self.participants if p.needs_review],
            "rows_below_minimum": [
                p.to_dict(self.minimum) for p in self.participants if p.status == MatchStatus.BELOW_MINIMUM
            ],
            "skipped": [{"line": line, "reason": reason} for line, reason in self.skipped],
        }


def plan_online_import(event_id: int, path: Path | str, *, progress: Progress | None = None) -> OnlinePlan:
    """Read and match without writing, with the event's minimum minutes."""
    progress = progress or Progress()
    event = get_event(event_id)
    progress.report(0, 3, "Membaca laporan…")
    report = read_meeting_report(path, event.date)
    if not report.rows:
        raise OnlineImportError("Laporan ini tidak berisi baris peserta yang dapat dibaca.")
    progress.check_cancelled()
    progress.report(1, 3, "Mencocokkan peserta…")
    index = RosterIndex(event_id)
    existing = (
        OnlineReport.select(OnlineReport.id)
        .where((OnlineReport.event == event_id) & (OnlineReport.fingerprint == report.fingerprint))
        .scalar()
    )
    participants = _participants(report, index, existing, progress)
    plan = OnlinePlan(
        event_id,
        Path(path).name,
        report.kind,
        report.fingerprint,
        online_min_minutes(event_id),
        participants,
        len(report.rows),
        report.skipped,
        existing,
        _others=stored_segments(event_id, exclude_report=existing),
        _methods=attendance_methods(event_id),
        _names={reg_id: entry.full_name for reg_id, entry in index.entries.items()},
    )
    plan.evaluate()
    progress.report(3, 3, "Selesai.")
    return plan


def _participants(
    report: MeetingReport, index: RosterIndex, existing: int | None, progress: Progress
) -> list[Participant]:
    grouped: dict[str, Participant] = {}
    for row in report.rows:
        key = participant_key(row.name, row.email)
        participant = grouped.get(key)
        if participant is None:
            participant = grouped[key] = Participant(key, row.name, row.email, [], [])
        participant.lines.append(row.line)
        participant.segments.append(Segment(row.joined, row.left, row.minutes))
    stored = {}
    if existing is not None:  # the stored decision wins: re-importing changes nothing
        stored = {
            key: (reg, how)
            for key, reg, how in OnlineSegment.select(
                OnlineSegment.participant_key, OnlineSegment.registration, OnlineSegment.matched_by
            )
            .where(OnlineSegment.report == existing)
            .tuples()
        }
    for number, participant in enumerate(grouped.values()):
        if number % 50 == 0:
            progress.check_cancelled()
        resolution = index.resolve(participant.key, participant.display_name, participant.email)
        if existing is not None:
            registration_id, how = stored.get(participant.key, (None, ""))
            if (
                registration_id is None
                and resolution.status == MatchStatus.MATCHED
                and resolution.registration_id is not None
            ):
                found = index.entries.get(resolution.registration_id)
                resolution = replace(
                    resolution,
                    status=MatchStatus.UNMATCHED,
                    registration_id=None,
                    reason="Belum ditetapkan pada impor sebelumnya; " + resolution.reason,
                    candidates=[found.candidate()] if found else [],
                )
            elif registration_id is not None:
                resolution = replace(
                    resolution,
                    status=MatchStatus.MATCHED,
                    registration_id=registration_id,
                    matched_by=how,
                    reason="Tersimpan dari impor sebelumnya.",
                    candidates=[],
                )
        participant.status = resolution.status
        participant.registration_id = resolution.registration_id
        participant.matched_by = resolution.matched_by
        participant.match_reason = resolution.reason
        participant.candidates = resolution.candidates
    return list(grouped.values())


def apply_online_import(
    plan: OnlinePlan, *, actor: audit.Actor | None = None, progress: Progress | None = None
) -> OnlineResult:
    """Store the report (or, for one stored before, only the manual decisions) and the check-ins."""
    progress = progress or Progress()
    actor = actor or audit.Actor.default()
    progress.report(0, 1, "Menyimpan kehadiran daring…")
    try:
        with write_transaction():
            result = _apply(plan, actor)
    except IntegrityError:
        raise OnlineImportError(
            "Daftar peserta berubah selama impor sehingga tidak ada yang disimpan; baca ulang laporannya."
        ) from None
    except OperationalError as err:
        raise OnlineImportError(
            f"Basis data tidak dapat ditulis saat ini sehingga tidak ada yang disimpan; coba lagi ({err})."
        ) from err
    progress.report(1, 1, "Selesai.")
    return result


def _apply(plan: OnlinePlan, actor: audit.Actor) -> OnlineResult:
    get_event(plan.event_id)
    moved = Settled()
    if plan.minimum != online_min_minutes(plan.event_id):
        moved = change_minimum(plan.event_id, plan.minimum, actor)
    report_id = plan.report_id or (
        OnlineReport.select(OnlineReport.id)
        .where((OnlineReport.event == plan.event_id) & (OnlineReport.fingerprint == plan.fingerprint))
        .scalar()
    )
    already = report_id is not None
    if already:
        affected: set[int] = set()
        for key, registration_id in plan.decisions.items():
            affected |= assign_key(plan.event_id, key, registration_id, [report_id])
    else:
        report_id = _store(plan)
        for key, registration_id in plan.decisions.items():
            assign_key(plan.event_id, key, registration_id, [report_id])  # remembered for later reports
        affected = {p.registration_id for p in plan.participants if p.registration_id is not None}
    settled = settle(plan.event_id, affected, plan.minimum, actor.operator)
    counts = plan.counts()
    if not already or plan.decisions:
        audit.record(
            "import",
            actor=actor,
            event_id=plan.event_id,
            source="online",
            report_id=report_id,
            step="assign" if already else "apply",
            minimum=plan.minimum,
            assigned=len(plan.decisions),
            created=settled.created,
            removed=settled.removed,
            **{k: counts[k] for k in COUNT_KEYS},
        )
    return OnlineResult(
        plan.event_id,
        report_id,
        already,
        plan.minimum,
        counts,
        plan.participants,
        plan.skipped,
        settled.created + moved.created,
        settled.removed + moved.removed,
    )


def _store(plan: OnlinePlan) -> int:
    report_id: int = OnlineReport.insert(
        event=plan.event_id, fingerprint=plan.fingerprint, filename=plan.filename[:255]
    ).execute()
    rows = []
    for p in plan.participants:
        for line, segment in zip(p.lines, p.segments, strict=True):
            rows.append(
                {
                    "report": report_id,
                    "line": line,
                    "participant_key": p.key,
                    "display_name": p.display_name[:300],
                    "email": p.email[:200],
                    "joined": segment.joined,
                    "left": segment.left,
                    "minutes": segment.minutes,
                    "registration": p.registration_id,
                    "matched_by": p.matched_by if p.registration_id else "",
                }
            )
    for start in range(0, len(rows), 100):  # 100 rows x 10 values stays under SQLite's parameter limit
        OnlineSegment.insert_many(rows[start : start + 100]).execute()
    return report_id


def import_online(
    event_id: int,
    path: Path | str,
    *,
    minimum: int | None = None,
    actor: audit.Actor | None = None,
    progress: Progress | None = None,
) -> OnlineResult:
    """Plan and apply with the automatic matches only (the CLI)."""
    plan = plan_online_import(event_id, path, progress=progress)
    if minimum is not None:
        plan.set_minimum(minimum)
    return apply_online_import(plan, actor=actor, progress=progress)


def _registration_name(registration_id: int) -> str:
    from ..models import Person
    from ..names import full_name

    row = (
        Person.select(Person.gelar_depan, Person.nama, Person.gelar_belakang)
        .join(Registration)
        .where(Registration.id == registration_id)
        .tuples()
        .first()
    )
    if row is None:
        raise NotFoundError(f"Peserta nomor {registration_id} tidak ditemukan.")
    return full_name(*row)


def online_checkins(event_id: int) -> int:
    """How many registrations are checked in as Daring (for the dashboard's caption)."""
    return (
        Attendance.select()
        .join(Registration)
        .where((Registration.event == event_id) & (Attendance.method == Method.ONLINE))
        .count()
    )


class PlanOnlineImportJob(Job[OnlinePlan]):
    title = "Membaca laporan peserta daring"

    def __init__(self, event_id: int, path: Path | str) -> None:
        super().__init__()
        self.event_id, self.path = event_id, path

    def run(self) -> OnlinePlan:
        return plan_online_import(self.event_id, self.path, progress=self)


class ApplyOnlineImportJob(Job[OnlineResult]):
    title = "Menyimpan kehadiran daring"

    def __init__(self, plan: OnlinePlan, actor: audit.Actor | None = None) -> None:
        super().__init__()
        self.plan, self.actor = plan, actor

    def run(self) -> OnlineResult:
        return apply_online_import(self.plan, actor=self.actor, progress=self)


__all__ = [
    "COUNT_KEYS",
    "STATUS_LABELS",
    "ApplyOnlineImportJob",
    "OnlineImportError",
    "OnlinePlan",
    "OnlineResult",
    "Participant",
    "PlanOnlineImportJob",
    "apply_online_import",
    "import_online",
    "online_checkins",
    "plan_online_import",
]
