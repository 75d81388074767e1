"""The attendance workbook for the Sekda: usable as it is, on screen and on paper.

Sheets: Daftar Hadir, Rekap per OPD, Rekap Jenis Pegawai, Tidak Hadir (with the ikrar
mandiri status, for follow-up) and, when any, Dibatalkan. Every sheet has two title lines
with the event's facts, a bold header row that is frozen, filtered and repeated on every
printed page, columns as wide as their text (capped; longer text wraps), and a landscape
page set-up fitted to the paper's width.

NIP, NI PPPK, NIK and phone numbers are text cells formatted ``@``: as numbers Excel would
keep 15 digits and show 1,98609E+17.

Paper: ``paperSize`` codes come from the Windows DEVMODE list (ECMA-376 §18.3.1.63); A4 is 9.
There is no "F4" code. F4 (215 × 330 mm) is, to within a millimetre, what that list calls
*Folio* (code 14, 8½ × 13 in = 215.9 × 330.2 mm), and Windows printer drivers sold in
Indonesia list their F4 / "Folio" / "8.5 × 13" paper under that code, so F4 is written as 14.
(ECMA-376 also has ``paperWidth``/``paperHeight`` in mm, but Excel then ignores the code and
asks the driver for a custom size, which many drivers turn into a fallback to Letter.)

The sheets are written in openpyxl's write-only (streaming) mode, with little memory. Its
per-cell cost (~30 µs) dominates: 20,000 registrations take about 10 s of CPU
(bench/bench_export.py), which is why the export is a job with progress and cancel.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import math
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from .. import audit
from ..documents import DocumentError, Paper, atomic_output
from ..jobs import Job, Progress
from .status import Recap
from .tables import (
    ABSENT_COLUMNS,
    ATTENDANCE_COLUMNS,
    CANCELLED_COLUMNS,
    RECAP_COLUMNS,
    Column,
    ExportResult,
    ReportSnapshot,
    clean_text,
    event_lines,
    event_paper,
    load_snapshot,
    needs_neutralising,
    recap_groups,
    record_export,
)

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


def write_xlsx(
    snapshot: ReportSnapshot, target: str | Path, *, paper: Paper = Paper.A4, progress: Progress | None = None
) -> int:
    """Write the workbook to ``target`` (replaced only when complete); returns the sheet count."""
    progress = progress or Progress()
    workbook = Workbook(write_only=True)
    workbook.properties.title = f"Daftar Hadir \u2013 {snapshot.event.title}"[:250]
    workbook.properties.creator = "Netralitas Desktop"
    try:
        _fill(workbook, snapshot, paper, progress)
        progress.check_cancelled()
        with atomic_output(target) as temp:
            try:
                workbook.save(temp)
            except OSError as err:
                raise DocumentError(f"Berkas {Path(target).name} tidak bisa disimpan: {err.strerror or err}.") from err
    except BaseException:  # cancelled or failed: close the streamed sheets and drop their temp files
        _discard(workbook)
        raise
    return len(workbook.worksheets)


def _fill(workbook, snapshot: ReportSnapshot, paper: Paper, progress: Progress) -> None:
    title = snapshot.event.title
    counted, absent, cancelled = snapshot.counted_rows, snapshot.absent_rows, snapshot.cancelled_rows
    total_rows = len(counted) + len(absent)
    done = [0]

    def step() -> None:
        done[0] += 1
        if done[0] % 500 == 0 or done[0] == total_rows:
            progress.check_cancelled()
            progress.report(done[0], total_rows, f"Menulis baris {done[0]} dari {total_rows}")

    _table_sheet(
        workbook, snapshot, paper, "Daftar Hadir", f"DAFTAR HADIR \u2013 {title}", ATTENDANCE_COLUMNS, counted, step
    )
    _recap_sheet(
        workbook,
        snapshot,
        paper,
        "Rekap per OPD",
        f"REKAPITULASI KEHADIRAN PER OPD \u2013 {title}",
        "Unit Kerja (OPD)",
        snapshot.by_unit,
    )
    _recap_sheet(
        workbook,
        snapshot,
        paper,
        "Rekap Jenis Pegawai",
        f"REKAPITULASI KEHADIRAN PER JENIS PEGAWAI \u2013 {title}",
        "Jenis Pegawai",
        snapshot.by_employment,
    )
    _table_sheet(
        workbook, snapshot, paper, "Tidak Hadir", f"PESERTA TIDAK HADIR \u2013 {title}", ABSENT_COLUMNS, absent, step
    )
    if cancelled:
        _table_sheet(
            workbook,
            snapshot,
            paper,
            "Dibatalkan",
            f"PENDAFTARAN DIBATALKAN \u2013 {title}",
            CANCELLED_COLUMNS,
            cancelled,
            lambda: None,
        )
    progress.check_cancelled()


def _discard(workbook) -> None:
    """Close every half-written streaming sheet and remove its temporary file."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            if not sheet.closed:
                sheet.close()
        with contextlib.suppress(Exception):
            if sheet._writer is not None:
                sheet._writer.cleanup()


# --- Sheets ----------------------------------------------------------------------------------------------


