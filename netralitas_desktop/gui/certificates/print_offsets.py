"""Printing certificate PDFs at 100 %, with a per-printer X/Y offset for pre-printed paper.

Offices print certificates on paper with a frame printed beforehand; every printer feeds
a little differently, so each printer keeps its own shift in millimetres (QSettings, by
printer name). Pages are drawn from the paper's corner (full page, no margins) at their
true size — never "fit to page", which would shrink them off the frame.

Each page is rasterised by PDFium at up to ``MAX_DPI`` and painted onto the ``QPrinter``
on a worker thread (Qt allows painting on a QPrinter outside the GUI thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import OTHER_FAILURE, UserError
from ...core.jobs import Job
from ..common.jobs import BackgroundWork, JobHandle, JobRunner
from ..common.pdf_pages import page_count, page_size_pt, render_page
from ..common.settings import print_offset, save_print_offset
from ..common.widgets import JobPanel, number

MAX_DPI = 300
OFFSET_LIMIT_MM = 30.0
SCALE_REMINDER = QT_TRANSLATE_NOOP("CertificatePrintDialog", "Skala 100%, jangan 'Fit to page'")


def scale_reminder() -> str:
    """``SCALE_REMINDER`` in the UI language."""
    return QCoreApplication.translate("CertificatePrintDialog", SCALE_REMINDER)


def printer_key(printer: QPrinter) -> str:
    """The name offsets are kept under: the printer's name, or the output file's kind."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return "PDF"
    return printer.printerName() or "default"


def prepare_printer(printer: QPrinter, pdf: bytes) -> None:
    """Paper size and orientation of the PDF's first page, drawn from the paper's corner."""
    width, height = page_size_pt(pdf)
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    size = QPageSize(
        QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))


class PrintJob(Job[int]):
    """Paint pages of a PDF onto a prepared ``QPrinter`` at 100 %, shifted by the offset."""

    title = "Mencetak"

    def __init__(
        self, pdf: bytes, printer: QPrinter, offset_mm: tuple[float, float], pages: list[int] | None = None
    ) -> None:
        super().__init__()
        self.pdf, self.printer, self.offset_mm = pdf, printer, offset_mm
        self.pages = pages

    def run(self) -> int:
        indexes = self.pages if self.pages is not None else list(range(page_count(self.pdf)))
        dpi = min(MAX_DPI, self.printer.resolution())
        device_per_mm = self.printer.resolution() / 25.4
        painter = QPainter()
        if not painter.begin(self.printer):
            raise UserError(
                QCoreApplication.translate(
                    "PrintJob", "Printer tidak bisa dipakai; periksa apakah printer menyala dan terhubung."
                ),
                exit_code=OTHER_FAILURE,
            )
        try:
            for done, index in enumerate(indexes):
                self.check_cancelled()
                if done:
                    self.printer.newPage()
                width_pt, height_pt = page_size_pt(self.pdf, index)
                image = render_page(self.pdf, index, dpi)
                target = QRectF(
                    self.offset_mm[0] * device_per_mm,
                    self.offset_mm[1] * device_per_mm,
                    width_pt / 72 * 25.4 * device_per_mm,
                    height_pt / 72 * 25.4 * device_per_mm,
                )
                painter.drawImage(target, image)
                page_text = QCoreApplication.translate("PrintJob", "Halaman {0} dari {1}")
                self.report(done + 1, len(indexes), page_text.format(done + 1, len(indexes)))
        finally:
            painter.end()
        return len(indexes)


