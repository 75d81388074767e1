"""A USB scanner is a keyboard: catch its bursts wherever the focus is and hand them to the desk.

``ScanRouter`` is an application-wide event filter (installed by the main window). It watches
key presses and tells a scanner *burst* from typing by two things at once:

- **speed**: every key within ``key_gap_ms`` of the one before (a scanner types a key every
  1-15 ms; a person, even a fast one, rarely twice within 60 ms and never twenty times in a row),
  forgiving one late key in ten (a busy laptop or USB hub), never one later than three times that;
- **shape**: the burst, ended by Enter (or Tab), is a whole invitation code, ikrar mandiri
  code, NIP or NIK (``core.scan_codes``; which shapes count is a setting).

A recognised burst never reaches the widget that had the focus — a text field, the desk's
search box, the Peserta filter, a dialog (whose default button the Enter would press): the
characters already delivered before the burst could be recognised are taken back out (the
widget's text, cursor and selection are put back as they were when the burst began), and once
a burst has come three keys at scanner speed the rest is held back from the widget altogether. The
code then goes to the open event's desk through ``route``. Anything else — a person typing, even
a NIP typed by hand into the Peserta filter — reaches its widget unchanged: held keys are
delivered as soon as the burst turns out not to be a scan. A field made for scanning
(``common.scan_input``) keeps the keys of a scan into it while it is empty: it handles codes
itself. So do keys without a timestamp: every window system stamps a key that was pressed, so
those were sent by software.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ...core.scan_codes import INVITATION, MANDIRI, could_be_code, scan_kind
from ..common.scan_input import is_scan_input, set_burst_in_progress
from ..common.settings import ScannerSettings, scanner_settings

TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
# A gap longer than the threshold is "slow"; a burst may have one slow gap in ten (a busy computer
# or USB hub delays a key now and then) but none longer than SLOW_LIMIT times the threshold.
SLOW_LIMIT = 3
MAX_RUN, KEEP_RUN = 64, 40  # keys remembered of a long run of typing (a code has at most 27)
# From the third key in a row at scanner speed on, keys that may still be a code are held back
# from the widget: only two reach it (and are taken back), so a search box or the Peserta filter
# does not search for half a code, and nothing is typed into a dialog.
HOLD_AFTER = 3
UNKNOWN_BURST_CHARS = 8  # a fast burst this long is a scanner even when its code is not ours
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
# Keys a scanner presses around characters (Shift for capitals) and a person holds down: they
# neither continue nor end a burst.
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
}


class _Snapshot:
    """What a widget showed when a burst began, to put back when the burst is taken out of it."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self._restore: Callable[[], None] | None = self._take(widget)

    def _take(self, widget: QWidget) -> Callable[[], None] | None:
        line = _line_edit(widget)
        if line is not None:
            text, cursor = line.text(), line.cursorPosition()
            start, length = line.selectionStart(), len(line.selectedText())

            def restore_line() -> None:
                if line.text() != text:
                    line.setText(text)
                if start >= 0:
                    line.setSelection(start, length)
                else:
                    line.setCursorPosition(cursor)

            return restore_line
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            return _text_restorer(widget)
        if isinstance(widget, QComboBox):
            index = widget.currentIndex()
            return lambda: widget.setCurrentIndex(index)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            current = QPersistentModelIndex(widget.currentIndex())
            return lambda: widget.setCurrentIndex(current) if current.isValid() else None
        return None

    def restore(self) -> None:
        if self._restore is not None and shiboken6.isValid(self.widget):
            self._restore()


def _line_edit(widget: QWidget) -> QLineEdit | None:
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


def _text_restorer(widget: QPlainTextEdit | QTextEdit) -> Callable[[], None]:
    rich = isinstance(widget, QTextEdit) and widget.acceptRichText()
    content = widget.toHtml() if rich else widget.toPlainText()
    position = widget.textCursor().position()

    def restore() -> None:
        if rich:
            widget.setHtml(content)  # type: ignore[union-attr]
        elif widget.toPlainText() != content:
            widget.setPlainText(content)
        cursor = widget.textCursor()
        cursor.setPosition(min(position, len(widget.toPlainText())))
        widget.setTextCursor(cursor)

    return restore


@dataclass
class _Key:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at_ms: float
    slow: bool  # later than the threshold after the key before it (or the first of a run)
    snapshot: _Snapshot | None  # its widget just before it, where a burst may begin
    held: bool = False  # kept from the widget (not delivered yet)


