"""Check-in at the desk: one call per scan, answered green, amber or red.

``check_in`` takes whatever the scanner or keyboard produced (a signed QR payload, a
NIP / NI PPPK or a NIK) and returns a ``CheckinResult``: ``checked_in`` (green),
``already`` (amber, with the first time and desk) or ``rejected`` (red, with the reason).
Exactly once is the database's job, not the desk's: the Attendance row is inserted in
its own (sub)transaction and the unique registration key turns a second insert, from
this desk or another process, into ``already``. Per scan: one indexed lookup, one
commit of two rows (attendance + audit), so the desk keeps pace with a scanner.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any

from peewee import JOIN, Expression, IntegrityError, ModelSelect, SqliteDatabase, fn

from . import audit, qr_payload
from .dates import clock_time
from .events import NotFoundError, ValidationError
from .models import ATTENDANCE_MODES, Attendance, Event, Person, Registration, Signature, db, now
from .names import full_name
from .nip import IdError, NikInfo, NipInfo, excel_corruption, format_nip, normalize_id, parse_nik, parse_nip
from .participants import (
    ParticipantRow,
    PersonData,
    clean_person,
    filter_rows,
    find_person,
    list_participants,
    register,
    upsert_person,
)
from .reasons import Reason, ReasonCode
from .statuses import AttendanceMode, Method, RegistrationSource
from .transactions import write_transaction


class CheckinStatus(StrEnum):
    """The desk's answer to a scan: green, amber or red."""

    CHECKED_IN = "checked_in"
    ALREADY = "already"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ParticipantSummary:
    """What the desk banner shows about a person."""

    full_name: str
    nip: str
    nip_formatted: str
    nik: str
    unit_kerja: str
    jabatan: str
    employment_type: str
    mode: str


@dataclass(frozen=True)
class CheckinResult:
    status: str  # checked_in | already | rejected
    reason: str  # Indonesian: why rejected (``refusal.text``), or a short note
    registration_id: int | None = None
    person: ParticipantSummary | None = None
    checked_in_at: dt.datetime | None = None  # already: the FIRST check-in
    desk: str | None = None  # already: the first desk
    operator: str | None = None
    method: str | None = None
    refusal: Reason | None = None  # rejected by the core: the code the GUI translates

    @property
    def ok(self) -> bool:
        """Whether the person may go in (checked in now or before)."""
        return self.status != CheckinStatus.REJECTED

    @property
    def message(self) -> str:
        """The one-line banner text, shared by the desk window and the CLI."""
        if self.status == CheckinStatus.REJECTED:
            return f"DITOLAK: {self.reason}"
        who = self.person.full_name if self.person else f"Peserta nomor {self.registration_id}"
        if self.person and self.person.unit_kerja:
            who = f"{who}, {self.person.unit_kerja}"
        time = clock_time(self.checked_in_at.time()) if self.checked_in_at else ""
        if self.status == CheckinStatus.CHECKED_IN:
            return f"HADIR: {who} pukul {time}"
        return f"SUDAH HADIR: {who} — tercatat pukul {time}{_at_desk(self.desk, self.operator)}"

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        del out["refusal"]  # ``reason`` has its text
        out["checked_in_at"] = self.checked_in_at.isoformat() if self.checked_in_at else None
        out["message"] = self.message
        return out


def _at_desk(desk: str | None, operator: str | None) -> str:
    by = f" ({operator})" if operator else ""
    return f" di {desk}{by}" if desk else by


@dataclass(frozen=True)
class Counters:
    registered: int
    present: int
    onsite_registered: int
    onsite_present: int
    online_registered: int
    online_present: int
    by_employment: dict[str, tuple[int, int]]  # employment type -> (present, registered)

    @property
    def absent(self) -> int:
        return self.registered - self.present

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["by_employment"] = {k: {"present": p, "registered": r} for k, (p, r) in self.by_employment.items()}
        return out


@dataclass(frozen=True)
class RecentCheckin:
    registration_id: int
    full_name: str
    unit_kerja: str
    checked_in_at: dt.datetime
    desk: str
    operator: str
    method: str
    signed: bool = False  # a signature is stored (see core.signatures)


@dataclass(frozen=True)
class _Found:
    registration_id: int
    event_id: int
    cancelled_at: dt.datetime | None
    cancel_reason: str
    person: ParticipantSummary


_LOOKUP_COLUMNS = (
    Registration.id,
    Registration.event,
    Registration.mode,
    Registration.cancelled_at,
    Registration.cancel_reason,
    Person.gelar_depan,
    Person.nama,
    Person.gelar_belakang,
    Person.nip,
    Person.nik,
    Person.unit_kerja,
    Person.jabatan,
    Person.employment_type,
)


