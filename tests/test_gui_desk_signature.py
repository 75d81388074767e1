"""Signing at the desk when the event asks for it: the pad never holds up the next scan.

Real scans into the real desk, real strokes on the pad, real SQLite; the queue is what the
database says (who is checked in without a signature) plus what was just scanned.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.checkin import check_in_registration, counters, recent_check_ins
from netralitas_desktop.core.events import get_event, update_event
from netralitas_desktop.core.signatures import get_signature, has_signature
from netralitas_desktop.gui.desk.recent_model import COL_SIGNED
from netralitas_desktop.gui.desk.tab import DeskTab
from support.desk import ACTOR, OTHER_DESK, desk_event, present, registration_id, scan

BUDI_NIP = "198609262015051001"
SITI_NIP = "199001012015032002"
DEWI_NIP = "200012312024211001"
RINA_NIK = "3306124507900001"
BUDI = "Drs. H. Budi Santoso, M.Si."
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.usefixtures("no_sounds")


@pytest.fixture
def event_id(db) -> int:
    """The desk's event, asking for signatures ."""
    return desk_event(signature_required=True)


def draw(qtbot, pad) -> None:
    """A wavy stroke on the pad, as a mouse would draw it."""
    qtbot.waitExposed(pad)
    points = [QPoint(60 + i * 12, 60 + (20 if i % 2 else -20)) for i in range(15)]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def sign(qtbot, panel) -> None:
    draw(qtbot, panel.pad)
    assert panel.save_button.isEnabled()
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)


def queue_names(desk) -> list[str]:
    return [signer.name for signer in desk.session.signing.queue]


def listed(panel) -> list[str]:
    return [panel.queue_list.item(i).text().split("\n")[0] for i in range(panel.queue_list.count())]


def on_pad(desk) -> str | None:
    return desk.session.signing.signer.name if desk.session.signing.signer is not None else None


def test_scan_puts_the_person_on_the_pad_and_simpan_stores_a_png(qtbot, desk, event_id):
    panel = desk.view.signature_panel
    budi = registration_id(event_id, "Budi Santoso")
    assert panel.isVisible() and panel.hosts_pad
    assert not desk.recent_view.isColumnHidden(COL_SIGNED)

    scan(qtbot, desk, qr_payload.payload_for(budi))
    assert desk.banner.status == "checked_in"
    assert "belum tanda tangan" in desk.banner.detail_label.text()
    assert counters(event_id).present == 1  # recorded before signing
    assert on_pad(desk) == BUDI and panel.name_label.text() == BUDI
    assert desk.scanner.hasFocus()  # the pad takes no keyboard

    sign(qtbot, panel)
    assert has_signature(budi) and get_signature(budi).startswith(PNG_MAGIC)
    assert "tanda tangan tersimpan" in desk.banner.detail_label.text()
    assert on_pad(desk) is None and queue_names(desk) == []
    model = desk.session.recent
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.data(model.index(0, COL_SIGNED)) == "✓")
    assert desk.scanner.hasFocus()

    scan(qtbot, desk, BUDI_NIP)  # amber and already signed: nothing to ask
    assert desk.banner.status == "already"
    assert on_pad(desk) is None


def test_the_next_scan_while_someone_signs_is_recorded_at_once_and_waits_its_turn(qtbot, desk, event_id):
    panel = desk.view.signature_panel
    scan(qtbot, desk, BUDI_NIP)
    draw(qtbot, panel.pad)  # Budi has started signing
    scan(qtbot, desk, SITI_NIP)
    assert desk.banner.status == "checked_in" and "Siti" in desk.banner.name_label.text()
    assert counters(event_id).present == 2
    assert on_pad(desk) == BUDI  # his signature is not thrown away
    assert queue_names(desk) == ["Siti Aminah, S.Pd.", BUDI]
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert has_signature(registration_id(event_id, "Budi Santoso"))
    assert on_pad(desk) == "Siti Aminah, S.Pd."  # the next in line comes up
    assert listed(panel) == ["Siti Aminah, S.Pd."]


def test_an_interrupted_person_stays_in_the_queue_and_signs_later_from_it(qtbot, desk, event_id):
    panel = desk.view.signature_panel
    scan(qtbot, desk, BUDI_NIP)
    scan(qtbot, desk, SITI_NIP)  # Budi walked off without touching the pad
    scan(qtbot, desk, DEWI_NIP)
    assert counters(event_id).present == 3
    assert on_pad(desk) == "Dewi Lestari"
    assert queue_names(desk) == ["Dewi Lestari", "Siti Aminah, S.Pd.", BUDI]
    assert panel.queue_label.text() == "Belum tanda tangan (3)"

    qtbot.mouseClick(panel.later_button, Qt.MouseButton.LeftButton)  # "Nanti": Dewi signs later
    assert on_pad(desk) == "Siti Aminah, S.Pd." and "Dewi Lestari" in queue_names(desk)
    sign(qtbot, panel)
    assert on_pad(desk) == BUDI

    dewi_item = panel.queue_list.item(listed(panel).index("Dewi Lestari"))  # Dewi comes back
    panel.queue_list.itemClicked.emit(dewi_item)
    assert on_pad(desk) == "Dewi Lestari"
    sign(qtbot, panel)
    assert has_signature(registration_id(event_id, "Dewi Lestari"))
    assert queue_names(desk) == [BUDI]
    assert not has_signature(registration_id(event_id, "Budi Santoso"))


