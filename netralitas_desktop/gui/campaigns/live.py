"""Live refresh while desks check in: poll ``database.change_stamp()`` and say when it moved.

Kept in this one small class so it can be swapped for a shared helper in ``gui/common``
once there is one. The stamp is two primary-key maxima (well under a millisecond); the
coverage itself is only recounted when it moved, off the GUI thread, by the view.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.database import change_stamp

POLL_MS = 1500


class StampPoller(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._stamp: tuple | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._stamp = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> bool:
        """Read the stamp; emit ``changed`` (and return True) when it moved since the last poll."""
        try:
            stamp = change_stamp()
        except Exception:  # a dropped server connection: try again at the next tick
            return False
        moved = stamp != self._stamp
        self._stamp = stamp
        if moved:
            self.changed.emit()
        return moved


__all__ = ["POLL_MS", "StampPoller"]
