"""Certificate numbers: ``800/{seq:04d}/BKPSDM/{year}`` → ``800/0001/BKPSDM/2024``.

A registration keeps its number for good (the ``Certificate`` row stays when certificates
are made again). New numbers continue the event's sequence without gaps: the next ``seq``
is read and the rows inserted in one transaction, and the table's unique keys — (event,
seq), number, registration — make a second desk that raced us fail instead of duplicating;
it then retries with fresh numbers. SQLite takes the write lock at the start (IMMEDIATE),
so desks on one file queue instead of failing. Every number also goes into the register
(``CertificateRegister``), which a purge keeps: the sequence continues after the register's
highest number and a number in it is never given again, whichever event had it.

Placeholders: ``{seq}`` (required; ``{seq:04d}`` pads), ``{year}``, ``{month}`` (two
digits), ``{month_roman}`` (``VII``, as Indonesian letter numbers write it), ``{event}``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
import time
from dataclasses import dataclass
from typing import TypedDict

from peewee import IntegrityError, OperationalError, fn

from ..errors import UserError
from ..models import Event
from ..transactions import write_transaction
from .models import Certificate, CertificateRegister

NUMBER_FIELDS = ("seq", "year", "month", "month_roman", "event")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
MAX_NUMBER_LENGTH = Certificate.number.max_length
ATTEMPTS = 30


class NumberingError(UserError, ValueError):
    """Numbers cannot be given (bad format, clash with another event); message for the user."""


@dataclass(frozen=True)
class IssuedNumber:
    registration_id: int
    seq: int
    number: str
    revoked: bool = False


def number_format_problem(number_format: str) -> str | None:
    """Why ``number_format`` cannot number certificates (Indonesian), or None when it can."""
    text = (number_format or "").strip()
    if not text:
        return "Format nomor sertifikat wajib diisi, misalnya 800/{seq:04d}/BKPSDM/{year}."
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return "Format nomor sertifikat berisi kurung kurawal yang tidak berpasangan."
    unknown = sorted({name for name in names if name not in NUMBER_FIELDS})
    if unknown:
        allowed = ", ".join("{" + name + "}" for name in NUMBER_FIELDS)
        return f"Format nomor sertifikat memakai {{{unknown[0]}}} yang tidak dikenal; yang bisa dipakai: {allowed}."
    if "seq" not in names:
        return "Format nomor sertifikat harus memuat nomor urut {seq}, misalnya 800/{seq:04d}/BKPSDM/{year}."
    try:
        sample = format_number(text, 9999, 999, dt.date(2024, 12, 31))
    except (ValueError, TypeError, KeyError, IndexError):
        return "Format nomor sertifikat tidak sah; contoh yang benar: 800/{seq:04d}/BKPSDM/{year}."
    if len(sample) > MAX_NUMBER_LENGTH:
        return f"Nomor sertifikat paling panjang {MAX_NUMBER_LENGTH} karakter."
    return None


def format_number(number_format: str, seq: int, event_id: int, date: dt.date) -> str:
    return number_format.strip().format(
        seq=seq, year=date.year, month=f"{date.month:02d}", month_roman=ROMAN_MONTHS[date.month - 1], event=event_id
    )


def issued_numbers(event_id: int) -> dict[int, IssuedNumber]:
    """Numbers already given in the event, by registration id."""
    query = (
        Certificate.select(Certificate.registration, Certificate.seq, Certificate.number, Certificate.revoked_at)
        .where(Certificate.event == event_id)
        .tuples()
    )
    return {
        registration: IssuedNumber(registration, seq, number, revoked_at is not None)
        for registration, seq, number, revoked_at in query
    }


class _NewNumber(TypedDict):
    event: int
    registration: int
    seq: int
    number: str


def assign_numbers(
    event_id: int, registration_ids: list[int], number_format: str, start: int = 1
) -> dict[int, IssuedNumber]:
    """Numbers for ``registration_ids`` (in that order for new ones); existing ones are kept."""
    problem = number_format_problem(number_format)
    if problem:
        raise NumberingError(problem)
    for attempt in range(ATTEMPTS):
        try:
            return _assign_once(event_id, registration_ids, number_format, start)
        except (IntegrityError, OperationalError):
            # Another desk numbered at the same moment (or held the lock too long): try again.
            time.sleep(random.uniform(0.005, 0.05) * (attempt + 1))
    raise NumberingError("Nomor sertifikat tidak bisa dibuat karena basis data sedang sibuk; coba lagi sebentar.")


def _assign_once(event_id: int, registration_ids: list[int], number_format: str, start: int) -> dict[int, IssuedNumber]:
    with write_transaction():
        issued = issued_numbers(event_id)
        missing = [rid for rid in dict.fromkeys(registration_ids) if rid not in issued]
        if missing:
            date = Event.select(Event.date).where(Event.id == event_id).scalar()
            first = max(start, _last_seq(event_id) + 1, _shared_last_seq(number_format, event_id, _as_date(date)) + 1)
            rows: list[_NewNumber] = [
                {
                    "event": event_id,
                    "registration": rid,
                    "seq": first + index,
                    "number": format_number(number_format, first + index, event_id, _as_date(date)),
                }
                for index, rid in enumerate(missing)
            ]
            _refuse_clashes(event_id, [row["number"] for row in rows])
            for chunk in range(0, len(rows), 200):
                Certificate.insert_many(rows[chunk : chunk + 200]).execute()
                CertificateRegister.insert_many(
                    [{"number": r["number"], "event_id": event_id, "seq": r["seq"]} for r in rows[chunk : chunk + 200]]
                ).execute()
            for row in rows:
                issued[row["registration"]] = IssuedNumber(row["registration"], row["seq"], row["number"])
    return {rid: issued[rid] for rid in registration_ids if rid in issued}


def _refuse_clashes(event_id: int, numbers: list[str]) -> None:
    clash = clashing_number(event_id, numbers)
    if clash:
        raise NumberingError(
            f"Nomor {clash[0]} sudah dipakai sertifikat kegiatan lain (kegiatan nomor {clash[1]}). "
            "Ubah format nomor (misalnya tambahkan {event}) atau nomor urut awal."
        )


def clashing_number(event_id: int, numbers: list[str]) -> tuple[str, int] | None:
    """The first of ``numbers`` already given by another event (purged ones too), with its id."""
    for chunk in range(0, len(numbers), 500):
        row = (
            CertificateRegister.select(CertificateRegister.number, CertificateRegister.event_id)
            .where(
                CertificateRegister.number.in_(numbers[chunk : chunk + 500])
                & (CertificateRegister.event_id != event_id)
            )
            .tuples()
            .first()
        )
        if row:
            return row[0], row[1]
    return None


def planned_numbers(event_id: int, count: int, number_format: str, start: int = 1) -> list[str]:
    """The numbers the next ``count`` new certificates would get (for checks and previews)."""
    date = Event.select(Event.date).where(Event.id == event_id).scalar()
    first = max(start, _last_seq(event_id) + 1, _shared_last_seq(number_format, event_id, _as_date(date)) + 1)
    return [format_number(number_format, first + i, event_id, _as_date(date)) for i in range(count)]


def _last_seq(event_id: int) -> int:
    """The event's highest sequence number ever given (the register outlives a purge)."""
    registered = (
        CertificateRegister.select(fn.MAX(CertificateRegister.seq))
        .where(CertificateRegister.event_id == event_id)
        .scalar()
    )
    live = Certificate.select(fn.MAX(Certificate.seq)).where(Certificate.event == event_id).scalar()
    return max(registered or 0, live or 0)


