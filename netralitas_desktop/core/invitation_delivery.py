"""Which invitations have gone out: one mark per registration, so "only those not yet sent" works.

The rule, kept simple enough to explain at the desk: **an invitation counts as sent once it is
made for sending** — a PDF of cards to print and hand out, or the PNGs for WhatsApp. Making a
run marks everyone in it (``mark_sent``; a proof print can opt out), and the committee can mark
people by hand (the invitation went out some other way) or unmark them (a card was lost, a
number was wrong) from the Peserta tab or the CLI. "Only those not yet sent" then means: no
mark. Making again for someone already marked keeps them marked and moves the mark's time.

A mark holds the registration, when, how (``pdf``, ``zip``, ``png``, ``manual``) and who; no
personal data. It goes with its registration (ON DELETE CASCADE: a removed participant, a
purge). Manual marks and unmarks leave an audit entry with counts; a made run's marks are
counted in that run's ``export`` entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from peewee import CharField, DateTimeField, ForeignKeyField

from . import audit
from .events import get_event
from .models import BaseModel, Person, Registration, db, now
from .nip import normalize_id
from .roster.bulk import chunks

if TYPE_CHECKING:
    from peewee import ModelSelect

DELIVERY_KINDS = ("pdf", "zip", "png", "manual")
_CHUNK = 500  # registration ids per statement, under SQLite's old limit of 999 parameters
_INSERT_CHUNK = 150  # rows of five values per INSERT, under the same limit


class InvitationDelivery(BaseModel):
    """A registration's invitation was made for sending (or marked so by hand)."""

    registration = ForeignKeyField(Registration, primary_key=True, backref="invitation", on_delete="CASCADE")
    registration_id: int
    sent_at = DateTimeField(default=now)
    how = CharField(max_length=10, default="manual")
    desk = CharField(max_length=100, default="")
    operator = CharField(max_length=100, default="")


MODELS = [InvitationDelivery]


@dataclass(frozen=True)
class Delivery:
    sent_at: dt.datetime
    how: str


@dataclass(frozen=True)
class DeliveryCounts:
    """Registrations that can get an invitation (not cancelled), and how many of them are marked sent."""

    total: int
    sent: int

    @property
    def unsent(self) -> int:
        return self.total - self.sent


def _active_registrations(event_id: int) -> ModelSelect[Registration]:
    return Registration.select(Registration.id).where(
        (Registration.event == event_id) & Registration.cancelled_at.is_null()
    )


def deliveries(event_id: int) -> dict[int, Delivery]:
    """Registration id -> its mark, for every marked registration of the event."""
    query = (
        InvitationDelivery.select(InvitationDelivery.registration, InvitationDelivery.sent_at, InvitationDelivery.how)
        .join(Registration)
        .where(Registration.event == event_id)
        .tuples()
    )
    return {registration_id: Delivery(sent_at, how) for registration_id, sent_at, how in query}


def delivery_counts(event_id: int) -> DeliveryCounts:
    active = _active_registrations(event_id)
    sent = InvitationDelivery.select().where(InvitationDelivery.registration.in_(active)).count()
    return DeliveryCounts(active.count(), sent)


@dataclass(frozen=True)
class Invitee:
    """What choosing people for a run needs to know of one registration (no personal data)."""

    registration_id: int
    unit_kerja: str
    sent: bool


def invitees(event_id: int) -> list[Invitee]:
    """Every registration that can get an invitation (not cancelled), with its unit and mark:
    the invitations window counts any choice from this without asking the database again."""
    get_event(event_id)
    sent = {registration_id for (registration_id,) in _marked(event_id).tuples()}
    query = (
        Registration.select(Registration.id, Person.unit_kerja)
        .join(Person)
        .where((Registration.event == event_id) & Registration.cancelled_at.is_null())
        .order_by(Registration.id)
        .tuples()
    )
    return [Invitee(registration_id, unit, registration_id in sent) for registration_id, unit in query]


def _marked(event_id: int) -> ModelSelect[InvitationDelivery]:
    return (
        InvitationDelivery.select(InvitationDelivery.registration)
        .join(Registration)
        .where(Registration.event == event_id)
    )


