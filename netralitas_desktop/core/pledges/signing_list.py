"""A list of people over as many pages as it takes: the daftar hadir (two kinds) and the pledge sheet.

Every page repeats the heading (title; kegiatan, hari/tanggal, tempat) and the column header
and says "Halaman x dari y". Columns: No, Nama / NIP (the NIP, or the masked NIK of non-ASN
staff, under the name), Jabatan, Unit Kerja, then by kind:

- ``ListKind.SIGNING`` (*untuk ditandatangani*, before or at the event): Tanda Tangan, the usual
  space with odd numbers signing left and even right;
- ``ListKind.RECAP`` (*rekap kehadiran*, after it): Keterangan — ``Hadir 07.45 WIB``, Daring, Izin,
  Sakit, Dinas Luar or Tidak hadir, by ``reports.status`` like the dashboard and the XLSX — and
  Tanda Tangan with the signature captured at the desk, printed large enough to read; a line of
  totals closes the table.

Grouped by unit, each unit gets a band (repeated as "lanjutan" when it runs onto a new page)
and the unit column is dropped. The event's first signatory closes the list.

Rows are fitted and paginated before drawing (``layout_list``), so the page count is known up
front, and a list can be drawn into another document with page numbers continuing (the
report's Lampiran: ``draw_list(..., first_number=…, total=…)``). While a page is drawn, threads
prepare the next page's signatures (print size, PDF encoding): Pillow and zlib release the GIL.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from ..dates import hari_tanggal, tanggal, tempat_tanggal
from ..documents import (
    SANS,
    Letterhead,
    PageSpec,
    Paper,
    draw_letterhead,
    draw_signatory,
    draw_text_box,
    mm,
    naskah_dinas_page,
    new_canvas,
    space_under_kop,
)
from ..documents.images import print_pdf_image
from ..documents.table import (
    SIGNATURE_ROW_HEIGHT,
    Column,
    FittedRow,
    TableLayout,
    draw_page_footer,
    draw_signing_cell,
    signature_box,
)
from ..event_settings import get_asset, nik_masked
from ..events import EventData, get_event
from ..invitations import time_text
from ..jobs import Progress
from ..nip import format_nip, mask_nik
from ..participants import ParticipantRow
from ..reports.status import StatusRow, attendance_remark, recap_rows, status_rows, totals_sentence
from ..signatures import signed_registration_ids
from .document_common import NothingToPrint, listed_rows, print_order, save_canvas, signatures_of
from .document_settings import (
    SIGNATORY_SIGNATURE,
    SIGNATORY_STAMP,
    DocumentSettings,
    letterhead_for,
    load_document_settings,
)
from .pledge_forms import body_paragraphs, draw_paragraphs

TEXT_SIZE = 10.5
HEADING_SIZE = 10
SIGNING_ROW_HEIGHT = 10 * mm  # room to sign by hand
CLOSING_HEIGHT = 52 * mm
PREPARING_THREADS = 2


class ListKind(enum.StrEnum):
    """The two daftar hadir: one to sign on paper, one recording what happened."""

    SIGNING = "tanda-tangan"
    RECAP = "rekap"

    @property
    def label(self) -> str:
        return "untuk ditandatangani" if self is ListKind.SIGNING else "rekap kehadiran"


@dataclass(frozen=True)
class ListOptions:
    paper: Paper | None = None  # None: the event's paper setting
    landscape: bool = False
    group_by_unit: bool = False
    only_present: bool = False  # only those checked in (a record after the event)
    signatures: bool = True  # print signatures captured at the desk
    kind: ListKind = ListKind.SIGNING


@dataclass(frozen=True)
class SigningList:
    """Everything one list needs, loaded before drawing."""

    event: EventData
    rows: list[ParticipantRow] | list[StatusRow]  # the recap lists status rows (same fields used)
    options: ListOptions
    title: str
    footer_name: str  # "Daftar Hadir", at the foot of every page
    text: str = ""  # the collective pledge, above the table on page one
    letterhead: Letterhead | None = None  # page one only
    signatory_signature: bytes | None = None
    signatory_stamp: bytes | None = None
    mask_nik: bool = True
    remarks: Mapping[int, str] = field(default_factory=dict)  # RECAP: registration id -> Keterangan
    totals: str = ""  # RECAP: the line of totals under the table
    signed: frozenset[int] = frozenset()  # registrations with a captured signature
    attachment_lines: tuple[str, ...] = ()  # "LAMPIRAN …" at the top right of page one, instead of a kop

    @property
    def recap(self) -> bool:
        return self.options.kind is ListKind.RECAP

    @property
    def prints_signatures(self) -> bool:
        return self.options.signatures and any(row.registration_id in self.signed for row in self.rows)


@dataclass(frozen=True)
class _Item:
    """One line of the table: a person's row or a unit's band."""

    row: ParticipantRow | None
    number: int
    fitted: FittedRow | None
    band: str = ""
    height: float = 0.0


def id_text(row: ParticipantRow, *, masked: bool = True) -> str:
    """``19860926 201505 1 001``; ``NIK 3306**********01`` for someone without a NIP (full when not ``masked``)."""
    if row.nip:
        return format_nip(row.nip)
    if row.nik:
        return f"NIK {mask_nik(row.nik) if masked else row.nik}"
    return ""


def columns(grouped: bool, landscape: bool, recap: bool = False) -> list[Column]:
    """Widths are millimetres of an A4 frame (the table scales them to the frame it gets)."""
    widths = {
        # portrait: 160 mm between the margins of tata naskah dinas; landscape: 247 mm
        (False, False): dict(no=8, name=46, jabatan=30, unit=40, remark=0, sign=36),
        (False, True): dict(no=7, name=38, jabatan=28, unit=35, remark=20, sign=32),
        (True, False): dict(no=8, name=62, jabatan=50, unit=70, remark=0, sign=57),
        (True, True): dict(no=8, name=62, jabatan=50, unit=70, remark=24, sign=33),
    }[(landscape, recap)]
    result = [
        Column("No", widths["no"], align="center", max_lines=1),
        Column("Nama / NIP", widths["name"], max_lines=6),
        Column("Jabatan", widths["jabatan"], max_lines=5),
    ]
    if not grouped:
        result.append(Column("Unit Kerja", widths["unit"], max_lines=5))
    if recap:
        result.append(Column("Keterangan", widths["remark"], max_lines=3))
    result.append(Column("Tanda Tangan", widths["sign"]))
    return result


def load_signing_list(
    event_id: int, options: ListOptions, *, title: str, footer_name: str
) -> tuple[SigningList, DocumentSettings]:
    """The event's people, kop and signatory images; the paper is the event's unless ``options`` names one."""
    event = get_event(event_id)
    settings = load_document_settings(event_id)
    if options.paper is None:
        options = replace(options, paper=settings.paper)
    masked = nik_masked(event_id)
    if options.kind is ListKind.RECAP:
        spec = recap_list(event, status_rows(event_id), options, title=title, footer_name=footer_name, mask=masked)
    else:
        rows = listed_rows(event_id, only_present=options.only_present)
        if not rows:
            raise NothingToPrint(_nobody(options))
        signed = frozenset(signed_registration_ids(event_id)) if options.signatures else frozenset()
        spec = SigningList(event, rows, options, title, footer_name, mask_nik=masked, signed=signed)
    spec = replace(
        spec,
        letterhead=letterhead_for(event_id, settings),
        signatory_signature=get_asset(event_id, SIGNATORY_SIGNATURE),
        signatory_stamp=get_asset(event_id, SIGNATORY_STAMP),
    )
    return spec, settings


def recap_list(
    event: EventData, statuses: list[StatusRow], options: ListOptions, *, title: str, footer_name: str, mask: bool
) -> SigningList:
    """A rekap kehadiran of these status rows (one snapshot: people, Keterangan and totals agree).

    Cancelled registrations are left out, as in every count; the report passes its own snapshot.
    """
    rows = sorted(
        (row for row in statuses if row.counted and (row.present or not options.only_present)), key=print_order
    )
    if not rows:
        raise NothingToPrint(_nobody(options))
    return SigningList(
        event,
        rows,
        replace(options, kind=ListKind.RECAP),
        title,
        footer_name,
        mask_nik=mask,
        remarks={row.registration_id: attendance_remark(row, event.time_zone) for row in rows},
        totals=totals_sentence(recap_rows(rows).total),
        signed=frozenset(row.registration_id for row in rows if row.signed) if options.signatures else frozenset(),
    )


def _nobody(options: ListOptions) -> str:
    if options.only_present:
        return "Belum ada peserta yang hadir pada kegiatan ini."
    return "Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu."


def page_spec(options: ListOptions) -> PageSpec:
    return naskah_dinas_page(options.paper or Paper.A4, options.landscape)


def _items(table: TableLayout, spec: SigningList) -> list[_Item]:
    items: list[_Item] = []
    unit = None
    grouped = spec.options.group_by_unit
    for number, row in enumerate(spec.rows, start=1):
        if grouped and row.unit_kerja != unit:
            unit = row.unit_kerja
            name = unit or "Tanpa unit kerja"
            items.append(_Item(None, 0, None, band=name, height=table.band_height(name)))
        identity = id_text(row, masked=spec.mask_nik)
        texts = [str(number), f"{row.full_name}\n{identity}" if identity else row.full_name, row.jabatan or "-"]
        if not grouped:
            texts.append(row.unit_kerja or "-")
        if spec.recap:
            texts.append(spec.remarks.get(row.registration_id, ""))
        fitted = table.fit_row(texts + [None])
        items.append(_Item(row, number, fitted, height=fitted.height))
    return items


def _paginate(table: TableLayout, items: list[_Item], first_room: float, room: float) -> list[list[_Item]]:
    """Pages of items; a band never ends a page, and a unit running over gets a 'lanjutan' band."""
    pages: list[list[_Item]] = []
    current: list[_Item] = []
    used, available, band = 0.0, first_room, ""
    for index, item in enumerate(items):
        if item.band:
            band = item.band
        need = item.height + (items[index + 1].height if item.band and index + 1 < len(items) else 0)
        if current and used + need > available + 1e-6:
            pages.append(current)
            current, used, available = [], 0.0, room
            if band and not item.band:
                text = f"{band} (lanjutan)"
                current.append(_Item(None, 0, None, band=text, height=table.band_height(text)))
                used += current[-1].height
        current.append(item)
        used += item.height
    pages.append(current)
    return pages


def _heading(canvas, title: str, event: EventData, x: float, top: float, width: float) -> float:
    y = top
    for line in title.splitlines():
        if line.strip():
            y = draw_text_box(
                canvas, line.strip(), SANS.bold, x, y, width, align="center", max_size=13, min_size=10, max_lines=2
            )
    when = hari_tanggal(event.date) if event.date else "-"
    times = time_text(event)
    lines = (
        ("Kegiatan", event.title),
        ("Hari/Tanggal", f"{when}, pukul {times}" if times else when),
        ("Tempat", event.venue or "-"),
    )
    y -= 2.5 * mm
    text = dict(max_size=HEADING_SIZE, min_size=HEADING_SIZE)
    for label, value in lines:
        draw_text_box(canvas, label, SANS.regular, x, y, 26 * mm, **text)
        draw_text_box(canvas, ":", SANS.regular, x + 26 * mm, y, 3 * mm, **text)
        y = draw_text_box(canvas, value, SANS.regular, x + 29 * mm, y, width - 29 * mm, max_lines=3, **text)
    return y - 3 * mm


def _attachment_block(canvas, lines: tuple[str, ...], x: float, top: float, width: float) -> float:
    """``LAMPIRAN`` and what it belongs to, at the top right as tata naskah dinas places it."""
    left = x + width * 0.5
    y = top
    for line in lines:
        y = draw_text_box(canvas, line, SANS.regular, left, y, width * 0.5, max_size=10, min_size=10, max_lines=3)
    return y - space_under_kop(10)


class _Measuring:
    """A canvas that draws nothing: a heading tells its height before the real page."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


