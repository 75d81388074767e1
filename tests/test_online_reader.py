"""Reading meeting reports: Zoom and Google Meet layouts, encodings, delimiters, time formats."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from netralitas_desktop.core.reports.online_match import parse_display_name, participant_key
from netralitas_desktop.core.reports.online_reader import (
    OnlineImportError,
    parse_minutes,
    parse_when,
    read_meeting_report,
)
from netralitas_desktop.core.reports.online_store import Segment, online_minutes

JULY_1 = dt.date(2024, 7, 1)


def test_shared_sample_is_read_row_by_row(fixtures_dir):
    report = read_meeting_report(fixtures_dir / "laporan_peserta_daring.csv", JULY_1)
    assert report.kind.startswith("Zoom")
    assert "UTF-8" in report.kind and "koma" in report.kind
    assert len(report.rows) == 121 and report.skipped == []
    first, last = report.rows[0], report.rows[-1]
    assert (first.line, first.name, first.minutes) == (2, "rudi", 85)
    assert first.joined == dt.datetime(2024, 7, 1, 9, 1) and first.left == dt.datetime(2024, 7, 1, 10, 26)
    assert (last.name, last.minutes) == ("iPhone Sekretariat", 1)
    noon = next(r for r in report.rows if r.name == "muhammad wibowo")
    assert noon.left == dt.datetime(2024, 7, 1, 12, 13)  # 12:13:00 PM is after noon, not after midnight


def test_zoom_meeting_block_indonesian_headers_semicolons_and_windows_1252(tmp_path):
    """Zoom's 'export with meeting data' puts a meeting row above the participants; Excel under
    an Indonesian locale saves with ';' and Windows-1252, and dates day first."""
    text = (
        "ID Rapat;Topik;Waktu Mulai;Waktu Selesai;Email Pengguna;Durasi (Menit);Peserta\n"
        "812 3456 7890;Sosialisasi Netralitas;01/07/2024 08:30;01/07/2024 12:00;bkpsdm@sukamakmur.go.id;210;3\n"
        "\n"
        "Nama (Nama Asli);Email Pengguna;Waktu Bergabung;Waktu Keluar;Durasi (Menit);Tamu\n"
        "Andrés Sétiawan;;01/07/2024 09:00;01/07/2024 10:30;90;Ya\n"
        ";;01/07/2024 09:00;01/07/2024 09:05;5;Ya\n"
        "Siti;siti@contoh.id;13/07/2024 09:00;13/07/2024 09:45;45;Tidak\n"
    )
    path = tmp_path / "zoom.csv"
    path.write_bytes(text.encode("cp1252"))
    report = read_meeting_report(path, JULY_1)
    assert "titik koma" in report.kind and "Windows-1252" in report.kind
    assert [r.name for r in report.rows] == ["Andrés Sétiawan", "Siti"]
    assert report.rows[0].joined == dt.datetime(2024, 7, 1, 9, 0)  # day first: 13/07 proves it
    assert report.rows[1].email == "siti@contoh.id"
    assert report.skipped == [(6, "Nama peserta kosong.")]


def test_google_meet_fixture_joins_first_and_last_name_and_reads_text_durations(fixtures_dir):
    report = read_meeting_report(fixtures_dir / "kehadiran_google_meet.csv", JULY_1)
    assert report.kind.startswith("Google Meet")
    assert len(report.rows) == 10
    indah = report.rows[0]
    assert indah.name == "Indah Ramadhan (19941114 202112 2 001)"
    assert indah.minutes == 100 and indah.email == "indahramadhan94@gmail.com"
    assert indah.joined == dt.datetime(2024, 7, 1, 9, 6)  # a time alone takes the event's date
    assert [r.minutes for r in report.rows if r.name == "Sugeng Widodo - Loano"] == [35, 40]
    assert report.rows[-1].minutes == 185


def test_xlsx_with_real_datetimes_and_no_duration_column(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Laporan kehadiran"])
    sheet.append(["Nama", "Email", "Pertama terlihat", "Terakhir terlihat"])
    sheet.append(["Budi Santoso", "", dt.datetime(2024, 7, 1, 9, 0), dt.datetime(2024, 7, 1, 10, 15, 40)])
    path = tmp_path / "meet.xlsx"
    workbook.save(path)
    report = read_meeting_report(path, JULY_1)
    assert [(r.name, r.minutes) for r in report.rows] == [("Budi Santoso", 75)]


def test_files_that_are_not_reports_get_one_sentence(fixtures_dir, tmp_path):
    with pytest.raises(OnlineImportError, match="bukan laporan peserta rapat daring"):
        read_meeting_report(fixtures_dir / "undangan_sosialisasi.xlsx", JULY_1)
    with pytest.raises(OnlineImportError, match="Excel lama"):
        read_meeting_report(fixtures_dir / "roster_lama.xls", JULY_1)
    empty = tmp_path / "kosong.csv"
    empty.write_text("")
    with pytest.raises(OnlineImportError, match="kosong"):
        read_meeting_report(empty, JULY_1)


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("85", 85),
        ("85.0", 85),
        ("1:25:00", 85),
        ("1:25", 85),
        ("1 hr 25 min", 85),
        ("1 jam 25 menit", 85),
        ("2h 3m 10s", 123),
        ("45 min", 45),
        ("30 sec", 0),
        ("", None),
        ("sebentar", None),
        ("1 hr 5 parsecs", None),
    ],
)
def test_durations(text, minutes):
    assert parse_minutes(text) == minutes


def test_durations_in_a_seconds_column():
    assert parse_minutes("3600", seconds=True) == 60
    assert parse_minutes(5400, seconds=True) == 90


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-07-01 09:01:00", dt.datetime(2024, 7, 1, 9, 1)),
        ("2024-07-01T09:01:00+07:00", dt.datetime(2024, 7, 1, 9, 1)),
        ("9:01 AM", dt.datetime(2024, 7, 1, 9, 1)),
        ("12:30 PM", dt.datetime(2024, 7, 1, 12, 30)),
        ("12:05 AM", dt.datetime(2024, 7, 1, 0, 5)),
        ("1 Juli 2024 13.15", dt.datetime(2024, 7, 1, 13, 15)),
        ("Jul 1, 2024, 1:15 PM", dt.datetime(2024, 7, 1, 13, 15)),
        ("kemarin", None),
    ],
)
def test_times(text, expected):
    assert parse_when(text, JULY_1) == expected


def test_overlapping_rows_count_once_and_separate_rows_add_up():
    at = lambda h, m: dt.datetime(2024, 7, 1, h, m)  # noqa: E731
    laptop = Segment(at(8, 52), at(10, 49), 117)
    phone = Segment(at(9, 3), at(9, 57), 54)  # inside the laptop's stay: the same hour is not counted twice
    assert online_minutes([laptop, phone]) == 117
    later = Segment(at(11, 0), at(11, 30), 30)
    assert online_minutes([laptop, later]) == 147
    assert online_minutes([Segment(None, None, 20), Segment(None, None, 25)]) == 45
    assert online_minutes([]) == 0


@pytest.mark.parametrize(
    "display, digits, name, hint",
    [
        ("19860926 201505 1 001 - Budi", "198609262015051001", "Budi", ""),
        ("Arif Hidayat (19800103 202321 1 004)", "198001032023211004", "Arif Hidayat", ""),
        ("Rahmawati_198402272019042001", "198402272019042001", "Rahmawati", ""),
        ("Bayu Sulistyo - Ruang", "", "Bayu Sulistyo", "Ruang"),
        ("Budi Santoso (Host)", "", "Budi Santoso", ""),
        ("07_Siti Aminah | Dinkes", "", "Siti Aminah", "Dinkes"),
        ("Siti 3374114708900001", "3374114708900001", "Siti", ""),
    ],
)
def test_display_names(display, digits, name, hint):
    parsed = parse_display_name(display)
    assert (parsed.id_digits, parsed.name, parsed.unit_hint) == (digits, name, hint)


def test_a_unit_written_first_is_recognised_by_the_roster():
    parsed = parse_display_name("Dinkes - Budi Santoso", is_unit=lambda hint: hint.lower() == "dinkes")
    assert (parsed.name, parsed.unit_hint) == ("Budi Santoso", "Dinkes")


def test_rejoins_share_a_key_by_email_else_by_folded_name():
    assert participant_key("Tutik", "") == participant_key("tutik ", "")
    assert participant_key("Budi", "budi@x.id") == participant_key("Budi - HP", "BUDI@x.id")
    assert participant_key("Budi", "") != participant_key("Budi", "budi@x.id")
