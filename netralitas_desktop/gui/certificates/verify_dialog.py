"""Check a certificate: scan its QR code (a USB scanner types it and presses Enter) or choose
its PDF or a photo; the answer is shown big — ASLI, TIDAK SAH, DICABUT or TIDAK TERCATAT — with
the holder, and for a PDF of several pages one verdict per page.

The check runs off the GUI thread (every page of a PDF is rendered to find its QR code) on the
PDFium pool, with progress and cancel. Another instansi's certificates are checked with its public
key: its signed list (daftar.json from its verification site, with revocations) or a PEM file,
trusted on this computer once its fingerprint was compared.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.certificates import site
from ...core.certificates.verify import Report, VerifyJob, VerifyResult
from ...core.errors import USER_FACING
from ..common.dates import long_date
from ..common.errors import error_message
from ..common.jobs import BackgroundWork, JobHandle, JobRunner
from ..common.widgets import ErrorLabel, JobPanel, confirm

STATUS_LOOK = {  # status -> (headline, background); the headline is shown translated
    "valid": (QT_TRANSLATE_NOOP("VerifyDialog", "ASLI"), "#2e7d32"),
    "invalid": (QT_TRANSLATE_NOOP("VerifyDialog", "TIDAK SAH"), "#c62828"),
    "revoked": (QT_TRANSLATE_NOOP("VerifyDialog", "DICABUT"), "#e65100"),
    "unrecorded": (QT_TRANSLATE_NOOP("VerifyDialog", "TIDAK TERCATAT"), "#c62828"),
}


class VerifyDialog(QDialog, BackgroundWork):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Periksa keaslian sertifikat"))
        self.trusted = None  # a key or list used for this dialog only
        self.result: VerifyResult | None = None
        self.report: Report | None = None
        self.panel = JobPanel()  # progress and Batal while the pages of a PDF are checked
        self.panel.stop()
        self.checks = JobRunner(self, self.panel)  # a newer scan replaces the check still running

        intro = QLabel(self.tr("Pindai kode QR sertifikat dengan pemindai, atau pilih berkas PDF/foto sertifikat."))
        intro.setWordWrap(True)
        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(self.tr("Arahkan pemindai ke kode QR, atau tempel teksnya lalu tekan Enter"))
        self.scan_edit.returnPressed.connect(self.check_scanned)
        self.file_button = QPushButton(self.tr("Pilih berkas…"))
        self.file_button.clicked.connect(self.choose_file)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_edit, 1)
        scan_row.addWidget(self.file_button)
        self.key_label = QLabel(self.tr("Kunci publik: yang dikenal basis data ini"))
        self.key_button = QPushButton(self.tr("Kunci publik instansi lain…"))
        self.key_button.clicked.connect(self.choose_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_label, 1)
        key_row.addWidget(self.key_button)

        self.status_label = QLabel()
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.status_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.status_label.setFont(font)
        self.status_label.setMinimumHeight(80)
        self.name_label = QLabel()
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label.setWordWrap(True)
        name_font = self.name_label.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.6)
        name_font.setBold(True)
        self.name_label.setFont(name_font)
        self.details_label = QLabel()
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label = QLabel()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.pages_list = QListWidget()  # one line per page of a PDF; choosing one shows its verdict
        self.pages_list.currentRowChanged.connect(self._show_page)
        self.pages_list.setMaximumHeight(140)
        self.pages_list.hide()
        self.result_frame = QFrame()
        self.result_frame.setFrameShape(QFrame.Shape.StyledPanel)
        result_layout = QVBoxLayout(self.result_frame)
        for label in (self.status_label, self.name_label, self.details_label, self.message_label):
            result_layout.addWidget(label)
        result_layout.addWidget(self.pages_list)
        self.result_frame.hide()
        self.error = ErrorLabel()
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        for button in (self.file_button, self.key_button, close):
            button.setAutoDefault(False)  # Enter from the scanner only checks the scan
        bottom = QHBoxLayout()
        bottom.addWidget(self.panel, 1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(scan_row)
        layout.addLayout(key_row)
        layout.addWidget(self.error)
        layout.addWidget(self.result_frame, 1)
        layout.addLayout(bottom)
        self.resize(640, 460)
        self.scan_edit.setFocus()

    # Input ---------------------------------------------------------------------------------
    def check_scanned(self) -> JobHandle | None:
        text = self.scan_edit.text().strip()
        self.scan_edit.clear()  # ready for the next scan
        if not text:
            return None
        return self._check(text)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih sertifikat"), str(Path.home()), self.tr("Sertifikat (*.pdf *.png *.jpg *.jpeg)")
        )
        if path:
            self.check_file(path)

    def check_file(self, path: str | Path) -> JobHandle:
        return self._check(Path(path))

    def choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih daftar.json dari situs verifikasi instansi, atau kunci publik .pem"),
            str(Path.home()),
            self.tr("Kunci atau daftar sertifikat (*.json *.js *.pem);;Semua berkas (*)"),
        )
        if path:
            self.use_key_file(path, remember=True)

    def use_key_file(self, path: str | Path, *, remember: bool = False, ask=confirm) -> bool:
        """Check with another instansi's keys. ``remember``: trust them on this computer for good,
        after the person compared the fingerprints shown (the instansi publishes them on its site)."""
        try:
            source = site.read_trust_file(path)
        except USER_FACING as err:
            self.error.show_message(error_message(err))
            return False
        listed = source.keys if isinstance(source, site.TrustedList) else [source]
        owner = getattr(source, "instansi", "") or listed[0].instansi
        prints = ", ".join(key.fingerprint for key in listed)
        if remember and ask(
            self,
            self.tr("Percayai kunci instansi"),
            self.tr(
                "Kunci {0}:\n{1}\n\nCocokkan sidik ini dengan yang diumumkan instansi penerbit (di situs "
                "verifikasinya). Percayai kunci ini di basis data ini?"
            ).format(owner or self.tr("tanpa nama"), prints),
            self.tr("Percayai"),
        ):
            site.trust(source)
            self.trusted = None
        else:
            self.trusted = source
        self.error.show_message("")
        self.key_label.setText(self.tr("Kunci publik: {0} (sidik {1})").format(owner or Path(path).name, prints))
        return True

    def _check(self, source: str | Path) -> JobHandle | None:
        self.error.show_message("")
        return self.checks.start(
            VerifyJob(source, trusted=self.trusted),
            self.tr("Memeriksa…"),
            done=self.show_report,
            failed=self._failed,
            replace=True,
        )

    # Output --------------------------------------------------------------------------------
    def show_report(self, report: Report) -> str:
        """The report on screen; returns the panel's line (the pages counted, for a PDF)."""
        self.report = report
        self.pages_list.blockSignals(True)
        self.pages_list.clear()
        many = len(report.pages) > 1
        for page in report.pages:
            headline = QCoreApplication.translate("VerifyDialog", STATUS_LOOK[page.status][0])
            who = page.results[0].holder.get("name", "") if page.results else page.problem
            number = page.results[0].number if page.results else ""
            self.pages_list.addItem(self.tr("Halaman {0}: {1} — {2} {3}").format(page.page, headline, number, who))
        self.pages_list.blockSignals(False)
        self.pages_list.setVisible(many)
        worst = next((page for page in report.pages if page.status == report.status and page.results), None)
        first = worst.results[0] if worst else report.first
        if first is not None:
            self.show_result(first)
        if many:
            counts = report.counts()
            summary = ", ".join(
                f"{count} {QCoreApplication.translate('VerifyDialog', STATUS_LOOK[status][0])}"
                for status, count in counts.items()
                if count
            )
            if worst is not None:
                self.pages_list.setCurrentRow(report.pages.index(worst))
            return self.tr("{0} halaman: {1}").format(len(report.pages), summary)
        return ""

    def _show_page(self, row: int) -> None:
        if self.report is not None and 0 <= row < len(self.report.pages) and self.report.pages[row].results:
            self.show_result(self.report.pages[row].results[0])

    def show_result(self, result: VerifyResult) -> None:
        self.result = result
        headline, color = STATUS_LOOK.get(result.status, STATUS_LOOK["invalid"])
        self.status_label.setText(QCoreApplication.translate("VerifyDialog", headline))
        self.status_label.setStyleSheet(f"background: {color}; color: white; border-radius: 6px;")
        holder = result.holder or {}
        self.name_label.setText(holder.get("name", ""))
        self.name_label.setStyleSheet(f"color: {color};")
        proven = result.status in ("valid", "revoked")
        lines = [] if proven or not holder else [self.tr("Data pada kode (tidak terbukti asli):")]
        lines.append(holder.get("id_text", ""))
        if result.number:
            lines.append(self.tr("Nomor sertifikat: {0}").format(result.number))
        claims = result.claims or {}
        when = _date_text(claims.get("date") or holder.get("event_date"))
        if claims.get("event_title"):
            lines.append(claims["event_title"] + (f" — {when}" if when else ""))
        elif when:
            lines.append(self.tr("Tanggal kegiatan: {0}").format(when))
        if claims.get("jp"):
            lines.append(self.tr("{0} JP · {1}").format(claims["jp"], claims.get("instansi", "")))
        self.details_label.setText("\n".join(line for line in lines if line))
        self.message_label.setText("\n".join([result.message, *result.notes]))
        self.result_frame.show()
        self.scan_edit.setFocus()

    def _failed(self, message: str) -> None:
        self.panel.stop()
        self.result = None
        self.result_frame.hide()
        self.error.show_message(message)
        self.scan_edit.setFocus()


def _date_text(value: str | None) -> str:
    if not value:
        return ""
    try:
        return long_date(dt.date.fromisoformat(value))
    except ValueError:
        return value


__all__ = ["STATUS_LOOK", "VerifyDialog"]
