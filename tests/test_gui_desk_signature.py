"""Signing at the desk when the event asks for it: real scans, real strokes on the pad, real SQLite."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest

from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.checkin import check_in_registration, counters, recent_check_ins
from netralitas_desktop.core.events import EventData, create_event, get_event, update_event
from netralitas_desktop.core.participants import add_participant
from netralitas_desktop.core.signatures import get_signature, has_signature
from netralitas_desktop.gui.desk.signature import SIGNED_COLUMN
from support.desk import ACTOR, OTHER_DESK, PEOPLE, present, registration_id, scan

BUDI_NIP = "198609262015051001"
BUDI = "Drs. H. Budi Santoso, M.Si."
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.usefixtures("no_sounds")


@pytest.fixture
def event_id(db) -> int:
    """The desk's event, asking for signatures (overrides the fixture of test_gui_desk)."""
    event_id = create_event(
        EventData(title="Sosialisasi Netralitas ASN 2024", date=dt.date(2024, 7, 1), signature_required=True)
    )
    for person in PEOPLE:
        add_participant(event_id, person, actor=ACTOR)
    return event_id


def pad_dialog(qtbot, desk):
    qtbot.waitUntil(lambda: desk.signatures.dialog is not None and desk.signatures.dialog.isVisible())
    return desk.signatures.dialog


def sign(qtbot, dialog) -> None:
    """A wavy stroke on the pad, as a mouse would draw it, then "Simpan"."""
    pad = dialog.pad
    qtbot.waitExposed(pad)
    points = [QPoint(120 + i * 12, 100 + (25 if i % 2 else -25)) for i in range(15)]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def cancel(qtbot, dialog) -> None:
    button = next(b for b in dialog.buttons.buttons() if b.text() == "Batal")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def recent_mark(qtbot, desk, expected: str) -> None:
    qtbot.waitUntil(
        lambda: desk.recent_table.rowCount() >= 1 and desk.recent_table.item(0, SIGNED_COLUMN).text() == expected
    )


def test_scan_opens_the_pad_and_simpan_stores_a_png(qtbot, desk, event_id):
    budi = registration_id(event_id, "Budi Santoso")
    assert desk.sign_button.isVisible()
    assert not desk.recent_table.isColumnHidden(SIGNED_COLUMN)
    assert desk.recent_table.horizontalHeaderItem(SIGNED_COLUMN).text() == "TTD"

    scan(qtbot, desk, qr_payload.payload_for(budi))
    assert desk.banner.status == "checked_in"
    dialog = pad_dialog(qtbot, desk)
    assert dialog.name_label.text() == BUDI
    assert counters(event_id).present == 1  # recorded before signing

    sign(qtbot, dialog)
    qtbot.waitUntil(lambda: desk.signatures.dialog is None)
    assert has_signature(budi)
    assert get_signature(budi).startswith(PNG_MAGIC)
    assert "tanda tangan tersimpan" in desk.banner.detail_label.text()
    recent_mark(qtbot, desk, "✓")
    qtbot.waitUntil(desk.scanner.hasFocus)

    scan(qtbot, desk, BUDI_NIP)  # amber, already signed: nothing to ask
    assert desk.banner.status == "already"
    assert desk.signatures.dialog is None


def test_batal_keeps_the_check_in_and_shows_the_signature_missing(qtbot, desk, event_id):
    siti = registration_id(event_id, "Siti Aminah")
    scan(qtbot, desk, "199001012015032002")
    cancel(qtbot, pad_dialog(qtbot, desk))
    qtbot.waitUntil(lambda: desk.signatures.dialog is None)

    assert counters(event_id).present == 1
    assert [item.registration_id for item in recent_check_ins(event_id)] == [siti]
    assert not has_signature(siti)
    assert desk.banner.status == "checked_in"
    assert "belum tanda tangan" in desk.banner.detail_label.text()
    recent_mark(qtbot, desk, "—")
    qtbot.waitUntil(desk.scanner.hasFocus)

    # "Tanda tangan…" on the row captures it later
    desk.recent_table.selectRow(0)
    assert desk.sign_button.isEnabled()
    qtbot.mouseClick(desk.sign_button, Qt.MouseButton.LeftButton)
    dialog = pad_dialog(qtbot, desk)
    assert dialog.name_label.text() == "Siti Aminah, S.Pd."
    sign(qtbot, dialog)
    qtbot.waitUntil(lambda: desk.signatures.dialog is None)
    assert get_signature(siti).startswith(PNG_MAGIC)
    recent_mark(qtbot, desk, "✓")
    qtbot.waitUntil(desk.scanner.hasFocus)


