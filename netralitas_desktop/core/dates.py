"""Dates and times as letters write them: ``Senin, 1 Juli 2024`` and ``08.00``.

Names are English (``long_date``, ``day_and_date``, ``place_and_date``, ``clock_time``); what they
write is not. Documents are Indonesian whatever the operator's UI language, so every function
writes Indonesian by default; the window passes its language (``language="en"``:
``Monday, 1 July 2024``, ``08:00``) through ``gui/common/dates.py``. Qt-free on purpose:
the same words in a PDF, a CLI line and a label.
"""

from __future__ import annotations

import datetime as dt

ID_MONTHS = (
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
ID_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LANGUAGES = ("id", "en")
# Day and month names, and the separator of hours and minutes, per language.
_NAMES = {"id": (ID_WEEKDAYS, ID_MONTHS, "."), "en": (EN_WEEKDAYS, EN_MONTHS, ":")}


def _names(language: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    return _NAMES.get(language, _NAMES["id"])


def long_date(d: dt.date, language: str = "id") -> str:
    """``1 Juli 2024`` (``1 July 2024``)."""
    return f"{d.day} {_names(language)[1][d.month - 1]} {d.year}"


def day_and_date(d: dt.date, language: str = "id") -> str:
    """``Senin, 1 Juli 2024`` (``Monday, 1 July 2024``)."""
    return f"{_names(language)[0][d.weekday()]}, {long_date(d, language)}"


def place_and_date(place: str, d: dt.date) -> str:
    """The place-date line above a signature: ``Purworejo, 1 Juli 2024`` (documents only: Indonesian)."""
    return f"{place.strip()}, {long_date(d)}" if place and place.strip() else long_date(d)


def clock_time(t: dt.time | None, language: str = "id") -> str:
    """``08.00`` — Indonesian letters write times with a dot (English: ``08:00``)."""
    return t.strftime(f"%H{_names(language)[2]}%M") if t else ""
