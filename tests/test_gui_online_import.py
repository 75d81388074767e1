"""The 'Impor kehadiran daring' dialog with the shared sample over the SIASN roster (real files, real SQLite).

Counts on the sample are explained in tests/test_online_import.py: 47 matched, 23 below 60
minutes, 48 ambiguous, 1 unmatched.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import Attendance, Person, Registration
from netralitas_desktop.core.reports.models import OnlineAttendance
from netralitas_desktop.core.roster.importer import import_roster
from netralitas_desktop.gui.common.jobs import wait_all
from netralitas_desktop.gui.dashboard.online_import_dialog import SHOW_ALL, SHOW_REVIEW, OnlineImportDialog
from support.pdf_checks import dark_pixels
from support.widget_images import box, grab, rgb, share_of, text_lines

ACTOR = Actor("Meja Panitia", "Ani")
SAMPLE = "laporan_peserta_daring.csv"


@pytest.fixture
def event_id(db, fixtures_dir) -> int:
    event = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    import_roster(event, fixtures_dir / "siasn_export_sukamakmur.csv")
    return event


@pytest.fixture
def dialog(qtbot, event_id):
    dialog = OnlineImportDialog(event_id, ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    wait_all()


def registration_of(event_id: int, nip: str) -> int:
    return (
        Registration.select(Registration.id)
        .join(Person)
        .where((Registration.event == event_id) & (Person.nip == nip))
        .scalar()
    )


def read(qtbot, dialog, path) -> None:
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=20_000)


def test_preview_review_assign_and_save(qtbot, dialog, event_id, fixtures_dir, tmp_path):
    read(qtbot, dialog, fixtures_dir / SAMPLE)
    summary = dialog.summary_label.text()
    assert "121 baris, 119 peserta rapat" in summary
    assert "<b>47</b> cocok" in summary and "<b>23</b> di bawah batas menit" in summary
    assert "<b>48</b> meragukan" in summary and "<b>1</b> tidak dikenali" in summary
    assert dialog.filter_combo.currentIndex() == SHOW_REVIEW and dialog.table.rowCount() == 49
    assert dialog.minimum_spin.value() == 60

    # "wawan lestari" (72 min) is one of three Wawan Lestari: the one of Kelurahan Sindurjan.
    wawan = dialog.select_participant("wawan lestari")
    assert dialog.candidates.count() == 3
    sindurjan = registration_of(event_id, "197707212000021001")
    row = next(
        i for i in range(dialog.candidates.count()) if dialog.candidates.item(i).data(256) == sindurjan
    )  # Qt.UserRole
    dialog.candidates.setCurrentRow(row)
    dialog.assign_button.click()
    assert wawan.status == "matched" and "<b>48</b> cocok" in dialog.summary_label.text()
    assert dialog.table.rowCount() == 48  # it left the review list

    # "iPhone Sekretariat": nobody to propose; the search finds the secretary by NIP.
    dialog.select_participant("iPhone Sekretariat")
    assert dialog.candidates.count() == 0 and not dialog.assign_button.isEnabled()
    secretary = registration_of(event_id, "198001032023211004")

    def answer() -> None:
        if dialog.picker is None:
            QTimer.singleShot(20, answer)
            return
        dialog.picker.search.edit.setText("19800103 202321 1 004")
        dialog.picker.search.edit.returnPressed.emit()  # a full NIP: looked up and picked at once

    QTimer.singleShot(0, answer)
    dialog.search_button.click()
    iphone = next(p for p in dialog.plan.participants if p.display_name == "iPhone Sekretariat")
    assert iphone.registration_id == secretary and iphone.matched_by == "manual"

    # Lower the minimum on the preview: 57 registrations have 45 minutes or more (see
    # test_online_import.py), plus the Wawan Lestari just assigned (72); the secretary was already in.
    dialog.minimum_spin.setValue(45)
    assert "<b>58</b> cocok" in dialog.summary_label.text()

    results = []
    dialog.applied.connect(results.append)
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=20_000)
    assert results and results[0].created == 58
    assert "58 kehadiran daring dicatat" in dialog.done_label.text()
    assert Attendance.get(Attendance.registration == sindurjan).method == "online"
    assert OnlineAttendance.get(OnlineAttendance.registration == secretary).minutes == 161  # 160 + 1, apart
    image = grab(dialog)
    image.save(tmp_path / "online_import_done.png")  # for a person to look at
    assert dark_pixels(image, box(image, dialog, dialog.done_label)) > 100  # the outcome is on screen


def test_reopening_an_imported_report_says_so_and_keeps_the_review(qtbot, dialog, event_id, fixtures_dir):
    from netralitas_desktop.core.reports.online import import_online

    import_online(event_id, fixtures_dir / SAMPLE, actor=ACTOR)
    read(qtbot, dialog, fixtures_dir / SAMPLE)
    assert "sudah pernah diimpor" in dialog.summary_label.text()
    dialog.filter_combo.setCurrentIndex(SHOW_ALL)
    assert dialog.table.rowCount() == 119
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 2, timeout=20_000)
    assert "tidak ada yang berubah" in dialog.done_label.text()
    assert Attendance.select().count() == 47


def test_a_file_that_is_not_a_report_stays_on_the_first_page(qtbot, dialog, fixtures_dir):
    dialog.load_file(fixtures_dir / "undangan_sosialisasi.xlsx")
    qtbot.waitUntil(lambda: dialog.read_panel.error.isVisible(), timeout=20_000)
    assert "bukan laporan peserta rapat daring" in dialog.read_panel.error.text()
    assert dialog.pages.currentIndex() == 0 and dialog.choose_button.isEnabled()


def test_review_screenshot(qtbot, dialog, fixtures_dir, tmp_path):
    """The review page as the committee sees it: the whole summary, the chosen row highlighted,
    each proposed participant written out."""
    dialog.resize(1200, 700)
    read(qtbot, dialog, fixtures_dir / SAMPLE)
    budi = dialog.select_participant("Budi Hartono")
    summary = dialog.summary_label
    # The layout gives the summary the height of its new text when it next runs: wait for that.
    qtbot.waitUntil(lambda: summary.height() >= summary.sizeHint().height())
    image = grab(dialog)
    image.save(tmp_path / "online_review.png")  # for a person to look at

    region = box(image, dialog, summary)
    lines = text_lines(image, region)
    assert len(lines) == summary.text().count("<br>") + 1  # every line drawn

    table = dialog.table
    chosen = table.currentRow()
    assert table.item(chosen, 1).text() == "Budi Hartono"
    highlight = {
        rgb(table.palette().color(group, QPalette.ColorRole.Highlight).name())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    }

    def row_region(row: int):
        first, last = table.model().index(row, 0), table.model().index(row, table.columnCount() - 1)
        return box(image, dialog, table.viewport(), table.visualRect(first).united(table.visualRect(last)))

    assert share_of(image, row_region(chosen), highlight) > 0.5
    other = (chosen + 1) % table.rowCount()
    assert share_of(image, row_region(other), highlight) == 0

    candidates = dialog.candidates
    assert candidates.count() == len(budi.candidates) >= 2
    for index in range(candidates.count()):
        item = box(image, dialog, candidates.viewport(), candidates.visualItemRect(candidates.item(index)))
        assert len(text_lines(image, item)) == 2, candidates.item(index).text()  # name, then NIP and unit
