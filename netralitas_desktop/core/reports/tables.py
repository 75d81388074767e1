"""What the exports show: one snapshot of an event, the columns of each table, safe cell text.

The XLSX, the CSV and the report PDF all take a ``ReportSnapshot`` (read once, so every
sheet of a file tells the same story) and the column lists below (so a column is named and
filled the same way everywhere: ``column_value`` / ``column_header``). NIKs are masked
(``nip.mask_nik``) unless the event switched masking off (``event_settings.nik_masked``);
times carry the event's zone in their header.

Formula injection: a cell whose text starts with ``= + - @`` (or their full-width forms
``＝ ＋ － ＠``, or a tab / carriage return) would run as a formula when a spreadsheet opens
the file. ``needs_neutralising`` says which; the XLSX writes those as explicit text cells
with Excel's "quote prefix" (the value stays
exactly as typed, is shown as text and stays text when edited), the CSV puts an apostrophe
in front (OWASP's advice; a CSV has no cell types).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .. import audit
from ..dates import day_and_date
from ..documents import Paper, PaperError
from ..event_settings import PAPER, get_setting, nik_masked
from ..events import EventData, get_event
from ..invitations import time_text
from ..nip import mask_nik
from ..participants import MODE_LABELS
from ..statuses import AttendanceStatus
from .status import (
    ABSENT_STATUSES,
    PLEDGE_LABELS,
    GroupCount,
    PledgeCounts,
    Recap,
    StatusRow,
    attended_unsigned,
    percentage,
    pledge_counts,
    recap_rows,
    status_rows,
)


@dataclass(frozen=True)
class ReportSnapshot:
    event: EventData
    rows: list[StatusRow]  # every registration, cancelled ones included
    by_unit: Recap
    by_employment: Recap
    pledges: PledgeCounts
    made_at: dt.datetime
    mask_nik: bool = True

    @property
    def counted_rows(self) -> list[StatusRow]:
        return [row for row in self.rows if row.counted]

    @property
    def unsigned_present_rows(self) -> list[StatusRow]:
        """Attended (room or online) but signed no pledge yet (``PledgeStatus.PRESENT_UNSIGNED``)."""
        return attended_unsigned(self.rows)

    @property
    def absent_rows(self) -> list[StatusRow]:
        return [row for row in self.rows if row.status in ABSENT_STATUSES]

    @property
    def cancelled_rows(self) -> list[StatusRow]:
        return [row for row in self.rows if row.status == AttendanceStatus.CANCELLED]


def load_snapshot(event_id: int) -> ReportSnapshot:
    """The event and its registrations as they are now (``NotFoundError`` for an unknown event)."""
    event = get_event(event_id)
    rows = status_rows(event_id)
    return ReportSnapshot(
        event,
        rows,
        recap_rows(rows, "unit"),
        recap_rows(rows, "employment"),
        pledge_counts(rows),
        dt.datetime.now().replace(microsecond=0),
        nik_masked(event_id),
    )


def event_paper(event_id: int) -> Paper:
    """The event's paper for documents (shared setting ``PAPER``), A4 when unset."""
    try:
        return Paper.parse(get_setting(event_id, PAPER, "A4") or "A4")
    except PaperError:
        return Paper.A4


@dataclass(frozen=True)
class ExportResult:
    path: str
    format: str  # xlsx, csv, pdf
    rows: int  # registrations in the file, cancelled ones included
    pages: int = 0  # PDF only

    def to_dict(self) -> dict[str, Any]:
        return {"ok": True, "path": self.path, "format": self.format, "rows": self.rows, "pages": self.pages}


def record_export(
    event_id: int, result: ExportResult, actor: audit.Actor | None = None, *, document: str = "daftar_hadir"
) -> None:
    """Every file that leaves the app with personal data is audited (``audit.record_export``)."""
    audit.record_export(event_id, document, count=result.rows, pages=result.pages, format=result.format, actor=actor)


def event_lines(event: EventData, made_at: dt.datetime) -> list[str]:
    """Short facts under a sheet's title: when, where, who organised, when the file was made."""
    when = day_and_date(event.date) if event.date else ""
    times = time_text(event)
    parts = [
        f"{when}, pukul {times}" if times else when,
        event.venue,
        f"Penyelenggara: {event.organizer}" if event.organizer else "",
    ]
    facts = " \u00b7 ".join(part for part in parts if part)
    return [facts, f"Keadaan data per {made_at:%d-%m-%Y %H.%M} {event.time_zone}"]


# --- Cell text -------------------------------------------------------------------------------------------

# Full-width forms too: Excel with an East Asian input method (and LibreOffice) take "＝SUM(…)" as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Control characters that XML 1.0 (XLSX) cannot hold; a pasted name may carry one.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    return _CONTROL.sub("", text)


