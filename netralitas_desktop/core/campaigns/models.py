"""Tables of the campaign feature: the instansi's master roster and campaigns over several events.

The master roster (``RosterMember``) is the whole instansi as its SIASN export and non-ASN
lists say, kept apart from ``Person``: a person row belongs to the events' invitation lists
(and goes when an event is purged), a member belongs to the instansi. Both are the same
human when they share a NIP / NI PPPK or a NIK; coverage joins them by those numbers only.
"""

from __future__ import annotations

from peewee import AutoField, CharField, DateField, DateTimeField, ForeignKeyField, TextField

from ..models import BaseModel, Event, now


class RosterMember(BaseModel):
    """One person of the instansi. ``left_at`` set: no longer in the export (retired, moved away),
    so out of every campaign's target; ``previous_unit`` / ``moved_at``: the last move between OPDs."""

    id = AutoField()
    nip = CharField(max_length=18, null=True, unique=True)  # NIP or NI PPPK, digits only
    nik = CharField(max_length=16, null=True, unique=True)
    nama = CharField(max_length=200)
    gelar_depan = CharField(max_length=100, default="")
    gelar_belakang = CharField(max_length=150, default="")
    sex = CharField(max_length=1, default="")
    employment_type = CharField(max_length=10, default="PNS")
    golongan = CharField(max_length=10, default="")
    jabatan = CharField(max_length=300, default="")
    unit_kerja = CharField(max_length=300, default="", index=True)  # the current OPD
    phone = CharField(max_length=30, default="")
    email = CharField(max_length=200, default="")
    previous_unit = CharField(max_length=300, default="")
    moved_at = DateTimeField(null=True)
    left_at = DateTimeField(null=True, index=True)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class Campaign(BaseModel):
    """A pledge campaign ("Netralitas ASN Pilkada 2024"): several events and a deadline.

    ``mandiri_event``: the event the campaign's own ikrar mandiri forms are registered in
    (made on first use, see ``campaigns.gap``), so a returned form is received as today.
    """

    id = AutoField()
    name = CharField(max_length=300)
    deadline = DateField()
    note = TextField(default="")
    mandiri_event = ForeignKeyField(Event, null=True, on_delete="SET NULL", backref="mandiri_of")
    mandiri_event_id: int | None
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class CampaignEvent(BaseModel):
    id = AutoField()
    campaign = ForeignKeyField(Campaign, backref="links", on_delete="CASCADE")
    campaign_id: int
    event = ForeignKeyField(Event, backref="campaign_links", on_delete="CASCADE")
    event_id: int
    added_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("campaign", "event"), True),)


class CampaignExcuse(BaseModel):
    """A member the committee excuses from a campaign's pledge (long leave, study leave …), with the reason."""

    id = AutoField()
    campaign = ForeignKeyField(Campaign, backref="excuses", on_delete="CASCADE")
    campaign_id: int
    member = ForeignKeyField(RosterMember, backref="excuses", on_delete="CASCADE")
    member_id: int
    reason = CharField(max_length=20)
    note = TextField(default="")
    created_at = DateTimeField(default=now)
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")

    class Meta:
        indexes = ((("campaign", "member"), True),)


class CoverageCredit(BaseModel):
    """A member's pledge in an event whose personal data was purged: the route only (no time,
    no signature, no name), so the campaign's coverage and owing list stay as they were."""

    id = AutoField()
    campaign = ForeignKeyField(Campaign, backref="credits", on_delete="CASCADE")
    campaign_id: int
    member = ForeignKeyField(RosterMember, backref="credits", on_delete="CASCADE")
    member_id: int
    event = ForeignKeyField(Event, backref="coverage_credits", on_delete="CASCADE")
    event_id: int
    route = CharField(max_length=20)
    credited_at = DateTimeField(default=now)

    class Meta:
        indexes = ((("campaign", "member", "event"), True),)


MODELS = [RosterMember, Campaign, CampaignEvent, CampaignExcuse, CoverageCredit]
