"""Header synonyms and finding the header row below titles."""

from __future__ import annotations

import pytest

from netralitas_desktop.core.roster.columns import (
    HEADER_SYNONYMS,
    find_header,
    header_key,
    is_footer,
    is_online,
    match_header,
    not_a_roster,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # SIASN export
        ("NIP BARU", "nip"),
        ("NAMA", "nama"),
        ("GELAR DEPAN", "gelar_depan"),
        ("GELAR BELAKANG", "gelar_belakang"),
        ("JENIS KELAMIN", "sex"),
        ("JENIS PEGAWAI NAMA", "employment_type"),
        ("GOL AKHIR NAMA", "golongan"),
        ("JABATAN NAMA", "jabatan"),
        ("UNOR NAMA", "unit_kerja"),
        ("NOMOR HP", "phone"),
        ("EMAIL", "email"),
        ("NIK", "nik"),
        # committee lists, in the spellings people type
        ("Nama", "nama"),
        ("Nama Lengkap", "nama"),
        ("Nama Peserta", "nama"),
        ("NIP", "nip"),
        ("N I P", "nip"),
        ("NIP Baru", "nip"),
        ("NIP/NI PPPK", "nip"),
        ("Pangkat/Gol.", "golongan"),
        ("Gol", "golongan"),
        ("Golongan", "golongan"),
        ("Pangkat", "golongan"),
        ("Jabatan", "jabatan"),
        ("Unit Kerja", "unit_kerja"),
        ("SKPD", "unit_kerja"),
        ("OPD", "unit_kerja"),
        ("Instansi", "unit_kerja"),
        ("Perangkat Daerah", "unit_kerja"),
        ("L/P", "sex"),
        ("JK", "sex"),
        ("Jenis Kelamin", "sex"),
        ("No HP", "phone"),
        ("No. WA", "phone"),
        ("Email", "email"),
        ("E-mail", "email"),
        ("Status Kepegawaian", "employment_type"),
        ("Jenis Pegawai", "employment_type"),
        ("Kehadiran", "mode"),
        ("Daring/Luring", "mode"),
        ("Mode", "mode"),
        # case, spacing, punctuation and a parenthesised note do not matter
        ("  nama   lengkap ", "nama"),
        ("nip.", "nip"),
        ("UNIT  KERJA:", "unit_kerja"),
        ("Nama (dengan gelar)", "nama"),
        ("NIP (18 digit)", "nip"),
    ],
)
def test_known_headers(header, field):
    found = match_header(header)
    assert found is not None and found[0] == field


@pytest.mark.parametrize("header", ["No", "No.", "PNS ID", "NIP LAMA", "TEMPAT LAHIR NAMA", "KEDUDUKAN HUKUM NAMA"])
def test_known_but_ignored_headers(header):
    assert match_header(header) == ("", 0)


@pytest.mark.parametrize("header", ["Name (Original Name)", "Join Time", "DAFTAR UNDANGAN", "", None, "Catatan Lain"])
def test_unknown_headers(header):
    assert match_header(header) is None


def test_header_key_folds_case_accents_and_punctuation():
    assert header_key("N I P") == header_key("nip") == "nip"
    assert header_key("Pangkat / Gol.") == "pangkatgol"
    assert header_key("Jénis Kelamin") == "jeniskelamin"


def test_no_spelling_belongs_to_two_fields():
    owners: dict[str, str] = {}
    for name, spellings in HEADER_SYNONYMS.items():
        for spelling in spellings:
            key = header_key(spelling)
            assert owners.setdefault(key, name) == name, f"{spelling!r} is under {owners[key]} and {name}"


def test_header_found_below_title_rows():
    rows = [
        (1, ["DAFTAR UNDANGAN SOSIALISASI NETRALITAS ASN", None, None, None]),
        (2, ["PEMERINTAH KABUPATEN SUKAMAKMUR", None, None, None]),
        (3, [None, None, None, None]),
        (4, ["No", "Nama", "NIP", "Unit Kerja"]),
        (5, [1, "Budi", "198503122010011004", "Dinas A"]),
    ]
    header = find_header(rows)
    assert header.row_number == 4
    assert header.columns == {"nama": [1], "nip": [2], "unit_kerja": [3]}
    assert header.column_map == {"nama": "Nama", "nip": "NIP", "unit_kerja": "Unit Kerja"}


def test_more_specific_column_wins_and_the_other_is_a_fallback():
    header = find_header([(1, ["Nama", "Pangkat", "Gol", "Instansi", "Unit Kerja"])])
    assert header.columns["golongan"] == [2, 1]
    assert header.columns["unit_kerja"] == [4, 3]
    assert header.column_map["golongan"] == "Gol"


def test_two_row_header_reads_on_its_lower_row():
    # "Nama" and "NIP" merged down over rows 1-2 (filled by the reader); row 2 adds the sub-headers.
    rows = [(1, ["No", "Nama", "NIP", "Pangkat", None]), (2, ["No", "Nama", "NIP", "Gol", "Jabatan"])]
    header = find_header(rows)
    assert header.row_number == 2
    assert header.columns["jabatan"] == [4]


def test_no_header_without_a_name_column():
    assert find_header([(1, ["NIP", "Unit Kerja"]), (2, ["198503122010011004", "Dinas A"])]) is None


def test_nip_or_nik_column_is_flagged():
    assert find_header([(1, ["Nama", "NIP/NIK"])]).nip_or_nik
    assert not find_header([(1, ["Nama", "NIP"])]).nip_or_nik


def test_meeting_report_is_recognised(fixtures_dir):
    import csv

    with open(fixtures_dir / "laporan_peserta_daring.csv", encoding="utf-8-sig") as handle:
        rows = [(number, row) for number, row in enumerate(csv.reader(handle), start=1)][:30]
    assert find_header(rows) is None
    assert "rapat daring" in not_a_roster(rows)


@pytest.mark.parametrize(
    ("value", "online"),
    [
        ("Daring", True),
        ("online", True),
        ("Zoom", True),
        ("Daring (Zoom Meeting)", True),
        ("Luring", False),
        ("Hadir langsung", False),
        ("", False),
    ],
)
def test_mode_values(value, online):
    assert is_online(value) is online


@pytest.mark.parametrize(
    ("text", "footer"),
    [
        ("JUMLAH", True),
        ("Jumlah peserta: 20", True),
        ("Total", True),
        ("Mengetahui,", True),
        ("Jumadi", False),
        ("Totok Suryanto", False),
        ("Budi", False),
    ],
)
def test_footer_words(text, footer):
    assert is_footer(text) is footer
