"""The Ikrar Mandiri view: scans typed by qtbot into the real widget over real SQLite, lists, undo, forms PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt

from netralitas_desktop.core import checkin, qr_payload
from netralitas_desktop.core.pledges import mandiri_code, returns
from netralitas_desktop.core.pledges.ikrar_mandiri import Audience
from netralitas_desktop.gui.common.result_banner import COLOURS, IDLE, ResultBanner
from netralitas_desktop.gui.common.return_banner import show_return
from netralitas_desktop.gui.ikrar_mandiri.tab import IkrarMandiriTab
from support.gui import answer_input, answer_message_box
from support.ikrar_mandiri import DESK, Roster, make_roster

pytestmark = pytest.mark.usefixtures("no_sounds")


@pytest.fixture
def roster(db) -> Roster:
    return make_roster()


@pytest.fixture
def tab(qtbot, roster):
    tab = IkrarMandiriTab(roster.event_id, lambda: DESK)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.snapshot is not None)
    yield tab
    tab.shutdown()
    qtbot.waitUntil(lambda: not tab.busy)  # no background work may outlive the test's database


def scan(qtbot, tab: IkrarMandiriTab, text: str) -> returns.ReturnResult:
    seen = []
    tab.result_shown.connect(seen.append)
    qtbot.keyClicks(tab.scanner, text)
    qtbot.keyClick(tab.scanner, Qt.Key.Key_Return)
    tab.result_shown.disconnect(seen.append)
    return seen[-1]


def settle(qtbot, tab: IkrarMandiriTab) -> None:
    qtbot.waitUntil(lambda: not tab.live.busy)


def table_names(table, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_lists_and_counters_show_who_owes(tab):
    assert tab.required_label.text() == "Wajib: 2"
    assert (tab.returned_label.text(), tab.owed_label.text()) == ("Sudah kembali: 0", "Belum: 2")
    assert table_names(tab.owed_table, 0) == ["Sari Dewanti", "Drs. Budi Santoso, M.Si."]
    assert table_names(tab.owed_table, 2) == ["Izin", "Tidak Hadir"]
    assert tab.lists.tabText(0) == "Belum kembali (2)"
    assert tab.returned_table.rowCount() == 0
    # Ani (in the room) and Dewi (online) attended without signing: their own list, not "Wajib".
    assert tab.unsigned_label.text() == "Hadir belum tanda tangan: 2"
    assert tab.lists.tabText(2) == "Hadir, belum tanda tangan (2)"
    assert table_names(tab.unsigned_table, 0) == ["Ani Lestari", "Dewi Kartika"]
    assert table_names(tab.unsigned_table, 2) == ["Hadir", "Daring"]


def test_a_form_from_someone_who_attended_unsigned_is_received(qtbot, tab, roster):
    received = scan(qtbot, tab, mandiri_code.code_for(roster.ani))
    assert received.status == returns.ReturnStatus.RECEIVED
    qtbot.waitUntil(lambda: tab.unsigned_label.text() == "Hadir belum tanda tangan: 1")
    settle(qtbot, tab)
    tab.lists.setCurrentIndex(2)
    tab.unsigned_table.selectRow(0)
    assert tab.unsigned_manual_button.isEnabled()
    qtbot.mouseClick(tab.unsigned_manual_button, Qt.MouseButton.LeftButton)
    assert tab.last_result.status == returns.ReturnStatus.RECEIVED and tab.last_result.registration_id == roster.dewi
    qtbot.waitUntil(lambda: tab.unsigned_table.rowCount() == 0)
    assert tab.owed_label.text() == "Belum: 2"  # the absent still owe theirs


def test_scan_green_then_amber_and_wrong_codes_red(qtbot, tab, roster):
    code = mandiri_code.code_for(roster.budi)
    first = scan(qtbot, tab, code)
    assert first.status == returns.ReturnStatus.RECEIVED
    assert tab.banner.status == checkin.CheckinStatus.CHECKED_IN  # green
    assert (tab.banner.headline.text(), tab.banner.name_label.text()) == ("DITERIMA", "Drs. Budi Santoso, M.Si.")
    assert tab.scanner.text() == "" and tab.scanner.hasFocus()
    qtbot.waitUntil(lambda: tab.returned_label.text() == "Sudah kembali: 1")
    settle(qtbot, tab)
    assert tab.owed_label.text() == "Belum: 1"
    assert table_names(tab.returned_table, 1) == ["Drs. Budi Santoso, M.Si."]
    assert table_names(tab.returned_table, 4) == ["Meja Ikrar · Rina"]

    again = scan(qtbot, tab, code.lower())
    assert again.status == returns.ReturnStatus.ALREADY and tab.banner.status == checkin.CheckinStatus.ALREADY
    assert tab.banner.headline.text() == "SUDAH DITERIMA"
    assert "Sudah diterima pada" in tab.banner.detail_label.text()

    for text, words in (
        (qr_payload.payload_for(roster.sari), "kode QR undangan"),
        (mandiri_code.code_for(roster.other), "kegiatan lain"),
        (mandiri_code.code_for(roster.joko), "sudah menandatangani ikrar di meja"),
    ):
        refused = scan(qtbot, tab, text)
        assert refused.status == returns.ReturnStatus.REJECTED and tab.banner.status == checkin.CheckinStatus.REJECTED
        assert tab.banner.headline.text() == "DITOLAK" and words in tab.banner.detail_label.text()
    settle(qtbot, tab)
    assert tab.owed_label.text() == "Belum: 1"


def test_a_chosen_photo_goes_with_the_next_scan_and_a_bad_file_is_a_message(qtbot, tab, roster, tmp_path):
    text_file = tmp_path / "catatan.txt"
    text_file.write_text("bukan gambar")
    seen = answer_message_box("Tutup")
    handle = tab.load_attachment_file(str(text_file), tab.set_pending_attachment)
    qtbot.waitUntil(lambda: not handle.running)
    qtbot.waitUntil(lambda: "text" in seen)
    assert "bukan foto atau pindaian" in seen["text"]
    assert tab.pending_attachment is None and "tidak ada" in tab.attachment_label.text()

    photo = tmp_path / "formulir budi.jpg"
    Image.new("RGB", (1200, 1700), "white").save(photo, "JPEG")
    handle = tab.load_attachment_file(str(photo), tab.set_pending_attachment)
    qtbot.waitUntil(lambda: tab.pending_attachment is not None)
    assert "formulir budi.jpg" in tab.attachment_label.text() and tab.clear_attachment_button.isVisibleTo(tab)

    # A refused scan keeps the photo for the right form.
    assert scan(qtbot, tab, "NTM1" + "0" * 23).status == returns.ReturnStatus.REJECTED
    assert tab.pending_attachment is not None
    result = scan(qtbot, tab, mandiri_code.code_for(roster.budi))
    assert result.attachment_name == "formulir budi.jpg" and "dengan lampiran" in tab.banner.detail_label.text()
    assert tab.pending_attachment is None
    assert returns.get_attachment(roster.budi).data == photo.read_bytes()
    # Another photo scanned with the same form is not lost silently: it stays for the next form.
    handle = tab.load_attachment_file(str(photo), tab.set_pending_attachment)
    qtbot.waitUntil(lambda: tab.pending_attachment is not None)
    again = scan(qtbot, tab, mandiri_code.code_for(roster.budi))
    assert again.status == returns.ReturnStatus.ALREADY and "tidak disimpan" in tab.banner.detail_label.text()
    assert tab.pending_attachment is not None
    settle(qtbot, tab)
    assert table_names(tab.returned_table, 5) == ["\u2713"]
    tab.returned_table.selectRow(0)
    assert tab.open_attachment_button.isEnabled()
    written = tab.attachment_file(roster.budi)
    assert written.name == "formulir budi.jpg" and written.read_bytes() == photo.read_bytes()


def test_filter_manual_receipt_and_undo(qtbot, tab, roster):
    qtbot.keyClicks(tab.filter_edit, "sari")
    assert table_names(tab.owed_table, 0) == ["Sari Dewanti"]
    tab.filter_edit.clear()
    qtbot.keyClicks(tab.filter_edit, "1986 0926")  # NIP as printed
    assert table_names(tab.owed_table, 0) == ["Drs. Budi Santoso, M.Si."]
    tab.filter_edit.clear()

    assert not tab.manual_button.isEnabled()
    tab.owed_table.selectRow(0)
    qtbot.mouseClick(tab.manual_button, Qt.MouseButton.LeftButton)
    assert tab.last_result.status == returns.ReturnStatus.RECEIVED and tab.last_result.method == "manual"
    assert tab.last_result.registration_id == roster.sari
    qtbot.waitUntil(lambda: tab.returned_table.rowCount() == 1)
    settle(qtbot, tab)

    tab.lists.setCurrentIndex(1)
    tab.returned_table.selectRow(0)
    assert tab.undo_button.isEnabled() and not tab.open_attachment_button.isEnabled()

    answer_input("Formulir tertukar")
    assert tab.undo_selected()
    assert tab.banner.status == IDLE and "Sari Dewanti" in tab.banner.detail_label.text()
    qtbot.waitUntil(lambda: tab.owed_label.text() == "Belum: 2")
    assert returns.overview(roster.event_id).counts()["returned"] == 0

    seen = answer_message_box("Tutup")
    assert not tab.undo(roster.sari, "lagi", "Sari Dewanti")  # nothing left to undo
    assert "belum tercatat diterima" in seen["text"]


def test_forms_pdf_with_progress_then_a_message_when_nobody_owes(qtbot, tab, roster, tmp_path):
    forms = tab.forms
    target = tmp_path / "forms" / "ikrar.pdf"
    handle = forms.make_forms(str(target))
    assert not forms.forms_button.isEnabled() and forms.job_panel.cancel_button.isVisibleTo(tab)
    qtbot.waitUntil(lambda: not handle.running, timeout=30_000)
    assert forms.forms_button.isEnabled() and forms.open_pdf_button.isVisibleTo(tab)
    assert forms.job_panel.status.text() == f"2 formulir tersimpan di {target}"
    assert not forms.job_panel.cancel_button.isVisibleTo(tab)
    assert len(PdfReader(target).pages) == 2

    for registration_id in (roster.budi, roster.sari):
        returns.receive_registration(registration_id, DESK)
    handle = forms.make_forms(str(tmp_path / "kosong.pdf"))
    qtbot.waitUntil(lambda: not handle.running, timeout=30_000)
    assert "Tidak ada peserta yang wajib ikrar mandiri" in forms.job_panel.error.text()
    assert not Path(tmp_path / "kosong.pdf").exists()

    forms.audience.setCurrentIndex(forms.audience.findData(Audience.PRESENT_UNSIGNED))
    handle = forms.make_forms(str(tmp_path / "hadir.pdf"))
    qtbot.waitUntil(lambda: not handle.running, timeout=30_000)
    assert forms.job_panel.status.text() == f"2 formulir tersimpan di {tmp_path / 'hadir.pdf'}"


def test_the_desk_banner_can_show_a_receipt(qtbot, roster):
    banner = ResultBanner()
    qtbot.addWidget(banner)
    result = returns.receive_by_code(roster.event_id, mandiri_code.code_for(roster.budi), DESK)
    show_return(banner, result)
    assert banner.status == checkin.CheckinStatus.CHECKED_IN and banner.headline.text() == "DITERIMA"
    assert COLOURS[banner.status][0] in banner.styleSheet()
    banner.show_note("catatan")
    assert banner.detail_label.text().endswith(" · catatan")


def test_cancel_button_stops_the_forms_and_writes_nothing(qtbot, tab, tmp_path):
    import threading

    from PySide6.QtCore import QRunnable, QThreadPool

    class Gate(QRunnable):
        """Holds the pool's only thread, so the forms job waits in the queue until the test has clicked."""

        def __init__(self) -> None:
            super().__init__()
            self.open = threading.Event()

        def run(self) -> None:
            self.open.wait(10)

    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(1)
    gate = Gate()
    try:
        pool.start(gate)
        target = tmp_path / "out" / "batal.pdf"
        handle = tab.forms.make_forms(str(target))
        qtbot.mouseClick(tab.forms.job_panel.cancel_button, Qt.MouseButton.LeftButton)
        gate.open.set()
        qtbot.waitUntil(lambda: not handle.running, timeout=30_000)
    finally:
        gate.open.set()
        pool.setMaxThreadCount(threads)
    assert tab.forms.job_panel.status.text() == "Dibatalkan; tidak ada berkas yang ditulis."
    assert tab.forms.forms_button.isEnabled()
    assert not target.exists() and not any(target.parent.iterdir())


