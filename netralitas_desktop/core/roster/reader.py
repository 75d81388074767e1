"""Opening a roster file: recognise what it is, then give its rows as (row number, cells).

The content decides, not the file name: committees rename files, and an ``.xlsx`` may be
an old ``.xls``, a password-protected workbook or a web page. Anything that is not a
readable CSV or XLSX becomes a ``RosterError`` with one sentence saying what to do.

What cannot be read of one row is that row's problem, never the file's: a CSV line whose
quote is never closed comes as a ``BrokenRow`` (and reading resumes on the next line instead
of swallowing the rest of the file into one cell), and an XLSX formula cell that Excel never
calculated comes as ``NoCachedValue`` (instead of an empty cell that would turn a PNS into a
non-ASN participant without a NIP).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import openpyxl

from ..errors import BAD_INPUT, UserError

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


@dataclass(frozen=True)
class BrokenRow:
    """A row that could not be split into cells; ``reason`` is for the user, ``text`` what it held."""

    reason: str
    text: str


@dataclass(frozen=True)
class NoCachedValue:
    """An XLSX formula cell without the value Excel stores when it calculates (never opened in Excel)."""

    formula: str


Row = tuple[int, "list[object] | BrokenRow"]  # (row number as the user sees it, cell values)

# Above this size an XLSX is read streaming (read_only): far less memory, but merged
# cells are not known. Merged cells matter in hand-made lists, which are small.
STREAMING_XLSX_BYTES = 2_000_000
MAX_COLUMNS = 256
MAX_EMPTY_RUN = 1_000  # a sheet formatted down to row 1,048,576 ends here
MAX_CSV_FIELD = 64 * 1024 * 1024  # csv's own limit (128 kB) would fail the whole file on one long cell
UNCLOSED_QUOTE = (
    'Tanda kutip (") di baris ini tidak ditutup, sehingga baris-baris berikutnya terbaca sebagai satu sel; '
    "baris ini ditolak dan baris sesudahnya dibaca biasa. Perbaiki tanda kutipnya di Excel atau Notepad."
)
DELIMITERS = {",": "koma", ";": "titik koma", "\t": "tab", "|": "garis tegak"}

_AGAIN = "lalu impor lagi."
MESSAGES = {
    "empty": "Berkas ini kosong; isi daftar peserta terlebih dahulu, " + _AGAIN,
    "xls": "Berkas ini berformat Excel lama (.xls); buka di Excel, simpan sebagai Excel Workbook (.xlsx) atau CSV, "
    + _AGAIN,
    "encrypted": "Berkas ini dilindungi kata sandi: buka di Excel, hapus kata sandinya, simpan, " + _AGAIN,
    "ods": "Berkas ini berformat OpenDocument (.ods); buka di LibreOffice, simpan sebagai Excel (.xlsx) atau CSV, "
    + _AGAIN,
    "pdf": "Berkas ini PDF, bukan tabel; impor memerlukan daftar peserta dalam Excel (.xlsx) atau CSV.",
    "image": "Berkas ini gambar, bukan tabel; impor memerlukan daftar peserta dalam Excel (.xlsx) atau CSV.",
    "word": "Berkas ini dokumen Word, bukan tabel Excel; salin tabelnya ke Excel, simpan sebagai .xlsx, " + _AGAIN,
    "html": "Berkas ini halaman web (HTML) yang hanya diberi nama seperti Excel; buka di Excel, simpan sebagai "
    "Excel Workbook (.xlsx), " + _AGAIN,
    "xml2003": "Berkas ini berformat XML Spreadsheet 2003; buka di Excel, simpan sebagai Excel Workbook (.xlsx), "
    + _AGAIN,
    "broken": "Berkas Excel ini rusak atau tidak lengkap; buka di Excel, simpan ulang sebagai .xlsx, " + _AGAIN,
    "unreadable": "Berkas ini tidak dapat dibaca sebagai Excel (.xlsx) maupun CSV; pilih berkas daftar peserta "
    "yang benar.",
    "locked": "Berkas ini tidak dapat dibuka karena sedang dipakai program lain atau tidak boleh dibaca; tutup "
    "berkas di Excel, lalu coba lagi.",
    "directory": "Yang dipilih adalah folder, bukan berkas daftar peserta.",
}

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class RosterError(UserError):
    """The whole file cannot be imported; ``str(err)`` is one Indonesian sentence for the user."""

    exit_code = BAD_INPUT


@dataclass
class Sheet:
    name: str | None  # None for CSV
    rows: Iterator[Row]
    total_rows: int  # an estimate for progress; 0 when unknown


@dataclass
class RosterFile:
    kind: str  # how the file was read, for the preview: "CSV, pemisah titik koma, Windows-1252"
    sheets: Iterator[Sheet]


def fail(key: str) -> RosterError:
    return RosterError(MESSAGES[key])


@contextmanager
def open_roster(path: Path | str) -> Iterator[RosterFile]:
    """Recognise the file and yield its sheets; an XLSX stays open until the block ends."""
    path = Path(path)
    head = _read_head(path)
    if not head.strip(b" \t\r\n\x00"):
        raise fail("empty")
    kind = _sniff_binary(path, head)
    if kind == "xlsx":
        workbook = _load_workbook(path)
        formulas = _load_workbook(path, formulas=True) if _has_formulas(path) else None
        try:
            yield RosterFile("Excel (.xlsx)", _xlsx_sheets(workbook, formulas))
        finally:
            workbook.close()
            if formulas is not None:
                formulas.close()
        return
    yield _csv_file(path.read_bytes())


def _read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(8192)
    except FileNotFoundError:
        raise RosterError(f"Berkas {path.name} tidak ditemukan.") from None
    except IsADirectoryError:
        raise fail("directory") from None
    except OSError:  # PermissionError, or Windows' sharing violation while Excel holds the file
        raise fail("locked") from None


def _sniff_binary(path: Path, head: bytes) -> str:
    """``xlsx`` or ``text``; every other recognised kind raises its own message."""
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(_CFB_MAGIC):
        data = path.read_bytes()
        if _utf16(b"EncryptionInfo") in data or _utf16(b"EncryptedPackage") in data:
            raise fail("encrypted")
        if _utf16(b"WordDocument") in data:
            raise fail("word")
        raise fail("xls")
    if head.startswith(b"%PDF"):
        raise fail("pdf")
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or head[4:8] == b"ftyp":
        raise fail("image")
    if head.startswith(b"BM") and head[6:10] == b"\x00\x00\x00\x00":
        raise fail("image")
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<table" in lowered:
        raise fail("html")
    if lowered.startswith(b"<?xml"):
        raise fail("xml2003" if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered else "unreadable")
    return "text"


def _utf16(name: bytes) -> bytes:
    return name.decode("ascii").encode("utf-16-le")


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
                raise fail("ods")
            if any(name.startswith("word/") for name in names):
                raise fail("word")
    except (zipfile.BadZipFile, OSError, EOFError):
        raise fail("broken" if path.suffix.lower() in (".xlsx", ".xlsm") else "unreadable") from None
    raise fail("unreadable")


def _load_workbook(path: Path, *, formulas: bool = False) -> Workbook:
    """The values Excel stored; with ``formulas``, the formulas instead (to find cells without a value)."""
    streaming = path.stat().st_size > STREAMING_XLSX_BYTES
    try:
        return openpyxl.load_workbook(path, read_only=streaming, data_only=not formulas)
    except Exception:  # openpyxl raises many kinds for a damaged package; the user needs one answer
        raise fail("broken") from None


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet holds a formula (``<f>`` element): read in chunks, most rosters have none."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                with archive.open(name) as part:
                    tail = b""
                    while chunk := part.read(1024 * 1024):
                        data = tail + chunk
                        if b"<f>" in data or b"<f " in data or b"<x:f" in data:
                            return True
                        tail = data[-8:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False
    return False


def _xlsx_sheets(workbook: Workbook, formulas: Workbook | None = None) -> Iterator[Sheet]:
    pairs = zip(
        workbook.worksheets,
        formulas.worksheets if formulas is not None else [None] * len(workbook.worksheets),
        strict=True,
    )
    for sheet, formula_sheet in pairs:
        if getattr(sheet, "sheet_state", "visible") != "visible":
            continue  # hidden sheets hold lookup lists, not the roster
        yield Sheet(sheet.title, _xlsx_rows(sheet, formula_sheet), sheet.max_row or 0)


def _xlsx_rows(sheet: Worksheet, formula_sheet: Worksheet | None = None) -> Iterator[Row]:
    """Rows with vertically merged cells filled in (a unit written once for several people), and
    ``NoCachedValue`` where a formula cell has no stored value. A large file's sheets are read-only
    (streaming) ones, which read the same way (types-openpyxl types them with Worksheet's methods)."""
    filled = _vertical_merges(sheet)
    width = min(sheet.max_column or 1, MAX_COLUMNS)
    empty_run = 0
    formula_rows = (
        formula_sheet.iter_rows(min_row=1, max_col=width, values_only=True) if formula_sheet is not None else None
    )
    try:
        for number, values in enumerate(sheet.iter_rows(min_row=1, max_col=width, values_only=True), start=1):
            cells: list[object] = list(values)
            if formula_rows is not None:
                _mark_uncalculated(cells, next(formula_rows, ()))
            for column, value in filled.get(number, ()):
                if column < len(cells):
                    cells[column] = value
            if any(v is not None and v != "" for v in cells):
                empty_run = 0
            else:
                empty_run += 1
                if empty_run >= MAX_EMPTY_RUN:
                    return
            yield number, cells
    except RosterError:
        raise
    except Exception:  # a damaged sheet part surfaces only while streaming
        raise fail("broken") from None


def _mark_uncalculated(cells: list[object], formulas: tuple[object, ...]) -> None:
    for index, formula in enumerate(formulas[: len(cells)]):
        if cells[index] is None and formula is not None:
            text = getattr(formula, "text", formula)  # ArrayFormula keeps its text in .text
            if isinstance(text, str) and text.startswith("="):
                cells[index] = NoCachedValue(text)


def _vertical_merges(sheet: Worksheet) -> dict[int, list[tuple[int, object]]]:
    merged = getattr(sheet, "merged_cells", None)
    filled: dict[int, list[tuple[int, object]]] = {}
    if merged is None:  # streaming mode does not read merges
        return filled
    for cell_range in merged.ranges:
        if cell_range.max_row == cell_range.min_row:
            continue  # a title or section row spread sideways: its first cell says it all
        value = sheet.cell(cell_range.min_row, cell_range.min_col).value
        for row in range(cell_range.min_row + 1, cell_range.max_row + 1):
            for column in range(cell_range.min_col, cell_range.max_col + 1):
                filled.setdefault(row, []).append((column - 1, value))
    return filled


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding label): UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252."""
    attempts: tuple[tuple[str, str], ...]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        attempts = (("utf-16", "UTF-16"),)
    elif data.startswith(b"\xef\xbb\xbf"):
        attempts = (("utf-8-sig", "UTF-8"),)
    else:
        attempts = (("utf-8", "UTF-8"), ("cp1252", "Windows-1252"))
    for codec, label in attempts:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, label
    raise fail("unreadable")


def _looks_binary(text: str) -> bool:
    """A binary file, not text with a stray control character (those are the row's problem)."""
    sample = text[:20_000]
    controls = sum(1 for c in sample if c < " " and c not in "\t\r\n\f")
    return "\x00" in sample or (controls > 16 and controls > len(sample) // 20)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields most often."""
    lines = text.splitlines()[:60]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=delimiter) if any(c.strip() for c in r)]
        if not counts:
            continue
        modal = max(set(counts), key=lambda n: (counts.count(n), n))
        score = (counts.count(modal), modal) if modal > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_file(data: bytes) -> RosterFile:
    if csv.field_size_limit() < MAX_CSV_FIELD:  # a long cell is its row's problem, not the whole file's
        csv.field_size_limit(MAX_CSV_FIELD)
    text, encoding = decode_text(data)
    first_line = text[:8].rstrip("\r\n")
    if len(first_line) == 5 and first_line.lower().startswith("sep=") and first_line[4] in DELIMITERS:
        delimiter = first_line[4]  # Excel's own hint line; the row it makes is ignored like a title
    else:
        delimiter = sniff_delimiter(text)
    total = text.count("\n") + (not text.endswith("\n"))
    kind = f"CSV, pemisah {DELIMITERS[delimiter]}, {encoding}"
    return RosterFile(kind, iter([Sheet(None, _csv_rows(text, delimiter), total)]))


def _csv_rows(text: str, delimiter: str) -> Iterator[Row]:
    """Rows with their first line's number. A quote never closed would swallow the following
    lines into one cell: that row becomes a ``BrokenRow`` and reading resumes on its next line."""
    lines = io.StringIO(text, newline=None).readlines()
    first = 0  # index of the line the current reader starts at
    while first < len(lines):
        reader = csv.reader(iter(lines[first:]), delimiter=delimiter, strict=True)
        start = 1
        try:
            for cells in reader:
                if any("\n" in cell and delimiter in cell for cell in cells):
                    break  # a quoted "cell" holding whole rows: the quote was never closed
                yield first + start, list(cells)
                start = reader.line_num + 1
            else:
                return
        except csv.Error:
            pass  # the quote runs to the end of the file, or a quote sits where a delimiter must be
        broken = lines[first + start - 1].rstrip("\r\n")
        yield first + start, BrokenRow(UNCLOSED_QUOTE, broken)
        first += start
