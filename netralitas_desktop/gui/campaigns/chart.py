"""Coverage by OPD as 100 % bars — covered, excused, still owing — drawn with QPainter.

Every OPD gets a bar of the same length (``common.bar_rows``), so a small OPD that lags
shows as plainly as a large one; the figures at the right say how many. Clicking a row
picks that OPD (the view then lists the names still owing there).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QWidget

from ...core.campaigns.coverage import GroupCoverage
from ...core.campaigns.service import EXCUSE_REASONS
from ..common.bar_rows import BarRows
from ..common.core_labels import core_label
from ..common.widgets import number
from .labels import campaign_label

SEGMENTS = (
    (QT_TRANSLATE_NOOP("CoverageChart", "Sudah ikrar"), "#2e7d32", lambda g: g.covered),
    (QT_TRANSLATE_NOOP("CoverageChart", "Dikecualikan"), "#f9a825", lambda g: g.excused),
    (QT_TRANSLATE_NOOP("CoverageChart", "Belum ikrar"), "#d5d8dc", lambda g: g.owing),
)
SORT_LOWEST, SORT_OWING, SORT_NAME = range(3)


def _segment(label: str) -> str:
    return QCoreApplication.translate("CoverageChart", label)


def legend_html() -> str:
    return " &nbsp; ".join(f"<span style='color:{colour}'>■</span> {_segment(label)}" for label, colour, _ in SEGMENTS)


class CoverageChart(BarRows):
    unit_clicked = Signal(str)  # the unit key
    figure_sample = "99.999/99.999 · 100,0%"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort = SORT_LOWEST
        self.empty_text = self.tr("Daftar induk pegawai belum diimpor.")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def shown(self, group: GroupCoverage) -> bool:
        return bool(group.target)

    def order(self, groups: list[GroupCoverage]) -> None:
        if self.sort == SORT_OWING:
            groups.sort(key=lambda g: (-g.owing, g.label.casefold()))
        elif self.sort == SORT_NAME:
            groups.sort(key=lambda g: g.label.casefold())
        else:
            groups.sort(key=lambda g: (g.percentage, -g.owing, g.label.casefold()))

    def segments(self, group: GroupCoverage):
        return [(colour, count(group) / group.target) for _, colour, count in SEGMENTS]

    def figure(self, group: GroupCoverage) -> str:
        return f"{number(group.covered)}/{number(group.covered + group.owing)} · {group.percentage_text}"

    def tooltip(self, group: GroupCoverage) -> str:
        return tooltip(group)

    def mousePressEvent(self, event) -> None:
        group = self.group_at(event.position().toPoint().y())
        if group is not None:
            self.unit_clicked.emit(group.key)
        super().mousePressEvent(event)


def tooltip(group: GroupCoverage) -> str:
    parts = [f"{_segment(label)}: {number(count(group))}" for label, _, count in SEGMENTS]
    reasons = [f"{campaign_label(EXCUSE_REASONS[r])} {n}" for r, n in group.reasons.items() if r in EXCUSE_REASONS]
    text = f"{core_label(group.label)}\n" + " · ".join(parts)
    if reasons:
        text += "\n" + QCoreApplication.translate("CoverageChart", "Dikecualikan: {0}").format(", ".join(reasons))
    return text


__all__ = ["SORT_LOWEST", "SORT_NAME", "SORT_OWING", "CoverageChart", "legend_html", "tooltip"]