def _table_sheet(
    workbook,
    snapshot: ReportSnapshot,
    paper: Paper,
    name: str,
    heading: str,
    columns: tuple[Column, ...],
    rows: list,
    step,
) -> None:
    values = [[column.value(row) for column in columns] for row in rows]
    widths = [4 + len(str(len(rows)))] + [
        _width(column, [line[i] for line in values]) for i, column in enumerate(columns)
    ]
    sheet = _new_sheet(workbook, name, widths, paper)
    _title_rows(sheet, heading, snapshot)
    sheet.append(_header_cells(sheet, ["No"] + [column.header for column in columns], widths))
    kinds = [column.kind for column in columns]
    for number, line in enumerate(values, 1):
        _fit_row_height(sheet, HEADER_ROW + number, line, widths[1:])
        sheet.append(
            [number] + [_cell(sheet, value, kind, width) for value, kind, width in zip(line, kinds, widths[1:])]
        )
        step()
    last = HEADER_ROW + max(len(values), 1)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(widths))}{last}"


def _recap_sheet(
    workbook, snapshot: ReportSnapshot, paper: Paper, name: str, heading: str, group_header: str, recap: Recap
) -> None:
    groups = recap_groups(recap)
    label_width = min(45, math.ceil(max([text_units(group_header)] + [text_units(g.label) for g in groups])) + 2)
    widths = [5, label_width] + [max(9, len(max(header.split(), key=len)) + 3) for header, _, _ in RECAP_COLUMNS]
    sheet = _new_sheet(workbook, name, widths, paper)
    _title_rows(sheet, heading, snapshot)
    sheet.append(_header_cells(sheet, ["No", group_header] + [header for header, _, _ in RECAP_COLUMNS], widths))
    for number, group in enumerate(groups, 1):
        _fit_row_height(sheet, HEADER_ROW + number, [group.label], [label_width])
        sheet.append(
            [number, _cell(sheet, group.label, "text", label_width)]
            + [_number_cell(sheet, value(group), kind) for _, value, kind in RECAP_COLUMNS]
        )
    # The totals row sits below the filter range, so sorting the groups never moves it.
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(widths))}{HEADER_ROW + max(len(groups), 1)}"
    total = [_styled(sheet, None), _styled(sheet, "JUMLAH")] + [
        _number_cell(sheet, value(recap.total), kind) for _, value, kind in RECAP_COLUMNS
    ]
    for cell in total:
        cell.font = _HEADER_FONT
        cell.border = _TOTAL_BORDER
    sheet.append(total)


def _new_sheet(workbook, name: str, widths: list[int], paper: Paper):
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


def _title_rows(sheet, heading: str, snapshot: ReportSnapshot) -> None:
    title = _styled(sheet, clean_text(heading))
    title.font = _TITLE_FONT
    sheet.append([title])
    facts = _styled(sheet, clean_text(" \u2014 ".join(event_lines(snapshot.event, snapshot.made_at))))
    facts.font = _FACTS_FONT
    sheet.append([facts])
    sheet.append([])


def _header_cells(sheet, headers: list[str], widths: list[int]) -> list:
    """Bold, shaded, wrapped header cells; the row is made tall enough for the wrapped lines
    (LibreOffice does not grow a row for wrapped text written by another program)."""
    lines = max(_line_count(header, width) for header, width in zip(headers, widths))
    sheet.row_dimensions[HEADER_ROW].height = 15 * lines + 2
    cells = []
    for header in headers:
        cell = _styled(sheet, header)
        cell.font, cell.fill, cell.alignment, cell.border = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN, _HEADER_BORDER
        cells.append(cell)
    return cells


def _fit_row_height(sheet, row: int, values: list, widths: list[int]) -> None:
    """A row whose text wraps gets the height for its lines: LibreOffice keeps the default
    height for rows of a file it did not write, and the wrapped lines would overlap."""
    lines = max(
        (
            _line_count(value, width)
            for value, width in zip(values, widths)
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


def _width(column: Column, values: list) -> int:
    """Column units: the widest value up to the column's cap, at least the header's (longest word)."""
    if column.kind == "time":
        widest = 6.0
    else:
        texts = heapq.nlargest(30, (value for value in values if isinstance(value, str)), key=len)
        widest = max((text_units(text) for text in texts), default=0.0)
    header = column.header if len(column.header) <= 14 else max(column.header.split(), key=len)
    return max(math.ceil(text_units(header) * 1.1) + 2, min(column.max_width, math.ceil(widest) + 2))


def _styled(sheet, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet)
    if value is not None:
        cell.value = value
    return cell


def _cell(sheet, value, kind: str, width: int):
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


def _number_cell(sheet, value, kind: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value)
    if kind == "percent":
        cell.number_format = PERCENT_FORMAT
    return cell


class XlsxExportJob(Job[ExportResult]):
    """Read the event once, write the workbook, audit the export. ``paper`` None: the event's paper."""

    title = "Mengekspor daftar hadir (XLSX)"

    def __init__(
        self, event_id: int, path: str | Path, *, paper: Paper | None = None, actor: audit.Actor | None = None
    ) -> None:
        super().__init__()
        self.event_id, self.path, self.paper, self.actor = event_id, Path(path), paper, actor

    def run(self) -> ExportResult:
        self.report(0, 0, "Membaca data kehadiran\u2026")
        snapshot = load_snapshot(self.event_id)
        write_xlsx(snapshot, self.path, paper=self.paper or event_paper(self.event_id), progress=self)
        result = ExportResult(str(self.path), "xlsx", len(snapshot.rows))
        record_export(self.event_id, result, self.actor)
        return result


__all__ = ["HEADER_ROW", "PAPER_SIZE_CODES", "XlsxExportJob", "write_xlsx"]
