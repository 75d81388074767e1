"""The import wizard's "only update those already on the list" (issue 12): the 2,000-row SIASN
export into a 300-person invitation list adds nobody and updates the 300; into an empty event it
explains what to do. Real wizard, importer, files and SQLite."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QWizard

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import Person
from netralitas_desktop.core.participants import list_participants
from netralitas_desktop.core.roster.importer import import_roster
from netralitas_desktop.gui.main_window import MainWindow

ACTOR = Actor(desk="Meja Uji", operator="penguji")
JOB_TIMEOUT_MS = 120_000


def open_page(qtbot, db, event_id):
    window = MainWindow(db, actor=lambda: ACTOR)
    qtbot.addWidget(window)
    window.show()
    page = window.open_event(event_id)
    qtbot.waitUntil(lambda: not page.participants.busy)
    return page


def preview_of(qtbot, page, path, *, update_only: bool):
    page.participants.import_button.click()
    wizard = page.import_wizard
    assert wizard.file_page.update_only.isVisible() and not wizard.file_page.update_only.isChecked()
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.update_only.setChecked(update_only)
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.preview_page.runner.busy, timeout=JOB_TIMEOUT_MS)
    return wizard


@pytest.fixture
def invitation_list(db, fixtures_dir) -> int:
    event_id = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    assert import_roster(event_id, fixtures_dir / "undangan_sosialisasi.xlsx", actor=ACTOR).added == 300
    return event_id


def test_siasn_export_updates_the_invitation_list_and_adds_nobody(qtbot, db, invitation_list, fixtures_dir):
    page = open_page(qtbot, db, invitation_list)
    wizard = preview_of(qtbot, page, fixtures_dir / "siasn_export_sukamakmur.csv", update_only=True)
    preview = wizard.preview_page
    assert preview.isComplete()
    assert preview.counts_label.text() == (
        "<b>0</b> akan ditambah · <b>300</b> diperbarui · <b>0</b> tidak berubah · <b>0</b> ditolak"
        " · <b>1.700</b> tidak ada di daftar kegiatan (tidak ditambahkan)"
    )
    assert preview.rows_table.rowCount() == 200 and preview.tabs.tabText(0) == "Baris (200 pertama)"

    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Impor"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=JOB_TIMEOUT_MS)
    result = wizard.import_result
    assert (result.added, result.updated, result.outside) == (0, 300, 1700)
    summary = wizard.summary_page.summary.text()
    assert "<b>0</b> peserta ditambahkan" in summary and "<b>300</b> data pegawai diperbarui" in summary
    assert "<b>1.700</b> orang di berkas tidak ada di daftar kegiatan dan tidak ditambahkan" in summary
    wizard.accept()
    rows = list_participants(invitation_list)
    assert len(rows) == 300 and Person.select().count() == 300
    assert all(row.phone for row in rows)  # the SIASN export's phone numbers reached the invitees
    tab = page.participants
    qtbot.waitUntil(lambda: tab.model.rowCount() == 300, timeout=JOB_TIMEOUT_MS)


def test_into_an_event_without_participants_it_says_what_to_do(qtbot, db, fixtures_dir):
    event_id = create_event(EventData(title="Kosong", date=dt.date(2024, 7, 1)))
    page = open_page(qtbot, db, event_id)
    wizard = preview_of(qtbot, page, fixtures_dir / "undangan_sosialisasi.xlsx", update_only=True)
    preview = wizard.preview_page
    assert not preview.isComplete()
    assert preview.panel.error.text().startswith(
        "Tidak ada orang dalam berkas ini yang sudah terdaftar di kegiatan ini. Klik Kembali"
    )
    wizard.back()
    wizard.file_page.update_only.setChecked(False)
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.preview_page.runner.busy, timeout=JOB_TIMEOUT_MS)
    assert wizard.preview_page.plan.counts()["added"] == 300
    wizard.reject()
