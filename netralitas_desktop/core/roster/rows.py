"""One spreadsheet row -> a clean person, a row issue, or "not a participant row".

Normalisation and validation are ``participants.clean_person``'s, so a row imported here
and the same person typed into the form end up identical. A row that cannot be read as it
stands (a quote never closed, a formula never calculated, an invisible control character,
a cell of thousands of characters) is rejected with its reason; the rest of the file is read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, replace

from ..names import fold, smart_title_case, split_name
from ..nip import IdError, excel_corruption, normalize_id, parse_nik, parse_nip
from ..participants import PersonData, clean_person
from ..reasons import Reason
from .columns import HeaderMatch, is_footer, is_online
from .reader import BrokenRow, NoCachedValue


@dataclass(frozen=True)
class RowIssue:
    """Why a row was not imported. ``row`` is the number the user sees in the file."""

    row: int
    column: str  # the header as written in the file
    value: str
    reason: str  # Bahasa Indonesia
    sheet: str | None = None  # the XLSX sheet; None for a CSV
    refusal: Reason | None = None  # the reason as a code, for the screen's language (NIP/NIK problems)

    @property
    def where(self) -> str:
        """``Baris 12`` or ``Lembar "Data 2", baris 12``: how the user finds the row."""
        return row_label(self.row, self.sheet)


def row_label(row: int, sheet: str | None, *, capital: bool = True) -> str:
    text = f"Lembar \u201c{sheet}\u201d, baris {row}" if sheet else f"Baris {row}"
    return text if capital else text[0].lower() + text[1:]


@dataclass(slots=True)
class Candidate:
    """A valid row, not yet compared with the database."""

    row: int
    person: PersonData  # clean
    mode: str | None  # "online"/"onsite", or None when the file has no mode column
    sheet: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A row that is not a participant: empty (counted) or ignored (footer, repeated header…)."""

    empty: bool
    issue: RowIssue | None = None


MAX_CELL_CHARS = 2_000  # no roster field comes near (the longest column takes 300); 200 kB is pasted junk
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
EMPTY_WORDS = frozenset({"null", "none", "nan", "-", "--", "\u2013", "\u2014", "n/a", "#n/a", "tidak ada"})
_QUOTES = " '\u2018\u2019`"  # SIASN writes '197211021996121001 so Excel keeps it as text
ERROR_ORDER = ("nama", "nip", "nik", "employment_type", "email", "sex", "golongan")
# Employment text that names none of these is no statement at all ("ASN", "Aktif").
_EMPLOYMENT_WORDS = re.compile(r"pns|pppk|p3k|ppnpn|ptt|gtt|honor|tenaga|non|kontrak")
_SMALL_NUMBER = re.compile(r"\d{1,3}")
_PERSON_FIELDS = tuple(f.name for f in fields(PersonData))
_EMPTY = Skipped(True)


def cell_text(value: object) -> str:
    """A cell as clean text: SIASN's leading ``'`` and ``null`` removed, whole floats without ``.0``."""
    if value.__class__ is not str:
        if value is None or isinstance(value, bool):
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, dt.datetime):
            value = value.date()
        value = str(value)
    text = value.strip(_QUOTES)
    if "  " in text or "\n" in text or "\t" in text or "\xa0" in text or "\r" in text:
        text = " ".join(text.split()).strip(_QUOTES)
    if len(text) < 10 and text.casefold() in EMPTY_WORDS:
        return ""
    return text


