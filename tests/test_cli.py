"""The command line, end to end: real processes for the main paths, ``main()`` for the rest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from netralitas_desktop import __version__
from netralitas_desktop.cli import main, opens_gui
from support.cli import run_cli, run_json

SIASN = "siasn_export_sukamakmur.csv"


def call(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def call_json(capsys, *argv: str) -> tuple[int, dict]:
    code, out, err = call(capsys, *argv, "--json")
    assert err == ""
    return code, json.loads(out)


def create_event(url: str, **extra: str) -> int:
    args = ["event", "create", "--title", "Sosialisasi Netralitas ASN", "--date", "2024-07-01", "--venue", "Aula"]
    for key, value in extra.items():
        args += [f"--{key.replace('_', '-')}", value]
    code, result = run_json(url, *args)
    assert code == 0, result
    return result["id"]


# --- real processes --------------------------------------------------------------------------


def test_create_list_show(sqlite_url):
    event_id = create_event(
        sqlite_url,
        kind="sosialisasi",
        start="08:00",
        end="11.30",
        instansi="Pemerintah Kabupaten Sukamakmur",
        place="Sukamakmur",
        organizer="BKPSDM",
        election="Pilkada 2024",
        signatory1_jabatan="Kepala BKPSDM",
        signatory1_name="Drs. Bambang Wicaksono, M.Si.",
        signatory1_pangkat="Pembina Utama Muda, IV/c",
        signatory1_nip="19690512 199403 1 004",
        jp="2",
    )
    code, listing = run_json(sqlite_url, "event", "list")
    assert code == 0
    assert listing["count"] == 1
    assert listing["events"][0] == {
        "id": event_id,
        "title": "Sosialisasi Netralitas ASN",
        "date": "2024-07-01",
        "venue": "Aula",
        "kind": "sosialisasi",
        "registered": 0,
        "present": 0,
    }
    code, shown = run_json(sqlite_url, "event", "show", str(event_id))
    assert code == 0 and shown["ok"] is True
    event = shown["event"]
    assert (event["start_time"], event["end_time"], event["jp_hours"]) == ("08:00", "11:30", 2.0)
    assert event["signatory1"]["nip"] == "196905121994031004"
    assert (event["registered"], event["present"]) == (0, 0)


def test_speakers_repeat(sqlite_url):
    code, created = run_json(
        sqlite_url,
        "event",
        "create",
        "--title",
        "T",
        "--date",
        "2024-07-01",
        "--speaker",
        "Ketua Bawaslu",
        "--speaker",
        "Inspektur Daerah",
    )
    assert code == 0
    assert created["event"]["speakers"] == "Ketua Bawaslu\nInspektur Daerah"


def test_import_siasn_then_reimport_then_list(sqlite_url, fixtures_dir):
    event_id = create_event(sqlite_url)
    code, first = run_json(sqlite_url, "roster", "import", str(fixtures_dir / SIASN), "--event", str(event_id))
    assert code == 0
    assert (first["added"], first["updated"], first["unchanged"], first["rejected"]) == (2000, 0, 0, 0)
    assert first["rejected_rows"] == []
    code, again = run_json(sqlite_url, "roster", "import", str(fixtures_dir / SIASN), "--event", str(event_id))
    assert code == 0
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2000)
    code, listed = run_json(sqlite_url, "participants", "list", "--event", str(event_id))
    assert code == 0 and listed["count"] == 2000
    person = next(p for p in listed["participants"] if p["nip"] == "197211021996121001")
    assert person["nip_formatted"] == "19721102 199612 1 001"
    assert person["name"] == "Sutrisno Prasetyo"
    assert (person["employment_type"], person["golongan"], person["unit_kerja"]) == (
        "PNS",
        "III/b",
        "RSUD Tjitrowardojo",
    )
    assert person["checked_in_at"] is None


def test_dry_run_writes_nothing(sqlite_url, fixtures_dir):
    event_id = create_event(sqlite_url)
    code, result = run_json(
        sqlite_url, "roster", "import", str(fixtures_dir / SIASN), "--event", str(event_id), "--dry-run"
    )
    assert code == 0
    assert result["dry_run"] is True and result["added"] == 2000
    code, listed = run_json(sqlite_url, "participants", "list", "--event", str(event_id))
    assert (code, listed["count"]) == (0, 0)


def test_a_file_that_is_not_a_roster_is_refused_in_indonesian(sqlite_url, fixtures_dir):
    event_id = create_event(sqlite_url)
    done = run_cli(
        sqlite_url, "roster", "import", str(fixtures_dir / "laporan_peserta_daring.csv"), "--event", str(event_id)
    )
    assert done.returncode == 2
    assert "bukan daftar peserta" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_a_broken_workbook_is_refused_without_traceback(sqlite_url, tmp_path):
    event_id = create_event(sqlite_url)
    broken = tmp_path / "daftar.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a real workbook")
    code, result = run_json(sqlite_url, "roster", "import", str(broken), "--event", str(event_id))
    assert code == 2
    assert result["ok"] is False and result["error"]


def test_unknown_event(sqlite_url, fixtures_dir):
    done = run_cli(sqlite_url, "roster", "import", str(fixtures_dir / SIASN), "--event", "99")
    assert done.returncode == 2
    assert done.stderr.strip() == "Kegiatan nomor 99 tidak ditemukan."
    code, result = run_json(sqlite_url, "event", "show", "99")
    assert (code, result) == (2, {"ok": False, "error": "Kegiatan nomor 99 tidak ditemukan."})


def test_validation_errors_name_each_field(sqlite_url):
    code, result = run_json(
        sqlite_url,
        "event",
        "create",
        "--title",
        "",
        "--date",
        "1-7-2024",
        "--start",
        "10:00",
        "--end",
        "09:00",
        "--signatory1-nip",
        "123",
    )
    assert code == 2
    assert result["ok"] is False
    errors = result["errors"]
    assert errors["title"] == "Nama kegiatan wajib diisi."
    assert "TTTT-BB-HH" in errors["date"]
    assert errors["end_time"] == "Jam selesai harus sesudah jam mulai."
    assert "18 digit" in errors["signatory1.nip"]
    assert errors["title"] in result["error"]
    code, listing = run_json(sqlite_url, "event", "list")
    assert (code, listing["count"]) == (0, 0)


def test_postgresql_database(pg_url):
    code, demo = run_json(pg_url, "demo", "--participants", "40")
    assert code == 0
    code, listed = run_json(pg_url, "participants", "list", "--event", str(demo["id"]))
    assert (code, listed["count"]) == (0, 40)


# --- in process --------------------------------------------------------------------------------


def test_version(capsys):
    code, out, _ = call(capsys, "--version")
    assert (code, out.strip()) == (0, f"Netralitas Desktop {__version__}")


def test_help_is_indonesian(capsys):
    code, out, _ = call(capsys, "--help")
    assert code == 0
    assert "Penggunaan: netralitas" in out and "perintah" in out and "tampilkan bantuan" in out


def test_text_output_of_event_commands(capsys, sqlite_url):
    code, out, _ = call(capsys, "--db", sqlite_url, "event", "list")
    assert code == 0 and out.startswith("Belum ada kegiatan.")
    code, out, _ = call(
        capsys,
        "--db",
        sqlite_url,
        "event",
        "create",
        "--title",
        "Ikrar Netralitas",
        "--date",
        "2024-07-01",
        "--kind",
        "ikrar",
        "--start",
        "8:00",
    )
    assert code == 0
    assert out.strip() == "Kegiatan nomor 1 tersimpan: Ikrar Netralitas (Senin, 1 Juli 2024)."
    code, out, _ = call(capsys, "--db", sqlite_url, "event", "list")
    assert code == 0
    header, _rule, row = out.strip().splitlines()
    assert header.split() == ["No", "Tanggal", "Jenis", "Terdaftar", "Hadir", "Nama", "kegiatan"]
    assert row.split()[:5] == ["1", "2024-07-01", "ikrar", "0", "0"]
    code, out, _ = call(capsys, "--db", sqlite_url, "event", "show", "1")
    assert code == 0
    assert "Nama kegiatan : Ikrar Netralitas" in out
    assert "Jenis         : Ikrar / Pakta Integritas" in out
    assert "Tanggal       : Senin, 1 Juli 2024" in out
    assert "Jam           : 08.00" in out


def test_json_flag_may_come_before_the_command(capsys, sqlite_url):
    code, result = call_json(capsys, "--db", sqlite_url, "event", "list")
    assert (code, result) == (0, {"ok": True, "count": 0, "events": []})
    code = main(["--db", sqlite_url, "--json", "event", "list"])
    assert (code, json.loads(capsys.readouterr().out)) == (0, {"ok": True, "count": 0, "events": []})


def test_rejected_rows_are_listed_by_row_and_column(capsys, sqlite_url, tmp_path):
    roster = tmp_path / "undangan.csv"
    roster.write_text(
        "No;Nama;NIP;Unit Kerja\n"
        "1;Drs. H. Budi Santoso, M.Si.;19860926 201505 1 001;Dinas Sosial\n"
        "2;Siti Aminah;19861326 201505 2 001;Dinas Sosial\n"
        "3;Rina Wati;198609262015052002;Dinas Sosial\n",
        encoding="utf-8",
    )
    call(capsys, "--db", sqlite_url, "event", "create", "--title", "T", "--date", "2024-07-01")
    code, out, err = call(capsys, "--db", sqlite_url, "roster", "import", str(roster), "--event", "1")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0] == "Impor ke kegiatan nomor 1 selesai: 2 ditambahkan, 0 diperbarui, 0 tidak berubah, 1 ditolak."
    assert lines[1].startswith("Baris 3, kolom NIP: ")
    code, result = call_json(capsys, "--db", sqlite_url, "participants", "list", "--event", "1")
    assert code == 0
    budi = next(p for p in result["participants"] if p["nip"] == "198609262015051001")
    assert budi["name"] == "Drs. H. Budi Santoso, M.Si."
    assert budi["nip_formatted"] == "19860926 201505 1 001"


def test_missing_roster_file(capsys, sqlite_url, tmp_path):
    call(capsys, "--db", sqlite_url, "event", "create", "--title", "T", "--date", "2024-07-01")
    missing = tmp_path / "tidak-ada.xlsx"
    code, result = call_json(capsys, "--db", sqlite_url, "roster", "import", str(missing), "--event", "1")
    assert code == 2
    assert result["error"] == f"Berkas {missing} tidak ditemukan."


def test_demo_and_participants_table(capsys, sqlite_url):
    code, result = call_json(capsys, "--db", sqlite_url, "demo", "--participants", "30")
    assert code == 0 and result["participants"] == 30
    code, listed = call_json(capsys, "--db", sqlite_url, "participants", "list", "--event", str(result["id"]))
    assert listed["event_id"] == result["id"] and listed["count"] == 30
    expected_keys = {
        "registration_id",
        "nip",
        "nip_formatted",
        "nik",
        "name",
        "employment_type",
        "golongan",
        "jabatan",
        "unit_kerja",
        "mode",
        "source",
        "checked_in_at",
    }
    for person in listed["participants"]:
        assert set(person) == expected_keys
        assert person["nip"].isdigit() or (person["nip"] == "" and person["nik"].isdigit())
    code, out, _ = call(capsys, "--db", sqlite_url, "participants", "list", "--event", str(result["id"]))
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].split()[:4] == ["No", "NIP", "/", "NIK"]
    assert lines[-1] == "30 peserta, 0 hadir."
    assert len(lines) == 2 + 30 + 2


def test_demo_default_is_three_hundred(capsys, sqlite_url):
    code, out, _ = call(capsys, "--db", sqlite_url, "demo")
    assert code == 0 and "300 peserta fiktif" in out


def test_usage_errors_are_indonesian(capsys, sqlite_url):
    code, out, err = call(capsys, "--db", sqlite_url, "event", "show", "satu")
    assert code == 2 and out == ""
    assert "argumen ID: 'satu' bukan bilangan bulat." in err
    assert "Penggunaan: netralitas event show" in err
    code, result = call_json(capsys, "--db", sqlite_url, "participants", "list")
    assert code == 2
    assert result == {"ok": False, "error": "argumen berikut wajib diisi: --event"}
    code, _, err = call(capsys, "--db", sqlite_url, "peserta")
    assert code == 2 and "pilihan 'peserta' tidak dikenal" in err
    code, _, err = call(capsys, "--db", sqlite_url, "demo", "--participants", "-5")
    assert code == 2 and "tidak boleh negatif" in err


def test_database_that_cannot_be_opened(capsys, tmp_path):
    code, result = call_json(capsys, "--db", "mysql://localhost/x", "event", "list")
    assert code == 3 and result["error"].startswith("Alamat basis data tidak dikenal")
    not_a_database = tmp_path / "rusak.db"
    not_a_database.write_bytes(b"this is not SQLite" * 100)
    code, out, err = call(capsys, "--db", f"sqlite:///{not_a_database}", "event", "list")
    assert code == 3 and out == ""
    assert "basis data" in err and "rusak.db" in err


def test_environment_variable_chooses_the_database(capsys, monkeypatch, tmp_path):
    target = tmp_path / "dari-env.db"
    monkeypatch.setenv("NETRALITAS_DB", f"sqlite:///{target}")
    code, result = call_json(capsys, "demo", "--participants", "3")
    assert code == 0 and target.exists()
    code, listing = call_json(capsys, "--db", f"sqlite:///{target}", "event", "list")  # the demo is in that file
    assert code == 0 and [(event["id"], event["registered"]) for event in listing["events"]] == [(result["id"], 3)]


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--db", "sqlite:///x.db"], True),
        (["--demo"], True),
        (["event", "list"], False),
        (["--help"], False),
        (["--version"], False),
        (["nonsense"], False),
    ],
)
def test_opens_gui(argv, gui, capsys):
    assert opens_gui(argv) is gui
    capsys.readouterr()


def test_no_command_opens_the_window_and_the_demo_only_when_asked(sqlite_url):
    """``netralitas --db URL --demo`` starts the GUI on that database with the demo event (without
    ``--demo`` a new database opens on the welcome page and stays empty: test_gui_app)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("NETRALITAS_DB", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "netralitas_desktop", "--db", sqlite_url, "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        listing = {"count": 0}
        while time.monotonic() < deadline and app.poll() is None:
            _code, listing = run_json(sqlite_url, "event", "list")  # refused while the window creates the file
            if listing["count"]:
                break
            time.sleep(0.5)
        assert app.poll() is None, app.communicate()  # still running: the window is open
        assert listing["count"] == 1
        assert listing["events"][0]["registered"] == 300
    finally:
        app.terminate()
        _, err = app.communicate(timeout=30)
    assert "Traceback" not in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is for Linux")
def test_no_screen_is_explained_instead_of_a_qt_abort(capsys, monkeypatch, sqlite_url):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, out, err = call(capsys, "--db", sqlite_url)
    assert code == 1 and out == ""
    assert err.startswith("Layar tidak ditemukan") and "bash scripts/run.sh" in err
