"""Ikrar mandiri returns: who still owes a signed form, and receiving it when it comes back.

Who owes one: a registration that is not cancelled, never checked in (onsite or online,
as ``reports.status`` decides) and has no signature from the desk. Those who attended but
signed nothing (``PledgeStatus.PRESENT_UNSIGNED``) may be given a form too, and it is received
the same way; only a signature at the desk means the pledge is taken. A form comes back by its
QR code (``mandiri_code``) or is picked by hand; either way one ``IkrarReturn`` row per
registration, so a second scan, from this or another desk, answers "sudah diterima pada …"
instead of counting twice.

The check-in desk routes a scan here when ``is_mandiri_code(text)`` and shows
``receive_by_code(...).message``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from peewee import JOIN, IntegrityError

from .. import audit
from ..dates import clock_time, day_and_date
from ..events import NotFoundError, ValidationError
from ..models import Attendance, Event, Person, Registration, Signature, db, now
from ..names import fold, full_name, name_key
from ..participants import ParticipantRow, filter_rows, list_participants
from ..reasons import Reason, ReasonCode
from ..reports.status import ABSENT_STATUSES, StatusRow, attended_unsigned, classify, status_rows
from ..statuses import AttendanceStatus, Method
from . import mandiri_code
from .mandiri_attachment import Attachment
from .models import IkrarReturn


class ReturnStatus(StrEnum):
    """The answer to a form handed in: green, amber or red, like a check-in."""

    RECEIVED = "received"
    ALREADY = "already"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ReturnResult:
    """The answer to one scan or manual receipt: green, amber or red at the desk."""

    status: str  # received | already | rejected
    reason: str  # Indonesian: why refused, or a short note
    registration_id: int | None = None
    full_name: str = ""
    unit_kerja: str = ""
    returned_at: dt.datetime | None = None  # already: the FIRST receipt
    desk: str = ""
    operator: str = ""
    method: str = ""
    attachment_name: str = ""  # of the stored photo/scan, "" without one
    attachment_stored: bool = False  # the attachment given with this call was stored
    refusal: Reason | None = None  # refused by the core: the code the GUI translates

    @property
    def ok(self) -> bool:
        """Whether the form is on record (received now or before)."""
        return self.status != ReturnStatus.REJECTED

    @property
    def message(self) -> str:
        """The one-line banner text, shared by the views and the CLI."""
        if self.status == ReturnStatus.REJECTED:
            return f"DITOLAK: {self.reason}"
        who = ", ".join(part for part in (self.full_name, self.unit_kerja) if part)
        if self.status == ReturnStatus.RECEIVED:
            return f"DITERIMA: {who} — {self.reason}"
        return f"SUDAH DITERIMA: {who} — {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        del out["refusal"]  # ``reason`` has its text
        out["returned_at"] = self.returned_at.isoformat() if self.returned_at else None
        out["message"] = self.message
        return out


@dataclass(frozen=True)
class ReturnedRow:
    registration_id: int
    full_name: str
    nip: str
    nik: str
    unit_kerja: str
    returned_at: dt.datetime
    method: str
    desk: str
    operator: str
    attachment_name: str  # "" without an attachment

    @property
    def has_attachment(self) -> bool:
        return bool(self.attachment_name)


@dataclass(frozen=True)
class Overview:
    """One snapshot for a view: who still owes a form (``StatusRow``s), who returned one, and who
    attended without signing (may be given a form; not counted as owing one)."""

    owed: list[StatusRow]
    returned: list[ReturnedRow]
    participants: dict[int, ParticipantRow] = field(default_factory=dict)  # for ``matching``
    present_unsigned: list[StatusRow] = field(default_factory=list)

    @property
    def required(self) -> int:
        return len(self.owed) + len(self.returned)

    def counts(self) -> dict[str, int]:
        return {
            "required": self.required,
            "returned": len(self.returned),
            "owed": len(self.owed),
            "present_unsigned": len(self.present_unsigned),
        }

    def matching(self, rows: Sequence[StatusRow | ReturnedRow], query: str) -> list[int]:
        """Indexes of ``rows`` (``owed`` or ``returned``) matching a search, by ``participants.filter_rows``' rules."""
        if not query.strip():
            return list(range(len(rows)))
        # A registration added between the two queries of the snapshot has no search row: it waits a refresh.
        known = [
            (index, self.participants[row.registration_id])
            for index, row in enumerate(rows)
            if row.registration_id in self.participants
        ]
        return [known[found][0] for found in filter_rows([row for _, row in known], query)]


