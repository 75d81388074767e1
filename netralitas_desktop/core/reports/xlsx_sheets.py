"""Print-ready worksheets shared by every workbook the app writes (attendance, campaign coverage).

Each sheet has two title lines (a heading and a line of facts) merged across the table's
width and wrapped, a bold header row that is frozen, filtered and repeated on every printed
page, columns as wide as their text (capped), and a landscape page set-up fitted to the
paper's width. Sheets are written in openpyxl's write-only (streaming) mode, so the page
set-up is made before the first row.

Print-ready as it is: every table cell is ruled and top-aligned and its text wraps (a long
OPD name is never clipped), each row is as tall as its wrapped text (LibreOffice does not grow
rows of a file it did not write, so the height is estimated generously), no gridlines are
printed outside the table, times carry their date and zone, margins are tata naskah dinas'.

NIP, NI PPPK, NIK and phone numbers are text cells formatted ``@``: as numbers Excel would
keep 15 digits and show 1,98609E+17.

Paper: ``paperSize`` codes come from the Windows DEVMODE list (ECMA-376 §18.3.1.63); A4 is 9.
There is no "F4" code. F4 (215 × 330 mm) is, to within a millimetre, what that list calls
*Folio* (code 14, 8½ × 13 in = 215.9 × 330.2 mm), and Windows printer drivers sold in
Indonesia list their F4 / "Folio" / "8.5 × 13" paper under that code, so F4 is written as 14.
(ECMA-376 also has ``paperWidth``/``paperHeight`` in mm, but Excel then ignores the code and
asks the driver for a custom size, which many drivers turn into a fallback to Letter.)
"""

from __future__ import annotations

import contextlib
import heapq
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ..documents import DocumentError, Paper, atomic_output
from ..documents.page import FOOTER_BASELINE_MM, NASKAH_DINAS
from .tables import Column, clean_text, needs_neutralising

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

PAPER_SIZE_CODES = {Paper.A4: 9, Paper.F4: 14}  # see the module docstring for F4
HEADER_ROW = 4  # two title lines, a blank line, then the table header
TIME_FORMAT = "dd-mm-yyyy hh:mm"
PERCENT_FORMAT = "0.0%"
TEXT_FORMAT = "@"
LINE_HEIGHT = 15  # points per line of Calibri 11 as Excel and LibreOffice lay it out
INCH_MM = 25.4

_TITLE_FONT = Font(bold=True, size=13)
_FACTS_FONT = Font(size=10, color="404040")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_TITLE_ALIGN = Alignment(wrap_text=True, vertical="top")
_THIN = Side(style="thin", color="808080")
_GRID = Border(top=_THIN, bottom=_THIN, left=_THIN, right=_THIN)
_HEADER_BORDER = _GRID
_TOTAL_BORDER = Border(top=Side(style="medium"), bottom=Side(style="double"), left=_THIN, right=_THIN)

# One named style per kind of table cell: ruled, top-aligned, wrapping (cheap per cell in streaming mode).
CELL_STYLES = {
    "text": NamedStyle("Tabel Teks", border=_GRID, alignment=Alignment(wrap_text=True, vertical="top")),
    "id": NamedStyle("Tabel Nomor Induk", border=_GRID, alignment=Alignment(vertical="top"), number_format=TEXT_FORMAT),
    "time": NamedStyle(
        "Tabel Waktu", border=_GRID, alignment=Alignment(vertical="top", horizontal="left"), number_format=TIME_FORMAT
    ),
    "number": NamedStyle("Tabel Angka", border=_GRID, alignment=Alignment(vertical="top")),
    "percent": NamedStyle(
        "Tabel Persen", border=_GRID, alignment=Alignment(vertical="top"), number_format=PERCENT_FORMAT
    ),
}
CELL_STYLES["nik"] = CELL_STYLES["id"]


# A recap column: header, value of a group, kind ("number" or "percent").
RecapColumn = tuple[str, Callable[[object], object], str]


# The sheets are write-only (streamed). types-openpyxl's WriteOnlyWorksheet omits the page set-up,
# dimensions and filter it shares with a Worksheet at run time, so they are typed as Worksheets.
Sheet = Worksheet


class Labelled(Protocol):
    """A recap group: one row, named by its label."""

    @property
    def label(self) -> str: ...


def new_workbook(title: str) -> Workbook:
    """A streaming workbook with the table cells' named styles."""
    workbook = Workbook(write_only=True)
    workbook.properties.title = title[:250]
    workbook.properties.creator = "Netralitas Desktop"
    for style in {id(style): style for style in CELL_STYLES.values()}.values():
        workbook.add_named_style(style)
    return workbook


def save_workbook(workbook: Workbook, target: str | Path) -> None:
    """Save to ``target`` (replaced only when complete); a failed save leaves no temporary files."""
    try:
        with atomic_output(target) as temp:
            try:
                workbook.save(temp)
            except OSError as err:
                raise DocumentError(f"Berkas {Path(target).name} tidak bisa disimpan: {err.strerror or err}.") from err
    except BaseException:
        discard(workbook)
        raise


