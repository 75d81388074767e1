"""Dates and times as Indonesian letters write them."""

from __future__ import annotations

import datetime as dt

import pytest

from netralitas_desktop.core.dates import hari_tanggal, jam, tanggal, tempat_tanggal


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
    assert hari_tanggal(day) == written


def test_every_month_name():
    names = [tanggal(dt.date(2024, month, 1)).split(" ")[1] for month in range(1, 13)]
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
    assert tanggal(dt.date(2024, 3, 5)) == "5 Maret 2024"


def test_place_date_line_above_a_signature():
    assert tempat_tanggal("Purworejo", dt.date(2024, 7, 1)) == "Purworejo, 1 Juli 2024"
    assert tempat_tanggal("  Sukamakmur ", dt.date(2024, 7, 1)) == "Sukamakmur, 1 Juli 2024"


@pytest.mark.parametrize("place", ["", "   ", None])
def test_place_date_line_without_a_place_is_just_the_date(place):
    assert tempat_tanggal(place, dt.date(2024, 7, 1)) == "1 Juli 2024"


def test_jam_uses_a_dot():
    assert jam(dt.time(8, 0)) == "08.00"
    assert jam(dt.time(13, 45, 59)) == "13.45"
    assert jam(None) == ""
