"""Several cards on a page (invitations, name tags) with cut marks at their corners."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .page import PageSpec, Rect, mm

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class CardGrid:
    """``columns`` × ``rows`` equal cards filling the page frame, ``gutter`` apart.

    Cards are numbered across then down, as people read.
    """

    page: PageSpec
    columns: int
    rows: int
    gutter: float = 6 * mm

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def card_size(self) -> tuple[float, float]:
        frame = self.page.frame
        width = (frame.width - (self.columns - 1) * self.gutter) / self.columns
        height = (frame.height - (self.rows - 1) * self.gutter) / self.rows
        return width, height

    def cell(self, index: int) -> Rect:
        """The rectangle of card ``index`` (0-based) on its page."""
        position = index % self.per_page
        row, column = divmod(position, self.columns)
        width, height = self.card_size
        frame = self.page.frame
        x = frame.x + column * (width + self.gutter)
        y = frame.top - (row + 1) * height - row * self.gutter
        return Rect(x, y, width, height)

    def cells(self) -> list[Rect]:
        return [self.cell(i) for i in range(self.per_page)]

    def page_count(self, cards: int) -> int:
        return max(1, -(-cards // self.per_page))


def draw_cut_marks(
    canvas: Canvas, rect: Rect, *, gap: float = 1 * mm, length: float = 2 * mm, width: float = 0.3
) -> None:
    """Short lines continuing each edge of ``rect`` outward from its corners, ``gap`` away.

    They sit in the gutter, so a guillotine cut along them never touches the card's content.
    """
    canvas.saveState()
    canvas.setLineWidth(width)
    canvas.setStrokeColorRGB(0.35, 0.35, 0.35)
    path = canvas.beginPath()
    for cx, sx in ((rect.x, -1), (rect.right, 1)):
        for cy, sy in ((rect.y, -1), (rect.top, 1)):
            path.moveTo(cx + sx * gap, cy)
            path.lineTo(cx + sx * (gap + length), cy)
            path.moveTo(cx, cy + sy * gap)
            path.lineTo(cx, cy + sy * (gap + length))
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


__all__ = ["CardGrid", "draw_cut_marks"]
