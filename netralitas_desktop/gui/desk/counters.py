"""The desk's counters view, and how often the desk polls.

The desk's figures come from ``core.checkin.desk_status`` (counters and the latest
check-ins in one call; about 0.2 s at 100,000 registrations) through the window's one
live-refresh helper (``gui/common/live.LiveRefresh``): off the GUI thread, at most one
query in flight, a poll every ``POLL_MS`` that queries only when
``database.change_stamp()`` moved, so a check-in at any desk shows on every desk within
one interval plus one query (under 2 s; measured by bench/bench_desk_live.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ...core.checkin import Counters
from ...core.participants import EMPLOYMENT_LABELS
from ..common.core_labels import core_label
from ..common.widgets import number

RECENT_LIMIT = 20
POLL_MS = 1000


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