def _event_registrations(event_id: int, registration_ids: Iterable[int]) -> list[int]:
    """The ids that are registrations of this event (others are ignored), sorted."""
    wanted = sorted(set(registration_ids))
    found: list[int] = []
    for chunk in chunks(wanted, _CHUNK):
        query = Registration.select(Registration.id).where(
            (Registration.event == event_id) & Registration.id.in_(list(chunk))
        )
        found.extend(registration_id for (registration_id,) in query.tuples())
    return sorted(found)


def record_deliveries(
    event_id: int, registration_ids: Iterable[int], how: str, *, actor: audit.Actor | None = None
) -> int:
    """Mark these registrations sent now (``how`` the run made, or ``manual``); returns how many.

    No audit entry of its own: a made run counts its marks in its ``export`` entry, a mark by
    hand goes through ``mark_sent``.
    """
    if how not in DELIVERY_KINDS:
        raise ValueError(how)
    actor = actor or audit.Actor.default()
    ids = _event_registrations(event_id, registration_ids)
    stamp = now()
    with db.atomic():
        for chunk in chunks(ids, _INSERT_CHUNK):
            rows = [
                {
                    InvitationDelivery.registration: registration_id,
                    InvitationDelivery.sent_at: stamp,
                    InvitationDelivery.how: how,
                    InvitationDelivery.desk: actor.desk,
                    InvitationDelivery.operator: actor.operator,
                }
                for registration_id in chunk
            ]
            InvitationDelivery.insert_many(rows).on_conflict(
                conflict_target=[InvitationDelivery.registration],
                update={
                    InvitationDelivery.sent_at: stamp,
                    InvitationDelivery.how: how,
                    InvitationDelivery.desk: actor.desk,
                    InvitationDelivery.operator: actor.operator,
                },
            ).execute()
    return len(ids)


def mark_sent(event_id: int, registration_ids: Iterable[int], *, actor: audit.Actor | None = None) -> int:
    """The committee says these invitations went out (by hand); returns how many are marked."""
    get_event(event_id)
    with db.atomic():
        count = record_deliveries(event_id, registration_ids, "manual", actor=actor)
        audit.record("invitation.mark_sent", actor=actor, event_id=event_id, count=count)
    return count


def unmark_sent(event_id: int, registration_ids: Iterable[int], *, actor: audit.Actor | None = None) -> int:
    """These invitations did not reach their people after all; returns how many marks were removed."""
    get_event(event_id)
    ids = _event_registrations(event_id, registration_ids)
    with db.atomic():
        removed: int = sum(
            InvitationDelivery.delete().where(InvitationDelivery.registration.in_(list(chunk))).execute()
            for chunk in chunks(ids, _CHUNK)
        )
        audit.record("invitation.unmark_sent", actor=actor, event_id=event_id, count=removed)
    return removed


def registrations_by_numbers(event_id: int, numbers: Iterable[str]) -> tuple[list[int], list[str]]:
    """Registrations of the event whose person has one of these NIPs / NIKs (how the CLI names
    people); returns (registration ids, the numbers written that match nobody of the event)."""
    numbers = list(numbers)
    wanted = {normalize_id(number) for number in numbers} - {""}
    found: dict[str, int] = {}
    for chunk in chunks(sorted(wanted), _CHUNK):
        query = (
            Registration.select(Registration.id, Person.nip, Person.nik)
            .join(Person)
            .where((Registration.event == event_id) & (Person.nip.in_(list(chunk)) | Person.nik.in_(list(chunk))))
            .tuples()
        )
        for registration_id, nip, nik in query:
            for digits in (nip, nik):
                if digits in wanted:
                    found[digits] = registration_id
    missing = [number for number in numbers if normalize_id(number) not in found]
    return sorted(set(found.values())), missing


__all__ = [
    "DELIVERY_KINDS",
    "MODELS",
    "Delivery",
    "DeliveryCounts",
    "InvitationDelivery",
    "Invitee",
    "deliveries",
    "delivery_counts",
    "invitees",
    "mark_sent",
    "record_deliveries",
    "registrations_by_numbers",
    "unmark_sent",
]
