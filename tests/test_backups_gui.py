"""Start-up integrity check with the recovery question, the automatic backup, and the backup dialog."""

from __future__ import annotations

import pytest

from netralitas_desktop.core import backups, checkin, database
from netralitas_desktop.core.events import list_events
from netralitas_desktop.core.models import Attendance, Registration
from netralitas_desktop.gui import app as gui_app
from netralitas_desktop.gui.admin.backup_dialog import BackupDialog
from netralitas_desktop.gui.common.jobs import wait_all
from support.backups import DESK, corrupt_page, make_file, truncate
from support.gui import answer_message_boxes


@pytest.fixture
def filled(sqlite_url, tmp_path):
    make_file(sqlite_url)
    return tmp_path / "netralitas.db"


@pytest.mark.parametrize("damage", [truncate, lambda path: corrupt_page(path, "person")], ids=["truncated", "page"])
def test_a_damaged_file_is_restored_from_the_latest_good_backup_at_start_up(qtbot, filled, sqlite_url, damage):
    good = backups.backup_file(filled)
    [good_info] = backups.list_backups(good.parent)
    damage(filled)
    seen = answer_message_boxes("Pulihkan cadangan terakhir", "OK")

    window = gui_app.create_main_window(sqlite_url)
    qtbot.addWidget(window)
    wait_all()

    question, done = seen
    assert question["title"] == "Basis data rusak"
    assert str(filled) in question["text"] and "rusak" in question["text"]
    assert good_info.when in question["text"] and "dibuat manual" in question["text"]
    assert sorted(question["buttons"]) == ["Keluar", "Pilih cadangan lain…", "Pulihkan cadangan terakhir"]
    assert done["title"] == "Basis data dipulihkan" and good.name in done["text"]
    assert window is not None and Registration.select().count() == 60
    assert len(list_events()) == 1  # the restored event, no demo added on top
    assert list(good.parent.glob("sebelum-pemulihan-*.db"))  # the damaged file is kept
    database.close_database()


def test_quitting_at_the_recovery_question_leaves_the_file_alone(qtbot, filled, sqlite_url):
    backups.backup_file(filled)
    corrupt_page(filled, "person")
    damaged = filled.read_bytes()
    seen = answer_message_boxes("Keluar")
    assert gui_app.create_main_window(sqlite_url) is None
    assert seen[0]["title"] == "Basis data rusak"
    assert filled.read_bytes() == damaged
    assert not list(backups.folder_for(filled).glob("sebelum-pemulihan-*"))


def test_a_damaged_file_without_backups_is_explained(qtbot, filled, sqlite_url):
    truncate(filled)
    seen = answer_message_boxes("Tutup")
    assert gui_app.create_main_window(sqlite_url) is None
    assert seen[0]["title"] == "Basis data tidak dapat dibuka"
    assert (
        seen[0]["text"].startswith("Tidak dapat membuka basis data")
        and "tidak ada cadangan yang baik" in seen[0]["text"]
    )


def test_start_up_makes_an_automatic_backup_once_per_interval(qtbot, filled, sqlite_url):
    window = gui_app.create_main_window(sqlite_url)
    qtbot.addWidget(window)
    folder = backups.folder_for(filled)
    qtbot.waitUntil(lambda: any(i.kind == backups.AUTOMATIC for i in backups.list_backups(folder)))
    qtbot.waitUntil(lambda: "Cadangan otomatis dibuat" in window.statusBar().currentMessage())
    database.close_database()

    again = gui_app.create_main_window(sqlite_url)
    qtbot.addWidget(again)
    wait_all()
    assert [i.kind for i in backups.list_backups(folder)] == [backups.AUTOMATIC]
    database.close_database()


def test_a_new_file_gets_no_automatic_backup(qtbot, sqlite_url, tmp_path):
    window = gui_app.create_main_window(sqlite_url)
    qtbot.addWidget(window)
    wait_all()
    assert backups.list_backups(tmp_path / "backups") == []
    database.close_database()


def test_dialog_makes_checks_and_restores_a_backup(qtbot, filled, sqlite_url):
    location = database.open_database(sqlite_url)
    dialog = BackupDialog(location)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()

    dialog.keep.setValue(3)
    dialog.save_settings_button.click()
    assert backups.backup_settings()[0] == 3
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.table.rowCount() == 1)
    assert "Cadangan dibuat" in dialog.panel.status.text()
    assert dialog.table.item(0, 1).text() == "dibuat manual"

    dialog.check_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and "utuh" in dialog.panel.status.text())

    registration = Registration.select().first()
    checkin.check_in_registration(registration.id, actor=DESK)  # after the backup: undone by the restore
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    seen = answer_message_boxes("Pulihkan", "Jangan bawa")
    with qtbot.waitSignal(dialog.restored, timeout=15_000):
        dialog.restore_button.click()
    assert "Ganti isi basis data" in seen[0]["text"]
    assert "1 kehadiran tercatat sesudah cadangan itu dibuat" in seen[1]["text"]  # offered, declined here
    assert Attendance.select().count() == 0 and Registration.select().count() == 60
    assert "Dipulihkan dari" in dialog.panel.status.text()
    assert [i.kind for i in dialog.items] == [backups.BEFORE_RESTORE, backups.MANUAL]
    database.close_database()


def test_dialog_on_postgresql_points_to_pg_dump(qtbot, pg_url):
    location = database.open_database(pg_url)
    dialog = BackupDialog(location)
    qtbot.addWidget(dialog)
    assert "pg_dump" in dialog.intro.text()
    assert not dialog.backup_button.isEnabled() and not dialog.restore_file_button.isEnabled()
    database.close_database()
