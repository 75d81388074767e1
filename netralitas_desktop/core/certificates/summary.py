"""What the Sertifikat view shows before a run: who is eligible (in the room / online), how many
numbers are issued or revoked, and what is wrong with the design.

Read in one go, Qt-free, so the window (off its GUI thread) and the CLI share it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..events import get_event
from .design import Design, check_design, load_design
from .eligibility import eligible_holders, online_rules
from .numbering import issued_numbers


@dataclass
class CertificateSummary:
    """What the tab shows, loaded in one go off the GUI thread."""

    design: Design
    event_date: dt.date
    in_room: int
    online: int
    online_allowed: bool
    online_minutes: int
    issued: int
    revoked: int
    problems: list[str]


def load_summary(event_id: int) -> CertificateSummary:
    design = load_design(event_id)
    holders = eligible_holders(event_id)
    issued = issued_numbers(event_id)
    allowed, minutes = online_rules(event_id)
    online = sum(1 for holder in holders if holder.online)
    return CertificateSummary(
        design,
        get_event(event_id).date or dt.date.today(),
        len(holders) - online,
        online,
        allowed,
        minutes,
        len(issued),
        sum(1 for n in issued.values() if n.revoked),
        check_design(event_id, design),
    )


__all__ = ["CertificateSummary", "load_summary"]
