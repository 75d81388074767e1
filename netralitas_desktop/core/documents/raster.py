"""Fitted text on Pillow images (PNG cards sent by WhatsApp), with the bundled fonts.

Sizes are whole pixels; ``fit.fit_text`` does the shrinking and wrapping as for PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Required, TypedDict, Unpack

from .fit import FittedText, Measure, fit_text
from .fonts import pil_font

if TYPE_CHECKING:
    from PIL import ImageDraw


def pil_measure(face: str) -> Measure:
    return lambda text, size: pil_font(face, int(size)).getlength(text)


Ink = str | tuple[int, ...]  # a colour name or "#rrggbb", or RGB(A) values


class ImageFitOptions(TypedDict, total=False):
    """``fit_image_text``'s keywords, for ``draw_image_text_box`` to pass on."""

    max_size: Required[int]
    min_size: Required[int]
    max_lines: int
    max_height: float | None


def fit_image_text(
    text: str,
    face: str,
    width: float,
    *,
    max_size: int,
    min_size: int,
    max_lines: int = 1,
    max_height: float | None = None,
) -> FittedText:
    return fit_text(
        text,
        width,
        pil_measure(face),
        max_size=max_size,
        min_size=min_size,
        max_lines=max_lines,
        max_height=max_height,
        step=1,
    )


def draw_image_text(
    draw: ImageDraw.ImageDraw,
    fitted: FittedText,
    face: str,
    x: float,
    top: float,
    width: float,
    *,
    fill: Ink = "black",
    align: str = "left",
) -> float:
    """Draw fitted lines from ``top`` down; returns the y under the last line."""
    font = pil_font(face, int(fitted.size))
    ascent, descent = font.getmetrics()
    gap = max(0.0, (fitted.leading - ascent - descent) / 2)
    for index, line in enumerate(fitted.lines):
        baseline = top + index * fitted.leading + gap + ascent
        if align == "center":
            position, anchor = (x + width / 2, baseline), "ms"
        elif align == "right":
            position, anchor = (x + width, baseline), "rs"
        else:
            position, anchor = (x, baseline), "ls"
        draw.text(position, line, font=font, fill=fill, anchor=anchor)
    return top + fitted.height


def draw_image_text_box(
    draw: ImageDraw.ImageDraw,
    text: str,
    face: str,
    x: float,
    top: float,
    width: float,
    *,
    fill: Ink = "black",
    align: str = "left",
    **options: Unpack[ImageFitOptions],
) -> float:
    fitted = fit_image_text(text, face, width, **options)
    return draw_image_text(draw, fitted, face, x, top, width, fill=fill, align=align)


__all__ = ["draw_image_text", "draw_image_text_box", "fit_image_text", "pil_measure"]
