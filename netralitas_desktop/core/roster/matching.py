"""Who in the file is already known: match rows to people by NIP, NIK, or name and unit.

Existing people and registrations are fetched in chunks of at most ``CHUNK`` values
(SQLite's old limit on query parameters), never one query per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..jobs import Progress
from ..models import Person, Registration
from ..names import fold, name_key
from ..nip import format_nip
from ..participants import PERSON_FIELDS, PersonData, merge_person
from .bulk import select_in
from .rows import Candidate, RowIssue

if TYPE_CHECKING:
    from peewee import Field


class StoredPerson(NamedTuple):
    """A stored person as matching reads them: ``id``, then the ``PERSON_FIELDS``."""

    id: int
    nama: str
    gelar_depan: str
    gelar_belakang: str
    nip: str | None
    nik: str | None
    sex: str
    employment_type: str
    golongan: str
    jabatan: str
    unit_kerja: str
    phone: str
    email: str


_COLUMNS = tuple(getattr(Person, name) for name in StoredPerson._fields)


class StoredIds(Protocol):
    """A stored person or roster member: ``person_changes`` reads the other fields by name."""

    @property
    def nip(self) -> str | None: ...


_TEXT_FIELDS = frozenset({"nama", "gelar_depan", "gelar_belakang", "jabatan", "unit_kerja"})


@dataclass(frozen=True)
class PlannedRow:
    """What importing one row will do."""

    row: int
    person: PersonData
    mode: str
    outcome: str  # "added" | "updated" | "unchanged"
    changes: tuple[str, ...]  # fields that change ("mode" too, when the file has a mode column)
    sheet: str | None = None


@dataclass(slots=True)
class Match:
    """A planned row with what the writer needs: the stored person and registration, if any."""

    planned: PlannedRow
    person_id: int | None
    person_changes: dict[str, str] = field(default_factory=dict)
    registration_id: int | None = None
    mode_changed: bool = False


def unit_key(person: PersonData) -> tuple[str, str]:
    return name_key(person.nama), fold(person.unit_kerja)


def drop_duplicates(candidates: list[Candidate], headers: dict[str, str]) -> tuple[list[Candidate], list[RowIssue]]:
    """Keep the first row of each NIP, NIK and (for rows without either) name + unit."""
    seen: dict[tuple[str, object], tuple[int, str | None]] = {}
    kept, issues = [], []
    for candidate in candidates:
        person = candidate.person
        keys: list[tuple[str, object, str]] = []
        if person.nip:
            keys.append(("nip", person.nip, "NIP"))
        if person.nik:
            keys.append(("nik", person.nik, "NIK"))
        if not keys:
            keys.append(("nama", unit_key(person), "Nama dan unit kerja"))
        duplicate = next(((f, v, label) for f, v, label in keys if (f, v) in seen), None)
        if duplicate:
            name, value, label = duplicate
            shown = value if isinstance(value, str) else person.full_name
            first = _other_row(*seen[(name, value)], candidate.sheet)
            issues.append(
                RowIssue(
                    candidate.row, headers.get(name, name), shown, f"{label} sama dengan {first}.", candidate.sheet
                )
            )
            continue
        for name, value, _ in keys:
            seen[(name, value)] = (candidate.row, candidate.sheet)
        kept.append(candidate)
    return kept, issues


def _persons_by(column: Field[Any], values: Iterable[str], progress: Progress) -> dict[str, StoredPerson]:
    wanted = sorted(set(v for v in values if v))
    people = map(StoredPerson._make, select_in(Person, _COLUMNS, column, wanted, progress.check_cancelled))
    return {getattr(person, column.name): person for person in people}


def _event_people(event_id: int) -> dict[tuple[str, str], StoredPerson]:
    """People registered for the event by (name, unit); one without NIP/NIK first."""
    query = (
        Person.select(*_COLUMNS)
        .join(Registration)
        .where(Registration.event == event_id)
        .order_by(Person.nip.is_null(False), Person.nik.is_null(False), Person.id)
        .tuples()
    )
    people: dict[tuple[str, str], StoredPerson] = {}
    for row in map(StoredPerson._make, query):
        people.setdefault((name_key(row.nama), fold(row.unit_kerja)), row)
    return people


def _by_name(people: dict[tuple[str, str], StoredPerson], data: PersonData) -> StoredPerson | None:
    """A row without NIP/NIK matches anyone of the event with that name and unit; a row with
    one matches only someone stored without either (a walk-in whose NIP is now known)."""
    stored = people.get(unit_key(data))
    if stored is not None and (data.nip or data.nik) and (stored.nip or stored.nik):
        return None
    return stored


def person_changes(stored: StoredIds, data: PersonData) -> dict[str, str]:
    """``merge_person`` minus what is no real change.

    Text that differs only in case or spacing keeps the stored spelling (an ALL-CAPS export
    must not overwrite "Dinas Kesehatan"), and a defaulted employment type ("Non-ASN" because
    nothing was said, or no NIP in this row) never overrides what is stored.
    """
    changes = merge_person(stored, data)
    for name in [n for n in changes if n in _TEXT_FIELDS]:
        if fold(changes[name]) == fold(getattr(stored, name)):
            del changes[name]
    if "employment_type" in changes and (data.employment_type == "NON_ASN" or (stored.nip and not data.nip)):
        del changes["employment_type"]
    return changes


def resolve(
    event_id: int, candidates: list[Candidate], headers: dict[str, str], progress: Progress
) -> tuple[list[Match], list[RowIssue]]:
    """Compare valid rows with the database; returns what to do per row and rows that conflict."""
    by_nip = _persons_by(Person.nip, (c.person.nip for c in candidates), progress)
    by_nik = _persons_by(Person.nik, (c.person.nik for c in candidates), progress)
    registrations = {
        person: (reg_id, mode)
        for person, reg_id, mode in Registration.select(Registration.person, Registration.id, Registration.mode)
        .where(Registration.event == event_id)
        .tuples()
    }
    by_name: dict[tuple[str, str], StoredPerson] | None = None
    claimed: dict[int, tuple[int, str | None]] = {}
    matches: list[Match] = []
    issues: list[RowIssue] = []
    for candidate in candidates:
        data = candidate.person
        stored = by_nip.get(data.nip) if data.nip else None
        if stored is None and data.nik:
            stored = by_nik.get(data.nik)
        if stored is None and registrations:
            if by_name is None:
                by_name = _event_people(event_id)
            stored = _by_name(by_name, data)
        if stored is None:
            planned = PlannedRow(candidate.row, data, candidate.mode or "onsite", "added", (), candidate.sheet)
            matches.append(Match(planned, None))
            continue
        conflict = _conflict(data, stored, by_nik, claimed, candidate.sheet)
        if conflict:
            name, reason = conflict
            issues.append(
                RowIssue(candidate.row, headers.get(name, name), getattr(data, name, ""), reason, candidate.sheet)
            )
            continue
        claimed[stored.id] = (candidate.row, candidate.sheet)
        matches.append(_match(candidate, stored, registrations.get(stored.id)))
    return matches, issues


def _other_row(row: int, sheet: str | None, here: str | None) -> str:
    """``baris 4``, or ``baris 4 lembar "Data 1"`` when that row is on another sheet."""
    return f"baris {row} lembar \u201c{sheet}\u201d" if sheet != here and sheet else f"baris {row}"


def _conflict(
    data: PersonData,
    stored: StoredPerson,
    by_nik: dict[str, StoredPerson],
    claimed: dict[int, tuple[int, str | None]],
    sheet: str | None,
) -> tuple[str, str] | None:
    if stored.id in claimed:
        name = "nip" if data.nip else "nik" if data.nik else "nama"
        return name, f"Orang yang sama dengan {_other_row(*claimed[stored.id], sheet)}."
    if data.nip and stored.nip and stored.nip != data.nip:
        return "nik", f"NIK ini sudah tercatat untuk orang dengan NIP {format_nip(stored.nip)}."
    holder = by_nik.get(data.nik) if data.nik else None
    if holder is not None and holder.id != stored.id:
        return "nik", "NIK ini sudah tercatat untuk orang lain dengan NIP berbeda."
    return None


def _match(candidate: Candidate, stored: StoredPerson, registration: tuple[int, str] | None) -> Match:
    changes = person_changes(stored, candidate.person)
    names = tuple(name for name in PERSON_FIELDS if name in changes)
    if registration is None:
        planned = PlannedRow(
            candidate.row, candidate.person, candidate.mode or "onsite", "added", names, candidate.sheet
        )
        return Match(planned, stored.id, changes)
    registration_id, stored_mode = registration
    mode_changed = candidate.mode is not None and candidate.mode != stored_mode
    if mode_changed:
        names += ("mode",)
    outcome = "updated" if names else "unchanged"
    planned = PlannedRow(
        candidate.row, candidate.person, candidate.mode or stored_mode, outcome, names, candidate.sheet
    )
    return Match(planned, stored.id, changes, registration_id, mode_changed)
