"""A window of its own on the desk's session: the kiosk (F5) and the signature screen.

While it is open it keeps the session's data live (the tab underneath may be hidden) and, once
it takes the pad, it holds the live signature pad; Esc closes it and gives both back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QWidget

from .session import DeskSession
from .signature import SignaturePanel


class DeskWindow(QWidget):
    closed = Signal()

    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)  # a top-level window that goes with the desk
        self.session = session
        self._pad: SignaturePanel | None = None
        session.watch(self)

    def take_pad(self, panel: SignaturePanel) -> None:
        self._pad = panel
        panel.claim()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._pad is not None:
            self._pad.release()
        self.session.unwatch(self)
        self.closed.emit()
        super().closeEvent(event)


__all__ = ["DeskWindow"]
