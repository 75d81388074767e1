"""The one-page summary for the Sekda: the campaign's coverage in figures and a chart per OPD.

Kop (of the campaign's ikrar mandiri event, else its latest event), the headline figures
(target, covered, excused, owing, percentage), how people pledged, a table per employment
type, then every OPD as a 100 % bar — covered, excused, still owing — lowest first, so the
OPDs that lag stand at the top. Rows shrink to fit the page; with more OPDs than fit even
small, the lowest are shown and the rest are named by count (the workbook lists them all).
The numbers are one ``coverage.load_coverage`` snapshot, the view's.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from ..dates import clock_time, day_and_date, place_and_date
from ..documents import (
    MIN_TEXT_SIZE,
    SANS,
    DocumentError,
    Paper,
    PdfTarget,
    atomic_output,
    draw_fitted,
    draw_letterhead,
    draw_signatory,
    draw_text_box,
    fit_pdf_text,
    mm,
    naskah_dinas_page,
    new_canvas,
    space_under_kop,
)
from ..event_settings import get_asset
from ..events import get_event
from ..pledges.document_settings import SIGNATORY_SIGNATURE, SIGNATORY_STAMP, letterhead_for
from ..reports.report_chart import draw_legend
from .coverage import ROUTE_LABELS, ROUTES, Coverage, GroupCoverage
from .export_xlsx import CampaignExportResult, CampaignFileJob, record_campaign_export
from .service import template_event

TITLE = "RINGKASAN CAKUPAN IKRAR NETRALITAS"
SERIES: tuple[tuple[str, Color, Callable[[GroupCoverage], int]], ...] = (  # (legend, colour, value of a group)
    ("Sudah ikrar", Color(0.18, 0.49, 0.20), lambda g: g.covered),
    ("Dikecualikan", Color(0.98, 0.66, 0.15), lambda g: g.excused),
    ("Belum ikrar", Color(0.82, 0.83, 0.85), lambda g: g.owing),
)
MAX_ROW = 7 * mm
MIN_ROW = MIN_TEXT_SIZE * 1.25  # a row as small as its 8 pt label allows
SIGNATURE_HEIGHT = 36 * mm


def render_summary(target: PdfTarget, coverage: Coverage, *, paper: Paper = Paper.A4) -> None:
    """Draw the summary page into ``target`` (a path or a binary file)."""
    page = naskah_dinas_page(paper)
    frame = page.frame
    event_id = template_event(coverage.campaign.id)
    event = get_event(event_id) if event_id is not None else None
    canvas = new_canvas(
        target,
        page,
        title=f"Ringkasan Cakupan Ikrar \u2013 {coverage.campaign.name}",
        subject="Cakupan ikrar netralitas per OPD",
        author=(event.organizer or event.instansi) if event else "",
    )
    y = frame.top
    letterhead = letterhead_for(event_id) if event_id is not None else None
    if letterhead is not None:
        y = draw_letterhead(canvas, letterhead, frame.x, page.kop_top, frame.width) - space_under_kop(MIN_TEXT_SIZE)
    y = draw_text_box(canvas, TITLE, SANS.bold, frame.x, y, frame.width, align="center", max_size=13, min_size=10)
    y = draw_text_box(
        canvas, coverage.campaign.name, SANS.bold, frame.x, y, frame.width, align="center", max_size=12, min_size=9
    )
    made = coverage.made_at
    when = f"Keadaan per {day_and_date(made.date())} pukul {clock_time(made.time())} \u00b7 batas waktu "
    when += day_and_date(coverage.campaign.deadline)
    y = draw_text_box(canvas, when, SANS.regular, frame.x, y, frame.width, align="center", max_size=9, min_size=8)
    y = _figures(canvas, coverage.total, frame.x, y - 4 * mm, frame.width)
    y = _employment(canvas, coverage, frame.x, y - 1 * mm, frame.width)
    bottom = frame.y + (SIGNATURE_HEIGHT if event and not event.signatory1.is_empty else 8 * mm)
    _chart(canvas, coverage, frame.x, y - 3 * mm, frame.width, bottom + 6 * mm)
    _notes(canvas, coverage, frame.x, bottom + 5 * mm, frame.width)
    if event is not None and event_id is not None and not event.signatory1.is_empty:
        width = min(frame.width / 2, 80 * mm)
        draw_signatory(
            canvas,
            event.signatory1,
            frame.right - width,
            frame.y + SIGNATURE_HEIGHT - 2 * mm,
            width,
            place_date=place_and_date(event.place_name, made.date()),
            signature=get_asset(event_id, SIGNATORY_SIGNATURE),
            stamp=get_asset(event_id, SIGNATORY_STAMP),
            size=9,
            space=13 * mm,
        )
    canvas.showPage()
    try:
        canvas.save()
    except OSError as err:
        raise DocumentError(f"Berkas ringkasan tidak bisa disimpan: {err.strerror or err}.") from err


def angka(number: int) -> str:
    """``2.000``: Indonesian thousands separator."""
    return f"{number:,}".replace(",", ".")


def _figures(canvas: Canvas, total: GroupCoverage, x: float, top: float, width: float) -> float:
    """Five boxes with the headline figures, then the routes; returns the y under them."""
    boxes = (
        ("Target (pegawai aktif)", angka(total.target)),
        ("Sudah ikrar", angka(total.covered)),
        ("Dikecualikan", angka(total.excused)),
        ("Belum ikrar", angka(total.owing)),
        ("Cakupan", total.percentage_text),
    )
    gap, height = 2 * mm, 15 * mm
    box_width = (width - gap * (len(boxes) - 1)) / len(boxes)
    canvas.saveState()
    for index, (caption, figure) in enumerate(boxes):
        left = x + index * (box_width + gap)
        canvas.setStrokeGray(0.6)
        canvas.setFillGray(0.96 if index < 4 else 0.90)
        canvas.rect(left, top - height, box_width, height, stroke=1, fill=1)
        canvas.setFillGray(0.25)
        draw_text_box(
            canvas,
            caption,
            SANS.regular,
            left,
            top - 1.5 * mm,
            box_width,
            align="center",
            max_size=MIN_TEXT_SIZE,
            min_size=MIN_TEXT_SIZE,
        )
        canvas.setFillGray(0)
        draw_text_box(
            canvas, figure, SANS.bold, left, top - 6 * mm, box_width, align="center", max_size=16, min_size=10
        )
    canvas.restoreState()
    routes = " \u00b7 ".join(f"{ROUTE_LABELS[route]} {angka(total.routes.get(route, 0))}" for route in ROUTES)
    return draw_text_box(
        canvas,
        f"Sudah ikrar melalui: {routes}",
        SANS.regular,
        x,
        top - height - 1.5 * mm,
        width,
        max_size=8.5,
        min_size=MIN_TEXT_SIZE,
    )


def _employment(canvas: Canvas, coverage: Coverage, x: float, top: float, width: float) -> float:
    """One line per employment type's figures (a table would take the chart's room)."""
    parts = [
        f"{group.label} {angka(group.covered)} dari {angka(group.covered + group.owing)} ({group.percentage_text})"
        for group in coverage.employment
    ]
    text = "Per jenis pegawai: " + " \u00b7 ".join(parts)
    return draw_text_box(canvas, text, SANS.regular, x, top, width, max_size=8.5, min_size=MIN_TEXT_SIZE, max_lines=2)


def _chart(canvas: Canvas, coverage: Coverage, x: float, top: float, width: float, bottom: float) -> None:
    """Bars lowest first, in one column, or two when one would make the rows too small to read."""
    y = draw_text_box(canvas, "Cakupan per OPD (terendah di atas)", SANS.bold, x, top, width, max_size=10, min_size=9)
    y = draw_legend(canvas, x, y - 1 * mm, SERIES)
    groups = sorted((g for g in coverage.units if g.target), key=lambda g: (g.percentage, -g.owing, g.label.casefold()))
    room = y - bottom - 5 * mm  # the axis labels under the bars
    columns = 1 if len(groups) * MIN_ROW <= room else 2
    per_column = max(1, math.ceil(len(groups) / columns))
    row = min(MAX_ROW, room / per_column)
    if row < MIN_ROW:
        row, per_column = MIN_ROW, max(1, int(room // MIN_ROW))
    shown = groups[: per_column * columns]
    gap = 6 * mm
    column_width = (width - gap * (columns - 1)) / columns
    for index in range(columns):
        chunk = shown[index * per_column : (index + 1) * per_column]
        if chunk:
            _bars(canvas, chunk, x + index * (column_width + gap), y, column_width, row)
    if len(shown) < len(groups):
        more = f"\u2026 dan {len(groups) - len(shown)} OPD lain dengan cakupan lebih tinggi (lihat berkas XLSX)."
        draw_text_box(
            canvas, more, SANS.italic, x, y - row * per_column - 5 * mm, width, max_size=8, min_size=MIN_TEXT_SIZE
        )


def _bars(canvas: Canvas, groups: list[GroupCoverage], x: float, top: float, width: float, row: float) -> None:
    """One column of 100 % bars with the OPD's name at the left and its figures at the right."""
    label_width, figure_width = min(80 * mm, width * 0.42), min(30 * mm, width * 0.24)
    plot_x, plot_width = x + label_width + 2 * mm, width - label_width - figure_width - 4 * mm
    size = max(MIN_TEXT_SIZE, min(9.0, row / 1.3))
    bottom = top - row * len(groups)
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.setStrokeGray(0.8)
    canvas.setFont(SANS.regular, MIN_TEXT_SIZE)
    for percent in range(0, 101, 25):
        grid_x = plot_x + plot_width * percent / 100
        canvas.line(grid_x, top, grid_x, bottom)
        canvas.setFillGray(0.35)
        canvas.drawCentredString(grid_x, bottom - 3 * mm, f"{percent}%")
    for index, group in enumerate(groups):
        row_top = top - index * row
        lines = 2 if row >= 2.3 * size else 1
        label = fit_pdf_text(
            group.label, SANS.regular, label_width, max_size=size, min_size=MIN_TEXT_SIZE, max_lines=lines
        )
        canvas.setFillGray(0.1)
        draw_fitted(canvas, label, SANS.regular, x, row_top - (row - label.height) / 2, label_width, align="right")
        left = plot_x
        for _, colour, value in SERIES:
            share = plot_width * value(group) / group.target
            canvas.setFillColor(colour)
            canvas.rect(left, row_top - row * 0.85, share, row * 0.7, stroke=0, fill=1)
            left += share
        figure = f"{angka(group.covered)}/{angka(group.covered + group.owing)} \u00b7 {group.percentage_text}"
        fitted = fit_pdf_text(figure, SANS.regular, figure_width, max_size=size, min_size=MIN_TEXT_SIZE)
        canvas.setFillGray(0.1)
        draw_fitted(
            canvas,
            fitted,
            SANS.regular,
            plot_x + plot_width + 2 * mm,
            row_top - (row - fitted.height) / 2,
            figure_width,
        )
    canvas.restoreState()


def _notes(canvas: Canvas, coverage: Coverage, x: float, top: float, width: float) -> None:
    notes = []
    if coverage.left_members:
        notes.append(f"{coverage.left_members} pegawai yang sudah keluar tidak dihitung dalam target.")
    if coverage.outside_roster:
        notes.append(f"{coverage.outside_roster} orang berikrar tetapi tidak ada di daftar induk pegawai aktif.")
    if notes:
        text = " ".join(notes)
        draw_text_box(canvas, text, SANS.regular, x, top, width, max_size=8.5, min_size=MIN_TEXT_SIZE, max_lines=2)


class CampaignSummaryJob(CampaignFileJob):
    title = "Membuat ringkasan cakupan ikrar (PDF)"

    def run(self) -> CampaignExportResult:
        coverage = self.snapshot()
        with atomic_output(self.path) as temp:
            render_summary(temp, coverage, paper=self.paper)
        record_campaign_export(coverage, "pdf", 0, self.actor)
        return CampaignExportResult(str(self.path), "pdf", coverage.total.target, coverage.total.owing)


__all__ = ["CampaignSummaryJob", "render_summary"]
