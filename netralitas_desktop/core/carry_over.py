"""After a restore: the check-ins made since the backup, carried over from the kept pre-restore copy.

A restore puts back a backup, so whatever the desks recorded after it was made is not in the
restored file; but the file it replaced is kept in ``backups/`` (``sebelum-pemulihan-….db``,
with its WAL), damaged or not. ``newer_checkins`` reads that copy (read-only, as far as it can
be read) and lists the check-ins the restored database lacks; ``carry_over`` adds them, with
the walk-ins registered since and their signatures. A person is matched by NIP, NIK, or name
and unit kerja, never by id alone: ids in the copy may mean someone else after a restore.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import audit
from .errors import BAD_INPUT, UserError
from .models import Attendance, Event, Person, Registration, Signature
from .names import fold, full_name
from .participants import PersonData, clean_person, register, upsert_person
from .signatures import SignatureImageError, validate_png
from .transactions import write_transaction

_QUERY = """
SELECT a.registration_id, a.checked_in_at, a.desk, a.operator, a.method,
       r.event_id, r.source, r.mode, e.title,
       p.nip, p.nik, p.nama, p.gelar_depan, p.gelar_belakang, p.unit_kerja, p.jabatan, p.golongan,
       p.employment_type, p.sex, p.phone, p.email
