"""Tables of the reporting feature (created by schema v4)."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..models import BaseModel, Event, Registration, now
from ..statuses import AbsenceReason

ABSENCE_REASONS = tuple(AbsenceReason)


class Absence(BaseModel):
    """Why a registered person is not coming (Izin / Sakit / Dinas Luar), one per registration."""

    id = AutoField()
    registration = ForeignKeyField(Registration, unique=True, backref="absence", on_delete="CASCADE")
    registration_id: int
    reason = CharField(max_length=20)
    note = TextField(default="")
    recorded_at = DateTimeField(default=now)
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")


class OnlineReport(BaseModel):
    """An imported meeting report; the fingerprint makes re-importing the same file a no-op."""

    id = AutoField()
    event = ForeignKeyField(Event, backref="online_reports", on_delete="CASCADE")
    event_id: int
    fingerprint = CharField(max_length=64)
    filename = CharField(max_length=255, default="")
    imported_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("event", "fingerprint"), True),)


class OnlineAttendance(BaseModel):
    """Minutes a registration spent in the online meeting (summed over rejoins and reports)."""

    id = AutoField()
    registration = ForeignKeyField(Registration, unique=True, backref="online_attendance", on_delete="CASCADE")
    registration_id: int
    minutes = IntegerField(default=0)
    first_join = DateTimeField(null=True)
    last_leave = DateTimeField(null=True)
    display_name = CharField(max_length=300, default="")  # as the meeting service showed it
    matched_by = CharField(max_length=20, default="")  # nip, name, fuzzy, manual


class OnlineSegment(BaseModel):
    """One row of an imported meeting report, kept so minutes can be re-added after a manual
    assignment or a change of the minimum, and so the review screen can reopen later."""

    id = AutoField()
    report = ForeignKeyField(OnlineReport, backref="segments", on_delete="CASCADE")
    report_id: int
    line = IntegerField()  # row number in the file, as the user sees it
    participant_key = CharField(max_length=300, index=True)  # email, else the folded display name
    display_name = CharField(max_length=300, default="")
    email = CharField(max_length=200, default="")
    joined = DateTimeField(null=True)
    left = DateTimeField(null=True)
    minutes = IntegerField(default=0)
    registration = ForeignKeyField(Registration, null=True, backref="online_segments", on_delete="SET NULL")
    registration_id: int | None
    matched_by = CharField(max_length=20, default="")  # nip, nik, email, name, fuzzy, manual; "" unresolved


class OnlineAlias(BaseModel):
    """A manual assignment remembered per event: the same display name in a later report is
    matched to the same registration without asking again."""

    id = AutoField()
    event = ForeignKeyField(Event, backref="online_aliases", on_delete="CASCADE")
    event_id: int
    participant_key = CharField(max_length=300)
    registration = ForeignKeyField(Registration, backref="online_aliases", on_delete="CASCADE")
    registration_id: int
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("event", "participant_key"), True),)


MODELS = [Absence, OnlineReport, OnlineAttendance, OnlineSegment, OnlineAlias]
