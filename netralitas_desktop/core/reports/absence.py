"""Absence reasons: mark a registered person Izin / Sakit / Dinas Luar (with a note), or clear it.

The reason only explains an absence, so a person already checked in cannot be marked, and a
cancelled registration is not expected at all. A later check-in wins over a reason on record
(see ``status.classify``): the reason is kept but no longer shown. Every change is audited,
the note itself is not (it may hold personal details such as an illness).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import audit
from ..events import NotFoundError, ValidationError
from ..models import Attendance, Person, Registration, db, now
from ..nip import excel_corruption, format_nip, normalize_id
from ..statuses import AbsenceReason
from .models import ABSENCE_REASONS, Absence

REASON_LABELS: dict[str, str] = {
    AbsenceReason.EXCUSED: "Izin",
    AbsenceReason.SICK: "Sakit",
    AbsenceReason.OFFICIAL_DUTY: "Dinas Luar",
}
assert tuple(REASON_LABELS) == ABSENCE_REASONS
NOTE_LIMIT = 500


@dataclass(frozen=True)
class AbsenceInfo:
    reason: str
    note: str
    recorded_at: dt.datetime
    desk: str
    operator: str

    @property
    def label(self) -> str:
        return REASON_LABELS[self.reason]


def parse_reason(text: str) -> str:
    """``izin``, ``Sakit``, ``dinas-luar``, ``Dinas Luar``, ``DL`` -> the stored reason."""
    key = "_".join((text or "").strip().lower().replace("-", " ").replace("_", " ").split())
    key = {"dl": AbsenceReason.OFFICIAL_DUTY, "dinas": AbsenceReason.OFFICIAL_DUTY}.get(key, key)
    if key not in REASON_LABELS:
        raise ValidationError(
            {"reason": f"Alasan \u201c{text}\u201d tidak dikenal; pilih Izin, Sakit atau Dinas Luar."}
        )
    return key


def _clean_note(note: str) -> str:
    note = " ".join((note or "").split())
    if len(note) > NOTE_LIMIT:
        raise ValidationError({"note": f"Keterangan paling banyak {NOTE_LIMIT} karakter."})
    return note


def mark_absent(registration_id: int, reason: str, note: str = "", *, actor: audit.Actor | None = None) -> None:
    """Record (or replace) why a registered person is absent."""
    reason = parse_reason(reason)
    note = _clean_note(note)
    actor = actor or audit.Actor.default()
    with db.atomic():
        registration = _registration(registration_id)
        if registration.cancelled_at is not None:
            raise ValidationError(
                {"registration": "Pendaftaran ini sudah dibatalkan; alasan tidak hadir tidak perlu dicatat."}
            )
        if Attendance.select().where(Attendance.registration == registration_id).exists():
            raise ValidationError(
                {
                    "registration": "Peserta ini sudah tercatat hadir, jadi tidak bisa ditandai "
                    "tidak hadir. Bila kehadirannya keliru, batalkan kehadirannya dulu."
                }
            )
        values = dict(reason=reason, note=note, recorded_at=now(), desk=actor.desk, operator=actor.operator)
        replaced = Absence.update(**values).where(Absence.registration == registration_id).execute()
        if not replaced:
            Absence.create(registration=registration_id, **values)
        audit.record(
            "absence.set",
            actor=actor,
            event_id=registration.event_id,
            registration_id=registration_id,
            reason=reason,
            replaced=bool(replaced),
        )


def mark_absent_many(
    registration_ids: list[int], reason: str, note: str = "", *, actor: audit.Actor | None = None
) -> dict[int, str]:
    """Mark several people at once (five staff of one office on duty travel); a bad reason or
    note refuses all, a person who cannot be marked (checked in, cancelled, removed) is skipped.
    Returns registration id -> why it was skipped."""
    reason, note = parse_reason(reason), _clean_note(note)
    refused: dict[int, str] = {}
    for registration_id in registration_ids:
        try:
            mark_absent(registration_id, reason, note, actor=actor)
        except (ValidationError, NotFoundError) as err:
            refused[registration_id] = str(err)
    return refused


def absence_notes(event_id: int) -> dict[int, str]:
    """registration id -> note, for the registrations of an event whose reason has a note."""
    query = (
        Absence.select(Absence.registration, Absence.note)
        .join(Registration)
        .where((Registration.event == event_id) & (Absence.note != ""))
        .tuples()
    )
    return dict(query)


def clear_absence(registration_id: int, *, actor: audit.Actor | None = None) -> bool:
    """Remove the reason (back to Tidak Hadir); False when none was recorded."""
    with db.atomic():
        registration = _registration(registration_id)
        deleted = Absence.delete().where(Absence.registration == registration_id).execute()
        if deleted:
            audit.record("absence.clear", actor=actor, event_id=registration.event_id, registration_id=registration_id)
    return bool(deleted)


def get_absence(registration_id: int) -> AbsenceInfo | None:
    row = Absence.get_or_none(Absence.registration == registration_id)
    if row is None:
        return None
    return AbsenceInfo(row.reason, row.note, row.recorded_at, row.desk, row.operator)


def find_registration(event_id: int, number: str) -> int:
    """The registration of the person with this NIP / NI PPPK / NIK (spaces allowed) at the event."""
    corrupted = excel_corruption(number or "")
    if corrupted:
        raise ValidationError({"number": corrupted.text})
    digits = normalize_id(number or "")
    if len(digits) == 18 and digits.isdigit():
        column, shown = Person.nip, f"NIP {format_nip(digits)}"
    elif len(digits) == 16 and digits.isdigit():
        column, shown = Person.nik, f"NIK {digits}"
    else:
        raise ValidationError({"number": f"\u201c{number}\u201d bukan NIP/NI PPPK (18 digit) atau NIK (16 digit)."})
    registration_id: int | None = (
        Registration.select(Registration.id)
        .join(Person)
        .where((Registration.event == event_id) & (column == digits))
        .scalar()
    )
    if registration_id is None:
        raise NotFoundError(f"{shown} tidak terdaftar pada kegiatan ini.")
    return registration_id


def _registration(registration_id: int) -> Registration:
    registration = Registration.get_or_none(Registration.id == registration_id)
    if registration is None:
        raise NotFoundError(f"Peserta nomor {registration_id} tidak ditemukan.")
    return registration


__all__ = [
    "REASON_LABELS",
    "AbsenceInfo",
    "absence_notes",
    "clear_absence",
    "find_registration",
    "get_absence",
    "mark_absent",
    "mark_absent_many",
    "parse_reason",
]
