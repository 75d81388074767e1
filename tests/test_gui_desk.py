"""The Meja Registrasi tab and kiosk: real scans typed by qtbot into real widgets over real SQLite."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.checkin import cancel_registration, check_in, counters, recent_check_ins
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.participants import PersonData, add_participant, list_participants
from netralitas_desktop.gui.common.result_banner import COLOURS, IDLE
from netralitas_desktop.gui.common.settings import save_scanner_settings, scanner_settings
from netralitas_desktop.gui.common.sounds import TONES, sounds_enabled, write_tone
from netralitas_desktop.gui.desk.recent_model import COL_METHOD
from netralitas_desktop.gui.main_window import MainWindow
from netralitas_desktop.gui.participants.model import COL_NAME, COL_PRESENT
from support.desk import ACTOR, OTHER_DESK, desk_event, present, registration_id, scan
from support.gui import answer_input, when_modal

pytestmark = pytest.mark.usefixtures("no_sounds")


@pytest.fixture
def event_id(db) -> int:
    return desk_event()


def recent(desk) -> list[tuple[str, str]]:
    """(name, method) of the desk's recent list, newest first, as the model shows them."""
    model = desk.session.recent
    return [(model.item(row).full_name, model.data(model.index(row, COL_METHOD))) for row in range(model.rowCount())]


def select_recent(desk, row: int) -> None:
    desk.recent_view.selectRow(row)


def close_message_box(seen: list) -> None:
    """Close the next message box with its default button, noting what it said."""
    when_modal(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))


def test_desk_is_a_tab_after_peserta_and_the_scanner_has_focus(qtbot, desk, window):
    tabs = window.event_page.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][:2] == ["Peserta", "Meja Registrasi"]
    assert tabs.currentWidget() is desk
    qtbot.waitUntil(desk.scanner.hasFocus)
    assert desk.banner.status == IDLE
    assert desk.banner.headline.text() == "SIAP — pindai berikutnya"
    assert "Meja 1" in desk.identity_label.text() and "Ani" in desk.identity_label.text()
    assert desk.counters_view.total_label.text() == "0 / 4"


def test_qr_scan_green_then_amber_then_forged_red(qtbot, desk, event_id):
    budi = registration_id(event_id, "Budi Santoso")
    payload = qr_payload.payload_for(budi)

    scan(qtbot, desk, payload)
    assert desk.banner.status == "checked_in"
    assert desk.banner.headline.text() == "HADIR"
    assert desk.banner.name_label.text() == "Drs. H. Budi Santoso, M.Si."
    assert "Dinas Kesehatan" in desk.banner.detail_label.text()
    assert desk.scanner.text() == "" and desk.scanner.hasFocus()
    present(qtbot, desk, 1)
    assert counters(event_id).present == 1
    assert next(r for r in list_participants(event_id) if r.registration_id == budi).checked_in_at is not None
    qtbot.waitUntil(lambda: recent(desk) == [("Drs. H. Budi Santoso, M.Si.", "QR")])

    first = recent_check_ins(event_id)[0]
    save_scanner_settings(replace(scanner_settings(), repeat_window_s=0))  # a rescan, not a double trigger
    scan(qtbot, desk, payload)
    assert desk.banner.status == "already"
    assert desk.banner.headline.text() == "SUDAH HADIR"
    detail = desk.banner.detail_label.text()
    assert first.checked_in_at.strftime("%H.%M") in detail and "Meja 1" in detail
    assert counters(event_id).present == 1

    forged = payload[:-1] + ("A" if payload[-1] != "A" else "B")
    scan(qtbot, desk, forged)
    assert desk.banner.status == "rejected"
    assert desk.banner.headline.text() == "DITOLAK"
    assert desk.banner.detail_label.text()  # the reason, in words
    assert desk.banner.styleSheet().count(COLOURS["rejected"][0]) == 1
    assert counters(event_id).present == 1


def test_amber_names_the_other_desk(qtbot, desk, event_id):
    siti = registration_id(event_id, "Siti Aminah")
    check_in(event_id, qr_payload.payload_for(siti), actor=OTHER_DESK)
    scan(qtbot, desk, qr_payload.payload_for(siti))
    assert desk.banner.status == "already"
    assert "Meja 2" in desk.banner.detail_label.text() and "Budi" in desk.banner.detail_label.text()


