"""Starting the application as ``run_gui`` does: database opening, demo seeding, calm errors."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from netralitas_desktop.core import database
from netralitas_desktop.core.events import list_events
from netralitas_desktop.gui import app as gui_app
from support.gui import when_modal


@pytest.fixture
def closing_database():
    yield
    database.close_database()


def test_an_empty_database_opens_on_the_welcome_page_without_a_demo_event(qtbot, sqlite_url, closing_database):
    window = gui_app.create_main_window(sqlite_url)
    qtbot.addWidget(window)
    window.show()
    assert list_events() == []  # nothing fictitious appears unasked
    welcome = window.event_list.welcome
    assert welcome.isVisible()
    assert [b.text() for b in (welcome.new_button, welcome.import_button, welcome.example_button)] == [
        "Buat kegiatan",
        "Impor daftar peserta",
        "Coba dengan data contoh",
    ]
    assert window.windowTitle().startswith("Netralitas Desktop — ")
    database.close_database()

    again = gui_app.create_main_window(sqlite_url)
    qtbot.addWidget(again)
    assert list_events() == []


def test_demo_flag_adds_a_demo_event_marked_as_an_example(qtbot, sqlite_url, closing_database):
    window = gui_app.create_main_window(sqlite_url, demo=True)
    qtbot.addWidget(window)
    window.show()
    [event] = list_events()
    assert event.registered == gui_app.DEMO_PARTICIPANTS == 300
    assert event.title.startswith("[CONTOH] Sosialisasi Netralitas ASN") and event.title.endswith(str(event.date.year))
    assert window.event_list.table.isVisible() and window.event_list.table.rowCount() == 1
    page = window.open_event(event.id)
    qtbot.waitUntil(lambda: not page.participants.busy)
    assert page.participants.model.total_count() == 300
    assert page.example_label.isVisible() and page.example_label.text().startswith("Kegiatan contoh")


def test_application_names(qapp):
    before = (qapp.applicationName(), qapp.organizationName())
    try:
        assert gui_app.ensure_application() is qapp
        assert (qapp.applicationName(), qapp.organizationName()) == ("Netralitas Desktop", "Netralitas")
    finally:
        qapp.setApplicationName(before[0])
        qapp.setOrganizationName(before[1])


def test_unreadable_database_is_explained_calmly(qtbot, tmp_path, closing_database):
    broken = tmp_path / "rusak.db"
    broken.write_bytes(b"ini bukan basis data SQLite " * 200)
    seen: dict = {}

    def read_and_close(box: QMessageBox) -> None:
        seen.update(title=box.windowTitle(), text=box.text(), buttons=[b.text() for b in box.buttons()])
        box.buttons()[0].click()

    when_modal(QMessageBox, read_and_close)
    assert gui_app.run_gui(f"sqlite:///{broken}") == gui_app.EXIT_DATABASE_ERROR
    assert seen["title"] == "Basis data tidak dapat dibuka"
    assert seen["text"].startswith("Tidak dapat membuka basis data") and "rusak.db" in seen["text"]
    assert "Traceback" not in seen["text"]
    assert seen["buttons"] == ["Tutup"]