def is_mandiri_code(text: str) -> bool:
    """Whether a scan is an ikrar mandiri form code (the desk sends those here, not to check-in)."""
    return mandiri_code.looks_like_code(text)


# --- Lists -----------------------------------------------------------------------------------------------


def owed_rows(event_id: int) -> list[StatusRow]:
    """Who still owes an ikrar mandiri form, sorted by unit kerja then name (as the forms print)."""
    return _owed(status_rows(event_id))


def _owed(rows: list[StatusRow]) -> list[StatusRow]:
    return _in_print_order(
        [row for row in rows if row.status in ABSENT_STATUSES and not row.signed and not row.ikrar_mandiri_returned]
    )


def unsigned_present_rows(event_id: int) -> list[StatusRow]:
    """Who attended (room or online) but signed no pledge and returned no form, in print order."""
    return _in_print_order(attended_unsigned(status_rows(event_id)))


def _in_print_order(rows: list[StatusRow]) -> list[StatusRow]:
    rows.sort(key=lambda row: (not row.unit_kerja, fold(row.unit_kerja), name_key(row.full_name), row.registration_id))
    return rows


def returned_rows(event_id: int) -> list[ReturnedRow]:
    """Forms received for the event's (not cancelled) registrations, newest first; no attachment bytes."""
    query = (
        IkrarReturn.select(
            IkrarReturn.registration,
            Person.gelar_depan,
            Person.nama,
            Person.gelar_belakang,
            Person.nip,
            Person.nik,
            Person.unit_kerja,
            IkrarReturn.returned_at,
            IkrarReturn.method,
            IkrarReturn.desk,
            IkrarReturn.operator,
            IkrarReturn.attachment_name,
            IkrarReturn.attachment.is_null(False),
        )
        .join(Registration)
        .join(Person)
        .where((Registration.event == event_id) & Registration.cancelled_at.is_null())
        .order_by(IkrarReturn.returned_at.desc(), IkrarReturn.id.desc())
        .tuples()
    )
    return [
        ReturnedRow(
            reg_id,
            full_name(depan, nama, belakang),
            nip or "",
            nik or "",
            unit or "",
            at,
            method,
            desk,
            operator,
            (name or "lampiran") if attached else "",
        )
        for reg_id, depan, nama, belakang, nip, nik, unit, at, method, desk, operator, name, attached in query
    ]


def overview(event_id: int) -> Overview:
    participants = {row.registration_id: row for row in list_participants(event_id)}
    rows = status_rows(event_id)
    return Overview(_owed(rows), returned_rows(event_id), participants, _in_print_order(attended_unsigned(rows)))


def get_attachment(registration_id: int) -> Attachment | None:
    row = (
        IkrarReturn.select(IkrarReturn.attachment, IkrarReturn.attachment_name)
        .where(IkrarReturn.registration == registration_id)
        .tuples()
        .first()
    )
    if row is None or row[0] is None:
        return None
    return Attachment(bytes(row[0]), row[1] or "lampiran")  # PostgreSQL hands back a memoryview


# --- Receiving -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    registration_id: int
    event_id: int
    full_name: str
    unit_kerja: str
    cancelled: bool
    cancel_reason: str
    checked_in_at: dt.datetime | None
    attendance_method: str | None
    signed: bool


