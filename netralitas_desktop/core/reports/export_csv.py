"""The attendance list as CSV, for other systems and for a double-click into Excel.

Choices, for Excel as Indonesian offices have it:
- UTF-8 with a BOM: without the BOM Excel reads the file as Windows-1252 and names with
  é or ’ come out garbled; with it, Excel, LibreOffice and Python's ``utf-8-sig`` agree.
- ``;`` between fields: Excel splits a double-clicked CSV at the Windows "list separator",
  which is ``;`` under the Indonesian regional format (its decimal separator is the comma).
  A ``sep=;`` first line would force it elsewhere too, but Excel then ignores the BOM, so
  it is not written. LibreOffice asks, and offers ``;``.
- NIP / NI PPPK grouped as printed (``19860926 201505 1 001``): the spaces keep Excel from
  turning 18 digits into 1,98609E+17; every importer here (``nip.normalize_id``) strips them.
  A NIK has no printed grouping, so it gets a leading apostrophe, as SIASN exports do.
- Times with their date as ``01-07-2024 08:15`` (a colon: the Indonesian ``08.15`` would read as a
  number); the header names the event's zone (``Waktu Hadir (WIB)``).
- NIKs masked (``3302**********01``) unless the event shows them in full: a CSV is handed on.
- Text that a spreadsheet would run as a formula gets a leading apostrophe (see ``tables``).

One row per registration: the registered ones as in the workbook's Daftar Hadir, then the
cancelled ones with status Dibatalkan and the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from .. import audit
from ..documents import DocumentError, atomic_output
from ..jobs import Job, Progress
from ..nip import format_nip
from .tables import (
    ATTENDANCE_COLUMNS,
    ExportResult,
    ReportSnapshot,
    clean_text,
    column_header,
    column_value,
    load_snapshot,
    needs_neutralising,
    record_export,
)

DELIMITER = ";"
ENCODING = "utf-8-sig"  # UTF-8 with a byte order mark
HEADERS = ["No"] + [column.header for column in ATTENDANCE_COLUMNS]  # "{zona}": see column_header


def csv_value(value: object, kind: str = "text") -> str:
    """One field as written: ids kept as text for Excel, formulas neutralised."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if not isinstance(value, str):
        return str(value)
    text = clean_text(value)
    if kind in ("id", "nik"):
        if not text.isdigit():  # a masked NIK is no number to protect
            return text
        return format_nip(text) if len(text) == 18 else f"'{text}"
    return f"'{text}" if needs_neutralising(text) else text


def write_csv(snapshot: ReportSnapshot, target: str | Path, *, progress: Progress | None = None) -> int:
    """Write the CSV to ``target`` (replaced only when complete); returns the data rows written."""
    progress = progress or Progress()
    rows = snapshot.counted_rows + snapshot.cancelled_rows
    kinds = [column.kind for column in ATTENDANCE_COLUMNS]
    with atomic_output(target) as temp:
        try:
            with open(temp, "w", encoding=ENCODING, newline="") as handle:
                writer = csv.writer(handle, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
                writer.writerow(["No"] + [column_header(column, snapshot) for column in ATTENDANCE_COLUMNS])
                for number, row in enumerate(rows, 1):
                    writer.writerow(
                        [str(number)]
                        + [
                            csv_value(column_value(column, row, snapshot), kind)
                            for column, kind in zip(ATTENDANCE_COLUMNS, kinds, strict=True)
                        ]
                    )
                    if number % 1000 == 0:
                        progress.check_cancelled()
                        progress.report(number, len(rows), f"Menulis baris {number} dari {len(rows)}")
        except OSError as err:
            raise DocumentError(f"Berkas {Path(target).name} tidak bisa disimpan: {err.strerror or err}.") from err
    progress.report(len(rows), len(rows), f"{len(rows)} baris tertulis")
    return len(rows)


class CsvExportJob(Job[ExportResult]):
    title = "Mengekspor daftar hadir (CSV)"

    def __init__(self, event_id: int, path: str | Path, *, actor: audit.Actor | None = None) -> None:
        super().__init__()
        self.event_id, self.path, self.actor = event_id, Path(path), actor

    def run(self) -> ExportResult:
        self.report(0, 0, "Membaca data kehadiran\u2026")
        snapshot = load_snapshot(self.event_id)
        count = write_csv(snapshot, self.path, progress=self)
        result = ExportResult(str(self.path), "csv", count)
        record_export(self.event_id, result, self.actor)
        return result


__all__ = ["DELIMITER", "ENCODING", "HEADERS", "CsvExportJob", "csv_value", "write_csv"]
