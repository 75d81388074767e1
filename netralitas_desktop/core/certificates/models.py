"""Tables of the certificate feature: numbers given (v4), the register and public keys (v7)."""

from __future__ import annotations

from peewee import AutoField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from ..models import BaseModel, Event, Registration, now

VALID, REVOKED = "valid", "revoked"
OWN, LEGACY, IMPORTED = "own", "legacy", "imported"


class Certificate(BaseModel):
    """A certificate number given to one registration. The unique keys keep numbering free of
    duplicates when several desks share a database; the row stays when certificates are made
    again, so a participant keeps the number. A purge deletes it with the registration;
    ``CertificateRegister`` keeps the number and its status."""

    id = AutoField()
    event = ForeignKeyField(Event, backref="certificates", on_delete="CASCADE")
    event_id: int
    registration = ForeignKeyField(Registration, unique=True, backref="certificate", on_delete="CASCADE")
    registration_id: int
    seq = IntegerField()
    number = CharField(max_length=100, unique=True)
    issued_at = DateTimeField(default=now)
    revoked_at = DateTimeField(null=True)
    revoke_reason = TextField(null=True)

    class Meta:
        indexes = ((("event", "seq"), True),)


class CertificateRegister(BaseModel):
    """Every number ever given, for good: no personal data, no foreign key to cascade it away.

    A purged (or deleted) event's numbers are never given again, its revocations stand, and a
    certificate shown later can still be matched to its holder through ``holder_hash`` (HMAC of
    the signed id and name with the database's salt, ``register.holder_digest``)."""

    number = CharField(primary_key=True, max_length=100)
    event_id = IntegerField()
    seq = IntegerField()
    issued_at = DateTimeField(default=now)
    key_id = CharField(max_length=8, default="")  # the key that signed it last
    holder_hash = CharField(max_length=64, default="")
    status = CharField(max_length=10, default=VALID)
    revoked_at = DateTimeField(null=True)
    revoke_reason = TextField(null=True)
    legacy_digest = CharField(max_length=32, null=True)  # version-1 code printed before the change
    purged_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("event_id", "seq"), True),)


class CertificateKey(BaseModel):
    """A PUBLIC key that signs or signed certificates — never a private one (``keystore``).

    ``own``: this instansi's, made on an issuing computer (the newest not retired signs);
    ``legacy``: the key that lived in the database before this release, retired;
    ``imported``: another instansi's (or ours on a computer without our database), to check theirs."""

    key_id = CharField(primary_key=True, max_length=8)
    public_key = CharField(max_length=64)  # raw 32 bytes, hex
    instansi = CharField(max_length=300, default="")
    role = CharField(max_length=10, default=OWN)
    created_at = DateTimeField(default=now)
    retired_at = DateTimeField(null=True)


MODELS = [Certificate]
REGISTER_MODELS = [CertificateRegister, CertificateKey]
