"""Images a bulk run places thousands of times, made cheap.

``PdfImage``: an image encoded for PDF ONCE (a JPEG's bytes as they are; anything else
deflated once, its alpha as a soft mask) and placed into any number of ReportLab
documents. ``canvas.drawImage`` with an ``ImageReader`` decodes the whole image and hashes
its pixels at every call, and re-compresses PNGs for every document: for a 200 dpi
background that is ~0.3 s per per-person file. This uses the same ReportLab calls as
``drawImage`` (reportlab is pinned; the test suite draws through it in every run).

The QR code is drawn by ``documents.qr.draw_qr``, like every other document's.
"""

from __future__ import annotations

import copy
import hashlib
import io

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc


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


__all__ = ["PdfImage", "shrink_image"]
