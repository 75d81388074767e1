"""The text and page sizes of a PDF as pypdf reads them: the one way the tests read a document's words.

pypdf is a test-only dependency (the bundle leaves it out); it reads the text ReportLab wrote,
in drawing order, which is what assertions on wording need. Layout checks (boxes, font sizes,
renders) go through poppler in ``pdf_checks``.
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

PdfSource = Path | str | bytes


def reader(source: PdfSource) -> PdfReader:
    """A pypdf reader of a file or of a PDF held in memory."""
    return PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)


def flat(text: str) -> str:
    """Runs of whitespace (line breaks of wrapped text included) made one space."""
    return " ".join(text.split())


def pdf_pages(source: PdfSource, *, flat_text: bool = False) -> list[str]:
    """The text of each page; with ``flat_text`` each page's whitespace is flattened (``flat``)."""
    pages = [page.extract_text() for page in reader(source).pages]
    return [flat(page) for page in pages] if flat_text else pages


def pdf_text(source: PdfSource) -> str:
    """The text of every page, a line break between pages."""
    return "\n".join(pdf_pages(source))


def page_count(source: PdfSource) -> int:
    return len(reader(source).pages)


def page_sizes(source: PdfSource) -> list[tuple[float, float]]:
    """(width, height) of each page in points, to 0.1 pt."""
    return [
        (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) for page in reader(source).pages
    ]


A4 = (595.3, 841.9)
F4 = (609.4, 935.4)

__all__ = ["A4", "F4", "flat", "page_count", "page_sizes", "pdf_pages", "pdf_text", "reader"]
