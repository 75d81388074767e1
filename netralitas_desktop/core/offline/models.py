"""Tables of the offline-package feature (schema v4; ``TrustedKey`` and ``PendingWalkIn`` v6).

On a desk laptop, ``ImportedEvent`` and ``ImportedRegistration`` remember which office
database and ids a local event and its registrations came from, and the digest of the
office's invitation code each registration accepts. On the office PC, ``MergedRegistration``,
``MergedCheckin`` and ``MergeLog`` remember what came back from the laptops, so merging the
same return file again changes nothing. ``TrustedKey`` holds the signing keys a person
confirmed by comparing fingerprints (both ends); ``PendingWalkIn`` the laptops' walk-ins
waiting for the office's review.
"""

from __future__ import annotations

from peewee import AutoField, BlobField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..models import BaseModel, Event, Registration, now


class ImportedEvent(BaseModel):
    """Laptop: a local event made from an office package."""

    id = AutoField()
    event = ForeignKeyField(Event, unique=True, backref="imported_from", on_delete="CASCADE")
    event_id: int
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
    registration_id: int
    imported_event = ForeignKeyField(ImportedEvent, backref="registrations", on_delete="CASCADE")
    imported_event_id: int
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
    registration_id: int

    class Meta:
        indexes = ((("source", "source_registration_id"), True),)


class MergedCheckin(BaseModel):
    """Office: one laptop check-in already considered, whatever the outcome."""

    id = AutoField()
    source = CharField(max_length=64)
    registration = ForeignKeyField(Registration, backref="merged_checkins", on_delete="CASCADE")
    registration_id: int
    checked_in_at = DateTimeField()
    desk = CharField(max_length=100, default="")
    merged_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("source", "registration", "checked_in_at", "desk"), True),)


class MergeLog(BaseModel):
    """Office: one row per merged return file, with its counts (JSON)."""

    id = AutoField()
    event = ForeignKeyField(Event, null=True, backref="merge_log", on_delete="SET NULL")
    event_id: int | None
    source = CharField(max_length=64)
    package_id = CharField(max_length=64)
    merged_at = DateTimeField(default=now)
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")
    counts = TextField(default="{}")


class TrustedKey(BaseModel):
    """A package signing key confirmed by comparing its fingerprint on both screens.

    ``role`` ``office``: on a laptop, the office database ``source``'s key (event None).
    ``role`` ``desk``: on the office PC, the key of laptop database ``source`` for ``event``.
    """

    id = AutoField()
    role = CharField(max_length=10)
    source = CharField(max_length=64)
    event = ForeignKeyField(Event, null=True, backref="trusted_keys", on_delete="CASCADE")
    event_id: int | None
    public_key = CharField(max_length=64)  # hex of the 32-byte Ed25519 public key
    confirmed_at = DateTimeField(default=now)
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")

    class Meta:
        indexes = ((("role", "source", "event"), True),)


class PendingWalkIn(BaseModel):
    """Office: a laptop's walk-in, counted only once someone at the office approves it.

    ``person``/``checkin``/``signature`` hold what the laptop sent until the decision; then they
    are cleared (approved: the data lives in Person/Registration; rejected: it is not kept) and the
    row stays so that merging the same file again does not bring the walk-in back.
    """

    id = AutoField()
    event = ForeignKeyField(Event, backref="pending_walk_ins", on_delete="CASCADE")
    event_id: int
    source = CharField(max_length=64)  # the laptop database id
    source_registration_id = IntegerField()
    package_id = CharField(max_length=64)
    received_at = DateTimeField(default=now)
    mode = CharField(max_length=10, default="onsite")
    person = TextField(default="{}")  # JSON: the columns typed at the desk
    checkin = TextField(null=True)  # JSON: checked_in_at, desk, operator, method
    signature = BlobField(null=True)  # PNG, already checked
    signature_meta = TextField(null=True)  # JSON: created_at, desk, operator
    status = CharField(max_length=10, default="pending")  # pending | approved | rejected
    decided_at = DateTimeField(null=True)
    decided_desk = CharField(max_length=100, default="")
    decided_operator = CharField(max_length=100, default="")
    registration = ForeignKeyField(Registration, null=True, backref="approved_walk_in", on_delete="SET NULL")
    registration_id: int | None

    class Meta:
        indexes = ((("source", "source_registration_id"), True),)


MODELS: list[type[BaseModel]] = [ImportedEvent, ImportedRegistration, MergedRegistration, MergedCheckin, MergeLog]
TRUST_MODELS: list[type[BaseModel]] = [TrustedKey, PendingWalkIn]
