"""Attendance by OPD as horizontal stacked bars, drawn with QPainter.

One row per unit: its name, a bar as long as the unit is large (in the room, online,
absent with a reason, not yet present), and ``present/registered · pct``. Rows keep a
readable height whatever the number of units; the widget grows and sits in a scroll area,
so 40+ OPDs stay legible instead of shrinking into a blur.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...core.reports.status import DINAS_LUAR, IZIN, SAKIT, GroupCount
from ..common.core_labels import core_label
from ..common.widgets import number

# (label, colour, how many of a group): the stacking order, left to right.
SEGMENTS = (
    (QT_TRANSLATE_NOOP("OpdChart", "Di ruangan"), "#2e7d32", lambda g: g.in_room),
    (QT_TRANSLATE_NOOP("OpdChart", "Daring"), "#1565c0", lambda g: g.online),
    (
        QT_TRANSLATE_NOOP("OpdChart", "Izin/Sakit/DL"),
        "#f9a825",
        lambda g: g.counts[IZIN] + g.counts[SAKIT] + g.counts[DINAS_LUAR],
    ),
    (
        QT_TRANSLATE_NOOP("OpdChart", "Belum hadir"),
        "#d5d8dc",
        lambda g: g.registered - g.present - g.counts[IZIN] - g.counts[SAKIT] - g.counts[DINAS_LUAR],
    ),
)
SORT_SIZE, SORT_LOWEST, SORT_NAME = range(3)


def legend_html() -> str:
    return " &nbsp; ".join(f"<span style='color:{colour}'>■</span> {_segment(label)}" for label, colour, _ in SEGMENTS)


def _segment(label: str) -> str:
    return QCoreApplication.translate("OpdChart", label)


class OpdChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[GroupCount] = []
        self.sort = SORT_SIZE
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    @property
    def row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def set_groups(self, groups: list[GroupCount]) -> None:
        self.groups = [g for g in groups if g.registered]
        self._order()
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def set_sort(self, sort: int) -> None:
        self.sort = sort
        self._order()
        self.update()

    def _order(self) -> None:
        if self.sort == SORT_LOWEST:
            self.groups.sort(key=lambda g: (g.percentage, -g.registered, g.label.casefold()))
        elif self.sort == SORT_NAME:
            self.groups.sort(key=lambda g: g.label.casefold())
        else:
            self.groups.sort(key=lambda g: (-g.registered, g.label.casefold()))

    def sizeHint(self) -> QSize:
        return QSize(600, max(1, len(self.groups)) * self.row_height + 8)

    def _columns(self) -> tuple[int, int, int]:
        """(label width, bar width, figure width) for the current size."""
        metrics = self.fontMetrics()
        figures = metrics.horizontalAdvance("9.999/9.999 · 100,0%") + 12
        longest = max((metrics.horizontalAdvance(g.label) for g in self.groups), default=0) + 12
        label = min(longest, int(self.width() * 0.4))
        return label, max(40, self.width() - label - figures - 8), figures

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        metrics = self.fontMetrics()
        if not self.groups:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Belum ada peserta."))
            return
        label_width, bar_width, figure_width = self._columns()
        largest = max(g.registered for g in self.groups)
        text_colour = self.palette().windowText().color()
        for index, group in enumerate(self.groups):
            top = 4 + index * self.row_height
            row = QRect(0, top, self.width(), self.row_height)
            if not row.intersects(event.rect()):
                continue
            painter.setPen(text_colour)
            name = metrics.elidedText(core_label(group.label), Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRect(0, top, label_width - 8, self.row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x = label_width
            full = bar_width * group.registered / largest
            bar_top, bar_height = top + 3, self.row_height - 6
            for _, colour, count in SEGMENTS:
                width = full * max(0, count(group)) / group.registered
                painter.fillRect(
                    QRect(round(x), bar_top, max(0, round(x + width) - round(x)), bar_height), QColor(colour)
                )
                x += width
            painter.drawText(
                QRect(label_width + bar_width + 8, top, figure_width, self.row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{number(group.present)}/{number(group.registered)} · {group.percentage_text}",
            )
        painter.end()

    def group_at(self, y: int) -> GroupCount | None:
        index = (y - 4) // self.row_height
        return self.groups[index] if 0 <= index < len(self.groups) else None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            group = self.group_at(event.pos().y())
            if group is None:
                QToolTip.hideText()
            else:
                parts = [f"{_segment(label)}: {number(max(0, count(group)))}" for label, _, count in SEGMENTS]
                QToolTip.showText(event.globalPos(), f"{core_label(group.label)}\n" + " · ".join(parts), self)
            return True
        return super().event(event)
