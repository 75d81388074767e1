"""Full-screen kiosk view of the desk: banner, scanner input and counters in large type.

It owns no logic: codes go to the desk tab's ``submit_code`` and results come back through
its signals, so the tab and the kiosk always agree. Esc leaves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ..common.result_banner import ResultBanner
from .counters import CountersView

if TYPE_CHECKING:
    from .tab import DeskTab

SCALE = 1.7


class KioskWindow(QWidget):
    closed = Signal()

    def __init__(self, desk: DeskTab, title: str) -> None:
        super().__init__(desk, Qt.WindowType.Window)  # a top-level window that goes with the desk
        self.desk = desk
        self.setWindowTitle(self.tr("Meja Registrasi — {0}").format(title))
        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner = ResultBanner(SCALE)
        self.scanner = QLineEdit()
        self.scanner.setPlaceholderText(self.tr("Pindai QR atau ketik NIP/NIK, lalu Enter"))
        font = self.scanner.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        self.scanner.setFont(font)
        self.scanner.returnPressed.connect(self._submit)
        self.counters = CountersView(SCALE)
        hint = QLabel(self.tr("Tekan Esc untuk keluar dari layar penuh."))
        hint.setStyleSheet("color: #5f6368;")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.setSpacing(20)
        layout.addWidget(heading)
        layout.addWidget(self.banner, 3)
        layout.addWidget(self.scanner)
        layout.addWidget(self.counters, 1)
        layout.addWidget(hint)
        desk.result_shown.connect(self.banner.show_result)
        desk.counters_loaded.connect(self.counters.show_counters)
        if desk.counters_view.counters is not None:
            self.counters.show_counters(desk.counters_view.counters)
        if desk.last_result is not None:
            self.banner.show_result(desk.last_result)

    def _submit(self) -> None:
        text = self.scanner.text()
        self.scanner.clear()
        self.desk.submit_code(text)
        self.scanner.setFocus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.scanner.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
