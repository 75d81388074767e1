"""NIP (PNS), NI PPPK and NIK: normalise, validate, format and explain.

The rules follow ``shared/domain/asn-data.md``. Every error message is in
Bahasa Indonesia because it is shown to the committee as it is.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from .dates import ID_MONTHS, long_date
from .errors import UserError
from .reasons import Reason, ReasonCode

__all__ = [
    "IdError",
    "IdKind",
    "NikInfo",
    "NipInfo",
    "excel_corruption",
    "explain",
    "format_nik",
    "format_nip",
    "implausibility",
    "is_valid_nip",
    "mask_nik",
    "normalize_id",
    "parse_nik",
    "parse_nip",
]

_SEPARATORS = re.compile(r"[\s.\-_/]+")


class IdKind(enum.StrEnum):
    PNS = "PNS"
    PPPK = "PPPK"
    NIK = "NIK"


class IdError(UserError, ValueError):
    """A number that is not a valid NIP / NI PPPK / NIK; ``reason`` says why (``str()`` in Indonesian)."""

    def __init__(self, code: ReasonCode, **params: object) -> None:
        self.reason = Reason.of(code, **params)
        super().__init__(self.reason.text)


@dataclass(frozen=True)
class NipInfo:
    digits: str
    kind: IdKind  # PNS or PPPK
    birth_date: dt.date
    start_year: int  # TMT CPNS year (PNS) or year of first appointment (PPPK)
    start_month: int | None  # TMT CPNS month; None for PPPK
    sex: str  # "L" (laki-laki) or "P" (perempuan)
    serial: int
    contract_count: int | None  # PPPK only

    @property
    def formatted(self) -> str:
        return format_nip(self.digits)


@dataclass(frozen=True)
class NikInfo:
    digits: str
    province: str
    regency: str
    district: str
    birth_date: dt.date | None  # None when the two-digit year cannot be placed
    sex: str
    serial: str


def normalize_id(raw: object) -> str:
    """Strip what people and exports put around a number: spaces, dots, dashes, a leading ``'``.

    Returns the remaining text; it is not guaranteed to be digits (validation says why not).
    Idempotent (applied until nothing changes), because importer, services and search each
    normalise the same value and must agree on the result.
    """
    text = "" if raw is None else str(raw)
    if text.isascii() and text.isdigit():  # the common case, on the import hot path
        return text
    while True:
        cleaned = _normalize_once(text)
        if cleaned == text:
            return cleaned
        text = cleaned  # every pass that changes something makes the text shorter


def _normalize_once(text: str) -> str:
    text = text.strip().lstrip("'\u2018\u2019`").strip()
    if text.lower() in {"null", "none", "-", "nan"}:
        return ""
    for prefix in ("nip", "ni pppk", "nik", "nomor induk"):
        if text.lower().startswith(prefix) and not text[: len(prefix)].isdigit():
            text = text[len(prefix) :].lstrip(" .:")
            break
    return _SEPARATORS.sub("", text)


def _is_digits(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts superscripts and other scripts' digits."""
    return text.isascii() and text.isdigit()


def excel_corruption(raw: object) -> Reason | None:
    """Explain why a value looks like a NIP that Excel stored as a number, or None.

    Excel keeps 15 significant digits, so an 18-digit NIP typed as a number loses its
    last three digits (they become ``000``) or shows up in scientific notation.
    """
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (float, int)):
        shown = f"{raw:.14E}" if isinstance(raw, float) else str(raw)
        return Reason.of(ReasonCode.EXCEL_NUMBER, shown=shown)
    text = str(raw).strip().lstrip("'")
    if re.fullmatch(r"\d(?:[.,]\d+)?[eE]\+?\d{1,2}", text):
        return Reason.of(ReasonCode.EXCEL_SCIENTIFIC, shown=text)
    if re.fullmatch(r"\d{18}[.,]0+", text):
        return Reason.of(ReasonCode.EXCEL_DECIMAL, shown=text)
    digits = normalize_id(text)
    if re.fullmatch(r"\d{15}000", digits):
        return Reason.of(ReasonCode.EXCEL_ROUNDED, shown=digits)
    return None


