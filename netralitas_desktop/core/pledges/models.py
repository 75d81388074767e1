"""Tables of the pledge feature (created by schema v4)."""

from __future__ import annotations

from peewee import AutoField, BlobField, CharField, DateTimeField, ForeignKeyField, TextField

from ..models import BaseModel, Registration, now


class IkrarReturn(BaseModel):
    """A signed ikrar mandiri form that came back on paper: one per registration."""

    id = AutoField()
    registration = ForeignKeyField(Registration, unique=True, backref="ikrar_return", on_delete="CASCADE")
    registration_id: int
    returned_at = DateTimeField(default=now)
    method = CharField(max_length=20, default="qr")  # qr, manual
    note = TextField(default="")
    attachment = BlobField(null=True)  # photo or scan of the signed form
    attachment_name = CharField(max_length=255, default="")
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")


MODELS = [IkrarReturn]
