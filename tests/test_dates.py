"""Dates and times as Indonesian letters write them."""

from __future__ import annotations

import datetime as dt

import pytest

from netralitas_desktop.core.dates import clock_time, day_and_date, long_date, place_and_date


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (dt.date(2024, 7, 1), "Senin, 1 Juli 2024"),
        (dt.date(2024, 7, 2), "Selasa, 2 Juli 2024"),
        (dt.date(2024, 1, 3), "Rabu, 3 Januari 2024"),
        (dt.date(2024, 2, 29), "Kamis, 29 Februari 2024"),
        (dt.date(2024, 8, 16), "Jumat, 16 Agustus 2024"),
        (dt.date(2024, 8, 17), "Sabtu, 17 Agustus 2024"),
        (dt.date(2024, 11, 10), "Minggu, 10 November 2024"),
        (dt.date(2025, 12, 31), "Rabu, 31 Desember 2025"),
    ],
)
def test_hari_tanggal(day, written):
    assert day_and_date(day) == written


def test_every_month_name():
    names = [long_date(dt.date(2024, month, 1)).split(" ")[1] for month in range(1, 13)]
    assert names == [
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
    ]


def test_tanggal_has_no_leading_zero():
    assert long_date(dt.date(2024, 3, 5)) == "5 Maret 2024"


def test_place_date_line_above_a_signature():
    assert place_and_date("Purworejo", dt.date(2024, 7, 1)) == "Purworejo, 1 Juli 2024"
    assert place_and_date("  Sukamakmur ", dt.date(2024, 7, 1)) == "Sukamakmur, 1 Juli 2024"


@pytest.mark.parametrize("place", ["", "   ", None])
def test_place_date_line_without_a_place_is_just_the_date(place):
    assert place_and_date(place, dt.date(2024, 7, 1)) == "1 Juli 2024"


def test_jam_uses_a_dot():
    assert clock_time(dt.time(8, 0)) == "08.00"
    assert clock_time(dt.time(13, 45, 59)) == "13.45"
    assert clock_time(None) == ""
