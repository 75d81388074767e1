"""Live counters for the desk, refreshed off the GUI thread with at most one query in flight.

``counters()`` visits every registration (about 0.2 s at 100,000), so it runs through
``gui/jobs.py``; ``recent_check_ins`` rides along in the same job. A refresh asked for
while one runs is remembered and started when the running one ends (coalescing), so a
burst of scans never queues a pile of queries.

Other desks (processes on the same SQLite file or PostgreSQL server) are seen by
polling: every ``POLL_MS`` the desk reads ``database.change_stamp()`` (two indexed
maxima) and runs the full query only when the stamp moved, so a check-in at any desk
shows on every desk within one interval plus one query (under 2 s; measured in
tests/test_multidesk_live.py). A full reload every ``FULL_RELOAD_S`` covers changes
that write neither an audit nor an attendance row. Each poll is a short job that opens
and closes its own connection (about 10 ms to PostgreSQL on a LAN, far less on SQLite).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ...core.checkin import Counters, counters, recent_check_ins
from ...core.database import change_stamp
from ...core.participants import EMPLOYMENT_LABELS
from ..common.core_labels import core_label
from ..common.jobs import FunctionJob, JobHandle, run_job
from ..common.widgets import number

RECENT_LIMIT = 20
POLL_MS = 1000
FULL_RELOAD_S = 15.0


def _load(event_id: int, known_stamp: tuple | None) -> tuple:
    """(stamp, None) when nothing changed since ``known_stamp``, else (stamp, (counters, recent))."""
    stamp = change_stamp()  # read first: a change after this moves the stamp for the next poll
    if known_stamp is not None and stamp == known_stamp:
        return stamp, None
    return stamp, (counters(event_id), recent_check_ins(event_id, RECENT_LIMIT))


class DeskRefresher(QObject):
    """Coalesced background refresh of (counters, recent check-ins): forced, or on change."""

    loaded = Signal(object, object)  # Counters, list[RecentCheckin]
    failed = Signal(str)

    def __init__(self, event_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._handle: JobHandle | None = None
        self._pending: bool | None = None  # None: nothing asked; True: a forced refresh; False: a poll
        self._stamp: tuple | None = None
        self._loaded_at = 0.0

    @property
    def busy(self) -> bool:
        return self._handle is not None and self._handle.running

    def refresh(self) -> None:
        """Reload now (this desk changed something)."""
        self._start(force=True)

    def poll(self) -> None:
        """Reload only if any desk changed something since the last load (the timer's call)."""
        self._start(force=time.monotonic() - self._loaded_at >= FULL_RELOAD_S)

    def _start(self, force: bool) -> None:
        if self.busy:
            self._pending = bool(self._pending) or force
            return
        self._pending = None
        known = None if force else self._stamp
        self._handle = run_job(
            FunctionJob(_load, self.event_id, known), on_result=self._done, on_error=self._error, owner=self
        )

    def _done(self, result: tuple) -> None:
        stamp, data = result
        self._stamp = stamp
        if data is not None:
            self._loaded_at = time.monotonic()
            self.loaded.emit(*data)
        self._again()

    def _error(self, err: Exception) -> None:
        self._stamp = None  # reload fully once the database answers again
        self.failed.emit(self.tr("Penghitung belum dapat diperbarui: {0}").format(err))
        self._again()

    def _again(self) -> None:
        if self._pending is not None:
            self._start(force=self._pending)


def _employment_order(item: tuple) -> tuple:
    """PNS, PPPK, PPNPN, Non-ASN as in the roster, anything else after them."""
    order = list(EMPLOYMENT_LABELS)
    return (order.index(item[0]) if item[0] in order else len(order), item[0])


class CountersView(QWidget):
    """Present / registered in large type, then in the room / online and by employment type."""

    def __init__(self, scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total_label = QLabel("–")
        self.modes_label = QLabel("")
        self.employment_label = QLabel("")
        base = self.font().pointSizeF()
        for label, factor, bold in (
            (self.total_label, 1.9, True),
            (self.modes_label, 1.1, False),
            (self.employment_label, 1.0, False),
        ):
            font = label.font()
            font.setPointSizeF(base * factor * scale)
            font.setBold(bold)
            label.setFont(font)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        caption = QLabel(self.tr("Hadir / terdaftar"))
        font = caption.font()
        font.setPointSizeF(base * scale)
        caption.setFont(font)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption, 0, 0)
        layout.addWidget(self.total_label, 1, 0)
        layout.addWidget(self.modes_label, 2, 0)
        layout.addWidget(self.employment_label, 3, 0)
        self.counters: Counters | None = None

    def show_counters(self, value: Counters) -> None:
        self.counters = value
        self.total_label.setText(f"{number(value.present)} / {number(value.registered)}")
        self.modes_label.setText(
            self.tr("Di ruangan {0} / {1} · Daring {2} / {3}").format(
                number(value.onsite_present),
                number(value.onsite_registered),
                number(value.online_present),
                number(value.online_registered),
            )
        )
        parts = [
            f"{core_label(EMPLOYMENT_LABELS.get(kind, kind)) if kind else self.tr('Lainnya')} {number(p)}/{number(r)}"
            for kind, (p, r) in sorted(value.by_employment.items(), key=_employment_order)
        ]
        self.employment_label.setText(" · ".join(parts))
