"""Importing rosters into a real database: the shared samples, row-level rejections, matching,
re-imports, dry runs, refusals that leave the database untouched, cancellation and jobs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from netralitas_desktop.core import audit
from netralitas_desktop.core.events import EventData, NotFoundError, create_event
from netralitas_desktop.core.jobs import Cancelled, Progress
from netralitas_desktop.core.models import AuditLog, Person, Registration
from netralitas_desktop.core.participants import PersonData, add_participant, list_participants
from netralitas_desktop.core.roster.importer import (
    ApplyImportJob,
    PlanImportJob,
    RosterError,
    RowIssue,
    apply_import,
    import_roster,
    plan_import,
)

NIP_ANDRE = "198503122010011004"  # PNS, man
NIP_DESY = "199005212015032002"  # PNS, woman
NIP_NOEL = "196801011994031005"  # PNS, man
NIP_PPPK = "199203152024212003"  # PPPK, woman
NIK_CAHYA = "3306015203900001"  # woman
DESK = audit.Actor(desk="Meja Impor", operator="Rina")


def new_event(title: str = "Sosialisasi Netralitas ASN") -> int:
    return create_event(EventData(title=title, date=dt.date(2024, 7, 1)))


@pytest.fixture
def event_id(db) -> int:
    return new_event()


@pytest.fixture
def any_event_id(any_db) -> int:
    """An event on SQLite, then on PostgreSQL: for the tests that write the most kinds of rows."""
    return new_event()


def write_csv(path: Path, rows: list[list[object]], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def table_counts() -> tuple[int, int, int]:
    return Person.select().count(), Registration.select().count(), AuditLog.select().count()


def participants_by_nip(event_id: int) -> dict:
    return {row.nip: row for row in list_participants(event_id)}


def issue_map(issues: list[RowIssue]) -> dict[int, RowIssue]:
    return {issue.row: issue for issue in issues}


# --- the shared samples ----------------------------------------------------------------------


def test_siasn_export_adds_all_2000_with_types_titles_golongan_and_sex(event_id, fixtures_dir):
    plan = plan_import(event_id, fixtures_dir / "siasn_export_sukamakmur.csv")
    assert plan.counts() == {"added": 2000, "updated": 0, "unchanged": 0, "rejected": 0}
    assert (plan.header_row, plan.sheet, plan.skipped_empty) == (1, None, 0)
    assert plan.column_map["nip"] == "NIP BARU" and plan.column_map["unit_kerja"] == "UNOR NAMA"
    assert "NIP LAMA" not in plan.column_map.values() and "PNS ID" not in plan.column_map.values()

    result = apply_import(plan, actor=DESK)
    assert (result.added, result.updated, result.unchanged, result.rejected) == (2000, 0, 0, 0)
    people = participants_by_nip(event_id)
    assert len(people) == 2000
    assert Counter(p.employment_type for p in people.values()) == {"PNS": 1698, "PPPK": 302}

    sutrisno = people["197211021996121001"]  # SUTRISNO PRASETYO, null, null, M, III/b
    assert (sutrisno.full_name, sutrisno.sex, sutrisno.golongan, sutrisno.unit_kerja, sutrisno.phone) == (
        "Sutrisno Prasetyo",
        "L",
        "III/b",
        "RSUD Tjitrowardojo",
        "089528960821",
    )
    teguh = people["197612012022221013"]  # PPPK, GOL AKHIR NAMA null, drg. … S.Kom.
    assert (teguh.full_name, teguh.employment_type, teguh.golongan, teguh.sex) == (
        "drg. Teguh, S.Kom.",
        "PPPK",
        "",
        "L",
    )
    eka = people["198609082010052002"]  # Dr. EKA HARTONO, "S.STP., M.Si.", F
    assert (eka.full_name, eka.nama, eka.sex, eka.golongan) == (
        "Dr. Eka Hartono, S.STP., M.Si.",
        "Eka Hartono",
        "P",
        "IV/a",
    )
    assert all(p.email == "" for p in people.values())  # "null" is empty, not an address


def test_invitation_workbook_header_below_titles_names_split_and_nips_normalised(event_id, fixtures_dir):
    plan = plan_import(event_id, fixtures_dir / "undangan_sosialisasi.xlsx")
    assert (plan.sheet, plan.header_row) == ("Undangan", 4)
    assert plan.column_map == {
        "nama": "Nama",
        "nip": "NIP",
        "golongan": "Pangkat/Gol.",
        "jabatan": "Jabatan",
        "unit_kerja": "Unit Kerja",
    }
    assert plan.counts() == {"added": 300, "updated": 0, "unchanged": 0, "rejected": 0}
    rows = {row.row: row.person for row in plan.rows}
    assert rows[7].nip == "199704122023081001"  # written "19970412 202308 1 001"
    wulan = rows[8]  # "Drs. Wulan Sulistyo, S.H."
    assert (wulan.gelar_depan, wulan.nama, wulan.gelar_belakang, wulan.golongan) == (
        "Drs.",
        "Wulan Sulistyo",
        "S.H.",
        "III/d",
    )
    assert (rows[302].nama, rows[302].gelar_belakang) == ("Nur Ramadhan", "S.Kep., Ners")
    assert rows[301].golongan == ""  # no pangkat written

    apply_import(plan)
    stored = list_participants(event_id)
    assert len(stored) == 300 and all(len(p.nip) == 18 and p.nip.isdigit() for p in stored)


def test_the_two_samples_describe_the_same_people(event_id, fixtures_dir):
    """The invitation list names 300 of the SIASN people: in another event they are new
    registrations of known people (no new Person rows); in the same event, unchanged."""
    import_roster(event_id, fixtures_dir / "siasn_export_sukamakmur.csv")
    other_event = new_event("Ikrar Netralitas")
    result = import_roster(other_event, fixtures_dir / "undangan_sosialisasi.xlsx")
    assert (result.added, result.updated, result.rejected) == (300, 0, 0)
    assert Person.select().count() == 2000
    again = import_roster(event_id, fixtures_dir / "undangan_sosialisasi.xlsx")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 300)


def test_online_meeting_report_is_not_a_roster(event_id, fixtures_dir):
    before = table_counts()
    with pytest.raises(RosterError) as caught:
        plan_import(event_id, fixtures_dir / "laporan_peserta_daring.csv")
    assert str(caught.value) == (
        "Berkas ini laporan kehadiran rapat daring (Zoom), bukan daftar peserta: tidak ada kolom Nama maupun NIP."
    )
    assert table_counts() == before


def test_committee_csv_semicolon_windows_1252(event_id, fixtures_dir):
    plan = plan_import(event_id, fixtures_dir / "roster_panitia_cp1252.csv")
    assert plan.file_kind == "CSV, pemisah titik koma, Windows-1252"
    assert plan.header_row == 4
    assert plan.counts() == {"added": 6, "updated": 0, "unchanged": 0, "rejected": 0}
    assert plan.skipped_empty == 2
    assert [(i.row, i.reason) for i in plan.ignored] == [(13, "Baris jumlah atau penutup, bukan data peserta.")]
    apply_import(plan)
    people = {row.nama: row for row in list_participants(event_id)}
    assert set(people) == {
        "André Wijaya",
        "Désy Ramadhani",
        "Noël Pranoto",
        "Siti Zoë Aminah",
        "Çahya Lestari",
        "Bambang Suryadi",
    }
    assert people["Noël Pranoto"].full_name == "Drs. H. Noël Pranoto, M.Si."
    assert people["Noël Pranoto"].phone == "081234567003"
    assert {name for name, p in people.items() if p.mode == "online"} == {"Désy Ramadhani", "Siti Zoë Aminah"}
    siti = people["Siti Zoë Aminah"]
    assert (siti.employment_type, siti.golongan, siti.nip) == ("PPPK", "IX", NIP_PPPK)
    cahya = people["Çahya Lestari"]
    assert (cahya.employment_type, cahya.nik, cahya.sex, cahya.nip) == ("NON_ASN", NIK_CAHYA, "P", "")
    assert people["Bambang Suryadi"].employment_type == "PPNPN"


def test_tab_delimited_utf8_with_bom(event_id, tmp_path):
    text = f"Nama\tNIP\tUnit Kerja\r\nSri Ma’ruf\t{NIP_DESY}\tDinas Kesehatan\r\n"
    path = tmp_path / "daftar.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = import_roster(event_id, path)
    assert (result.added, result.rejected) == (1, 0)
    [row] = list_participants(event_id)
    assert (row.nama, row.nip, row.unit_kerja, row.sex) == ("Sri Ma’ruf", NIP_DESY, "Dinas Kesehatan", "P")


# --- rows that must not be imported --------------------------------------------------------


def test_numeric_nip_cells_are_rejected_row_by_row(event_id, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Peserta"
    sheet.append(["DAFTAR HADIR SOSIALISASI"])
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["No", "Nama", "NIP", "Unit Kerja"])
    sheet.append([1, "Andre Wijaya", NIP_ANDRE, "Kecamatan Bayan"])
    sheet.append([2, "Desy Ramadhani", int(NIP_DESY), None])  # Excel kept 15 digits: 199005212015032000
    sheet.append([3, "Noel Pranoto", float(NIP_NOEL), None])
    sheet.merge_cells("D4:D6")  # one unit written once for three people
    path = tmp_path / "angka.xlsx"
    workbook.save(path)

    plan = plan_import(event_id, path)
    assert plan.header_row == 3
    assert plan.counts() == {"added": 1, "updated": 0, "unchanged": 0, "rejected": 2}
    issues = issue_map(plan.rejected)
    assert set(issues) == {5, 6}
    assert all(i.column == "NIP" and "Format kolom NIP sebagai Teks" in i.reason for i in issues.values())
    assert "tersimpan sebagai angka oleh Excel" in issues[5].reason
    [andre] = plan.rows
    assert andre.person.unit_kerja == "Kecamatan Bayan"
    apply_import(plan)
    assert Person.select().count() == 1


@pytest.mark.parametrize(
    ("written", "reason_part"),
    [
        ("1.98503E+17", "notasi ilmiah"),
        ("1,98503122010011E+17", "notasi ilmiah"),
        ("198503122010011000", "berakhiran 000"),
        (f"{NIP_ANDRE}.0", "bilangan desimal"),
    ],
)
def test_excel_mangled_nip_text_is_rejected(event_id, tmp_path, written, reason_part):
    path = write_csv(tmp_path / "d.csv", [["Nama", "NIP"], ["Andre Wijaya", written], ["Desy", NIP_DESY]], ";")
    plan = plan_import(event_id, path)
    [issue] = plan.rejected
    assert (issue.row, issue.column, issue.value) == (2, "NIP", written)
    assert reason_part in issue.reason and "Excel" in issue.reason
    assert [r.person.nip for r in plan.rows] == [NIP_DESY]


def test_invalid_rows_each_get_row_column_and_reason(any_event_id, tmp_path):
    rows = [
        ["No", "Nama Lengkap", "NIP", "NIK", "Jenis Pegawai", "Email", "Unit Kerja"],
        ["1", "Andre Wijaya", NIP_ANDRE, "", "PNS", "andre@example.go.id", "Dinas A"],
        ["2", "", NIP_DESY, "", "", "", "Dinas A"],  # no name
        ["3", "Noel Pranoto", "19680101199413", "", "", "", "Dinas A"],  # too short
        ["4", "Siti Aminah", NIP_PPPK, "", "PNS", "", "Dinas A"],  # a PPPK number written as PNS
        ["5", "Budi Santoso", "198503122010011004", "", "", "", "Dinas B"],  # same NIP as row 2
        ["6", "Cahya Lestari", "", "3306019903900001", "", "", "Dinas A"],  # NIK with day 99-40 = 59
        ["7", "Dodi", "", "", "", "dodi@", "Dinas A"],
        ["8", "Eka Putri", "", NIK_CAHYA, "", "", "Dinas A"],
        ["9", "Eka P.", "", NIK_CAHYA, "", "", "Dinas C"],  # same NIK as row 9
        ["10", "Fajar", "", "", "", "", "Dinas A"],
        ["11", "FAJAR", "", "", "", "", "dinas a"],  # same name and unit, no numbers
    ]
    plan = plan_import(any_event_id, write_csv(tmp_path / "d.csv", rows))
    issues = issue_map(plan.rejected)
    assert set(issues) == {3, 4, 5, 6, 7, 8, 10, 12}
    assert (issues[3].column, issues[3].reason) == ("Nama Lengkap", "Nama wajib diisi.")
    assert (issues[4].column, issues[4].value) == ("NIP", "19680101199413")
    assert "18 digit" in issues[4].reason
    assert issues[5].column == "Jenis Pegawai" and "adalah nomor PPPK" in issues[5].reason
    assert (issues[6].column, issues[6].reason) == ("NIP", "NIP sama dengan baris 2.")
    assert issues[7].column == "NIK" and "NIK tidak valid" in issues[7].reason
    assert issues[8].column == "Email"
    assert (issues[10].column, issues[10].reason) == ("NIK", "NIK sama dengan baris 9.")
    assert (issues[12].column, issues[12].reason) == ("Nama Lengkap", "Nama dan unit kerja sama dengan baris 11.")
    assert plan.counts() == {"added": 3, "updated": 0, "unchanged": 0, "rejected": 8}

    result = apply_import(plan)
    assert result.rejected == 8 and [i.row for i in result.rejected_rows] == [3, 4, 5, 6, 7, 8, 10, 12]
    assert Person.select().count() == 3
    as_dict = result.to_dict()
    assert as_dict["rejected_rows"][0] == {
        "row": 3,
        "sheet": None,  # a CSV
        "column": "Nama Lengkap",
        "value": "",
        "reason": "Nama wajib diisi.",
    }
    assert json.loads(json.dumps(as_dict)) == as_dict  # what --json prints


def test_empty_rows_footers_and_section_titles_are_not_people(event_id, tmp_path):
    rows = [
        ["DAFTAR PESERTA", "", "", ""],
        ["No", "Nama", "NIP", "Unit Kerja"],
        ["1", "2", "3", "4"],  # column numbers under the header
        ["DINAS KESEHATAN", "DINAS KESEHATAN", "DINAS KESEHATAN", "DINAS KESEHATAN"],  # merged section title
        ["1", "Andre Wijaya", NIP_ANDRE, "Dinas Kesehatan"],
        ["", "", "", ""],
        ["2", "", "", ""],  # a numbered template row nobody filled
        ["3", "Desy Ramadhani", NIP_DESY, "Dinas Kesehatan"],
        ["No", "Nama", "NIP", "Unit Kerja"],  # header repeated on the next printed page
        ["4", "Noel Pranoto", NIP_NOEL, "Dinas Sosial"],
        ["Jumlah", "3 orang", "", ""],
        ["", "", "", ""],
        ["", "", "", "Kepala Dinas,"],
        ["", "", "", ""],
    ]
    plan = plan_import(event_id, write_csv(tmp_path / "d.csv", rows))
    assert [r.person.nama for r in plan.rows] == ["Andre Wijaya", "Desy Ramadhani", "Noel Pranoto"]
    assert plan.rejected == []
    assert plan.skipped_empty == 3  # rows 6, 7 and 12; the trailing row 14 is not inside the table
    assert [i.row for i in plan.ignored] == [3, 4, 9, 11, 13]


# --- matching existing people ----------------------------------------------------------------


def test_reimport_is_idempotent(event_id, fixtures_dir):
    path = fixtures_dir / "roster_panitia_cp1252.csv"
    first = import_roster(event_id, path)
    before = table_counts()
    second = import_roster(event_id, path)
    assert (first.added, second.added, second.updated, second.unchanged) == (6, 0, 0, 6)
    assert table_counts()[:2] == before[:2]


def test_corrected_file_updates_people_by_nip_and_empty_cells_erase_nothing(any_event_id, tmp_path):
    header = ["Nama", "NIP", "Pangkat/Gol.", "Jabatan", "Unit Kerja", "Kehadiran"]
    import_roster(
        any_event_id,
        write_csv(
            tmp_path / "v1.csv",
            [
                header,
                ["Andre Wijaya", NIP_ANDRE, "III/b", "Analis", "Dinas A", "Luring"],
                ["Desy Ramadhani", NIP_DESY, "III/a", "Bendahara", "Dinas A", "Luring"],
            ],
        ),
    )
    plan = plan_import(
        any_event_id,
        write_csv(
            tmp_path / "v2.csv",
            [
                header,
                ["Andre Wijaya", NIP_ANDRE, "Penata, III/c", "", "Dinas A", "Luring"],  # promoted; jabatan left empty
                ["Desy Ramadhani", NIP_DESY, "III/a", "Bendahara", "Dinas A", "Daring"],
            ],
        ),
    )
    assert [(r.outcome, r.changes) for r in plan.rows] == [("updated", ("golongan",)), ("updated", ("mode",))]
    result = apply_import(plan)
    assert (result.added, result.updated, result.unchanged) == (0, 2, 0)
    people = participants_by_nip(any_event_id)
    assert (people[NIP_ANDRE].golongan, people[NIP_ANDRE].jabatan) == ("III/c", "Analis")
    assert people[NIP_DESY].mode == "online"


def test_person_known_from_another_event_is_added_not_duplicated(event_id, tmp_path):
    other = new_event("Acara lain")
    add_participant(other, PersonData(nama="Andre Wijaya", nip=NIP_ANDRE, jabatan="Analis"))
    plan = plan_import(
        event_id,
        write_csv(tmp_path / "d.csv", [["Nama", "NIP", "Jabatan"], ["Andre Wijaya", NIP_ANDRE, "Kepala Seksi"]]),
    )
    [row] = plan.rows
    assert (row.outcome, row.changes) == ("added", ("jabatan",))
    apply_import(plan)
    assert Person.select().count() == 1
    assert Registration.select().count() == 2
    assert list_participants(other)[0].jabatan == "Kepala Seksi"


def test_people_without_numbers_match_by_name_and_unit_within_the_event(any_event_id, tmp_path):
    add_participant(any_event_id, PersonData(nama="Bambang Suryadi", unit_kerja="Kecamatan Bayan"))
    later = new_event("Acara lain")
    add_participant(later, PersonData(nama="Slamet Riyadi", unit_kerja="Kecamatan Bayan"))
    rows = [
        ["Nama", "NIK", "Unit Kerja", "No HP"],
        ["BAMBANG SURYADI", "", "KECAMATAN  BAYAN", "081234567005"],  # same person, now with a phone
        ["Slamet Riyadi", "", "Kecamatan Bayan", ""],  # only registered elsewhere: a new person here
        ["Bambang Suryadi", "", "Kecamatan Loano", ""],  # another unit: another person
    ]
    plan = plan_import(any_event_id, write_csv(tmp_path / "d.csv", rows))
    assert [(r.outcome, r.changes) for r in plan.rows] == [("updated", ("phone",)), ("added", ()), ("added", ())]
    apply_import(plan)
    assert Person.select().count() == 4


def test_walk_in_without_nip_gets_the_nip_from_the_roster(event_id, tmp_path):
    add_participant(event_id, PersonData(nama="Andre Wijaya", unit_kerja="Dinas A"), source="walk_in")
    plan = plan_import(
        event_id, write_csv(tmp_path / "d.csv", [["Nama", "NIP", "Unit Kerja"], ["Andre Wijaya", NIP_ANDRE, "Dinas A"]])
    )
    [row] = plan.rows
    assert row.outcome == "updated" and "nip" in row.changes
    apply_import(plan)
    assert [p.nip for p in list_participants(event_id)] == [NIP_ANDRE]


def test_nip_or_nik_column_and_nik_matching(event_id, tmp_path):
    add_participant(event_id, PersonData(nama="Cahya Lestari", nik=NIK_CAHYA))
    rows = [["Nama", "NIP/NIK"], ["Cahya Lestari", NIK_CAHYA], ["Andre Wijaya", NIP_ANDRE]]
    plan = plan_import(event_id, write_csv(tmp_path / "d.csv", rows))
    assert [(r.outcome, r.person.nik, r.person.nip) for r in plan.rows] == [
        ("unchanged", NIK_CAHYA, ""),
        ("added", "", NIP_ANDRE),
    ]


def test_invalid_nik_in_a_nip_or_nik_column_names_that_column(event_id, tmp_path):
    rows = [["Nama", "NIP/NIK"], ["Cahya Lestari", "3306019903900001"]]
    [issue] = plan_import(event_id, write_csv(tmp_path / "d.csv", rows)).rejected
    assert issue.column == "NIP/NIK" and issue.reason.startswith("NIK tidak valid")


def test_nik_belonging_to_someone_else_is_a_conflict(event_id, tmp_path):
    add_participant(event_id, PersonData(nama="Andre Wijaya", nip=NIP_ANDRE, nik=NIK_CAHYA))
    rows = [["Nama", "NIP", "NIK"], ["Desy Ramadhani", NIP_DESY, NIK_CAHYA]]
    plan = plan_import(event_id, write_csv(tmp_path / "d.csv", rows))
    [issue] = plan.rejected
    assert issue.column == "NIK" and "sudah tercatat untuk orang dengan NIP 19850312 201001 1 004" in issue.reason


# --- dry run, refusals, transaction ----------------------------------------------------------


def test_dry_run_writes_nothing(event_id, fixtures_dir):
    before = table_counts()
    result = import_roster(event_id, fixtures_dir / "siasn_export_sukamakmur.csv", dry_run=True)
    assert result.dry_run and result.to_dict()["dry_run"] is True
    assert (result.added, result.rejected) == (2000, 0)
    assert table_counts() == before


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kosong.csv", b""),
        ("acak.csv", bytes(range(256)) * 8),
        ("lama.xls", None),
        ("terkunci.xlsx", None),
        ("tanpa-nama.csv", b"NIP;Unit Kerja\n198503122010011004;Dinas A\n"),
    ],
)
def test_unusable_files_leave_the_database_untouched(event_id, tmp_path, fixtures_dir, name, content):
    import_roster(event_id, fixtures_dir / "roster_panitia_cp1252.csv")
    before = table_counts()
    path = tmp_path / name
    path.write_bytes(_fixture_bytes(fixtures_dir, name, content))
    with pytest.raises(RosterError) as caught:
        import_roster(event_id, path)
    assert str(caught.value).endswith(".") and "\n" not in str(caught.value)
    assert table_counts() == before


def _fixture_bytes(fixtures_dir: Path, name: str, content: bytes | None) -> bytes:
    if content is not None:
        return content
    return (fixtures_dir / {"lama.xls": "roster_lama.xls", "terkunci.xlsx": "roster_terkunci.xlsx"}[name]).read_bytes()


def test_first_sheet_with_a_header_is_used(event_id, tmp_path):
    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "Petunjuk"
    cover.append(["Isi daftar peserta di lembar berikutnya."])
    roster = workbook.create_sheet("Peserta")
    roster.append(["Nama", "NIP"])
    roster.append(["Andre Wijaya", NIP_ANDRE])
    path = tmp_path / "dua-lembar.xlsx"
    workbook.save(path)
    plan = plan_import(event_id, path)
    assert (plan.sheet, plan.header_row, plan.counts()["added"]) == ("Peserta", 1, 1)

    del workbook["Peserta"]
    workbook.create_sheet("Rekap").append(["Unit Kerja", "Jumlah"])
    workbook.save(path)
    with pytest.raises(RosterError, match="Kolom Nama tidak ditemukan pada 30 baris pertama di lembar mana pun"):
        plan_import(event_id, path)


def test_header_without_name_column_says_so(event_id, tmp_path):
    path = write_csv(tmp_path / "d.csv", [["NIP", "Unit Kerja"], [NIP_ANDRE, "Dinas A"]])
    with pytest.raises(RosterError, match="Kolom Nama tidak ditemukan pada 30 baris pertama berkas ini"):
        plan_import(event_id, path)


def test_unknown_event(db, fixtures_dir):
    with pytest.raises(NotFoundError):
        plan_import(999, fixtures_dir / "roster_panitia_cp1252.csv")


class CancelAfter(Progress):
    """Cancels once ``limit`` units are reported done, the way the GUI's cancel button does."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.reports: list[tuple[int, int, str]] = []

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total, message))
        if done >= self.limit and total:
            self.cancel()


