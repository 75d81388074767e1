"""Answering the modal dialogs the window opens, from a test.

The code under test opens a message box, an input dialog or one of our dialogs with ``exec()``
and waits for it; ``when_modal`` acts on it from inside that dialog's event loop, as soon as it
is up, the way a person at the desk would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

Modal = TypeVar("Modal", bound=QWidget)


def when_modal(kind: type[Modal], act: Callable[[Modal], None]) -> None:
    """Call ``act`` with the next modal widget of type ``kind`` once it shows."""

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(10, look)
            return
        act(widget)

    QTimer.singleShot(0, look)


def _said(box: QMessageBox) -> dict:
    return {"title": box.windowTitle(), "text": box.text(), "buttons": [button.text() for button in box.buttons()]}


def _click(box: QMessageBox, button_text: str) -> None:
    next(button for button in box.buttons() if button.text() == button_text).click()


def answer_message_box(button_text: str) -> dict:
    """Click ``button_text`` in the next message box; returns what the box said (title, text, buttons)."""
    seen: dict = {}

    def answer(box: QMessageBox) -> None:
        seen.update(_said(box))
        _click(box, button_text)

    when_modal(QMessageBox, answer)
    return seen


def answer_message_boxes(*button_texts: str) -> list[dict]:
    """Click the given buttons in the next message boxes, in order; returns what each box said."""
    seen: list[dict] = []
    pending = list(button_texts)

    def answer(box: QMessageBox) -> None:
        seen.append(_said(box))
        _click(box, pending.pop(0))
        if pending:
            when_modal(QMessageBox, answer)

    when_modal(QMessageBox, answer)
    return seen


def answer_input(text: str | None) -> None:
    """Type ``text`` into the next input dialog and press OK (None: cancel it)."""

    def answer(box: QInputDialog) -> None:
        if text is None:
            box.reject()
        else:
            box.setTextValue(text)
            box.accept()

    when_modal(QInputDialog, answer)


__all__ = ["answer_input", "answer_message_box", "answer_message_boxes", "when_modal"]
