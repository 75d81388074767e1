"""The event list and the event dialog, driven as a user would (real widgets, real SQLite)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.dates import day_and_date
from netralitas_desktop.core.events import EventData, create_event, get_event, list_events
from netralitas_desktop.gui.main_window import MainWindow
from support.gui import answer_message_box

ACTOR = Actor(desk="Meja Uji", operator="penguji")


@pytest.fixture
def window(qtbot, db):
    win = MainWindow(db, actor=lambda: ACTOR)
    qtbot.addWidget(win)
    win.show()
    return win


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_create_event_through_the_dialog(qtbot, window):
    assert window.event_list.welcome.isVisible() and not window.event_list.table.isVisible()
    qtbot.mouseClick(window.event_list.welcome.new_button, Qt.MouseButton.LeftButton)
    dialog = window.event_list.event_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Sosialisasi Netralitas ASN Kecamatan Sukamaju")
    dialog.date.setDate(QDate(2024, 7, 1))
    qtbot.keyClicks(dialog.venue, "Aula Kecamatan Sukamaju")
    dialog.jp_hours.setValue(2)
    qtbot.keyClicks(dialog.signatory1.jabatan, "Camat Sukamaju")
    qtbot.keyClicks(dialog.signatory1.name, "Drs. Slamet Riyadi, M.Si.")
    qtbot.keyClicks(dialog.signatory1.nip, "19700101 199003 1 005")
    save(qtbot, dialog)

    assert not dialog.isVisible()
    [event] = list_events()
    assert event.title == "Sosialisasi Netralitas ASN Kecamatan Sukamaju"
    assert event.date == dt.date(2024, 7, 1)
    stored = get_event(event.id)
    assert stored.venue == "Aula Kecamatan Sukamaju"
    assert stored.signatory1.nip == "197001011990031005"
    assert float(stored.jp_hours) == 2.0
    table = window.event_list.table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == day_and_date(dt.date(2024, 7, 1)) == "Senin, 1 Juli 2024"
    assert table.item(0, 1).text() == event.title
    assert not window.event_list.welcome.isVisible() and table.isVisible()


def test_empty_title_is_refused_beside_the_field(qtbot, window):
    window.event_list.new_event()
    dialog = window.event_list.event_dialog
    qtbot.keyClicks(dialog.signatory2.name, "Budi Santoso")  # a signatory without jabatan
    qtbot.keyClicks(dialog.signatory2.nip, "12345")
    save(qtbot, dialog)

    assert dialog.isVisible()
    assert list_events() == []
    labels = dialog.errors._labels
    assert labels["title"].isVisible() and labels["title"].text() == "Nama kegiatan wajib diisi."
    assert labels["signatory2.jabatan"].text() == "Jabatan penanda tangan 2 wajib diisi."
    assert "18 digit" in labels["signatory2.nip"].text()
    assert not labels["signatory1.name"].isVisible()

    qtbot.keyClicks(dialog.title, "Sosialisasi Netralitas")
    dialog.signatory2.name.clear()
    dialog.signatory2.nip.clear()
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert [e.title for e in list_events()] == ["Sosialisasi Netralitas"]


def test_end_time_before_start_time_is_refused(qtbot, window):
    window.event_list.new_event()
    dialog = window.event_list.event_dialog
    qtbot.keyClicks(dialog.title, "Ikrar Netralitas")
    dialog.start_time.setTime(QTime(10, 0))
    dialog.end_time.setTime(QTime(9, 0))
    save(qtbot, dialog)
    assert dialog.errors._labels["end_time"].text() == "Jam selesai harus sesudah jam mulai."
    assert list_events() == []


def test_edit_open_event_updates_header_and_title(qtbot, window):
    event_id = create_event(EventData(title="Sosialisasi Lama", date=dt.date(2024, 8, 5), venue="Aula"))
    window.event_list.refresh()
    page = window.open_event(event_id)
    assert page.title_label.text() == "Sosialisasi Lama"
    assert window.windowTitle() == "Netralitas Desktop — Sosialisasi Lama"
    assert page.details_label.text().startswith("Senin, 5 Agustus 2024")

    window.edit_event_action.trigger()
    dialog = window.event_list.event_dialog
    assert dialog.title.text() == "Sosialisasi Lama"
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Sosialisasi Baru")
    save(qtbot, dialog)

    assert get_event(event_id).title == "Sosialisasi Baru"
    assert page.title_label.text() == "Sosialisasi Baru"
    assert window.windowTitle() == "Netralitas Desktop — Sosialisasi Baru"


def test_delete_event_asks_first(qtbot, window):
    event_id = create_event(EventData(title="Akan Dihapus", date=dt.date(2024, 9, 2)))
    window.event_list.refresh(select_id=event_id)

    seen = answer_message_box("Batal")
    window.event_list.delete_button.click()
    assert "Akan Dihapus" in seen["text"]
    assert [e.id for e in list_events()] == [event_id]

    seen = answer_message_box("Hapus kegiatan")
    window.event_list.delete_button.click()
    assert list_events() == []
    assert window.event_list.table.rowCount() == 0
    assert not window.delete_event_action.isEnabled()


def test_window_shows_database_location_and_indonesian_menus(window, db):
    assert window.windowTitle() == f"Netralitas Desktop — {db.display}"
    assert db.display in window.location_label.text()
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus == ["Berkas", "Kegiatan", "Kampanye", "Alat", "Bantuan"]
    assert not window.import_action.isEnabled()  # no event yet


def test_signature_required_checkbox_is_saved_and_shown_again(qtbot, window):
    event_id = create_event(EventData(title="Sosialisasi Bertanda Tangan", date=dt.date(2024, 8, 5)))
    window.event_list.refresh()
    window.open_event(event_id)

    window.edit_event_action.trigger()
    dialog = window.event_list.event_dialog
    assert dialog.signature_required.text() == "Tanda tangan peserta diminta saat registrasi"
    assert not dialog.signature_required.isChecked()
    qtbot.mouseClick(dialog.signature_required, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert get_event(event_id).signature_required is True

    window.edit_event_action.trigger()
    dialog = window.event_list.event_dialog
    assert dialog.signature_required.isChecked()
    qtbot.mouseClick(dialog.signature_required, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert get_event(event_id).signature_required is False


def test_new_event_can_require_signatures(qtbot, window):
    window.event_list.new_event()
    dialog = window.event_list.event_dialog
    qtbot.keyClicks(dialog.title, "Ikrar Netralitas")
    dialog.signature_required.setChecked(True)
    save(qtbot, dialog)
    [event] = list_events()
    assert get_event(event.id).signature_required is True


def test_time_zone_is_chosen_saved_and_shown_again(qtbot, window):
    """WIB by default; WITA chosen here is what every document prints after its times."""
    event_id = create_event(EventData(title="Sosialisasi di Kota Balikpapan", date=dt.date(2024, 8, 5)))
    window.event_list.refresh()
    window.open_event(event_id)
    window.edit_event_action.trigger()
    dialog = window.event_list.event_dialog
    assert dialog.time_zone.currentText() == "WIB"
    assert [dialog.time_zone.itemText(i) for i in range(dialog.time_zone.count())] == ["WIB", "WITA", "WIT"]
    dialog.time_zone.setCurrentIndex(dialog.time_zone.findText("WITA"))
    save(qtbot, dialog)
    assert get_event(event_id).time_zone == "WITA"
    window.edit_event_action.trigger()
    assert window.event_list.event_dialog.time_zone.currentText() == "WITA"


def test_menu_opens_the_offline_audit_online_and_purge_dialogs(qtbot, window, monkeypatch):
    from netralitas_desktop.gui.admin import audit_viewer, package_dialog, purge_dialog
    from netralitas_desktop.gui.certificates import verify_dialog
    from netralitas_desktop.gui.dashboard import online_import_dialog

    opened = []
    for cls in (
        package_dialog.PackageDialog,
        audit_viewer.AuditViewer,
        online_import_dialog.OnlineImportDialog,
        purge_dialog.PurgeDialog,
        verify_dialog.VerifyDialog,
    ):
        monkeypatch.setattr(cls, "exec", lambda self: opened.append(type(self).__name__) or 0)
    assert not window.purge_action.isEnabled()  # no event chosen yet
    event_id = create_event(EventData(title="Sosialisasi Netralitas", date=dt.date(2024, 8, 5)))
    window.event_list.refresh()
    window.open_event(event_id)
    page = window.event_page
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == ["Peserta", "Meja Registrasi", "Ringkasan", "Dokumen", "Ikrar Mandiri", "Sertifikat", "Laporan"]
    for act in (
        window.package_action,
        window.audit_action,
        window.online_import_action,
        window.purge_action,
        window.verify_action,
    ):
        assert act.isEnabled()
        act.trigger()
    assert opened == ["PackageDialog", "AuditViewer", "OnlineImportDialog", "PurgeDialog", "VerifyDialog"]
    window.show_list()
    assert window.event_page is None


def test_backup_dialog_from_the_menu_and_a_restore_reloads_the_window(qtbot, window, monkeypatch):
    from netralitas_desktop.gui.admin import backup_dialog

    shown = []

    def fake_exec(dialog):
        shown.append(dialog)
        dialog.restored.emit()  # as after a successful restore
        return 0

    monkeypatch.setattr(backup_dialog.BackupDialog, "exec", fake_exec)
    event_id = create_event(EventData(title="Sosialisasi Netralitas", date=dt.date(2024, 8, 5)))
    window.event_list.refresh()
    window.open_event(event_id)
    window.backup_action.trigger()
    assert len(shown) == 1 and shown[0].location is window.location
    assert window.event_page is None  # back on the list, reloaded from the restored file
    assert window.event_list.table.rowCount() == 1
