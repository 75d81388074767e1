"""Raster images (signatures, logos) at the resolution they are printed at, not the one captured at.

A desk signature is ~630 × 270 px; in a 9 mm attendance-list cell that is ~750 dpi, and
2,000 of them made a 40 MB list. Scaled down to the print size at ``dpi`` first, the same
list is a few MB and faster to write. Images already small enough are drawn as they are.

Decoding the full pad image was still most of a list's time (~3.5 ms a signature for the
PNG alone, ~8 ms with the scaling), so a signature carries a small print copy of itself,
made once when it is saved (``with_print_copy``): a PNG inside a private ancillary chunk
(``ntPC``, placed before the image data). Other programs skip such chunks, the copy travels
wherever the signature's bytes go (offline packages, backups), and ``print_image`` finds it
by reading chunk headers only. A signature saved without one (an older version) is scaled
from the full image as before.

``PdfImage``: an image encoded for PDF ONCE (a JPEG's bytes as they are; anything else
deflated once, its alpha as a soft mask) and placed into any number of ReportLab documents.
``canvas.drawImage`` with an ``ImageReader`` decodes the whole image and hashes its pixels at
every call, and re-compresses PNGs for every document: for a certificate's 200 dpi
background that was ~0.3 s per per-person file. Being a plain object, it can also be made
on another thread (Pillow and zlib release the GIL) while the page is drawn: the signing
lists prepare the next page's signatures so. This uses the same ReportLab calls as
``drawImage`` (reportlab is pinned; the test suite draws through it in every run).
"""

from __future__ import annotations

import copy
import hashlib
import io
import struct
import zlib
from typing import Any, overload

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from .letterhead import ImageSource, image_reader
from .page import mm

PRINT_DPI = 200  # signatures in table cells: sharp on paper, small in the file
# The print copy covers every signing cell at PRINT_DPI: at most 273 × 96 px (F4 landscape
# grouped list: 273 wide; portrait rows with wrapped names: 96 tall).
PRINT_COPY_BOX = (320, 120)
PRINT_COPY_COLOURS = 64
PRINT_COPY_CHUNK = b"ntPC"  # ancillary, private, not safe to copy: an editor that changes the image drops it
MAX_IMAGE_PIXELS = 1600  # longest side of a logo, signature or stamp: plenty for 300 dpi at its size

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_IHDR_END = 8 + 4 + 4 + 13 + 4  # the signature, then IHDR (length, type, 13 bytes, CRC)


def print_image(
    source: ImageSource, width: float, height: float, *, dpi: int = PRINT_DPI, trim: bool = False
) -> ImageReader:
    """``source`` as an ImageReader no larger than ``width`` × ``height`` points at ``dpi`` (aspect kept).

    ``trim`` cuts a captured signature to its ink first: the pad leaves wide empty margins, and
    fitting those into a cell printed the strokes a few millimetres small.
    """
    if not isinstance(source, (bytes, bytearray)):
        return image_reader(source)
    image: Image.Image = Image.open(io.BytesIO(source))
    limit = (max(1, round(width / 72 * dpi)), max(1, round(height / 72 * dpi)))
    if not trim and image.width <= limit[0] and image.height <= limit[1]:
        return image_reader(source)
    image = _print_copy_image(source, limit) or image
    image.load()
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    if trim:
        image = trim_to_ink(image)
    # thumbnail() keeps the aspect ratio and first reduces by whole factors, then averages:
    # for these reductions (2-6x) as sharp as Lanczos on paper, at half its cost.
    image.thumbnail(limit, Image.Resampling.BOX, reducing_gap=2.0)
    return ImageReader(image)


INK_ALPHA = 40  # alpha (or darkness) from which a pixel counts as ink when trimming
TRIM_MARGIN = 0.04  # of the ink's size, kept around it so soft stroke edges are not cut


def trim_to_ink(image: Image.Image) -> Image.Image:
    """The image cut to the box around its ink (alpha, or darkness on an opaque image)."""
    if image.mode in ("RGBA", "LA"):
        mask = image.getchannel("A")
    else:
        mask = image.convert("L").point(lambda value: 255 - value)
    box = mask.point(lambda value: 255 if value >= INK_ALPHA else 0).getbbox()
    if box is None:
        return image
    left, top, right, bottom = box
    margin = max(1, round(max(right - left, bottom - top) * TRIM_MARGIN))
    return image.crop(
        (
            max(0, left - margin),
            max(0, top - margin),
            min(image.width, right + margin),
            min(image.height, bottom + margin),
        )
    )


def print_pdf_image(png: bytes, width: float, height: float, *, dpi: int = PRINT_DPI, trim: bool = False) -> PdfImage:
    """``print_image`` encoded for PDF, ready to place (safe to make on a worker thread)."""
    reader = print_image(png, width, height, dpi=dpi, trim=trim)
    size = "x".join(map(str, reader.getSize()))
    return PdfImage(reader, f"img{hashlib.sha1(png).hexdigest()[:20]}{size}{'t' if trim else ''}")


