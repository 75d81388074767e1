"""QR codes for every document: one vector path in a PDF, or a crisp black-on-white image.

The modules come from zxing-cpp's C++ encoder, not from ``qrcode``'s pure-Python one, because
building the code was most of the cost of a card, form or certificate. Measured on this
2-core machine (bench/bench_qr.py): a 27-character check-in payload (25 modules) takes 5.8 ms
with qrcode against 0.7 ms here, a 90-character verification address (37 modules) 15.4 ms
against 1.4 ms — 2,000 documents spend 1–3 s on codes instead of 12–31 s. zxing-cpp is
already what reads codes at the desk and is pinned; every test that draws a code decodes it
again, so no qrcode fallback is kept (qrcode stays in the tests as an independent encoder).

Error correction M survives creases and smudges on paper; the quiet zone (4 modules, as the
standard asks) is drawn white around the code. ReportLab's QrCodeWidget draws one rectangle
per module through its graphics layer, which is slow for thousands of pages: here a code is
ONE filled path whose rectangles are the dark runs of each row (a run repeated exactly on the
next rows grows taller), so it prints sharp at any size without hairline seams.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import zxingcpp

if TYPE_CHECKING:
    from PIL import Image
    from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the code, as the standard asks
ERROR_CORRECTION = "M"

Matrix = Sequence[Sequence[bool]]

_DARK_RUN = re.compile(rb"\x00+")


def _modules(data: str | Matrix) -> tuple[int, bytes]:
    """(modules per side, one byte per module row by row: 0 dark, 255 light), no quiet zone."""
    if not isinstance(data, str):
        return len(data), bytes(0 if dark else 255 for row in data for dark in row)
    code = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_CORRECTION)
    image = code.to_image(scale=1, add_quiet_zones=False)
    pixels = memoryview(image)  # type: ignore[arg-type]  # a buffer; zxingcpp's stub omits __buffer__
    return image.shape[1], pixels.tobytes()


def qr_matrix(data: str) -> list[list[bool]]:
    """The dark/light modules of ``data`` (no quiet zone), smallest version that holds it."""
    size, modules = _modules(data)
    return [[modules[row * size + column] == 0 for column in range(size)] for row in range(size)]


def dark_rects(data: str | Matrix) -> list[tuple[int, int, int, int]]:
    """Dark areas as (column, row, width, height) in modules, row 0 at the top."""
    return _rects(*_modules(data))


def _rects(size: int, modules: bytes) -> list[tuple[int, int, int, int]]:
    rects: list[list[int]] = []
    open_runs: dict[tuple[int, int], list[int]] = {}  # (column, width) -> the rectangle it extends
    for row in range(size):
        start = row * size
        still_open = {}
        for match in _DARK_RUN.finditer(modules, start, start + size):
            run = (match.start() - start, match.end() - match.start())
            rect = open_runs.get(run)
            if rect is None:
                rect = [run[0], row, run[1], 0]
                rects.append(rect)
            rect[3] += 1
            still_open[run] = rect
        open_runs = still_open
    return [(column, row, width, height) for column, row, width, height in rects]


def qr_operators(data: str | Matrix) -> tuple[int, str]:
    """(modules per side, PDF ``re`` operators of the dark areas in module units, y down).

    Plain values, so a bulk run can compute them in worker processes and pass them to
    ``draw_qr(..., operators=...)``.
    """
    size, modules = _modules(data)
    return size, "\n".join([f"{c} {r} {w} {h} re" for c, r, w, h in _rects(size, modules)])


def draw_qr(
    canvas: Canvas,
    data: str | Matrix,
    x: float,
    y: float,
    size: float,
    *,
    quiet_zone: int = QUIET_ZONE,
    background: bool = True,
    operators: tuple[int, str] | None = None,
) -> None:
    """Draw a QR code whose square, quiet zone included, has its bottom-left at (x, y).

    ``size`` is in points (``20 * mm`` for 2 cm). ``data`` is the text or a ready matrix;
    ``operators`` (from ``qr_operators(data)``) may come ready from a worker process.
    """
    modules, path = operators or qr_operators(data)
    unit = size / (modules + 2 * quiet_zone)
    canvas.saveState()
    if background:
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    # Module units with y pointing down, so every rectangle is four small integers:
    # writing them directly is ~10x faster than ReportLab's per-number float formatting.
    canvas.transform(unit, 0, 0, -unit, x + quiet_zone * unit, y + size - quiet_zone * unit)
    canvas.addLiteral(path + "\nf")
    canvas.restoreState()


def qr_image(data: str | Matrix, module_px: int, *, quiet_zone: int = QUIET_ZONE) -> Image.Image:
    """A black-on-white Pillow image ("1" mode), each module ``module_px`` pixels square."""
    from PIL import Image, ImageOps

    size, modules = _modules(data)
    code = Image.frombytes("L", (size, size), modules).convert("1", dither=Image.Dither.NONE)
    code = ImageOps.expand(code, quiet_zone, fill=1)
    count = size + 2 * quiet_zone
    return code.resize((count * module_px, count * module_px), Image.Resampling.NEAREST)


__all__ = ["ERROR_CORRECTION", "QUIET_ZONE", "dark_rects", "draw_qr", "qr_image", "qr_matrix", "qr_operators"]
