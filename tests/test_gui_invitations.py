"""Invitations from the window (issue 12): the Peserta tab's button and menu, the Kegiatan menu,
all / chosen / only those not yet sent, PDF cards and a ZIP of PNGs read back with their QR codes,
progress and Batal, the marks in the "Undangan" column, and the audit entries. Real widgets, jobs,
SQLite and files."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, Qt

from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.invitation_delivery import InvitationDelivery, delivery_counts
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.gui.invitations.dialog import ALL, CHOSEN, ZIP
from netralitas_desktop.gui.main_window import MainWindow
from netralitas_desktop.gui.participants.model import COL_INVITATION, COL_NAME
from support.pdf_checks import qr_codes
from support.pdf_text import flat, pdf_text

ACTOR = Actor(desk="Meja Undangan", operator="Rina")
UNITS = ("Dinas Kesehatan", "Kecamatan Sukamaju", "Desa Mekarsari")
NAMES = [f"Peserta {chr(ord('A') + i)}" for i in range(12)]


@pytest.fixture
def event_id(db) -> int:
    event = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1), venue="Pendopo"))
    for index, name in enumerate(NAMES):
        add_participant(event, PersonData(nama=name, unit_kerja=UNITS[index % 3]), actor=ACTOR)
    return event


@pytest.fixture
def window(qtbot, db):
    window = MainWindow(db, actor=lambda: ACTOR)
    qtbot.addWidget(window)
    window.show()
    return window


def open_page(qtbot, window, event_id):
    page = window.open_event(event_id)
    qtbot.waitUntil(lambda: not page.participants.busy and page.participants.model.rowCount() > 0)
    return page


def select_names(tab, wanted: set[str]) -> None:
    model, selection = tab.model, tab.table.selectionModel()
    selection.clearSelection()
    for row in range(model.rowCount()):
        if model.data(model.index(row, COL_NAME)) in wanted:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(model.index(row, 0), flags)


def loaded(qtbot, dialog):
    qtbot.waitUntil(lambda: dialog.data is not None and not dialog.busy, timeout=20_000)
    return dialog


def run(qtbot, dialog, path) -> None:
    assert dialog.make(str(path)) is not None
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=60_000)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def invitation_column(tab) -> dict[str, str]:
    model = tab.model
    return {
        model.data(model.index(row, COL_NAME)): model.data(model.index(row, COL_INVITATION))
        for row in range(model.rowCount())
    }


def test_chosen_people_then_only_those_not_yet_sent(qtbot, window, event_id, tmp_path, opened_files):
    page = open_page(qtbot, window, event_id)
    tab = page.participants
    chosen = {"Peserta A", "Peserta B", "Peserta C"}
    select_names(tab, chosen)
    qtbot.mouseClick(tab.invitations_button, Qt.MouseButton.LeftButton)
    dialog = loaded(qtbot, page.invitations_dialog)
    assert dialog.isVisible() and dialog.who.checkedId() == CHOSEN
    assert dialog.chosen_radio.text() == "Peserta yang dipilih di tab Peserta (3)"
    assert dialog.all_radio.text() == "Semua peserta (12)"
    assert dialog.counts_label.text() == "Dari 12 peserta, 0 undangan sudah ditandai terkirim dan 12 belum."
    assert dialog.summary.text() == "Akan dibuat 3 kartu undangan dalam 1 halaman."

    pdf = tmp_path / "tiga.pdf"
    run(qtbot, dialog, pdf)
    assert dialog.panel.status.text() == f"Selesai: 3 kartu dalam 1 halaman, 3 ditandai terkirim. Tersimpan di {pdf}"
    assert opened_files == [str(pdf)] and dialog.open_button.isVisible()
    text = flat(pdf_text(pdf))
    assert all(name in text for name in chosen) and "Peserta D" not in text
    decoded = {qr_payload.decode(code).registration_id for code in qr_codes(pdf)}
    assert decoded == dialog.chosen and len(decoded) == 3
    qtbot.waitUntil(lambda: invitation_column(tab).get("Peserta A") == "Terkirim")
    column = invitation_column(tab)
    assert {name for name, mark in column.items() if mark == "Terkirim"} == chosen
    assert dialog.counts_label.text() == "Dari 12 peserta, 3 undangan sudah ditandai terkirim dan 9 belum."
    dialog.close_button.click()

    tab.table.clearSelection()
    qtbot.mouseClick(tab.invitations_button, Qt.MouseButton.LeftButton)
    dialog = loaded(qtbot, page.invitations_dialog)
    assert dialog.who.checkedId() == ALL and not dialog.chosen_radio.isEnabled()
    assert dialog.unsent_only.isChecked()  # some went out already: the rest is what is wanted
    dialog.zip_radio.setChecked(True)
    assert dialog.summary.text() == "Akan dibuat 9 gambar undangan dalam satu berkas ZIP."
    archive = tmp_path / "sisa.zip"
    run(qtbot, dialog, archive)
    with zipfile.ZipFile(archive) as files:
        names = sorted(files.namelist())
        assert names == sorted(f"{name}.png" for name in NAMES if name not in chosen)
        image = Image.open(io.BytesIO(files.read("Peserta D.png")))
        (code,) = zxingcpp.read_barcodes(image)
        assert qr_payload.decode(code.text).event_id == event_id
    assert delivery_counts(event_id).unsent == 0
    assert dialog.summary.text() == "Semua undangan dalam pilihan ini sudah ditandai terkirim."
    assert not dialog.make_button.isEnabled()
    details = [json.loads(e.detail) for e in AuditLog.select().where(AuditLog.action == "export").order_by(AuditLog.id)]
    assert [(d["selection"], d["format"], d["count"], d["marked_sent"]) for d in details] == [
        ("terpilih", "pdf", 3, 3),
        ("semua+belum_terkirim", "zip", 9, 9),
    ]


def test_mark_and_unmark_by_hand_from_the_peserta_tab(qtbot, window, event_id):
    page = open_page(qtbot, window, event_id)
    tab = page.participants
    select_names(tab, {"Peserta E", "Peserta F"})
    assert tab.mark_invitations(True) == 2
    qtbot.waitUntil(lambda: invitation_column(tab)["Peserta E"] == "Terkirim")
    assert tab.count_label.text() == "Menampilkan 12 dari 12 peserta · 2 undangan ditandai sudah dikirim."
    row = next(r for r in range(tab.model.rowCount()) if tab.model.data(tab.model.index(r, COL_NAME)) == "Peserta E")
    tooltip = tab.model.data(tab.model.index(row, COL_INVITATION), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Undangan terkirim ") and tooltip.endswith("(ditandai manual)")
    select_names(tab, {"Peserta E"})
    assert tab.mark_invitations(False) == 1
    qtbot.waitUntil(lambda: invitation_column(tab)["Peserta E"] == "")
    assert invitation_column(tab)["Peserta F"] == "Terkirim"
    actions = [
        (e.action, json.loads(e.detail)["count"])
        for e in AuditLog.select().where(AuditLog.action.startswith("invitation.")).order_by(AuditLog.id)
    ]
    assert actions == [("invitation.mark_sent", 2), ("invitation.unmark_sent", 1)]
    tab.table.sortByColumn(COL_INVITATION, Qt.SortOrder.AscendingOrder)
    assert tab.model.data(tab.model.index(0, COL_NAME)) == "Peserta F"  # sent first


def test_the_kegiatan_menu_opens_it_for_the_selected_event(qtbot, event_id, window):
    assert window.invitations_action.isEnabled()  # the event is selected in the list
    window.invitations_action.trigger()
    page = window.event_page
    dialog = loaded(qtbot, page.invitations_dialog)
    assert dialog.heading.text() == "Sosialisasi Netralitas ASN" and dialog.who.checkedId() == ALL
    assert dialog.paper.currentText() == "A4"


def test_progress_and_batal_leave_no_file_and_no_marks(qtbot, db, tmp_path):
    event_id = create_demo_event(participants=400, actor=ACTOR)
    window = MainWindow(db, actor=lambda: ACTOR)
    qtbot.addWidget(window)
    window.show()
    page = open_page(qtbot, window, event_id)
    dialog = loaded(qtbot, page.open_invitations())
    dialog.form.button(ZIP).setChecked(True)
    out = tmp_path / "keluaran"
    out.mkdir()
    archive = out / "semua.zip"
    dialog.make(str(archive))
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.progress.maximum() == 400 and panel.progress.value() >= 5, timeout=60_000)
    assert panel.cancel_button.isVisible() and not dialog.make_button.isEnabled()
    assert "Gambar" in panel.status.text()
    dialog.reject()  # Esc while making: stops the run, the window stays
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=60_000)
    assert dialog.isVisible()
    assert panel.status.text() == "Dibatalkan; tidak ada berkas yang dibuat dan tidak ada yang ditandai terkirim."
    assert list(out.iterdir()) == []
    assert not InvitationDelivery.select().exists()
    assert not AuditLog.select().where(AuditLog.action == "export").exists()
