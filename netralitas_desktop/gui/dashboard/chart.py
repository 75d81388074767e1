"""Attendance by OPD as horizontal stacked bars, drawn with QPainter.

One row per unit (``common.bar_rows``): its name, a bar as long as the unit is large (in
the room, online, absent with a reason, not yet present), and ``present/registered · pct``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.reports.status import GroupCount
from ...core.statuses import AttendanceStatus
from ..common.bar_rows import BarRows
from ..common.core_labels import core_label
from ..common.dates import percent
from ..common.widgets import number

# (label, colour, how many of a group): the stacking order, left to right.
SEGMENTS = (
    (QT_TRANSLATE_NOOP("OpdChart", "Di ruangan"), "#2e7d32", lambda g: g.in_room),
    (QT_TRANSLATE_NOOP("OpdChart", "Daring"), "#1565c0", lambda g: g.online),
    (
        QT_TRANSLATE_NOOP("OpdChart", "Izin/Sakit/DL"),
        "#f9a825",
        lambda g: (
            g.counts[AttendanceStatus.EXCUSED]
            + g.counts[AttendanceStatus.SICK]
            + g.counts[AttendanceStatus.OFFICIAL_DUTY]
        ),
    ),
    (
        QT_TRANSLATE_NOOP("OpdChart", "Belum hadir"),
        "#d5d8dc",
        lambda g: (
            g.registered
            - g.present
            - g.counts[AttendanceStatus.EXCUSED]
            - g.counts[AttendanceStatus.SICK]
            - g.counts[AttendanceStatus.OFFICIAL_DUTY]
        ),
    ),
)
SORT_SIZE, SORT_LOWEST, SORT_NAME = range(3)


def legend_html() -> str:
    return " &nbsp; ".join(f"<span style='color:{colour}'>■</span> {_segment(label)}" for label, colour, _ in SEGMENTS)


def _segment(label: str) -> str:
    return QCoreApplication.translate("OpdChart", label)


class OpdChart(BarRows):
    figure_sample = "9.999/9.999 · 100,0%"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort = SORT_SIZE
        self.empty_text = self.tr("Belum ada peserta.")

    def shown(self, group: GroupCount) -> bool:
        return bool(group.registered)

    def order(self, groups: list[GroupCount]) -> None:
        if self.sort == SORT_LOWEST:
            groups.sort(key=lambda g: (g.percentage, -g.registered, g.label.casefold()))
        elif self.sort == SORT_NAME:
            groups.sort(key=lambda g: g.label.casefold())
        else:
            groups.sort(key=lambda g: (-g.registered, g.label.casefold()))

    def length(self, group: GroupCount) -> float:
        """As long as the unit is large: the largest unit fills the width."""
        return group.registered / max(g.registered for g in self.groups)

    def segments(self, group: GroupCount):
        return [(colour, count(group) / group.registered) for _, colour, count in SEGMENTS]

    def figure(self, group: GroupCount) -> str:
        return f"{number(group.present)}/{number(group.registered)} · {percent(group.present, group.registered)}"

    def tooltip(self, group: GroupCount) -> str:
        parts = [f"{_segment(label)}: {number(max(0, count(group)))}" for label, _, count in SEGMENTS]
        return f"{core_label(group.label)}\n" + " · ".join(parts)
