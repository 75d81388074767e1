"""Damaged and missing database files: nothing is created over them, nothing writes into them,
a restore brings back what was recorded since the backup, and every file with personal data
is its owner's alone (0600)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from netralitas_desktop.cli import main
from netralitas_desktop.core import backups, checkin, database, signatures
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.carry_over import carry_over, newer_checkins
from netralitas_desktop.core.migrations import LATEST_VERSION
from netralitas_desktop.core.models import Attendance, Event, Person, Registration, Signature
from netralitas_desktop.core.participants import PersonData
from support.backups import corrupt_page, make_file
from support.gui import answer_message_box
from support.offline import png_signature

DESK = Actor("Meja 2", "Rudi")


def cli(capsys, *args: str) -> tuple[int, dict]:
    code = main([*args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out.strip().splitlines()[-1])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- an empty file is never a new database ----------------------------------------------------------


def test_an_empty_file_is_refused_everywhere_and_stays_empty(tmp_path, capsys):
    path = tmp_path / "netralitas.db"
    path.write_bytes(b"")
    url = f"sqlite:///{path}"
    with pytest.raises(database.DamagedDatabaseError, match="kosong"):
        database.open_database(url)
    code, checked = cli(capsys, "--db", url, "check")
    assert code == 3 and "kosong" in checked["error"] and "utuh" not in checked["error"]
    for command in (["event", "list"], ["demo", "--participants", "5"], ["backup"]):
        code, answer = cli(capsys, "--db", url, *command)
        assert code == 3 and "kosong" in answer["error"], command
    assert path.stat().st_size == 0 and not backups.folder_for(path).exists()


def test_only_a_missing_path_gets_a_new_database(tmp_path):
    path = tmp_path / "baru" / "netralitas.db"
    database.open_database(f"sqlite:///{path}")
    database.close_database()
    assert path.stat().st_size > 0 and not list(path.parent.glob(".*.baru"))
    with sqlite3.connect(path) as conn:  # a sound database with the whole schema, not a placeholder
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (LATEST_VERSION,)
    location = database.open_database(f"sqlite:///{path}")  # and opens again as itself
    assert location.sqlite_path == path and Event.select().count() == 0
    database.close_database()


def test_the_window_offers_the_backup_for_an_emptied_file_and_adds_no_demo(qtbot, tmp_path, monkeypatch):
    from netralitas_desktop.gui import app

    url = f"sqlite:///{tmp_path / 'netralitas.db'}"
    make_file(url, participants=5)
    path = tmp_path / "netralitas.db"
    good = backups.backup_file(path, backups.AUTOMATIC)
    path.write_bytes(b"")
    seen = answer_message_box("Keluar")
    assert app.create_main_window(url) is None
    assert "kosong" in seen["text"] and "Pulihkan cadangan terakhir" in seen["buttons"]
    assert path.stat().st_size == 0
    assert [info.path for info in backups.list_backups(backups.folder_for(path))] == [good]  # no new backup

    seen = answer_message_box("Pulihkan cadangan terakhir")
    answer_message_box("OK")  # "Basis data dipulihkan"
    window = app.create_main_window(url)
    assert window is not None and "Pulihkan cadangan terakhir" in seen["buttons"]
    qtbot.addWidget(window)
    assert Event.select().count() == 1  # the restored event, no demo added
    window.close()


# --- a damaged file: no command writes into it ------------------------------------------------------


def test_no_command_writes_into_a_damaged_file(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'netralitas.db'}"
    make_file(url, participants=30)
    path = tmp_path / "netralitas.db"
    database.open_database(url)
    person = Person.select().where(Person.nip.is_null(False)).first()
    event_id = Event.select().first().id
    database.close_database()
    corrupt_page(path, "audit_log")
    before = digest(path)
    code, checked = cli(capsys, "--db", url, "check")
    assert code == 3 and "rusak" in checked["error"]
    code, answer = cli(capsys, "--db", url, "checkin", person.nip, "--event", str(event_id), "--desk", "Meja 1")
    assert code == 3 and "rusak" in answer["error"] and "Tidak ada yang ditulis" in answer["error"]
    for command in (
        ["participants", "list", "--event", str(event_id)],
        ["purge", "--event", str(event_id), "--yes"],
        ["backup"],
    ):
        assert cli(capsys, "--db", url, *command)[0] == 3, command
    assert digest(path) == before and not Path(f"{path}-wal").exists()


# --- restore carries the newer check-ins over ---------------------------------------------------------


def restored_with_newer_checkins(tmp_path: Path) -> tuple[str, Path, Path, int]:
    """50 check-ins before the backup, then 31 more, a walk-in and a signature; returns (url, file, backup, event)."""
    url = f"sqlite:///{tmp_path / 'netralitas.db'}"
    event_id = make_file(url, participants=90)
    path = tmp_path / "netralitas.db"
    database.open_database(url)
    regs = [r.id for r in Registration.select().where(Registration.event == event_id).order_by(Registration.id)]
    for reg in regs[:50]:
        checkin.check_in_registration(reg, actor=DESK)
    database.close_database()
    backup = backups.backup_file(path, backups.AUTOMATIC)
    database.open_database(url)
    for reg in regs[50:81]:
        checkin.check_in_registration(reg, actor=Actor("Meja 3", "Sinta"))
    walked = checkin.walk_in(
        event_id, PersonData(nama="Tono Sugiarto", nik="3305010101800003", unit_kerja="Desa Sukamaju"), actor=DESK
    )
    signatures.save_signature(walked.registration_id, png_signature(), actor=DESK)
    database.close_database()
    return url, path, backup, event_id


def count_checkins(event_id: int) -> int:
    return Attendance.select().join(Registration).where(Registration.event == event_id).count()


def test_restore_offers_the_newer_check_ins_and_carries_them_over(tmp_path, capsys):
    url, _path, backup, event_id = restored_with_newer_checkins(tmp_path)
    code, restored = cli(capsys, "--db", url, "restore", backup.name)
    assert code == 0 and restored["newer_checkins"] == 32 and restored["carried_over"] == 0
    copy = Path(restored["previous_copy"])
    assert f"netralitas carry-over {copy.name}" in restored["message"]
    database.open_database(url)
    assert count_checkins(event_id) == 50
    database.close_database()
    code, carried = cli(capsys, "--db", url, "carry-over", copy.name)
    assert code == 0 and carried["added"] == 32
    code, again = cli(capsys, "--db", url, "carry-over", copy.name)
    assert code == 0 and again["added"] == 0  # nothing twice
    database.open_database(url)
    assert count_checkins(event_id) == 82
    tono = Person.get(Person.nik == "3305010101800003")
    registration = Registration.get((Registration.person == tono.id) & (Registration.event == event_id))
    assert (
        registration.source == "walk_in" and Signature.select().where(Signature.registration == registration).exists()
    )
    assert Attendance.select().where(Attendance.desk == "Meja 3").count() == 31


def test_restore_with_carry_over_in_one_step_and_from_a_damaged_copy(tmp_path, capsys):
    url, path, backup, event_id = restored_with_newer_checkins(tmp_path)
    corrupt_page(path, "audit_log")  # damage elsewhere: the check-ins are still readable
    code, restored = cli(capsys, "--db", url, "restore", backup.name, "--carry-over")
    assert code == 0 and restored["carried_over"] == 32
    database.open_database(url)
    assert count_checkins(event_id) == 82


def test_the_backup_dialog_offers_the_newer_check_ins(qtbot, tmp_path):
    from netralitas_desktop.gui.admin.backup_dialog import BackupDialog

    url, _path, backup, event_id = restored_with_newer_checkins(tmp_path)
    location = database.open_database(url)
    dialog = BackupDialog(location)
    qtbot.addWidget(dialog)
    seen = answer_message_box("Bawa kehadiran")
    with qtbot.waitSignal(dialog.restored, timeout=30_000):
        dialog.restore(backup, ask=False)
    assert "32 kehadiran tercatat sesudah cadangan itu dibuat" in seen["text"] and "dan 22 lainnya" in seen["text"]
    assert count_checkins(event_id) == 82
    assert "32 kehadiran yang lebih baru ikut dibawa" in dialog.panel.status.text()


def test_newer_check_ins_of_people_already_present_are_not_listed(tmp_path):
    url, path, backup, _event_id = restored_with_newer_checkins(tmp_path)
    copy = backups.restore_file(path, backup).previous_copy
    database.open_database(url)
    newer = newer_checkins(copy)
    assert len(newer.checkins) == 32 and not newer.partial
    assert carry_over(newer.checkins[:5], actor=DESK) == 5
    assert len(newer_checkins(copy).checkins) == 27
    assert newer.checkins[0].checked_in_at.date() == dt.date.today()


# --- files with personal data are the owner's alone ------------------------------------------------


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def usual_umask():
    """The umask most Linux desktops have (022): files would be world-readable by default."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_database_backups_exports_and_packages_are_0600(tmp_path, usual_umask):
    from netralitas_desktop.core.reports.export_csv import CsvExportJob
    from netralitas_desktop.core.reports.export_xlsx import XlsxExportJob
    from support.offline import OFFICE, export_package, make_office

    folder = tmp_path / "data"
    office = make_office(folder)
    path = folder / "kantor.db"
    assert mode(path) == 0o600 and mode(folder) == 0o700
    with office.site.open():
        checkin.check_in(office.event_id, office.codes[office.registrations[1]], actor=OFFICE)
        assert mode(Path(f"{path}-wal")) == 0o600 and mode(Path(f"{path}-shm")) == 0o600
        CsvExportJob(office.event_id, tmp_path / "hadir.csv").run()
        XlsxExportJob(office.event_id, tmp_path / "rekap.xlsx").run()
    backup = backups.backup_file(path)
    package = export_package(office, tmp_path)
    for made in (backup, package, tmp_path / "hadir.csv", tmp_path / "rekap.xlsx"):
        assert mode(made) == 0o600, made
    assert mode(backup.parent) == 0o700
    copy = backups.restore_file(path, backup).previous_copy
    assert mode(copy) == 0o600 and mode(path) == 0o600


@posix_only
def test_the_program_writes_every_file_owner_only_even_per_person_certificates(tmp_path, usual_umask):
    """The command itself sets umask 077: files made by code that does not ask (certificates cut
    into one PDF per person, their folder) are private too."""
    import subprocess

    from support.offline import make_office

    office = make_office(tmp_path / "data")
    env = {key: value for key, value in os.environ.items() if key != "NETRALITAS_DB"}
    out = tmp_path / "sertifikat"
    command = ["certificates", "--event", str(office.event_id), "--out", str(out), "--per-person"]
    done = subprocess.run(
        [sys.executable, "-m", "netralitas_desktop", "--db", office.site.url, *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    made = [path for path in out.rglob("*") if path.is_file()]
    assert made and all(mode(path) == 0o600 for path in made), [(p.name, oct(mode(p))) for p in made]
    assert mode(out) == 0o700