def test_check_in_desk_receives_a_scanned_ikrar_mandiri_form_and_never_checks_in(qtbot, tmp_path):
    """The desk's scanner field routes an NTM1 code to the receipt, with the receipt's banner."""
    import datetime as dt
    from dataclasses import replace

    from netralitas_desktop.core import database
    from netralitas_desktop.core.audit import Actor
    from netralitas_desktop.core.events import EventData, create_event
    from netralitas_desktop.core.models import Attendance
    from netralitas_desktop.core.participants import PersonData, add_participant
    from netralitas_desktop.core.pledges import mandiri_code, returns
    from netralitas_desktop.gui.common.registration_search import looks_like_code
    from netralitas_desktop.gui.common.settings import save_scanner_settings, scanner_settings
    from netralitas_desktop.gui.desk.tab import DeskTab

    database.open_database(f"sqlite:///{tmp_path / 'meja.db'}")
    try:
        actor = Actor("Meja 1", "Uji")
        event_id = create_event(EventData(title="Sosialisasi", date=dt.date(2024, 7, 1)))
        reg = add_participant(
            event_id, PersonData(nip="198609262015051001", nama="Budi Santoso", unit_kerja="Dinas Kominfo"), actor=actor
        )
        code = mandiri_code.encode(event_id, reg)
        assert looks_like_code(code)
        desk = DeskTab(event_id, lambda: actor)
        qtbot.addWidget(desk)
        received = []
        desk.form_received.connect(received.append)
        assert desk.submit_code(code).status == returns.ReturnStatus.RECEIVED
        assert [r.status for r in received] == [returns.ReturnStatus.RECEIVED]
        assert "DITERIMA" in desk.banner.headline.text() and "Budi Santoso" in desk.banner.name_label.text()
        desk.submit_code(code)  # at once: a double trigger, said so and not received again
        assert len(received) == 1 and desk.banner.headline.text() == "TERBACA DUA KALI"
        save_scanner_settings(replace(scanner_settings(), repeat_window_s=0))
        desk.submit_code(code)  # handed in again later
        assert received[-1].status == returns.ReturnStatus.ALREADY
        assert Attendance.select().count() == 0  # a returned form is not a check-in
        desk.shutdown()
    finally:
        database.close_database()
