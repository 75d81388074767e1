"""Coverage by OPD as 100 % bars — covered, excused, still owing — drawn with QPainter.

Every OPD gets a bar of the same length, so a small OPD that lags shows as plainly as a
large one; the figures at the right say how many. Rows keep a readable height and the
widget grows inside a scroll area. Clicking a row picks that OPD (the view then lists
the names still owing there).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...core.campaigns.coverage import GroupCoverage
from ...core.campaigns.service import EXCUSE_REASONS
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


def percent_text(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + "%"


class CoverageChart(QWidget):
    unit_clicked = Signal(str)  # the unit key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[GroupCoverage] = []
        self.sort = SORT_LOWEST
        self.selected: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def set_groups(self, groups: list[GroupCoverage]) -> None:
        self.groups = [g for g in groups if g.target]
        self._order()
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def set_sort(self, sort: int) -> None:
        self.sort = sort
        self._order()
        self.update()

    def set_selected(self, key: str | None) -> None:
        self.selected = key
        self.update()

    def _order(self) -> None:
        if self.sort == SORT_OWING:
            self.groups.sort(key=lambda g: (-g.owing, g.label.casefold()))
        elif self.sort == SORT_NAME:
            self.groups.sort(key=lambda g: g.label.casefold())
        else:
            self.groups.sort(key=lambda g: (g.percentage, -g.owing, g.label.casefold()))

    def sizeHint(self) -> QSize:
        return QSize(600, max(1, len(self.groups)) * self.row_height + 8)

    def _columns(self) -> tuple[int, int, int]:
        metrics = self.fontMetrics()
        figures = metrics.horizontalAdvance("99.999/99.999 · 100,0%") + 12
        longest = max((metrics.horizontalAdvance(g.label) for g in self.groups), default=0) + 12
        label = min(longest, int(self.width() * 0.4))
        return label, max(40, self.width() - label - figures - 8), figures

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        if not self.groups:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Daftar induk pegawai belum diimpor."))
            return
        label_width, bar_width, figure_width = self._columns()
        text_colour = self.palette().windowText().color()
        for index, group in enumerate(self.groups):
            top = 4 + index * self.row_height
            row = QRect(0, top, self.width(), self.row_height)
            if not row.intersects(event.rect()):
                continue
            if group.key == self.selected:
                painter.fillRect(row, self.palette().highlight().color().lighter(170))
            painter.setPen(text_colour)
            name = metrics.elidedText(core_label(group.label), Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRect(0, top, label_width - 8, self.row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x = float(label_width)
            for _, colour, count in SEGMENTS:
                width = bar_width * count(group) / group.target
                painter.fillRect(
                    QRect(round(x), top + 3, max(0, round(x + width) - round(x)), self.row_height - 6), QColor(colour)
                )
                x += width
            painter.drawText(
                QRect(label_width + bar_width + 8, top, figure_width, self.row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{number(group.covered)}/{number(group.covered + group.owing)} · {percent_text(group.percentage)}",
            )
        painter.end()

    def group_at(self, y: int) -> GroupCoverage | None:
        index = (y - 4) // self.row_height
        return self.groups[index] if 0 <= index < len(self.groups) else None

    def mousePressEvent(self, event) -> None:
        group = self.group_at(event.position().toPoint().y())
        if group is not None:
            self.unit_clicked.emit(group.key)
        super().mousePressEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            group = self.group_at(event.pos().y())
            if group is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), tooltip(group), self)
            return True
        return super().event(event)


def tooltip(group: GroupCoverage) -> str:
    parts = [f"{_segment(label)}: {number(count(group))}" for label, _, count in SEGMENTS]
    reasons = [f"{campaign_label(EXCUSE_REASONS[r])} {n}" for r, n in group.reasons.items() if r in EXCUSE_REASONS]
    text = f"{core_label(group.label)}\n" + " · ".join(parts)
    if reasons:
        text += "\n" + QCoreApplication.translate("CoverageChart", "Dikecualikan: {0}").format(", ".join(reasons))
    return text


__all__ = ["SORT_LOWEST", "SORT_NAME", "SORT_OWING", "CoverageChart", "legend_html", "percent_text", "tooltip"]
