"""``netralitas pledges | pledge-sheet | attendance-list``: files, JSON, Indonesian errors."""

from __future__ import annotations

import json
import zipfile

import pytest
from pypdf import PdfReader

from netralitas_desktop.cli import main
from netralitas_desktop.core import database
from netralitas_desktop.core.models import AuditLog
from support.pdf_text import F4, page_sizes, pdf_text
from support.pledges import make_event


@pytest.fixture
def sample(db):
    return make_event(check_in=("budi",))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_pledges_merged_as_json(sample, db, tmp_path, capsys):
    out = tmp_path / "pakta.pdf"
    code, stdout, stderr = run(
        capsys,
        "--db",
        db.url,
        "pledges",
        "--event",
        str(sample.event_id),
        "--out",
        str(out),
        "--paper",
        "f4",
        "--meterai",
        "--json",
    )
    assert (code, stderr) == (0, "")
    result = json.loads(stdout)
    assert result == {
        "ok": True,
        "document": "pledge_forms",
        "count": 3,
        "pages": 3,
        "path": str(out),
        "format": "pdf",
        "files": 1,
        "message": f"3 pakta integritas bertanda tangan (3 halaman) tersimpan di {out}.",
    }
    assert page_sizes(out) == [F4] * 3 and "METERAI" in pdf_text(out)
    database.open_database(db.url)
    entry = AuditLog.get(AuditLog.action == "export")
    assert entry.desk.endswith("(CLI)") and json.loads(entry.detail)["document"] == "pledge_forms"


def test_pledges_per_person_folder_and_zip(sample, db, tmp_path, capsys):
    folder = tmp_path / "per orang"
    code, stdout, _ = run(
        capsys, "--db", db.url, "pledges", "--event", str(sample.event_id), "--out", str(folder), "--per-person"
    )
    assert code == 0 and stdout == f"3 berkas pakta integritas (satu per peserta) tersimpan di {folder}.\n"
    assert len(list(folder.glob("*.pdf"))) == 3
    code, _, _ = run(
        capsys, "--db", db.url, "pledges", "--event", str(sample.event_id), "--out", str(tmp_path / "pakta.zip")
    )
    assert code == 0
    with zipfile.ZipFile(tmp_path / "pakta.zip") as archive:
        assert len(archive.namelist()) == 3


def test_sheet_and_attendance_list(sample, db, tmp_path, capsys):
    code, stdout, _ = run(
        capsys, "--db", db.url, "pledge-sheet", "--event", str(sample.event_id), "--out", str(tmp_path / "ikrar.pdf")
    )
    assert code == 0 and stdout.startswith("Lembar ikrar bersama untuk 5 peserta (1 halaman) tersimpan di ")
    assert "kami berikrar" in " ".join(pdf_text(tmp_path / "ikrar.pdf").split())
    code, stdout, _ = run(
        capsys,
        "--db",
        db.url,
        "attendance-list",
        "--event",
        str(sample.event_id),
        "--out",
        str(tmp_path / "hadir.pdf"),
        "--group-by-unit",
        "--landscape",
        "--paper",
        "F4",
    )
    assert code == 0 and stdout.startswith("Daftar hadir (untuk ditandatangani) 5 peserta (1 halaman) tersimpan di ")
    assert page_sizes(tmp_path / "hadir.pdf") == [F4[::-1]]
    code, stdout, _ = run(
        capsys,
        "--db",
        db.url,
        "--json",
        "attendance-list",
        "--event",
        str(sample.event_id),
        "--out",
        str(tmp_path / "hadir2.pdf"),
        "--only-present",
        "--no-signatures",
        "--kind",
        "rekap",
    )
    result = json.loads(stdout)
    assert code == 0 and (result["count"], result["kind"], result["document"]) == (1, "rekap", "attendance_recap")
    text = pdf_text(tmp_path / "hadir2.pdf")
    assert "Drs. Budi Santoso, M.Si." in text and "REKAP KEHADIRAN" in text and "Keterangan" in text
    assert len(PdfReader(tmp_path / "hadir2.pdf").pages) == 1


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["pledges", "--out", "{tmp}/x.docx"], 2, "Tujuan x.docx tidak dikenal"),
        (["pledges", "--out", "{tmp}/x.pdf", "--per-person"], 2, "harus sebuah folder atau berkas .zip"),
        (["attendance-list", "--out", "{tmp}/x.txt"], 2, "Tujuan x.txt harus berupa berkas .pdf."),
        (["attendance-list", "--out", "{tmp}/x.pdf", "--paper", "letter"], 2, "Ukuran kertas tidak dikenal"),
        (["pledge-sheet", "--out", "{tmp}/x.pdf", "--event", "999"], 2, "Kegiatan nomor 999 tidak ditemukan."),
    ],
)
def test_errors_are_indonesian_without_traceback(sample, db, tmp_path, capsys, argv, code, message):
    argv = [part.replace("{tmp}", str(tmp_path)) for part in argv]
    if "--event" not in argv:
        argv += ["--event", str(sample.event_id)]
    exit_code, stdout, stderr = run(capsys, "--db", db.url, *argv, "--json")
    assert exit_code == code
    result = json.loads(stdout)
    assert result["ok"] is False and message in result["error"]
    assert "Traceback" not in stderr


