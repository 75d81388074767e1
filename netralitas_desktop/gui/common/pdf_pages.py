"""PDF pages as QImages (pypdfium2), for the certificate designer, previews and printing.

Why pypdfium2 and not QtPdf: the pinned PySide6 wheels carry no QtPdf module (it ships with
the separate, ~100 MB WebEngine add-on), while pypdfium2 is already pinned for reading a
certificate's QR code, and it draws exactly what Chrome draws.

PDFium is not thread-safe: every function here works inside ``core.pdfium.use_pdfium()``,
which holds the one process-wide lock, so jobs may call them from any worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from ...core.errors import UserError
from ...core.pdfium import use_pdfium


class PdfPagesError(UserError, ValueError):
    """A PDF that cannot be opened; the message is for the user."""


def page_count(data: bytes) -> int:
    with use_pdfium() as pdfium:
        document = _open(pdfium, data)
        try:
            return len(document)
        finally:
            document.close()


def render_pages(data: bytes, dpi: float, pages: range | list[int] | None = None) -> list[QImage]:
    """Pages of ``data`` (all, or the given indexes) as RGB QImages at ``dpi``."""
    with use_pdfium() as pdfium:
        document = _open(pdfium, data)
        try:
            indexes = range(len(document)) if pages is None else pages
            return [_render(document, index, dpi) for index in indexes]
        finally:
            document.close()


def render_page(data: bytes, index: int, dpi: float) -> QImage:
    return render_pages(data, dpi, [index])[0]


def page_size_pt(data: bytes, index: int = 0) -> tuple[float, float]:
    """(width, height) of a page in PDF points."""
    with use_pdfium() as pdfium:
        document = _open(pdfium, data)
        try:
            width, height = document[index].get_size()
            return width, height
        finally:
            document.close()


def _open(pdfium, data: bytes):
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = QCoreApplication.translate("PdfPages", "Berkas PDF rusak atau dikunci kata sandi.")
        raise PdfPagesError(message) from err
    document.init_forms()  # form widgets, such as a digital signature's visible stamp, are drawn too
    return document


def _render(document, index: int, dpi: float) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB(A) byte order, as QImage wants
        try:
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            image_format = QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
            buffer = bytes(bitmap.buffer)
            return QImage(buffer, width, height, stride, image_format).copy()  # copy: own the pixels
        finally:
            bitmap.close()
    finally:
        page.close()


__all__ = ["PdfPagesError", "page_count", "page_size_pt", "render_page", "render_pages"]
