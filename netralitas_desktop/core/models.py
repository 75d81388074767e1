"""Peewee models. The database is bound at run time through ``db`` (see ``database.py``).

Times are the venue laptop's local wall-clock time (naive datetimes): every desk of an
event is in the same place, and the committee reads times as the clock showed them.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    AutoField,
    BlobField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DecimalField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)

from .statuses import AttendanceMode, RegistrationSource

db = DatabaseProxy()


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    """Each ``ForeignKeyField`` ``x`` also reads as the raw column ``x_id`` without a query; the
    models declare ``x_id: int`` beside it for the type checker (an annotation adds no field)."""

    class Meta:
        database = db
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = IntegerField()
    changed_at = DateTimeField(default=now)


class AppSetting(BaseModel):
    """Per-database settings and secrets (never exported)."""

    key = CharField(primary_key=True, max_length=100)
    value = TextField()


EVENT_KINDS = ("sosialisasi", "ikrar", "both")


class Event(BaseModel):
    id = AutoField()
    title = CharField(max_length=300)
    kind = CharField(max_length=20, default="both")
    date = DateField()
    start_time = TimeField(null=True)
    end_time = TimeField(null=True)
    venue = CharField(max_length=300, default="")
    instansi = CharField(max_length=300, default="")
    place_name = CharField(max_length=100, default="")  # for "Purworejo, 1 Juli 2024"
    organizer = CharField(max_length=300, default="")  # penyelenggara, e.g. BKPSDM
    election_name = TextField(default="")
    speakers = TextField(default="")  # one narasumber per line
    signatory1_jabatan = CharField(max_length=300, default="")
    signatory1_name = CharField(max_length=300, default="")
    signatory1_pangkat = CharField(max_length=100, default="")
    signatory1_nip = CharField(max_length=18, default="")
    signatory2_jabatan = CharField(max_length=300, default="")
    signatory2_name = CharField(max_length=300, default="")
    signatory2_pangkat = CharField(max_length=100, default="")
    signatory2_nip = CharField(max_length=18, default="")
    jp_hours = DecimalField(max_digits=5, decimal_places=1, default=0)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)
    # Schema v3: the desk asks for a signature at check-in. Nullable so adding it never
    # rebuilds the table (see migrations.py); NULL reads as False.
    signature_required = BooleanField(null=True, default=False)


EMPLOYMENT_TYPES = ("PNS", "PPPK", "PPNPN", "NON_ASN")


class Person(BaseModel):
    id = AutoField()
    nip = CharField(max_length=18, null=True, unique=True)  # NIP (PNS) or NI PPPK, digits only
    nik = CharField(max_length=16, null=True, unique=True)
    nama = CharField(max_length=200)
    gelar_depan = CharField(max_length=100, default="")
    gelar_belakang = CharField(max_length=150, default="")
    sex = CharField(max_length=1, default="")  # "L" / "P" / ""
    employment_type = CharField(max_length=10, default="PNS")
    golongan = CharField(max_length=10, default="")  # "III/b" or PPPK "IX"
    jabatan = CharField(max_length=300, default="")
    unit_kerja = CharField(max_length=300, default="", index=True)
    phone = CharField(max_length=30, default="")
    email = CharField(max_length=200, default="")
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


REGISTRATION_SOURCES = tuple(RegistrationSource)
ATTENDANCE_MODES = tuple(AttendanceMode)


class Registration(BaseModel):
    id = AutoField()
    event = ForeignKeyField(Event, backref="registrations", on_delete="CASCADE")
    event_id: int
    person = ForeignKeyField(Person, backref="registrations", on_delete="CASCADE")
    person_id: int
    source = CharField(max_length=10, default=RegistrationSource.INVITED.value)
    mode = CharField(max_length=10, default=AttendanceMode.ONSITE.value)
    created_at = DateTimeField(default=now)
    # Schema v2: a cancelled registration stays on record but cannot check in.
    cancelled_at = DateTimeField(null=True)
    cancel_reason = TextField(null=True)

    class Meta:
        indexes = ((("event", "person"), True),)


class Attendance(BaseModel):
    """One check-in per registration, enforced by the unique key (exactly once across desks)."""

    id = AutoField()
    registration = ForeignKeyField(Registration, unique=True, backref="attendance", on_delete="CASCADE")
    registration_id: int
    checked_in_at = DateTimeField(default=now)
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")
    method = CharField(max_length=20, default="qr")  # qr, nip, manual, walk_in, online


class AuditLog(BaseModel):
    id = AutoField()
    at = DateTimeField(default=now, index=True)
    action = CharField(max_length=40)
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL", backref="audit_entries")
    event_id: int | None
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")
    detail = TextField(default="")  # JSON; ids and counts, not personal data


class Signature(BaseModel):
    """Schema v3: a participant's signature from the check-in desk, one per registration (PNG bytes)."""

    id = AutoField()
    registration = ForeignKeyField(Registration, unique=True, backref="signature", on_delete="CASCADE")
    registration_id: int
    png = BlobField()
    created_at = DateTimeField(default=now)
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")


class EventSetting(BaseModel):
    """Schema v4: one per-event option as JSON (pledge text, certificate design, minimum online
    minutes, …). A key-value table, so a feature can add an option without a migration."""

    event = ForeignKeyField(Event, backref="settings", on_delete="CASCADE")
    event_id: int
    key = CharField(max_length=100)
    value = TextField()  # JSON

    class Meta:
        primary_key = CompositeKey("event", "key")


class EventAsset(BaseModel):
    """Schema v4: an image or file kept with an event (kop logo, signature and stamp images,
    certificate background), so a copied database carries everything its documents need."""

    id = AutoField()
    event = ForeignKeyField(Event, backref="assets", on_delete="CASCADE")
    event_id: int
    kind = CharField(max_length=50)  # e.g. "logo", "signatory1_signature", "certificate_background"
    filename = CharField(max_length=255, default="")
    data = BlobField()
    updated_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("event", "kind"), True),)


ALL_MODELS = [
    SchemaVersion,
    AppSetting,
    Event,
    Person,
    Registration,
    Attendance,
    AuditLog,
    Signature,
    EventSetting,
    EventAsset,
]
__all__ = [m.__name__ for m in ALL_MODELS] + ["db", "now", "SQL"]
