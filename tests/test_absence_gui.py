"""Absence reasons from the Peserta tab: button, right-click menu, dialog, status column."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from netralitas_desktop.core.reports import absence, status
from netralitas_desktop.gui.participants.model import COL_NAME, COL_PRESENT
from netralitas_desktop.gui.participants.tab import ParticipantsTab
from support.gui import answer_message_box
from support.reports import DESK


@pytest.fixture
def tab(qtbot, report_roster):
    widget = ParticipantsTab(report_roster.event_id, lambda: DESK)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.busy and widget.model.rowCount() > 0)
    return widget


def shown(tab) -> dict[str, tuple[str, str | None]]:
    """Name -> (Hadir column, its tooltip)."""
    model = tab.model
    cells = {}
    for row in range(model.rowCount()):
        status = model.index(row, COL_PRESENT)
        cells[model.data(model.index(row, COL_NAME))] = (
            model.data(status),
            model.data(status, Qt.ItemDataRole.ToolTipRole),
        )
    return cells


def select(tab, *names: str) -> None:
    tab.table.clearSelection()
    model = tab.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, COL_NAME)) in names:
            tab.table.selectionModel().select(
                model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )


def reloaded(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: not tab.busy)


def test_status_column_shows_each_status(tab):
    cells = shown(tab)
    assert cells["Ani Rahmawati"] == ("Izin", "Izin: Rapat di provinsi")
    assert cells["Sri Wahyuni, S.Kep."] == ("Sakit", "Sakit")
    assert cells["Joko Widodo"][0] == "Dinas Luar"
    assert cells["Dewi Lestari"] == ("Daring", "Hadir daring 1 Juli 2024, pukul 08.05")
    assert cells["Rina Marlina"] == ("Batal", "Pendaftaran dibatalkan")
    assert cells["Wawan Setiawan"] == ("", None)
    time_text, tooltip = cells["Drs. Budi Santoso, M.Si."]
    assert len(time_text) == 5 and time_text[2] == "." and tooltip.startswith("Hadir ")
    brush = tab.model.data(tab.model.index(0, COL_PRESENT), Qt.ItemDataRole.ForegroundRole)
    assert brush is None or brush.color().isValid()


def test_sorting_the_status_column_groups_the_statuses(qtbot, tab):
    tab.table.sortByColumn(COL_PRESENT, Qt.SortOrder.AscendingOrder)
    column = [value for value, _ in shown(tab).values()]
    assert column[0][2] == "."  # Hadir (a time) first, then the rest in the order of the statuses
    assert column[1:] == ["Daring", "Izin", "Sakit", "Dinas Luar", "", "", "Batal"]


def test_mark_several_then_clear_through_the_dialog(qtbot, tab, report_roster):
    select(tab, "Wawan Setiawan", "Ani Rahmawati")
    assert tab.absence_button.isEnabled()
    qtbot.mouseClick(tab.absence_button, Qt.MouseButton.LeftButton)
    dialog = tab.absence_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.clear_button.isEnabled()  # Ani has a reason
    assert dialog.chosen_reason() is None  # several people: nothing pre-chosen
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error.text() == "Pilih alasannya: Izin, Sakit atau Dinas Luar." and dialog.isVisible()
    dialog.reason_buttons["dinas_luar"].setChecked(True)
    qtbot.keyClicks(dialog.note_edit, "Kunjungan kerja")
    with qtbot.waitSignal(tab.changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    reloaded(qtbot, tab)
    cells = shown(tab)
    assert cells["Wawan Setiawan"] == ("Dinas Luar", "Dinas Luar: Kunjungan kerja")
    assert cells["Ani Rahmawati"] == ("Dinas Luar", "Dinas Luar: Kunjungan kerja")
    assert absence.get_absence(report_roster["wawan"]).desk == DESK.desk

    select(tab, "Wawan Setiawan")
    tab.mark_absence()
    dialog = tab.absence_dialog
    assert dialog.chosen_reason() == "dinas_luar" and dialog.note_edit.text() == "Kunjungan kerja"
    with qtbot.waitSignal(tab.changed):
        dialog.clear_button.click()
    reloaded(qtbot, tab)
    assert shown(tab)["Wawan Setiawan"] == ("", None)


def test_a_checked_in_person_is_refused_with_a_clear_message(qtbot, tab, report_roster):
    select(tab, "Drs. Budi Santoso, M.Si.")
    tab.mark_absence()
    dialog = tab.absence_dialog
    assert not dialog.clear_button.isEnabled()
    dialog.reason_buttons["sakit"].setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and "sudah tercatat hadir" in dialog.error.text()
    dialog.reject()
    assert status.status_by_registration(report_roster.event_id)[report_roster["budi"]] == "hadir"


def test_mixed_selection_saves_the_others_and_names_the_refused(qtbot, tab, report_roster):
    select(tab, "Drs. Budi Santoso, M.Si.", "Wawan Setiawan")
    tab.mark_absence()
    dialog = tab.absence_dialog
    dialog.reason_buttons["izin"].setChecked(True)
    seen = answer_message_box("OK")
    with qtbot.waitSignal(tab.changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert seen["text"].startswith("1 peserta dicatat Izin. Yang tidak dapat dicatat:\n• Drs. Budi Santoso, M.Si.:")
    reloaded(qtbot, tab)
    assert shown(tab)["Wawan Setiawan"][0] == "Izin"


def test_right_click_menu_opens_the_dialog_for_the_row(qtbot, tab):
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, COL_NAME)) == "Wawan Setiawan")
    tab.table.clearSelection()
    tab._show_menu(tab.table.visualRect(model.index(row, COL_NAME)).center())
    actions = [action.text() for action in tab.context_menu.actions() if action.text()]
    assert actions == [
        "Tidak hadir (izin, sakit, dinas luar)…",
        "Ubah…",
        "Buat undangan untuk 1 peserta terpilih…",
        "Tandai undangan sudah dikirim",
        "Tandai undangan belum dikirim",
        "Hapus dari kegiatan",
    ]
    assert [r.full_name for r in tab.selected_rows()] == ["Wawan Setiawan"]
    tab.context_menu.actions()[0].trigger()
    assert tab.absence_dialog is not None and tab.absence_dialog.who_label.text() == "Wawan Setiawan"
    tab.absence_dialog.reject()