def test_cancelled_apply_rolls_everything_back(event_id, fixtures_dir):
    plan = plan_import(event_id, fixtures_dir / "siasn_export_sukamakmur.csv")
    before = table_counts()
    progress = CancelAfter(500)  # some chunks are already written when the cancel comes
    with pytest.raises(Cancelled):
        apply_import(plan, progress=progress)
    assert any(done >= 500 for done, _, _ in progress.reports)
    assert table_counts() == before


def test_cancelled_plan_stops_reading(event_id, fixtures_dir):
    with pytest.raises(Cancelled):
        plan_import(event_id, fixtures_dir / "siasn_export_sukamakmur.csv", progress=CancelAfter(500))


def test_apply_rechecks_what_changed_since_the_plan(any_event_id, tmp_path):
    path = write_csv(tmp_path / "d.csv", [["Nama", "NIP"], ["Andre Wijaya", NIP_ANDRE], ["Desy Ramadhani", NIP_DESY]])
    plan = plan_import(any_event_id, path)
    assert plan.counts()["added"] == 2
    add_participant(any_event_id, PersonData(nama="Andre Wijaya", nip=NIP_ANDRE))  # another desk, meanwhile
    result = apply_import(plan)
    assert (result.added, result.unchanged) == (1, 1)
    assert Registration.select().count() == 2


