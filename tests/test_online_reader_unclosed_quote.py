"""A meeting report with a line whose quote is never closed: that line is skipped with the reason,
the others are read (it used to end in a TypeError traceback, as mypy pointed out)."""

from __future__ import annotations

import datetime as dt

import pytest

from netralitas_desktop.core.reports.online_reader import OnlineImportError, read_meeting_report

JULY_1 = dt.date(2024, 7, 1)


def test_a_broken_participant_line_is_skipped_with_its_reason(tmp_path):
    path = tmp_path / "zoom.csv"
    path.write_text(
        'Name (Original Name),User Email,Duration (Minutes)\nBudi,budi@contoh.id,30\n"Ani,ani@contoh.id,20\n'
        "Citra,citra@contoh.id,10\n",
        encoding="utf-8",
    )
    report = read_meeting_report(path, JULY_1)
    assert [(row.line, row.name, row.minutes) for row in report.rows] == [(2, "Budi", 30), (4, "Citra", 10)]
    [(line, reason)] = report.skipped
    assert line == 3 and "tanda kutip" in reason.lower() and "tidak ditutup" in reason


def test_a_broken_line_above_the_header_is_passed_over(tmp_path):
    path = tmp_path / "meet.csv"
    path.write_text('"Laporan kehadiran\nName,Email,Duration\nAni,ani@contoh.id,20\n', encoding="utf-8")
    report = read_meeting_report(path, JULY_1)
    assert [(row.name, row.minutes) for row in report.rows] == [("Ani", 20)]


def test_a_broken_header_line_is_no_report(tmp_path):
    path = tmp_path / "rusak.csv"
    path.write_text('"Name,Email,Duration\nBudi,budi@contoh.id,30\n', encoding="utf-8")
    with pytest.raises(OnlineImportError, match="bukan laporan peserta rapat daring"):
        read_meeting_report(path, JULY_1)
