"""Fields made for scanning (the desk's and the kiosk's scan field, the Ikrar Mandiri scan field).

A USB scanner types into them like a keyboard and they handle the code themselves, so the
window's scanner filter (``gui/desk/scan_router``) leaves keys aimed at them alone; a
scanner burst aimed anywhere else is taken out of that widget and sent to the desk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

SCAN_INPUT_PROPERTY = "netralitasScanInput"
_burst = {"active": False}


def burst_in_progress() -> bool:
    """Whether a scanner is typing right now (the scanner filter holds its keys back): a widget
    that reacts to typing after a pause (a search box) waits, rather than work on half a code."""
    return _burst["active"]


def set_burst_in_progress(active: bool) -> None:
    _burst["active"] = active


def mark_scan_input(widget: QWidget) -> QWidget:
    widget.setProperty(SCAN_INPUT_PROPERTY, True)
    return widget


def is_scan_input(widget: QWidget) -> bool:
    return bool(widget.property(SCAN_INPUT_PROPERTY))


class ScanLineEdit(QLineEdit):
    """A scan field: Enter, or the line feed some scanners send instead, ends a code (``returnPressed``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_scan_input(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text() == "\n" and event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            return
        super().keyPressEvent(event)


__all__ = [
    "SCAN_INPUT_PROPERTY",
    "ScanLineEdit",
    "burst_in_progress",
    "is_scan_input",
    "mark_scan_input",
    "set_burst_in_progress",
]
