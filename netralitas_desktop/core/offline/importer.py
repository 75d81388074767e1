"""Importing an event package on a desk laptop: create or update the event, idempotently.

The laptop keeps its own ids. ``ImportedEvent`` and ``ImportedRegistration`` remember the
office's ids and each invitation code's digest, so a second import of the same (or a
newer) package updates in place, and the desk accepts the office's codes (``qr_payload``).
The office is the master of the roster: people and registrations follow the package.
Check-ins and signatures already taken anywhere stay, and the earliest check-in wins.

Only a package signed by the office's key is imported: the first time, the person at the
laptop compares the key's fingerprint with the office's screen (``keys.trust``); the laptop
then makes its own key for this event, whose fingerprint the office confirms at merge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from peewee import DateField, DateTimeField, DecimalField, IntegrityError, TimeField

from .. import audit
from ..jobs import Progress
from ..models import Attendance, Event, Person, Registration, Signature, db, now
from ..signatures import SignatureImageError, validate_png
from . import keys
from .models import ImportedEvent, ImportedRegistration
from .package_file import KIND_EVENT, PackageError, database_id, manifest_time, parse_datetime, read_package
from .schema import MAX_ID, check_event_package

if TYPE_CHECKING:
    from peewee import Field

REMOVED_AT_OFFICE = "Dihapus dari daftar peserta di kantor."


@dataclass(frozen=True)
class ImportResult:
    event_id: int
    title: str
    created: bool  # a new event on this laptop (else updated)
    counts: dict[str, int]
    office_fingerprint: str = ""  # the office key that signed the package
    desk_fingerprint: str = ""  # this laptop's key for the event: the office confirms it at merge
    office_key_confirmed: bool = False  # the office key was confirmed just now (first import)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "title": self.title,
            "created": self.created,
            "counts": self.counts,
            "office_fingerprint": self.office_fingerprint,
            "desk_fingerprint": self.desk_fingerprint,
            "office_key_confirmed": self.office_key_confirmed,
        }


def event_values(columns: dict[str, Any]) -> dict[str, Any]:
    """The package's event columns as model values (the way back of ``export.event_columns``)."""
    values = {}
    for name, model_field in Event._meta.fields.items():
        if name not in columns:
            continue
        value = columns[name]
        if value is not None:
            if isinstance(model_field, DateTimeField):
                value = dt.datetime.fromisoformat(value)
            elif isinstance(model_field, DateField):
                value = dt.date.fromisoformat(value)
            elif isinstance(model_field, TimeField):
                value = dt.time.fromisoformat(value)
            elif isinstance(model_field, DecimalField):
                value = Decimal(value)
        values[name] = value
    return values


