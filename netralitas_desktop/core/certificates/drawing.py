"""The two drawing steps a bulk run repeats thousands of times, made cheap.

``PdfImage``: an image encoded for PDF ONCE (a JPEG's bytes as they are; anything else
deflated once, its alpha as a soft mask) and placed into any number of ReportLab
documents. ``canvas.drawImage`` with an ``ImageReader`` decodes the whole image and hashes
its pixels at every call, and re-compresses PNGs for every document: for a 200 dpi
background that is ~0.3 s per per-person file. This uses the same ReportLab calls as
``drawImage`` (reportlab is pinned; the test suite draws through it in every run).

``draw_qr_path``: the QR as one filled path, like ``documents.qr.draw_qr``, but from
``qr_path`` (zxing-cpp's C++ encoder, dark runs found by a bytes regex): about a fifth of
the time per code, which is still most of a certificate page.
"""

from __future__ import annotations

import copy
import hashlib
import io

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc

from ..documents.qr import QUIET_ZONE
from .qr_path import qr_operators

MAX_IMAGE_PIXELS = 1600  # longest side of a logo, signature or stamp: plenty for 300 dpi at its size


class PdfImage:
    """An image ready for PDF; ``draw`` places it without encoding it again."""

    def __init__(self, data: bytes, *, max_pixels: int | None = MAX_IMAGE_PIXELS) -> None:
        self.name = "img" + hashlib.sha1(data).hexdigest()[:20]
        reader = ImageReader(io.BytesIO(_shrunk(data, max_pixels) if max_pixels else data))
        self.width, self.height = reader.getSize()
        self._xobject = pdfdoc.PDFImageXObject(self.name, reader, mask="auto")
        self._xobject.name = self.name
        self._smask = getattr(self._xobject, "_smask", None)
        if self._smask is not None:
            del self._xobject._smask
            self._smask.name = self.name + "a"

    def draw(self, canvas, x: float, y: float, width: float, height: float) -> None:
        document = canvas._doc
        registered = document.getXObjectName(self.name)
        if document.idToObject.get(registered) is None:
            # Fresh copies per document: registering marks an object with its document's name.
            image = copy.copy(self._xobject)
            canvas._setXObjects(image)
            document.Reference(image, registered)
            document.addForm(self.name, image)
            if self._smask is not None:
                mask = copy.copy(self._smask)
                canvas._setXObjects(mask)
                image.smask = document.Reference(mask, document.getXObjectName(mask.name))
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(width, height)
        canvas._code.append(f"/{registered} Do")
        canvas.restoreState()
        canvas._formsinuse.append(self.name)
        canvas._currentPageHasImages = 1

    def draw_fitted(self, canvas, x: float, y: float, box_width: float, box_height: float) -> None:
        """Within the box, aspect kept, centred."""
        scale = min(box_width / self.width, box_height / self.height)
        width, height = self.width * scale, self.height * scale
        self.draw(canvas, x + (box_width - width) / 2, y + (box_height - height) / 2, width, height)


def shrink_image(data: bytes | None, max_pixels: int = 800) -> bytes | None:
    """A signature or stamp small enough that drawing it per document costs little (~600 px
    covers 300 dpi at the 24 mm it is printed)."""
    return _shrunk(data, max_pixels) if data else data


def _shrunk(data: bytes, max_pixels: int) -> bytes:
    """The image no larger than ``max_pixels`` on its longest side (re-encoded only if it was)."""
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


def draw_qr_path(canvas, text: str, x: float, y: float, size: float,
                 operators: tuple[int, str] | None = None) -> None:
    """The QR of ``text`` on white, quiet zone included, with its bottom-left at (x, y).

    ``operators`` (from ``qr_path.qr_operators``) may come ready from a worker process.
    """
    modules, path = operators or qr_operators(text)
    unit = size / (modules + 2 * QUIET_ZONE)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.transform(unit, 0, 0, -unit, x + QUIET_ZONE * unit, y + size - QUIET_ZONE * unit)
    canvas.addLiteral(path + "\nf")
    canvas.restoreState()


__all__ = ["PdfImage", "draw_qr_path", "shrink_image"]
