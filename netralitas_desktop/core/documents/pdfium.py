"""PDFium (pypdfium2) where the core reads a PDF, behind one lock.

PDFium is not thread-safe, not even across documents: no two threads may call it at once, so
every core call goes through ``PDFIUM_LOCK``. pypdfium2 is what the app bundles for reading
PDFs (``build.spec`` leaves pypdf out; pypdf is for the tests only).
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()


class UnreadablePdf(ValueError):
    """Bytes that PDFium cannot open as a PDF."""


def page_count(data: bytes) -> int:
    """Pages of the PDF in ``data``; ``UnreadablePdf`` when it is damaged or not a PDF."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as err:
            raise UnreadablePdf(str(err)) from err
        try:
            return len(document)
        finally:
            document.close()


__all__ = ["PDFIUM_LOCK", "UnreadablePdf", "page_count"]