@dataclass(frozen=True)
class ListLayout:
    """A list fitted and paginated: what ``draw_list`` draws, and how many pages it takes."""

    spec: SigningList
    page: PageSpec
    table: TableLayout
    pages: list[list[_Item]]
    paragraphs: tuple
    closing_page: bool  # the closing block needs a page of its own

    @property
    def total(self) -> int:
        return len(self.pages) + self.closing_page


def _first_page_top(canvas, spec: SigningList, page: PageSpec) -> float:
    """Draw (or measure) what only page one has above the heading; returns the heading's top."""
    frame = page.frame
    if spec.attachment_lines:
        return _attachment_block(canvas, spec.attachment_lines, frame.x, frame.top, frame.width)
    if spec.letterhead is not None:
        return draw_letterhead(canvas, spec.letterhead, frame.x, page.kop_top, frame.width) - space_under_kop(TEXT_SIZE)
    return frame.top


def _closing_height(spec: SigningList) -> float:
    closing = 0.0 if spec.event.signatory1.is_empty else CLOSING_HEIGHT
    return closing + (12 * mm if spec.totals else 0.0)


def layout_list(spec: SigningList) -> ListLayout:
    options = spec.options
    page = page_spec(options)
    frame = page.frame
    table = TableLayout(
        columns(options.group_by_unit, options.landscape, spec.recap),
        frame.x,
        frame.width,
        size=9,
        min_row_height=SIGNATURE_ROW_HEIGHT if spec.prints_signatures else SIGNING_ROW_HEIGHT,
    )
    items = _items(table, spec)
    heading_bottom = _heading(_Measuring(), spec.title, spec.event, frame.x, frame.top, frame.width)
    first_top = _first_page_top(_Measuring(), spec, page)
    paragraphs = body_paragraphs(spec.text, frame.width, TEXT_SIZE) if spec.text.strip() else ()
    text_height = sum(paragraph.height + after for paragraph, after in paragraphs) + (2 * mm if paragraphs else 0)
    room = heading_bottom - frame.y - table.header_height
    first_extra = frame.top - first_top + text_height
    pages = _paginate(table, items, room - first_extra, room)
    closing = _closing_height(spec)
    last_used = sum(item.height for item in pages[-1]) + (first_extra if len(pages) == 1 else 0)
    closing_page = bool(closing) and last_used + closing > room
    return ListLayout(spec, page, table, pages, tuple(paragraphs), closing_page)


