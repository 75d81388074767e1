"""One horizontal stacked bar per group (an OPD), drawn with QPainter: the base of the OPD charts.

A row is the group's name at the left (elided), a bar made of coloured segments, and a
figure at the right. Rows keep a readable height whatever the number of groups; the widget
grows and sits in a scroll area, so 40+ OPDs stay legible instead of shrinking into a blur.
Subclasses say which groups to show, in which order, how long each bar is and what it holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .core_labels import core_label


class BarRows(QWidget):
    empty_text = ""  # shown when there is no group
    figure_sample = "9.999/9.999 · 100%"  # the widest figure expected, for the column's width

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list = []
        self.sort = 0
        self.selected: str | None = None  # key of a highlighted group
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    # What a subclass says ------------------------------------------------------------------
    def shown(self, group) -> bool:
        return True

    def order(self, groups: list) -> None:
        """Sort ``groups`` in place by ``self.sort``."""

    def length(self, group) -> float:
        """The bar's length, 0–1 of the full width."""
        return 1.0

    def segments(self, group) -> Sequence[tuple[str, float]]:
        """(colour, share of the bar) from left to right."""
        return ()

    def figure(self, group) -> str:
        return ""

    def tooltip(self, group) -> str:
        return core_label(group.label)

    # Shared ---------------------------------------------------------------------------------
    @property
    def row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def set_groups(self, groups: list) -> None:
        self.groups = [g for g in groups if self.shown(g)]
        self.order(self.groups)
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def set_sort(self, sort: int) -> None:
        self.sort = sort
        self.order(self.groups)
        self.update()

    def set_selected(self, key: str | None) -> None:
        self.selected = key
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, max(1, len(self.groups)) * self.row_height + 8)

    def _columns(self) -> tuple[int, int, int]:
        """(label width, bar width, figure width) for the current size."""
        metrics = self.fontMetrics()
        figures = metrics.horizontalAdvance(self.figure_sample) + 12
        longest = max((metrics.horizontalAdvance(core_label(g.label)) for g in self.groups), default=0) + 12
        label = min(longest, int(self.width() * 0.4))
        return label, max(40, self.width() - label - figures - 8), figures

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if not self.groups:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        metrics = self.fontMetrics()
        label_width, bar_width, figure_width = self._columns()
        text_colour = self.palette().windowText().color()
        for index, group in enumerate(self.groups):
            top = 4 + index * self.row_height
            row = QRect(0, top, self.width(), self.row_height)
            if not row.intersects(event.rect()):
                continue
            if self.selected is not None and getattr(group, "key", None) == self.selected:
                painter.fillRect(row, self.palette().highlight().color().lighter(170))
            painter.setPen(text_colour)
            name = metrics.elidedText(core_label(group.label), Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                QRect(0, top, label_width - 8, self.row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x, full = float(label_width), bar_width * self.length(group)
            for colour, share in self.segments(group):
                width = full * max(0.0, share)
                painter.fillRect(
                    QRect(round(x), top + 3, max(0, round(x + width) - round(x)), self.row_height - 6), QColor(colour)
                )
                x += width
            painter.drawText(
                QRect(label_width + bar_width + 8, top, figure_width, self.row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.figure(group),
            )
        painter.end()

    def group_at(self, y: int):
        index = (y - 4) // self.row_height
        return self.groups[index] if 0 <= index < len(self.groups) else None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            group = self.group_at(event.pos().y())
            if group is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(group), self)
            return True
        return super().event(event)


__all__ = ["BarRows"]
