"""The bundled Liberation fonts, registered with ReportLab once per process.

Liberation Sans / Serif are metric-compatible with Arial / Times New Roman, which
Indonesian offices use, and cover the names we print (é, ü, ’). Families are registered
so ``<b>`` and ``<i>`` work in ReportLab Paragraphs. Pillow loads the same files.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...resources import resource_path

if TYPE_CHECKING:
    from PIL import ImageFont


@dataclass(frozen=True)
class FontFamily:
    """Four faces of one typeface, by their ReportLab font names."""

    name: str

    @property
    def regular(self) -> str:
        return f"{self.name}-Regular"

    @property
    def bold(self) -> str:
        return f"{self.name}-Bold"

    @property
    def italic(self) -> str:
        return f"{self.name}-Italic"

    @property
    def bold_italic(self) -> str:
        return f"{self.name}-BoldItalic"

    @property
    def faces(self) -> tuple[str, str, str, str]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


SANS = FontFamily("LiberationSans")
SERIF = FontFamily("LiberationSerif")
FAMILIES = (SANS, SERIF)

_lock = threading.Lock()
_registered = False


def font_file(face: str) -> Path:
    """The TTF file of a face such as ``LiberationSans-Bold`` (for Pillow, or checks)."""
    return resource_path("fonts", f"{face}.ttf")


def register_fonts() -> None:
    """Register every bundled face and family with ReportLab; later calls do nothing."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for family in FAMILIES:
            for face in family.faces:
                pdfmetrics.registerFont(TTFont(face, str(font_file(face))))
            pdfmetrics.registerFontFamily(
                family.name,
                normal=family.regular,
                bold=family.bold,
                italic=family.italic,
                boldItalic=family.bold_italic,
            )
            # Paragraph markup names the family by its regular face too (fontName=…-Regular).
            faces: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
                (0, 0, family.regular),
                (1, 0, family.bold),
                (0, 1, family.italic),
                (1, 1, family.bold_italic),
            )
            for bold, italic, face in faces:
                addMapping(family.regular, bold, italic, face)
        _registered = True


@lru_cache(maxsize=256)
def pil_font(face: str, size_px: int) -> ImageFont.FreeTypeFont:
    """A Pillow font of a bundled face at a pixel size (cached: loading a TTF costs ~1 ms)."""
    from PIL import ImageFont

    return ImageFont.truetype(str(font_file(face)), size_px)


__all__ = ["FAMILIES", "SANS", "SERIF", "FontFamily", "font_file", "pil_font", "register_fonts"]