class RowReader:
    """Reads data rows under one header row."""

    def __init__(self, header: HeaderMatch, sheet: str | None = None) -> None:
        self.header = header
        self.sheet = sheet
        self.columns = header.columns
        self.name_header = header.headers[header.columns["nama"][0]]
        self._order = tuple(header.columns.items())
        self._mapped = tuple(index for _, indexes in self._order for index in indexes)
        self.split_titles = "gelar_depan" not in header.columns and "gelar_belakang" not in header.columns
        self._memo: dict[tuple[str, str], bool] = {}

    def _cells(self, values: list[object]) -> dict[str, tuple[object, str]]:
        """field -> (raw value, text) from the first of its columns that is filled."""
        found = {}
        width = len(values)
        for name, indexes in self._order:
            for index in indexes:
                if index < width:
                    raw = values[index]
                    if raw is not None:
                        text = cell_text(raw)
                        if text:
                            found[name] = (raw, text)
                            break
        return found

    def read(self, row: int, values: list[object] | BrokenRow) -> Candidate | RowIssue | Skipped:
        """Clean one row; the first problem (name, then NIP, NIK, …) becomes the issue."""
        result = self._read(row, values)
        if self.sheet is not None:
            if isinstance(result, Candidate):
                result.sheet = self.sheet
            elif isinstance(result, RowIssue):
                result = replace(result, sheet=self.sheet)
            elif result.issue is not None:
                result = Skipped(result.empty, replace(result.issue, sheet=self.sheet))
        return result

    def _read(self, row: int, values: list[object] | BrokenRow) -> Candidate | RowIssue | Skipped:
        if isinstance(values, BrokenRow):
            return RowIssue(row, self.name_header, _clip(values.text), values.reason)
        unreadable = self._unreadable(row, values)
        if unreadable is not None:
            return unreadable
        cells = self._cells(values)
        if not cells:
            return _EMPTY
        skipped = self._not_a_person(row, values, cells)
        if skipped is not None:
            return skipped
        nip_raw, nip = cells.get("nip", (None, ""))
        nik_raw, nik = cells.get("nik", (None, ""))
        if nip and self.header.nip_or_nik and len(normalize_id(nip)) == 16:  # a NIK in a "NIP/NIK" column
            if not nik:
                nik_raw, nik = nip_raw, nip
            nip_raw, nip = None, ""
        problem = _number_problem(nip_raw, "nip") or _number_problem(nik_raw, "nik")
        if problem:
            name, reason, refusal = problem
            shown = _shown(nip_raw if name == "nip" else nik_raw)
            return RowIssue(row, self.header.header_of(name), shown, reason, refusal=refusal)
        data = PersonData(**{name: text for name, (_, text) in cells.items() if name != "mode"})
        data.nip, data.nik = nip, nik
        if data.phone.startswith("8") and isinstance(cells["phone"][0], (int, float)):
            data.phone = "0" + data.phone  # Excel dropped the leading zero of 08…
        if data.employment_type and not self._states_employment(data.employment_type):
            data.employment_type = ""
        if self.split_titles:
            parts = split_name(data.nama)
            data.gelar_depan, data.nama, data.gelar_belakang = parts.gelar_depan, parts.nama, parts.gelar_belakang
        data.nama = smart_title_case(data.nama)
        cleaned, errors = clean_person(data)
        if errors:
            name = next((n for n in ERROR_ORDER if n in errors), next(iter(errors)))
            shown_field = "nip" if name == "employment_type" and name not in self.columns else name
            value = getattr(data, name, "")
            return RowIssue(
                row, self.header.header_of(shown_field), value, errors[name], refusal=_id_refusal(name, value)
            )
        mode = None
        if "mode" in self.columns:
            mode = "online" if "mode" in cells and self._online(cells["mode"][1]) else "onsite"
        return Candidate(row, cleaned, mode)

    def _unreadable(self, row: int, values: list[object]) -> RowIssue | None:
        """A mapped cell that cannot be taken as it stands: an uncalculated formula, a control
        character, thousands of characters. One cheap pass over the row's mapped cells (it runs
        on every row); the cell at fault is looked for only when the pass finds something."""
        width = len(values)
        for index in self._mapped:
            if index < width:
                value = values[index]
                if type(value) is str:
                    if len(value) > MAX_CELL_CHARS or _CONTROL.search(value):
                        break
                elif type(value) is NoCachedValue:
                    break
        else:
            return None
        for index in self._mapped:
            value = values[index] if index < width else None
            reason = _cell_problem(value)
            if reason is not None:
                shown = value.formula if isinstance(value, NoCachedValue) else _CONTROL.sub("\u2423", str(value))
                return RowIssue(row, self.header.headers[index], _clip(shown), reason)
        return None

    def _states_employment(self, text: str) -> bool:
        """Whether the text names an employment type at all; memoised, as columns repeat a few values."""
        known = self._memo.get(("employment", text))
        if known is None:
            known = self._memo[("employment", text)] = bool(_EMPLOYMENT_WORDS.search(fold(text)))
        return known

    def _online(self, text: str) -> bool:
        known = self._memo.get(("mode", text))
        if known is None:
            known = self._memo[("mode", text)] = is_online(text)
        return known

    def _not_a_person(self, row: int, values: list[object], cells: dict[str, tuple[object, str]]) -> Skipped | None:
        """Footers, repeated headers, section titles, signature lines and column-number rows."""
        name = cells["nama"][1] if "nama" in cells else ""
        first = _leading_texts(values, 2)
        reason = None
        if any(is_footer(text) for text in first):
            reason = "Baris jumlah atau penutup, bukan data peserta."
        elif name == self.name_header:
            reason = "Judul kolom yang berulang, bukan data peserta."
        elif len({text for _, text in cells.values()}) == 1 or _SMALL_NUMBER.fullmatch(name):
            filled = _first_texts(values, len(values))
            if len(set(filled)) == 1 and (len(filled) > 1 or not name):
                reason = "Baris judul, bagian, atau tanda tangan, bukan data peserta."
            elif len(filled) >= 3 and all(_SMALL_NUMBER.fullmatch(text) for text in filled):
                reason = "Baris nomor kolom, bukan data peserta."
        if reason is None:
            return None
        shown = " ".join(cell_text(text) for text in first)
        return Skipped(False, RowIssue(row, self.name_header, shown or name, reason))


