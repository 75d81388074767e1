"""The desk's session: a truthful banner (ready again after a few seconds, a double trigger said
plainly), undo by person while the list moves, and one state shared by every view."""

from __future__ import annotations

from dataclasses import replace

import pytest

from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.checkin import check_in, counters, recent_check_ins
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.pledges import mandiri_code, returns
from netralitas_desktop.gui.common.result_banner import IDLE
from netralitas_desktop.gui.common.settings import save_scanner_settings, scanner_settings
from netralitas_desktop.gui.desk.recent_model import COL_NAME
from support.desk import ACTOR, OTHER_DESK, desk_event, registration_id
from support.gui import answer_input, answer_message_box
from support.keys import scanner

READY = "SIAP — pindai berikutnya"

pytestmark = pytest.mark.usefixtures("no_sounds")


@pytest.fixture
def event_id(db) -> int:
    return desk_event()


def checkins() -> int:
    return AuditLog.select().where(AuditLog.action == "checkin").count()


def test_a_double_trigger_is_said_plainly_and_recorded_once(qtbot, desk, event_id):
    code = qr_payload.payload_for(registration_id(event_id, "Budi Santoso"))
    scanner(desk.search_edit, code)
    scanner(desk.search_edit, code)  # the scanner fired twice
    assert counters(event_id).present == 1 and checkins() == 1
    assert desk.banner.headline.text() == "TERBACA DUA KALI"
    assert "dicatat satu kali" in desk.banner.detail_label.text()
    assert desk.banner.name_label.text() == "Drs. H. Budi Santoso, M.Si."
    assert desk.banner.status == "already"  # not a second green: nothing new happened

    forged = code[:-1] + ("A" if code[-1] != "A" else "B")
    desk.submit_code(forged)
    desk.submit_code(forged)
    assert desk.banner.status == "rejected" and "tetap ditolak" in desk.banner.detail_label.text()


def test_the_same_code_after_the_window_is_an_ordinary_amber(qtbot, desk, event_id):
    save_scanner_settings(replace(scanner_settings(), repeat_window_s=0.2))
    code = qr_payload.payload_for(registration_id(event_id, "Siti Aminah"))
    desk.submit_code(code)
    qtbot.wait(300)
    desk.submit_code(code)
    assert desk.banner.headline.text() == "SUDAH HADIR" and checkins() == 1


def test_the_banner_returns_to_ready_after_a_few_seconds(qtbot, desk, event_id):
    save_scanner_settings(replace(scanner_settings(), ready_after_s=1))
    assert desk.banner.headline.text() == READY
    desk.submit_code("199001012015032002")
    assert desk.banner.status == "checked_in"
    qtbot.waitUntil(lambda: desk.banner.status == IDLE, timeout=3000)
    assert desk.banner.headline.text() == READY
    assert "Terakhir: Siti Aminah, S.Pd." in desk.banner.detail_label.text()
    desk.submit_code("123")  # refusals too: shown, then ready again
    assert desk.banner.status == "rejected" and desk.banner.headline.text() == "DITOLAK"
    qtbot.waitUntil(lambda: desk.banner.status == IDLE, timeout=3000)


def test_a_returned_ikrar_mandiri_form_scanned_twice_is_received_once(qtbot, desk, event_id):
    code = mandiri_code.encode(event_id, registration_id(event_id, "Dewi Lestari"))
    first = desk.submit_code(code)
    second = desk.submit_code(code)
    assert first.status == returns.ReturnStatus.RECEIVED and second is first
    assert desk.banner.headline.text() == "TERBACA DUA KALI" and counters(event_id).present == 0


def test_undo_targets_the_person_selected_while_new_check_ins_arrive(qtbot, desk, event_id):
    desk.submit_code("198609262015051001")  # Budi
    desk.submit_code("199001012015032002")  # Siti
    model = desk.session.recent
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    budi = registration_id(event_id, "Budi Santoso")
    desk.view.select_registration(budi)
    assert desk.view.selected_registration() == budi
    # More people arrive, here and at another desk: rows are inserted above the selection.
    desk.submit_code("3306124507900001")
    other = add_participant(event_id, PersonData(nama="Agus Salim", nik="3306121203850002"), actor=ACTOR)
    check_in(event_id, "3306121203850002", actor=OTHER_DESK)
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    names = [model.data(model.index(row, COL_NAME)) for row in range(model.rowCount())]
    assert names == ["Agus Salim", "Rina Wulandari", "Siti Aminah, S.Pd.", "Drs. H. Budi Santoso, M.Si."]  # newest 1st
    assert desk.view.selected_registration() == budi  # the selection followed Budi down the list
    answer_input("Salah orang")
    assert desk.view.undo_selected() is True
    assert [c.registration_id for c in recent_check_ins(event_id)].count(budi) == 0
    assert counters(event_id).present == 3 and other in [c.registration_id for c in recent_check_ins(event_id)]