def _find(*conditions: Expression) -> _Found | None:
    row = Registration.select(*_LOOKUP_COLUMNS).join(Person).where(*conditions).tuples().first()
    if row is None:
        return None
    reg_id, event_id, mode, cancelled_at, cancel_reason, depan, nama, belakang, nip, nik, unit, jabatan, etype = row
    person = ParticipantSummary(
        full_name(depan, nama, belakang),
        nip or "",
        format_nip(nip) if nip else "",
        nik or "",
        unit,
        jabatan,
        etype,
        mode,
    )
    return _Found(reg_id, event_id, cancelled_at, cancel_reason or "", person)


def _rejected(refusal: Reason, found: _Found | None = None) -> CheckinResult:
    if found is None:
        return CheckinResult(CheckinStatus.REJECTED, refusal.text, refusal=refusal)
    return CheckinResult(CheckinStatus.REJECTED, refusal.text, found.registration_id, found.person, refusal=refusal)


def _clean_reason(reason: str | None, field_message: str) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise ValidationError({"reason": field_message})
    return text


def check_in(event_id: int, code: str, *, actor: audit.Actor, method: str | None = None) -> CheckinResult:
    """Check in whoever ``code`` names: a QR payload, or a NIP / NI PPPK / NIK (spaces allowed)."""
    text = (code or "").strip()
    if not text:
        return _rejected(Reason.of(ReasonCode.EMPTY_CODE))
    if qr_payload.looks_like_payload(text):
        return _check_in_payload(event_id, text, actor, method or Method.QR)
    return _check_in_number(event_id, text, actor, method)


def _check_in_payload(event_id: int, text: str, actor: audit.Actor, method: str) -> CheckinResult:
    try:
        decoded = qr_payload.decode(text)
    except qr_payload.ScannedCodeError as err:
        return _rejected(err.reason)
    if decoded.event_id != event_id:
        title = Event.select(Event.title).where(Event.id == decoded.event_id).scalar()
        if title:
            return _rejected(Reason.of(ReasonCode.OTHER_EVENT, title=title))
        return _rejected(Reason.of(ReasonCode.DELETED_EVENT))
    found = _find(Registration.id == decoded.registration_id)
    if found is None or found.event_id != event_id:
        return _rejected(Reason.of(ReasonCode.REMOVED))
    return _admit(found, actor, method)


def _check_in_number(event_id: int, text: str, actor: audit.Actor, method: str | None) -> CheckinResult:
    corrupted = excel_corruption(text)
    if corrupted:
        return _rejected(corrupted)
    digits = normalize_id(text)
    if not digits.isdigit():
        return _rejected(Reason.of(ReasonCode.NOT_A_CODE))
    parse: Callable[[object], NipInfo | NikInfo]
    if len(digits) == 18:
        column, label, shown, default_method, parse = Person.nip, "NIP", format_nip(digits), Method.NIP, parse_nip
    elif len(digits) == 16:
        column, label, shown, default_method, parse = Person.nik, "NIK", digits, Method.NIK, parse_nik
    else:
        return _rejected(Reason.of(ReasonCode.UNKNOWN_NUMBER, digits=digits, length=len(digits)))
    found = _find(column == digits, Registration.event == event_id)
    if found is not None:
        return _admit(found, actor, method or default_method)
    try:
        parse(digits)
    except IdError as err:
        return _rejected(err.reason)
    known = Person.select(Person.id).where(column == digits).exists()
    code = ReasonCode.KNOWN_ELSEWHERE if known else ReasonCode.NOT_REGISTERED
    return _rejected(Reason.of(code, label=label, number=shown))


def check_in_registration(registration_id: int, *, actor: audit.Actor, method: str = Method.MANUAL) -> CheckinResult:
    """Check in a registration picked by hand (search list)."""
    found = _find(Registration.id == registration_id)
    if found is None:
        return _rejected(Reason.of(ReasonCode.NO_SUCH_PARTICIPANT, registration_id=registration_id))
    return _admit(found, actor, method)


# What one check-in adds to ``database.change_stamp()`` (newest audit id, newest attendance id):
# one audit row and one attendance row, in one transaction. A desk that shows its own check-in at
# once compares the stamp with this to know that nobody else wrote meanwhile (no reload needed).
STAMP_MOVE = (1, 1)


