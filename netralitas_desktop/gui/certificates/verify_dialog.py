"""Check a certificate: scan its QR code (a USB scanner types it and presses Enter) or choose
its PDF or a photo; the answer is shown big — ASLI, TIDAK SAH or DICABUT — with the holder.

The check runs off the GUI thread (a PDF is rendered to find its QR code) on the PDFium
pool. Without a database key (or to check another instansi's certificates) a public key
file can be chosen.
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.certificates.keys import PublicKeyError, fingerprint, read_public_key
from ...core.certificates.verify import VerifyResult, verify
from ..common.dates import tanggal
from ..common.jobs import BackgroundWork, FunctionJob, JobHandle, JobRunner
from ..common.widgets import ErrorLabel

STATUS_LOOK = {  # status -> (headline, background); the headline is shown translated
    "valid": (QT_TRANSLATE_NOOP("VerifyDialog", "ASLI"), "#2e7d32"),
    "invalid": (QT_TRANSLATE_NOOP("VerifyDialog", "TIDAK SAH"), "#c62828"),
    "revoked": (QT_TRANSLATE_NOOP("VerifyDialog", "DICABUT"), "#e65100"),
}


class VerifyDialog(QDialog, BackgroundWork):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Periksa keaslian sertifikat"))
        self.public_key = None
        self.result: VerifyResult | None = None
        self.checks = JobRunner(self)  # a newer scan replaces the check still running

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
        self.key_label = QLabel(self.tr("Kunci publik: dari basis data ini"))
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
        self.result_frame = QFrame()
        self.result_frame.setFrameShape(QFrame.Shape.StyledPanel)
        result_layout = QVBoxLayout(self.result_frame)
        for label in (self.status_label, self.name_label, self.details_label, self.message_label):
            result_layout.addWidget(label)
        self.result_frame.hide()
        self.busy_label = QLabel()
        self.error = ErrorLabel()
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        for button in (self.file_button, self.key_button, close):
            button.setAutoDefault(False)  # Enter from the scanner only checks the scan
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_label, 1)
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
            self.tr("Pilih berkas kunci publik"),
            str(Path.home()),
            self.tr("Kunci publik (*.pem);;Semua berkas (*)"),
        )
        if path:
            self.use_key_file(path)

    def use_key_file(self, path: str | Path) -> bool:
        try:
            self.public_key = read_public_key(path)
        except PublicKeyError as err:
            self.error.show_message(str(err))
            return False
        self.error.show_message("")
        self.key_label.setText(
            self.tr("Kunci publik: {0} (sidik {1})").format(Path(path).name, fingerprint(self.public_key))
        )
        return True

    def _check(self, source: str | Path) -> JobHandle | None:
        self.error.show_message("")
        self.busy_label.setText(self.tr("Memeriksa…"))
        return self.checks.start(
            FunctionJob(verify, source, public_key=self.public_key),
            done=self.show_result,
            failed=self._failed,
            replace=True,
        )

    # Output --------------------------------------------------------------------------------
    def show_result(self, result: VerifyResult) -> None:
        self.result = result
        self.busy_label.setText("")
        headline, color = STATUS_LOOK.get(result.status, STATUS_LOOK["invalid"])
        self.status_label.setText(QCoreApplication.translate("VerifyDialog", headline))
        self.status_label.setStyleSheet(f"background: {color}; color: white; border-radius: 6px;")
        holder = result.holder or {}
        self.name_label.setText(holder.get("name", ""))
        self.name_label.setStyleSheet(f"color: {color};")
        lines = [self.tr("Data pada kode (tidak terbukti asli):")] if result.status == "invalid" and holder else []
        lines.append(holder.get("id_text", ""))
        if result.number:
            lines.append(self.tr("Nomor sertifikat: {0}").format(result.number))
        if result.event:
            when = _date_text(result.event.get("date"))
            lines.append(result.event.get("title", "") + (f" — {when}" if when else ""))
        elif holder.get("event_date"):
            lines.append(self.tr("Tanggal kegiatan: {0}").format(_date_text(holder["event_date"])))
        self.details_label.setText("\n".join(line for line in lines if line))
        self.message_label.setText(result.message)
        self.result_frame.show()
        self.scan_edit.setFocus()

    def _failed(self, message: str) -> None:
        self.busy_label.setText("")
        self.result = None
        self.result_frame.hide()
        self.error.show_message(message)
        self.scan_edit.setFocus()


def _date_text(value: str | None) -> str:
    if not value:
        return ""
    try:
        return tanggal(dt.date.fromisoformat(value))
    except ValueError:
        return value


__all__ = ["STATUS_LOOK", "VerifyDialog"]
