"""Paper sizes, orientation and margins, and the rectangles that layouts are built from.

Indonesian offices print on A4 and on F4 / Folio (215 × 330 mm); every document lets the
user choose. Units are PDF points (1/72 inch); ``mm`` converts.

Every official document (forms, lists, the report) uses the margins of *tata naskah dinas*,
written once here (``NASKAH_DINAS``) with where they come from; the page footer sits inside
the bottom margin, never within a printer's unprintable 5 mm; and no text is smaller than
``MIN_TEXT_SIZE`` (8 pt): text that does not fit wraps instead of shrinking further.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from reportlab.lib.units import mm

from ..errors import UserError


class PaperError(UserError, ValueError):
    """An unknown paper name; the message is for the user."""


class Paper(enum.Enum):
    A4 = ("A4", 210.0, 297.0)
    F4 = ("F4", 215.0, 330.0)

    def __init__(self, label: str, width_mm: float, height_mm: float) -> None:
        self.label = label
        self.width_mm = width_mm
        self.height_mm = height_mm

    @classmethod
    def parse(cls, name: str) -> Paper:
        """``a4``, ``F4``, ``folio`` (what F4 is also called) → a Paper."""
        key = (name or "").strip().upper()
        if key in ("F4", "FOLIO", "FOLIO/F4", "F4/FOLIO"):
            return cls.F4
        if key == "A4":
            return cls.A4
        raise PaperError(f"Ukuran kertas tidak dikenal: {name!r}. Pilih A4 atau F4.")


@dataclass(frozen=True)
class Rect:
    """A rectangle in points, origin at the bottom left as in PDF."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width

    def inset(self, dx: float, dy: float | None = None) -> Rect:
        dy = dx if dy is None else dy
        return Rect(self.x + dx, self.y + dy, self.width - 2 * dx, self.height - 2 * dy)


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 20.0
    right: float = 20.0
    bottom: float = 20.0
    left: float = 20.0

    @classmethod
    def uniform(cls, value_mm: float) -> Margins:
        return cls(value_mm, value_mm, value_mm, value_mm)


# Ruang tepi of tata naskah dinas: Permendagri 54/2009 (Tata Naskah Dinas di Lingkungan
# Pemerintah Daerah), Lampiran, "Penentuan Batas/Ruang Tepi" — top: 2 spaces under the kop, at
# least 2 cm without one; bottom at least 2.5 cm; left at least 3 cm (room to punch for a
# binder); right at least 2 cm. Ministries' own rules repeat the same figures.
NASKAH_DINAS = Margins(top=20.0, right=20.0, bottom=25.0, left=30.0)
KOP_TOP_MM = 15.0  # the kop itself starts here; the text begins two spaces below its rule
UNPRINTABLE_MM = 5.0  # what many office printers cannot reach at each edge
FOOTER_BASELINE_MM = 12.0  # page footers: inside the bottom margin, well clear of UNPRINTABLE_MM
MIN_TEXT_SIZE = 8.0  # points: nothing on an A4/F4 document is printed smaller
SINGLE_SPACING = 1.15  # a word processor's single line spacing, as a multiple of the size


def space_under_kop(size: float) -> float:
    """Two single-spaced lines at the body's ``size``: the gap between the kop and the text."""
    return 2 * size * SINGLE_SPACING


@dataclass(frozen=True)
class PageSpec:
    paper: Paper = Paper.A4
    landscape: bool = False
    margins: Margins = Margins()

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) in points, as ReportLab's ``pagesize`` wants."""
        width, height = self.paper.width_mm * mm, self.paper.height_mm * mm
        return (height, width) if self.landscape else (width, height)

    @property
    def frame(self) -> Rect:
        """The printable area inside the margins."""
        width, height = self.size
        m = self.margins
        return Rect(m.left * mm, m.bottom * mm, width - (m.left + m.right) * mm, height - (m.top + m.bottom) * mm)

    @property
    def kop_top(self) -> float:
        """Where a kop surat starts (above the frame: the text's top margin is measured under the kop)."""
        return self.size[1] - KOP_TOP_MM * mm

    @property
    def footer_baseline(self) -> float:
        return FOOTER_BASELINE_MM * mm


def naskah_dinas_page(paper: Paper = Paper.A4, landscape: bool = False) -> PageSpec:
    """A page of an official document: the paper, and the margins of tata naskah dinas."""
    return PageSpec(paper, landscape, NASKAH_DINAS)


__all__ = [
    "FOOTER_BASELINE_MM",
    "KOP_TOP_MM",
    "MIN_TEXT_SIZE",
    "NASKAH_DINAS",
    "UNPRINTABLE_MM",
    "Margins",
    "PageSpec",
    "Paper",
    "PaperError",
    "Rect",
    "mm",
    "naskah_dinas_page",
    "space_under_kop",
]
