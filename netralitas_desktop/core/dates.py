"""Indonesian dates as they are written in letters: ``Senin, 1 Juli 2024``."""

from __future__ import annotations

import datetime as dt

BULAN = (
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
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def tanggal(d: dt.date) -> str:
    """``1 Juli 2024``."""
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def hari_tanggal(d: dt.date) -> str:
    """``Senin, 1 Juli 2024``."""
    return f"{HARI[d.weekday()]}, {tanggal(d)}"


def tempat_tanggal(place: str, d: dt.date) -> str:
    """The place-date line above a signature: ``Purworejo, 1 Juli 2024``."""
    return f"{place.strip()}, {tanggal(d)}" if place and place.strip() else tanggal(d)


def jam(t: dt.time | None) -> str:
    """``08.00`` — Indonesian letters write times with a dot."""
    return t.strftime("%H.%M") if t else ""