FROM attendance a JOIN registration r ON r.id = a.registration_id
JOIN person p ON p.id = r.person_id JOIN event e ON e.id = r.event_id
ORDER BY a.id
"""
_PERSON: tuple[str, ...] = ("nip", "nik", "nama", "gelar_depan", "gelar_belakang", "unit_kerja", "jabatan", "golongan")
_PERSON += ("employment_type", "sex", "phone", "email")

_Key = tuple[object, ...]  # (event id, "nip", NIP), (…, "nik", NIK) or (…, "name", folded name, folded unit)


class CarryOverError(UserError):
    """The kept copy cannot be read at all; the message says so (Bahasa Indonesia)."""

    exit_code = BAD_INPUT


@dataclass(frozen=True)
class NewerCheckin:
    """A check-in in the kept copy that the restored database does not have."""

    copy_registration: int
    event_id: int
    event_title: str
    person: PersonData
    source: str
    mode: str
    checked_in_at: dt.datetime
    desk: str
    operator: str
    method: str
    signature: bytes | None

    @property
    def name(self) -> str:
        return full_name(self.person.gelar_depan, self.person.nama, self.person.gelar_belakang)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "event_title": self.event_title,
            "name": self.name,
            "nip": self.person.nip,
            "nik": self.person.nik,
            "checked_in_at": self.checked_in_at.isoformat(sep=" "),
            "desk": self.desk,
            "walk_in": self.source == "walk_in",
        }


@dataclass
class Newer:
    checkins: list[NewerCheckin]
    partial: bool  # part of the copy could not be read (it was damaged): what could be read is listed

    def describe(self) -> str:
        if not self.checkins:
            return "Tidak ada kehadiran yang lebih baru dari cadangan itu."
        desks = sorted({item.desk for item in self.checkins if item.desk})
        where = f" (meja: {', '.join(desks)})" if desks else ""
        partial = " Sebagian salinan rusak dan tidak terbaca." if self.partial else ""
        return f"{len(self.checkins)} kehadiran tercatat sesudah cadangan itu dibuat{where}.{partial}"


def newer_checkins(copy: Path) -> Newer:
    """Check-ins in ``copy`` whose person has no check-in for that event in the bound database."""
    rows, partial = _read(copy)
    present = _present()
    out = []
    signatures = _signatures(copy)
    for row in rows:
        registration, at, desk, operator, method, event_id, source, mode, title, *person = row
        data = PersonData(**{name: str(value or "") for name, value in zip(_PERSON, person, strict=True)})
        event = Event.get_or_none(Event.id == event_id)
        if event is None or fold(event.title) != fold(title or ""):
            continue  # the event is not in the restored database (or another one has its number)
        if _key(event_id, data) in present:
            continue
        try:
            when = dt.datetime.fromisoformat(str(at))
        except ValueError:
            continue
        out.append(
            NewerCheckin(
                registration, event_id, title, data, source or "invited", mode or "onsite", when,
                desk or "", operator or "", method or "qr", signatures.get(registration),
            )
        )  # fmt: skip
    return Newer(out, partial)


def _read(copy: Path) -> tuple[list[tuple[Any, ...]], bool]:
    if not copy.is_file():
        raise CarryOverError(f"Salinan {copy} tidak ditemukan.")
    rows: list[tuple[Any, ...]] = []
    try:
        connection = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as err:
        raise CarryOverError(f"Salinan {copy.name} tidak dapat dibuka ({err}).") from err
    try:
        cursor = connection.execute(_QUERY)
        while True:
            try:
                row = cursor.fetchone()
            except sqlite3.DatabaseError:
                return rows, True  # a damaged page: keep what came before it
            if row is None:
                return rows, False
            rows.append(row)
    except sqlite3.DatabaseError as err:
        if rows:
            return rows, True
        raise CarryOverError(f"Kehadiran dalam salinan {copy.name} tidak dapat dibaca ({err}).") from err
    finally:
        connection.close()


def _signatures(copy: Path) -> dict[int, bytes]:
    try:
        connection = sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            return {reg: bytes(png) for reg, png in connection.execute("SELECT registration_id, png FROM signature")}
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return {}


def _key(event_id: int, person: PersonData) -> _Key:
    if person.nip:
        return (event_id, "nip", person.nip)
    if person.nik:
        return (event_id, "nik", person.nik)
    return (
        event_id,
        "name",
        fold(full_name(person.gelar_depan, person.nama, person.gelar_belakang)),
        fold(person.unit_kerja),
    )


def _present() -> set[_Key]:
    """(event, person key) of every check-in in the bound database."""
    query = (
        Attendance.select(
            Registration.event,
            Person.nip,
            Person.nik,
            Person.nama,
            Person.gelar_depan,
            Person.gelar_belakang,
            Person.unit_kerja,
        )
        .join(Registration)
        .join(Person)
        .tuples()
    )
    return {
        _key(
            event,
            PersonData(
                nip=nip or "", nik=nik or "", nama=nama, gelar_depan=depan, gelar_belakang=belakang, unit_kerja=unit
            ),
        )
        for event, nip, nik, nama, depan, belakang, unit in query
    }


def carry_over(newer: list[NewerCheckin], *, actor: audit.Actor | None = None, source: str = "") -> int:
    """Add these check-ins (and the registrations and signatures they need); returns how many were added."""
    actor = actor or audit.Actor.default()
    added = 0
    with write_transaction():
        present = _present()
        for item in newer:
            if _key(item.event_id, item.person) in present:
                continue
            registration_id = _registration(item)
            if Attendance.select().where(Attendance.registration == registration_id).exists():
                continue
            Attendance.create(
                registration=registration_id,
                checked_in_at=item.checked_in_at,
                desk=item.desk,
                operator=item.operator,
                method=item.method,
            )
            _signature(registration_id, item)
            present.add(_key(item.event_id, item.person))
            added += 1
            audit.record(
                "checkin.carry_over",
                actor=actor,
                event_id=item.event_id,
                registration_id=registration_id,
                checked_in_at=item.checked_in_at,
                desk_recorded=item.desk,
                copy=source,
            )
    return added


def _registration(item: NewerCheckin) -> int:
    cleaned, errors = clean_person(item.person)
    if errors.keys() & {"nip", "nik"}:
        cleaned.nip, cleaned.nik = "", ""
    person = None
    if cleaned.nip:
        person = Person.get_or_none(Person.nip == cleaned.nip)
    if person is None and cleaned.nik:
        person = Person.get_or_none(Person.nik == cleaned.nik)
    if person is None and not (cleaned.nip or cleaned.nik):
        wanted = (fold(cleaned.full_name), fold(cleaned.unit_kerja))
        candidates = Person.select().where(Person.nip.is_null() & Person.nik.is_null() & (Person.nama == cleaned.nama))
        person = next(
            (
                p
                for p in candidates
                if (fold(full_name(p.gelar_depan, p.nama, p.gelar_belakang)), fold(p.unit_kerja)) == wanted
            ),
            None,
        )
    if person is None:
        person = upsert_person(cleaned)[0]
    registration, _ = register(item.event_id, person.id, source=item.source, mode=item.mode)
    return registration.id


def _signature(registration_id: int, item: NewerCheckin) -> None:
    if item.signature is None or Signature.select().where(Signature.registration == registration_id).exists():
        return
    try:
        validate_png(item.signature)
    except SignatureImageError:
        return
    Signature.create(registration=registration_id, png=item.signature, desk=item.desk, operator=item.operator)


__all__ = ["CarryOverError", "Newer", "NewerCheckin", "carry_over", "newer_checkins"]
