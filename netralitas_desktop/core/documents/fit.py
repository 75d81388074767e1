"""Text that fits its box: shrink the font down to a minimum, then wrap, never overflow.

Names like ``Prof. Dr. Ir. H. Muhammad …, S.H., M.H., M.Si.`` and long unit names must stay
inside a card or a table cell. The algorithm only needs a ``measure(text, size) -> width``
function, so PDF (ReportLab) and PNG (Pillow) layouts share it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict, Unpack

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .fonts import register_fonts

Measure = Callable[[str, float], float]


class FontSizes(TypedDict):
    """The sizes a text may take, from ``max_size`` down to ``min_size``."""

    max_size: float
    min_size: float


class FitOptions(FontSizes, total=False):
    """``fit_text``'s keywords, for the helpers that pass them on."""

    max_lines: int
    max_height: float | None
    step: float
    leading: float


ELLIPSIS = "…"
LEADING = 1.18  # line height as a multiple of the font size
NO_BREAK_SPACE = "\u00a0"  # joins words that must stay on one line, e.g. a date
_BREAKS = re.compile(r"[^\S\u00a0]+")  # whitespace where a line may break: any but the no-break space


def _words(text: str) -> list[str]:
    return [word for word in _BREAKS.split(text or "") if word]


@dataclass(frozen=True)
class FittedText:
    lines: tuple[str, ...]
    size: float
    leading: float
    truncated: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


def fit_text(
    text: str,
    width: float,
    measure: Measure,
    *,
    max_size: float,
    min_size: float,
    max_lines: int = 1,
    max_height: float | None = None,
    step: float = 0.5,
    leading: float = LEADING,
) -> FittedText:
    """Lay ``text`` out within ``width`` (and ``max_height`` if given).

    First the largest size from ``max_size`` down to ``min_size`` at which it fits on one
    line; failing that, the largest size at which it wraps onto at most ``max_lines``
    lines; failing that, ``min_size`` with the last line cut short by an ellipsis.
    """
    text = " ".join(_words(text))
    if not text:
        return FittedText((), max_size, max_size * leading)
    sizes = _sizes(max_size, min_size, step)
    one_line_allowed = max_height is None or max_height >= min_size * leading
    if one_line_allowed:
        per_point = measure(text, max_size) / max_size
        estimate = width / per_point if per_point else max_size
        for size in sizes:
            if size <= estimate + step and measure(text, size) <= width and _fits_height(1, size, leading, max_height):
                return FittedText((text,), size, size * leading)
    for size in sizes:
        lines = wrap(text, width, _at_size(measure, size))
        if len(lines) <= max_lines and _fits_height(len(lines), size, leading, max_height):
            return FittedText(tuple(lines), size, size * leading)
    size = min_size
    room = max_lines if max_height is None else max(1, min(max_lines, int(max_height // (size * leading))))
    lines = wrap(text, width, lambda s: measure(s, size))
    if len(lines) <= room:
        return FittedText(tuple(lines), size, size * leading)
    kept = lines[:room]
    kept[-1] = _with_ellipsis(kept[-1], width, lambda s: measure(s, size))
    return FittedText(tuple(kept), size, size * leading, truncated=True)


def _sizes(max_size: float, min_size: float, step: float) -> list[float]:
    count = max(0, math.floor((max_size - min_size) / step + 1e-9))
    return [max_size - i * step for i in range(count + 1)]


def _fits_height(lines: int, size: float, leading: float, max_height: float | None) -> bool:
    return max_height is None or lines * size * leading <= max_height + 1e-6


def _at_size(measure: Measure, size: float) -> Callable[[str], float]:
    return lambda text: measure(text, size)


def wrap(text: str, width: float, measure_line: Callable[[str], float]) -> list[str]:
    """Greedy word wrap; a word wider than the line is broken between characters."""
    lines: list[str] = []
    current = ""
    for word in _words(text):
        candidate = f"{current} {word}" if current else word
        if measure_line(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while measure_line(current) > width and len(current) > 1:
            cut = _longest_prefix(current, width, measure_line)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines


def _longest_prefix(word: str, width: float, measure_line: Callable[[str], float]) -> int:
    low, high = 1, len(word)  # at least one character per line, so wrapping always ends
    while low < high:
        middle = (low + high + 1) // 2
        if measure_line(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _with_ellipsis(line: str, width: float, measure_line: Callable[[str], float]) -> str:
    text = line.rstrip()
    while text and measure_line(text + ELLIPSIS) > width:
        text = text[:-1].rstrip()
    return text + ELLIPSIS if text else ELLIPSIS


def pdf_measure(font: str) -> Measure:
    """``measure`` for a ReportLab font name (the bundled fonts are registered first)."""
    register_fonts()
    return lambda text, size: pdfmetrics.stringWidth(text, font, size)


def fit_pdf_text(text: str, font: str, width: float, **options: Unpack[FitOptions]) -> FittedText:
    return fit_text(text, width, pdf_measure(font), **options)


def wrap_pdf_text(text: str, font: str, width: float, *, size: float, min_size: float, max_lines: int) -> FittedText:
    """Wrap at ``size`` first (lines of a list or a stack of cards then look alike); shrink towards
    ``min_size`` only when ``max_lines`` would cut the text."""
    fitted = fit_pdf_text(text, font, width, max_size=size, min_size=size, max_lines=max_lines)
    if fitted.truncated and min_size < size:
        fitted = fit_pdf_text(text, font, width, max_size=size, min_size=min_size, max_lines=max_lines)
    return fitted


def baselines(fitted: FittedText, font: str, top: float) -> list[float]:
    """The baseline of each line when the first line's box starts at ``top``."""
    register_fonts()
    ascent = pdfmetrics.getAscent(font, fitted.size)
    descent = -pdfmetrics.getDescent(font, fitted.size)
    gap = max(0.0, (fitted.leading - ascent - descent) / 2)  # centre the glyph box in its line
    return [top - index * fitted.leading - gap - ascent for index in range(len(fitted.lines))]


def draw_fitted(
    canvas: Canvas,
    fitted: FittedText,
    font: str,
    x: float,
    top: float,
    width: float,
    *,
    align: str = "left",
) -> float:
    """Draw fitted lines below ``top`` (the top of the first line); returns the y under the last."""
    canvas.setFont(font, fitted.size)
    for line, baseline in zip(fitted.lines, baselines(fitted, font, top), strict=True):
        if align == "center":
            canvas.drawCentredString(x + width / 2, baseline, line)
        elif align == "right":
            canvas.drawRightString(x + width, baseline, line)
        else:
            canvas.drawString(x, baseline, line)
    return top - fitted.height


def draw_text_box(
    canvas: Canvas,
    text: str,
    font: str,
    x: float,
    top: float,
    width: float,
    *,
    align: str = "left",
    **options: Unpack[FitOptions],
) -> float:
    """Fit and draw in one call; returns the y under the last line."""
    fitted = fit_pdf_text(text, font, width, **options)
    return draw_fitted(canvas, fitted, font, x, top, width, align=align)


__all__ = [
    "NO_BREAK_SPACE",
    "FittedText",
    "Measure",
    "baselines",
    "draw_fitted",
    "draw_text_box",
    "fit_pdf_text",
    "fit_text",
    "pdf_measure",
    "wrap",
    "wrap_pdf_text",
]