def _admit(found: _Found, actor: audit.Actor, method: str) -> CheckinResult:
    """Insert the Attendance row; the unique key decides between checked_in and already."""
    if found.cancelled_at is not None:
        note = f": {found.cancel_reason}" if found.cancel_reason else ""
        return _rejected(Reason.of(ReasonCode.CANCELLED, name=found.person.full_name, note=note), found)
    at = now()
    try:
        with write_transaction():
            Attendance.insert(
                registration=found.registration_id,
                checked_in_at=at,
                desk=actor.desk,
                operator=actor.operator,
                method=method,
            ).execute()
            audit.record(
                "checkin", actor=actor, event_id=found.event_id, registration_id=found.registration_id, method=method
            )
    except IntegrityError:
        first = (
            Attendance.select(Attendance.checked_in_at, Attendance.desk, Attendance.operator, Attendance.method)
            .where(Attendance.registration == found.registration_id)
            .tuples()
            .first()
        )
        if first is None:  # the registration vanished between lookup and insert
            return _rejected(Reason.of(ReasonCode.REMOVED))
        first_at, desk, operator, first_method = first
        return CheckinResult(
            CheckinStatus.ALREADY,
            f"Sudah tercatat hadir pukul {clock_time(first_at.time())}{_at_desk(desk, operator)}.",
            found.registration_id,
            found.person,
            first_at,
            desk,
            operator,
            first_method,
        )
    return CheckinResult(
        CheckinStatus.CHECKED_IN,
        "Selamat datang.",
        found.registration_id,
        found.person,
        at,
        actor.desk,
        actor.operator,
        method,
    )


def walk_in(
    event_id: int, person: PersonData, *, mode: str = AttendanceMode.ONSITE, actor: audit.Actor
) -> CheckinResult:
    """Register someone without an invitation and check them in, in one transaction.

    Invalid data raises ``ValidationError`` (field -> message) for the form. A person
    already known by NIP/NIK keeps the stored data (the desk does not edit people); if
    already registered for this event they are simply checked in.
    """
    cleaned, errors = clean_person(person)
    if mode not in ATTENDANCE_MODES:
        errors["mode"] = f"Mode kehadiran tidak dikenal: {mode}."
    if errors:
        raise ValidationError(errors)
    if not Event.select().where(Event.id == event_id).exists():
        raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
    for attempt in (1, 2):
        try:
            with write_transaction():
                return _walk_in_once(event_id, cleaned, mode, actor)
        except IntegrityError:  # another desk created the same person or registration first
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _walk_in_once(event_id: int, cleaned: PersonData, mode: str, actor: audit.Actor) -> CheckinResult:
    existing = find_person(cleaned.nip, cleaned.nik)
    person = existing or upsert_person(cleaned)[0]
    registration, created = register(event_id, person.id, source=RegistrationSource.WALK_IN, mode=mode)
    if created:
        audit.record(
            "checkin.walk_in",
            actor=actor,
            event_id=event_id,
            registration_id=registration.id,
            new_person=existing is None,
        )
    found = _find(Registration.id == registration.id)
    assert found is not None, "registered just now"
    result = _admit(found, actor, Method.WALK_IN)
    if created and result.status == CheckinStatus.CHECKED_IN:
        return replace(result, reason="Peserta tanpa undangan didaftarkan dan dicatat hadir.")
    return result


def undo_check_in(registration_id: int, *, reason: str, actor: audit.Actor) -> None:
    """Remove a check-in made by mistake so the person can check in again; the reason is audited."""
    reason = _clean_reason(reason, "Alasan pembatalan kehadiran wajib diisi.")
    with write_transaction():
        row = (
            Attendance.select(Attendance.id, Attendance.checked_in_at, Attendance.desk, Registration.event)
            .join(Registration)
            .where(Attendance.registration == registration_id)
            .tuples()
            .first()
        )
        if row is None:
            raise NotFoundError("Peserta ini belum tercatat hadir.")
        attendance_id, checked_in_at, desk, event_id = row
        Attendance.delete().where(Attendance.id == attendance_id).execute()
        audit.record(
            "checkin.undo",
            actor=actor,
            event_id=event_id,
            registration_id=registration_id,
            reason=reason,
            checked_in_at=checked_in_at,
            first_desk=desk,
        )


def cancel_registration(registration_id: int, *, reason: str, actor: audit.Actor) -> None:
    """Mark a registration cancelled (kept on record, cannot check in). Undo a check-in first."""
    reason = _clean_reason(reason, "Alasan pembatalan pendaftaran wajib diisi.")
    with write_transaction():
        registration = _registration(registration_id)
        if registration.cancelled_at is not None:
            raise ValidationError({"registration": "Pendaftaran ini sudah dibatalkan."})
        if Attendance.select().where(Attendance.registration == registration_id).exists():
            raise ValidationError({"registration": "Peserta sudah tercatat hadir; batalkan kehadirannya dulu."})
        Registration.update(cancelled_at=now(), cancel_reason=reason).where(
            Registration.id == registration_id
        ).execute()
        audit.record(
            "registration.cancel",
            actor=actor,
            event_id=registration.event_id,
            registration_id=registration_id,
            reason=reason,
        )


