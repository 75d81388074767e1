"""Key presses with the timestamps a keyboard or a USB scanner gives them, for the scanner-filter tests.

Qt's own test keys carry no timestamp, so a burst would look like whatever speed the test runs
at; these carry explicit times (as X11 stamps real keys), so "a scanner at 5 ms a key" and
"a person at 150 ms a key" are exact, however loaded the machine is.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

SCANNER_MS = 5
PERSON_MS = 150
_clock = [time.monotonic() * 1000.0]


def _key_code(char: str) -> int:
    if char == " ":
        return int(Qt.Key.Key_Space)
    upper = char.upper()
    if upper.isascii() and upper.isalnum():
        return ord(upper)  # Qt.Key_0…9 and Key_A…Z are the ASCII codes
    return 0


def press(widget: QWidget, key: int, text: str = "", gap_ms: float = SCANNER_MS, *, auto_repeat: bool = False) -> bool:
    """One key press and release, ``gap_ms`` after the previous key; True when the press was taken."""
    _clock[0] += gap_ms
    stamp = int(_clock[0])
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text, auto_repeat)
    event.setTimestamp(stamp)
    QApplication.sendEvent(widget, event)
    release = QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, text, auto_repeat)
    release.setTimestamp(stamp + 1)
    QApplication.sendEvent(widget, release)
    return event.isAccepted()


def type_text(widget: QWidget, text: str, gap_ms: float = SCANNER_MS, *, enter: bool = True, pause_ms: float = 1000):
    """``text`` (then Enter) into ``widget``, a key every ``gap_ms``, after a pause since the last key."""
    _clock[0] += pause_ms
    for index, char in enumerate(text):
        press(widget, _key_code(char), char, gap_ms if index else 0)
    if enter:
        press(widget, int(Qt.Key.Key_Return), "\r", gap_ms)


def scanner(widget: QWidget, code: str, **kwargs) -> None:
    """A USB scanner: the code at 5 ms a key, then Enter."""
    type_text(widget, code, SCANNER_MS, **kwargs)


def person(widget: QWidget, text: str, **kwargs) -> None:
    """A person typing: 150 ms a key."""
    type_text(widget, text, PERSON_MS, **kwargs)
