"""Dates, times and numbers in the window's language (documents stay Indonesian: ``core.dates``).

The GUI imports ``long_date``, ``day_and_date`` and ``clock_time`` from here instead of ``core.dates``:
the same names, in the language chosen in Pengaturan (``i18n.ui_language``). Indonesian
reads ``Senin, 1 Juli 2024``, ``08.00``, ``2.000``, ``69,3%``; English ``Monday, 1 July 2024``,
``08:00``, ``2,000``, ``69.3%``.
"""

from __future__ import annotations

import datetime as dt

from ...core import dates
from .i18n import ui_language


def long_date(d: dt.date) -> str:
    return dates.long_date(d, ui_language())


def day_and_date(d: dt.date) -> str:
    return dates.day_and_date(d, ui_language())


def clock_time(t: dt.time | None) -> str:
    return dates.clock_time(t, ui_language())


def number(value: int) -> str:
    """``2.000`` (``2,000`` in English): thousands grouped as the UI language writes them."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if ui_language() == "id" else grouped


def percent(part: int, whole: int) -> str:
    """``69,3%`` (``69.3%`` in English), by the reports' one rounding rule (``reports.status``)."""
    from ...core.reports.status import percentage, persen

    text = persen(percentage(part, whole))
    return text if ui_language() == "id" else text.replace(",", ".")


__all__ = ["clock_time", "day_and_date", "long_date", "number", "percent"]
