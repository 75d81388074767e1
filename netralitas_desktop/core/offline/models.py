"""Tables of the offline-package feature (created by schema v4).

On a desk laptop, ``ImportedEvent`` and ``ImportedRegistration`` remember which office
database and ids a local event and its registrations came from, and the digest of the
office's invitation code each registration accepts. On the office PC, ``MergedRegistration``,
``MergedCheckin`` and ``MergeLog`` remember what came back from the laptops, so merging the
same return file again changes nothing.
"""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..models import BaseModel, Event, Registration, now


class ImportedEvent(BaseModel):
    """Laptop: a local event made from an office package."""

    id = AutoField()
    event = ForeignKeyField(Event, unique=True, backref="imported_from", on_delete="CASCADE")
    origin = CharField(max_length=64)  # the office database id (``package_file.database_id``)
    origin_event_id = IntegerField()
    package_id = CharField(max_length=64)  # the newest package imported
    exported_at = DateTimeField()
    imported_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("origin", "origin_event_id"), True),)


class ImportedRegistration(BaseModel):
    """Laptop: a local registration, its office id, and the SHA-256 of the office's QR payload."""

    registration = ForeignKeyField(Registration, primary_key=True, backref="imported_as", on_delete="CASCADE")
    imported_event = ForeignKeyField(ImportedEvent, backref="registrations", on_delete="CASCADE")
    origin_registration_id = IntegerField()
    code_digest = CharField(max_length=64, index=True)

    class Meta:
        indexes = ((("imported_event", "origin_registration_id"), True),)


class MergedRegistration(BaseModel):
    """Office: a laptop's own registration (a walk-in) and the office registration it became."""

    id = AutoField()
    source = CharField(max_length=64)  # the laptop database id
    source_registration_id = IntegerField()
    registration = ForeignKeyField(Registration, backref="merged_from", on_delete="CASCADE")

    class Meta:
        indexes = ((("source", "source_registration_id"), True),)


class MergedCheckin(BaseModel):
    """Office: one laptop check-in already considered, whatever the outcome."""

    id = AutoField()
    source = CharField(max_length=64)
    registration = ForeignKeyField(Registration, backref="merged_checkins", on_delete="CASCADE")
    checked_in_at = DateTimeField()
    desk = CharField(max_length=100, default="")
    merged_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("source", "registration", "checked_in_at", "desk"), True),)


class MergeLog(BaseModel):
    """Office: one row per merged return file, with its counts (JSON)."""

    id = AutoField()
    event = ForeignKeyField(Event, null=True, backref="merge_log", on_delete="SET NULL")
    source = CharField(max_length=64)
    package_id = CharField(max_length=64)
    merged_at = DateTimeField(default=now)
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")
    counts = TextField(default="{}")


MODELS: list = [ImportedEvent, ImportedRegistration, MergedRegistration, MergedCheckin, MergeLog]
