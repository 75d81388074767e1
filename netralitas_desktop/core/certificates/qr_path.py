"""A certificate's QR code as PDF path operators: zxing-cpp's C++ encoder plus a bytes regex.

Kept apart from ReportLab and Pillow so a worker process that computes codes for a merged
PDF starts in a blink (it imports only zxing-cpp). Dark runs repeated exactly on the next
rows grow taller, so a code is a few hundred ``re`` operators in module units.
"""

from __future__ import annotations

import re

import zxingcpp

_DARK_RUN = re.compile(rb"\x00+")


def qr_rects(text: str) -> tuple[int, list[tuple[int, int, int, int]]]:
    """(modules per side, dark rectangles as column, row, width, height), error correction M."""
    image = memoryview(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
                       .to_image(scale=1, add_quiet_zones=False))
    rows, columns = image.shape
    raw = image.tobytes()
    rects: list[list[int]] = []
    open_runs: dict[tuple[int, int], list[int]] = {}
    for row in range(rows):
        still_open = {}
        for match in _DARK_RUN.finditer(raw, row * columns, (row + 1) * columns):
            run = (match.start() - row * columns, match.end() - match.start())
            rect = open_runs.get(run)
            if rect is None:
                rect = [run[0], row, run[1], 0]
                rects.append(rect)
            rect[3] += 1
            still_open[run] = rect
        open_runs = still_open
    return columns, [(c, r, w, h) for c, r, w, h in rects]


def qr_operators(text: str) -> tuple[int, str]:
    """(modules per side, the ``re`` operators of every dark area, one per line)."""
    modules, rects = qr_rects(text)
    return modules, "\n".join([f"{c} {r} {w} {h} re" for c, r, w, h in rects])


__all__ = ["qr_rects", "qr_operators"]
