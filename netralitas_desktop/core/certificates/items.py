"""The certificates of a run: holders with their numbers and signed QR texts.

``issue_items`` gives numbers for good (the bulk run); ``preview_items`` only looks ahead
at the numbers the next run would give, so a preview never uses one up.
"""

from __future__ import annotations

import datetime as dt

from ..events import EventData
from ..participants import list_participants
from ..statuses import AttendanceMode
from .design import Design
from .eligibility import Holder, eligible_holders
from .keys import active_key
from .numbering import assign_numbers, issued_numbers, planned_numbers
from .payload import Claims, holder_id_for, qr_text, sign_claims, unsigned_code
from .register import Issued, holder_digest, issuing_key, record_issue
from .render import CertificateItem
from .site import site_url

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
    event_id: int, event: EventData, design: Design, holders: list[Holder], *, passphrase: bytes | None = None
) -> tuple[list[CertificateItem], int]:
    """Numbers for every holder (kept from earlier runs, new ones without gaps) and signed QR texts.

    The signing key must be on this computer (``register.issuing_key``); it is fetched before any
    number is given, so a desk without it uses none up. Returns the items and how many holders
    were left out because their certificate was revoked.
    """
    known, private = issuing_key(event.instansi, passphrase=passphrase)
    numbers = assign_numbers(
        event_id, [holder.registration_id for holder in holders], design.number_format, design.number_start
    )
    url = site_url()
    items, issued, revoked = [], [], 0
    for holder in holders:
        number = numbers[holder.registration_id]
        if number.revoked:
            revoked += 1
            continue
        claims = claims_for(holder, number.number, event)
        code = sign_claims(private, known.key_id, claims)
        items.append(CertificateItem(holder, number.number, qr_text(code, url)))
        issued.append(Issued(number.number, holder_digest(claims.holder_id, claims.name), known.key_id))
    record_issue(issued)
    return items, revoked


def claims_for(holder: Holder, number: str, event: EventData) -> Claims:
    """What the certificate of ``holder`` states, as it prints it."""
    return Claims(
        number=number,
        name=holder.name,
        holder_id=holder_id_for(holder.nip, holder.nik),
        event_title=event.title,
        date=event.date or dt.date.today(),
        jp=event.jp_hours,
        instansi=event.instansi,
    )


def preview_items(event_id: int, event: EventData, design: Design, count: int = 5) -> list[CertificateItem]:
    """The first ``count`` certificates as the next run would number them; before anyone has
    attended, the event's participants, or one sample person for an empty event. Their codes are
    full size but unsigned: a preview never uses a number up and never passes a check."""
    holders = eligible_holders(event_id)[:count] or _participants(event_id, count) or [SAMPLE_HOLDER]
    issued = issued_numbers(event_id)
    fresh = [holder for holder in holders if holder.registration_id not in issued]
    planned = iter(planned_numbers(event_id, len(fresh), design.number_format, design.number_start))
    active = active_key()
    url = site_url()
    items = []
    for holder in holders:
        number = issued[holder.registration_id].number if holder.registration_id in issued else next(planned)
        code = unsigned_code(claims_for(holder, number, event), active.key_id if active else "00000000")
        items.append(CertificateItem(holder, number, qr_text(code, url)))
    return items


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
            row.mode == AttendanceMode.ONLINE,
        )
        for row in rows
    ]


__all__ = ["SAMPLE_HOLDER", "claims_for", "issue_items", "preview_items"]
