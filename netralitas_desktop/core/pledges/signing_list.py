"""A list of people to sign, over as many pages as it takes: the attendance list and the pledge sheet.

Every page repeats the heading (title; kegiatan, hari/tanggal, tempat) and the column
header and says "Halaman x dari y". Columns: No, Nama (with titles), NIP (grouped, or NIK
for non-ASN), Jabatan, Unit Kerja, Tanda Tangan — the signature captured at the desk
where there is one, otherwise the usual space with odd numbers signing left and even
right. Grouped by unit, each unit gets a band (repeated as "lanjutan" when it runs onto a
new page) and the unit column is dropped. The event's first signatory closes the list.

Rows are fitted and paginated before drawing, so the page count is known up front. While
a page is drawn, threads prepare the next page's signatures (print size, PDF encoding):
Pillow and zlib release the GIL, so that work runs on the second core.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

from ..dates import hari_tanggal, tempat_tanggal
from ..documents import (
    SANS,
    Letterhead,
    Margins,
    PageSpec,
    Paper,
    draw_letterhead,
    draw_signatory,
    draw_text_box,
    mm,
    new_canvas,
)
from ..documents.images import print_pdf_image
from ..documents.table import Column, FittedRow, TableLayout, draw_page_footer, draw_signing_cell, signing_box
from ..event_settings import get_asset
from ..events import EventData, get_event
from ..invitations import time_text
from ..jobs import Progress
from ..nip import format_nip
from ..participants import ParticipantRow
from .document_common import NothingToPrint, listed_rows, save_canvas, signatures_of
from .document_settings import (
    SIGNATORY_SIGNATURE,
    SIGNATORY_STAMP,
    DocumentSettings,
    letterhead_for,
    load_document_settings,
)
from .pledge_forms import body_paragraphs, draw_paragraphs

LIST_MARGINS = Margins(top=15, right=15, bottom=18, left=20)
CLOSING_HEIGHT = 52 * mm
TEXT_SIZE = 10.5
ONLINE_NOTE = "Daring"
PREPARING_THREADS = 2


@dataclass(frozen=True)
class ListOptions:
    paper: Paper | None = None  # None: the event's paper setting
    landscape: bool = False
    group_by_unit: bool = False
    only_present: bool = False  # only those checked in (a record after the event)
    signatures: bool = True  # print signatures captured at the desk


@dataclass(frozen=True)
class SigningList:
    """Everything one list needs, loaded before drawing."""

    event: EventData
    rows: list[ParticipantRow]
    options: ListOptions
    title: str
    footer_name: str  # "Daftar Hadir", at the foot of every page
    text: str = ""  # the collective pledge, above the table on page one
    letterhead: Letterhead | None = None  # page one only
    signatory_signature: bytes | None = None
    signatory_stamp: bytes | None = None


@dataclass(frozen=True)
class _Item:
    """One line of the table: a person's row or a unit's band."""

    row: ParticipantRow | None
    number: int
    fitted: FittedRow | None
    band: str = ""
    height: float = 0.0


def id_text(row: ParticipantRow) -> str:
    """``19860926 201505 1 001``; ``NIK 3306…`` for someone without a NIP."""
    if row.nip:
        return format_nip(row.nip)
    return f"NIK {row.nik}" if row.nik else "-"


def columns(grouped: bool, landscape: bool) -> list[Column]:
    # A grouped NIP stays on one line (it shrinks instead), so it reads as it is written.
    result = [
        Column("No", 4.5 if landscape else 6, align="center", max_lines=1),
        Column("Nama", 30 if landscape else 27),
        Column("NIP", 21 if landscape else 25, align="center", max_lines=1),
        Column("Jabatan", 26 if landscape else 18),
    ]
    if not grouped:
        result.append(Column("Unit Kerja", 26 if landscape else 18))
    result.append(Column("Tanda Tangan", 30 if landscape else 24))
    return result


def load_signing_list(
    event_id: int, options: ListOptions, *, title: str, footer_name: str
) -> tuple[SigningList, DocumentSettings]:
    """The event's people, kop and signatory images; the paper is the event's unless ``options`` names one."""
    event = get_event(event_id)
    settings = load_document_settings(event_id)
    rows = listed_rows(event_id, only_present=options.only_present)
    if not rows:
        raise NothingToPrint(
            "Belum ada peserta yang hadir pada kegiatan ini."
            if options.only_present
            else "Kegiatan ini belum memiliki peserta; tambahkan atau impor peserta dahulu."
        )
    if options.paper is None:
        options = replace(options, paper=settings.paper)
    spec = SigningList(
        event,
        rows,
        options,
        title,
        footer_name,
        letterhead=letterhead_for(event_id, settings),
        signatory_signature=get_asset(event_id, SIGNATORY_SIGNATURE),
        signatory_stamp=get_asset(event_id, SIGNATORY_STAMP),
    )
    return spec, settings


def page_spec(options: ListOptions) -> PageSpec:
    return PageSpec(options.paper or Paper.A4, options.landscape, LIST_MARGINS)


def _items(table: TableLayout, rows: list[ParticipantRow], grouped: bool) -> list[_Item]:
    items: list[_Item] = []
    unit = None
    for number, row in enumerate(rows, start=1):
        if grouped and row.unit_kerja != unit:
            unit = row.unit_kerja
            name = unit or "Tanpa unit kerja"
            items.append(_Item(None, 0, None, band=name, height=table.band_height(name)))
        texts = [str(number), row.full_name, id_text(row), row.jabatan or "-"]
        if not grouped:
            texts.append(row.unit_kerja or "-")
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
    for label, value in lines:
        draw_text_box(canvas, label, SANS.regular, x, y, 26 * mm, max_size=9.5, min_size=9.5)
        draw_text_box(canvas, ":", SANS.regular, x + 26 * mm, y, 3 * mm, max_size=9.5, min_size=9.5)
        y = draw_text_box(
            canvas, value, SANS.regular, x + 29 * mm, y, width - 29 * mm, max_size=9.5, min_size=8, max_lines=2
        )
    return y - 3 * mm


class _Measuring:
    """A canvas that draws nothing: a heading tells its height before the real page."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def render_signing_list(
    target, spec: SigningList, *, progress: Progress | None = None, max_pages: int | None = None
) -> int:
    """Draw the list into ``target`` (a path or a binary file); returns the page count of the whole list.

    ``max_pages`` stops early (a preview) while the footer still counts every page.
    """
    progress = progress or Progress()
    event, options = spec.event, spec.options
    page = page_spec(options)
    frame = page.frame
    footer = f"{spec.footer_name} \u2013 {event.title}"
    canvas = new_canvas(target, page, title=footer, subject=spec.footer_name, author=event.organizer or event.instansi)
    table = TableLayout(
        columns(options.group_by_unit, options.landscape),
        frame.x,
        frame.width,
        size=8.5,
        min_size=6.5,
        min_row_height=10 * mm,
    )
    items = _items(table, spec.rows, options.group_by_unit)
    heading_bottom = _heading(_Measuring(), spec.title, event, frame.x, frame.top, frame.width)
    letterhead_height = (
        (frame.top - draw_letterhead(_Measuring(), spec.letterhead, frame.x, frame.top, frame.width) + 4 * mm)
        if spec.letterhead
        else 0.0
    )
    paragraphs = body_paragraphs(spec.text, frame.width, TEXT_SIZE) if spec.text.strip() else []
    text_height = sum(paragraph.height + after for paragraph, after in paragraphs) + (2 * mm if paragraphs else 0)
    room = heading_bottom - frame.y - table.header_height
    first_extra = letterhead_height + text_height
    pages = _paginate(table, items, room - first_extra, room)
    closing = not event.signatory1.is_empty
    last_used = sum(item.height for item in pages[-1]) + (first_extra if len(pages) == 1 else 0)
    closing_page = closing and last_used + CLOSING_HEIGHT > room  # the closing block needs a page of its own
    total = len(pages) + closing_page
    drawn = min(total, max_pages or total)
    done = 0
    pool = ThreadPoolExecutor(PREPARING_THREADS)
    try:
        upcoming = _prepare_signatures(pool, table, pages[0], options.signatures)
        for number in range(1, drawn + 1):
            progress.check_cancelled()
            top = frame.top
            if number == 1 and spec.letterhead is not None:
                top = draw_letterhead(canvas, spec.letterhead, frame.x, top, frame.width) - 4 * mm
            y = _heading(canvas, spec.title, event, frame.x, top, frame.width)
            if number == 1 and paragraphs:
                y = draw_paragraphs(canvas, paragraphs, frame.x, y) - 2 * mm
            if number <= len(pages):
                prepared = upcoming
                if number < min(len(pages), drawn):
                    upcoming = _prepare_signatures(pool, table, pages[number], options.signatures)
                y = _draw_rows(canvas, table, table.draw_header(canvas, y), pages[number - 1], prepared)
                done += sum(1 for item in pages[number - 1] if item.row is not None)
            if closing and number == total:
                _closing(canvas, spec, frame.x, y - 6 * mm, frame.width)
            draw_page_footer(canvas, page, number, total, footer)
            canvas.showPage()
            progress.report(done, len(spec.rows), f"{spec.footer_name}: {done} dari {len(spec.rows)} peserta")
    finally:
        pool.shutdown(cancel_futures=True)
    save_canvas(canvas, spec.footer_name.lower())
    return total