def test_audit_entry_has_counts_and_no_personal_data(event_id, fixtures_dir):
    import_roster(event_id, fixtures_dir / "roster_panitia_cp1252.csv", actor=DESK)
    entry = AuditLog.select().where(AuditLog.action == "roster.import").get()
    assert (entry.event_id, entry.desk, entry.operator) == (event_id, "Meja Impor", "Rina")
    detail = json.loads(entry.detail)
    assert detail == {"added": 6, "updated": 0, "unchanged": 0, "rejected": 0, "skipped_empty": 2}


def test_jobs_report_progress_and_return_plan_and_result(event_id, fixtures_dir):
    reports: list[tuple[int, int]] = []

    class Recording(PlanImportJob):
        def report(self, done, total, message=""):
            reports.append((done, total))

    plan = Recording(event_id, fixtures_dir / "siasn_export_sukamakmur.csv").run()
    assert plan.counts()["added"] == 2000
    reading = [report for report in reports if report[1]]
    assert reading == [(501, 2001), (1001, 2001), (1501, 2001), (2001, 2001), (2001, 2001)]  # every 500 rows
    result = ApplyImportJob(plan, actor=DESK).run()
    assert result.added == 2000 and not result.dry_run


# --- both backends ---------------------------------------------------------------------------


def test_import_reimport_and_rollback_on_each_backend(any_db, fixtures_dir):
    event = new_event()
    path = fixtures_dir / "siasn_export_sukamakmur.csv"
    plan = plan_import(event, path)
    before = table_counts()
    with pytest.raises(Cancelled):
        apply_import(plan, progress=CancelAfter(1000))
    assert table_counts() == before
    assert import_roster(event, path).added == 2000
    stored = Person.get(Person.nip == "197211021996121001")
    assert isinstance(stored.created_at, dt.datetime) and stored.created_at == stored.updated_at
    assert Registration.get(Registration.person == stored).created_at == stored.created_at
    again = import_roster(event, path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2000)
    assert (Person.select().count(), Registration.select().count()) == (2000, 2000)