class CertificatePrintDialog(QDialog, BackgroundWork):
    """Choose a printer, set its offset, print one page to test the position, then all."""

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cetak sertifikat"))
        self.pdf_path = Path(pdf_path)
        self.pdf = self.pdf_path.read_bytes()
        self.pages = page_count(self.pdf)
        self.printer = QPrinter(QPrinterInfo.defaultPrinter(), QPrinter.PrinterMode.HighResolution)

        self.file_label = QLabel(self.tr("{0} — {1} halaman").format(self.pdf_path.name, number(self.pages)))
        self.printer_label = QLabel()
        self.choose_button = QPushButton(self.tr("Pilih printer…"))
        self.choose_button.clicked.connect(self.choose_printer)
        self.x_spin, self.y_spin = self._offset_box(), self._offset_box()
        self.x_spin.setToolTip(self.tr("Positif: geser ke kanan; negatif: ke kiri."))
        self.y_spin.setToolTip(self.tr("Positif: geser ke bawah; negatif: ke atas."))
        self.reminder = QLabel(
            self.tr(
                "Di jendela printer pilih <b>{0}</b>. Kertas yang sudah bercetak bingkai: "
                "cetak satu halaman uji, lalu atur geseran sampai pas."
            ).format(scale_reminder())
        )
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("background: #fff8e1; border: 1px solid #f9a825; padding: 6px;")
        self.test_button = QPushButton(self.tr("Cetak halaman 1 (uji posisi)"))
        self.test_button.clicked.connect(lambda: self.start([0]))
        self.print_button = QPushButton(self.tr("Cetak semua"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: self.start(None))
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.clicked.connect(self.reject)
        self.panel = JobPanel()
        self.panel.stop()
        self.runner = JobRunner(self, self.panel, controls=[self.test_button, self.print_button, self.choose_button])

        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer_label, 1)
        printer_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("Berkas"), self.file_label)
        form.addRow(self.tr("Printer"), printer_row)
        form.addRow(self.tr("Geser mendatar (X)"), self.x_spin)
        form.addRow(self.tr("Geser tegak (Y)"), self.y_spin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.reminder)
        layout.addWidget(self.panel)
        layout.addLayout(buttons)
        self._printer_changed()
        self.x_spin.valueChanged.connect(self._offset_changed)
        self.y_spin.valueChanged.connect(self._offset_changed)

    @staticmethod
    def _offset_box() -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(-OFFSET_LIMIT_MM, OFFSET_LIMIT_MM)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setSuffix(" mm")
        return box

    def set_printer(self, printer: QPrinter) -> None:
        """Print to ``printer`` (a real one, or a PDF file in tests) with its own offset."""
        self.printer = printer
        self._printer_changed()

    def choose_printer(self) -> None:
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(self.tr("Pilih printer — {0}").format(scale_reminder()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._printer_changed()

    def _printer_changed(self) -> None:
        name = printer_key(self.printer)
        self.printer_label.setText(self.tr("Berkas PDF") if name == "PDF" else name)
        x_mm, y_mm = print_offset(name)
        for spin, value in ((self.x_spin, x_mm), (self.y_spin, y_mm)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)

    def _offset_changed(self) -> None:
        save_print_offset(printer_key(self.printer), self.x_spin.value(), self.y_spin.value())

    def start(self, pages: list[int] | None) -> JobHandle | None:
        if self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and not self.printer.outputFileName():
            self.choose_printer()  # no printer installed yet: let the user pick one, or a PDF file
            if self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and not self.printer.outputFileName():
                self.panel.stop(error=self.tr("Belum ada printer yang dipilih."))
                return None
        prepare_printer(self.printer, self.pdf)
        return self.runner.start(
            PrintJob(self.pdf, self.printer, (self.x_spin.value(), self.y_spin.value()), pages),
            self.tr("Mengirim halaman ke printer…"),
            done=lambda count: self.tr("{0} halaman dikirim ke printer.").format(number(count)),
            failed=lambda message: self.panel.stop(error=self.tr("Gagal mencetak: {0}").format(message)),
            cancelled=self.tr("Pencetakan dibatalkan."),
        )

    def cancel(self) -> None:
        self.runner.cancel()

    def reject(self) -> None:
        self.cancel()
        super().reject()


__all__ = [
    "SCALE_REMINDER",
    "CertificatePrintDialog",
    "PrintJob",
    "prepare_printer",
    "printer_key",
    "scale_reminder",
]
