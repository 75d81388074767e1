"""Ruled tables that run over pages: attendance lists, pledge sheets, reports.

Rows are fitted first (``fit_row``: each cell wraps at the table's size, and shrinks only
when it would be cut, never below ``MIN_TEXT_SIZE``), so the caller knows every row's
height, its page breaks and "Halaman x dari y" before anything is drawn. A cell text with
line breaks keeps them (``Nama`` over ``NIP``). The header row is drawn again at the top of
every page. Also the signing cell of Indonesian attendance lists: the column split in two,
odd numbers signing on the left, even on the right; a signature captured at the desk is
printed across the cell, trimmed to its ink, at most ``SIGNATURE_BOX`` (legible on paper).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .fit import FittedText, draw_fitted, fit_pdf_text
from .fonts import SANS
from .images import PdfImage, print_pdf_image
from .page import MIN_TEXT_SIZE, PageSpec, Rect, mm

GRID_GREY = 0.25
HEADER_FILL = (0.88, 0.88, 0.88)
BAND_FILL = (0.94, 0.94, 0.94)
SIGNATURE_BOX = (30 * mm, 12 * mm)  # a captured signature, trimmed to its ink, at most this size
SIGNATURE_ROW_HEIGHT = SIGNATURE_BOX[1] + 2 * mm
NUMBER_LABEL_WIDTH = 5 * mm  # "12." at the top left of a signing cell


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table's width
    align: str = "left"
    max_lines: int = 3
    bold: bool = False


@dataclass(frozen=True)
class FittedRow:
    cells: tuple[FittedText | None, ...]
    height: float


class TableLayout:
    """Column positions and fitted rows of one table; ``x`` and ``width`` in points."""

    def __init__(
        self,
        columns: Sequence[Column],
        x: float,
        width: float,
        *,
        size: float = 9,
        min_size: float = MIN_TEXT_SIZE,
        header_size: float = 8.5,
        padding: float = 1.4 * mm,
        min_row_height: float = 0.0,
    ) -> None:
        self.columns = tuple(columns)
        self.x, self.width = x, width
        self.size, self.min_size, self.header_size = size, min_size, header_size
        self.padding, self.min_row_height = padding, min_row_height
        total = sum(column.weight for column in self.columns)
        self.widths = tuple(width * column.weight / total for column in self.columns)
        lefts, left = [], x
        for column_width in self.widths:
            lefts.append(left)
            left += column_width
        self.lefts = tuple(lefts)
        self._header = tuple(
            fit_pdf_text(
                column.title,
                SANS.bold,
                column_width - 2 * padding,
                max_size=header_size,
                min_size=min(header_size, MIN_TEXT_SIZE),
                max_lines=3,
            )
            for column, column_width in zip(self.columns, self.widths, strict=True)
        )
        self.header_height = max(cell.height for cell in self._header) + 2 * padding

    def cell(self, index: int, top: float, height: float) -> Rect:
        return Rect(self.lefts[index], top - height, self.widths[index], height)

    def fit_row(self, texts: Sequence[str | None]) -> FittedRow:
        """Fit one row's texts (None leaves a cell for the caller to draw in)."""
        cells: list[FittedText | None] = []
        for column, column_width, text in zip(self.columns, self.widths, texts, strict=True):
            if text is None:
                cells.append(None)
                continue
            font = SANS.bold if column.bold else SANS.regular
            cells.append(self._fit_cell(text, font, column_width - 2 * self.padding, column.max_lines))
        tallest = max((cell.height for cell in cells if cell is not None), default=0.0)
        return FittedRow(tuple(cells), max(self.min_row_height, tallest + 2 * self.padding))

    def _fit_cell(self, text: str, font: str, room: float, max_lines: int) -> FittedText:
        """Wrap at the table's size first, so neighbouring rows look alike; shrink only to avoid
        cutting. Each line of ``text`` (``\\n``) starts a new line in the cell, all at one size."""
        parts = [part for part in text.split("\n") if part.strip()] or [""]
        longest_word = max((word for part in parts for word in part.split()), key=len, default="")
        size = self.size
        while True:
            fitted = [
                fit_pdf_text(part, font, room, max_size=size, min_size=size, max_lines=max_lines) for part in parts
            ]
            cut = any(part.truncated for part in fitted) or stringWidth(longest_word, font, size) > room
            if size <= self.min_size or not cut:  # a word is broken only when 8 pt cannot hold it
                break
            size = max(self.min_size, size - 0.5)
        lines = tuple(line for part in fitted for line in part.lines)
        return FittedText(lines, size, fitted[0].leading, any(part.truncated for part in fitted))

    def draw_header(self, canvas: Canvas, top: float) -> float:
        """The grey header row; returns its bottom."""
        height = self.header_height
        canvas.saveState()
        canvas.setFillColorRGB(*HEADER_FILL)
        canvas.rect(self.x, top - height, self.width, height, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        for index, fitted in enumerate(self._header):
            rect = self.cell(index, top, height)
            _draw_centred(canvas, fitted, SANS.bold, rect, self.padding, "center")
        self._grid(canvas, top, height)
        canvas.restoreState()
        return top - height

    def draw_row(self, canvas: Canvas, top: float, row: FittedRow) -> float:
        """Cell texts, vertically centred, and the row's rules; returns its bottom."""
        for index, (column, fitted) in enumerate(zip(self.columns, row.cells, strict=True)):
            if fitted is not None:
                font = SANS.bold if column.bold else SANS.regular
                _draw_centred(canvas, fitted, font, self.cell(index, top, row.height), self.padding, column.align)
        self._grid(canvas, top, row.height)
        return top - row.height

    def band_height(self, text: str) -> float:
        return self._band(text).height + 2 * self.padding

    def draw_band(self, canvas: Canvas, top: float, text: str) -> float:
        """A full-width row (a unit's name over its people); returns its bottom."""
        fitted = self._band(text)
        height = fitted.height + 2 * self.padding
        canvas.saveState()
        canvas.setFillColorRGB(*BAND_FILL)
        canvas.rect(self.x, top - height, self.width, height, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        draw_fitted(canvas, fitted, SANS.bold, self.x + self.padding, top - self.padding, self.width)
        canvas.setLineWidth(0.5)
        canvas.setStrokeGray(GRID_GREY)
        canvas.rect(self.x, top - height, self.width, height, stroke=1, fill=0)
        canvas.restoreState()
        return top - height

    def _band(self, text: str) -> FittedText:
        return fit_pdf_text(
            text, SANS.bold, self.width - 2 * self.padding, max_size=self.size, min_size=self.min_size, max_lines=3
        )

    def _grid(self, canvas: Canvas, top: float, height: float) -> None:
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.setStrokeGray(GRID_GREY)
        path = canvas.beginPath()
        path.rect(self.x, top - height, self.width, height)
        for left in self.lefts[1:]:
            path.moveTo(left, top)
            path.lineTo(left, top - height)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()


def _draw_centred(canvas: Canvas, fitted: FittedText, font: str, rect: Rect, padding: float, align: str) -> None:
    top = rect.top - (rect.height - fitted.height) / 2
    draw_fitted(canvas, fitted, font, rect.x + padding, top, rect.width - 2 * padding, align=align)


def signing_box(rect: Rect, number: int) -> Rect:
    """Where number ``number`` signs by hand: right of the number, inside its half, so a wide
    stroke never crosses the grid or the other half."""
    half = rect.width / 2
    left = rect.x if number % 2 else rect.x + half
    return Rect(left + 4 * mm, rect.y + 0.6 * mm, half - 5 * mm, rect.height - 1.2 * mm)


def signature_box(rect: Rect, *, numbered: bool = True) -> Rect:
    """Where a captured signature is printed: right of the number label (when the cell has one),
    centred in the rest of the cell, at most ``SIGNATURE_BOX`` (about 30 × 12 mm, as a hand signs)."""
    left = NUMBER_LABEL_WIDTH if numbered else 1 * mm
    room = Rect(rect.x + left, rect.y + 1 * mm, rect.width - left - 1 * mm, rect.height - 2 * mm)
    width, height = min(room.width, SIGNATURE_BOX[0]), min(room.height, SIGNATURE_BOX[1])
    return Rect(room.x + (room.width - width) / 2, room.y + (room.height - height) / 2, width, height)


def draw_signing_cell(
    canvas: Canvas,
    rect: Rect,
    number: int | None,
    *,
    signature: bytes | PdfImage | None = None,
    note: str = "",
    size: float = MIN_TEXT_SIZE,
) -> None:
    """A signing cell: ``number`` (None: no number), then the signature or room for one.

    A captured ``signature`` (PNG bytes, or ``print_pdf_image`` of them for the ``signature_box``,
    made ahead) is printed across the cell; without one, odd numbers sign on the left half and
    even on the right, as on paper lists. ``note`` replaces the empty space (e.g. why nobody signs).
    """
    half = rect.width / 2
    left = rect.x if (number or 1) % 2 else rect.x + half
    canvas.saveState()
    canvas.setFont(SANS.regular, size)
    canvas.setFillGray(0.2)
    if number is not None:
        label_x = rect.x if signature is not None else left
        canvas.drawString(label_x + 1 * mm, rect.top - size - 0.8 * mm, f"{number}.")
    if signature is not None:
        box = signature_box(rect, numbered=number is not None)
        image = (
            signature
            if isinstance(signature, PdfImage)
            else print_pdf_image(signature, box.width, box.height, trim=True)
        )
        image.draw_fitted(canvas, box.x, box.y, box.width, box.height)
    elif note:
        canvas.setFont(SANS.italic, size)
        canvas.setFillGray(0.45)
        canvas.drawCentredString(left + half / 2, rect.y + rect.height / 2 - size / 3, note)
    canvas.restoreState()


FOOTER_SIZE = MIN_TEXT_SIZE
PAGE_NUMBER_WIDTH = 32 * mm


def page_number_text(number: int, total: int) -> str:
    return f"Halaman {number} dari {total}"


def draw_page_footer(canvas: Canvas, page: PageSpec, number: int, total: int, left_text: str = "") -> None:
    """``Halaman x dari y`` at the right of the bottom margin, an optional document name at the left.

    The footer's baseline is ``page.footer_baseline`` from the paper's edge (well inside the
    bottom margin and clear of what a printer cannot reach); a long name wraps upwards.
    """
    frame = page.frame
    baseline = page.footer_baseline
    canvas.saveState()
    canvas.setFillGray(0.35)
    canvas.setFont(SANS.regular, FOOTER_SIZE)
    canvas.drawRightString(frame.right, baseline, page_number_text(number, total))
    if left_text:
        room = frame.width - PAGE_NUMBER_WIDTH
        fitted = fit_pdf_text(left_text, SANS.regular, room, max_size=FOOTER_SIZE, min_size=FOOTER_SIZE, max_lines=2)
        top = baseline + (len(fitted.lines) - 1) * fitted.leading + fitted.size
        draw_fitted(canvas, fitted, SANS.regular, frame.x, top, room)
    canvas.restoreState()


__all__ = [
    "SIGNATURE_BOX",
    "SIGNATURE_ROW_HEIGHT",
    "Column",
    "FittedRow",
    "TableLayout",
    "draw_page_footer",
    "draw_signing_cell",
    "page_number_text",
    "signature_box",
    "signing_box",
]