def _birth_date(digits: str, label: str) -> dt.date:
    try:
        return dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise IdError(ReasonCode.BIRTH_DATE, label=label, digits=digits[:8]) from None


def parse_nip(raw: object) -> NipInfo:
    """Validate a NIP (PNS) or NI PPPK and return what it encodes.

    Digit 13 tells them apart: a TMT month starts with 0/1, the PPPK code is 2.
    """
    corrupted = excel_corruption(raw)
    if corrupted:
        raise IdError(corrupted.code, **dict(corrupted.params))
    digits = normalize_id(raw)
    if not digits:
        raise IdError(ReasonCode.NIP_EMPTY)
    if not _is_digits(digits):
        raise IdError(ReasonCode.NIP_NOT_DIGITS, shown=repr(digits))
    if len(digits) != 18:
        raise IdError(ReasonCode.NIP_LENGTH, length=len(digits), digits=digits)
    birth = _birth_date(digits, "NIP")
    sex_digit = digits[14]
    if sex_digit not in "12":
        raise IdError(ReasonCode.NIP_SEX_DIGIT, digit=sex_digit)
    serial = int(digits[15:18])
    if serial == 0:
        raise IdError(ReasonCode.NIP_SERIAL)
    sex = "L" if sex_digit == "1" else "P"
    year = int(digits[8:12])
    if digits[12] == "2":
        contract = int(digits[13])
        if contract == 0:
            raise IdError(ReasonCode.PPPK_CONTRACT)
        if year < birth.year + 15:
            raise IdError(ReasonCode.PPPK_YEAR, year=year, born=birth.year)
        return NipInfo(digits, IdKind.PPPK, birth, year, None, sex, serial, contract)
    month = int(digits[12:14])
    if not 1 <= month <= 12:
        raise IdError(ReasonCode.NIP_TMT_MONTH, month=digits[12:14])
    if (year, month) <= (birth.year, birth.month):
        raise IdError(ReasonCode.NIP_TMT_BEFORE_BIRTH, month=f"{month:02d}", year=year)
    return NipInfo(digits, IdKind.PNS, birth, year, month, sex, serial, None)


# A NIP is well-formed yet impossible when its dates are: appointed before 18 (the minimum age for
# CPNS and PPPK), appointed more than a year ahead (the decision and NIP come some months before
# the TMT), or born outside a working life (ASN serve until 58-65, professors 70).
MIN_APPOINTMENT_AGE = 18
MAX_AGE = 75
AHEAD_MONTHS = 12


def implausibility(info: NipInfo, today: dt.date | None = None) -> str | None:
    """Why the dates a NIP / NI PPPK encodes cannot be a civil servant's, or None when they can."""
    today = today or dt.date.today()
    label = "NI PPPK" if info.kind is IdKind.PPPK else "NIP"
    birth = info.birth_date
    born = f"lahir {long_date(birth)}"
    if birth > today:
        return f"{label} {info.formatted} tidak masuk akal: tanggal lahirnya ({long_date(birth)}) belum terjadi."
    age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
    if age > MAX_AGE:
        return (
            f"{label} {info.formatted} tidak masuk akal: {born}, berarti berumur {age} tahun, jauh melewati usia "
            "pensiun ASN. Periksa 8 digit pertama NIP."
        )
    month = info.start_month or 1
    when = f"{ID_MONTHS[month - 1]} {info.start_year}" if info.start_month else str(info.start_year)
    start = info.start_year * 12 + month - 1
    if start > today.year * 12 + today.month - 1 + AHEAD_MONTHS:
        return f"{label} {info.formatted} tidak masuk akal: pengangkatannya ({when}) masih jauh di masa depan."
    # A PNS NIP gives the month of appointment; a PPPK number only the year: judged by years then.
    at_start = (start - (birth.year * 12 + birth.month - 1)) // 12 if info.start_month else info.start_year - birth.year
    if at_start < MIN_APPOINTMENT_AGE:
        return (
            f"{label} {info.formatted} tidak masuk akal: {born} dan diangkat {when}, pada umur {max(at_start, 0)} "
            f"tahun; ASN diangkat paling muda {MIN_APPOINTMENT_AGE} tahun."
        )
    return None


def is_valid_nip(raw: object) -> bool:
    try:
        parse_nip(raw)
    except IdError:
        return False
    return True


