"""Campaigns: a name, a deadline and the events whose pledges count; excuses with their reason.

Every change is audited (ids and counts only); the audit row also moves ``change_stamp``,
so an open coverage view refreshes by itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from peewee import fn

from .. import audit
from ..events import NotFoundError, ValidationError
from ..models import Event, db, now
from .models import Campaign, CampaignEvent, CampaignExcuse, CoverageCredit, RosterMember

EXCUSE_REASONS = {
    "cuti": "Cuti",
    "sakit": "Sakit berkepanjangan",
    "tugas_belajar": "Tugas belajar",
    "penugasan": "Penugasan di luar instansi",
    "lainnya": "Lainnya",
}
MAX_NAME = 300
MAX_NOTE = 500


@dataclass
class CampaignData:
    name: str = ""
    deadline: dt.date | None = None
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class CampaignInfo:
    id: int
    name: str
    deadline: dt.date
    note: str
    mandiri_event_id: int | None
    event_ids: tuple[int, ...]

    def days_left(self, today: dt.date | None = None) -> int:
        return (self.deadline - (today or dt.date.today())).days

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "deadline": self.deadline.isoformat(),
            "note": self.note,
            "mandiri_event_id": self.mandiri_event_id,
            "event_ids": list(self.event_ids),
        }


@dataclass(frozen=True)
class CampaignEventRow:
    event_id: int
    title: str
    date: dt.date
    is_mandiri: bool  # the campaign's own ikrar mandiri event


def validate(data: CampaignData) -> dict[str, str]:
    errors = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = "Nama kampanye wajib diisi."
    elif len(name) > MAX_NAME:
        errors["name"] = f"Nama kampanye paling banyak {MAX_NAME} karakter."
    if data.deadline is None:
        errors["deadline"] = "Batas waktu kampanye wajib diisi."
    if len(data.note) > MAX_NOTE:
        errors["note"] = f"Catatan paling banyak {MAX_NOTE} karakter."
    return errors


def create_campaign(data: CampaignData, *, actor: audit.Actor | None = None) -> int:
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        campaign = Campaign.create(name=" ".join(data.name.split()), deadline=data.deadline, note=data.note.strip())
        audit.record("campaign.create", actor=actor, campaign_id=campaign.id)
    return campaign.id


def update_campaign(data: CampaignData, *, actor: audit.Actor | None = None) -> None:
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    with db.atomic():
        _campaign(data.id)
        Campaign.update(
            name=" ".join(data.name.split()), deadline=data.deadline, note=data.note.strip(), updated_at=now()
        ).where(Campaign.id == data.id).execute()
        audit.record("campaign.update", actor=actor, campaign_id=data.id)


def delete_campaign(campaign_id: int, *, actor: audit.Actor | None = None) -> None:
    """The campaign, its excuses and credits go; its events and the master roster stay."""
    with db.atomic():
        _campaign(campaign_id)
        Campaign.delete().where(Campaign.id == campaign_id).execute()
        audit.record("campaign.delete", actor=actor, campaign_id=campaign_id)


def _campaign(campaign_id: int | None) -> Campaign:
    campaign = Campaign.get_or_none(Campaign.id == campaign_id) if campaign_id is not None else None
    if campaign is None:
        raise NotFoundError(f"Kampanye nomor {campaign_id} tidak ditemukan.")
    return campaign


def get_campaign(campaign_id: int) -> CampaignInfo:
    campaign = _campaign(campaign_id)
    event_ids = tuple(
        event_id
        for (event_id,) in CampaignEvent.select(CampaignEvent.event)
        .where(CampaignEvent.campaign == campaign_id)
        .order_by(CampaignEvent.event)
        .tuples()
    )
    return CampaignInfo(
        campaign.id, campaign.name, _as_date(campaign.deadline), campaign.note, campaign.mandiri_event_id, event_ids
    )


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def list_campaigns() -> list[CampaignInfo]:
    """Every campaign, the nearest deadline first."""
    ids = [c for (c,) in Campaign.select(Campaign.id).order_by(Campaign.deadline.desc(), Campaign.id.desc()).tuples()]
    return [get_campaign(campaign_id) for campaign_id in ids]


def find_campaign(reference: str) -> CampaignInfo:
    """A campaign by its number or its exact name (case aside), for the command line."""
    text = " ".join(reference.split())
    if text.isdigit():
        return get_campaign(int(text))
    found = [c for (c,) in Campaign.select(Campaign.id).where(fn.LOWER(Campaign.name) == text.lower()).tuples()]
    if not found:
        raise NotFoundError(f"Kampanye \u201c{text}\u201d tidak ditemukan.")
    if len(found) > 1:
        raise ValidationError({"campaign": f"Ada {len(found)} kampanye bernama \u201c{text}\u201d; sebut nomornya."})
    return get_campaign(found[0])


def campaign_events(campaign_id: int) -> list[CampaignEventRow]:
    campaign = _campaign(campaign_id)
    query = (
        Event.select(Event.id, Event.title, Event.date)
        .join(CampaignEvent)
        .where(CampaignEvent.campaign == campaign_id)
        .order_by(Event.date, Event.id)
        .tuples()
    )
    return [
        CampaignEventRow(event_id, title, date, event_id == campaign.mandiri_event_id)
        for event_id, title, date in query
    ]


def template_event(campaign_id: int) -> int | None:
    """The event whose kop, signatory and wording the campaign's own papers use: its ikrar
    mandiri event, else its latest event; None while it has no event."""
    campaign = get_campaign(campaign_id)
    if campaign.mandiri_event_id is not None:
        return campaign.mandiri_event_id
    if not campaign.event_ids:
        return None
    latest: int | None = (
        Event.select(Event.id)
        .where(Event.id.in_(list(campaign.event_ids)))
        .order_by(Event.date.desc(), Event.id.desc())
        .scalar()
    )
    return latest


def add_event(campaign_id: int, event_id: int, *, actor: audit.Actor | None = None) -> bool:
    """Count an event's pledges in the campaign; False when it already counts."""
    with db.atomic():
        _campaign(campaign_id)
        if not Event.select().where(Event.id == event_id).exists():
            raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
        insert = CampaignEvent.insert(campaign=campaign_id, event=event_id, added_at=now()).on_conflict_ignore()
        added: bool = db.execute(insert).rowcount > 0
        if added:
            audit.record("campaign.add_event", actor=actor, event_id=event_id, campaign_id=campaign_id)
    return added


