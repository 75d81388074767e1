"""Events (kegiatan): create, edit, list, delete — with validation messages for the form."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from typing import Any

from peewee import JOIN, fn

from . import audit
from .errors import UserError
from .event_settings import DEFAULT_TIME_ZONE, TIME_ZONE, TIME_ZONES, event_time_zone, set_setting
from .models import EVENT_KINDS, Attendance, Event, Registration, db, now
from .nip import IdError, normalize_id, parse_nip

KIND_LABELS = {"sosialisasi": "Sosialisasi", "ikrar": "Ikrar / Pakta Integritas", "both": "Sosialisasi dan Ikrar"}
# An event's date is planned within a few years and recorded back to this app's era: 9999-12-31 is
# a typing slip, and dates far out break the day arithmetic of check-ins and documents.
EARLIEST_DATE = dt.date(2000, 1, 1)
YEARS_AHEAD = 5


def latest_date(today: dt.date | None = None) -> dt.date:
    return dt.date((today or dt.date.today()).year + YEARS_AHEAD, 12, 31)


class ValidationError(UserError, ValueError):
    """Field name -> message in Bahasa Indonesia."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class NotFoundError(UserError, LookupError):
    pass


@dataclass
class Signatory:
    jabatan: str = ""
    name: str = ""  # with titles, as printed
    pangkat: str = ""
    nip: str = ""

    @property
    def is_empty(self) -> bool:
        return not any((self.jabatan, self.name, self.pangkat, self.nip))