def _find(registration_id: int) -> _Found | None:
    row = (
        Registration.select(
            Registration.id,
            Registration.event,
            Person.gelar_depan,
            Person.nama,
            Person.gelar_belakang,
            Person.unit_kerja,
            Registration.cancelled_at,
            Registration.cancel_reason,
            Attendance.checked_in_at,
            Attendance.method,
            Signature.id,
        )
        .join(Person)
        .switch(Registration)
        .join(Attendance, JOIN.LEFT_OUTER)
        .switch(Registration)
        .join(Signature, JOIN.LEFT_OUTER)
        .where(Registration.id == registration_id)
        .tuples()
        .first()
    )
    if row is None:
        return None
    reg_id, event_id, depan, nama, belakang, unit, cancelled_at, reason, at, method, signature = row
    return _Found(
        reg_id,
        event_id,
        full_name(depan, nama, belakang),
        unit or "",
        cancelled_at is not None,
        reason or "",
        at,
        method,
        signature is not None,
    )


def receive_by_code(event_id: int, text: str, actor: audit.Actor, attachment: Attachment | None = None) -> ReturnResult:
    """Receive the form whose QR code was scanned at a desk of ``event_id``."""
    try:
        decoded = mandiri_code.decode(text)
    except mandiri_code.ScannedCodeError as err:
        return refused(err.reason)
    if decoded.event_id != event_id:
        title = Event.select(Event.title).where(Event.id == decoded.event_id).scalar()
        if title:
            return refused(Reason.of(ReasonCode.FORM_OTHER_EVENT, title=title))
        return refused(Reason.of(ReasonCode.FORM_DELETED_EVENT))
    found = _find(decoded.registration_id)
    if found is None or found.event_id != event_id:
        return refused(Reason.of(ReasonCode.FORM_REMOVED))
    return _receive(found, actor, Method.QR, attachment)


def receive_registration(
    registration_id: int, actor: audit.Actor, attachment: Attachment | None = None, *, method: str = Method.MANUAL
) -> ReturnResult:
    """Receive a form picked by hand (a torn or unreadable QR code)."""
    found = _find(registration_id)
    if found is None:
        return refused(Reason.of(ReasonCode.NO_SUCH_PARTICIPANT, registration_id=registration_id))
    return _receive(found, actor, method, attachment)


def _receive(found: _Found, actor: audit.Actor, method: str, attachment: Attachment | None) -> ReturnResult:
    refusal = _why_not_owed(found)
    if refusal:
        return refused(refusal, found)
    at = now()
    name = attachment.filename if attachment else ""
    try:
        with db.atomic():
            IkrarReturn.insert(
                registration=found.registration_id,
                returned_at=at,
                method=method,
                desk=actor.desk,
                operator=actor.operator,
                attachment=attachment.data if attachment else None,
                attachment_name=name,
            ).execute()
            audit.record(
                "ikrar_mandiri.receive",
                actor=actor,
                event_id=found.event_id,
                registration_id=found.registration_id,
                method=method,
                attachment_bytes=len(attachment.data) if attachment else 0,
            )
    except IntegrityError:
        return _already(found, actor, attachment)
    note = f"ikrar mandiri diterima pukul {clock_time(at.time())}" + (" dengan lampiran." if attachment else ".")
    return ReturnResult(
        ReturnStatus.RECEIVED,
        note,
        found.registration_id,
        found.full_name,
        found.unit_kerja,
        at,
        actor.desk,
        actor.operator,
        method,
        name,
        attachment is not None,
    )


def refused(refusal: Reason, found: _Found | None = None) -> ReturnResult:
    """A red answer: the form is not received, for ``refusal``."""
    if found is None:
        return ReturnResult(ReturnStatus.REJECTED, refusal.text, refusal=refusal)
    return ReturnResult(
        ReturnStatus.REJECTED, refusal.text, found.registration_id, found.full_name, found.unit_kerja, refusal=refusal
    )


def _why_not_owed(found: _Found) -> Reason | None:
    """Why this person has no ikrar mandiri to return; None when they owe one."""
    if found.cancelled:
        note = f": {found.cancel_reason}" if found.cancel_reason else ""
        return Reason.of(ReasonCode.FORM_CANCELLED, name=found.full_name, note=note)
    if not found.signed:
        return None
    if found.attendance_method is None or found.checked_in_at is None:
        return Reason.of(ReasonCode.FORM_SIGNED_AT_DESK, name=found.full_name)
    online = classify(found.attendance_method, None) == AttendanceStatus.ONLINE
    code = ReasonCode.FORM_SIGNED_ONLINE if online else ReasonCode.FORM_SIGNED_PRESENT
    return Reason.of(code, name=found.full_name, time=clock_time(found.checked_in_at.time()))


