"""Attendance by OPD as horizontal stacked bars (ReportLab graphics), readable for 5 or 80 OPDs.

One row per OPD: its name at the left (wrapped onto two lines, shrunk if it must), a bar as
long as its registered people split into in the room / online / absent, and
``hadir/terdaftar (persen)`` at the right. Horizontal bars keep long unit names legible,
and the chart is cut into chunks of whole rows so it can run over several pages; every
chunk uses the same scale, so bars on different pages compare.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from ..documents import MIN_TEXT_SIZE, SANS, draw_fitted, fit_pdf_text, mm
from .status import GroupCount, persen

ROW_HEIGHT = 8 * mm
AXIS_HEIGHT = 6 * mm  # value labels under the bars
LEGEND_HEIGHT = 7 * mm
VALUE_WIDTH = 29 * mm
LABEL_SIZE = MIN_TEXT_SIZE + 0.5  # OPD names wrap onto two lines at this size rather than shrink
SERIES: tuple[tuple[str, Color, Callable[[GroupCount], int]], ...] = (  # (legend text, colour, value of a group)
    ("Hadir di ruangan", Color(0.11, 0.24, 0.42), lambda g: g.in_room),
    ("Hadir daring", Color(0.35, 0.62, 0.88), lambda g: g.online),
    ("Tidak hadir", Color(0.83, 0.83, 0.83), lambda g: g.absent),
)


def chart_height(rows: int, *, legend: bool = False) -> float:
    return rows * ROW_HEIGHT + AXIS_HEIGHT + (LEGEND_HEIGHT if legend else 0)


def rows_that_fit(room: float, *, legend: bool = False) -> int:
    return max(0, int((room - AXIS_HEIGHT - (LEGEND_HEIGHT if legend else 0)) // ROW_HEIGHT))


def nice_maximum(value: int) -> tuple[int, int]:
    """(axis maximum, step) with 4–6 round steps: 37 -> (40, 10), 1234 -> (1400, 200)."""
    if value <= 5:
        return 5, 1
    raw = value / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return step * math.ceil(value / step), step


def draw_legend(canvas: Canvas, x: float, top: float, series: Sequence[tuple[str, Color, object]] = SERIES) -> float:
    """Colour keys of ``series`` ((label, colour, …) each) in one line; returns the y below it."""
    canvas.saveState()
    canvas.setFont(SANS.regular, LABEL_SIZE)
    left = x
    for label, colour, _ in series:
        canvas.setFillColor(colour)
        canvas.rect(left, top - 4 * mm, 3.5 * mm, 3.5 * mm, stroke=0, fill=1)
        canvas.setFillGray(0.1)
        canvas.drawString(left + 5 * mm, top - 3.6 * mm, label)
        left += 10 * mm + canvas.stringWidth(label, SANS.regular, LABEL_SIZE)
    canvas.restoreState()
    return top - LEGEND_HEIGHT


def draw_unit_chart(
    canvas: Canvas, groups: Sequence[GroupCount], x: float, top: float, width: float, scale_max: int
) -> float:
    """Draw one chunk of the chart below ``top``; returns the y under its axis."""
    label_width = min(72 * mm, width * 0.36)
    plot_x = x + label_width + 2 * mm
    plot_width = width - label_width - 2 * mm - VALUE_WIDTH
    plot_height = len(groups) * ROW_HEIGHT
    bottom = top - plot_height
    for index, group in enumerate(groups):
        row_top = top - index * ROW_HEIGHT
        label = fit_pdf_text(
            group.label, SANS.regular, label_width, max_size=LABEL_SIZE, min_size=MIN_TEXT_SIZE, max_lines=2
        )
        label_top = row_top - (ROW_HEIGHT - label.height) / 2  # centred on the bar
        draw_fitted(canvas, label, SANS.regular, x, label_top, label_width, align="right")
        canvas.saveState()
        canvas.setFont(SANS.regular, MIN_TEXT_SIZE)
        canvas.setFillGray(0.1)
        canvas.drawString(
            plot_x + plot_width + 2 * mm,
            row_top - ROW_HEIGHT / 2 - 2.5,
            f"{group.present}/{group.registered} ({group.percentage_text})",
        )
        canvas.restoreState()
    maximum, step = nice_maximum(scale_max)
    chart = HorizontalBarChart()
    chart.x, chart.y = 0, AXIS_HEIGHT  # type: ignore[assignment]  # any number; types-reportlab says int
    chart.width, chart.height = plot_width, plot_height  # type: ignore[assignment]  # as above
    chart.data = [[value(group) for group in groups] for _, _, value in SERIES]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.reverseDirection = 1  # first OPD at the top, as in the table
    chart.categoryAxis.categoryNames = [""] * len(groups)
    chart.categoryAxis.visibleTicks = 0
    chart.categoryAxis.strokeColor = Color(0.4, 0.4, 0.4)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, maximum, step
    chart.valueAxis.labels.fontName = SANS.regular
    chart.valueAxis.labels.fontSize = MIN_TEXT_SIZE
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.groupSpacing = ROW_HEIGHT * 0.3  # type: ignore[assignment]  # any number, as above
    chart.barWidth = ROW_HEIGHT * 0.7  # type: ignore[assignment]  # any number, as above
    for index, (_, colour, _) in enumerate(SERIES):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing = Drawing(plot_width, plot_height + AXIS_HEIGHT)
    drawing.add(chart)
    renderPDF.draw(drawing, canvas, plot_x, bottom - AXIS_HEIGHT)
    return bottom - AXIS_HEIGHT


__all__ = [
    "ROW_HEIGHT",
    "SERIES",
    "chart_height",
    "draw_legend",
    "draw_unit_chart",
    "nice_maximum",
    "persen",
    "rows_that_fit",
]