def test_nobody_signed_exits_2_with_advice(db, tmp_path, capsys):
    sample = make_event(sign=())
    code, stdout, stderr = run(
        capsys, "--db", db.url, "pledges", "--event", str(sample.event_id), "--out", str(tmp_path / "x.pdf")
    )
    assert code == 2 and stdout == ""
    assert "Belum ada peserta yang menandatangani" in stderr and "ikrar mandiri" in stderr


def test_time_zone_and_nik_switch_from_the_command_line(sample, db, tmp_path, capsys):
    event = str(sample.event_id)
    code, stdout, _ = run(capsys, "--db", db.url, "event", "settings", event, "--time-zone", "wit", "--nik", "lengkap")
    assert code == 0 and stdout.strip() == f"Kegiatan nomor {event}: jam dicetak dalam WIT, NIK dicetak lengkap."
    code, _, _ = run(capsys, "--db", db.url, "attendance-list", "--event", event, "--out", str(tmp_path / "a.pdf"))
    text = " ".join(pdf_text(tmp_path / "a.pdf").split())
    assert code == 0 and "08.00 – 12.00 WIT" in text and "NIK 3330031809800001" in text
    code, stdout, _ = run(capsys, "--db", db.url, "--json", "event", "settings", event, "--nik", "samarkan")
    assert code == 0 and json.loads(stdout)["mask_nik"] is True and json.loads(stdout)["time_zone"] == "WIT"
    code, _, _ = run(capsys, "--db", db.url, "attendance-list", "--event", event, "--out", str(tmp_path / "b.pdf"))
    assert "NIK 3330**********01" in pdf_text(tmp_path / "b.pdf")


def test_ikrar_mandiri_forms_for_those_who_attended_without_signing(db, tmp_path, capsys):
    """Budi attended but signed nothing at the desk."""
    event = str(make_event(sign=("professor",), check_in=("budi",)).event_id)
    code, stdout, _ = run(capsys, "--db", db.url, "--json", "ikrar-mandiri", "--event", event, "--unsigned")
    listed = json.loads(stdout)
    assert code == 0 and [person["name"] for person in listed["people"]] == ["Drs. Budi Santoso, M.Si."]
    assert listed["present_unsigned"] == 1
    out = tmp_path / "hadir-belum-ttd.pdf"
    code, stdout, _ = run(
        capsys, "--db", db.url, "ikrar-mandiri", "--event", event, "--out", str(out), "--for", "hadir-belum-ttd"
    )
    assert code == 0 and stdout.startswith("1 formulir ikrar mandiri tersimpan")
    assert "Drs. Budi Santoso, M.Si." in pdf_text(out)
