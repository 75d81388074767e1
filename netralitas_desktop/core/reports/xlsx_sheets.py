"""Print-ready worksheets shared by every workbook the app writes (attendance, campaign coverage).

Each sheet has two title lines (a heading and a line of facts), a bold header row that is
frozen, filtered and repeated on every printed page, columns as wide as their text (capped;
longer text wraps), and a landscape page set-up fitted to the paper's width. Sheets are
written in openpyxl's write-only (streaming) mode, so their page set-up is made before the
first row.

NIP, NI PPPK, NIK and phone numbers are text cells formatted ``@``: as numbers Excel would
keep 15 digits and show 1,98609E+17. Text that a spreadsheet would run as a formula is
written as explicit text with Excel's quote prefix (``tables.needs_neutralising``).

Paper: ``paperSize`` codes come from the Windows DEVMODE list (ECMA-376 §18.3.1.63); A4 is 9.
There is no "F4" code. F4 (215 × 330 mm) is, to within a millimetre, what that list calls
*Folio* (code 14, 8½ × 13 in = 215.9 × 330.2 mm), and Windows printer drivers sold in
Indonesia list their F4 / "Folio" / "8.5 × 13" paper under that code, so F4 is written as 14.
(ECMA-376 also has ``paperWidth``/``paperHeight`` in mm, but Excel then ignores the code and
asks the driver for a custom size, which many drivers turn into a fallback to Letter.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import math
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from ..documents import DocumentError, Paper, atomic_output
from .tables import Column, clean_text, needs_neutralising

PAPER_SIZE_CODES = {Paper.A4: 9, Paper.F4: 14}  # see the module docstring for F4
HEADER_ROW = 4  # two title lines, a blank line, then the table header
TIME_FORMAT = "hh:mm"
PERCENT_FORMAT = "0.0%"
TEXT_FORMAT = "@"

_TITLE_FONT = Font(bold=True, size=13)
_FACTS_FONT = Font(size=10, color="404040")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_WRAP = Alignment(wrap_text=True, vertical="top")
_THIN = Side(style="thin", color="808080")
_HEADER_BORDER = Border(top=_THIN, bottom=_THIN, left=_THIN, right=_THIN)
_TOTAL_BORDER = Border(top=Side(style="medium"), bottom=Side(style="double"))

# A recap column: header, value of a group, kind ("number" or "percent").
RecapColumn = tuple[str, Callable[[object], object], str]


def save_workbook(workbook, target: str | Path) -> None:
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


def discard(workbook) -> None:
    """Close every half-written streaming sheet and remove its temporary file."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        with contextlib.suppress(Exception):
            if sheet._writer is not None:
                sheet._writer.cleanup()


def table_sheet(
    workbook,
    paper: Paper,
    name: str,
    heading: str,
    facts: str,
    columns: Sequence[Column],
    rows: Sequence,
    step: Callable[[], None] = lambda: None,
):
    """A numbered table of ``rows`` (each column's ``value(row)``), filtered; returns the sheet."""
    values = [[column.value(row) for column in columns] for row in rows]
    widths = [4 + len(str(len(rows)))] + [
        column_width(column, [line[i] for line in values]) for i, column in enumerate(columns)
    ]
    sheet = new_sheet(workbook, name, widths, paper)
    title_rows(sheet, heading, facts)
    sheet.append(header_cells(sheet, ["No"] + [column.header for column in columns], widths))
    kinds = [column.kind for column in columns]
    for number, line in enumerate(values, 1):
        fit_row_height(sheet, HEADER_ROW + number, line, widths[1:])
        sheet.append(
            [number]
            + [cell(sheet, value, kind, width) for value, kind, width in zip(line, kinds, widths[1:], strict=True)]
        )
        step()
    last = HEADER_ROW + max(len(values), 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(widths))}{last}"
    return sheet


def recap_sheet(
    workbook,
    paper: Paper,
    name: str,
    heading: str,
    facts: str,
    group_header: str,
    groups: Sequence,
    total,
    columns: Sequence[RecapColumn],
) -> None:
    """One row per group (its ``label`` and each column's value), then a bold JUMLAH row for ``total``."""
    label_width = min(45, math.ceil(max([text_units(group_header)] + [text_units(g.label) for g in groups])) + 2)
    widths = [5, label_width] + [max(9, len(max(header.split(), key=len)) + 3) for header, _, _ in columns]
    sheet = new_sheet(workbook, name, widths, paper)
    title_rows(sheet, heading, facts)
    sheet.append(header_cells(sheet, ["No", group_header] + [header for header, _, _ in columns], widths))
    for number, group in enumerate(groups, 1):
        fit_row_height(sheet, HEADER_ROW + number, [group.label], [label_width])
        sheet.append(
            [number, cell(sheet, group.label, "text", label_width)]
            + [number_cell(sheet, value(group), kind) for _, value, kind in columns]
        )
    # The totals row sits below the filter range, so sorting the groups never moves it.
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(widths))}{HEADER_ROW + max(len(groups), 1)}"
    total_row = [styled(sheet, None), styled(sheet, "JUMLAH")] + [
        number_cell(sheet, value(total), kind) for _, value, kind in columns
    ]
    for item in total_row:
        item.font = _HEADER_FONT
        item.border = _TOTAL_BORDER
    sheet.append(total_row)


