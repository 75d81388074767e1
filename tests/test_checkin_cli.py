"""``netralitas checkin`` on a real SQLite file, as a script or a committee member would run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from netralitas_desktop.cli import main
from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.models import Attendance
from support.checkin import make_roster


@pytest.fixture
def roster(db):
    return make_roster()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_check_in_then_already(db, roster, capsys):
    payload = qr_payload.payload_for(roster.budi)
    code, out, _ = run(
        capsys,
        "--db",
        db.url,
        "checkin",
        payload,
        "--event",
        str(roster.event_id),
        "--desk",
        "Meja 1",
        "--operator",
        "Rina",
        "--json",
    )
    first = json.loads(out)
    assert code == 0
    assert (first["ok"], first["status"], first["desk"], first["operator"], first["method"]) == (
        True,
        "checked_in",
        "Meja 1",
        "Rina",
        "qr",
    )
    assert first["person"]["full_name"] == "Drs. Budi Santoso, M.Si."
    assert first["person"]["nip_formatted"] == "19860926 201505 1 001"

    code, out, _ = run(
        capsys,
        "--db",
        db.url,
        "checkin",
        "19860926 201505 1 001",
        "--event",
        str(roster.event_id),
        "--desk",
        "Meja 2",
        "--json",
    )
    again = json.loads(out)
    assert code == 0
    assert (again["status"], again["desk"], again["checked_in_at"]) == ("already", "Meja 1", first["checked_in_at"])
    assert Attendance.select().count() == 1


def test_rejected_scan_exits_1_with_the_reason_as_json(db, roster, capsys):
    code, out, err = run(
        capsys,
        "--db",
        db.url,
        "checkin",
        "NTR1" + "0" * 23,
        "--event",
        str(roster.event_id),
        "--desk",
        "Meja 1",
        "--json",
    )
    result = json.loads(out)
    assert code == 1 and err == ""
    assert (result["ok"], result["status"]) == (False, "rejected")
    assert result["reason"] == result["error"] == "Kode QR palsu atau rusak: tanda tangan tidak cocok."
    assert result["person"] is None


def test_text_mode_prints_one_indonesian_line(db, roster, capsys):
    code, out, _ = run(
        capsys, "--db", db.url, "checkin", roster.sri_nip, "--event", str(roster.event_id), "--desk", "Meja 1"
    )
    assert code == 0
    assert out.startswith("HADIR: Sri Wahyuni, S.Kep., RSUD Sukamakmur pukul ")
    assert len(out.strip().splitlines()) == 1
    code, out, err = run(
        capsys, "--db", db.url, "checkin", "199901012020011999", "--event", str(roster.event_id), "--desk", "Meja 1"
    )
    assert code == 1 and out == ""
    assert err.strip() == "DITOLAK: NIP 19990101 202001 1 999 tidak terdaftar pada kegiatan ini."


def test_unknown_event_and_missing_desk_are_usage_errors(db, roster, capsys):
    code, out, _ = run(
        capsys, "--db", db.url, "checkin", roster.budi_nip, "--event", "99", "--desk", "Meja 1", "--json"
    )
    assert code == 2 and "tidak ditemukan" in json.loads(out)["error"]
    code, out, _ = run(capsys, "--db", db.url, "checkin", roster.budi_nip, "--event", str(roster.event_id), "--json")
    assert code == 2 and "--desk" in json.loads(out)["error"]
    assert Attendance.select().count() == 0


def test_help_documents_exit_codes(db):
    shown = subprocess.run(
        [sys.executable, "-m", "netralitas_desktop", "checkin", "--help"], capture_output=True, text=True, timeout=120
    )
    assert shown.returncode == 0
    text = " ".join(shown.stdout.split())
    assert "Kode keluar: 0 untuk hadir dan sudah hadir, 1 bila ditolak" in text
    assert "--desk NAMA" in text and "--operator NAMA" in text


def test_desk_status_prints_what_the_desk_shows(db, roster, capsys):
    """The desk's figures (core.checkin.desk_status, which the window polls) from the command line."""
    for nip, desk in ((roster.budi_nip, "Meja 1"), ("200012312024212001", "Meja 2")):
        assert run(capsys, "--db", db.url, "checkin", nip, "--event", str(roster.event_id), "--desk", desk)[0] == 0
    code, out, _ = run(capsys, "--db", db.url, "desk-status", "--event", str(roster.event_id), "--json")
    status = json.loads(out)
    assert code == 0 and status["counters"]["present"] == 2 and status["counters"]["registered"] >= 3
    assert [(item["full_name"], item["desk"]) for item in status["recent"]] == [
        ("Sri Wahyuni, S.Kep.", "Meja 2"),
        ("Drs. Budi Santoso, M.Si.", "Meja 1"),
    ]
    code, out, _ = run(capsys, "--db", db.url, "desk-status", "--event", str(roster.event_id), "--recent", "1")
    assert code == 0 and out.startswith("Hadir 2 dari ") and "Sri Wahyuni" in out and "Budi" not in out
