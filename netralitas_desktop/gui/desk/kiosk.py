"""Full-screen kiosk view of the desk (F5): the same desk in large type.

It is a second ``DeskView`` on the tab's ``DeskSession`` — scan field, banner, signature pad and
queue, the latest check-ins with undo, the walk-in form (F3), the manual search (F2) and the
counters — so the kiosk and the tab always agree and the kiosk can do everything the desk does.
Esc leaves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .desk_window import DeskWindow
from .session import DeskSession
from .view import DeskView

SCALE = 1.4


class KioskWindow(DeskWindow):
    def __init__(self, session: DeskSession, *, units: Callable[[], list[str]] = list, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Meja Registrasi — {0}").format(session.event_title))
        heading = QLabel(session.event_title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = DeskView(session, scale=SCALE, units=units)
        self.banner, self.scanner, self.counters = self.view.banner, self.view.scanner, self.view.counters
        hint = QLabel(self.tr("F2 cari nama · F3 peserta tanpa undangan · Esc keluar dari layar penuh"))
        hint.setStyleSheet("color: #37474f;")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        self.take_pad(self.view.signature_panel)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.view.focus_scanner()
