"""Helpers shared by the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_message_box(button_text: str) -> dict:
    """Click ``button_text`` in the next message box; returns what the box said (text, buttons)."""
    seen: dict = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen["text"] = box.text()
        seen["buttons"] = [button.text() for button in box.buttons()]
        next(button for button in box.buttons() if button.text() == button_text).click()

    QTimer.singleShot(0, answer)
    return seen
