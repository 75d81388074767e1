"""Printing certificates at 100 % through a QPrinter writing a PDF, with the per-printer offset."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.pdfium import use_pdfium
from netralitas_desktop.gui.certificates.print_offsets import SCALE_REMINDER, CertificatePrintDialog
from netralitas_desktop.gui.common.jobs import wait_all
from netralitas_desktop.gui.common.settings import print_offset
from support.certificates import make_event, populate
from support.pdf_checks import ink_bounds

DPI = 144
PX_PER_MM = DPI / 25.4


@pytest.fixture
def certificates_pdf(db, tmp_path):
    event_id = make_event()
    populate(event_id)
    path = tmp_path / "sertifikat.pdf"
    CertificatesJob(event_id, path, actor=Actor("Meja 1", "uji")).run()
    return path


@pytest.fixture
def dialog(qtbot, certificates_pdf):
    widget = CertificatePrintDialog(certificates_pdf)
    qtbot.addWidget(widget)
    yield widget
    wait_all()


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def print_with(qtbot, dialog: CertificatePrintDialog, path, x_mm: float, y_mm: float, pages=None) -> None:
    dialog.set_printer(pdf_printer(path))
    dialog.x_spin.setValue(x_mm)
    dialog.y_spin.setValue(y_mm)
    handle = dialog.start(pages)
    qtbot.waitUntil(lambda: not handle.running, timeout=60_000)
    assert dialog.panel.error.text() == ""


def ink_box(path) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) in pixels of everything darker than light grey on page 1."""
    with use_pdfium() as pdfium:  # the print dialog's jobs use PDFium on worker threads
        document = pdfium.PdfDocument(str(path))
        image = document[0].render(scale=DPI / 72, grayscale=True).to_pil()
        document.close()
    return ink_bounds(image)


def test_offset_moves_the_printed_page_by_the_millimetres_set(qtbot, dialog, tmp_path, certificates_pdf):
    straight, shifted = tmp_path / "lurus.pdf", tmp_path / "geser.pdf"
    print_with(qtbot, dialog, straight, 0.0, 0.0, pages=[0])
    print_with(qtbot, dialog, shifted, 10.0, 5.0, pages=[0])

    original = PdfReader(certificates_pdf).pages[0].mediabox
    for printed in (straight, shifted):
        page = PdfReader(printed).pages
        assert len(page) == 1
        box = page[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (
            round(float(original.width)),
            round(float(original.height)),
        )
    source = ink_box(certificates_pdf)
    before, after = ink_box(straight), ink_box(shifted)
    assert abs(before[0] - source[0]) <= 2 and abs(before[1] - source[1]) <= 2  # 100 %, in place
    assert abs((before[2] - before[0]) - (source[2] - source[0])) <= 2  # same size: not fitted to the page
    assert after[0] - before[0] == pytest.approx(10 * PX_PER_MM, abs=2)
    assert after[1] - before[1] == pytest.approx(5 * PX_PER_MM, abs=2)


def test_offsets_are_kept_per_printer_and_all_pages_print(qtbot, dialog, tmp_path, certificates_pdf):
    print_with(qtbot, dialog, tmp_path / "semua.pdf", -1.5, 2.0)
    assert len(PdfReader(tmp_path / "semua.pdf").pages) == 7
    assert "7 halaman" in dialog.panel.status.text()
    assert print_offset("PDF") == (-1.5, 2.0)
    assert print_offset("Printer Lain") == (0.0, 0.0)

    again = CertificatePrintDialog(certificates_pdf)
    qtbot.addWidget(again)
    again.set_printer(pdf_printer(tmp_path / "lagi.pdf"))
    assert (again.x_spin.value(), again.y_spin.value()) == (-1.5, 2.0)
    assert SCALE_REMINDER in again.reminder.text()
    assert again.file_label.text().endswith("7 halaman")
