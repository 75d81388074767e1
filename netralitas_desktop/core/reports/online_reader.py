"""Reading an online meeting's participant report (Zoom, Google Meet, or alike) into rows.

Files arrive as the service wrote them or after a trip through Excel: any encoding and
delimiter the roster reader knows (``roster/reader.py`` opens them), an optional block
of meeting facts above the header row, English or Indonesian column names, dates as
``07/01/2024 09:01:00 AM`` or ``2024-07-01 09:01``, durations as ``85``, ``1:25:00`` or
``1 hr 25 min``. Each row keeps the minutes the service counted; join and leave times,
when given, let rejoins on two devices be counted once (see ``online_minutes``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..names import fold
from ..roster.reader import BrokenRow, RosterError, Row, open_roster

HEADER_SEARCH_ROWS = 40


class OnlineImportError(UserError):
    """The file cannot be read as a meeting report; ``str(err)`` is one Indonesian sentence."""


NOT_A_REPORT = (
    "Berkas ini bukan laporan peserta rapat daring: tidak ditemukan baris judul berisi kolom nama dan durasi "
    "(misalnya 'Name (Original Name)' dan 'Duration (Minutes)' dari Zoom, atau 'Nama' dan 'Durasi')."
)

# Header texts, folded and without punctuation, for each field the import needs. Not "peserta"
# alone: Zoom's Indonesian meeting block uses it for the number of participants.
COLUMN_NAMES = {
    "name": {
        "name original name",
        "name",
        "nama",
        "nama nama asli",
        "participant",
        "participant name",
        "nama peserta",
        "display name",
        "nama tampilan",
        "full name",
        "nama lengkap",
        "attendee",
        "attendee name",
        "user name",
        "nama pengguna",
    },
    "first_name": {"first name", "nama depan", "given name"},
    "last_name": {"last name", "nama belakang", "surname", "family name"},
    "email": {
        "user email",
        "email",
        "e mail",
        "email pengguna",
        "alamat email",
        "participant email",
        "attendee email",
        "email peserta",
    },
    "joined": {
        "join time",
        "time joined",
        "joined",
        "joined at",
        "first seen",
        "first join",
        "arrival time",
        "waktu bergabung",
        "bergabung",
        "waktu masuk",
        "jam masuk",
        "pertama terlihat",
        "waktu bergabung pertama",
    },
    "left": {
        "leave time",
        "time exited",
        "time left",
        "left",
        "left at",
        "last seen",
        "exit time",
        "waktu keluar",
        "keluar",
        "jam keluar",
        "terakhir terlihat",
        "waktu keluar terakhir",
    },
    "duration": {
        "duration minutes",
        "duration",
        "time in call",
        "total duration",
        "attendance duration",
        "in meeting duration",
        "durasi menit",
        "durasi",
        "lama",
        "lama menit",
        "waktu dalam panggilan",
        "waktu dalam rapat",
        "duration seconds",
        "durasi detik",
    },
}
_FIELD_OF = {name: key for key, names in COLUMN_NAMES.items() for name in names}
_MEET_MARKS = {"first name", "nama depan", "time joined", "time exited", "time in call", "first seen", "last seen"}
_ZOOM_MARKS = {"name original name", "nama nama asli", "guest", "tamu", "join time", "leave time"}


@dataclass(frozen=True)
class MeetingRow:
    """One row of the report: a participant's stay (a rejoin is another row)."""

    line: int
    name: str
    email: str
    joined: dt.datetime | None
    left: dt.datetime | None
    minutes: int


@dataclass
class MeetingReport:
    kind: str  # for the preview: "Zoom (laporan peserta), CSV, pemisah koma, UTF-8"
    rows: list[MeetingRow]
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, Indonesian reason)

    @property
    def fingerprint(self) -> str:
        """The same participants and times give the same fingerprint, whatever the encoding,
        delimiter or row order Excel left behind."""
        canonical = sorted(f"{fold(r.name)}\t{r.email.lower()}\t{r.joined}\t{r.left}\t{r.minutes}" for r in self.rows)
        return hashlib.sha256("\n".join(canonical).encode("utf-8")).hexdigest()


def header_key(value: object) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(str(value or ""))).split())