def render_signing_list(
    target, spec: SigningList, *, progress: Progress | None = None, max_pages: int | None = None
) -> int:
    """Draw the list into ``target`` (a path or a binary file); returns the page count of the whole list.

    ``max_pages`` stops early (a preview) while the footer still counts every page.
    """
    layout = layout_list(spec)
    event = spec.event
    footer = f"{spec.footer_name} \u2013 {event.title}"
    canvas = new_canvas(
        target, layout.page, title=footer, subject=spec.footer_name, author=event.organizer or event.instansi
    )
    draw_list(canvas, layout, footer=footer, progress=progress, max_pages=max_pages)
    save_canvas(canvas, spec.footer_name.lower())
    return layout.total


def draw_list(
    canvas,
    layout: ListLayout,
    *,
    footer: str,
    first_number: int = 1,
    total: int | None = None,
    progress: Progress | None = None,
    max_pages: int | None = None,
) -> int:
    """Draw the list's pages on ``canvas``, numbered from ``first_number`` of ``total``; returns pages drawn."""
    progress = progress or Progress()
    spec, table, pages = layout.spec, layout.table, layout.pages
    frame = layout.page.frame
    total = total or layout.total
    drawn = min(layout.total, max_pages or layout.total)
    done = 0
    pool = ThreadPoolExecutor(PREPARING_THREADS)
    try:
        upcoming = _prepare_signatures(pool, table, pages[0], spec)
        for number in range(1, drawn + 1):
            progress.check_cancelled()
            top = _first_page_top(canvas, spec, layout.page) if number == 1 else frame.top
            y = _heading(canvas, spec.title, spec.event, frame.x, top, frame.width)
            if number == 1 and layout.paragraphs:
                y = draw_paragraphs(canvas, layout.paragraphs, frame.x, y) - 2 * mm
            if number <= len(pages):
                prepared = upcoming
                if number < min(len(pages), drawn):
                    upcoming = _prepare_signatures(pool, table, pages[number], spec)
                y = _draw_rows(canvas, table, table.draw_header(canvas, y), pages[number - 1], prepared, spec)
                done += sum(1 for item in pages[number - 1] if item.row is not None)
            if number == layout.total:
                _closing(canvas, spec, frame.x, y - 4 * mm, frame.width)
            draw_page_footer(canvas, layout.page, first_number + number - 1, total, footer)
            canvas.showPage()
            progress.report(done, len(spec.rows), f"{spec.footer_name}: {done} dari {len(spec.rows)} peserta")
    finally:
        pool.shutdown(cancel_futures=True)
    return drawn


