"""Fields made for scanning (the desk's and the kiosk's scan field, the Ikrar Mandiri scan field).

A USB scanner types into them like a keyboard and they handle the code themselves, so the
window's scanner filter (``gui/desk/scan_router``) leaves keys aimed at them alone; a
scanner burst aimed anywhere else is taken out of that widget and sent to the desk.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

SCAN_INPUT_PROPERTY = "netralitasScanInput"


def mark_scan_input(widget: QWidget) -> QWidget:
    widget.setProperty(SCAN_INPUT_PROPERTY, True)
    return widget


def is_scan_input(widget: QWidget) -> bool:
    return bool(widget.property(SCAN_INPUT_PROPERTY))


__all__ = ["SCAN_INPUT_PROPERTY", "is_scan_input", "mark_scan_input"]
