"""The CSV export: UTF-8 with BOM, semicolons, ids Excel cannot mangle, formulas neutralised."""

from __future__ import annotations

import csv
import json
import re

import pytest

from netralitas_desktop.core.event_settings import MASK_NIK, set_setting
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.nip import normalize_id
from netralitas_desktop.core.reports.export_csv import HEADERS, CsvExportJob, csv_value
from netralitas_desktop.core.reports.status import STATUS_LABELS, status_rows
from netralitas_desktop.core.roster.reader import open_roster
from support.reports import EXPECTED, FORMULA_NAME, PEOPLE


@pytest.fixture
def exported(report_roster, tmp_path):
    """The CSV for another system: this event shows NIKs in full (the switch is per event)."""
    set_setting(report_roster.event_id, MASK_NIK, False)
    path = tmp_path / "daftar hadir.csv"
    result = CsvExportJob(report_roster.event_id, path).run()
    assert result.rows == len(PEOPLE)
    return path


def read_back(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_bom_semicolons_and_crlf(exported):
    raw = exported.read_bytes()
    headers = ";".join(HEADERS).replace("{zona}", "WIB")
    assert raw.startswith(b"\xef\xbb\xbf" + headers.encode()) and "Waktu Hadir (WIB)" in headers
    assert b"\r\n" in raw and raw.count(b"\r\n") == len(PEOPLE) + 1


def test_round_trip_keeps_every_registration_and_status(report_roster, exported):
    rows = read_back(exported)
    expected = status_rows(report_roster.event_id)
    assert len(rows) == len(expected)
    assert [row["No"] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    # The registered first, the cancelled one last, as the workbook lists them apart.
    assert rows[-1]["Status"] == "Dibatalkan" and rows[-1]["Keterangan"] == "Pindah tugas"
    by_id = {normalize_id(row["NIP / NI PPPK"]) or normalize_id(row["NIK"]): row for row in rows}
    for _, person, _ in PEOPLE:
        assert (person.nip or person.nik) in by_id
    statuses = sorted(row["Status"] for row in rows)
    assert statuses == sorted(STATUS_LABELS[s] for s in EXPECTED.values())
    budi = by_id["198609262015051001"]
    assert budi["NIP / NI PPPK"] == "19860926 201505 1 001"  # text for Excel, as printed
    assert budi["Nama"] == "Drs. Budi Santoso, M.Si." and budi["Meja"] == "Meja 1"
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", budi["Waktu Hadir (WIB)"])  # with its date
    assert by_id["3507010101900001"]["NIK"] == "'3507010101900001"


def test_niks_are_masked_unless_the_event_shows_them(report_roster, tmp_path):
    path = tmp_path / "bawaan.csv"
    CsvExportJob(report_roster.event_id, path).run()
    rows = read_back(path)
    wawan = next(row for row in rows if row["Nama"] == "Wawan Setiawan")
    assert wawan["NIK"] == "3507**********01" and "3507010101900001" not in path.read_text(encoding="utf-8-sig")


def test_formula_like_text_gets_an_apostrophe(exported):
    rows = read_back(exported)
    formula = next(row for row in rows if row["Nama"].endswith(FORMULA_NAME))
    assert formula["Nama"] == "'" + FORMULA_NAME and formula["Jabatan"] == "'-2+3"
    joko = next(row for row in rows if row["Nama"] == "Joko Widodo")
    assert joko["Keterangan"] == "'=cmd|' /C calc'!A0"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
            assert not (value.startswith("-") and len(value) > 1), value


@pytest.mark.parametrize(
    "value, kind, written",
    [
        ("=1+1", "text", "'=1+1"),
        ("+62 812", "text", "'+62 812"),
        ("@SUM(A1)", "text", "'@SUM(A1)"),
        ("\tx", "text", "'\tx"),
        ("\rx", "text", "'\rx"),
        ("-", "text", "-"),
        ("Budi", "text", "Budi"),
        ("nama\x00\x07", "text", "nama"),
        ("198609262015051001", "id", "19860926 201505 1 001"),
        ("3507010101900001", "id", "'3507010101900001"),
        ("", "id", ""),
        (None, "text", ""),
        (7, "text", "7"),
    ],
)
def test_csv_values(value, kind, written):
    assert csv_value(value, kind) == written


def test_the_app_reads_its_own_csv_back(exported):
    """The report_roster reader (import) finds the header and the ids come back as digits."""
    with open_roster(exported) as roster_file:
        assert "titik koma" in roster_file.kind and "UTF-8" in roster_file.kind
        cells = [values for _, values in next(roster_file.sheets).rows]
    assert cells[0][:3] == ["No", "Nama", "NIP / NI PPPK"]
    nips = {normalize_id(values[2]) for values in cells[1:] if values[2]}
    assert nips == {person.nip for _, person, _ in PEOPLE if person.nip}


def test_export_is_audited(report_roster, exported):
    entry = AuditLog.select().where(AuditLog.action == "export").get()
    assert json.loads(entry.detail) == {
        "document": "daftar_hadir",
        "format": "csv",
        "count": len(PEOPLE),
        "pages": 0,
        "files": 1,
    }