def _first_texts(values: list[object], count: int) -> list[str]:
    texts = []
    for value in values:
        if value is not None:
            text = cell_text(value)
            if text:
                texts.append(text)
                if len(texts) == count:
                    break
    return texts


def _leading_texts(values: list[object], count: int) -> list[str]:
    """The first filled cells, stripped only as far as the footer test needs (it runs on every row)."""
    texts = []
    for value in values:
        if value is not None:
            text = (value if value.__class__ is str else str(value)).lstrip(" '\t")
            if text:
                texts.append(text)
                if len(texts) == count:
                    break
    return texts


def _cell_problem(value: object) -> str | None:
    if isinstance(value, NoCachedValue):
        return (
            "Sel ini berisi rumus yang belum pernah dihitung Excel, jadi nilainya tidak tersimpan di berkas. Buka "
            "berkas di Excel, simpan ulang (nilainya dihitung saat itu), lalu impor lagi."
        )
    if not isinstance(value, str):
        return None
    if len(value) > MAX_CELL_CHARS:
        return (
            f"Isi sel ini {_thousands(len(value))} karakter, terlalu panjang untuk kolom daftar peserta "
            f"(paling banyak {_thousands(MAX_CELL_CHARS)}); mungkin tertempel teks lain."
        )
    control = _CONTROL.search(value)
    if control:
        return (
            f"Sel ini berisi karakter kendali yang tak terlihat (kode {ord(control.group()):#04x}); ketik ulang "
            "isinya di Excel lalu impor lagi."
        )
    return None


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit] + "\u2026"


def _shown(raw: object) -> str:
    return str(raw).strip() if raw is not None else ""


def _id_refusal(name: str, value: str) -> Reason | None:
    """The code of a NIP/NIK that ``clean_person`` refused, so the screen can say it in its language."""
    parse = {"nip": parse_nip, "nik": parse_nik}.get(name)
    if parse is None or not value:
        return None
    try:
        parse(value)
    except IdError as err:
        return err.reason
    return None  # valid as a number, refused for another reason (implausible dates): Indonesian text only


def _number_problem(raw: object, name: str) -> tuple[str, str, Reason | None] | None:
    """A NIP or NIK that Excel stored as a number has lost digits: never import it."""
    if raw is None:
        return None
    if name == "nip":  # text is checked by parse_nip inside clean_person; numbers must be caught here
        corrupted = excel_corruption(raw) if not isinstance(raw, str) else None
        return (name, corrupted.text, corrupted) if corrupted else None
    text = str(raw).strip().lstrip("'")
    if (isinstance(raw, (int, float)) and not isinstance(raw, bool)) or re.fullmatch(
        r"\d(?:[.,]\d+)?[eE]\+?\d{1,2}|\d{16}[.,]0+", text
    ):
        return (
            name,
            f"NIK tersimpan sebagai angka oleh Excel ({text}); digit terakhirnya bisa berubah. "
            "Format kolom NIK sebagai Teks lalu isi ulang NIK yang benar.",
            None,
        )
    return None
