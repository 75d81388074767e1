"""``netralitas export / report / absence`` on a real SQLite file."""

from __future__ import annotations

import csv
import json

import openpyxl
import pypdf

from netralitas_desktop.cli import main
from netralitas_desktop.core import database
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.reports import absence, status
from support.reports import PEOPLE


def run(capsys, db, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", db.url, *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def reopen(db) -> None:
    """``main`` closes the database when it is done; tests read it again afterwards."""
    database.open_database(db.url)


def test_export_xlsx_and_csv(db, report_roster, tmp_path, capsys):
    target = tmp_path / "hadir.xlsx"
    code, out, _ = run(
        capsys, db, "export", "--event", str(report_roster.event_id), "--xlsx", str(target), "--paper", "f4"
    )
    assert code == 0
    assert out.startswith(f"Buku kerja Excel tersimpan di {target}: {len(PEOPLE)} pendaftaran; hadir 2 dari 7 peserta")
    assert int(openpyxl.load_workbook(target)["Daftar Hadir"].page_setup.paperSize) == 14

    target = tmp_path / "hadir.csv"
    code, out, _ = run(capsys, db, "export", "--event", str(report_roster.event_id), "--csv", str(target), "--json")
    result = json.loads(out)
    assert code == 0 and result["ok"] and result["format"] == "csv" and result["rows"] == len(PEOPLE)
    assert result["summary"] == {"registered": 7, "present": 2, "in_room": 1, "online": 1, "absent": 5, "cancelled": 1}
    with open(target, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle, delimiter=";"))) == len(PEOPLE) + 1
    reopen(db)
    assert AuditLog.select().where(AuditLog.action == "export").count() == 2
    assert AuditLog.select().where(AuditLog.action == "export").first().desk.endswith("(CLI)")


def test_export_needs_a_target_and_a_known_event(db, report_roster, tmp_path, capsys):
    code, _, err = run(capsys, db, "export", "--event", str(report_roster.event_id))
    assert code == 2 and "--xlsx BERKAS atau --csv BERKAS" in err
    code, _, err = run(capsys, db, "export", "--event", "99", "--csv", str(tmp_path / "x.csv"))
    assert code == 2 and "tidak ditemukan" in err and not (tmp_path / "x.csv").exists()
    code, _, err = run(capsys, db, "export", "--event", "1", "--csv", "a.csv", "--xlsx", "b.xlsx")
    assert code == 2 and "tidak boleh bersama" in err


def test_report_pdf_with_attendance_list(db, report_roster, tmp_path, capsys):
    target = tmp_path / "laporan.pdf"
    code, out, _ = run(
        capsys,
        db,
        "report",
        "--event",
        str(report_roster.event_id),
        "--pdf",
        str(target),
        "--with-attendance-list",
        "--json",
    )
    result = json.loads(out)
    assert code == 0 and result["pages"] == len(pypdf.PdfReader(target).pages) >= 2
    assert "dengan Lampiran rekap kehadiran" in result["message"]


def test_absence_set_and_clear(db, report_roster, capsys):
    wawan = "3507010101900001"
    code, out, _ = run(
        capsys,
        db,
        "absence",
        "set",
        "--event",
        str(report_roster.event_id),
        wawan,
        "--reason",
        "dinas-luar",
        "--note",
        "Tugas ke provinsi",
    )
    assert code == 0 and out.strip() == "Wawan Setiawan dicatat Dinas Luar (Tugas ke provinsi)."
    reopen(db)
    assert status.status_by_registration(report_roster.event_id)[report_roster["wawan"]] == "dinas_luar"

    code, out, _ = run(capsys, db, "absence", "clear", "--event", str(report_roster.event_id), wawan, "--json")
    assert code == 0 and json.loads(out)["cleared"] is True
    code, out, _ = run(capsys, db, "absence", "clear", "--event", str(report_roster.event_id), wawan)
    assert code == 0 and "tidak ada yang diubah" in out
    reopen(db)
    assert absence.get_absence(report_roster["wawan"]) is None


def test_absence_refusals_are_clear(db, report_roster, capsys):
    budi = "19860926 201505 1 001"  # checked in
    code, _, err = run(capsys, db, "absence", "set", "--event", str(report_roster.event_id), budi, "--reason", "sakit")
    assert code == 2 and "sudah tercatat hadir" in err and "Traceback" not in err
    code, out, _ = run(
        capsys, db, "absence", "set", "--event", str(report_roster.event_id), "123", "--reason", "izin", "--json"
    )
    assert code == 2 and "bukan NIP/NI PPPK" in json.loads(out)["error"]
    code, _, err = run(capsys, db, "absence", "set", "--event", str(report_roster.event_id), budi, "--reason", "cuti")
    assert code == 2 and "pilihan 'cuti' tidak dikenal" in err