def _slow_allowed(length: int) -> int:
    return max(1, length // 10)


class ScanRouter(QObject):
    """The application's scanner filter. ``route(code)`` hands a recognised code to the desk and
    returns whether it was taken; ``can_route()`` says whether a desk is open at all."""

    recognised = Signal(str)  # every code routed (tests, diagnostics)

    def __init__(
        self,
        route: Callable[[str], bool],
        can_route: Callable[[], bool],
        *,
        settings: Callable[[], ScannerSettings] = scanner_settings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._route = route
        self._can_route = can_route
        self._settings = settings
        self._current = settings()
        self._keys: list[_Key] = []
        self._native: QWidget | None = None  # a scan field typing on its own (see _for_the_scan_field)
        self._native_at = 0.0
        self._replaying = False
        self._last_seen: tuple | None = None
        self._last_receiver: QWidget | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._timed_out)

    def install(self) -> None:
        QCoreApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._finish(replay=True)

    # The filter ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._replaying or not isinstance(watched, QWidget):
            return False  # a window's own copy of a key comes first; its widget's copy follows
        if self._propagated(watched, event):
            return False
        return self._key_pressed(watched, event)  # type: ignore[arg-type]

    def _propagated(self, watched: QWidget, event: QEvent) -> bool:
        """The same key event again, passed on to a parent because its widget did not take it."""
        seen = (shiboken6.getCppPointer(event)[0], event.timestamp(), event.key())  # type: ignore[attr-defined]
        last = self._last_receiver
        if seen == self._last_seen and last is not None and shiboken6.isValid(last):
            parent = last.parentWidget()
            while parent is not None:
                if parent is watched:
                    return True
                parent = parent.parentWidget()
        self._last_seen, self._last_receiver = seen, watched
        return False

    def _key_pressed(self, receiver: QWidget, event: QKeyEvent) -> bool:
        at_ms = event.timestamp()  # when the key was pressed, from the window system
        if event.key() in _MODIFIER_KEYS:
            return False
        if not at_ms:  # a key made by software, not typed
            self._finish(replay=True)
            return False
        if self._for_the_scan_field(receiver, at_ms):
            return False
        modifiers = event.modifiers() & ~_TYPING_MODIFIERS
        terminator = event.key() in TERMINATORS or event.text() in ("\r", "\n")  # Enter, Tab, or a line feed
        if terminator and modifiers == Qt.KeyboardModifier.NoModifier:
            return self._terminated(receiver, at_ms)
        text = event.text()
        if modifiers or event.isAutoRepeat() or len(text) != 1 or not text.isprintable():
            self._finish(replay=True)
            return False
        gap = at_ms - self._keys[-1].at_ms if self._keys else None
        if gap is not None and not 0 <= gap <= self._current.key_gap_ms * SLOW_LIMIT:
            self._finish(replay=True)  # a pause: whatever came before was typing
            gap = None
        if gap is None:
            if not self._can_route():
                return False
            self._current = self._settings()
        slow = gap is None or gap > self._current.key_gap_ms
        may_begin = slow or receiver is not self._keys[-1].receiver
        self._keys.append(
            _Key(
                receiver, event.key(), event.modifiers(), text, at_ms, slow, _Snapshot(receiver) if may_begin else None
            )
        )
        if len(self._keys) > MAX_RUN:
            self._drop_oldest()
        hold = self._holding_start() is not None
        if not hold and any(key.held for key in self._keys):
            self._deliver_held()  # not an invitation after all: the field gets what was kept, in order
        self._keys[-1].held = hold
        set_burst_in_progress(hold)
        self._flush_timer.start(max(1, int(self._current.key_gap_ms * SLOW_LIMIT) + 20))
        return hold

    def _for_the_scan_field(self, receiver: QWidget, at_ms: float) -> bool:
        """A scan field handles what is typed into it while it is empty, and the rest of that run:
        a code scanned there is its business. Typed text left in it is not: a code scanned after
        it is taken out like anywhere else, so the leftover does not spoil the scan."""
        if not is_scan_input(receiver):
            return False
        limit = self._current.key_gap_ms * SLOW_LIMIT
        continuing = self._native is receiver and 0 <= at_ms - self._native_at <= limit
        new_run = not self._keys or not 0 <= at_ms - self._keys[-1].at_ms <= limit
        empty = isinstance(receiver, QLineEdit) and not receiver.text()
        if continuing or (empty and new_run):
            self._finish(replay=True)
            self._native, self._native_at = receiver, at_ms
            return True
        self._native = None
        return False

    def _starts(self) -> list[int]:
        """Where a scanner burst may begin: the first key of the run, and every key after a pause."""
        return [index for index, key in enumerate(self._keys) if key.snapshot is not None]

    def _fast_from(self, start: int, extra_slow: int = 0) -> bool:
        """Whether the keys from ``start`` came at scanner speed (a late key in ten forgiven)."""
        slow = sum(key.slow for key in self._keys[start + 1 :]) + extra_slow
        return slow <= _slow_allowed(len(self._keys) - start)

    def _holding_start(self) -> int | None:
        """A burst start whose keys so far came at scanner speed and may be the start of a code:
        keep the rest back (a person never types HOLD_AFTER keys that fast)."""
        for start in self._starts():
            keys = self._keys[start:]
            text = "".join(key.text for key in keys)
            if len(keys) >= HOLD_AFTER and self._fast_from(start) and could_be_code(text, self._current.shapes):
                return start
        return None

    def _terminated(self, receiver: QWidget, at_ms: float) -> bool:
        """Enter (or Tab) after a burst: a scan to route, or the end of typing."""
        if not self._keys:
            return False
        gap = at_ms - self._keys[-1].at_ms
        if not 0 <= gap <= self._current.key_gap_ms * SLOW_LIMIT:
            self._finish(replay=True)
            return False
        late = int(gap > self._current.key_gap_ms)
        fast_starts = [start for start in self._starts() if self._fast_from(start, late)]
        for start in fast_starts:
            if self._take(start, self._current.shapes):
                return True
        unknown = bool(fast_starts) and len(self._keys) - fast_starts[0] >= UNKNOWN_BURST_CHARS
        self._finish(replay=True)
        # A scanner's Enter never presses a dialog's button, whatever it read.
        return unknown and isinstance(receiver.window(), QDialog)

    def _timed_out(self) -> None:
        """Nothing followed the burst: a whole invitation or form code is a scan without a suffix key."""
        shapes = self._current.shapes & {INVITATION, MANDIRI}
        for start in self._starts():
            if self._fast_from(start) and self._take(start, shapes):
                return
        self._finish(replay=True)

    def _take(self, start: int, shapes: frozenset[str]) -> bool:
        """If the keys from ``start`` are a code of ``shapes``: take them out of every widget they
        reached (what came before them stays: it was typing) and give the code to the desk."""
        text = "".join(key.text for key in self._keys[start:]).strip()
        if scan_kind(text, shapes) is None or not self._can_route():
            return False
        earlier = [key for key in self._keys[:start] if key.held]
        self._send(earlier)
        restored: set[int] = set()
        for key in self._keys[start:]:
            if key.snapshot is not None and id(key.receiver) not in restored:
                restored.add(id(key.receiver))
                key.snapshot.restore()
        self._finish(replay=False)
        self._route(text)
        self.recognised.emit(text)
        return True

    def _deliver_held(self) -> None:
        held = [key for key in self._keys if key.held]
        for key in held:
            key.held = False
        self._send(held)

    def _drop_oldest(self) -> None:
        """A long run of typing: forget its oldest keys (long delivered; a code is never this long)."""
        dropped, self._keys = self._keys[: len(self._keys) - KEEP_RUN], self._keys[len(self._keys) - KEEP_RUN :]
        self._send([key for key in dropped if key.held])

    def _finish(self, *, replay: bool) -> None:
        held = [key for key in self._keys if key.held] if replay else []
        self._keys = []
        self._flush_timer.stop()
        set_burst_in_progress(False)
        self._send(held)

    def _send(self, keys: list[_Key]) -> None:
        """Deliver kept keys to the widgets they were typed into, in order."""
        if not keys:
            return
        self._replaying = True
        try:
            for key in keys:
                if shiboken6.isValid(key.receiver):
                    event = QKeyEvent(QEvent.Type.KeyPress, key.key, key.modifiers, key.text)
                    QCoreApplication.sendEvent(key.receiver, event)
        finally:
            self._replaying = False


__all__ = ["ScanRouter"]