def discard(workbook: Workbook) -> None:
    """Close every half-written streaming sheet and remove its temporary file."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        with contextlib.suppress(Exception):
            writer = getattr(sheet, "_writer", None)  # a streaming sheet's temporary file
            if writer is not None:
                writer.cleanup()


def table_sheet(
    workbook: Workbook,
    paper: Paper,
    name: str,
    heading: str,
    facts: str,
    columns: Sequence[Column[Any]],  # of any kind of row: only the kind and width are read here
    headers: Sequence[str],
    values: Sequence[Sequence[object]],
    step: Callable[[], None] = lambda: None,
) -> Sheet:
    """A numbered, filtered table: ``values`` (a list per row, in ``columns``' order) under ``headers``."""
    widths = [4 + len(str(len(values)))] + [
        column_width(column, header, [line[i] for line in values])
        for i, (column, header) in enumerate(zip(columns, headers, strict=True))
    ]
    sheet = new_sheet(workbook, name, widths, paper)
    title_rows(sheet, heading, facts, widths)
    sheet.append(header_cells(sheet, ["No", *headers], widths))
    kinds = [column.kind for column in columns]
    for number, line in enumerate(values, 1):
        fit_row_height(sheet, HEADER_ROW + number, line, widths[1:])
        sheet.append([cell(sheet, number, "number")] + [cell(sheet, v, k) for v, k in zip(line, kinds, strict=True)])
        step()
    last = HEADER_ROW + max(len(values), 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(widths))}{last}"
    sheet.print_area = f"A1:{get_column_letter(len(widths))}{last}"
    return sheet


def recap_sheet(
    workbook: Workbook,
    paper: Paper,
    name: str,
    heading: str,
    facts: str,
    group_header: str,
    groups: Sequence[Labelled],
    total: object,
    columns: Sequence[RecapColumn],
) -> Sheet:
    """One row per group (its ``label`` and each column's value), then a bold JUMLAH row for ``total``."""
    label_width = min(45, math.ceil(max([text_units(group_header)] + [text_units(g.label) for g in groups])) + 2)
    widths = [5, label_width] + [max(9, len(max(header.split(), key=len)) + 3) for header, _, _ in columns]
    sheet = new_sheet(workbook, name, widths, paper)
    title_rows(sheet, heading, facts, widths)
    sheet.append(header_cells(sheet, ["No", group_header] + [header for header, _, _ in columns], widths))
    for number, group in enumerate(groups, 1):
        fit_row_height(sheet, HEADER_ROW + number, [group.label], [label_width])
        sheet.append(
            [cell(sheet, number, "number"), cell(sheet, group.label, "text")]
            + [cell(sheet, value(group), kind) for _, value, kind in columns]
        )
    # The totals row sits below the filter range, so sorting the groups never moves it.
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(widths))}{HEADER_ROW + max(len(groups), 1)}"
    total_row = [styled(sheet, None), styled(sheet, "JUMLAH")] + [
        cell(sheet, value(total), kind) for _, value, kind in columns
    ]
    for item in total_row:
        item.font = _HEADER_FONT
        item.border = _TOTAL_BORDER
    sheet.append(total_row)
    sheet.print_area = f"A1:{get_column_letter(len(widths))}{HEADER_ROW + len(groups) + 1}"
    return sheet


def new_sheet(workbook: Workbook, name: str, widths: list[int], paper: Paper) -> Sheet:
    """A sheet with its column widths, frozen header and page set-up (all before the first row)."""
    sheet: Sheet = workbook.create_sheet(name)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = PAPER_SIZE_CODES[paper]
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as needed
    fit = sheet.sheet_properties.pageSetUpPr
    assert fit is not None, "a new sheet has its page set-up properties"
    fit.fitToPage = True
    sheet.print_options.gridLines = False  # the table's cells are ruled; nothing outside it is
    sheet.print_options.horizontalCentered = True
    margins = NASKAH_DINAS  # in inches, as the sheet wants them; the footer inside the bottom margin
    sheet.page_margins = PageMargins(
        left=margins.left / INCH_MM,
        right=margins.right / INCH_MM,
        top=margins.top / INCH_MM,
        bottom=margins.bottom / INCH_MM,
        header=FOOTER_BASELINE_MM / INCH_MM,
        footer=FOOTER_BASELINE_MM / INCH_MM,
    )
    footer = sheet.oddFooter
    assert footer is not None, "a new sheet has an (empty) footer"
    footer.left.text = name
    footer.left.size = 8
    footer.right.text = "Halaman &P dari &N"
    footer.right.size = 8
    return sheet


