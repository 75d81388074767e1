"""The attendance workbook for the Sekda: usable as it is, on screen and on paper.

Sheets: Daftar Hadir, Rekap per OPD, Rekap Jenis Pegawai, Tidak Hadir (with the ikrar
mandiri status, for follow-up) and, when any, Dibatalkan. Their look — title lines, frozen
and filtered header repeated on every printed page, fitted columns, landscape page set-up,
NIP/NIK as text — is ``xlsx_sheets``', shared with the campaign workbook.

The sheets are written in openpyxl's write-only (streaming) mode, with little memory. Its
per-cell cost (~30 µs) dominates: 20,000 registrations take about 10 s of CPU
(bench/bench_export.py), which is why the export is a job with progress and cancel.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from .. import audit
from ..documents import Paper
from ..jobs import Job, Progress
from .status import Recap
from .tables import (
    ABSENT_COLUMNS,
    ATTENDANCE_COLUMNS,
    CANCELLED_COLUMNS,
    RECAP_COLUMNS,
    ExportResult,
    ReportSnapshot,
    event_lines,
    event_paper,
    load_snapshot,
    recap_groups,
    record_export,
)
from .xlsx_sheets import HEADER_ROW, PAPER_SIZE_CODES, discard, recap_sheet, save_workbook, table_sheet


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
    except BaseException:  # cancelled or failed: close the streamed sheets and drop their temp files
        discard(workbook)
        raise
    save_workbook(workbook, target)
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

    facts = " \u2014 ".join(event_lines(snapshot.event, snapshot.made_at))
    table_sheet(
        workbook, paper, "Daftar Hadir", f"DAFTAR HADIR \u2013 {title}", facts, ATTENDANCE_COLUMNS, counted, step
    )
    _recap(
        workbook,
        paper,
        "Rekap per OPD",
        f"REKAPITULASI KEHADIRAN PER OPD \u2013 {title}",
        facts,
        "Unit Kerja (OPD)",
        snapshot.by_unit,
    )
    _recap(
        workbook,
        paper,
        "Rekap Jenis Pegawai",
        f"REKAPITULASI KEHADIRAN PER JENIS PEGAWAI \u2013 {title}",
        facts,
        "Jenis Pegawai",
        snapshot.by_employment,
    )
    table_sheet(
        workbook, paper, "Tidak Hadir", f"PESERTA TIDAK HADIR \u2013 {title}", facts, ABSENT_COLUMNS, absent, step
    )
    if cancelled:
        table_sheet(
            workbook, paper, "Dibatalkan", f"PENDAFTARAN DIBATALKAN \u2013 {title}", facts, CANCELLED_COLUMNS, cancelled
        )
    progress.check_cancelled()


def _recap(workbook, paper: Paper, name: str, heading: str, facts: str, group_header: str, recap: Recap) -> None:
    recap_sheet(workbook, paper, name, heading, facts, group_header, recap_groups(recap), recap.total, RECAP_COLUMNS)


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