def _already(found: _Found, actor: audit.Actor, attachment: Attachment | None) -> ReturnResult:
    """The form was received before: say when and where; a first attachment is still kept."""
    row = (
        IkrarReturn.select(
            IkrarReturn.returned_at,
            IkrarReturn.desk,
            IkrarReturn.operator,
            IkrarReturn.method,
            IkrarReturn.attachment.is_null(False),
            IkrarReturn.attachment_name,
        )
        .where(IkrarReturn.registration == found.registration_id)
        .tuples()
        .first()
    )
    if row is None:  # undone between the insert and this read
        return refused(Reason.of(ReasonCode.FORM_RECEIPT_UNDONE), found)
    first_at, desk, operator, method, attached, name = row
    reason = f"sudah diterima pada {day_and_date(first_at.date())} pukul {clock_time(first_at.time())}"
    reason += _at_desk(desk, operator) + "."
    stored = False
    if attachment is not None and not attached:
        set_attachment(found.registration_id, attachment, actor)
        attached, name, stored = True, attachment.filename, True
        reason += " Lampiran ditambahkan."
    elif attachment is not None:
        reason += " Lampiran yang baru tidak disimpan: formulir ini sudah berlampiran (gunakan Ganti lampiran)."
    return ReturnResult(
        ReturnStatus.ALREADY,
        reason,
        found.registration_id,
        found.full_name,
        found.unit_kerja,
        first_at,
        desk,
        operator,
        method,
        name if attached else "",
        stored,
    )


def _at_desk(desk: str, operator: str) -> str:
    by = f" ({operator})" if operator else ""
    return f" di {desk}{by}" if desk else by


# --- Corrections -----------------------------------------------------------------------------------------


def set_attachment(registration_id: int, attachment: Attachment | None, actor: audit.Actor) -> None:
    """Attach (or replace, or with ``None`` remove) the photo/scan of a received form."""
    with db.atomic():
        event_id = _returned_event(registration_id)
        IkrarReturn.update(
            attachment=attachment.data if attachment else None,
            attachment_name=attachment.filename if attachment else "",
        ).where(IkrarReturn.registration == registration_id).execute()
        audit.record(
            "ikrar_mandiri.attach",
            actor=actor,
            event_id=event_id,
            registration_id=registration_id,
            attachment_bytes=len(attachment.data) if attachment else 0,
        )


def undo_return(registration_id: int, *, reason: str, actor: audit.Actor) -> None:
    """Remove a receipt made by mistake (the wrong form scanned); the reason is audited."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": "Alasan pembatalan penerimaan wajib diisi."})
    with db.atomic():
        event_id = _returned_event(registration_id)
        returned_at = (
            IkrarReturn.select(IkrarReturn.returned_at).where(IkrarReturn.registration == registration_id).scalar()
        )
        IkrarReturn.delete().where(IkrarReturn.registration == registration_id).execute()
        audit.record(
            "ikrar_mandiri.undo",
            actor=actor,
            event_id=event_id,
            registration_id=registration_id,
            reason=reason,
            returned_at=returned_at,
        )


def _returned_event(registration_id: int) -> int:
    event_id: int | None = (
        IkrarReturn.select(Registration.event)
        .join(Registration)
        .where(IkrarReturn.registration == registration_id)
        .scalar()
    )
    if event_id is None:
        raise NotFoundError("Formulir ikrar mandiri peserta ini belum tercatat diterima.")
    return event_id


__all__ = [
    "Overview",
    "ReturnResult",
    "ReturnStatus",
    "ReturnedRow",
    "get_attachment",
    "is_mandiri_code",
    "overview",
    "owed_rows",
    "receive_by_code",
    "receive_registration",
    "refused",
    "returned_rows",
    "set_attachment",
    "undo_return",
    "unsigned_present_rows",
]