def restore_registration(registration_id: int, *, actor: audit.Actor, reason: str = "") -> None:
    """Undo a cancellation so the person can check in again."""
    with write_transaction():
        registration = _registration(registration_id)
        if registration.cancelled_at is None:
            raise ValidationError({"registration": "Pendaftaran ini tidak dibatalkan."})
        Registration.update(cancelled_at=None, cancel_reason=None).where(Registration.id == registration_id).execute()
        audit.record(
            "registration.restore",
            actor=actor,
            event_id=registration.event_id,
            registration_id=registration_id,
            reason=" ".join(reason.split()),
        )


def _registration(registration_id: int) -> Registration:
    registration = Registration.get_or_none(Registration.id == registration_id)
    if registration is None:
        raise NotFoundError(f"Peserta nomor {registration_id} tidak ditemukan.")
    return registration


def counters(event_id: int) -> Counters:
    """Registered and present (cancelled registrations left out), in one aggregate query.

    The query visits every registration of the event: about 5 ms at 2,000 and 0.2–0.3 s
    at 100,000 on SQLite (bench/bench_checkin.py). The desk applies its own results at
    once (``CheckinResult.person`` has employment type and mode) and refreshes from here
    on a timer, off the GUI thread, to include the other desks.
    """
    query = (
        Registration.select(
            Person.employment_type, Registration.mode, fn.COUNT(Registration.id), fn.COUNT(Attendance.id)
        )
        .join(Person)
        .switch(Registration)
        .join(Attendance, JOIN.LEFT_OUTER)
        .where((Registration.event == event_id) & Registration.cancelled_at.is_null())
        .group_by(Person.employment_type, Registration.mode)
        .tuples()
    )
    by_mode = {mode: [0, 0] for mode in ATTENDANCE_MODES}  # mode -> [present, registered]
    by_employment: dict[str, list[int]] = {}
    for employment_type, mode, registered, present in query:
        for bucket in (by_mode.setdefault(mode, [0, 0]), by_employment.setdefault(employment_type, [0, 0])):
            bucket[0] += present
            bucket[1] += registered
    return Counters(
        registered=sum(r for _, r in by_mode.values()),
        present=sum(p for p, _ in by_mode.values()),
        onsite_registered=by_mode[AttendanceMode.ONSITE][1],
        onsite_present=by_mode[AttendanceMode.ONSITE][0],
        online_registered=by_mode[AttendanceMode.ONLINE][1],
        online_present=by_mode[AttendanceMode.ONLINE][0],
        by_employment={key: (p, r) for key, (p, r) in sorted(by_employment.items())},
    )


def _event_filter_for_newest_first(event_id: int) -> Expression:
    """On SQLite, "+ 0" keeps the planner from driving the query by the event's registrations
    (all of them), so walking Attendance newest first stops after ``limit`` rows. PostgreSQL's
    planner does the opposite with it — joins every attendance row before sorting (33 ms
    instead of 0.2 ms with four busy desks) — so it gets the plain comparison."""
    if isinstance(db.obj, SqliteDatabase):
        return (Registration.event + 0) == event_id
    return Registration.event == event_id


def _check_ins_newest_first(event_id: int, *conditions: Expression) -> ModelSelect[Attendance]:
    """An event's check-ins as ``RecentCheckin`` rows, newest first (by insertion, finer than the clock)."""
    return (
        Attendance.select(
            Attendance.registration,
            Person.gelar_depan,
            Person.nama,
            Person.gelar_belakang,
            Person.unit_kerja,
            Attendance.checked_in_at,
            Attendance.desk,
            Attendance.operator,
            Attendance.method,
            Signature.id.is_null(False),
        )
        .join(Registration)
        .join(Person)
        .join_from(Attendance, Signature, JOIN.LEFT_OUTER, on=(Signature.registration == Attendance.registration))
        .where(_event_filter_for_newest_first(event_id), *conditions)
        .order_by(Attendance.id.desc())
    )


def _rows(query: ModelSelect[Attendance], limit: int) -> list[RecentCheckin]:
    return [
        RecentCheckin(reg_id, full_name(depan, nama, belakang), unit, at, desk, operator, method, bool(signed))
        for reg_id, depan, nama, belakang, unit, at, desk, operator, method, signed in query.limit(limit).tuples()
    ]