def read_meeting_report(path: Path | str, default_date: dt.date | None = None) -> MeetingReport:
    """Read the report; ``default_date`` (the event's date) completes times written without a
    date and decides between day-first and month-first dates when the file cannot."""
    try:
        with open_roster(path) as opened:
            for sheet in opened.sheets:
                rows = list(sheet.rows)
                found = _find_header(rows)
                if found is not None:
                    index, columns = found
                    return _parse(opened.kind, rows, index, columns, default_date)
    except RosterError as err:
        raise OnlineImportError(str(err).replace("daftar peserta", "laporan peserta rapat daring")) from None
    raise OnlineImportError(NOT_A_REPORT)


def _find_header(rows: list[Row]) -> tuple[int, dict[str, int]] | None:
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if isinstance(cells, BrokenRow):  # a CSV line with an unclosed quote is no header
            continue
        columns: dict[str, int] = {}
        for position, cell in enumerate(cells):
            name = _FIELD_OF.get(header_key(cell))
            if name and name not in columns:
                columns[name] = position
        has_name = "name" in columns or "first_name" in columns
        if has_name and ("duration" in columns or {"joined", "left"} <= set(columns)):
            return index, columns
    return None


def _service(header_cells: list[object]) -> str:
    keys = {header_key(c) for c in header_cells}
    if keys & _MEET_MARKS:
        return "Google Meet (laporan kehadiran)"
    if keys & _ZOOM_MARKS:
        return "Zoom (laporan peserta)"
    return "Laporan rapat daring"


