"""The cover letter to an OPD's head that goes with its ikrar mandiri forms, and its Lampiran.

A naskah dinas: kop (when the event has one), number/attachment/subject lines, the
addressee, three paragraphs (who still owes, the forms attached, the deadline), the
signatory block; then the Lampiran — the list of names — whose pages continue the letter's
"Halaman x dari y". Margins are tata naskah dinas' (``documents.naskah_dinas_page``: the kop
above the text, which starts two lines under it), and nothing is smaller than
``MIN_TEXT_SIZE``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..dates import day_and_date, long_date
from ..documents import (
    MIN_TEXT_SIZE,
    SANS,
    Letterhead,
    PageSpec,
    Paper,
    draw_letterhead,
    draw_signatory,
    draw_text_box,
    mm,
    naskah_dinas_page,
    space_under_kop,
)
from ..documents.fit import FitOptions, FontSizes
from ..documents.table import Column, FittedRow, TableLayout, draw_page_footer
from ..events import Signatory
from ..pledges.pledge_forms import draw_paragraphs
from .coverage import MemberRow

SIZE = 11.5
NUMBER_BLANK = "." * 30
SUBJECT = "Penyampaian Formulir Ikrar Mandiri Netralitas ASN"
LIST_TITLE = "DAFTAR PEGAWAI YANG BELUM MENYATAKAN IKRAR NETRALITAS"
COLUMNS = (
    Column("No", 0.6, "right"),
    Column("Nama", 2.7),
    Column("NIP / NI PPPK / NIK", 2.5, max_lines=1),  # shrinks rather than break a number
    Column("Jenis Pegawai", 1.1),
    Column("Jabatan", 2.3),
    Column("Keterangan", 2.2),
)

SHORT_KINDS = {"NON_ASN": "Non-ASN"}  # PNS, PPPK, PPNPN as they are

# How an OPD's head is addressed: "Kecamatan Bayan" -> "Camat Bayan"; otherwise "Kepala …".
_HEADS = (
    (re.compile(r"^kecamatan\s+", re.I), "Camat "),
    (re.compile(r"^kelurahan\s+", re.I), "Lurah "),
    (re.compile(r"^sekretariat daerah\b", re.I), "Sekretaris Daerah"),
    (re.compile(r"^sekretariat (dewan perwakilan rakyat daerah|dprd)\b", re.I), "Sekretaris DPRD"),
    (re.compile(r"^inspektorat\b", re.I), "Inspektur"),
)
_DIRECTED = re.compile(r"^(rsud|rumah sakit)\b", re.I)


def head_of(unit: str) -> str:
    """The title of the head of ``unit``, as a letter is addressed (``Yth. …``)."""
    unit = " ".join(unit.split())
    if not unit:
        return "Kepala Perangkat Daerah"
    for pattern, title in _HEADS:
        match = pattern.match(unit)
        if match:
            rest = unit[match.end() :].strip()
            return f"{title}{rest}".strip() if title.endswith(" ") else f"{title} {rest}".strip()
    if _DIRECTED.match(unit):
        return f"Direktur {unit}"
    return f"Kepala {unit}"


@dataclass(frozen=True)
class CoverLetter:
    unit: str  # the OPD, as the roster writes it
    rows: list[MemberRow]  # the names still owing, in the order of the forms
    campaign_name: str
    deadline: dt.date
    as_of: dt.date
    instansi: str
    organizer: str  # who collects the forms, e.g. BKPSDM
    place: str  # of the place-date line and "di …"
    signatory: Signatory
    letterhead: Letterhead | None = None
    signature: bytes | None = None
    stamp: bytes | None = None


def letter_page(paper: Paper) -> PageSpec:
    return naskah_dinas_page(paper)


def _paragraphs(letter: CoverLetter, width: float) -> list[tuple[Paragraph, float]]:
    style = ParagraphStyle(
        "letter",
        fontName=SANS.regular,
        fontSize=SIZE,
        leading=SIZE * 1.45,
        alignment=TA_JUSTIFY,
        firstLineIndent=12 * mm,
    )
    count = len(letter.rows)
    within = f" di lingkungan {letter.instansi}" if letter.instansi else ""
    texts = (
        f"Dalam rangka {letter.campaign_name}, seluruh pegawai ASN dan non-ASN{within} diminta menyatakan "
        f"ikrar netralitas. Berdasarkan data kami sampai dengan {day_and_date(letter.as_of)}, terdapat {count} "
        f"orang pegawai {letter.unit} yang belum menyatakan ikrar netralitas, sebagaimana tercantum dalam "
        "lampiran surat ini.",
        "Sehubungan dengan hal tersebut, bersama ini kami sampaikan formulir ikrar mandiri atas nama pegawai "
        "tersebut. Mohon bantuan Saudara agar formulir ditandatangani oleh yang bersangkutan dan diserahkan kembali "
        f"kepada {letter.organizer or 'panitia'} paling lambat {day_and_date(letter.deadline)}.",
        "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
    )
    result = []
    for text in texts:
        paragraph = Paragraph(escape(text), style)
        paragraph.wrap(width, 10_000)
        result.append((paragraph, SIZE * 0.6))
    return result


def _row_texts(number: int, row: MemberRow) -> list[str]:
    return [
        str(number),
        row.full_name,
        row.printed_identity or "-",
        SHORT_KINDS.get(row.employment_type, row.employment_type),
        row.jabatan or "-",
        row.note or "-",
    ]


def _pages_of_list(layout: TableLayout, rows: list[FittedRow], first_room: float, room: float) -> list[list[FittedRow]]:
    pages: list[list[FittedRow]] = []
    current: list[FittedRow] = []
    space = first_room - layout.header_height
    for row in rows:
        if row.height > space and current:
            pages.append(current)
            current, space = [], room - layout.header_height
        current.append(row)
        space -= row.height
    pages.append(current)
    return pages


def draw_cover_letter(canvas: Canvas, page: PageSpec, letter: CoverLetter) -> int:
    """Draw the letter and its Lampiran on new pages of ``canvas``; returns the pages drawn."""
    frame = page.frame
    layout = TableLayout(COLUMNS, frame.x, frame.width, size=9, min_size=MIN_TEXT_SIZE, header_size=MIN_TEXT_SIZE + 0.5)
    fitted = [layout.fit_row(_row_texts(number, row)) for number, row in enumerate(letter.rows, 1)]
    # Where the table starts under the heading: _Measuring answers every drawing call with 0.
    list_top = _draw_list_heading(_Measuring(), page, letter)  # type: ignore[arg-type]  # a duck-typed Canvas
    pages = _pages_of_list(layout, fitted, list_top - frame.y, frame.height)
    total = 1 + len(pages)
    footer = f"Formulir Ikrar Mandiri \u2013 {letter.unit}"
    _draw_letter(canvas, page, letter)
    draw_page_footer(canvas, page, 1, total, footer)
    canvas.showPage()
    for index, rows in enumerate(pages):
        top = _draw_list_heading(canvas, page, letter) if index == 0 else frame.top
        y = layout.draw_header(canvas, top)
        for row in rows:
            y = layout.draw_row(canvas, y, row)
        draw_page_footer(canvas, page, index + 2, total, footer)
        canvas.showPage()
    return total


def _draw_letter(canvas: Canvas, page: PageSpec, letter: CoverLetter) -> None:
    frame = page.frame
    x, width = frame.x, frame.width
    y = frame.top
    if letter.letterhead is not None:
        y = draw_letterhead(canvas, letter.letterhead, x, page.kop_top, width) - space_under_kop(SIZE)
    text: FontSizes = {"max_size": SIZE, "min_size": SIZE - 1.5}
    place_date = f"{letter.place}, {long_date(letter.as_of)}" if letter.place else long_date(letter.as_of)
    draw_text_box(canvas, place_date, SANS.regular, x + width / 2, y, width / 2, align="right", **text)
    label_width = 24 * mm
    for label, value in (
        ("Nomor", NUMBER_BLANK),
        ("Sifat", "Penting"),
        ("Lampiran", "1 (satu) berkas"),
        ("Hal", SUBJECT),
    ):
        draw_text_box(canvas, label, SANS.regular, x, y, label_width, **text)
        draw_text_box(canvas, ":", SANS.regular, x + label_width, y, 3 * mm, **text)
        y = draw_text_box(
            canvas, value, SANS.regular, x + label_width + 4 * mm, y, width / 2 - label_width, max_lines=2, **text
        )
    y -= SIZE * 1.2
    left = x + width / 2
    y = draw_text_box(canvas, "Yth.", SANS.regular, left, y, width / 2, **text)
    y = draw_text_box(canvas, head_of(letter.unit), SANS.regular, left, y, width / 2, max_lines=3, **text)
    y = draw_text_box(canvas, "di", SANS.regular, left, y, width / 2, **text)
    y = draw_text_box(canvas, "Tempat", SANS.regular, left + 8 * mm, y, width / 2, **text)
    y = draw_paragraphs(canvas, _paragraphs(letter, width), x, y - SIZE * 1.5)
    half = width / 2
    draw_signatory(
        canvas,
        letter.signatory,
        x + half,
        y - SIZE,
        half,
        signature=letter.signature,
        stamp=letter.stamp,
        size=SIZE,
        space=24 * mm,
    )


def _draw_list_heading(canvas: Canvas, page: PageSpec, letter: CoverLetter) -> float:
    frame = page.frame
    x, width = frame.x, frame.width
    left, block = x + width * 0.45, width * 0.55
    text: FontSizes = {"max_size": 10, "min_size": MIN_TEXT_SIZE}
    who = letter.signatory.jabatan or letter.organizer
    y = draw_text_box(
        canvas, f"Lampiran Surat {who}".strip(), SANS.regular, left, frame.top, block, max_lines=2, **text
    )
    for label, value in (("Nomor", NUMBER_BLANK), ("Tanggal", long_date(letter.as_of))):
        draw_text_box(canvas, label, SANS.regular, left, y, 16 * mm, **text)
        y = draw_text_box(canvas, f": {value}", SANS.regular, left + 16 * mm, y, block - 16 * mm, **text)
    y -= 6 * mm
    title: FitOptions = {"max_size": 11, "min_size": 9, "max_lines": 2}
    y = draw_text_box(canvas, LIST_TITLE, SANS.bold, x, y, width, align="center", **title)
    y = draw_text_box(canvas, letter.unit.upper(), SANS.bold, x, y, width, align="center", **title)
    return y - 4 * mm


class _Measuring:
    """A canvas that draws nothing: the heading's height is known before the table is paginated."""

    def __getattr__(self, name: str) -> Callable[..., float]:
        return lambda *args, **kwargs: 0.0


__all__ = ["CoverLetter", "draw_cover_letter", "head_of", "letter_page"]