def test_the_kiosk_has_search_walk_in_and_undo(qtbot, desk, event_id):
    from PySide6.QtCore import Qt

    desk.open_kiosk()
    kiosk = desk.kiosk
    qtbot.waitUntil(kiosk.isVisible)
    qtbot.waitUntil(kiosk.isActiveWindow)
    view = kiosk.view
    qtbot.waitUntil(view.scanner.hasFocus)
    qtbot.keyClick(view.scanner, Qt.Key.Key_F2)  # F2 works in the kiosk
    assert view.search.edit.hasFocus()
    qtbot.keyClicks(view.search.edit, "rina")
    qtbot.waitUntil(lambda: view.search.table.rowCount() == 1)
    qtbot.keyClick(view.search.edit, Qt.Key.Key_Return)
    assert kiosk.banner.name_label.text() == "Rina Wulandari" and counters(event_id).present == 1

    qtbot.keyClick(view.scanner, Qt.Key.Key_F3)
    dialog = view.walk_in_dialog
    assert dialog is not None and dialog.isVisible() and dialog.parent() is kiosk
    dialog.name.setText("Joko Widodo")
    dialog.number.setText("3306121203850002")
    dialog.save()
    assert kiosk.banner.name_label.text() == "Joko Widodo" and counters(event_id).present == 2

    qtbot.waitUntil(lambda: view.session.recent.rowCount() == 2)
    view.select_registration(registration_id(event_id, "Rina Wulandari"))
    assert view.undo_button.isEnabled()
    answer_input("Terpindai keliru")
    assert view.undo_selected() is True
    assert counters(event_id).present == 1
    assert desk.banner.status == IDLE and "dibatalkan" in desk.banner.detail_label.text()  # the tab agrees
    kiosk.close()
    qtbot.waitUntil(lambda: desk.kiosk is None)


def test_kiosk_banner_text_is_readable_on_every_colour(qtbot, desk, event_id):
    """WCAG contrast of what is painted: the brightest and darkest pixels of each banner."""
    desk.open_kiosk()
    kiosk = desk.kiosk
    qtbot.waitUntil(kiosk.isVisible)
    banner = kiosk.banner

    def luminance(rgb) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def contrast() -> float:
        label = banner.name_label if banner.name_label.text() else banner.headline
        image = banner.grab(label.geometry()).toImage()  # the banner paints its own colour behind the text
        colours = {image.pixelColor(x, y).getRgb()[:3] for x in range(image.width()) for y in range(image.height())}
        values = sorted(luminance(c) for c in colours)
        return (values[-1] + 0.05) / (values[0] + 0.05)

    for code in ("199001012015032002", "199001012015032002", "123"):
        save_scanner_settings(replace(scanner_settings(), repeat_window_s=0))
        desk.submit_code(code)
        qtbot.wait(50)
        assert contrast() >= 4.5, banner.status
    desk.session.show_ready()
    qtbot.wait(50)
    assert contrast() >= 4.5
    kiosk.close()
    qtbot.waitUntil(lambda: desk.kiosk is None)


def test_netralitas_desk_opens_the_window_at_an_events_desk(qtbot, window, event_id, capsys):
    from netralitas_desktop.cli import main, opens_gui

    assert opens_gui(["desk", "--event", str(event_id), "--kiosk"]) and not opens_gui(["desk-status", "--event", "1"])
    assert main(["desk"]) == 2 and "--event" in capsys.readouterr().err  # said in words, no window
    assert window.open_desk_of(event_id, kiosk=True)
    desk = window.event_page.desk
    assert window.event_page.tabs.currentWidget() is desk
    qtbot.waitUntil(lambda: desk.kiosk is not None and desk.kiosk.isVisible())
    desk.kiosk.close()
    qtbot.waitUntil(lambda: desk.kiosk is None)
    seen = answer_message_box("Tutup")
    assert not window.open_desk_of(event_id + 100)  # a shortcut to an event deleted since
    assert "tidak ditemukan" in seen["text"]
