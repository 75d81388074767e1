"""The signature block at the foot of a letter, form or certificate.

Sukamakmur, 1 Juli 2024
Kepala BKPSDM Kabupaten Sukamakmur
[signature, stamp overlapping its left side]
Drs. BAMBANG WICAKSONO, M.Si.   (bold, underlined)
Pembina Utama Muda, IV/c
NIP. 19690512 199403 1 004
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..events import Signatory
from ..nip import IdError, IdKind, format_nip, parse_nip
from .fit import FitOptions, FittedText, baselines, draw_fitted, draw_text_box, fit_pdf_text
from .fonts import SANS, FontFamily
from .images import print_image
from .letterhead import ImageSource
from .page import MIN_TEXT_SIZE, mm

SIGNATURE_SPACE = 24 * mm
SIGNATORY_DPI = 300  # a scanned stamp or signature photo is scaled to this before it is embedded


def nip_line(nip: str) -> str:
    """``NIP. 19690512 199403 1 004``; a PPPK number is labelled ``NI PPPK`` (an abbreviation of
    several words takes no dot; ``NIP.`` keeps the one signature blocks have always carried)."""
    if not (nip or "").strip():
        return ""
    try:
        label = "NI PPPK" if parse_nip(nip).kind is IdKind.PPPK else "NIP."
    except IdError:
        label = "NIP."
    return f"{label} {format_nip(nip)}"


def draw_signatory(
    canvas: Canvas,
    signatory: Signatory,
    x: float,
    top: float,
    width: float,
    *,
    place_date: str = "",
    signature: ImageSource | None = None,
    stamp: ImageSource | None = None,
    family: FontFamily = SANS,
    size: float = 11,
    space: float = SIGNATURE_SPACE,
    id_line: str | None = None,
    meterai: bool = False,
    trim_signature: bool = False,
) -> float:
    """Draw the block centred in ``width`` below ``top``; returns the y under the last line.

    ``id_line`` replaces the ``NIP.`` line (e.g. ``NIK. 3306…`` for non-ASN staff); ``meterai``
    draws a dashed box for the stamp duty on the left of the signing space, where it is stuck
    on paper so the signature runs over its edge. ``trim_signature`` cuts a pad signature to its
    ink first, so it prints as large as the space allows.
    """
    text: FitOptions = {"max_size": size, "min_size": max(MIN_TEXT_SIZE, size - 3), "max_lines": 3}
    y = top
    for line in (place_date, signatory.jabatan):
        if line:
            y = draw_text_box(canvas, line, family.regular, x, y, width, align="center", **text)
    space_bottom = y - space
    centre = x + width / 2
    signature_width = 0.0
    if meterai:
        draw_meterai_box(canvas, centre - space * 0.55, space_bottom + space / 2)
    if signature is not None:
        signature_width = _draw_image(
            canvas,
            signature,
            centre,
            space_bottom + 1 * mm,
            space - 2 * mm,
            max_width=min(width, space * 2.5),
            trim=trim_signature,
        )
    if stamp is not None:  # pressed over the left part of the signature, as on paper
        stamp_centre = centre - max(signature_width / 2, space * 0.6)
        _draw_image(canvas, stamp, stamp_centre, space_bottom - 1 * mm, space * 1.05)
    y = space_bottom
    if signatory.name:
        fitted = fit_pdf_text(signatory.name, family.bold, width, **text)
        _underline(canvas, fitted, family.bold, x, y, width)
        y = draw_fitted(canvas, fitted, family.bold, x, y, width, align="center")
    for line in (signatory.pangkat, nip_line(signatory.nip) if id_line is None else id_line):
        if line:
            y = draw_text_box(canvas, line, family.regular, x, y, width, align="center", **text)
    return y


METERAI_SIZE = (30 * mm, 20 * mm)


def draw_meterai_box(canvas: Canvas, centre_x: float, centre_y: float) -> None:
    """A grey dashed box labelled ``METERAI Rp10.000`` where the stamp duty goes."""
    width, height = METERAI_SIZE
    canvas.saveState()
    canvas.setStrokeColorRGB(0.55, 0.55, 0.55)
    canvas.setFillColorRGB(0.55, 0.55, 0.55)
    canvas.setLineWidth(0.6)
    canvas.setDash(2, 2)
    canvas.rect(centre_x - width / 2, centre_y - height / 2, width, height, stroke=1, fill=0)
    canvas.setFont(SANS.bold, MIN_TEXT_SIZE + 0.5)
    canvas.drawCentredString(centre_x, centre_y + 1, "METERAI")
    canvas.setFont(SANS.regular, MIN_TEXT_SIZE)
    canvas.drawCentredString(centre_x, centre_y - 9, "Rp10.000")
    canvas.restoreState()


def _underline(canvas: Canvas, fitted: FittedText, font: str, x: float, top: float, width: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(max(0.5, fitted.size / 14))
    for line, baseline in zip(fitted.lines, baselines(fitted, font, top), strict=True):
        line_width = pdfmetrics.stringWidth(line, font, fitted.size)
        left = x + (width - line_width) / 2
        canvas.line(left, baseline - fitted.size * 0.12, left + line_width, baseline - fitted.size * 0.12)
    canvas.restoreState()


def _draw_image(
    canvas: Canvas,
    source: ImageSource,
    centre: float,
    bottom: float,
    height: float,
    max_width: float | None = None,
    *,
    trim: bool = False,
) -> float:
    """Draw an image centred on ``centre`` at most ``height`` tall; returns its width."""
    reader = print_image(source, max_width or height * 4, height, dpi=SIGNATORY_DPI, trim=trim)
    image_width, image_height = reader.getSize()
    width = height * image_width / image_height
    if max_width and width > max_width:
        width, height = max_width, max_width * image_height / image_width
    canvas.drawImage(reader, centre - width / 2, bottom, width, height, mask="auto")
    return width


__all__ = ["METERAI_SIZE", "SIGNATURE_SPACE", "draw_meterai_box", "draw_signatory", "nip_line"]