def _prepare_signatures(
    pool: ThreadPoolExecutor, table: TableLayout, items: list[_Item], with_signatures: bool
) -> dict[int, Future]:
    """Start preparing a page's signatures at the size of their signing boxes.

    The query runs here: the database connection belongs to this thread.
    """
    ids = [item.row.registration_id for item in items if item.row is not None]
    signed = signatures_of(ids) if with_signatures else {}  # one query per page, not per person
    column = len(table.columns) - 1
    prepared = {}
    for item in items:
        png = signed.get(item.row.registration_id) if item.row is not None else None
        if png is not None:
            box = signing_box(table.cell(column, 0, item.height), item.number)
            prepared[item.row.registration_id] = pool.submit(print_pdf_image, png, box.width, box.height)
    return prepared


def _draw_rows(canvas, table: TableLayout, top: float, items: list[_Item], prepared: dict[int, Future]) -> float:
    y = top
    for item in items:
        if item.band:
            y = table.draw_band(canvas, y, item.band)
            continue
        signature = prepared.get(item.row.registration_id)
        note = ONLINE_NOTE if signature is None and item.row.mode == "online" else ""
        draw_signing_cell(
            canvas,
            table.cell(len(table.columns) - 1, y, item.height),
            item.number,
            signature=signature.result() if signature is not None else None,
            note=note,
        )
        y = table.draw_row(canvas, y, item.fitted)
    return y


def _closing(canvas, spec: SigningList, x: float, top: float, width: float) -> None:
    """Place and date, ``Mengetahui,`` and the event's first signatory, at the right."""
    event = spec.event
    block_width = min(width / 2, 95 * mm)
    left = x + width - block_width
    y = top
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
            min_size=8,
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


__all__ = [
    "LIST_MARGINS",
    "ListOptions",
    "SigningList",
    "columns",
    "id_text",
    "load_signing_list",
    "page_spec",
    "render_signing_list",
]
