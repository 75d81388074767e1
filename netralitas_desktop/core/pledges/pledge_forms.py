"""Signed pledge forms (pakta integritas / surat pernyataan netralitas ASN), one page each.

Public contract (also used by ``ikrar_mandiri``; keep these names stable):

- ``PledgeForm``: everything printed on one form — event, title, the person's data as
  (label, value) pairs, the filled pledge text, the place-date line, signer name and id
  line, ``signature_png`` (captured at the desk, or None), ``qr_text`` (+ ``qr_caption`` and
  ``qr_code_line``, the code printed whole for typing; a vector QR at the foot when given),
  ``meterai`` box, ``letterhead``.
- ``draw_pledge_form(canvas, page, form)``: draws one form on the current canvas page
  (the caller calls ``canvas.showPage()`` between forms).
- ``load_pledge_context(event_id)`` → ``PledgeContext`` (event, settings, kop, filled text;
  load once per run), then ``pledge_form(context, row, signature_png=…, qr_text=…)`` per
  ``ParticipantRow``; ``build_pledge_form(event_id, registration_id)`` does both for one.
- ``form_page(paper)``: the ``PageSpec`` (margins) forms are drawn on.

Non-ASN staff (PPNPN: PTT/GTT, honorer; ``NON_ASN_TYPES``) get their own title and wording
(per-event, like the ASN text) and their NIK under a "NIK" label, printed whole: this is the
form the person signs. With a meterai the form is for a wet signature: the captured one is
never printed (over a stamp duty it would mean nothing), and the signing space is taller, the
meterai on its left so the hand signs partly over it. Margins are tata naskah dinas'; no text
is smaller than 8 pt (a long text makes the whole body smaller, down to 8 pt, never below).

Writing many forms (merged PDF or one file per person) is ``pledge_files``' job.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..dates import place_and_date
from ..documents import (
    MIN_TEXT_SIZE,
    SANS,
    FittedText,
    Letterhead,
    PageSpec,
    Paper,
    draw_fitted,
    draw_letterhead,
    draw_qr,
    draw_signatory,
    draw_text_box,
    fit_pdf_text,
    mm,
    naskah_dinas_page,
    nip_line,
    space_under_kop,
)
from ..events import EventData, NotFoundError, Signatory, get_event
from ..nip import format_nip
from ..pangkat import pangkat_label
from ..participants import ParticipantRow, list_participants
from ..signatures import get_signature
from .document_settings import NON_ASN_TYPES, DocumentSettings, FormField, letterhead_for, load_document_settings
from .pledge_text import blocks, fill, variable_values

INTRO = "Yang bertanda tangan di bawah ini:"
SIGNER_LABEL = "Yang membuat pernyataan,"
EMPTY = "-"
QR_SIZE = 24 * mm


@dataclass(frozen=True)
class PledgeForm:
    event: EventData
    title: str
    fields: tuple[tuple[str, str], ...]  # ("Nama", "Drs. H. Budi Santoso, M.Si."), ("NIP", "19860926 201505 1 001")
    text: str  # the pledge, variables already filled; see pledge_text.blocks
    place_date: str  # "Purworejo, 1 Juli 2024"
    signer_name: str  # with titles
    signer_id_line: str = ""  # "NIP. 19860926 201505 1 001" or "NIK. 3306…"
    signature_png: bytes | None = None
    qr_text: str | None = None
    qr_caption: str = ""
    qr_code_line: str = ""  # the code, printed whole so it can be typed when the QR will not scan
    meterai: bool = False
    letterhead: Letterhead | None = None
    intro: str = INTRO
    signer_label: str = SIGNER_LABEL
    registration_id: int | None = None


@dataclass(frozen=True)
class PledgeContext:
    """What every form of one event shares, loaded once per run."""

    event: EventData
    settings: DocumentSettings
    letterhead: Letterhead | None
    text: str
    place_date: str
    non_asn_text: str = ""


def form_page(paper: Paper = Paper.A4) -> PageSpec:
    return naskah_dinas_page(paper)


def load_pledge_context(event_id: int) -> PledgeContext:
    event = get_event(event_id)
    settings = load_document_settings(event_id)
    values = variable_values(event)
    place_date = place_and_date(event.place_name, event.date) if event.date else ""
    return PledgeContext(
        event,
        settings,
        letterhead_for(event_id, settings),
        fill(settings.pledge_text, values),
        place_date,
        fill(settings.non_asn_text, values),
    )


def is_non_asn(row: ParticipantRow) -> bool:
    """Staff who are not ASN (PPNPN: PTT/GTT, honorer, and other non-ASN) sign their own form."""
    return row.employment_type in NON_ASN_TYPES


def field_value(field: FormField, row: ParticipantRow, event: EventData) -> tuple[str, str]:
    """(label, value) of one form field for one person; NIK replaces NIP for non-ASN staff."""
    if field.key == "nama":
        return field.label, row.full_name or EMPTY
    if field.key == "nip":
        if row.nip:
            label = "NI PPPK" if row.employment_type == "PPPK" and field.label == "NIP" else field.label
            return label, format_nip(row.nip)
        return "NIK", row.nik or EMPTY
    if field.key == "pangkat":
        return field.label, pangkat_label(row.golongan) or EMPTY
    if field.key == "instansi":
        return field.label, event.instansi or EMPTY
    return field.label, getattr(row, field.key, "") or EMPTY


def signer_id_line(row: ParticipantRow) -> str:
    if row.nip:
        return nip_line(row.nip)
    return f"NIK. {row.nik}" if row.nik else ""


def pledge_form(
    context: PledgeContext,
    row: ParticipantRow,
    *,
    signature_png: bytes | None = None,
    qr_text: str | None = None,
    qr_caption: str = "",
    qr_code_line: str = "",
    place_date: str | None = None,
) -> PledgeForm:
    settings = context.settings
    non_asn = is_non_asn(row)
    fields = [
        field_value(field, row, context.event)
        for field in settings.fields
        if not (non_asn and field.key == "pangkat" and not row.golongan)  # no pangkat outside the ASN
    ]
    return PledgeForm(
        event=context.event,
        title=settings.non_asn_title if non_asn else settings.pledge_title,
        fields=tuple(fields),
        text=context.non_asn_text if non_asn and context.non_asn_text else context.text,
        place_date=context.place_date if place_date is None else place_date,
        signer_name=row.full_name,
        signer_id_line=signer_id_line(row),
        signature_png=None if settings.meterai else signature_png,  # a meterai asks for a wet signature
        qr_text=qr_text,
        qr_caption=qr_caption,
        qr_code_line=qr_code_line,
        meterai=settings.meterai,
        letterhead=context.letterhead,
        registration_id=row.registration_id,
    )


def build_pledge_form(
    event_id: int,
    registration_id: int,
    *,
    with_signature: bool = True,
    qr_text: str | None = None,
    qr_caption: str = "",
) -> PledgeForm:
    """The form of one registration, with its captured signature when ``with_signature``."""
    row = next((row for row in list_participants(event_id) if row.registration_id == registration_id), None)
    if row is None:
        raise NotFoundError(f"Peserta nomor {registration_id} tidak terdaftar pada kegiatan ini.")
    signature = get_signature(registration_id) if with_signature else None
    return pledge_form(
        load_pledge_context(event_id), row, signature_png=signature, qr_text=qr_text, qr_caption=qr_caption
    )


# --- drawing -------------------------------------------------------------------------------------------------

TEXT_SIZE = 11.5
LABEL_WIDTH = 42 * mm
INDENT = 8 * mm
SIGNING_SPACE = 26 * mm
METERAI_SIGNING_SPACE = 32 * mm  # the stamp duty (30 × 20 mm) and a hand signature partly over it
SIGNATURE_BLOCK = 62 * mm  # place-date, label, signing space, name, id line
TITLE_GAP = 7 * mm


def draw_pledge_form(canvas: Canvas, page: PageSpec, form: PledgeForm) -> None:
    """Draw one form inside ``page.frame`` of the current page; the text shrinks (to 8 pt at least) to fit."""
    frame = page.frame
    x, width = frame.x, frame.width
    y = frame.top
    if form.letterhead is not None:
        y = draw_letterhead(canvas, form.letterhead, x, page.kop_top, width) - space_under_kop(TEXT_SIZE)
    for line in (form.title or "").splitlines() or [""]:
        if line.strip():
            y = draw_text_box(
                canvas, line.strip(), SANS.bold, x, y, width, align="center", max_size=13, min_size=10, max_lines=3
            )
    space = METERAI_SIGNING_SPACE if form.meterai else SIGNING_SPACE
    bottom = frame.y + (QR_SIZE + 2 * mm if form.qr_text else 0) + SIGNATURE_BLOCK + (space - SIGNING_SPACE)
    size = _text_size(form, width, y - TITLE_GAP - bottom)
    y = draw_text_box(canvas, form.intro, SANS.regular, x, y - TITLE_GAP, width, max_size=size, min_size=size)
    y = _draw_fields(canvas, form.fields, x + INDENT, y - size * 0.4, width - INDENT, size)
    y = _draw_body(canvas, form.text, x, y - size * 0.4, width, size)
    half = width / 2
    signer = Signatory(jabatan=form.signer_label, name=form.signer_name)
    draw_signatory(
        canvas,
        signer,
        x + half,
        y - size * 0.8,
        half,
        place_date=form.place_date,
        signature=None if form.meterai else form.signature_png,
        trim_signature=True,
        size=min(size, 11),
        space=space,
        id_line=form.signer_id_line,
        meterai=form.meterai,
    )
    if form.qr_text:
        _draw_qr_with_caption(canvas, form, x, frame.y, width)


def _draw_fields(
    canvas: Canvas, fields: Sequence[tuple[str, str]], x: float, top: float, width: float, size: float
) -> float:
    """``Label  : value`` lines; a long value (a unit's full name) wraps under itself."""
    y = top
    value_x = x + LABEL_WIDTH + 3 * mm
    for label, value in fields:
        y_label = draw_text_box(
            canvas, label, SANS.regular, x, y, LABEL_WIDTH, max_size=size, min_size=MIN_TEXT_SIZE, max_lines=2
        )
        draw_text_box(canvas, ":", SANS.regular, x + LABEL_WIDTH, y, 3 * mm, max_size=size, min_size=size)
        fitted = _fit_value(value, width, size)
        y_value = draw_fitted(canvas, fitted, SANS.regular, value_x, y, width - LABEL_WIDTH - 3 * mm)
        y = min(y_label, y_value) - size * 0.25
    return y


def _fit_value(value: str, width: float, size: float) -> FittedText:
    room = width - LABEL_WIDTH - 3 * mm
    fitted = fit_pdf_text(value, SANS.regular, room, max_size=size, min_size=size - 0.5, max_lines=3)
    if fitted.truncated:
        fitted = fit_pdf_text(
            value, SANS.regular, room, max_size=size, min_size=max(MIN_TEXT_SIZE, size - 3), max_lines=4
        )
    return fitted


def body_paragraphs(text: str, width: float, size: float) -> tuple[tuple[Paragraph, float], ...]:
    """ReportLab paragraphs (justified, points with a hanging indent) and the space after each.

    Cached: every form of a run has the same text, and wrapping it is most of a form's cost.
    Per thread: drawing a paragraph sets and then deletes its ``canv``, so a preview and a
    print job drawing the same paragraph at once would break each other.
    """
    return _body_paragraphs(text, width, size, threading.get_ident())


@lru_cache(maxsize=64)
def _body_paragraphs(text: str, width: float, size: float, _thread: int) -> tuple[tuple[Paragraph, float], ...]:
    plain = ParagraphStyle("pledge", fontName=SANS.regular, fontSize=size, leading=size * 1.4, alignment=TA_JUSTIFY)
    point = replace_style(
        plain, leftIndent=INDENT, bulletIndent=INDENT * 0.2, bulletFontName=SANS.regular, bulletFontSize=size
    )
    result = []
    items = blocks(text)
    for index, block in enumerate(items):
        followed_by_point = index + 1 < len(items) and bool(items[index + 1].marker)
        if block.marker:
            paragraph = Paragraph(escape(block.text), point, bulletText=block.marker)
            after = size * 0.3 if followed_by_point else size * 0.7
        else:
            paragraph = Paragraph(escape(block.text), plain)
            after = size * 0.7
        paragraph.wrap(width, 10_000)
        result.append((paragraph, after))
    return tuple(result)


def replace_style(style: ParagraphStyle, **changes: Any) -> ParagraphStyle:
    copy = ParagraphStyle(f"{style.name}-copy", parent=style)
    for key, value in changes.items():
        setattr(copy, key, value)
    return copy


def _text_height(form: PledgeForm, width: float, size: float) -> float:
    fields = sum(
        max(_fit_value(value, width - INDENT, size).height, size * 1.18) + size * 0.25 for _, value in form.fields
    )
    body = sum(p.height + after for p, after in body_paragraphs(form.text, width, size))
    return size * 1.6 + fields + body


def _text_size(form: PledgeForm, width: float, room: float) -> float:
    """The largest size (11.5 pt down to 8 pt) at which intro, fields and body fit ``room``.

    The settings cap the text (``MAX_TEXT``) so that it always fits by 8 pt or so.
    """
    size = TEXT_SIZE
    while size > MIN_TEXT_SIZE and _text_height(form, width, size) > room:
        size -= 0.5
    return size


def _draw_body(canvas: Canvas, text: str, x: float, top: float, width: float, size: float) -> float:
    return draw_paragraphs(canvas, body_paragraphs(text, width, size), x, top)


def draw_paragraphs(canvas: Canvas, paragraphs: Sequence[tuple[Paragraph, float]], x: float, top: float) -> float:
    """Draw wrapped paragraphs from ``top`` down; returns the y under the last one's spacing."""
    y = top
    for paragraph, after in paragraphs:
        paragraph.drawOn(canvas, x, y - paragraph.height)
        y -= paragraph.height + after
    return y


def _draw_qr_with_caption(canvas: Canvas, form: PledgeForm, x: float, bottom: float, width: float) -> None:
    """The QR at the bottom left; beside it what to do with the form, and the code whole for typing."""
    assert form.qr_text, "drawn only for a form with a code"
    draw_qr(canvas, form.qr_text, x, bottom, QR_SIZE)
    left = x + QR_SIZE + 2 * mm
    room = width - QR_SIZE - 2 * mm
    canvas.saveState()
    canvas.setFillColorRGB(0.25, 0.25, 0.25)
    y = bottom + QR_SIZE - 3 * mm
    if form.qr_caption:
        y = draw_text_box(
            canvas,
            form.qr_caption,
            SANS.regular,
            left,
            y,
            room,
            max_size=MIN_TEXT_SIZE,
            min_size=MIN_TEXT_SIZE,
            max_lines=4,
        )
    if form.qr_code_line:
        canvas.setFillColorRGB(0, 0, 0)
        draw_text_box(
            canvas,
            form.qr_code_line,
            SANS.bold,
            left,
            y - 1 * mm,
            room,
            max_size=9,
            min_size=MIN_TEXT_SIZE,
            max_lines=2,
        )
    canvas.restoreState()


__all__ = [
    "INTRO",
    "SIGNER_LABEL",
    "PledgeContext",
    "PledgeForm",
    "body_paragraphs",
    "build_pledge_form",
    "draw_paragraphs",
    "draw_pledge_form",
    "field_value",
    "form_page",
    "is_non_asn",
    "load_pledge_context",
    "pledge_form",
    "signer_id_line",
]
