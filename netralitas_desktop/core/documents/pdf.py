"""A ReportLab canvas set up the same way for every document the app makes."""

from __future__ import annotations

import os
from typing import BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from ... import __version__
from .fonts import register_fonts
from .page import PageSpec

CREATOR = f"Netralitas Desktop {__version__}"

PdfTarget = str | os.PathLike[str] | BinaryIO  # a file name, a path or an open binary stream

# Images as binary streams, not ASCII85 text: without ReportLab's optional C accelerator the
# pure-Python encoder took most of the time of a PDF full of signatures, and made it 25% larger.
rl_config.useA85 = 0


def new_canvas(
    target: PdfTarget,
    page: PageSpec,
    *,
    title: str,
    subject: str = "",
    author: str = "",
    initial_font: str | None = None,
) -> Canvas:
    """A compressed canvas with the page size, metadata and the bundled fonts ready.

    ``initial_font`` replaces ReportLab's Helvetica as the font every page starts with, for a
    document that must name no other family (a certificate)."""
    register_fonts()
    canvas = Canvas(
        str(target) if isinstance(target, os.PathLike) else target,
        pagesize=page.size,
        pageCompression=1,
        initialFontName=initial_font or None,  # type: ignore[arg-type]  # a font name; types-reportlab says float
    )
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setAuthor(author)
    canvas.setCreator(CREATOR)
    canvas.setProducer(CREATOR)
    return canvas


__all__ = ["CREATOR", "PdfTarget", "new_canvas"]
