"""Tables of the certificate feature (created by schema v4)."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..models import BaseModel, Event, Registration, now


class Certificate(BaseModel):
    """A certificate number given to one registration. The unique keys keep numbering free of
    duplicates when several desks share a database; the row stays when certificates are made
    again, so a participant keeps the number."""

    id = AutoField()
    event = ForeignKeyField(Event, backref="certificates", on_delete="CASCADE")
    registration = ForeignKeyField(Registration, unique=True, backref="certificate", on_delete="CASCADE")
    seq = IntegerField()
    number = CharField(max_length=100, unique=True)
    issued_at = DateTimeField(default=now)
    revoked_at = DateTimeField(null=True)
    revoke_reason = TextField(null=True)

    class Meta:
        indexes = ((("event", "seq"), True),)


MODELS = [Certificate]