@dataclass
class EventData:
    title: str = ""
    date: dt.date | None = None
    kind: str = "both"
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str = ""
    instansi: str = ""
    place_name: str = ""
    organizer: str = ""
    election_name: str = ""
    speakers: str = ""
    signatory1: Signatory = field(default_factory=Signatory)
    signatory2: Signatory = field(default_factory=Signatory)
    jp_hours: Decimal = Decimal("0")
    # Ask for a signature at check-in. None = leave as stored, so a form without this
    # setting does not switch it off when saving (a new event then gets False); for the
    # same reason it takes no part in comparing two EventData.
    signature_required: bool | None = field(default=None, compare=False)
    time_zone: str = DEFAULT_TIME_ZONE  # WIB / WITA / WIT, printed after every time (kept in event_settings)
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly dict (dates as ISO strings)."""
        out = asdict(self)
        for key in ("date", "start_time", "end_time"):
            value = out[key]
            out[key] = (
                value.isoformat(timespec="minutes")
                if isinstance(value, dt.time)
                else (value.isoformat() if value else None)
            )
        out["jp_hours"] = float(self.jp_hours)
        return out


@dataclass(frozen=True)
class EventSummary:
    id: int
    title: str
    date: dt.date
    venue: str
    kind: str
    registered: int
    present: int


_SCALAR_FIELDS = [f.name for f in fields(EventData) if f.name not in ("signatory1", "signatory2", "id", "time_zone")]
_SIGNATORY_FIELDS = ("jabatan", "name", "pangkat", "nip")
# Text fields with a column limit, as the event form labels them. PostgreSQL rejects longer
# text with a driver error (SQLite would keep it), so the form says so first, on both backends.
_LIMITED_FIELDS = {
    "venue": "Tempat",
    "instansi": "Instansi",
    "organizer": "Penyelenggara",
    "place_name": "Kota (tanggal surat)",
}
_LIMITED_SIGNATORY_FIELDS = {"jabatan": "Jabatan", "name": "Nama", "pangkat": "Pangkat"}


def validate(data: EventData) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = "Nama kegiatan wajib diisi."
    elif len(data.title) > 300:
        errors["title"] = "Nama kegiatan paling banyak 300 karakter."
    if data.date is None:
        errors["date"] = "Tanggal kegiatan wajib diisi."
    elif not EARLIEST_DATE <= data.date <= latest_date():
        errors["date"] = (
            f"Tanggal kegiatan {data.date:%d-%m-%Y} tidak masuk akal; isi tanggal antara "
            f"{EARLIEST_DATE:%d-%m-%Y} dan {latest_date():%d-%m-%Y}."
        )
    if data.kind not in EVENT_KINDS:
        errors["kind"] = f"Jenis kegiatan tidak dikenal: {data.kind}."
    if data.start_time and data.end_time and data.end_time <= data.start_time:
        errors["end_time"] = "Jam selesai harus sesudah jam mulai."
    if data.time_zone not in TIME_ZONES:
        errors["time_zone"] = f"Zona waktu harus {', '.join(TIME_ZONES)}; bukan {data.time_zone!r}."
    if data.jp_hours < 0 or data.jp_hours > 200:
        errors["jp_hours"] = "Jumlah JP harus antara 0 dan 200."
    for name, label in _LIMITED_FIELDS.items():
        limit = getattr(Event, name).max_length
        if len((getattr(data, name) or "").strip()) > limit:
            errors[name] = f"{label} paling banyak {limit} karakter."
    for index, signatory in ((1, data.signatory1), (2, data.signatory2)):
        if signatory.is_empty:
            continue
        for name, label in _LIMITED_SIGNATORY_FIELDS.items():
            limit = getattr(Event, f"signatory{index}_{name}").max_length
            if len(getattr(signatory, name).strip()) > limit:
                errors[f"signatory{index}.{name}"] = f"{label} penanda tangan {index} paling banyak {limit} karakter."
        if not signatory.name.strip():
            errors[f"signatory{index}.name"] = f"Nama penanda tangan {index} wajib diisi."
        if not signatory.jabatan.strip():
            errors[f"signatory{index}.jabatan"] = f"Jabatan penanda tangan {index} wajib diisi."
        if signatory.nip.strip():
            try:
                parse_nip(signatory.nip)
            except IdError as err:
                errors[f"signatory{index}.nip"] = f"Penanda tangan {index}: {err}"
    return errors


def _to_columns(data: EventData) -> dict[str, Any]:
    columns = {name: getattr(data, name) for name in _SCALAR_FIELDS}
    for key in ("title", "venue", "instansi", "place_name", "organizer", "election_name", "speakers"):
        columns[key] = (columns[key] or "").strip()
    for index, signatory in ((1, data.signatory1), (2, data.signatory2)):
        for name in _SIGNATORY_FIELDS:
            value = getattr(signatory, name).strip()
            columns[f"signatory{index}_{name}"] = normalize_id(value) if name == "nip" else value
    if columns["signature_required"] is None:
        del columns["signature_required"]
    return columns


def _from_row(row: Event) -> EventData:
    data = EventData(id=row.id, **{name: getattr(row, name) for name in _SCALAR_FIELDS})
    data.time_zone = event_time_zone(row.id)
    data.jp_hours = Decimal(str(row.jp_hours or 0))
    data.signature_required = bool(row.signature_required)
    for index in (1, 2):
        values = {name: getattr(row, f"signatory{index}_{name}") or "" for name in _SIGNATORY_FIELDS}
        setattr(data, f"signatory{index}", Signatory(**values))
    return data


def create_event(data: EventData, *, actor: audit.Actor | None = None) -> int:
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        row = Event.create(**_to_columns(data))
        _save_time_zone(row.id, data.time_zone)
        audit.record("event.create", actor=actor, event_id=row.id)
    return row.id


def update_event(data: EventData, *, actor: audit.Actor | None = None) -> None:
    if data.id is None:
        raise NotFoundError("Kegiatan belum disimpan.")
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        changed = Event.update(**_to_columns(data), updated_at=now()).where(Event.id == data.id).execute()
        if not changed:
            raise NotFoundError(f"Kegiatan nomor {data.id} tidak ditemukan.")
        _save_time_zone(data.id, data.time_zone)
        audit.record("event.edit", actor=actor, event_id=data.id)


def _save_time_zone(event_id: int, zone: str) -> None:
    """WIB is the default and is stored as no setting, so an untouched event reads like an old one."""
    set_setting(event_id, TIME_ZONE, None if zone == DEFAULT_TIME_ZONE else zone)


def get_event(event_id: int) -> EventData:
    row = Event.get_or_none(Event.id == event_id)
    if row is None:
        raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
    return _from_row(row)


def list_events() -> list[EventSummary]:
    """Newest first, with how many are registered and present."""
    registered = fn.COUNT(Registration.id.distinct())
    present = fn.COUNT(Attendance.id.distinct())
    query = (
        Event.select(Event.id, Event.title, Event.date, Event.venue, Event.kind, registered, present)
        .join(Registration, JOIN.LEFT_OUTER)
        .join(Attendance, JOIN.LEFT_OUTER)
        .group_by(Event.id, Event.title, Event.date, Event.venue, Event.kind)
        .order_by(Event.date.desc(), Event.id.desc())
        .tuples()
    )
    return [EventSummary(*row) for row in query]


def delete_event(event_id: int, *, actor: audit.Actor | None = None) -> None:
    """Delete an event with its registrations and check-ins (people stay for other events)."""
    with db.atomic():
        deleted = Event.delete().where(Event.id == event_id).execute()
        if not deleted:
            raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
        audit.record("event.delete", actor=actor, event_id=None, deleted_event_id=event_id)
