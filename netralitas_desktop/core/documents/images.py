"""Raster images (signatures, logos) at the resolution they are printed at, not the one captured at.

A desk signature is ~630 × 270 px; in a 9 mm attendance-list cell that is ~750 dpi, and
2,000 of them made a 40 MB list. Scaled down to the print size at ``dpi`` first, the same
list is a few MB and faster to write. Images already small enough are drawn as they are.
"""

from __future__ import annotations

import io

from PIL import Image
from reportlab.lib.utils import ImageReader

from .letterhead import ImageSource, image_reader
from .page import mm

PRINT_DPI = 200  # signatures in table cells: sharp on paper, small in the file


def print_image(source: ImageSource, width: float, height: float, *, dpi: int = PRINT_DPI) -> ImageReader:
    """``source`` as an ImageReader no larger than ``width`` × ``height`` points at ``dpi`` (aspect kept)."""
    if not isinstance(source, (bytes, bytearray)):
        return image_reader(source)
    image = Image.open(io.BytesIO(source))
    limit = (max(1, round(width / 72 * dpi)), max(1, round(height / 72 * dpi)))
    if image.width <= limit[0] and image.height <= limit[1]:
        return image_reader(source)
    image.load()
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    # thumbnail() keeps the aspect ratio and first reduces by whole factors (fast), then resamples.
    image.thumbnail(limit, Image.Resampling.LANCZOS, reducing_gap=2.0)
    return ImageReader(image)


__all__ = ["print_image", "PRINT_DPI", "mm"]
