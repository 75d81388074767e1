"""The Laporan tab: counts, XLSX / CSV / PDF through core jobs off the GUI thread, cancel."""

from __future__ import annotations

import json

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt

from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.documents import mm
from netralitas_desktop.core.event_settings import PAPER, set_setting
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.gui.reports.tab import ReportsTab
from support.reports import DESK, PEOPLE


@pytest.fixture
def tab(qtbot, report_roster):
    set_setting(report_roster.event_id, PAPER, "F4")
    widget = ReportsTab(report_roster.event_id, lambda: DESK)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: "peserta" in widget.counts_label.text())
    return widget


def finish(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: not tab.busy, timeout=30_000)


def test_counts_and_the_event_paper(tab):
    text = tab.counts_label.text()
    assert text.startswith(
        "Hadir 2 dari 7 peserta (28,6%): 1 di ruangan, 1 daring. Tidak hadir 5: izin 1, sakit 1, "
        "dinas luar 1, tanpa keterangan 2."
    )
    assert "1 pendaftaran dibatalkan tidak dihitung" in text
    assert tab.paper_combo.currentText() == "F4"


def test_export_xlsx_and_csv(qtbot, tab, tmp_path):
    tab.export("xlsx", str(tmp_path / "hadir.xlsx"))
    assert not tab.xlsx_button.isEnabled()
    finish(qtbot, tab)
    assert tab.xlsx_button.isEnabled() and tab.open_button.isVisible()
    assert tab.job_panel.status.text() == f"Tersimpan di {tmp_path / 'hadir.xlsx'} ({len(PEOPLE)} pendaftaran)."
    sheet = openpyxl.load_workbook(tmp_path / "hadir.xlsx")["Daftar Hadir"]
    assert int(sheet.page_setup.paperSize) == 14  # F4 from the paper choice

    tab.export("csv", str(tmp_path / "hadir.csv"))
    finish(qtbot, tab)
    assert (tmp_path / "hadir.csv").read_bytes().startswith(b"\xef\xbb\xbfNo;Nama;")
    entries = [json.loads(e.detail) for e in AuditLog.select().where(AuditLog.action == "export")]
    assert [e["format"] for e in entries] == ["xlsx", "csv"]
    assert {e.desk for e in AuditLog.select().where(AuditLog.action == "export")} == {DESK.desk}


def test_report_pdf_on_a4_with_the_attendance_list(qtbot, tab, tmp_path):
    tab.paper_combo.setCurrentText("A4")
    tab.attendance_list_check.setChecked(True)
    tab.export("pdf", str(tmp_path / "laporan.pdf"))
    finish(qtbot, tab)
    reader = pypdf.PdfReader(tmp_path / "laporan.pdf")
    assert tab.last_result.pages == len(reader.pages) >= 2
    assert f"{len(reader.pages)} halaman" in tab.job_panel.status.text()
    assert (round(float(reader.pages[0].mediabox.width) / mm), round(float(reader.pages[-1].mediabox.height) / mm)) == (
        210,
        297,
    )
    assert "DAFTAR HADIR" in reader.pages[-1].extract_text()


def test_a_failure_is_a_message_and_the_buttons_come_back(qtbot, tab, tmp_path):
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    tab.export("xlsx", str(blocker / "hadir.xlsx"))  # its folder is a file
    finish(qtbot, tab)
    assert tab.xlsx_button.isEnabled() and tab.job_panel.error.isVisible()
    assert "tidak bisa dibuat" in tab.job_panel.error.text()


def test_cancel_leaves_no_file(qtbot, db, tmp_path):
    event_id = create_demo_event(participants=2000)
    widget = ReportsTab(event_id, lambda: DESK)
    qtbot.addWidget(widget)
    target = tmp_path / "besar.xlsx"
    widget.export("xlsx", str(target))
    qtbot.mouseClick(widget.job_panel.cancel_button, Qt.MouseButton.LeftButton)
    finish(qtbot, widget)
    assert widget.job_panel.status.text() == "Dibatalkan; tidak ada berkas yang ditulis."
    assert not target.exists() and widget.xlsx_button.isEnabled()
