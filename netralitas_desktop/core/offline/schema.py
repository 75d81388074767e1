"""What a package's ``data.json`` may hold, checked before anything is written.

A signed package is still checked: a key can be confirmed by mistake, and the database must
never meet a 10,000-character desk name, a negative id or a date in the year 9999. Every
value is held to the type and size its column takes (ids to PostgreSQL's ``integer``); the
first thing wrong is named in the message, and nothing is imported.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from peewee import CharField

from ..models import ATTENDANCE_MODES, REGISTRATION_SOURCES, Attendance, Event, Person
from .archive import PackageError
from .export import PERSON_COLUMNS, WALK_IN_PERSON_COLUMNS

if TYPE_CHECKING:
    from peewee import Model

MAX_ID = 2**31 - 1  # PostgreSQL's integer columns
MAX_TEXT = 2000  # a typed reason or note
EARLIEST = dt.datetime(2000, 1, 1)
LATEST = dt.datetime(2100, 1, 1)
_DIGEST_CHARS = frozenset("0123456789abcdef")


class _Checker:
    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, what: str) -> PackageError:
        return PackageError(f"Isi berkas {self.name} tidak sah ({where}: {what}); tidak ada yang diubah.")

    def record(self, value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "bukan catatan")
        return value

    def records(self, data: dict[str, Any], key: str, where: str = "") -> list[dict[str, Any]]:
        value = data.get(key)
        if not isinstance(value, list):
            raise self.fail(where or key, "daftar tidak ada")
        return [self.record(item, f"{where or key} ke-{index + 1}") for index, item in enumerate(value)]

    def id(self, value: object, where: str, *, null: bool = False) -> int | None:
        if value is None and null:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ID:
            raise self.fail(where, f"nomor {str(value)[:30]} tidak sah")
        return value

    def text(self, value: object, where: str, limit: int, *, null: bool = False, line: bool = False) -> str | None:
        """Text up to ``limit`` characters; ``line``: one line (a desk or operator name)."""
        if value is None and null:
            return None
        if not isinstance(value, str):
            raise self.fail(where, "bukan teks")
        if len(value) > limit:
            raise self.fail(where, f"{len(value):_} karakter, paling banyak {limit}".replace("_", "."))
        allowed = "" if line else "\t\r\n"
        if any((ord(char) < 32 or ord(char) == 127) and char not in allowed for char in value):
            raise self.fail(where, "berisi karakter kendali")
        return value

    def choice(self, value: object, where: str, choices: tuple[str, ...]) -> str:
        if value not in choices:
            raise self.fail(where, f"nilai {str(value)[:30]!r} tidak dikenal")
        return value

    def moment(self, value: object, where: str, *, null: bool = False) -> dt.datetime | None:
        if value is None and null:
            return None
        try:
            parsed = dt.datetime.fromisoformat(value)  # type: ignore[arg-type]  # not text: TypeError, below
        except (TypeError, ValueError):
            raise self.fail(where, f"{str(value)[:30]!r} bukan waktu") from None
        if parsed.tzinfo is not None or not EARLIEST <= parsed < LATEST:
            raise self.fail(where, f"waktu {value} di luar rentang yang mungkin")
        return parsed

    def columns(self, values: dict[str, Any], names: tuple[str, ...], model: type[Model], where: str) -> None:
        for name in names:
            field = getattr(model, name)
            limit = field.max_length if isinstance(field, CharField) else MAX_TEXT
            self.text(values.get(name, ""), f"{where}, {name}", limit, null=True)


def check_event_package(data: object, files: dict[str, bytes], name: str) -> None:
    """An office's event package: the event, people, registrations, check-ins and signatures."""
    check = _Checker(name)
    data = check.record(data, "isi")
    event = check.record(data.get("event"), "kegiatan")
    for column, field in Event._meta.fields.items():
        if isinstance(field, CharField) and column in event:
            check.text(event[column], f"kegiatan, {column}", field.max_length, null=True)
    check.text(event.get("title"), "kegiatan, title", Event.title.max_length)
    try:
        date = dt.date.fromisoformat(event.get("date"))  # type: ignore[arg-type]  # not text: TypeError, below
    except (TypeError, ValueError):
        raise check.fail("kegiatan, date", "bukan tanggal") from None
    if not EARLIEST.date() <= date < LATEST.date():
        raise check.fail("kegiatan, date", f"tanggal {date.isoformat()} di luar rentang yang mungkin")
    people = set()
    for index, person in enumerate(check.records(data, "people", "orang")):
        people.add(check.id(person.get("id"), f"orang ke-{index + 1}"))
        check.columns(person, PERSON_COLUMNS, Person, f"orang ke-{index + 1}")
    registrations = set()
    for index, row in enumerate(check.records(data, "registrations", "pendaftaran")):
        where = f"pendaftaran ke-{index + 1}"
        registrations.add(check.id(row.get("id"), where))
        if row.get("person") not in people:
            raise check.fail(where, "orangnya tidak ada di paket")
        check.choice(row.get("source"), where, REGISTRATION_SOURCES)
        check.choice(row.get("mode"), where, ATTENDANCE_MODES)
        check.moment(row.get("created_at"), where, null=True)
        check.moment(row.get("cancelled_at"), where, null=True)
        check.text(row.get("cancel_reason"), where, MAX_TEXT, null=True)
        digest = row.get("code_digest")
        if not isinstance(digest, str) or len(digest) != 64 or not set(digest) <= _DIGEST_CHARS:
            raise check.fail(where, "kode undangan tidak sah")
    for index, row in enumerate(check.records(data, "checkins", "kehadiran")):
        where = f"kehadiran ke-{index + 1}"
        if row.get("registration") not in registrations:
            raise check.fail(where, "pendaftarannya tidak ada di paket")
        _checkin(check, row, where)
    for index, row in enumerate(check.records(data, "signatures", "tanda tangan")):
        where = f"tanda tangan ke-{index + 1}"
        if row.get("registration") not in registrations:
            raise check.fail(where, "pendaftarannya tidak ada di paket")
        _signature(check, row, files, where)


