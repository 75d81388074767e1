"""Kop surat: the instansi's letterhead — logo, name lines, address, and a double rule.

The convention in Indonesian government letters: the logo at the left, the name lines
centred and bold (the issuing office largest, last), the address below in a smaller
face, and a thick rule over a thin one across the page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from .fit import draw_text_box
from .fonts import SANS, FontFamily
from .page import mm

ImageSource = str | os.PathLike[str] | bytes | object  # a path, PNG/JPEG bytes, or a PIL image


def image_reader(source: ImageSource) -> ImageReader:
    """A ReportLab ImageReader from a path, bytes or a PIL image."""
    if isinstance(source, (bytes, bytearray)):
        import io

        return ImageReader(io.BytesIO(source))
    if isinstance(source, os.PathLike):
        return ImageReader(os.fspath(source))
    return ImageReader(source)


@dataclass
class Letterhead:
    """``lines``: e.g. ("PEMERINTAH KABUPATEN SUKAMAKMUR", "BADAN KEPEGAWAIAN DAERAH")."""

    lines: tuple[str, ...]
    address_lines: tuple[str, ...] = ()
    logo: ImageSource | None = None
    family: FontFamily = field(default=SANS)
    logo_height: float = 24 * mm


def draw_letterhead(canvas: Canvas, letterhead: Letterhead, x: float, top: float, width: float) -> float:
    """Draw the letterhead below ``top`` across ``width``; returns the y under the double rule."""
    text_left, text_width = x, width
    logo_width = 0.0
    if letterhead.logo is not None:
        reader = image_reader(letterhead.logo)
        image_width, image_height = reader.getSize()
        logo_width = letterhead.logo_height * image_width / image_height
        canvas.drawImage(
            reader,
            x,
            top - letterhead.logo_height,
            logo_width,
            letterhead.logo_height,
            mask="auto",
            preserveAspectRatio=True,
        )
        # Keep the text centred on the page: reserve the logo's width on both sides.
        text_left, text_width = x + logo_width + 3 * mm, width - 2 * (logo_width + 3 * mm)
    y = top
    lines = [line for line in letterhead.lines if line.strip()]
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        y = draw_text_box(
            canvas,
            line,
            letterhead.family.bold,
            text_left,
            y,
            text_width,
            align="center",
            max_size=16 if last else 13,
            min_size=12 if last else 10,
            max_lines=2,
        )
    for line in letterhead.address_lines:
        if line.strip():
            y = draw_text_box(
                canvas,
                line,
                letterhead.family.regular,
                text_left,
                y,
                text_width,
                align="center",
                max_size=9.5,
                min_size=8,
                max_lines=2,
            )
    bottom = (min(y, top - letterhead.logo_height) if letterhead.logo is not None else y) - 2 * mm
    canvas.saveState()
    canvas.setLineWidth(2.25)
    canvas.line(x, bottom, x + width, bottom)
    canvas.setLineWidth(0.75)
    canvas.line(x, bottom - 2.2, x + width, bottom - 2.2)
    canvas.restoreState()
    return bottom - 2.2 - 0.5


__all__ = ["ImageSource", "Letterhead", "draw_letterhead", "image_reader"]