def import_package(
    source: str | Path,
    *,
    actor: audit.Actor | None = None,
    progress: Progress | None = None,
    office_key: str | None = None,
) -> ImportResult:
    """Import an event package from the office; importing it again changes nothing.

    ``office_key`` is the office key's fingerprint as confirmed by the person at the laptop; it
    is needed only the first time this office's key is met (``keys.KeyNotConfirmedError`` says so).
    """
    progress = progress or Progress()
    package = read_package(source, KIND_EVENT)
    check_event_package(package.data, package.files, Path(source).name)
    manifest, data = package.manifest, package.data
    if not isinstance(manifest.get("event_id"), int) or not 1 <= manifest["event_id"] <= MAX_ID:
        raise PackageError(f"Berkas {Path(source).name} bukan paket Netralitas yang sah (nomor kegiatan).")
    if manifest.get("source_database") == database_id():
        raise PackageError(
            "Paket ini dibuat dari basis data ini sendiri. Impor paket di laptop meja, bukan di komputer kantor."
        )
    counts = dict.fromkeys(
        (
            "registrations_new",
            "registrations_updated",
            "registrations_linked",
            "registrations_removed",
            "checkins_added",
            "checkins_earlier",
            "signatures_added",
            "signatures_refused",
        ),
        0,
    )
    try:
        with db.atomic():
            confirmed = keys.trust(
                keys.ROLE_OFFICE, manifest["source_database"], package.signing_key, confirmed=office_key, actor=actor
            )
            imported, created = _event(manifest, data["event"])
            people = {person["id"]: person for person in data["people"]}
            local_ids = _registrations(imported, data["registrations"], people, counts, progress)
            _checkins(data["checkins"], local_ids, imported.event_id, counts)
            _signatures(data["signatures"], local_ids, package.files, imported.event_id, counts)
            audit.record(
                "package.import",
                actor=actor,
                event_id=imported.event_id,
                package_id=manifest["package_id"],
                origin_event_id=imported.origin_event_id,
                created=created,
                **counts,
            )
            desk = keys.desk_fingerprint(imported.origin, imported.origin_event_id)
    except IntegrityError:  # the driver's text may quote a NIP: not shown, not logged
        raise PackageError(
            "Data paket bertabrakan dengan data di komputer ini (NIP atau NIK yang sama tercatat untuk orang lain); "
            "tidak ada yang diimpor. Periksa data orang itu di kantor dan di sini, lalu impor lagi."
        ) from None
    except (KeyError, TypeError, ValueError) as err:
        if isinstance(err, PackageError):
            raise
        raise PackageError(f"Isi paket tidak lengkap atau tidak sah ({err}); tidak ada yang diimpor.") from err
    progress.report(1, 1, "Selesai.")
    return ImportResult(
        imported.event_id, data["event"]["title"], created, counts, package.fingerprint, desk, confirmed
    )


def _event(manifest: dict[str, Any], columns: dict[str, Any]) -> tuple[ImportedEvent, bool]:
    origin, origin_event_id = manifest["source_database"], int(manifest["event_id"])
    values = event_values(columns)
    exported_at = manifest_time(manifest)
    imported = ImportedEvent.get_or_none(
        (ImportedEvent.origin == origin) & (ImportedEvent.origin_event_id == origin_event_id)
    )
    if imported is None:
        event = Event.create(**values)
        imported = ImportedEvent.create(
            event=event.id,
            origin=origin,
            origin_event_id=origin_event_id,
            package_id=manifest["package_id"],
            exported_at=exported_at,
        )
        return imported, True
    if exported_at < imported.exported_at:
        raise PackageError(
            f"Paket ini lebih lama ({exported_at:%d-%m-%Y %H.%M}) daripada paket yang sudah diimpor "
            f"({imported.exported_at:%d-%m-%Y %H.%M}). Impor paket terbaru dari kantor."
        )
    event = Event.get_by_id(imported.event_id)
    if any(getattr(event, name) != value for name, value in values.items()):
        Event.update(**values, updated_at=now()).where(Event.id == imported.event_id).execute()
    ImportedEvent.update(package_id=manifest["package_id"], exported_at=exported_at, imported_at=now()).where(
        ImportedEvent.id == imported.id
    ).execute()
    return imported, False