def recent_check_ins(event_id: int, limit: int = 20) -> list[RecentCheckin]:
    """The latest check-ins of an event, newest first (by insertion, finer than the clock)."""
    return _rows(_check_ins_newest_first(event_id), limit)


def unsigned_check_ins(event_id: int, limit: int = 500) -> tuple[list[RecentCheckin], int]:
    """Who is checked in at a desk but has not signed yet (newest first, at most ``limit``), and how many.

    The desk's signature queue, for events that ask for signatures: read from the database,
    so it survives a restart and shows what every desk recorded. Attendance taken from an online
    meeting's report (method ``online``) is left out: nobody there can sign at a desk.
    """
    query = _check_ins_newest_first(event_id, Signature.id.is_null(True), Attendance.method != Method.ONLINE)
    rows = _rows(query, limit)
    return rows, len(rows) if len(rows) < limit else query.order_by().count()


@dataclass(frozen=True)
class DeskStatus:
    """What a check-in desk shows beside the scanner: the counters, the latest check-ins and,
    when the event asks for signatures, who still has to sign."""

    counters: Counters
    recent: list[RecentCheckin]
    unsigned: list[RecentCheckin] = field(default_factory=list)
    unsigned_count: int = 0


def desk_status(event_id: int, recent_limit: int = 20, unsigned_limit: int = 0) -> DeskStatus:
    """The desk's figures in one call: the window polls it (``gui/desk``), ``netralitas desk-status`` prints it.

    ``unsigned_limit`` > 0 also reads the signature queue (``unsigned_check_ins``).
    """
    unsigned, unsigned_count = unsigned_check_ins(event_id, unsigned_limit) if unsigned_limit else ([], 0)
    return DeskStatus(counters(event_id), recent_check_ins(event_id, recent_limit), unsigned, unsigned_count)


def search_registrations(event_id: int, query: str, limit: int = 50) -> list[ParticipantRow]:
    """Participants matching a name / unit / NIP query, for manual check-in (see ``filter_rows``).

    Check-in times are read fresh for the rows returned.
    """
    rows = _roster_rows(event_id)
    matches = [rows[index] for index in filter_rows(rows, query)[:limit]]
    if not matches:
        return []
    times: dict[int, dt.datetime] = dict(
        Attendance.select(Attendance.registration, Attendance.checked_in_at)
        .where(Attendance.registration.in_([row.registration_id for row in matches]))
        .tuples()
    )
    return [replace(row, checked_in_at=times.get(row.registration_id)) for row in matches]


# list_participants() folds every name (tens of microseconds a row): too slow to repeat on
# each keystroke at a large event. Keep its rows per (database, event) and rebuild them
# when the roster moves on: registrations added or removed, or any person edited.
_RosterStamp = tuple[int, int | None, int | None, str]  # registrations, newest, sum of person ids, newest edit
_roster_cache: weakref.WeakKeyDictionary[object, dict[int, tuple[_RosterStamp, list[ParticipantRow]]]] = (
    weakref.WeakKeyDictionary()
)
_roster_lock = threading.Lock()


def _roster_stamp(event_id: int) -> _RosterStamp:
    registrations = (
        Registration.select(fn.COUNT(Registration.id), fn.MAX(Registration.id), fn.SUM(Registration.person))
        .where(Registration.event == event_id)
        .tuples()
        .first()
    )
    edited = Person.select(fn.MAX(Person.updated_at)).scalar()
    return (*registrations, str(edited) if edited else "")


def _roster_rows(event_id: int) -> list[ParticipantRow]:
    database = db.obj
    stamp = _roster_stamp(event_id)
    with _roster_lock:
        cached = _roster_cache.get(database, {}).get(event_id)
    if cached and cached[0] == stamp:
        return cached[1]
    rows = list_participants(event_id)
    # An edit within this same second would not move the stamp (times have whole seconds).
    if stamp[-1] < str(now()):
        with _roster_lock:
            _roster_cache.setdefault(database, {})[event_id] = (stamp, rows)
    return rows


__all__ = [
    "STAMP_MOVE",
    "CheckinResult",
    "CheckinStatus",
    "Counters",
    "DeskStatus",
    "ParticipantSummary",
    "RecentCheckin",
    "cancel_registration",
    "check_in",
    "check_in_registration",
    "counters",
    "desk_status",
    "recent_check_ins",
    "restore_registration",
    "search_registrations",
    "undo_check_in",
    "unsigned_check_ins",
    "walk_in",
]
