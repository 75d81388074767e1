"""Dates, times and numbers in the window's language (documents stay Indonesian: ``core.dates``).

The GUI imports ``tanggal``, ``hari_tanggal`` and ``jam`` from here instead of ``core.dates``:
the same names, in the language chosen in Pengaturan (``i18n.ui_language``). Indonesian
reads ``Senin, 1 Juli 2024``, ``08.00``, ``2.000``, ``12,5``; English ``Monday, 1 July 2024``,
``08:00``, ``2,000``, ``12.5``.
"""

from __future__ import annotations

import datetime as dt

from ...core import dates
from .i18n import ui_language


def tanggal(d: dt.date) -> str:
    return dates.tanggal(d, ui_language())


def hari_tanggal(d: dt.date) -> str:
    return dates.hari_tanggal(d, ui_language())


def jam(t: dt.time | None) -> str:
    return dates.jam(t, ui_language())


def number(value: int) -> str:
    """``2.000`` (``2,000`` in English): thousands grouped as the UI language writes them."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if ui_language() == "id" else grouped


def decimal(value: float, places: int = 1) -> str:
    """``12,5`` (``12.5`` in English)."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if ui_language() == "id" else text


__all__ = ["decimal", "hari_tanggal", "jam", "number", "tanggal"]