def _parse(
    kind: str, rows: list[Row], index: int, columns: dict[str, int], default_date: dt.date | None
) -> MeetingReport:
    header_cells = rows[index][1]
    assert not isinstance(header_cells, BrokenRow), "_find_header passes broken rows over"
    duration_header = header_key(header_cells[columns["duration"]]) if "duration" in columns else ""
    seconds_column = "second" in duration_header or "detik" in duration_header
    body = rows[index + 1 :]
    day_first = _day_first(
        [
            _cell(cells, columns.get(name))
            for _, cells in body
            if not isinstance(cells, BrokenRow)
            for name in ("joined", "left")
        ],
        default_date,
    )
    report = MeetingReport(f"{_service(header_cells)}, {kind}", [])
    for line, cells in body:
        if isinstance(cells, BrokenRow):
            report.skipped.append((line, cells.reason))
            continue
        if not any(str(c or "").strip() for c in cells):
            continue
        name = _name(cells, columns)
        if not name:
            report.skipped.append((line, "Nama peserta kosong."))
            continue
        joined = parse_when(_cell(cells, columns.get("joined")), default_date, day_first)
        left = parse_when(_cell(cells, columns.get("left")), default_date, day_first)
        minutes = parse_minutes(_cell(cells, columns.get("duration")), seconds=seconds_column)
        if minutes is None and joined and left and left >= joined:
            minutes = int((left - joined).total_seconds() // 60)
        if minutes is None:
            report.skipped.append((line, f"Durasi untuk {name} tidak terbaca."))
            continue
        email = str(_cell(cells, columns.get("email")) or "").strip().lower()
        report.rows.append(MeetingRow(line, name, email if "@" in email else "", joined, left, minutes))
    return report


def _cell(cells: list[object], position: int | None) -> object:
    if position is None or position >= len(cells):
        return None
    value = cells[position]
    return value.strip() if isinstance(value, str) else value


def _name(cells: list[object], columns: dict[str, int]) -> str:
    if "name" in columns:
        text = str(_cell(cells, columns["name"]) or "")
    else:
        text = f"{_cell(cells, columns.get('first_name')) or ''} {_cell(cells, columns.get('last_name')) or ''}"
    return " ".join(text.split())


# --- durations ---------------------------------------------------------------------------------

_UNIT_MINUTES = {
    "h": 60,
    "hr": 60,
    "hrs": 60,
    "hour": 60,
    "hours": 60,
    "jam": 60,
    "j": 60,
    "m": 1,
    "min": 1,
    "mins": 1,
    "minute": 1,
    "minutes": 1,
    "menit": 1,
    "mnt": 1,
    "mn": 1,
    "s": 1 / 60,
    "sec": 1 / 60,
    "secs": 1 / 60,
    "second": 1 / 60,
    "seconds": 1 / 60,
    "detik": 1 / 60,
    "dtk": 1 / 60,
    "d": 1 / 60,
}
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")


def parse_minutes(value: object, *, seconds: bool = False) -> int | None:
    """Whole minutes from ``85``, ``85.0``, ``1:25:00``, ``1:25`` (h:mm), ``1 hr 25 min``,
    ``1 jam 25 menit``; ``seconds`` when the column counts seconds. None if unreadable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.timedelta):
        return int(value.total_seconds() // 60)
    if isinstance(value, dt.time):
        return value.hour * 60 + value.minute
    if isinstance(value, (int, float)):
        return int(value // 60) if seconds else int(value)
    text = fold(str(value))
    if not text:
        return None
    number = text.replace(",", ".")
    if re.fullmatch(r"\d+(\.\d+)?", number):
        amount = float(number)
        return int(amount // 60) if seconds else int(amount)
    if re.fullmatch(r"\d+:\d{2}(:\d{2})?", text):
        parts = [int(p) for p in text.split(":")]
        return parts[0] * 60 + parts[1]
    total, matched = 0.0, False
    for amount, unit in _DURATION_PART.findall(text):
        if unit not in _UNIT_MINUTES:
            return None
        total += float(amount.replace(",", ".")) * _UNIT_MINUTES[unit]
        matched = True
    return int(total + 1e-9) if matched else None


# --- dates and times ---------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "januari": 1,
    "january": 1,
    "feb": 2,
    "februari": 2,
    "february": 2,
    "mar": 3,
    "maret": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "may": 5,
    "jun": 6,
    "juni": 6,
    "june": 6,
    "jul": 7,
    "juli": 7,
    "july": 7,
    "agu": 8,
    "agt": 8,
    "agustus": 8,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "nopember": 11,
    "november": 11,
    "des": 12,
    "desember": 12,
    "dec": 12,
    "december": 12,
}
_NUMERIC_DATE = re.compile(r"(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{2,4})")
_NAMED_DATE = re.compile(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})|([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?")


def _day_first(values: list[object], default_date: dt.date | None) -> bool:
    """Whether ``dd/mm/yyyy`` dates are meant: decided once for the whole file."""
    firsts, seconds, texts = [], [], []
    for value in values:
        if isinstance(value, str) and (match := _NUMERIC_DATE.search(value)) and len(match.group(1)) <= 2:
            firsts.append(int(match.group(1)))
            seconds.append(int(match.group(2)))
            texts.append(value.lower())
    if any(n > 12 for n in firsts):
        return True
    if any(n > 12 for n in seconds):
        return False
    if default_date and firsts:
        if (firsts[0], seconds[0]) == (default_date.day, default_date.month):
            return True
        if (firsts[0], seconds[0]) == (default_date.month, default_date.day):
            return False
    return not any("am" in t or "pm" in t for t in texts)  # AM/PM is how US-style dates are written


def parse_when(value: object, default_date: dt.date | None, day_first: bool = True) -> dt.datetime | None:
    """A date and time from a cell; a time alone takes ``default_date``. None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.time):
        return dt.datetime.combine(default_date, value) if default_date else None
    text = fold(str(value))
    try:  # ISO 8601, with or without zone: the zone is dropped, times are the venue's wall clock
        return dt.datetime.fromisoformat(text.upper().replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        pass
    date = _date_in(text, day_first) or default_date
    time_match = _TIME.search(_NUMERIC_DATE.sub(" ", text))
    if date is None or time_match is None:
        return None
    hour, minute = int(time_match.group(1)), int(time_match.group(2))
    second = int(time_match.group(3) or 0)
    meridiem = (time_match.group(4) or "").replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    try:
        return dt.datetime(date.year, date.month, date.day, hour, minute, second)
    except ValueError:
        return None


def _date_in(text: str, day_first: bool) -> dt.date | None:
    try:
        if match := _NUMERIC_DATE.search(text):
            a, b, c = (int(g) for g in match.groups())
            if len(match.group(1)) == 4:
                return dt.date(a, b, c)
            year = c + 2000 if c < 100 else c
            return dt.date(year, b, a) if day_first else dt.date(year, a, b)
        if match := _NAMED_DATE.search(text):
            if match.group(1):
                day, month_name, year = int(match.group(1)), match.group(2), int(match.group(3))
            else:
                month_name, day, year = match.group(4), int(match.group(5)), int(match.group(6))
            month = _MONTHS.get(month_name)
            return dt.date(year, month, day) if month else None
    except ValueError:
        return None
    return None


__all__ = [
    "COLUMN_NAMES",
    "MeetingReport",
    "MeetingRow",
    "OnlineImportError",
    "parse_minutes",
    "parse_when",
    "read_meeting_report",
]
