"""The window's scanner filter: a scanner burst reaches the desk from wherever the focus is,
and never stays in the widget it was typed into; a person's typing is left alone.

Keys carry explicit timestamps (``support.keys``): 5 ms a key is a scanner, 150 ms a person.
Every check ends with what the database recorded.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout

from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.checkin import counters
from netralitas_desktop.core.models import AuditLog, Person
from netralitas_desktop.gui.common.settings import save_scanner_settings, scanner_settings
from support.desk import PEOPLE, desk_event, registration_id
from support.keys import SCANNER_MS, person, press, scanner, type_text

SITI_NIP = "199001012015032002"
RINA_NIK = "3306124507900001"

pytestmark = pytest.mark.usefixtures("no_sounds")


@pytest.fixture
def event_id(db) -> int:
    return desk_event()


def invitation(event_id: int, nama: str) -> str:
    return qr_payload.payload_for(registration_id(event_id, nama))


def present(event_id: int) -> int:
    return counters(event_id).present


def test_a_scan_into_the_search_box_is_taken_back_out_and_checked_in(qtbot, desk, event_id):
    edit = desk.search_edit
    desk.focus_search()
    person(edit, "budi", enter=False)
    edit.setSelection(1, 2)
    scanner(edit, SITI_NIP)
    assert present(event_id) == 1
    assert desk.banner.status == "checked_in" and "Siti" in desk.banner.name_label.text()
    assert edit.text() == "budi" and edit.hasFocus()  # what the officer typed stays; the scan does not
    assert edit.selectedText() == "ud"  # and so do the cursor and the selection


def test_a_scan_into_the_peserta_filter_goes_to_the_desk(qtbot, window, desk, event_id):
    page = window.event_page
    page.tabs.setCurrentWidget(page.participants)
    edit = page.participants.filter_edit
    edit.setFocus()
    person(edit, "dinas", enter=False)
    scanner(edit, invitation(event_id, "Dewi Lestari"))
    assert present(event_id) == 1
    assert edit.text() == "dinas"
    assert page.tabs.currentWidget() is desk  # the result is shown, not lost behind another tab
    assert desk.banner.name_label.text() == "Dewi Lestari"


def test_a_nip_typed_by_hand_into_the_peserta_filter_is_not_hijacked(qtbot, window, desk, event_id):
    page = window.event_page
    page.tabs.setCurrentWidget(page.participants)
    edit = page.participants.filter_edit
    edit.setFocus()
    person(edit, SITI_NIP)
    assert edit.text() == SITI_NIP
    assert present(event_id) == 0
    assert page.tabs.currentWidget() is page.participants


def test_a_scan_while_the_walk_in_form_is_open_goes_to_the_desk_not_into_the_form(qtbot, desk, event_id):
    dialog = desk.open_walk_in()
    qtbot.waitUntil(dialog.isVisible)
    dialog.name.setFocus()
    person(dialog.name, "Jok", enter=False)
    scanner(dialog.name, invitation(event_id, "Siti Aminah"))
    scanner(dialog.number, RINA_NIK)  # a NIK barcode while the NIP/NIK field has the focus
    assert present(event_id) == 2
    assert dialog.isVisible() and dialog.name.text() == "Jok" and dialog.number.text() == ""
    assert Person.select().count() == len(PEOPLE)  # nobody invented
    dialog.reject()


def test_enter_from_a_scanner_never_presses_a_dialog_button(qtbot, desk, event_id):
    dialog = QDialog(desk.window())
    field = QLineEdit()
    ok = QPushButton("OK")
    ok.setDefault(True)
    ok.clicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(ok)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    field.setFocus()
    scanner(field, invitation(event_id, "Budi Santoso"))
    assert dialog.isVisible() and dialog.result() == 0 and field.text() == ""
    scanner(field, "HTTPS://CONTOH.GO.ID/BUKAN-UNDANGAN")  # a scanner reading someone else's code
    assert dialog.isVisible() and dialog.result() == 0  # its Enter is swallowed too
    assert present(event_id) == 1
    person(field, "x")  # a person's Enter still works
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_burst_is_held_back_from_the_widget_and_given_back_if_it_is_not_a_scan(qtbot, window, desk, event_id):
    edit = desk.search_edit
    desk.focus_search()
    type_text(edit, "NTR1AB", SCANNER_MS, enter=False)
    assert edit.text() == "NT"  # from the third key at scanner speed on, nothing reaches the field
    qtbot.waitUntil(lambda: edit.text() == "NTR1AB")  # no Enter came: delivered after all, in order
    type_text(edit, "C", 150, enter=False)
    assert edit.text() == "NTR1ABC"

    page = window.event_page
    page.tabs.setCurrentWidget(page.participants)
    model = page.participants.model
    edit = page.participants.filter_edit
    edit.setFocus()
    type_text(edit, SITI_NIP[:12], SCANNER_MS, enter=False)
    assert edit.text() == SITI_NIP[:2] and model.query == SITI_NIP[:2]  # the filter never saw the rest
    type_text(edit, SITI_NIP[12:], SCANNER_MS, pause_ms=0)
    assert edit.text() == "" and model.query == "" and present(event_id) == 1


def test_keys_sent_by_software_are_left_alone(qtbot, window, desk, event_id):
    page = window.event_page
    page.tabs.setCurrentWidget(page.participants)
    edit = page.participants.filter_edit
    qtbot.keyClicks(edit, SITI_NIP)  # QTest's keys carry no timestamp: no person or scanner typed them
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == SITI_NIP and present(event_id) == 0


def test_the_scan_field_keeps_its_keys_and_checks_in_itself(qtbot, window, desk, event_id):
    routed: list = []
    window.scan_router.recognised.connect(routed.append)
    desk.scanner.setFocus()
    person(desk.scanner, "1990", enter=False)
    assert desk.scanner.text() == "1990"  # typing by hand in the scan field
    desk.scanner.clear()
    scanner(desk.scanner, RINA_NIK)
    assert present(event_id) == 1 and routed == []  # its own Enter did it
    assert desk.scanner.text() == ""
    person(desk.scanner, "dinas", enter=False)  # something typed and forgotten in the scan field
    scanner(desk.scanner, SITI_NIP)
    assert present(event_id) == 2 and routed == [SITI_NIP]  # the scan is not spoilt by it
    assert desk.scanner.text() == "dinas"


def test_a_scan_reaches_a_plain_text_box_and_is_taken_out(qtbot, desk, event_id):
    box = QPlainTextEdit(desk)
    box.setPlainText("catatan")
    box.show()
    box.setFocus()
    scanner(box, SITI_NIP)
    assert box.toPlainText() == "catatan" and present(event_id) == 1


def test_a_scan_while_the_signature_screen_is_the_active_window_reaches_the_desk(qtbot, desk, event_id):
    from netralitas_desktop.core.events import get_event, update_event

    data = get_event(event_id)
    data.signature_required = True
    update_event(data)
    desk.sync_event()
    screen = desk.open_signature_window()  # a participant touched the pad on the second screen
    qtbot.waitUntil(screen.isVisible)
    scanner(screen, SITI_NIP)  # no widget there takes the keyboard: the keys reach the window itself
    assert present(event_id) == 1 and screen.panel.name_label.text() == "Siti Aminah, S.Pd."
    screen.close()


def test_without_an_open_event_keys_go_where_they_were_typed(qtbot, window, event_id):
    field = QLineEdit(window)
    field.show()
    scanner(field, SITI_NIP)
    assert field.text() == SITI_NIP and present(event_id) == 0


def test_auto_repeat_and_lowercase(qtbot, window, desk, event_id):
    page = window.event_page
    page.tabs.setCurrentWidget(page.participants)
    edit = page.participants.filter_edit
    edit.setFocus()
    for _ in range(18):
        press(edit, int(Qt.Key.Key_1), "1", 33, auto_repeat=True)  # a key held down
    press(edit, int(Qt.Key.Key_Return), "\r", 33)
    assert edit.text() == "1" * 18 and present(event_id) == 0
    edit.clear()
    scanner(edit, invitation(event_id, "Budi Santoso").lower())  # Caps Lock on at the scanner
    assert present(event_id) == 1 and edit.text() == ""


def test_a_tab_suffix_and_no_suffix_are_scans_too(qtbot, desk, event_id):
    edit = desk.search_edit
    desk.focus_search()
    type_text(edit, invitation(event_id, "Budi Santoso"), enter=False)
    press(edit, int(Qt.Key.Key_Tab), "\t")
    assert present(event_id) == 1 and edit.text() == ""
    type_text(edit, invitation(event_id, "Siti Aminah"), enter=False)  # a scanner set to send nothing after
    qtbot.waitUntil(lambda: present(event_id) == 2)
    assert edit.text() == ""


def test_threshold_and_shapes_are_settings(qtbot, window, desk, event_id):
    page = window.event_page
    page.tabs.setCurrentWidget(page.participants)
    edit = page.participants.filter_edit
    edit.setFocus()
    save_scanner_settings(replace(scanner_settings(), shapes=frozenset({"invitation", "mandiri"})))
    scanner(edit, SITI_NIP)  # NIPs are not scans at this desk
    assert edit.text() == SITI_NIP and present(event_id) == 0
    edit.clear()
    save_scanner_settings(replace(scanner_settings(), key_gap_ms=5, shapes=frozenset({"nip"})))
    type_text(edit, SITI_NIP, 12)  # slower than this desk's scanner threshold
    assert edit.text() == SITI_NIP and present(event_id) == 0
    edit.clear()
    type_text(edit, SITI_NIP, 4)
    assert edit.text() == "" and present(event_id) == 1
    assert AuditLog.select().where(AuditLog.action == "checkin").count() == 1


def test_a_scan_right_after_typing_and_a_late_key_inside_a_scan(qtbot, desk, event_id):
    edit = desk.search_edit
    desk.focus_search()
    person(edit, "budi", enter=False)
    code = invitation(event_id, "Siti Aminah")
    press(edit, ord(code[0]), code[0], 60)  # the scan follows the last typed letter within 60 ms
    type_text(edit, code[1:12], SCANNER_MS, enter=False, pause_ms=0)
    press(edit, ord(code[12]), code[12], 80)  # one key delayed by a busy computer
    type_text(edit, code[13:], SCANNER_MS, pause_ms=0)
    assert present(event_id) == 1 and edit.text() == "budi"


def test_the_scanner_settings_in_pengaturan(qtbot):
    from netralitas_desktop.gui.admin.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    box = dialog.scanner_box
    assert box.key_gap.value() == 35 and all(check.isChecked() for check in box.shapes.values())
    box.key_gap.setValue(20)
    box.shapes["nik"].setChecked(False)
    box.ready_after.setValue(8)
    box.repeat_window.setValue(1.5)
    dialog.save()
    saved = scanner_settings()
    assert (saved.key_gap_ms, saved.ready_after_s, saved.repeat_window_s) == (20, 8, 1.5)
    assert saved.shapes == frozenset({"invitation", "mandiri", "nip"})
