"""The attendance workbook for the Sekda: usable as it is, on screen and on paper.

Sheets: Daftar Hadir, Rekap per OPD, Rekap Jenis Pegawai, Tidak Hadir (with the ikrar
mandiri status, for follow-up), Belum Ikrar (attended but signed no pledge: to be given a
form) and, when any, Dibatalkan. Their look — title lines merged over the table, ruled and
top-aligned wrapping cells, frozen and filtered header repeated on every printed page,
fitted columns, landscape page set-up with tata naskah dinas margins, NIP/NIK as text — is
``xlsx_sheets``', shared with the campaign workbook.

The sheets are written in openpyxl's write-only (streaming) mode, with little memory. Its
per-cell cost (~30 µs) dominates: 20,000 registrations take about 10 s of CPU
(bench/bench_export.py), which is why the export is a job with progress and cancel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import audit
from ..documents import Paper
from ..jobs import Job, Progress
from .status import Recap, StatusRow
from .tables import (
    ABSENT_COLUMNS,
    ATTENDANCE_COLUMNS,
    CANCELLED_COLUMNS,
    RECAP_COLUMNS,
    UNSIGNED_COLUMNS,
    Column,
    ExportResult,
    ReportSnapshot,
    column_header,
    column_value,
    event_lines,
    event_paper,
    load_snapshot,
    recap_groups,
    record_export,
)
from .xlsx_sheets import HEADER_ROW, PAPER_SIZE_CODES, discard, new_workbook, recap_sheet, save_workbook, table_sheet

if TYPE_CHECKING:
    from openpyxl import Workbook


def write_xlsx(
    snapshot: ReportSnapshot, target: str | Path, *, paper: Paper = Paper.A4, progress: Progress | None = None
) -> int:
    """Write the workbook to ``target`` (replaced only when complete); returns the sheet count."""
    progress = progress or Progress()
    workbook = new_workbook(f"Daftar Hadir \u2013 {snapshot.event.title}")
    try:
        _fill(workbook, snapshot, paper, progress)
        progress.check_cancelled()
    except BaseException:  # cancelled or failed: close the streamed sheets and drop their temp files
        discard(workbook)
        raise
    save_workbook(workbook, target)
    return len(workbook.worksheets)


def _fill(workbook: Workbook, snapshot: ReportSnapshot, paper: Paper, progress: Progress) -> None:
    title = snapshot.event.title
    counted, absent, cancelled = snapshot.counted_rows, snapshot.absent_rows, snapshot.cancelled_rows
    unsigned = snapshot.unsigned_present_rows
    total_rows = len(counted) + len(absent) + len(unsigned)
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
    _table_sheet(
        workbook,
        snapshot,
        paper,
        "Belum Ikrar",
        f"PESERTA HADIR YANG BELUM MENANDATANGANI IKRAR \u2013 {title}",
        UNSIGNED_COLUMNS,
        unsigned,
        step,
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


def _table_sheet(
    workbook: Workbook,
    snapshot: ReportSnapshot,
    paper: Paper,
    name: str,
    heading: str,
    columns: tuple[Column[StatusRow], ...],
    rows: Sequence[StatusRow],
    step: Callable[[], None],
) -> None:
    values = [[column_value(column, row, snapshot) for column in columns] for row in rows]
    headers = [column_header(column, snapshot) for column in columns]
    table_sheet(workbook, paper, name, heading, _facts(snapshot), columns, headers, values, step)


def _recap_sheet(
    workbook: Workbook, snapshot: ReportSnapshot, paper: Paper, name: str, heading: str, group_header: str, recap: Recap
) -> None:
    groups = recap_groups(recap)
    recap_sheet(workbook, paper, name, heading, _facts(snapshot), group_header, groups, recap.total, RECAP_COLUMNS)


def _facts(snapshot: ReportSnapshot) -> str:
    return " \u2014 ".join(event_lines(snapshot.event, snapshot.made_at))


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
