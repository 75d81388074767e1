"""Keep a view's data current: ``LiveRefresh``, the one mechanism behind every live tab.

A view names a loader (a Qt-free function, run off the GUI thread) and connects
``loaded(data)`` and ``failed(message)``. The helper then guarantees:

- **at most one load in flight** (coalescing): a refresh asked for while one runs is
  remembered and started when the running one ends, so a burst of scans never queues a
  pile of queries;
- **forced refresh**: ``refresh()`` loads now, for a change this view (or a signal) knows of;
- **polling** (with ``interval_ms``): every interval it reads ``database.change_stamp()``
  (two indexed maxima; it moves whenever any desk, process or computer writes an audit or
  attendance row) and loads only when the stamp moved; every ``full_reload_s`` it loads
  anyway, for changes that move no stamp. A slow load may stretch the interval
  (``busy_share``: the share of the time the view may spend loading);
- **pausing while hidden**: showing the view loads at once and starts polling, hiding it
  stops polling (unless ``keep_polling()`` says another window shows the data: the kiosk);
- **errors surfaced**: a failed load emits ``failed`` with the message
  (``errors.error_message``) and polling goes on; the next load is a full one;
- **own changes**: a view that shows its own write at once tells ``note_own_change``, and the
  next poll skips the load when nothing else moved the stamp;
- **inputs**: ``inputs()`` is read on the GUI thread when a load starts and passed to the
  loader (``load(*inputs)``): the search text, the document options. A result whose inputs
  changed meanwhile is dropped and a load with the new ones follows at once.

Usage (the Ringkasan tab)::

    self.live = LiveRefresh(self, lambda: load_snapshot(event_id), interval_ms=2000)
    self.live.loaded.connect(self._show_snapshot)
    self.live.failed.connect(self.status_label.setText)

Other desks' check-ins then show within one interval plus one query (under 2 s at the desk,
measured by bench/bench_desk_live.py). Each poll is a short job on its own connection
(about 10 ms to PostgreSQL on a LAN, far less on SQLite).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ...core.database import change_stamp
from .errors import error_message
from .jobs import FunctionJob, JobHandle, run_job

FULL_RELOAD_S = 15.0
_UNCHANGED = object()  # a poll that found the change stamp where it was


def _gated_load(load: Callable[..., Any], inputs: tuple, known_stamp: tuple | None) -> tuple[tuple, Any]:
    """(stamp, data), or (stamp, _UNCHANGED) when nothing changed since ``known_stamp``."""
    stamp = change_stamp()  # read first: a change after this moves the stamp for the next poll
    if known_stamp is not None and stamp == known_stamp:
        return stamp, _UNCHANGED
    return stamp, load(*inputs)


class LiveRefresh(QObject):
    """A view's data, loaded off the GUI thread and kept current (see the module docstring)."""

    loaded = Signal(object)  # the loader's result
    failed = Signal(str)  # why this load failed, for the view to show; polling goes on

    def __init__(
        self,
        view: QWidget,
        load: Callable[..., Any],
        *,
        inputs: Callable[[], tuple] = tuple,
        interval_ms: int = 0,
        full_reload_s: float = FULL_RELOAD_S,
        keep_polling: Callable[[], bool] | None = None,
        busy_share: float | None = None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._load = load
        self._inputs = inputs
        self.interval_ms = interval_ms
        self.full_reload_s = full_reload_s
        self._keep_polling = keep_polling or (lambda: False)
        self._busy_share = busy_share
        self.handle: JobHandle | None = None
        self._pending: bool | None = None  # None: nothing asked; True: a forced refresh; False: a poll
        self._stamp: tuple | None = None
        self._own_changes: list[tuple[tuple, tuple]] = []  # noted while a load ran
        self._loaded_at = 0.0
        self._started_at = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(max(interval_ms, 1))
        self.timer.timeout.connect(self.poll)
        if interval_ms:
            view.installEventFilter(self)

    @property
    def busy(self) -> bool:
        return self.handle is not None and self.handle.running

    @property
    def polling(self) -> bool:
        return self.timer.isActive()

    def refresh(self) -> None:
        """Load now (or right after the load in flight), whatever the change stamp says."""
        self._start(force=True)

    def poll(self) -> None:
        """The timer's call: load if anything changed, or a full reload is due; stop when unwatched."""
        if not (self._view.isVisible() or self._keep_polling()):
            self.timer.stop()
            return
        self._start(force=time.monotonic() - self._loaded_at >= self.full_reload_s)

    def note_own_change(self, stamp: tuple, moved_by: tuple) -> bool:
        """This view wrote something it already shows, and ``stamp`` is ``change_stamp()`` read
        after that write. When the stamp moved by exactly ``moved_by`` (what that one write adds)
        since the last load, nothing else was written meanwhile and the next poll need not load
        (at 100,000 registrations a desk's load costs 0.15 s of a core, once a second while people
        are scanned in). Otherwise nothing changes: the poll loads as usual. True when noted."""
        if self.busy:  # the load in flight may have read the stamp before or after this write
            self._own_changes.append((stamp, moved_by))
            return False
        return self._take_own_change(stamp, moved_by, already_in=False)

    def _take_own_change(self, stamp: tuple, moved_by: tuple, *, already_in: bool) -> bool:
        known = self._stamp
        if known is None or not len(known) == len(stamp) == len(moved_by):
            return False
        moved = tuple(new - old for new, old in zip(stamp, known, strict=True))
        if moved != tuple(moved_by) and not (already_in and moved == (0,) * len(moved)):
            return False
        self._stamp = stamp
        return True

    def start(self) -> None:
        """Load now and keep polling (the view was shown, or another window shows its data)."""
        self.refresh()
        if self.interval_ms:
            self.timer.start()

    def stop(self) -> None:
        """Stop polling (the view is closing); a load in flight still reports."""
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view:
            if event.type() == QEvent.Type.Show:
                self.start()
            elif event.type() == QEvent.Type.Hide and not self._keep_polling():
                self.timer.stop()
        return False

    def _start(self, force: bool) -> None:
        if self.busy:
            self._pending = bool(self._pending) or force
            return
        self._pending = None
        inputs = self._inputs()
        self._started_at = time.monotonic()
        self.handle = run_job(
            FunctionJob(_gated_load, self._load, inputs, None if force else self._stamp),
            on_result=lambda result: self._done(inputs, result),
            on_error=self._error,
            owner=self,
        )

    def _done(self, inputs: tuple, result: tuple[tuple, Any]) -> None:
        stamp, data = result
        self._stamp = stamp
        own, self._own_changes = self._own_changes, []
        for own_stamp, moved_by in own:  # written while this load ran: read by it already, or not
            self._take_own_change(own_stamp, moved_by, already_in=True)
        if data is not _UNCHANGED:
            if inputs != self._inputs():  # the view asked for something else meanwhile
                self._pending = True
            else:
                self._loaded_at = time.monotonic()
                self._stretch_interval()
                self.loaded.emit(data)
        self._again()

    def _error(self, err: Exception) -> None:
        self._stamp = None  # load fully once the database answers again
        self._own_changes = []
        self.failed.emit(error_message(err))
        self._again()

    def _stretch_interval(self) -> None:
        if self._busy_share and self.interval_ms:
            elapsed_ms = (time.monotonic() - self._started_at) * 1000
            self.timer.setInterval(max(self.interval_ms, int(elapsed_ms / self._busy_share)))

    def _again(self) -> None:
        if self._pending is not None:
            self._start(force=self._pending)


__all__ = ["FULL_RELOAD_S", "LiveRefresh"]