def _prepare_signatures(pool: ThreadPoolExecutor, table: TableLayout, items: list[_Item], spec: SigningList) -> dict:
    """Start preparing a page's signatures at the size of their boxes.

    The query runs here: the database connection belongs to this thread.
    """
    if not spec.prints_signatures:
        return {}
    ids = [
        item.row.registration_id for item in items if item.row is not None and item.row.registration_id in spec.signed
    ]
    signed = signatures_of(ids)  # one query per page, not per person
    column = len(table.columns) - 1
    prepared: dict[int, Future] = {}
    for item in items:
        png = signed.get(item.row.registration_id) if item.row is not None else None
        if png is not None:
            box = signature_box(table.cell(column, 0, item.height), numbered=not spec.recap)
            prepared[item.row.registration_id] = pool.submit(print_pdf_image, png, box.width, box.height, trim=True)
    return prepared


def _draw_rows(
    canvas, table: TableLayout, top: float, items: list[_Item], prepared: dict[int, Future], spec: SigningList
) -> float:
    y = top
    for item in items:
        if item.band:
            y = table.draw_band(canvas, y, item.band)
            continue
        signature = prepared.get(item.row.registration_id)
        draw_signing_cell(
            canvas,
            table.cell(len(table.columns) - 1, y, item.height),
            None if spec.recap else item.number,
            signature=signature.result() if signature is not None else None,
        )
        y = table.draw_row(canvas, y, item.fitted)
    return y