def title_rows(sheet: Sheet, heading: str, facts: str, widths: list[int]) -> None:
    """Title and facts merged across the table's columns and wrapped, so they never reach past it."""
    span = sum(widths)
    last = get_column_letter(len(widths))
    for row, (text, font) in enumerate(((heading, _TITLE_FONT), (facts, _FACTS_FONT)), 1):
        item = styled(sheet, clean_text(text))
        item.font, item.alignment = font, _TITLE_ALIGN
        size = font.sz or 11.0  # Excel's default size
        scale = size / 11 * (1.15 if font.b else 1.0)
        sheet.row_dimensions[row].height = (size + 4) * _line_count(text, span / scale)
        sheet.merged_cells.add(f"A{row}:{last}{row}")
        sheet.append([item])
    sheet.append([])


def header_cells(sheet: Sheet, headers: list[str], widths: list[int]) -> list[Cell]:
    """Bold, shaded, wrapped header cells; the row is made tall enough for the wrapped lines
    (LibreOffice does not grow a row for wrapped text written by another program)."""
    lines = max(_line_count(header, width) for header, width in zip(headers, widths, strict=True))
    sheet.row_dimensions[HEADER_ROW].height = 15 * lines + 2
    cells = []
    for header in headers:
        item = styled(sheet, header)
        item.font, item.fill, item.alignment, item.border = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN, _HEADER_BORDER
        cells.append(item)
    return cells


def fit_row_height(sheet: Sheet, row: int, values: Sequence[object], widths: list[int]) -> None:
    """A row as tall as its most wrapped cell: LibreOffice keeps the default height for rows of a
    file it did not write, and the wrapped lines would be clipped."""
    lines = max(
        (_line_count(value, width) for value, width in zip(values, widths, strict=True) if isinstance(value, str)),
        default=1,
    )
    if lines > 1:
        sheet.row_dimensions[row].height = LINE_HEIGHT * lines + 2


def text_units(text: str) -> float:
    """Roughly how wide ``text`` is in Excel's column unit (the width of "0" in Calibri 11, which
    LibreOffice's Carlito matches): lower case ~0.8, capitals and digits ~1, a space ~0.5."""
    return 0.8 * len(text) + 0.25 * len(_WIDE.findall(text)) - 0.3 * text.count(" ")


_WIDE = re.compile(r"[A-Z0-9]")
WRAP_SAFETY = 1.12  # estimates run generous: an extra line costs a little height, a missing one clips text


def _line_count(text: str, width: float) -> int:
    """Lines ``text`` wraps into at ``width`` units, word by word (a long word breaks across lines)."""
    room = max(1.0, width - 1.5)
    lines, used = 1, 0.0
    for word in text.split():
        size = text_units(word) * WRAP_SAFETY
        if used and used + 0.5 + size > room:
            lines, used = lines + 1, 0.0
        if size > room:  # a word longer than the cell
            extra = math.ceil(size / room) - 1
            lines, used = lines + extra, size - extra * room
        else:
            used += (0.5 if used else 0) + size
    return lines


def column_width(column: Column[Any], header: str, values: list[object]) -> int:
    """Column units: the widest value up to the column's cap, at least the header's (longest word)."""
    if column.kind == "time":
        widest = 16.0
    else:
        texts = heapq.nlargest(30, (value for value in values if isinstance(value, str)), key=len)
        widest = max((text_units(text) for text in texts), default=0.0)
    title = header if len(header) <= 14 else max(header.split(), key=len)
    return max(math.ceil(text_units(title) * 1.1) + 2, min(column.max_width, math.ceil(widest) + 2))


def styled(sheet: Sheet, value: str | None) -> Cell:
    cell = WriteOnlyCell(sheet)
    if value is not None:
        cell.value = value
    return cell


def cell(sheet: Sheet, value: object, kind: str) -> Cell:
    """A table cell: ruled, top-aligned, wrapping text; ids kept as text; formulas never run."""
    item = WriteOnlyCell(sheet)
    item.style = CELL_STYLES.get(kind, CELL_STYLES["text"]).name
    if value is None or value == "":
        return item
    if not isinstance(value, str):
        item.value = value  # type: ignore[assignment]  # numbers, dates, times; openpyxl checks the type
        return item
    item.value = clean_text(value)
    item.data_type = "s"  # a string cell is never a formula, whatever its first character
    if kind not in ("id", "nik") and needs_neutralising(item.value):
        item.quotePrefix = True  # shown as typed, and stays text when edited
    return item


__all__ = [
    "CELL_STYLES",
    "HEADER_ROW",
    "PAPER_SIZE_CODES",
    "PERCENT_FORMAT",
    "TEXT_FORMAT",
    "RecapColumn",
    "cell",
    "column_width",
    "discard",
    "fit_row_height",
    "header_cells",
    "new_sheet",
    "new_workbook",
    "recap_sheet",
    "save_workbook",
    "styled",
    "table_sheet",
    "text_units",
    "title_rows",
]