def needs_neutralising(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula. A lone ``-`` (a common
    "nothing" in rosters) is plain text in Excel and LibreOffice, so it stays as it is."""
    return len(text) > 1 and text.startswith(FORMULA_TRIGGERS)


def pledge_text(row: StatusRow) -> str:
    """The pledge column: the row's category (``status.PLEDGE_LABELS``), empty for a cancelled one."""
    category = row.pledge_status
    return PLEDGE_LABELS[category] if category else ""


def note_text(row: StatusRow) -> str:
    if row.online_minutes and row.status == AttendanceStatus.ONLINE:
        return f"{row.online_minutes} menit daring"
    return row.note


# --- Columns ---------------------------------------------------------------------------------------------


Row = TypeVar("Row")


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str  # "{zona}" is replaced by the event's time zone
    value: Callable[[Row], object]
    kind: str = "text"  # text, id (digits kept as text), nik (an id, masked by default), time, number
    max_width: int = 40  # characters; longer text wraps in the cell


def column_header(column: Column[StatusRow], snapshot: ReportSnapshot) -> str:
    return column.header.replace("{zona}", snapshot.event.time_zone)


def column_value(column: Column[StatusRow], row: StatusRow, snapshot: ReportSnapshot) -> object:
    """What a cell shows: the row's value, a NIK masked unless the event shows NIKs in full."""
    value = column.value(row)
    if column.kind == "nik" and snapshot.mask_nik and value:
        return mask_nik(str(value))
    return value


ATTENDANCE_COLUMNS: tuple[Column[StatusRow], ...] = (
    Column("Nama", lambda r: r.full_name, max_width=38),
    Column("NIP / NI PPPK", lambda r: r.nip, "id"),
    Column("NIK", lambda r: r.nik, "nik"),
    Column("Jenis Pegawai", lambda r: r.employment_label, max_width=16),
    Column("Gol.", lambda r: r.golongan, max_width=8),
    Column("Jabatan", lambda r: r.jabatan, max_width=36),
    Column("Unit Kerja", lambda r: r.unit_kerja, max_width=36),
    Column("Terdaftar", lambda r: MODE_LABELS.get(r.mode, r.mode).split(" ")[0], max_width=10),
    Column("Status", lambda r: r.status_label, max_width=12),
    Column("Waktu Hadir ({zona})", lambda r: r.checked_in_at, "time"),
    Column("Meja", lambda r: r.desk, max_width=16),
    Column("Ikrar", pledge_text, max_width=24),
    Column("Keterangan", note_text, max_width=36),
)

_FOLLOW_UP_PERSON: tuple[Column[StatusRow], ...] = (  # who someone is, on the sheets of people to follow up
    Column("Nama", lambda r: r.full_name, max_width=38),
    Column("NIP / NI PPPK", lambda r: r.nip, "id"),
    Column("NIK", lambda r: r.nik, "nik"),
    Column("Jenis Pegawai", lambda r: r.employment_label, max_width=16),
    Column("Jabatan", lambda r: r.jabatan, max_width=36),
    Column("Unit Kerja", lambda r: r.unit_kerja, max_width=36),
    Column("Status", lambda r: r.status_label, max_width=12),
)

ABSENT_COLUMNS: tuple[Column[StatusRow], ...] = (
    *_FOLLOW_UP_PERSON,
    Column("Keterangan", lambda r: r.note, max_width=36),
    Column("Ikrar Mandiri", lambda r: "Sudah kembali" if r.ikrar_mandiri_returned else "Belum", max_width=14),
    Column("Nomor HP", lambda r: r.phone, "id"),
)

UNSIGNED_COLUMNS: tuple[Column[StatusRow], ...] = (  # attended, signed no pledge: to be given an ikrar mandiri form
    *_FOLLOW_UP_PERSON,
    Column("Waktu Hadir ({zona})", lambda r: r.checked_in_at, "time"),
    Column("Nomor HP", lambda r: r.phone, "id"),
)

CANCELLED_COLUMNS: tuple[Column[StatusRow], ...] = (
    Column("Nama", lambda r: r.full_name, max_width=38),
    Column("NIP / NI PPPK", lambda r: r.nip, "id"),
    Column("NIK", lambda r: r.nik, "nik"),
    Column("Unit Kerja", lambda r: r.unit_kerja, max_width=36),
    Column("Alasan Pembatalan", lambda r: r.note, max_width=40),
)

# Recap columns: header, value of a GroupCount, kind ("number" or "percent").
RECAP_COLUMNS = (
    ("Terdaftar", lambda g: g.registered, "number"),
    ("Hadir di Ruangan", lambda g: g.in_room, "number"),
    ("Daring", lambda g: g.online, "number"),
    ("Jumlah Hadir", lambda g: g.present, "number"),
    ("Izin", lambda g: g.counts[AttendanceStatus.EXCUSED], "number"),
    ("Sakit", lambda g: g.counts[AttendanceStatus.SICK], "number"),
    ("Dinas Luar", lambda g: g.counts[AttendanceStatus.OFFICIAL_DUTY], "number"),
    ("Tanpa Keterangan", lambda g: g.counts[AttendanceStatus.ABSENT], "number"),
    ("Jumlah Tidak Hadir", lambda g: g.absent, "number"),
    ("Persentase Hadir", lambda g: float(percentage(g.present, g.registered)) / 100, "percent"),
)


def recap_groups(recap: Recap) -> list[GroupCount]:
    """Groups to list: those with someone registered (a unit whose people all cancelled has none)."""
    return [group for group in recap.groups if group.registered]


__all__ = [
    "ABSENT_COLUMNS",
    "ATTENDANCE_COLUMNS",
    "CANCELLED_COLUMNS",
    "FORMULA_TRIGGERS",
    "RECAP_COLUMNS",
    "UNSIGNED_COLUMNS",
    "Column",
    "ExportResult",
    "ReportSnapshot",
    "clean_text",
    "column_header",
    "column_value",
    "event_lines",
    "event_paper",
    "load_snapshot",
    "needs_neutralising",
    "note_text",
    "pledge_text",
    "recap_groups",
    "record_export",
]