class PdfImage:
    """An image ready for PDF; ``draw`` places it without encoding it again."""

    def __init__(self, reader: ImageReader, name: str) -> None:
        self.name = name
        self.width, self.height = reader.getSize()
        self._xobject = pdfdoc.PDFImageXObject(self.name, reader, mask="auto")
        self._xobject.name = self.name
        self._smask = getattr(self._xobject, "_smask", None)
        if self._smask is not None:
            del self._xobject._smask  # type: ignore[attr-defined]  # set by ReportLab for mask="auto"; no stub
            self._smask.name = self.name + "a"

    @classmethod
    def from_bytes(cls, data: bytes, *, max_pixels: int | None = MAX_IMAGE_PIXELS) -> PdfImage:
        """PNG or JPEG bytes, first shrunk to ``max_pixels`` on the longest side unless None."""
        reader = ImageReader(io.BytesIO(shrink_image(data, max_pixels) if max_pixels else data))
        return cls(reader, "img" + hashlib.sha1(data).hexdigest()[:20])

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        internal: Any = canvas  # the canvas's private side (document, page code), which its stubs leave out
        document = internal._doc
        registered = document.getXObjectName(self.name)
        if document.idToObject.get(registered) is None:
            # Fresh copies per document: registering marks an object with its document's name.
            image: Any = copy.copy(self._xobject)
            internal._setXObjects(image)
            document.Reference(image, registered)
            document.addForm(self.name, image)
            if self._smask is not None:
                mask = copy.copy(self._smask)
                internal._setXObjects(mask)
                image.smask = document.Reference(mask, document.getXObjectName(mask.name))
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(width, height)
        internal._code.append(f"/{registered} Do")
        canvas.restoreState()
        internal._formsinuse.append(self.name)
        internal._currentPageHasImages = 1

    def draw_fitted(self, canvas: Canvas, x: float, y: float, box_width: float, box_height: float) -> None:
        """Within the box, aspect kept, centred."""
        scale = min(box_width / self.width, box_height / self.height)
        width, height = self.width * scale, self.height * scale
        self.draw(canvas, x + (box_width - width) / 2, y + (box_height - height) / 2, width, height)


@overload
def shrink_image(data: bytes, max_pixels: int = 800) -> bytes: ...
@overload
def shrink_image(data: None, max_pixels: int = 800) -> None: ...
def shrink_image(data: bytes | None, max_pixels: int = 800) -> bytes | None:
    """The image no larger than ``max_pixels`` on its longest side (re-encoded only if it was):
    a signature or stamp drawn per document then costs little (~600 px covers 300 dpi at 24 mm)."""
    if not data:
        return data
    try:
        image = Image.open(io.BytesIO(data))
    except OSError:
        return data
    if max(image.size) <= max_pixels:
        return data
    image.thumbnail((max_pixels, max_pixels), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def with_print_copy(png: bytes) -> bytes:
    """``png`` with its print copy inside, when it is larger than ``PRINT_COPY_BOX``.

    The pixels of the image itself are untouched; a small PNG or one that already has a
    copy is returned as it is.
    """
    if not png.startswith(_PNG_MAGIC) or png[12:16] != b"IHDR" or print_copy(png) is not None:
        return png
    image: Image.Image = Image.open(io.BytesIO(png))
    if image.width <= PRINT_COPY_BOX[0] and image.height <= PRINT_COPY_BOX[1]:
        return png
    image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA")
    image.thumbnail(PRINT_COPY_BOX, Image.Resampling.LANCZOS)
    # Ink and its soft edges need few colours: 64 keep them within 1/255 of the full copy on
    # white, at a fifth of the bytes (~2.5 kB instead of ~14 kB) and half the decoding time.
    image = image.quantize(PRINT_COPY_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    data = buffer.getvalue()
    chunk = (
        struct.pack(">I", len(data)) + PRINT_COPY_CHUNK + data + struct.pack(">I", zlib.crc32(PRINT_COPY_CHUNK + data))
    )
    return png[:_IHDR_END] + chunk + png[_IHDR_END:]


def print_copy(png: bytes | bytearray) -> bytes | None:
    """The PNG's print copy (PNG bytes), found by reading chunk headers only; None without one."""
    if not png.startswith(_PNG_MAGIC):
        return None
    position = 8
    while position + 8 <= len(png):
        length = int.from_bytes(png[position : position + 4], "big")
        kind = png[position + 4 : position + 8]
        if kind == PRINT_COPY_CHUNK:
            return bytes(png[position + 8 : position + 8 + length])
        if kind in (b"IDAT", b"IEND"):  # the copy is always written before the image data
            return None
        position += 12 + length
    return None


def _print_copy_image(png: bytes | bytearray, limit: tuple[int, int]) -> Image.Image | None:
    """The print copy as an image if it holds enough pixels for ``limit``, else None."""
    data = print_copy(png)
    if data is None:
        return None
    try:
        copy = Image.open(io.BytesIO(data))
        copy.load()
    except (OSError, ValueError):  # a damaged copy: the full image is still there
        return None
    # Either side reaching the limit means scaling it down gives what the full image would.
    return copy if copy.width >= limit[0] or copy.height >= limit[1] else None


__all__ = [
    "MAX_IMAGE_PIXELS",
    "PRINT_COPY_BOX",
    "PRINT_DPI",
    "PdfImage",
    "mm",
    "print_copy",
    "print_image",
    "print_pdf_image",
    "shrink_image",
    "trim_to_ink",
    "with_print_copy",
]