def new_sheet(workbook, name: str, widths: list[int], paper: Paper):
    """A sheet with its column widths, frozen header and page set-up (all before the first row)."""
    sheet = workbook.create_sheet(name)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = PAPER_SIZE_CODES[paper]
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.55, bottom=0.6, header=0.25, footer=0.3)
    sheet.oddFooter.left.text = name
    sheet.oddFooter.left.size = 8
    sheet.oddFooter.right.text = "Halaman &P dari &N"
    sheet.oddFooter.right.size = 8
    return sheet


def title_rows(sheet, heading: str, facts: str) -> None:
    """The heading (bold) and a line of facts over the table, then a blank row."""
    title = styled(sheet, clean_text(heading))
    title.font = _TITLE_FONT
    sheet.append([title])
    line = styled(sheet, clean_text(facts))
    line.font = _FACTS_FONT
    sheet.append([line])
    sheet.append([])


def header_cells(sheet, headers: list[str], widths: list[int]) -> list:
    """Bold, shaded, wrapped header cells; the row is made tall enough for the wrapped lines
    (LibreOffice does not grow a row for wrapped text written by another program)."""
    lines = max(_line_count(header, width) for header, width in zip(headers, widths, strict=True))
    sheet.row_dimensions[HEADER_ROW].height = 15 * lines + 2
    cells = []
    for header in headers:
        cell = styled(sheet, header)
        cell.font, cell.fill, cell.alignment, cell.border = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN, _HEADER_BORDER
        cells.append(cell)
    return cells


def fit_row_height(sheet, row: int, values: list, widths: list[int]) -> None:
    """A row whose text wraps gets the height for its lines: LibreOffice keeps the default
    height for rows of a file it did not write, and the wrapped lines would overlap."""
    lines = max(
        (
            _line_count(value, width)
            for value, width in zip(values, widths, strict=True)
            if isinstance(value, str) and _wraps(value, width)
        ),
        default=1,
    )
    if lines > 1:
        sheet.row_dimensions[row].height = 15 * lines


def text_units(text: str) -> float:
    """Roughly how wide ``text`` is in Excel's column unit (the width of "0" in Calibri 11, which
    LibreOffice's Carlito matches): lower case ~0.8, capitals and digits ~1, a space ~0.5."""
    return 0.8 * len(text) + 0.25 * len(_WIDE.findall(text)) - 0.3 * text.count(" ")


_WIDE = re.compile(r"[A-Z0-9]")


def _wraps(text: str, width: int) -> bool:
    return len(text) > width - 1 and text_units(text) > width - 1


def _line_count(text: str, width: int) -> int:
    """Lines ``text`` wraps into at ``width`` units, word by word."""
    lines, used = 1, 0.0
    for word in text.split():
        size = text_units(word)
        if used and used + 0.5 + size > width - 1:
            lines, used = lines + 1, size
        else:
            used += (0.5 if used else 0) + size
    return lines


def column_width(column: Column, values: list) -> int:
    """Column units: the widest value up to the column's cap, at least the header's (longest word)."""
    if column.kind == "time":
        widest = 6.0
    else:
        texts = heapq.nlargest(30, (value for value in values if isinstance(value, str)), key=len)
        widest = max((text_units(text) for text in texts), default=0.0)
    header = column.header if len(column.header) <= 14 else max(column.header.split(), key=len)
    return max(math.ceil(text_units(header) * 1.1) + 2, min(column.max_width, math.ceil(widest) + 2))


def styled(sheet, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    if value is not None:
        cell.value = value
    return cell


def cell(sheet, value, kind: str, width: int):
    """A value as written: plain when nothing is needed, else a cell with its format."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = TIME_FORMAT
        return cell
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    if kind == "id":
        cell = _text_cell(sheet, text)
        cell.number_format = TEXT_FORMAT
        return cell
    if needs_neutralising(text):
        cell = _text_cell(sheet, text)
        cell.quotePrefix = True  # shown as typed, and stays text when edited
        return cell
    if _wraps(text, width):
        cell = _text_cell(sheet, text)
        cell.alignment = _WRAP
        return cell
    return text


def _text_cell(sheet, text: str) -> WriteOnlyCell:
    """A string cell that is never a formula, whatever its first character."""
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    return cell


def number_cell(sheet, value, kind: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    if kind == "percent":
        cell.number_format = PERCENT_FORMAT
    return cell


__all__ = [
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
    "number_cell",
    "recap_sheet",
    "save_workbook",
    "styled",
    "table_sheet",
    "text_units",
    "title_rows",
]