def format_nip(raw: object) -> str:
    """Group an 18-digit NIP / NI PPPK as printed: ``19860926 201505 1 001``.

    Anything that is not 18 digits is returned normalised but ungrouped.
    """
    d = normalize_id(raw)
    if len(d) != 18 or not _is_digits(d):
        return d
    return f"{d[0:8]} {d[8:14]} {d[14]} {d[15:18]}"


def parse_nik(raw: object) -> NikInfo:
    """Validate a 16-digit NIK (KTP number); women have 40 added to the birth day."""
    digits = normalize_id(raw)
    if not digits:
        raise IdError(ReasonCode.NIK_EMPTY)
    if not _is_digits(digits):
        raise IdError(ReasonCode.NIK_NOT_DIGITS, shown=repr(digits))
    if len(digits) != 16:
        raise IdError(ReasonCode.NIK_LENGTH, length=len(digits), digits=digits)
    if digits[0:2] == "00" or digits[2:4] == "00":
        raise IdError(ReasonCode.NIK_REGION)
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    sex = "L"
    if day > 40:
        day -= 40
        sex = "P"
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise IdError(ReasonCode.NIK_BIRTH_DIGITS, digits=digits[6:12])
    birth = _nik_birth_date(day, month, yy)
    if digits[12:16] == "0000":
        raise IdError(ReasonCode.NIK_SERIAL)
    return NikInfo(digits, digits[0:2], digits[2:4], digits[4:6], birth, sex, digits[12:16])


def _nik_birth_date(day: int, month: int, yy: int) -> dt.date | None:
    this_year = dt.date.today().year % 100
    century = 2000 if yy <= this_year else 1900
    try:
        return dt.date(century + yy, month, day)
    except ValueError:
        raise IdError(ReasonCode.NIK_BIRTH_DATE, date=f"{day:02d}-{month:02d}-{yy:02d}") from None


def format_nik(raw: object) -> str:
    return normalize_id(raw)


NIK_KEPT_START = 4  # province and kabupaten/kota: says where, not who
NIK_KEPT_END = 2  # enough to tell two people apart on a list


def mask_nik(nik: str) -> str:
    """``3302**********01``: a NIK as printed on what is handed out or posted (UU PDP 27/2022).

    Only the region code and the last two digits stay, so the birth date and serial that make
    a NIK personal are hidden while a person can still recognise their own line. Text that is
    not a 16-digit NIK is masked the same way around its ends; an empty value stays empty.
    """
    digits = normalize_id(nik)
    if not digits:
        return ""
    if len(digits) <= NIK_KEPT_START + NIK_KEPT_END:
        return "*" * len(digits)
    hidden = len(digits) - NIK_KEPT_START - NIK_KEPT_END
    return digits[:NIK_KEPT_START] + "*" * hidden + digits[-NIK_KEPT_END:]


def explain(raw: object) -> str:
    """One Indonesian sentence saying what a NIP, NI PPPK or NIK encodes, or why it is invalid."""
    digits = normalize_id(raw)
    try:
        if len(digits) == 16:
            nik = parse_nik(raw)
            born = long_date(nik.birth_date) if nik.birth_date else "tidak diketahui"
            sex = "laki-laki" if nik.sex == "L" else "perempuan"
            return (
                f"NIK {nik.digits}: wilayah {nik.province}.{nik.regency}.{nik.district}, "
                f"lahir {born}, {sex}, nomor urut {nik.serial}."
            )
        info = parse_nip(raw)
    except IdError as err:
        return str(err)
    sex = "laki-laki" if info.sex == "L" else "perempuan"
    if info.kind is IdKind.PPPK:
        return (
            f"NI PPPK {info.formatted}: lahir {long_date(info.birth_date)}, diangkat tahun {info.start_year}, "
            f"kontrak ke-{info.contract_count}, {sex}, nomor urut {info.serial:03d}."
        )
    return (
        f"NIP {info.formatted}: PNS, lahir {long_date(info.birth_date)}, "
        f"TMT CPNS {ID_MONTHS[(info.start_month or 1) - 1]} {info.start_year}, {sex}, nomor urut {info.serial:03d}."
    )
