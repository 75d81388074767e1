"""The import wizard, driven page by page with the real importer on real files and SQLite."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QWizard

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.participants import list_participants
from netralitas_desktop.gui.main_window import MainWindow

ACTOR = Actor(desk="Meja Uji", operator="penguji")
JOB_TIMEOUT_MS = 120_000  # 2,000 rows on a busy two-core machine

BAD_ROWS_CSV = """Nama,NIP,Unit Kerja
Budi Santoso,198609262015051001,Dinas Kesehatan
Siti Aminah,199001012015131002,Dinas Kesehatan
Bambang Sutejo,1.98001012005011E+17,Kecamatan Sukamaju
,197512312000121003,Kecamatan Sukamaju
Dewi Lestari,12345,Kecamatan Sukamaju
"""


@pytest.fixture
def page(qtbot, db):
    event_id = create_event(EventData(title="Sosialisasi Netralitas", date=dt.date(2024, 7, 1)))
    window = MainWindow(db, actor=lambda: ACTOR)
    qtbot.addWidget(window)
    window.show()
    page = window.open_event(event_id)
    qtbot.waitUntil(lambda: not page.participants.busy)
    return page


def start_wizard(page, path):
    page.participants.import_button.click()
    wizard = page.import_wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.currentPage() is wizard.file_page
    assert not wizard.file_page.isComplete()
    wizard.file_page.path_edit.setText(str(path))
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    return wizard


def wait_for_preview(qtbot, wizard):
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: not preview.runner.busy, timeout=JOB_TIMEOUT_MS)
    return preview


def column(table, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_siasn_export_through_the_wizard(qtbot, page, fixtures_dir):
    wizard = start_wizard(page, fixtures_dir / "siasn_export_sukamakmur.csv")
    preview = wait_for_preview(qtbot, wizard)

    assert preview.isComplete()
    assert preview.plan.counts()["added"] == 2000
    assert "<b>2.000</b> akan ditambah" in preview.counts_label.text()
    assert "baris 1" in preview.header_label.text()
    mapping = dict(zip(column(preview.columns_table, 0), column(preview.columns_table, 1), strict=True))
    assert mapping["NIP / NI PPPK"] == "NIP BARU"
    assert mapping["Unit kerja"] == "UNOR NAMA"
    assert preview.rows_table.rowCount() == 200
    assert set(column(preview.rows_table, 1)) == {"Ditambah"}
    assert list_participants(page.event_id) == []  # the preview writes nothing

    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Impor"
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=JOB_TIMEOUT_MS)
    assert wizard.import_result.added == 2000
    assert "<b>2.000</b> peserta ditambahkan" in wizard.summary_page.summary.text()

    wizard.accept()
    tab = page.participants
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2000, timeout=JOB_TIMEOUT_MS)
    assert tab.count_label.text() == "Menampilkan 2.000 dari 2.000 peserta"
    assert len(list_participants(page.event_id)) == 2000


def test_rejected_rows_are_listed_with_row_numbers_and_reasons(qtbot, page, tmp_path):
    roster = tmp_path / "daftar_hadir.csv"
    roster.write_text(BAD_ROWS_CSV, encoding="utf-8")
    wizard = start_wizard(page, roster)
    preview = wait_for_preview(qtbot, wizard)

    assert preview.tabs.currentWidget() is preview.rejected_table
    assert preview.tabs.tabText(1) == "Ditolak (4)"
    table = preview.rejected_table
    assert column(table, 0) == ["3", "4", "5", "6"]
    assert column(table, 0) == [str(issue.row) for issue in preview.plan.rejected]
    reasons = column(table, 3)
    assert "bulan TMT CPNS (13)" in reasons[0]
    assert "notasi ilmiah" in reasons[1]
    assert reasons[2] == "Nama wajib diisi."
    assert "18 digit" in reasons[3]
    assert column(table, 2)[1] == "1.98001012005011E+17"
    assert "<b>1</b> akan ditambah" in preview.counts_label.text()
    assert "<b>4</b> ditolak" in preview.counts_label.text()

    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary_page, timeout=JOB_TIMEOUT_MS)
    assert "<b>4</b> baris ditolak" in wizard.summary_page.summary.text()
    assert [r.nama for r in list_participants(page.event_id)] == ["Budi Santoso"]


def test_a_file_that_is_not_a_roster_can_be_replaced(qtbot, page, fixtures_dir):
    wizard = start_wizard(page, fixtures_dir / "laporan_peserta_daring.csv")
    preview = wait_for_preview(qtbot, wizard)

    assert not preview.isComplete()
    assert preview.panel.error.isVisible()
    assert "bukan daftar peserta" in preview.panel.error.text()
    assert "Kembali" in preview.panel.error.text()

    wizard.back()
    assert wizard.currentPage() is wizard.file_page
    wizard.file_page.path_edit.setText(str(fixtures_dir / "undangan_sosialisasi.xlsx"))
    wizard.next()
    preview = wait_for_preview(qtbot, wizard)
    assert preview.isComplete()
    assert not preview.panel.error.isVisible()
    counts = preview.plan.counts()
    assert counts["added"] + counts["rejected"] > 0
    assert preview.plan.sheet  # an XLSX names its sheet
    assert "Judul kolom ditemukan di baris" in preview.header_label.text()


def test_cancelling_the_preview_and_the_import(qtbot, page, fixtures_dir):
    wizard = start_wizard(page, fixtures_dir / "siasn_export_sukamakmur.csv")
    wizard.preview_page.panel.cancel_button.click()
    preview = wait_for_preview(qtbot, wizard)
    assert "dibatalkan" in preview.panel.error.text()
    assert not preview.isComplete()

    wizard.back()
    wizard.next()
    preview = wait_for_preview(qtbot, wizard)
    assert preview.isComplete()
    wizard.next()
    apply_page = wizard.apply_page
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()  # only the page's Batal, safely
    apply_page.panel.cancel_button.click()
    qtbot.waitUntil(lambda: apply_page.completed, timeout=JOB_TIMEOUT_MS)
    assert "tidak ada data yang diubah" in apply_page.panel.error.text()
    assert wizard.currentPage() is apply_page and apply_page.isFinalPage()
    assert list_participants(page.event_id) == []
    wizard.accept()
    assert not wizard.imported


def test_rejected_nip_reasons_follow_the_interface_language(qtbot, page, tmp_path, english):
    """The NIP/NIK refusals come from the core as codes: the English interface shows them in English."""
    roster = tmp_path / "daftar_hadir.csv"
    roster.write_text(BAD_ROWS_CSV, encoding="utf-8")
    wizard = start_wizard(page, roster)
    preview = wait_for_preview(qtbot, wizard)

    reasons = column(preview.rejected_table, 3)
    issues = preview.plan.rejected
    assert [issue.refusal is not None for issue in issues] == [True, True, False, True]
    assert "TMT CPNS" in reasons[0] and "bulan" not in reasons[0] and "not valid" in reasons[0]
    assert "scientific notation" in reasons[1]
    assert reasons[2] == issues[2].reason == "Nama wajib diisi."  # not a NIP/NIK refusal: the core's text
    assert "18 digits" in reasons[3]
    # The core's own Indonesian text is kept for the CLI and the files.
    assert "bulan TMT CPNS (13)" in issues[0].reason and "notasi ilmiah" in issues[1].reason
