"""Backups of the SQLite file, the integrity check and restore: core and CLI, on real files."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from netralitas_desktop.cli import main
from netralitas_desktop.core import backups, checkin, database, qr_payload
from netralitas_desktop.core.models import Attendance, Registration, db
from support.backups import DESK, corrupt_page, count_rows, make_file, truncate


def cli(*args: str, capsys) -> tuple[int, dict]:
    code = main([*args, "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def filled(sqlite_url, tmp_path) -> Path:
    make_file(sqlite_url)
    return tmp_path / "netralitas.db"


# --- making copies ------------------------------------------------------------------------------


def test_a_backup_is_a_self_contained_copy_including_uncheckpointed_commits(filled, sqlite_url):
    database.open_database(sqlite_url)
    registration = Registration.select().first()
    checkin.check_in_registration(registration.id, actor=DESK)  # committed, still in the -wal file
    assert Path(f"{filled}-wal").stat().st_size > 0

    copy = backups.backup_file(filled)
    database.close_database()

    assert copy.parent == filled.parent / "backups" and copy.name.startswith("manual-")
    assert count_rows(copy, "attendance") == 1
    assert count_rows(copy, "registration") == 60
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not Path(f"{copy}-wal").exists()
    assert backups.verify_backup(copy) == []
    assert not list(copy.parent.glob(".*"))  # no partial file left behind


def test_listing_is_newest_first_and_pruning_keeps_the_newest(filled):
    folder = backups.folder_for(filled)
    source = sqlite3.connect(filled)
    made = [
        backups.backup_connection(source, folder, backups.AUTOMATIC, at=dt.datetime(2024, 7, 1, 7, minute))
        for minute in range(5)
    ]
    source.close()
    (folder / "catatan-panitia.db").write_text("bukan cadangan kita")  # foreign names are left alone

    listed = backups.list_backups(folder)
    assert [info.path for info in listed] == made[::-1]
    assert listed[0].kind == backups.AUTOMATIC and listed[0].created == dt.datetime(2024, 7, 1, 7, 4)
    assert listed[0].kind_label == "otomatis"
    assert "1 Juli 2024" in listed[0].when

    deleted = backups.prune(folder, keep=2)
    assert sorted(deleted) == sorted(made[:3])
    assert [info.path for info in backups.list_backups(folder)] == [made[4], made[3]]
    assert (folder / "catatan-panitia.db").exists()


def test_automatic_backup_waits_for_its_interval(filled):
    start = dt.datetime.now()
    first = backups.automatic_backup(filled, interval_hours=6, keep=3, now=start)
    assert first is not None and first.name.startswith("otomatis-")
    assert backups.automatic_backup(filled, interval_hours=6, keep=3, now=start + dt.timedelta(hours=5)) is None
    later = backups.automatic_backup(filled, interval_hours=6, keep=3, now=start + dt.timedelta(hours=7))
    assert later is not None and later != first
    assert len(backups.list_backups(backups.folder_for(filled))) == 2


def test_settings_are_kept_in_the_database(db):
    assert backups.backup_settings() == (backups.DEFAULT_KEEP, backups.DEFAULT_INTERVAL_HOURS)
    assert backups.set_backup_settings(keep=4, interval_hours=1.5) == (4, 1.5)
    assert backups.backup_settings() == (4, 1.5)
    with pytest.raises(backups.BackupError, match="paling sedikit 1"):
        backups.set_backup_settings(keep=0)


# --- checking -----------------------------------------------------------------------------------


def test_a_sound_file_passes_and_a_missing_one_is_not_damage(filled, tmp_path):
    assert backups.inspect(filled) is None
    assert backups.inspect(tmp_path / "belum-ada.db") is None
    empty = tmp_path / "kosong.db"
    empty.write_bytes(b"")
    found = backups.inspect(empty)  # even without backups beside it: an empty file is never a new database
    assert found is not None and found.empty and found.latest_good is None


@pytest.mark.parametrize("damage", [truncate, lambda path: corrupt_page(path, "person")], ids=["truncated", "page"])
def test_damage_is_found_and_the_latest_good_backup_offered(filled, damage):
    good = backups.backup_file(filled)
    folder = backups.folder_for(filled)
    broken_backup = folder / "otomatis-20990101-000000.db"  # newer than the good one, but damaged itself
    broken_backup.write_bytes(good.read_bytes()[:8192])

    damage(filled)
    found = backups.inspect(filled)
    assert found is not None and found.problems
    assert found.latest_good is not None and found.latest_good.path == good  # the damaged newer copy is skipped
    assert backups.describe_problems(found.problems)


def test_a_file_emptied_beside_its_backups_is_damage(filled):
    good = backups.backup_file(filled)
    filled.write_bytes(b"")
    found = backups.inspect(filled)
    assert found is not None and "kosong" in found.problems[0]
    assert found.latest_good.path == good


# --- restoring ----------------------------------------------------------------------------------


def test_restore_swaps_in_the_backup_and_keeps_the_damaged_file(filled, sqlite_url):
    good = backups.backup_file(filled)
    truncate(filled)
    damaged_bytes = filled.read_bytes()
    location = database.resolve_location(sqlite_url)

    result = database.restore_backup(location, good)

    assert result.restored_from == good
    assert result.previous_copy is not None and result.previous_copy.read_bytes() == damaged_bytes
    assert result.previous_copy.name.startswith("sebelum-pemulihan-")
    assert Registration.select().count() == 60  # reopened and bound
    assert backups.inspect(filled) is None
    database.close_database()


def test_restore_discards_the_old_wal_and_reopens_in_wal_mode(filled, sqlite_url):
    good = backups.backup_file(filled)  # no attendance yet
    database.open_database(sqlite_url)
    registration = Registration.select().first()
    checkin.check_in_registration(registration.id, actor=DESK)
    location = database.resolve_location(sqlite_url)

    result = database.restore_backup(location, good)
    assert Attendance.select().count() == 0  # the WAL's check-in did not leak into the restored file
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    database.close_database()
    # The replaced file with its -wal is kept: opening the copy shows the check-in.
    assert count_rows(result.previous_copy, "attendance") == 1


def test_a_damaged_or_foreign_backup_is_refused_and_nothing_changes(filled, sqlite_url, tmp_path):
    good = backups.backup_file(filled)
    damaged = tmp_path / "rusak.db"
    damaged.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    foreign = tmp_path / "lain.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE catatan (isi TEXT)")
    before = filled.read_bytes()
    location = database.resolve_location(sqlite_url)

    for candidate, reason in ((damaged, "tidak dapat dipakai"), (foreign, "bukan basis data Netralitas")):
        with pytest.raises(backups.BackupError, match=reason):
            database.restore_backup(location, candidate)
        assert filled.read_bytes() == before
    assert not list(backups.folder_for(filled).glob("sebelum-pemulihan-*"))


# --- CLI ----------------------------------------------------------------------------------------


def test_cli_backup_list_check_restore(filled, sqlite_url, capsys):
    code, made = cli("--db", sqlite_url, "backup", "--keep", "2", capsys=capsys)
    assert code == 0 and made["keep"] == 2 and Path(made["path"]).is_file()
    for _ in range(2):
        assert cli("--db", sqlite_url, "backup", capsys=capsys)[0] == 0
    code, listed = cli("--db", sqlite_url, "backups", capsys=capsys)
    assert code == 0 and len(listed["backups"]) == 2  # the setting from the first call prunes

    code, checked = cli("--db", sqlite_url, "check", capsys=capsys)
    assert code == 0 and "utuh" in checked["message"]

    corrupt_page(filled, "person")
    code, checked = cli("--db", sqlite_url, "check", capsys=capsys)
    assert code == 3 and "rusak" in checked["error"]  # README: 3, the database cannot be opened
    newest = listed["backups"][0]["name"]
    assert f"netralitas restore {newest}" in checked["error"]

    code, restored = cli("--db", sqlite_url, "restore", newest, capsys=capsys)
    assert code == 0 and restored["previous_copy"]
    assert cli("--db", sqlite_url, "check", capsys=capsys)[0] == 0
    assert count_rows(filled, "registration") == 60


def test_cli_text_output_is_indonesian(filled, sqlite_url, capsys):
    assert main(["--db", sqlite_url, "backups"]) == 0
    assert "Belum ada cadangan" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "restore", "tidak-ada.db"]) == 2  # a bad file named: bad input
    assert "tidak ditemukan" in capsys.readouterr().err


def test_cli_on_postgresql_points_to_pg_dump(pg_url, capsys):
    code, answer = cli("--db", pg_url, "backup", capsys=capsys)
    assert code == 2 and "pg_dump" in answer["error"]
    code, answer = cli("--db", pg_url, "check", capsys=capsys)
    assert code == 0 and "skema versi" in answer["message"]


def test_scanning_after_a_restore_uses_the_restored_secret(filled, sqlite_url):
    """The QR signing secret lives in the file: invitations printed before still scan after a restore."""
    database.open_database(sqlite_url)
    registration_id = Registration.select().first().id
    payload = qr_payload.payload_for(registration_id)
    database.close_database()
    good = backups.backup_file(filled)
    corrupt_page(filled, "person")

    database.restore_backup(database.resolve_location(sqlite_url), good)
    event_id = Registration.get_by_id(registration_id).event_id
    assert checkin.check_in(event_id, payload, actor=DESK).status == checkin.CheckinStatus.CHECKED_IN
    database.close_database()
