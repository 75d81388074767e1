"""What the "Ringkasan" view shows, read in one go: per-OPD and per-type recaps, the pledge status
and the online minimum.

Qt-free so the CLI and tests read the same figures the window shows; the counting rules
live in ``status`` (one place decides Hadir / Daring / Izin / ...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..event_settings import online_min_minutes
from .status import PledgeCounts, Recap, employment_recap, pledge_counts, status_rows, unit_recap


@dataclass(frozen=True)
class Snapshot:
    units: Recap
    employment: Recap
    pledge: PledgeCounts | None  # None when not recounted this time
    minimum: int
    at: dt.datetime


def load_snapshot(event_id: int, with_pledge: bool) -> Snapshot:
    pledge = pledge_counts(status_rows(event_id)) if with_pledge else None
    return Snapshot(
        unit_recap(event_id),
        employment_recap(event_id),
        pledge,
        online_min_minutes(event_id),
        dt.datetime.now().replace(microsecond=0),
    )


__all__ = ["Snapshot", "load_snapshot"]
