"""The purge dialog: the title must be typed; the purge runs and the counts stay; the reminder."""

from __future__ import annotations

from PySide6.QtCore import Qt

from netralitas_desktop.core import backups, purge, purge_files
from netralitas_desktop.core.models import Registration
from netralitas_desktop.gui.admin.purge_dialog import PurgeDialog, show_retention_reminder
from support.gui import answer_message_box


def test_typing_the_title_unlocks_the_purge(qtbot, purge_events):
    dialog = PurgeDialog(purge_events["old"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)  # which backups hold the event: read off the GUI thread
    text = dialog.summary.text()
    assert "10 pendaftaran" in text and "7 orang yang hanya terdaftar" in text and "3 orang tetap" in text
    assert not dialog.purge_button.isEnabled()
    qtbot.keyClicks(dialog.title_edit, "Sosialisasi Netralitas")
    assert not dialog.purge_button.isEnabled()
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "sosialisasi netralitas 2023")
    assert dialog.purge_button.isEnabled()
    with qtbot.waitSignal(dialog.purged, timeout=20_000) as purged:
        qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert purged.args == [purge_events["old"]]
    assert dialog.panel.status.text().startswith(
        "Data pribadi dihapus. Tersimpan untuk laporan: 9 terdaftar, 4 hadir di ruangan, 1 daring."
        "\nCadangan dihapus: 0."
    )
    assert Registration.select().where(Registration.event == purge_events["old"]).count() == 0
    assert "tidak menyimpan data pribadi peserta lagi" in dialog.summary.text()
    assert dialog.purge_button.isHidden() and dialog.title_edit.isHidden()


def test_retention_setting_and_start_up_reminder(qtbot, purge_events):
    dialog = PurgeDialog(purge_events["other"])
    qtbot.addWidget(dialog)
    dialog.retention.setValue(30)
    dialog.save_retention_button.click()
    assert purge.retention_days() == 30 and "30 hari" in dialog.panel.status.text()
    seen = answer_message_box("OK")
    assert show_retention_reminder(dialog) is True
    assert "Sosialisasi Netralitas 2023" in seen["text"] and "30 hari" in seen["text"]
    purge.set_retention_days(36_500)
    assert purge.events_due_for_purge() == [] and show_retention_reminder(dialog) is False


def test_the_backups_holding_the_event_are_listed_and_deleted_with_it(qtbot, purge_events):
    path = purge_files.current_sqlite_path()
    held = [backups.backup_file(path, backups.AUTOMATIC), backups.backup_file(path, backups.MANUAL)]
    dialog = PurgeDialog(purge_events["old"])
    qtbot.addWidget(dialog)
    assert "Memeriksa cadangan" in dialog.backups_label.text() and not dialog.purge_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)
    assert "ikut dihapus (2)" in dialog.backups_label.text() and not dialog.backups_table.isHidden()
    assert {dialog.backups_table.item(row, 0).text() for row in range(2)} == {item.name for item in held}
    qtbot.keyClicks(dialog.title_edit, "Sosialisasi Netralitas 2023")
    with qtbot.waitSignal(dialog.purged, timeout=20_000):
        dialog.purge_button.click()
    assert not any(item.exists() for item in held)
    status = dialog.panel.status.text()
    assert "Cadangan dihapus: 2." in status and "Cadangan baru: sesudah-hapus-data-" in status
    qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)
    assert dialog.backups_table.isHidden() and "Tidak ada cadangan" in dialog.backups_label.text()