def _registrations(
    imported: ImportedEvent,
    rows: list[dict[str, Any]],
    people: dict[int, dict[str, Any]],
    counts: dict[str, int],
    progress: Progress,
) -> dict[int, int]:
    """Office registration id -> local id, creating, updating and retiring as the package says.

    Bulk reads and inserts: an event of thousands imports in a few queries per 500 rows.
    """
    known = {
        origin_id: (local_id, digest, person_id, (source, mode, cancelled_at, reason))
        for origin_id, local_id, digest, person_id, source, mode, cancelled_at, reason in ImportedRegistration.select(
            ImportedRegistration.origin_registration_id,
            ImportedRegistration.registration,
            ImportedRegistration.code_digest,
            Registration.person,
            Registration.source,
            Registration.mode,
            Registration.cancelled_at,
            Registration.cancel_reason,
        )
        .join(Registration)
        .where(ImportedRegistration.imported_event == imported.id)
        .tuples()
    }
    linked_people = {row["person"]: known[int(row["id"])][2] for row in rows if int(row["id"]) in known}
    progress.report(0, len(rows), "Mengimpor data orang…")
    person_ids = _people(people, linked_people)
    by_person: dict[int, int] = dict(
        Registration.select(Registration.person, Registration.id)
        .where(Registration.event == imported.event_id)
        .tuples()
    )
    local_ids: dict[int, int] = {}
    new_rows = []
    for row in rows:
        office_id, person_id = int(row["id"]), person_ids[row["person"]]
        values = {
            "source": row["source"],
            "mode": row["mode"],
            "cancelled_at": parse_datetime(row["cancelled_at"]),
            "cancel_reason": row["cancel_reason"],
        }
        if office_id in known:
            local_id, digest, current_person, current = known[office_id]
            if current != tuple(values.values()) or current_person != person_id or digest != row["code_digest"]:
                Registration.update(person=person_id, **values).where(Registration.id == local_id).execute()
                ImportedRegistration.update(code_digest=row["code_digest"]).where(
                    ImportedRegistration.registration == local_id
                ).execute()
                counts["registrations_updated"] += 1
            local_ids[office_id] = local_id
        elif person_id in by_person:  # the desk's own walk-in of this person: now the office's registration
            local_ids[office_id] = by_person[person_id]
            Registration.update(**values).where(Registration.id == by_person[person_id]).execute()
            ImportedRegistration.create(
                registration=by_person[person_id],
                imported_event=imported.id,
                origin_registration_id=office_id,
                code_digest=row["code_digest"],
            )
            counts["registrations_linked"] += 1
        else:
            new_rows.append((office_id, person_id, row, values))
    for done, chunk in _chunks(new_rows):
        Registration.insert_many(
            [
                {
                    "event": imported.event_id,
                    "person": person_id,
                    "created_at": parse_datetime(row["created_at"]) or now(),
                    **values,
                }
                for _, person_id, row, values in chunk
            ]
        ).execute()
        progress.report(done, len(new_rows), "Mengimpor peserta…")
        progress.check_cancelled()
    if new_rows:
        by_person = dict(
            Registration.select(Registration.person, Registration.id)
            .where(Registration.event == imported.event_id)
            .tuples()
        )
        for _, chunk in _chunks(new_rows):
            ImportedRegistration.insert_many(
                [
                    {
                        "registration": by_person[person_id],
                        "imported_event": imported.id,
                        "origin_registration_id": office_id,
                        "code_digest": row["code_digest"],
                    }
                    for office_id, person_id, row, _ in chunk
                ]
            ).execute()
        local_ids.update({office_id: by_person[person_id] for office_id, person_id, _, _ in new_rows})
        counts["registrations_new"] = len(new_rows)
    gone = [local_id for origin_id, (local_id, *_) in known.items() if origin_id not in local_ids]
    if gone:  # removed at the office: cancelled here, so the desk refuses with a reason and nothing is lost
        counts["registrations_removed"] = sum(
            Registration.update(cancelled_at=now(), cancel_reason=REMOVED_AT_OFFICE)
            .where(Registration.id.in_(chunk) & Registration.cancelled_at.is_null())
            .execute()
            for _, chunk in _chunks(gone)
        )
    return local_ids


T = TypeVar("T")