def _shared_last_seq(number_format: str, event_id: int, date: dt.date) -> int:
    """The highest sequence number other events gave in the same format (``800/{seq:04d}/BKPSDM/{year}``
    without ``{event}``: one series per organiser and year, as an agenda book numbers letters)."""
    pattern, like = [], []
    values = {
        "year": date.year,
        "month": f"{date.month:02d}",
        "month_roman": ROMAN_MONTHS[date.month - 1],
        "event": event_id,
    }
    for literal, name, spec, _conversion in string.Formatter().parse(number_format.strip()):
        pattern.append(re.escape(literal))
        like.append(literal)
        if name == "seq":
            pattern.append(r"(\d+)")
            like.append("%")
        elif name is not None:
            text = format(values[name], spec or "")
            pattern.append(re.escape(text))
            like.append(text)
    regex = re.compile("".join(pattern) + "$")
    query = CertificateRegister.select(CertificateRegister.number).where(
        (CertificateRegister.event_id != event_id)
        & CertificateRegister.number ** "".join(like)  # LIKE narrows (a "_" or "%" there only widens it)
    )
    found = [regex.match(number) for (number,) in query.tuples()]
    return max((int(match.group(1)) for match in found if match), default=0)


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


__all__ = [
    "NUMBER_FIELDS",
    "IssuedNumber",
    "NumberingError",
    "assign_numbers",
    "clashing_number",
    "format_number",
    "issued_numbers",
    "number_format_problem",
    "planned_numbers",
]
