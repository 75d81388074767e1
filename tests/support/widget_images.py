"""What a widget shows, read from its screenshot: a region of one child, the colours drawn there.

A screenshot test proves something only by looking at known regions: this maps a child widget
(or a rectangle inside it) to the pixels of the grabbed parent, so a test can ask "is the
selected row drawn highlighted?" or "is this bar segment green?" of the image a person sees.
"""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRect
from PySide6.QtWidgets import QWidget


def grab(widget: QWidget) -> Image.Image:
    """The widget as it is drawn, as an RGB image; one pixel per logical pixel times the ratio."""
    pixmap = widget.grab()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert pixmap.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    image.info["ratio"] = pixmap.devicePixelRatio()
    return image


def box(image: Image.Image, root: QWidget, widget: QWidget, rect: QRect | None = None) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) in ``image`` (a grab of ``root``) of ``widget``'s ``rect`` (all of it by default)."""
    rect = rect if rect is not None else widget.rect()
    top_left = widget.mapTo(root, rect.topLeft()) if widget is not root else rect.topLeft()
    ratio = image.info.get("ratio", 1.0)
    left, top = round(top_left.x() * ratio), round(top_left.y() * ratio)
    return left, top, left + round(rect.width() * ratio), top + round(rect.height() * ratio)


def pixel(image: Image.Image, root: QWidget, widget: QWidget, x: int, y: int) -> tuple[int, int, int]:
    """The colour drawn at ``widget``'s point (x, y), as (r, g, b)."""
    left, top, _right, _bottom = box(image, root, widget, QRect(QPoint(x, y), QPoint(x, y)))
    return image.getpixel((left, top))


def share_of(image: Image.Image, region: tuple[int, int, int, int], colours: set[tuple[int, int, int]]) -> float:
    """The share of the pixels in ``region`` that have one of ``colours`` exactly."""
    counts = image.crop(region).getcolors(maxcolors=1 << 20) or []
    total = sum(count for count, _ in counts)
    return sum(count for count, colour in counts if colour in colours) / max(1, total)


def text_lines(image: Image.Image, region: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """(top, bottom) of each band of rows in ``region`` that holds ink: pixels far from the region's
    most common colour (its background, whether white, grey or a selection's blue), i.e. text lines."""
    crop = image.crop(region)
    background = max(crop.getcolors(maxcolors=1 << 20) or [(0, (255, 255, 255))])[1]
    width = crop.width
    pixels = crop.load()
    bands: list[tuple[int, int]] = []
    start = None
    for y in range(crop.height):
        inked = any(sum(abs(a - b) for a, b in zip(pixels[x, y], background, strict=True)) > 150 for x in range(width))
        if inked and start is None:
            start = y
        elif not inked and start is not None:
            bands.append((region[1] + start, region[1] + y))
            start = None
    if start is not None:
        bands.append((region[1] + start, region[1] + crop.height))
    return bands


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


__all__ = ["box", "grab", "pixel", "rgb", "share_of", "text_lines"]
