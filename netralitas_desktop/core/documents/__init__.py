"""The one document layer every PDF (and card image) of the app goes through.

- ``page``: A4 / F4 paper, orientation, the margins of tata naskah dinas, rectangles.
- ``fonts``: bundled Liberation Sans / Serif, registered with ReportLab once per process.
- ``fit``: text that shrinks, then wraps, and never leaves its box.
- ``qr``: QR codes as one vector path (PDF) or a crisp image (PNG).
- ``layout``: cards on a page with cut marks.
- ``table``: ruled tables over pages (header repeated, signing cells, "Halaman x dari y").
- ``images``: raster images scaled to their printed size before embedding.
- ``letterhead`` / ``signatory``: kop surat and signature block of official documents.
- ``pdf``: a canvas with metadata; ``files``: atomic output and Windows-safe file names.
- ``raster``: fitted text on Pillow images.
"""

from .files import DocumentError, UniqueNames, atomic_output, safe_filename
from .fit import FittedText, draw_fitted, draw_text_box, fit_pdf_text, fit_text
from .fonts import SANS, SERIF, FontFamily, font_file, register_fonts
from .images import print_image
from .layout import CardGrid, draw_cut_marks
from .letterhead import Letterhead, draw_letterhead
from .page import (
    MIN_TEXT_SIZE,
    NASKAH_DINAS,
    Margins,
    PageSpec,
    Paper,
    PaperError,
    Rect,
    mm,
    naskah_dinas_page,
    space_under_kop,
)
from .pdf import PdfTarget, new_canvas
from .qr import draw_qr, qr_image, qr_matrix, qr_operators
from .signatory import draw_meterai_box, draw_signatory, nip_line
from .table import Column, TableLayout, draw_page_footer, draw_signing_cell

__all__ = [
    "MIN_TEXT_SIZE",
    "NASKAH_DINAS",
    "SANS",
    "SERIF",
    "CardGrid",
    "Column",
    "DocumentError",
    "FittedText",
    "FontFamily",
    "Letterhead",
    "Margins",
    "PageSpec",
    "Paper",
    "PaperError",
    "PdfTarget",
    "Rect",
    "TableLayout",
    "UniqueNames",
    "atomic_output",
    "draw_cut_marks",
    "draw_fitted",
    "draw_letterhead",
    "draw_meterai_box",
    "draw_page_footer",
    "draw_qr",
    "draw_signatory",
    "draw_signing_cell",
    "draw_text_box",
    "fit_pdf_text",
    "fit_text",
    "font_file",
    "mm",
    "naskah_dinas_page",
    "new_canvas",
    "nip_line",
    "print_image",
    "qr_image",
    "qr_matrix",
    "qr_operators",
    "register_fonts",
    "safe_filename",
    "space_under_kop",
]