def remove_event(campaign_id: int, event_id: int, *, actor: audit.Actor | None = None) -> bool:
    """Stop counting an event (its credits from a purge too); False when it did not count."""
    with db.atomic():
        _campaign(campaign_id)
        where = (CampaignEvent.campaign == campaign_id) & (CampaignEvent.event == event_id)
        removed = bool(CampaignEvent.delete().where(where).execute())
        CoverageCredit.delete().where(
            (CoverageCredit.campaign == campaign_id) & (CoverageCredit.event == event_id)
        ).execute()
        Campaign.update(mandiri_event=None).where(
            (Campaign.id == campaign_id) & (Campaign.mandiri_event == event_id)
        ).execute()
        if removed:
            audit.record("campaign.remove_event", actor=actor, event_id=event_id, campaign_id=campaign_id)
    return removed


# --- excuses -------------------------------------------------------------------------------------------------


def excuse(
    campaign_id: int, member_ids: Iterable[int], reason: str, note: str = "", *, actor: audit.Actor | None = None
) -> int:
    """Excuse members from the campaign's pledge with a reason (replacing an earlier one); returns how many."""
    note = " ".join(note.split())
    if reason not in EXCUSE_REASONS:
        raise ValidationError({"reason": "Pilih alasan pengecualian."})
    if reason == "lainnya" and not note:
        raise ValidationError({"note": "Tuliskan keterangan untuk alasan \u201cLainnya\u201d."})
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": f"Keterangan paling banyak {MAX_NOTE} karakter."})
    actor = actor or audit.Actor.default()
    wanted = sorted(set(member_ids))
    with db.atomic():
        _campaign(campaign_id)
        known = {m for (m,) in RosterMember.select(RosterMember.id).where(RosterMember.id.in_(wanted)).tuples()}
        if len(known) != len(wanted):
            raise NotFoundError("Sebagian pegawai yang dipilih tidak ada lagi di daftar induk; muat ulang daftarnya.")
        CampaignExcuse.delete().where(
            (CampaignExcuse.campaign == campaign_id) & CampaignExcuse.member.in_(wanted)
        ).execute()
        stamp = now()
        for member_id in wanted:
            CampaignExcuse.insert(
                campaign=campaign_id,
                member=member_id,
                reason=reason,
                note=note,
                created_at=stamp,
                desk=actor.desk,
                operator=actor.operator,
            ).execute()
        audit.record("campaign.excuse", actor=actor, campaign_id=campaign_id, reason=reason, count=len(wanted))
    return len(wanted)


def unexcuse(campaign_id: int, member_ids: Iterable[int], *, actor: audit.Actor | None = None) -> int:
    """Take excuses back: the members owe their pledge again; returns how many."""
    wanted = sorted(set(member_ids))
    with db.atomic():
        _campaign(campaign_id)
        count: int = (
            CampaignExcuse.delete()
            .where((CampaignExcuse.campaign == campaign_id) & CampaignExcuse.member.in_(wanted))
            .execute()
        )
        audit.record("campaign.unexcuse", actor=actor, campaign_id=campaign_id, count=count)
    return count


__all__ = [
    "EXCUSE_REASONS",
    "CampaignData",
    "CampaignEventRow",
    "CampaignInfo",
    "add_event",
    "campaign_events",
    "create_campaign",
    "delete_campaign",
    "excuse",
    "find_campaign",
    "get_campaign",
    "list_campaigns",
    "remove_event",
    "template_event",
    "unexcuse",
    "update_campaign",
]
