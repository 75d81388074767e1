"""The certificates of a run: holders with their numbers and signed QR texts.

``issue_items`` gives numbers for good (the bulk run); ``preview_items`` only looks ahead
at the numbers the next run would give, so a preview never uses one up.
"""

from __future__ import annotations

import datetime as dt

from ..events import EventData
from ..participants import list_participants
from .design import Design
from .eligibility import Holder, eligible_holders
from .keys import private_key
from .numbering import assign_numbers, issued_numbers, planned_numbers
from .payload import make_payload
from .render import CertificateItem

SAMPLE_HOLDER = Holder(
    0,
    "Dr. Contoh Nama Peserta, S.H., M.Si.",
    "Contoh Nama Peserta",
    "198609262015051001",
    "",
    "PNS",
    "III/c",
    "Analis Sumber Daya Manusia Aparatur Ahli Muda",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
)


def issue_items(
    event_id: int, event: EventData, design: Design, holders: list[Holder]
) -> tuple[list[CertificateItem], int]:
    """Numbers for every holder (kept from earlier runs, new ones without gaps) and QR texts.

    Returns the items and how many holders were left out because their certificate was revoked.
    """
    numbers = assign_numbers(
        event_id, [holder.registration_id for holder in holders], design.number_format, design.number_start
    )
    key = private_key()
    items, revoked = [], 0
    for holder in holders:
        issued = numbers[holder.registration_id]
        if issued.revoked:
            revoked += 1
            continue
        items.append(_item(key, holder, issued.number, event.date, design.verify_url))
    return items, revoked


def preview_items(event_id: int, event: EventData, design: Design, count: int = 5) -> list[CertificateItem]:
    """The first ``count`` certificates as the next run would number them; before anyone has
    attended, the event's participants, or one sample person for an empty event."""
    holders = eligible_holders(event_id)[:count] or _participants(event_id, count) or [SAMPLE_HOLDER]
    issued = issued_numbers(event_id)
    fresh = [holder for holder in holders if holder.registration_id not in issued]
    planned = iter(planned_numbers(event_id, len(fresh), design.number_format, design.number_start))
    key = private_key()
    return [
        _item(
            key,
            holder,
            issued[holder.registration_id].number if holder.registration_id in issued else next(planned),
            event.date,
            design.verify_url,
        )
        for holder in holders
    ]


def _participants(event_id: int, count: int) -> list[Holder]:
    rows = list_participants(event_id)[:count]
    return [
        Holder(
            row.registration_id,
            row.full_name,
            row.nama,
            row.nip,
            row.nik,
            row.employment_type,
            row.golongan,
            row.jabatan,
            row.unit_kerja,
            row.mode == "online",
        )
        for row in rows
    ]


def _item(key, holder: Holder, number: str, date: dt.date | None, verify_url: str) -> CertificateItem:
    payload = make_payload(key, number, holder.id_digits, holder.name, date or dt.date.today(), verify_url)
    return CertificateItem(holder, number, payload)


__all__ = ["SAMPLE_HOLDER", "issue_items", "preview_items"]
