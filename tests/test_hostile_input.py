"""Roster files and command lines that used to lose rows silently or end in "kesalahan tak terduga".

Each file here is made by the test: a roster split over two sheets, an unclosed CSV quote,
NIPs with impossible dates, a control character, a 200 kB cell, a formula Excel never
calculated, a header with no rows; and a full-width formula in an export, a 10,000-character
desk name, an event in the year 9999, an id beyond 64 bits.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from netralitas_desktop.cli import main
from netralitas_desktop.core import audit
from netralitas_desktop.core.events import EventData, ValidationError, create_event
from netralitas_desktop.core.models import Person
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.roster.importer import RosterError, apply_import, plan_import

HEADER = ["No", "Nama", "NIP", "Unit Kerja"]
PEOPLE = [
    ("Budi Santoso", "198609262015051001", "Dinas Pendidikan"),
    ("Sari Dewi", "198709262015052002", "Dinas Kesehatan"),
    ("Tono Wibowo", "198909262015051004", "Kecamatan Bayan"),
    ("Ani Lestari", "199001012019032005", "Setda"),
]


@pytest.fixture
def event(db) -> int:
    return create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))


def cli(capsys, db, *args: str) -> tuple[int, dict]:
    code = main(["--db", db.url, *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out.strip().splitlines()[-1])


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def reasons(plan) -> dict[int, str]:
    return {issue.row: issue.reason for issue in plan.rejected}


# --- XLSX: every sheet with a header -----------------------------------------------------------


def test_a_roster_split_over_two_sheets_is_read_whole_and_says_which(event, tmp_path, db, capsys):
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "Peserta OPD"
    first.append(HEADER)
    for number, (nama, nip, unit) in enumerate(PEOPLE[:2], 1):
        first.append([number, nama, nip, unit])
    second = workbook.create_sheet("Peserta Kecamatan")
    second.append(["Daftar undangan kecamatan"])  # a title above the header
    second.append(["Nama Lengkap", "NIP", "Unit Kerja"])
    for nama, nip, unit in PEOPLE[2:]:
        second.append([nama, nip, unit])
    second.append(["Budi Santoso", PEOPLE[0][1], "Dinas Pendidikan"])  # also on the first sheet
    notes = workbook.create_sheet("Catatan")
    notes.append(["Diisi oleh BKPSDM, mohon tidak diubah."])
    lookup = workbook.create_sheet("Daftar OPD")
    lookup.append(["Nama", "Kode"])
    lookup.append(["Dinas Pendidikan", "1"])
    lookup.sheet_state = "hidden"
    path = tmp_path / "undangan dua lembar.xlsx"
    workbook.save(path)

    plan = plan_import(event, path)
    assert [(sheet.name, sheet.header_row) for sheet in plan.sheets] == [("Peserta OPD", 1), ("Peserta Kecamatan", 2)]
    assert plan.passed_over == ["Catatan"]
    assert plan.counts() == {"added": 4, "updated": 0, "unchanged": 0, "rejected": 1}
    [duplicate] = plan.rejected
    assert (duplicate.sheet, duplicate.row) == ("Peserta Kecamatan", 5)
    assert duplicate.reason == "NIP sama dengan baris 2 lembar \u201cPeserta OPD\u201d."
    assert "\u201cPeserta Kecamatan\u201d (judul kolom di baris 2)" in plan.sheets_text()
    code, result = cli(capsys, db, "roster", "import", str(path), "--event", str(event))
    assert code == 0 and result["added"] == 4 and result["sheets"] == ["Peserta OPD", "Peserta Kecamatan"]
    assert result["rejected_rows"][0]["sheet"] == "Peserta Kecamatan"
    assert Person.select().count() == 4


def test_a_formula_without_a_stored_value_is_a_rejected_row_not_an_empty_nip(event, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append([1, "Budi Santoso", PEOPLE[0][1], "Dinas Pendidikan"])
    sheet.append([2, "Sari Dewi", '=TEXT(A3*1000,"0")', "Dinas Kesehatan"])  # openpyxl stores no value
    sheet.append([3, "Tono Wibowo", PEOPLE[2][1], '=UPPER("kecamatan bayan")'])
    path = tmp_path / "rumus.xlsx"
    workbook.save(path)
    plan = plan_import(event, path)
    assert plan.counts()["added"] == 1 and set(reasons(plan)) == {3, 4}
    assert "rumus yang belum pernah dihitung" in reasons(plan)[3]
    assert {issue.value for issue in plan.rejected} == {'=TEXT(A3*1000,"0")', '=UPPER("kecamatan bayan")'}
    apply_import(plan)
    assert Person.select().where(Person.nama == "Sari Dewi").count() == 0  # never a non-ASN without a NIP


# --- CSV: quotes, control characters, long cells ------------------------------------------------------


def test_an_unclosed_quote_is_reported_with_its_row_and_the_rest_is_read(event, tmp_path):
    path = write_csv(
        tmp_path / "kutip.csv",
        [
            "Nama;NIP;Unit Kerja",
            f'Budi Santoso;{PEOPLE[0][1]};"Dinas Pendidikan',
            f"Sari Dewi;{PEOPLE[1][1]};Dinas Kesehatan",
            f"Tono Wibowo;{PEOPLE[2][1]};Kecamatan Bayan",
        ],
    )
    plan = plan_import(event, path)
    assert plan.counts() == {"added": 2, "updated": 0, "unchanged": 0, "rejected": 1}
    assert "Tanda kutip" in reasons(plan)[2] and "tidak ditutup" in reasons(plan)[2]
    closed_later = write_csv(
        tmp_path / "kutip-2.csv",
        [
            "Nama;NIP;Unit Kerja",
            f'"Budi Santoso;{PEOPLE[0][1]};Dinas Pendidikan',
            f"Sari Dewi;{PEOPLE[1][1]};Dinas Kesehatan",
            f'Tono Wibowo";{PEOPLE[2][1]};Kecamatan Bayan',
            f"Ani Lestari;{PEOPLE[3][1]};Setda",
        ],
    )
    plan = plan_import(event, closed_later)
    assert 2 in reasons(plan) and plan.counts()["added"] >= 2  # Sari and Ani are not swallowed
    assert {row.person.nama for row in plan.rows} >= {"Sari Dewi", "Ani Lestari"}


def test_a_control_character_and_a_200kb_cell_reject_their_rows_only(event, tmp_path):
    path = write_csv(
        tmp_path / "aneh.csv",
        [
            "Nama;NIP;Unit Kerja",
            f"Budi Santoso;{PEOPLE[0][1]};Dinas Pendidikan",
            f"Sari\x07 Dewi;{PEOPLE[1][1]};Dinas Kesehatan",
            f"Tono Wibowo;{PEOPLE[2][1]};" + "Kecamatan " * 20_480,
            f"Ani Lestari;{PEOPLE[3][1]};Setda",
        ],
    )
    plan = plan_import(event, path)
    assert plan.counts() == {"added": 2, "updated": 0, "unchanged": 0, "rejected": 2}
    assert "karakter kendali" in reasons(plan)[3] and "0x07" in reasons(plan)[3]
    assert "204.800 karakter" in reasons(plan)[4] and len(plan.rejected[1].value) < 100


# --- NIPs whose dates cannot be ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        ("202001012024011001", "pada umur 4 tahun"),  # born 2020, appointed 2024
        ("203001012050011001", "belum terjadi"),  # born 2030
        ("198001019999011001", "masih jauh di masa depan"),  # appointed in 9999
        ("190001011925011001", "berumur"),  # born 1900
        ("200001012015122001", "pada umur 15 tahun"),  # a PPPK appointed at 15
    ],
)
def test_implausible_nip_dates_are_refused(event, tmp_path, nip, expected):
    path = write_csv(tmp_path / "nip.csv", ["Nama;NIP", f"Budi Santoso;{nip}", f"Sari Dewi;{PEOPLE[1][1]}"])
    plan = plan_import(event, path)
    assert plan.counts()["added"] == 1 and expected in reasons(plan)[2]
    with pytest.raises(ValidationError, match="tidak masuk akal"):
        add_participant(event, PersonData(nama="Budi Santoso", nip=nip))


# --- exit codes -------------------------------------------------------------------------------------


def test_an_import_with_every_row_rejected_exits_non_zero(event, tmp_path, db, capsys):
    path = write_csv(tmp_path / "ditolak.csv", ["Nama;NIP", "Budi;12345", "Sari;202001012024011001"])
    code, result = cli(capsys, db, "roster", "import", str(path), "--event", str(event))
    assert (
        code == 2 and result["ok"] is False and result["rejected"] == 2 and "Semua 2 baris ditolak" in result["error"]
    )
    code, result = cli(capsys, db, "roster", "import", str(path), "--event", str(event), "--dry-run")
    assert code == 2


def test_a_header_only_file_is_treated_like_an_empty_one(event, tmp_path, db, capsys):
    for path in (write_csv(tmp_path / "judul.csv", ["Nama;NIP;Unit Kerja"]), tmp_path / "judul.xlsx"):
        if path.suffix == ".xlsx":
            workbook = openpyxl.Workbook()
            workbook.active.append(HEADER)
            workbook.save(path)
        with pytest.raises(RosterError, match="hanya berisi judul kolom"):
            plan_import(event, path)
        code, result = cli(capsys, db, "roster", "import", str(path), "--event", str(event))
        assert code == 2 and "hanya berisi judul kolom" in result["error"]


def test_purge_preview_exits_zero_and_a_bad_restore_exits_two(event, db, capsys, tmp_path):
    add_participant(event, PersonData(nama="Budi Santoso", nip=PEOPLE[0][1]))
    code, result = cli(capsys, db, "purge", "--event", str(event))
    assert code == 0 and result["preview"]["registrations"] == 1 and "--yes" in result["message"]
    broken = tmp_path / "rusak.db"
    broken.write_bytes(b"bukan basis data")
    code, result = cli(capsys, db, "restore", str(broken))
    assert code == 2 and "tidak dapat dipakai" in result["error"]


# --- exports, names, dates, numbers -----------------------------------------------------------------


def test_full_width_formula_signs_are_neutralised_in_xlsx_and_csv(event, tmp_path):
    from netralitas_desktop.core.reports.export_csv import CsvExportJob
    from netralitas_desktop.core.reports.export_xlsx import XlsxExportJob

    texts = {
        '\uff1dHYPERLINK("http://contoh.id","klik")': "nama",
        "\uff0b62 812 3456": "jabatan",
        "\uff0d2+3": "unit_kerja",
    }
    add_participant(event, PersonData(nama=next(iter(texts)), jabatan="\uff0b62 812 3456", unit_kerja="\uff0d2+3"))
    add_participant(event, PersonData(nama="\uff20SUM(1)", unit_kerja="Setda"))
    CsvExportJob(event, tmp_path / "hadir.csv").run()
    XlsxExportJob(event, tmp_path / "rekap.xlsx").run()
    with open(tmp_path / "hadir.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]
    for text in [*texts, "\uff20SUM(1)"]:
        assert f"'{text}" in cells, text
    workbook = openpyxl.load_workbook(tmp_path / "rekap.xlsx")
    found = {cell.value: cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value}
    for text in [*texts, "\uff20SUM(1)"]:
        assert found[text].quotePrefix and found[text].data_type == "s", text


def test_a_10000_character_desk_name_is_refused(event, db, capsys):
    with pytest.raises(audit.IdentityError, match="paling banyak 100 karakter"):
        audit.Actor("M" * 10_000, "Ani")
    code, result = cli(capsys, db, "checkin", PEOPLE[0][1], "--event", str(event), "--desk", "M" * 10_000)
    assert code == 2 and "Nama meja paling banyak 100 karakter" in result["error"]


def test_an_event_dated_9999_and_an_id_beyond_64_bits_are_refused(db, capsys):
    with pytest.raises(ValidationError, match="tidak masuk akal"):
        create_event(EventData(title="Sosialisasi", date=dt.date(9999, 12, 31)))
    code, result = cli(capsys, db, "event", "create", "--title", "Sosialisasi", "--date", "9999-12-31")
    assert code == 2 and "31-12-9999 tidak masuk akal" in result["error"]
    for number in (str(2**64 + 1), "99999999999999999999999"):
        code, result = cli(capsys, db, "event", "show", number)
        assert code == 2 and "terlalu besar" in result["error"] and "tak terduga" not in result["error"]