def test_cancelled_registration_and_other_event_are_red(qtbot, desk, event_id):
    dewi = registration_id(event_id, "Dewi Lestari")
    cancel_registration(dewi, reason="Sedang cuti", actor=ACTOR)
    scan(qtbot, desk, qr_payload.payload_for(dewi))
    assert desk.banner.status == "rejected"
    assert "dibatalkan" in desk.banner.detail_label.text() and "Sedang cuti" in desk.banner.detail_label.text()
    assert desk.banner.name_label.text() == "Dewi Lestari"

    other = create_event(EventData(title="Rapat Koordinasi Pilkada", date=dt.date(2024, 8, 1)))
    stranger = add_participant(other, PersonData(nama="Agus Salim", nip="198001012006041001"), actor=ACTOR)
    scan(qtbot, desk, qr_payload.payload_for(stranger))
    assert desk.banner.status == "rejected"
    assert "Rapat Koordinasi Pilkada" in desk.banner.detail_label.text()
    assert counters(event_id).present == 0


def test_bare_nip_with_spaces_and_unknown_number(qtbot, desk, event_id):
    scan(qtbot, desk, "19900101 201503 2 002")
    assert desk.banner.status == "checked_in"
    assert desk.banner.name_label.text() == "Siti Aminah, S.Pd."
    present(qtbot, desk, 1)
    scan(qtbot, desk, "3306124507900001")
    assert desk.banner.status == "checked_in" and "Rina" in desk.banner.name_label.text()
    scan(qtbot, desk, "197001011990031999")
    assert desk.banner.status == "rejected"
    assert "tidak terdaftar" in desk.banner.detail_label.text()
    present(qtbot, desk, 2)


def test_undo_needs_a_reason_then_allows_a_new_check_in(qtbot, desk, event_id):
    budi = registration_id(event_id, "Budi Santoso")
    scan(qtbot, desk, qr_payload.payload_for(budi))
    qtbot.waitUntil(lambda: len(recent(desk)) == 1)
    select_recent(desk, 0)
    assert desk.undo_button.isEnabled()

    seen: list = []
    answer_input("   ")
    close_message_box(seen)
    assert desk.undo_selected() is False
    assert seen and "wajib" in seen[0]
    assert counters(event_id).present == 1

    answer_input(None)
    assert desk.undo_selected() is False
    assert counters(event_id).present == 1

    answer_input("Salah pindai, orangnya belum datang")
    assert desk.undo_selected() is True
    assert counters(event_id).present == 0
    qtbot.waitUntil(lambda: recent(desk) == [])
    present(qtbot, desk, 0)
    qtbot.waitUntil(desk.scanner.hasFocus)
    assert desk.banner.status == IDLE and "dibatalkan" in desk.banner.detail_label.text()

    scan(qtbot, desk, qr_payload.payload_for(budi))
    assert desk.banner.status == "checked_in"
    present(qtbot, desk, 1)


def test_manual_search_and_check_in(qtbot, desk, event_id):
    qtbot.keyClick(desk, Qt.Key.Key_F2)
    assert desk.search_edit.hasFocus()
    qtbot.keyClicks(desk.search_edit, "budi santoso")  # no titles, any case
    qtbot.waitUntil(lambda: desk.search_table.rowCount() == 1)
    assert desk.search_table.item(0, 0).text() == "Drs. H. Budi Santoso, M.Si."
    assert desk.search_table.item(0, 2).text() == "Belum"
    desk.manual_button.click()
    assert desk.banner.status == "checked_in"
    assert desk.last_result.method == "manual"
    qtbot.waitUntil(lambda: desk.search_table.item(0, 2).text().startswith("Hadir"))
    assert desk.scanner.hasFocus()
    present(qtbot, desk, 1)
    assert recent_check_ins(event_id)[0].method == "manual"

    desk.search_edit.clear()
    qtbot.keyClicks(desk.search_edit, "DÉWI")  # accents and case do not matter
    qtbot.keyClick(desk.search_edit, Qt.Key.Key_Return)  # a single match: Enter checks it in
    assert desk.banner.name_label.text() == "Dewi Lestari"
    present(qtbot, desk, 2)