def test_amber_scan_of_an_unsigned_person_offers_the_pad(qtbot, desk, event_id):
    dewi = registration_id(event_id, "Dewi Lestari")
    check_in_registration(dewi, actor=OTHER_DESK, method="manual")  # at another desk, no signature taken
    scan(qtbot, desk, "200012312024211001")
    assert desk.banner.status == "already"
    dialog = pad_dialog(qtbot, desk)
    assert dialog.name_label.text() == "Dewi Lestari"
    sign(qtbot, dialog)
    qtbot.waitUntil(lambda: has_signature(dewi))
    assert counters(event_id).present == 1


def test_manual_check_in_asks_too_and_the_kiosk_hosts_the_pad(qtbot, desk, event_id):
    rina = registration_id(event_id, "Rina Wulandari")
    desk.check_in_person(rina)
    cancel(qtbot, pad_dialog(qtbot, desk))
    qtbot.waitUntil(lambda: desk.signatures.dialog is None)
    assert not has_signature(rina) and counters(event_id).present == 1

    desk.open_kiosk()
    kiosk = desk.kiosk
    qtbot.waitUntil(kiosk.isVisible)
    qtbot.keyClicks(kiosk.scanner, BUDI_NIP)
    qtbot.keyClick(kiosk.scanner, Qt.Key.Key_Return)
    dialog = pad_dialog(qtbot, desk)
    assert dialog.parent() is kiosk
    cancel(qtbot, dialog)
    qtbot.waitUntil(lambda: desk.signatures.dialog is None)
    assert "belum tanda tangan" in kiosk.banner.detail_label.text()
    qtbot.waitUntil(kiosk.scanner.hasFocus)
    kiosk.close()
    qtbot.waitUntil(lambda: desk.kiosk is None)


def test_without_the_setting_nothing_changes(qtbot, desk, event_id):
    data = get_event(event_id)
    data.signature_required = False
    update_event(data)
    budi = registration_id(event_id, "Budi Santoso")
    with qtbot.waitSignal(desk.result_shown) as shown:  # the desk has decided what follows this scan
        scan(qtbot, desk, BUDI_NIP)
    assert shown.args[0].status == desk.banner.status == "checked_in"
    assert desk.signatures.dialog is None
    assert "tanda tangan" not in desk.banner.detail_label.text()
    assert desk.recent_table.isColumnHidden(SIGNED_COLUMN)
    assert not desk.sign_button.isVisible()
    assert desk.scanner.hasFocus()
    assert not has_signature(budi)
    present(qtbot, desk, 1)


def test_walk_in_is_asked_to_sign(qtbot, desk, event_id):
    def fill() -> None:
        dialog = getattr(desk, "walk_in_dialog", None)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, fill)
            return
        dialog.nama.setText("Joko Widodo")
        dialog.nik.setText("3306121203850002")
        dialog.employment_type.setCurrentIndex(dialog.employment_type.findData("NON_ASN"))
        dialog.save()

    QTimer.singleShot(0, fill)
    result = desk.open_walk_in()
    assert result is not None and result.status == "checked_in"
    dialog = pad_dialog(qtbot, desk)
    assert dialog.name_label.text() == "Joko Widodo"
    sign(qtbot, dialog)
    qtbot.waitUntil(lambda: has_signature(result.registration_id))
    qtbot.waitUntil(desk.scanner.hasFocus)


def test_editing_the_event_shows_or_hides_the_ttd_column(qtbot, window, desk, event_id):
    assert not desk.recent_table.isColumnHidden(SIGNED_COLUMN)
    data = get_event(event_id)
    data.signature_required = False
    update_event(data)
    window.event_page.refresh_header()  # what the main window does after "Ubah…"
    assert desk.recent_table.isColumnHidden(SIGNED_COLUMN) and not desk.sign_button.isVisible()
