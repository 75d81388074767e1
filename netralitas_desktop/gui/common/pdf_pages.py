"""PDF pages as QImages (pypdfium2), for the certificate designer, previews and printing.

Why pypdfium2 and not QtPdf: the pinned PySide6 wheels carry no QtPdf module (it ships with
the separate, ~100 MB WebEngine add-on), while pypdfium2 is already pinned for reading a
certificate's QR code, and it draws exactly what Chrome draws.

PDFium is not thread-safe, not even across documents: no two threads may call it at once.
Every GUI job that touches PDFium — rendering a preview (which may rasterise a PDF
background too), verifying a certificate PDF, printing — therefore runs on ``pdf_pool()``,
a pool with a single thread, and ``render_pages`` also takes a lock.
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QImage

_lock = threading.RLock()
_pool: QThreadPool | None = None


class PdfPagesError(ValueError):
    """A PDF that cannot be opened; the message is for the user."""


def pdf_pool() -> QThreadPool:
    """The one worker thread that may call PDFium (see the module docstring)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)
    return _pool


def page_count(data: bytes) -> int:
    with _lock:
        document = _open(data)
        try:
            return len(document)
        finally:
            document.close()


def render_pages(data: bytes, dpi: float, pages: range | list[int] | None = None) -> list[QImage]:
    """Pages of ``data`` (all, or the given indexes) as RGB QImages at ``dpi``."""
    with _lock:
        document = _open(data)
        try:
            indexes = range(len(document)) if pages is None else pages
            return [_render(document, index, dpi) for index in indexes]
        finally:
            document.close()


def render_page(data: bytes, index: int, dpi: float) -> QImage:
    return render_pages(data, dpi, [index])[0]


def page_size_pt(data: bytes, index: int = 0) -> tuple[float, float]:
    """(width, height) of a page in PDF points."""
    with _lock:
        document = _open(data)
        try:
            return tuple(document[index].get_size())  # type: ignore[return-value]
        finally:
            document.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = QCoreApplication.translate("PdfPages", "Berkas PDF rusak atau dikunci kata sandi.")
        raise PdfPagesError(message) from err
    document.init_forms()  # form widgets, such as a digital signature's visible stamp, are drawn too
    return document


def _render(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
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


__all__ = ["PdfPagesError", "page_count", "page_size_pt", "pdf_pool", "render_page", "render_pages"]
