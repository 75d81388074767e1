"""Indonesian dates as they are written in letters: ``Senin, 1 Juli 2024``.

Names are English (``long_date``, ``day_and_date``, ``place_and_date``, ``clock_time``); what they
write is Indonesian.
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def long_date(d: dt.date) -> str:
    """``1 Juli 2024``."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def day_and_date(d: dt.date) -> str:
    """``Senin, 1 Juli 2024``."""
    return f"{WEEKDAYS[d.weekday()]}, {long_date(d)}"


def place_and_date(place: str, d: dt.date) -> str:
    """The place-date line above a signature: ``Purworejo, 1 Juli 2024``."""
    return f"{place.strip()}, {long_date(d)}" if place and place.strip() else long_date(d)


def clock_time(t: dt.time | None) -> str:
    """``08.00`` — Indonesian letters write times with a dot."""
    return t.strftime("%H.%M") if t else ""