def check_return_file(data: object, files: dict[str, bytes], name: str) -> None:
    """A laptop's return file: per entry the registration, the person, a check-in and a signature."""
    check = _Checker(name)
    data = check.record(data, "isi")
    seen = set()
    for index, entry in enumerate(check.records(data, "entries", "catatan")):
        where = f"catatan ke-{index + 1}"
        local = check.id(entry.get("local_registration"), where)
        if local in seen:
            raise check.fail(where, "pendaftaran yang sama dua kali")
        seen.add(local)
        check.id(entry.get("office_registration"), where, null=True)
        check.choice(entry.get("source"), where, REGISTRATION_SOURCES)
        check.choice(entry.get("mode"), where, ATTENDANCE_MODES)
        check.columns(check.record(entry.get("person"), where), WALK_IN_PERSON_COLUMNS, Person, where)
        if entry.get("checkin") is not None:
            _checkin(check, check.record(entry["checkin"], where), where)
        if entry.get("signature") is not None:
            _signature(check, check.record(entry["signature"], where), files, where)


def _checkin(check: _Checker, row: dict[str, Any], where: str) -> None:
    check.moment(row.get("checked_in_at"), where)
    check.text(row.get("desk"), f"{where}, meja", Attendance.desk.max_length, line=True)
    check.text(row.get("operator"), f"{where}, petugas", Attendance.operator.max_length, line=True)
    check.text(row.get("method"), f"{where}, cara", Attendance.method.max_length, line=True)


def _signature(check: _Checker, row: dict[str, Any], files: dict[str, bytes], where: str) -> None:
    if row.get("file") not in files:
        raise check.fail(where, "berkas tanda tangannya tidak ada di paket")
    check.moment(row.get("created_at"), where, null=True)
    check.text(row.get("desk"), f"{where}, meja", Attendance.desk.max_length, line=True)
    check.text(row.get("operator"), f"{where}, petugas", Attendance.operator.max_length, line=True)


__all__ = ["check_event_package", "check_return_file"]