def test_arrow_keys_pick_a_search_result_and_enter_checks_it_in(qtbot, desk, event_id):
    desk.focus_search()
    qtbot.keyClicks(desk.search_edit, "dinas")
    qtbot.waitUntil(lambda: desk.search_table.rowCount() == 2)
    qtbot.keyClick(desk.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(desk.search_edit, Qt.Key.Key_Down)
    chosen = desk.search_table.item(1, 0).text()
    qtbot.keyClick(desk.search_edit, Qt.Key.Key_Return)
    assert desk.banner.status == "checked_in" and desk.banner.name_label.text() == chosen
    assert desk.last_result.method == "manual"


def test_clicking_lists_and_buttons_leaves_the_keyboard_with_the_scanner(qtbot, desk, event_id):
    for widget in (desk.recent_view, desk.search_table, desk.undo_button, desk.kiosk_button):
        qtbot.mouseClick(widget.viewport() if hasattr(widget, "viewport") else widget, Qt.MouseButton.LeftButton)
        if desk.kiosk is not None:
            desk.kiosk.close()
    qtbot.waitUntil(desk.scanner.hasFocus)
    scan(qtbot, desk, "3306124507900001")
    assert desk.banner.status == "checked_in"


def test_peserta_tab_shows_desk_check_ins_when_reopened(qtbot, desk, window, event_id):
    scan(qtbot, desk, "19900101 201503 2 002")
    page = window.event_page
    page.tabs.setCurrentWidget(page.participants)
    qtbot.waitUntil(lambda: not page.participants.busy)
    model = page.participants.model
    present_by_name = {
        model.data(model.index(row, COL_NAME)): model.data(model.index(row, COL_PRESENT))
        for row in range(model.rowCount())
    }
    assert present_by_name["Siti Aminah, S.Pd."]  # the time of the desk's check-in
    assert not present_by_name["Drs. H. Budi Santoso, M.Si."]


def test_desk_name_and_operator_are_set_with_ubah(qtbot, db, event_id):
    window = MainWindow(db)  # the real actor: QSettings desk/name and desk/operator
    qtbot.addWidget(window)
    window.show()
    window.open_event(event_id)
    window.open_desk()
    desk = window.event_page.desk

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "operator"):
            QTimer.singleShot(10, fill)
            return
        dialog.desk.setText("  Meja   7 ")
        dialog.operator.setText("Wati")
        assert not dialog.sounds.isChecked()  # the test module turned sounds off
        dialog.sounds.setChecked(True)
        dialog.save()

    QTimer.singleShot(0, fill)
    desk.identity_button.click()
    assert "Meja 7" in desk.identity_label.text() and "Wati" in desk.identity_label.text()
    assert sounds_enabled()
    QSettings().setValue("desk/sounds", False)
    scan(qtbot, desk, "3306124507900001")
    first = recent_check_ins(event_id)[0]
    assert (first.desk, first.operator) == ("Meja 7", "Wati")
    desk.shutdown()
    qtbot.waitUntil(lambda: not desk.busy)


def test_a_scan_into_the_search_box_still_checks_in(qtbot, desk, event_id):
    desk.focus_search()
    qtbot.keyClicks(desk.search_edit, qr_payload.payload_for(registration_id(event_id, "Siti Aminah")))
    qtbot.keyClick(desk.search_edit, Qt.Key.Key_Return)
    assert desk.banner.status == "checked_in" and "Siti" in desk.banner.name_label.text()
    assert desk.search_edit.text() == ""


def test_walk_in_shows_field_errors_then_checks_in(qtbot, desk, event_id):
    dialog = desk.open_walk_in()
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.isModal()  # the desk goes on beside it
    assert "Dinas Kesehatan" in [dialog.unit_kerja.itemText(i) for i in range(dialog.unit_kerja.count())]
    dialog.name.setText("Joko Widodo")
    dialog.number.setText("12345")
    dialog.save()
    assert dialog.isVisible() and dialog.errors._labels["number"].text()  # an Indonesian message under NIP/NIK
    dialog.number.setText(qr_payload.payload_for(registration_id(event_id, "Siti Aminah")))
    dialog.name.setText(dialog.number.text())  # a scan code is not a name
    dialog.number.setText("")
    dialog.save()
    assert "kode" in dialog.errors._labels["nama"].text()
    assert counters(event_id).registered == 4

    dialog.name.setText("Joko Widodo")
    dialog.number.setText("3306121203850002")
    dialog.unit_kerja.setCurrentText("Dinas Kesehatan")
    dialog.employment_type.setCurrentIndex(dialog.employment_type.findData("NON_ASN"))
    dialog.save()
    qtbot.waitUntil(lambda: desk.view.walk_in_dialog is None)
    result = dialog.checkin_result
    assert result is not None and result.status == "checked_in"
    assert desk.banner.status == "checked_in" and desk.banner.name_label.text() == "Joko Widodo"
    assert "tanpa undangan" in desk.banner.detail_label.text()
    row = next(r for r in list_participants(event_id) if r.nama == "Joko Widodo")
    assert row.source == "walk_in" and row.checked_in_at is not None
    assert (row.nik, row.unit_kerja, row.employment_type) == ("3306121203850002", "Dinas Kesehatan", "NON_ASN")
    assert counters(event_id).registered == 5
    present(qtbot, desk, 1)
    qtbot.waitUntil(desk.scanner.hasFocus)