def _closing(canvas, spec: SigningList, x: float, top: float, width: float) -> None:
    """The totals (rekap kehadiran), then place and date, ``Mengetahui,`` and the first signatory, at the right."""
    y = top
    if spec.totals:
        y = draw_text_box(canvas, spec.totals, SANS.regular, x, y, width, max_size=10, min_size=10, max_lines=3)
        y -= 4 * mm
    event = spec.event
    if event.signatory1.is_empty:
        return
    block_width = min(width / 2, 95 * mm)
    left = x + width - block_width
    if event.date:
        y = draw_text_box(
            canvas,
            tempat_tanggal(event.place_name, event.date),
            SANS.regular,
            left,
            y,
            block_width,
            align="center",
            max_size=10,
            min_size=10,
            max_lines=2,
        )
    y = draw_text_box(
        canvas, "Mengetahui,", SANS.regular, left, y, block_width, align="center", max_size=10, min_size=10
    )
    draw_signatory(
        canvas,
        event.signatory1,
        left,
        y,
        block_width,
        signature=spec.signatory_signature,
        stamp=spec.signatory_stamp,
        size=10,
        space=22 * mm,
    )


def attachment_lines(document: str, event: EventData) -> tuple[str, ...]:
    """The Lampiran label of tata naskah dinas: what the list is attached to, and its date."""
    lines = ["LAMPIRAN", document.upper()]
    if event.date:
        lines.append(f"TANGGAL {tanggal(event.date).upper()}")
    return tuple(lines)


__all__ = [
    "ListKind",
    "ListLayout",
    "ListOptions",
    "SigningList",
    "attachment_lines",
    "columns",
    "draw_list",
    "id_text",
    "layout_list",
    "load_signing_list",
    "page_spec",
    "recap_list",
    "render_signing_list",
]
