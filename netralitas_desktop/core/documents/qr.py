"""QR codes from the ``qrcode`` library's module matrix: vector paths for PDF, crisp PNGs.

ReportLab's QrCodeWidget draws one rectangle per module through its graphics layer, which
is slow for thousands of cards. Here a code becomes ONE filled path whose rectangles are
the matrix's dark runs (merged across rows when they repeat), so a card costs little and
prints sharp at any size. Rectangles in one path filled once leave no hairline seams. Error correction M survives creases and smudges on paper.
"""

from __future__ import annotations

from typing import Sequence

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules of white around the code, as the standard asks

Matrix = Sequence[Sequence[bool]]


def qr_matrix(data: str) -> list[list[bool]]:
    """The dark/light modules of ``data`` (no quiet zone), smallest version that holds it."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def dark_rects(matrix: Matrix) -> list[tuple[int, int, int, int]]:
    """Dark areas as (column, row, width, height) in modules, row 0 at the top.

    Each row's dark runs are merged; a run repeated exactly on the next rows grows taller.
    """
    rects: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], int] = {}  # (column, width) -> index in rects
    for row_index, row in enumerate(matrix):
        runs = _runs(row)
        still_open: dict[tuple[int, int], int] = {}
        for run in runs:
            index = open_runs.get(run)
            if index is None:
                rects.append((run[0], row_index, run[1], 1))
                index = len(rects) - 1
            else:
                column, top, width, height = rects[index]
                rects[index] = (column, top, width, height + 1)
            still_open[run] = index
        open_runs = still_open
    return rects


def _runs(row: Sequence[bool]) -> list[tuple[int, int]]:
    runs = []
    start = None
    for column, dark in enumerate(row):
        if dark and start is None:
            start = column
        elif not dark and start is not None:
            runs.append((start, column - start))
            start = None
    if start is not None:
        runs.append((start, len(row) - start))
    return runs


def draw_qr(
    canvas,
    data: str | Matrix,
    x: float,
    y: float,
    size: float,
    *,
    quiet_zone: int = QUIET_ZONE,
    background: bool = True,
) -> None:
    """Draw a QR code whose square, quiet zone included, has its bottom-left at (x, y).

    ``size`` is in points (``20 * mm`` for 2 cm). ``data`` is the text or a ready matrix.
    """
    matrix = qr_matrix(data) if isinstance(data, str) else data
    modules = len(matrix) + 2 * quiet_zone
    unit = size / modules
    canvas.saveState()
    if background:
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    # Work in module units with y pointing down, so every rectangle is four small integers:
    # writing them directly is ~10x faster than ReportLab's per-number float formatting.
    canvas.transform(unit, 0, 0, -unit, x + quiet_zone * unit, y + size - quiet_zone * unit)
    operators = [f"{column} {row} {width} {height} re" for column, row, width, height in dark_rects(matrix)]
    canvas.addLiteral("\n".join(operators) + "\nf")
    canvas.restoreState()


def qr_image(data: str | Matrix, module_px: int, *, quiet_zone: int = QUIET_ZONE):
    """A black-on-white Pillow image ("1" mode), each module ``module_px`` pixels square."""
    from PIL import Image

    matrix = qr_matrix(data) if isinstance(data, str) else data
    count = len(matrix) + 2 * quiet_zone
    small = Image.new("1", (count, count), 1)
    pixels = small.load()
    for row_index, row in enumerate(matrix):
        for column, dark in enumerate(row):
            if dark:
                pixels[column + quiet_zone, row_index + quiet_zone] = 0
    return small.resize((count * module_px, count * module_px), Image.Resampling.NEAREST)


__all__ = ["QUIET_ZONE", "qr_matrix", "dark_rects", "draw_qr", "qr_image"]