def test_kiosk_opens_full_screen_scans_and_closes_with_escape(qtbot, desk, window, event_id):
    qtbot.keyClick(desk.scanner, Qt.Key.Key_F5)
    kiosk = desk.kiosk
    assert kiosk is not None
    qtbot.waitUntil(kiosk.isVisible)
    assert kiosk.isFullScreen()
    assert "Sosialisasi Netralitas ASN 2024" in kiosk.windowTitle()
    qtbot.keyClicks(kiosk.scanner, qr_payload.payload_for(registration_id(event_id, "Dewi Lestari")))
    qtbot.keyClick(kiosk.scanner, Qt.Key.Key_Return)
    assert kiosk.banner.status == "checked_in" and kiosk.banner.name_label.text() == "Dewi Lestari"
    assert desk.banner.status == "checked_in"
    qtbot.waitUntil(lambda: kiosk.counters.counters is not None and kiosk.counters.counters.present == 1)
    assert kiosk.view.recent_view.model() is desk.session.recent  # one list, two views
    qtbot.keyClick(kiosk.scanner, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: desk.kiosk is None)
    assert counters(event_id).present == 1


def test_refreshes_are_coalesced(qtbot, desk):
    seen: list = []
    desk.refresher.loaded.connect(lambda loaded: seen.append(loaded[1].counters))
    for _ in range(10):
        desk.refresher.refresh()
    # Idle means nothing is left to load: a refresh asked for while one runs starts the moment it ends.
    qtbot.waitUntil(lambda: not desk.refresher.busy and len(seen) >= 1)
    assert 1 <= len(seen) <= 2  # the running query, then at most one more for all the later asks


def test_tones_are_valid_wav_files(tmp_path):
    import wave

    for status, parts in TONES.items():
        path = write_tone(tmp_path / f"{status}.wav", parts)
        with wave.open(str(path)) as sound:
            assert sound.getnframes() == sum(int(22_050 * seconds) for _, seconds in parts)


def test_camera_codes_take_the_scanner_path(qtbot, desk, event_id):
    if desk.camera_panel is None:
        pytest.skip("camera panel not available on this machine")
    import qrcode

    def card(text: str) -> QImage:
        picture = qrcode.make(text).get_image().convert("RGB").resize((300, 300))
        return QImage(picture.tobytes(), 300, 300, 300 * 3, QImage.Format.Format_RGB888).copy()

    budi = registration_id(event_id, "Budi Santoso")
    desk.camera_panel.feed_image(card(qr_payload.payload_for(budi)))
    qtbot.waitUntil(lambda: desk.banner.status == "checked_in", timeout=10_000)
    assert desk.banner.name_label.text() == "Drs. H. Budi Santoso, M.Si."
    assert recent_check_ins(event_id)[0].method == "qr"
    qtbot.waitUntil(lambda: len(recent(desk)) == 1)
    select_recent(desk, 0)
    answer_input("Kartu dipindai dua kali oleh kamera")
    assert desk.undo_selected() is True
    desk.camera_panel.feed_image(card(qr_payload.payload_for(budi)))  # same card again right away
    qtbot.waitUntil(lambda: desk.banner.status == "checked_in", timeout=10_000)
    present(qtbot, desk, 1)


def test_a_failing_database_is_a_red_banner_not_a_crash(qtbot, desk, event_id, tmp_path):
    from netralitas_desktop.core.models import db as proxy

    proxy.execute_sql(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON attendance BEGIN INSERT INTO tidak_ada VALUES (1); END"
    )  # fails as a database error, like a full disk
    scan(qtbot, desk, "19900101 201503 2 002")
    assert desk.banner.status == "rejected"
    assert "Basis data tidak dapat dipakai" in desk.banner.detail_label.text()
    proxy.execute_sql("DROP TRIGGER refuse")
    scan(qtbot, desk, "19900101 201503 2 002")  # at once: a failure is never taken for a double trigger
    assert desk.banner.status == "checked_in"
