"""A list laid out over as many pages as it takes, and drawn: heading on every page, page x of y.

Every page repeats the heading (title; kegiatan, hari/tanggal, tempat) and the column header
and says "Halaman x dari y". Grouped by unit, each unit gets a band (repeated as "lanjutan" when
it runs onto a new page) and the unit column is dropped. The event's first signatory closes the
list; a rekap kehadiran has its line of totals above.

Rows are fitted and paginated before drawing (``layout_list``), so the page count is known up
front, and a list can be drawn into another document with page numbers continuing (the report's
Lampiran: ``draw_list(..., first_number=…, total=…)``). While a page is drawn, threads prepare the
next page's signatures (print size, PDF encoding): Pillow and zlib release the GIL.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import day_and_date, place_and_date
from ..documents import (
    SANS,
    PageSpec,
    PdfTarget,
    draw_letterhead,
    draw_signatory,
    draw_text_box,
    mm,
    new_canvas,
    space_under_kop,
)
from ..documents.fit import FontSizes
from ..documents.images import PdfImage, print_pdf_image
from ..documents.table import (
    SIGNATURE_ROW_HEIGHT,
    FittedRow,
    TableLayout,
    draw_page_footer,
    draw_signing_cell,
    signature_box,
)
from ..events import EventData
from ..invitations import time_text
from ..jobs import Progress
from .document_common import save_canvas, signatures_of
from .pledge_forms import body_paragraphs, draw_paragraphs
from .signing_list import ListedRow, SigningList, columns, id_text, page_spec

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

TEXT_SIZE = 10.5
HEADING_SIZE = 10
SIGNING_ROW_HEIGHT = 10 * mm  # room to sign by hand
CLOSING_HEIGHT = 52 * mm
PREPARING_THREADS = 2


@dataclass(frozen=True)
class _Item:
    """One line of the table: a person's row or a unit's band."""

    row: ListedRow | None  # None: a band
    number: int
    fitted: FittedRow | None
    band: str = ""
    height: float = 0.0


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
        fitted = table.fit_row([*texts, None])
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


def _heading(canvas: Canvas, title: str, event: EventData, x: float, top: float, width: float) -> float:
    y = top
    for line in title.splitlines():
        if line.strip():
            y = draw_text_box(
                canvas, line.strip(), SANS.bold, x, y, width, align="center", max_size=13, min_size=10, max_lines=2
            )
    when = day_and_date(event.date) if event.date else "-"
    times = time_text(event)
    lines = (
        ("Kegiatan", event.title),
        ("Hari/Tanggal", f"{when}, pukul {times}" if times else when),
        ("Tempat", event.venue or "-"),
    )
    y -= 2.5 * mm
    text: FontSizes = {"max_size": HEADING_SIZE, "min_size": HEADING_SIZE}
    for label, value in lines:
        draw_text_box(canvas, label, SANS.regular, x, y, 26 * mm, **text)
        draw_text_box(canvas, ":", SANS.regular, x + 26 * mm, y, 3 * mm, **text)
        y = draw_text_box(canvas, value, SANS.regular, x + 29 * mm, y, width - 29 * mm, max_lines=3, **text)
    return y - 3 * mm


def _attachment_block(canvas: Canvas, lines: tuple[str, ...], x: float, top: float, width: float) -> float:
    """``LAMPIRAN`` and what it belongs to, at the top right as tata naskah dinas places it."""
    left = x + width * 0.5
    y = top
    for line in lines:
        y = draw_text_box(canvas, line, SANS.regular, left, y, width * 0.5, max_size=10, min_size=10, max_lines=3)
    return y - space_under_kop(10)


class _Measuring:
    """A canvas that draws nothing: a heading tells its height before the real page."""

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


_MEASURING: Canvas = _Measuring()  # type: ignore[assignment]  # duck-typed: ignores every Canvas call


@dataclass(frozen=True)
class ListLayout:
    """A list fitted and paginated: what ``draw_list`` draws, and how many pages it takes."""

    spec: SigningList
    page: PageSpec
    table: TableLayout
    pages: list[list[_Item]]
    paragraphs: tuple[tuple[Paragraph, float], ...]
    closing_page: bool  # the closing block needs a page of its own

    @property
    def total(self) -> int:
        return len(self.pages) + self.closing_page


def _first_page_top(canvas: Canvas, spec: SigningList, page: PageSpec) -> float:
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
    heading_bottom = _heading(_MEASURING, spec.title, spec.event, frame.x, frame.top, frame.width)
    first_top = _first_page_top(_MEASURING, spec, page)
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
    target: PdfTarget, spec: SigningList, *, progress: Progress | None = None, max_pages: int | None = None
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
    canvas: Canvas,
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


def _prepare_signatures(
    pool: ThreadPoolExecutor, table: TableLayout, items: list[_Item], spec: SigningList
) -> dict[int, Future[PdfImage]]:
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
    prepared: dict[int, Future[PdfImage]] = {}
    for item in items:
        if item.row is None:
            continue
        png = signed.get(item.row.registration_id)
        if png is not None:
            box = signature_box(table.cell(column, 0, item.height), numbered=not spec.recap)
            prepared[item.row.registration_id] = pool.submit(print_pdf_image, png, box.width, box.height, trim=True)
    return prepared


def _draw_rows(
    canvas: Canvas,
    table: TableLayout,
    top: float,
    items: list[_Item],
    prepared: dict[int, Future[PdfImage]],
    spec: SigningList,
) -> float:
    y = top
    for item in items:
        if item.band:
            y = table.draw_band(canvas, y, item.band)
            continue
        assert item.row is not None and item.fitted is not None, "a person's line"
        signature = prepared.get(item.row.registration_id)
        draw_signing_cell(
            canvas,
            table.cell(len(table.columns) - 1, y, item.height),
            None if spec.recap else item.number,
            signature=signature.result() if signature is not None else None,
        )
        y = table.draw_row(canvas, y, item.fitted)
    return y


def _closing(canvas: Canvas, spec: SigningList, x: float, top: float, width: float) -> None:
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
            place_and_date(event.place_name, event.date),
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


__all__ = ["ListLayout", "draw_list", "layout_list", "render_signing_list"]
