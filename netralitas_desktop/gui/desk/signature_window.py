"""The signature pad alone, large, for a second screen or a tablet facing the participant.

It follows the desk's signature queue (``SigningQueue``): whoever comes up on the pad appears
here, signs, and "Simpan" brings up the next. While it is open it holds the live pad.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from .desk_window import DeskWindow
from .session import DeskSession
from .signature import SignaturePanel


class SignatureWindow(DeskWindow):
    def __init__(self, session: DeskSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Tanda tangan peserta — {0}").format(session.event_title))
        heading = QLabel(self.tr("Silakan tanda tangan di kotak di bawah, lalu tekan Simpan."))
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)  # read by the participant, an arm's length away
        heading.setFont(font)
        self.panel = SignaturePanel(session, scale=1.6, show_queue=False)
        self.close_button = QPushButton(self.tr("Tutup layar tanda tangan"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.take_pad(self.panel)

    def show_on_second_screen(self) -> None:
        """Full screen on a second screen when there is one; otherwise a window beside the desk."""
        screens = QGuiApplication.screens()
        own = self.parentWidget().screen() if self.parentWidget() is not None else QGuiApplication.primaryScreen()
        others = [screen for screen in screens if screen is not own]
        if others:
            self.setGeometry(others[0].geometry())
            self.showFullScreen()
        else:
            available = own.availableGeometry()
            self.resize(min(900, available.width()), min(560, available.height()))
            self.show()


__all__ = ["SignatureWindow"]
