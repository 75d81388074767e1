"""The first start (issue 12): a database without events opens on a welcome page with three ways
to begin; the fictitious event appears only when asked for, marked as an example, and opens."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import list_events
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.gui.admin.connection_dialog import ConnectionDialog
from netralitas_desktop.gui.main_window import MainWindow
from support.gui import when_modal

ACTOR = Actor(desk="Meja 1", operator="Rina")


@pytest.fixture
def window(qtbot, db):
    window = MainWindow(db, actor=lambda: ACTOR)
    qtbot.addWidget(window)
    window.show()
    return window


def test_try_with_example_data_makes_one_marked_example_and_opens_it(qtbot, window):
    welcome = window.event_list.welcome
    assert welcome.isVisible() and list_events() == []
    qtbot.mouseClick(welcome.example_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.event_page is not None, timeout=30_000)
    [event] = list_events()
    assert event.registered == 300
    assert event.title == f"[CONTOH] Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun {event.date.year}"
    assert event.date == dt.date.today() + dt.timedelta(days=7)
    page = window.event_page
    assert page.event_id == event.id and page.example_label.isVisible()
    assert page.title_label.text().startswith("[CONTOH]")
    assert window.windowTitle() == f"Netralitas Desktop — {event.title}"
    entry = AuditLog.get(AuditLog.action == "participant.demo")
    assert json.loads(entry.detail) == {"count": 300} and entry.desk == "Meja 1"
    window.show_list()
    assert window.event_list.table.isVisible() and not window.event_list.welcome.isVisible()


def test_import_a_roster_makes_the_event_then_opens_its_import_wizard(qtbot, window, fixtures_dir):
    qtbot.mouseClick(window.event_list.welcome.import_button, Qt.MouseButton.LeftButton)
    dialog = window.event_list.event_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Sosialisasi Netralitas ASN Kecamatan Sukamaju")
    dialog.date.setDate(QDate(2026, 12, 14))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    [event] = list_events()
    page = window.event_page
    assert page is not None and page.event_id == event.id
    wizard = page.import_wizard
    assert wizard is not None and wizard.isVisible() and wizard.event_id == event.id
    wizard.file_page.path_edit.setText(str(fixtures_dir / "undangan_sosialisasi.xlsx"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview_page.plan is not None, timeout=30_000)
    assert wizard.preview_page.plan.counts()["added"] == 300
    wizard.preview_page.runner.drop()
    wizard.reject()
    assert not page.example_label.isVisible()  # a real event is not marked as an example


def test_an_extra_desk_can_join_the_shared_server_from_the_welcome_page(qtbot, window):
    seen = []

    def close_the_connection_dialog(dialog: ConnectionDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_modal(ConnectionDialog, close_the_connection_dialog)
    qtbot.mouseClick(window.event_list.welcome.connect_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert window.event_list.welcome.isVisible()