def _people(people: dict[int, dict[str, Any]], linked: dict[int, int]) -> dict[int, int]:
    """Office person id -> local person id: the one linked before, else by NIP, else by NIK, else new.

    A person found here takes the office's data (the office keeps the roster); phone and email,
    not in the package, stay as they are.
    """
    wanted = {office_id: _person_columns(values) for office_id, values in people.items()}
    by_nip = _ids_by(Person.nip, [columns["nip"] for columns in wanted.values() if columns["nip"]])
    by_nik = _ids_by(Person.nik, [columns["nik"] for columns in wanted.values() if columns["nik"]])
    looked_up = {
        office_id: linked.get(office_id) or by_nip.get(columns["nip"]) or by_nik.get(columns["nik"])
        for office_id, columns in wanted.items()
    }
    found = {office_id: local for office_id, local in looked_up.items() if local}
    if found:
        names = list(next(iter(wanted.values())))
        current = {}
        for _, chunk in _chunks(sorted(set(found.values()))):
            query = Person.select(Person.id, *(getattr(Person, name) for name in names)).where(Person.id.in_(chunk))
            current.update({row[0]: dict(zip(names, row[1:], strict=True)) for row in query.tuples()})
        for office_id, local in found.items():
            changes = {name: value for name, value in wanted[office_id].items() if current[local][name] != value}
            if changes:
                Person.update(**changes, updated_at=now()).where(Person.id == local).execute()
    new = [office_id for office_id in wanted if office_id not in found]
    keyed = [office_id for office_id in new if wanted[office_id]["nip"] or wanted[office_id]["nik"]]
    for _, chunk in _chunks(keyed):
        Person.insert_many([wanted[office_id] for office_id in chunk]).execute()
    created_nip = _ids_by(Person.nip, [wanted[o]["nip"] for o in keyed if wanted[o]["nip"]])
    created_nik = _ids_by(Person.nik, [wanted[o]["nik"] for o in keyed if wanted[o]["nik"]])
    for office_id in new:
        columns = wanted[office_id]
        found[office_id] = (
            created_nip.get(columns["nip"]) or created_nik.get(columns["nik"]) or Person.insert(**columns).execute()
        )  # no NIP or NIK: one at a time
    return found


def _person_columns(values: dict[str, Any]) -> dict[str, Any]:
    columns = {name: values.get(name) or "" for name in values if name != "id"}
    columns["nip"] = columns.get("nip") or None
    columns["nik"] = columns.get("nik") or None
    return columns


def _ids_by(column: Field[Any], keys: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for _, chunk in _chunks(keys):
        out.update(Person.select(column, Person.id).where(column.in_(chunk)).tuples())
    return out


def _chunks(items: list[T]) -> Iterator[tuple[int, list[T]]]:
    """(end index, chunk) pairs of at most 500: under SQLite's limit of bound variables."""
    for start in range(0, len(items), 500):
        yield min(start + 500, len(items)), items[start : start + 500]


def _checkins(rows: list[dict[str, Any]], local_ids: dict[int, int], event_id: int, counts: dict[str, int]) -> None:
    """The office's check-ins, so the desk answers 'already'; the earliest one stays."""
    current = {
        reg: (attendance_id, at)
        for attendance_id, reg, at in Attendance.select(
            Attendance.id, Attendance.registration, Attendance.checked_in_at
        )
        .join(Registration)
        .where(Registration.event == event_id)
        .tuples()
    }
    new = []
    for row in rows:
        local_id = local_ids[int(row["registration"])]
        at = parse_datetime(row["checked_in_at"])
        values = {"checked_in_at": at, "desk": row["desk"], "operator": row["operator"], "method": row["method"]}
        if local_id not in current:
            new.append({"registration": local_id, **values})
        elif at < current[local_id][1]:
            Attendance.update(**values).where(Attendance.id == current[local_id][0]).execute()
            counts["checkins_earlier"] += 1
    for _, chunk in _chunks(new):
        Attendance.insert_many(chunk).execute()
    counts["checkins_added"] = len(new)


def _signatures(
    rows: list[dict[str, Any]],
    local_ids: dict[int, int],
    files: dict[str, bytes],
    event_id: int,
    counts: dict[str, Any],
) -> None:
    """Signatures taken at the office fill the gaps here; one taken here is kept."""
    signed = {
        reg
        for (reg,) in Signature.select(Signature.registration)
        .join(Registration)
        .where(Registration.event == event_id)
        .tuples()
    }
    for row in rows:
        local_id = local_ids[int(row["registration"])]
        if local_id in signed:
            continue
        try:
            validate_png(files[row["file"]])
        except SignatureImageError:  # this one signature is left out, never the event's documents
            counts["signatures_refused"] += 1
            continue
        Signature.create(
            registration=local_id,
            png=files[row["file"]],
            desk=row["desk"],
            operator=row["operator"],
            created_at=parse_datetime(row["created_at"]) or now(),
        )
        counts["signatures_added"] += 1


__all__ = ["REMOVED_AT_OFFICE", "ImportResult", "event_values", "import_package"]