def test_the_queue_comes_back_from_the_database_after_a_restart(qtbot, desk, event_id):
    scan(qtbot, desk, BUDI_NIP)
    check_in_registration(registration_id(event_id, "Rina Wulandari"), actor=OTHER_DESK)  # another desk, unsigned
    desk.shutdown()
    qtbot.waitUntil(lambda: not desk.busy)

    again = DeskTab(event_id, lambda: ACTOR)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: len(again.session.signing.queue) == 2)
    assert [s.name for s in again.session.signing.queue] == ["Rina Wulandari", BUDI]  # newest check-in first
    assert again.session.signing.signer is None  # nobody from earlier is put on the pad uninvited
    again.shutdown()
    qtbot.waitUntil(lambda: not again.busy)


def test_amber_scan_of_an_unsigned_person_joins_the_queue(qtbot, desk, event_id):
    dewi = registration_id(event_id, "Dewi Lestari")
    check_in_registration(dewi, actor=OTHER_DESK, method="manual")  # at another desk, no signature taken
    scan(qtbot, desk, DEWI_NIP)
    assert desk.banner.status == "already" and "belum tanda tangan" in desk.banner.detail_label.text()
    assert on_pad(desk) == "Dewi Lestari"
    sign(qtbot, desk.view.signature_panel)
    assert has_signature(dewi) and counters(event_id).present == 1


def test_the_kiosk_hosts_the_pad_and_gives_it_back(qtbot, desk, event_id):
    desk.open_kiosk()
    kiosk = desk.kiosk
    qtbot.waitUntil(kiosk.isVisible)
    kiosk_panel, tab_panel = kiosk.view.signature_panel, desk.view.signature_panel
    assert kiosk_panel.hosts_pad and not tab_panel.hosts_pad
    assert tab_panel.elsewhere_label.isVisibleTo(tab_panel) and not tab_panel.pad.isVisibleTo(tab_panel)
    qtbot.keyClicks(kiosk.scanner, RINA_NIK)
    qtbot.keyClick(kiosk.scanner, Qt.Key.Key_Return)
    assert kiosk_panel.name_label.text() == "Rina Wulandari" == tab_panel.name_label.text()
    sign(qtbot, kiosk_panel)
    assert has_signature(registration_id(event_id, "Rina Wulandari"))
    assert "tanda tangan tersimpan" in kiosk.banner.detail_label.text()
    kiosk.close()
    qtbot.waitUntil(lambda: desk.kiosk is None)
    assert tab_panel.hosts_pad


def test_a_signature_window_for_a_second_screen_follows_the_queue(qtbot, desk, event_id):
    assert desk.pad_window_button.isVisible()
    window = desk.open_signature_window()
    qtbot.waitUntil(window.isVisible)
    assert window.panel.hosts_pad and not window.panel.queue_list.isVisible()
    scan(qtbot, desk, BUDI_NIP)  # the operator keeps scanning at the desk
    scan(qtbot, desk, SITI_NIP)
    assert window.panel.name_label.text() == "Siti Aminah, S.Pd."
    sign(qtbot, window.panel)
    assert window.panel.name_label.text() == BUDI
    sign(qtbot, window.panel)
    assert window.panel.name_label.text() == "Tidak ada yang sedang menandatangani."
    assert all(has_signature(registration_id(event_id, n)) for n in ("Budi Santoso", "Siti Aminah"))
    window.close()
    qtbot.waitUntil(lambda: desk.signature_window is None)
    assert desk.view.signature_panel.hosts_pad


def test_signing_again_from_the_recent_list_replaces_the_signature(qtbot, desk, event_id):
    panel = desk.view.signature_panel
    scan(qtbot, desk, BUDI_NIP)
    sign(qtbot, panel)
    budi = registration_id(event_id, "Budi Santoso")
    first = get_signature(budi)
    qtbot.waitUntil(lambda: desk.session.recent.rowCount() == 1)
    desk.recent_view.selectRow(0)
    qtbot.mouseClick(desk.sign_button, Qt.MouseButton.LeftButton)
    assert "akan diganti" in panel.name_label.text()
    draw(qtbot, panel.pad)
    draw(qtbot, panel.pad)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert get_signature(budi) != first
    assert [c.registration_id for c in recent_check_ins(event_id)] == [budi]


def test_walk_in_is_queued_to_sign(qtbot, desk, event_id):
    dialog = desk.open_walk_in()
    dialog.name.setText("Joko Widodo")
    dialog.number.setText("3306121203850002")
    dialog.save()
    assert on_pad(desk) == "Joko Widodo"
    sign(qtbot, desk.view.signature_panel)
    assert has_signature(dialog.checkin_result.registration_id)


def test_without_the_setting_nothing_changes(qtbot, window, desk, event_id):
    data = get_event(event_id)
    data.signature_required = False
    update_event(data)
    window.event_page.refresh_header()  # what the main window does after "Ubah…"
    scan(qtbot, desk, BUDI_NIP)
    assert desk.banner.status == "checked_in"
    assert "tanda tangan" not in desk.banner.detail_label.text()
    assert not desk.view.signature_panel.isVisible() and not desk.pad_window_button.isVisible()
    assert desk.recent_view.isColumnHidden(COL_SIGNED) and not desk.sign_button.isVisible()
    assert desk.session.signing.queue == [] and on_pad(desk) is None
    assert desk.scanner.hasFocus()
    present(qtbot, desk, 1)

    data.signature_required = True
    update_event(data)
    window.event_page.refresh_header()
    assert desk.view.signature_panel.isVisible() and not desk.recent_view.isColumnHidden(COL_SIGNED)
    # The latest check-ins and the search share tabs now: only the chosen one shows (the other is
    # not painted underneath it).
    assert desk.recent_view.isVisible() and not desk.search.isVisible()
    qtbot.keyClick(desk.scanner, Qt.Key.Key_F2)
    assert desk.search_edit.hasFocus() and not desk.recent_view.isVisible()
