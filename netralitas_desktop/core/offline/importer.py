"""Importing an event package on a desk laptop: create or update the event, idempotently.

The laptop keeps its own ids. ``ImportedEvent`` and ``ImportedRegistration`` remember the
office's ids and each invitation code's digest, so a second import of the same (or a
newer) package updates in place, and the desk accepts the office's codes (``qr_payload``).
The office is the master of the roster: people and registrations follow the package.
Check-ins and signatures already taken anywhere stay, and the earliest check-in wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from peewee import DateField, DateTimeField, DecimalField, IntegrityError, TimeField

from .. import audit
from ..jobs import Progress
from ..models import Attendance, Event, Person, Registration, Signature, db, now
from ..participants import find_person
from .models import ImportedEvent, ImportedRegistration
from .package_file import KIND_EVENT, PackageError, database_id, parse_datetime, read_package

REMOVED_AT_OFFICE = "Dihapus dari daftar peserta di kantor."


@dataclass(frozen=True)
class ImportResult:
    event_id: int
    title: str
    created: bool  # a new event on this laptop (else updated)
    counts: dict[str, int]

    def to_dict(self) -> dict:
        return {"event_id": self.event_id, "title": self.title, "created": self.created, "counts": self.counts}


def event_values(columns: dict) -> dict:
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


def import_package(source: str | Path, *, actor: audit.Actor | None = None,
                   progress: Progress | None = None) -> ImportResult:
    """Import an event package from the office; importing it again changes nothing."""
    progress = progress or Progress()
    package = read_package(source, KIND_EVENT)
    manifest, data = package.manifest, package.data
    if manifest.get("source_database") == database_id():
        raise PackageError(
            "Paket ini dibuat dari basis data ini sendiri. Impor paket di laptop meja, bukan di komputer kantor."
        )
    counts = dict.fromkeys(("registrations_new", "registrations_updated", "registrations_linked",
                            "registrations_removed",
                            "checkins_added", "checkins_earlier", "signatures_added"), 0)
    try:
        with db.atomic():
            imported, created = _event(manifest, data["event"])
            people = {person["id"]: person for person in data["people"]}
            local_ids = _registrations(imported, data["registrations"], people, counts, progress)
            _checkins(data["checkins"], local_ids, counts)
            _signatures(data["signatures"], local_ids, package.files, counts)
            audit.record("package.import", actor=actor, event_id=imported.event_id,
                         package_id=manifest["package_id"], origin_event_id=imported.origin_event_id,
                         created=created, **counts)
    except (KeyError, TypeError, ValueError) as err:
        if isinstance(err, PackageError):
            raise
        raise PackageError(f"Isi paket tidak lengkap atau tidak sah ({err}); tidak ada yang diimpor.") from err
    except IntegrityError as err:
        raise PackageError(
            f"Data paket bertabrakan dengan data di laptop ini ({err}); tidak ada yang diimpor."
        ) from err
    progress.report(1, 1, "Selesai.")
    return ImportResult(imported.event_id, data["event"]["title"], created, counts)


def _event(manifest: dict, columns: dict) -> tuple[ImportedEvent, bool]:
    origin, origin_event_id = manifest["source_database"], int(manifest["event_id"])
    values = event_values(columns)
    exported_at = parse_datetime(manifest["created_at"])
    imported = ImportedEvent.get_or_none((ImportedEvent.origin == origin)
                                         & (ImportedEvent.origin_event_id == origin_event_id))
    if imported is None:
        event = Event.create(**values)
        imported = ImportedEvent.create(event=event.id, origin=origin, origin_event_id=origin_event_id,
                                        package_id=manifest["package_id"], exported_at=exported_at)
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
        ImportedEvent.id == imported.id).execute()
    return imported, False


def _registrations(imported: ImportedEvent, rows: list[dict], people: dict, counts: dict,
                   progress: Progress) -> dict[int, int]:
    """Office registration id -> local id, creating, updating and retiring as the package says."""
    known = {
        origin_id: (local_id, digest) for local_id, origin_id, digest in
        ImportedRegistration.select(ImportedRegistration.registration, ImportedRegistration.origin_registration_id,
                                    ImportedRegistration.code_digest)
        .where(ImportedRegistration.imported_event == imported.id).tuples()
    }
    local_ids: dict[int, int] = {}
    for index, row in enumerate(rows):
        office_id = int(row["id"])
        person_id = _person(people[row["person"]], known.get(office_id, (None,))[0])
        values = {"source": row["source"], "mode": row["mode"],
                  "cancelled_at": parse_datetime(row["cancelled_at"]), "cancel_reason": row["cancel_reason"]}
        if office_id in known:
            local_id, digest = known[office_id]
            registration = Registration.get_by_id(local_id)
            current = {name: getattr(registration, name) for name in values}
            if current != values or registration.person_id != person_id or digest != row["code_digest"]:
                Registration.update(person=person_id, **values).where(Registration.id == local_id).execute()
                ImportedRegistration.update(code_digest=row["code_digest"]).where(
                    ImportedRegistration.registration == local_id).execute()
                counts["registrations_updated"] += 1
        else:
            local_id, linked = _new_registration(imported.event_id, person_id, row, values)
            ImportedRegistration.create(registration=local_id, imported_event=imported.id,
                                        origin_registration_id=office_id, code_digest=row["code_digest"])
            counts["registrations_linked" if linked else "registrations_new"] += 1
        local_ids[office_id] = local_id
        if index % 200 == 0:
            progress.report(index, len(rows), "Mengimpor peserta…")
            progress.check_cancelled()
    gone = [local_id for origin_id, (local_id, _) in known.items() if origin_id not in local_ids]
    if gone:  # removed at the office: cancelled here, so the desk refuses with a reason and nothing is lost
        counts["registrations_removed"] = (
            Registration.update(cancelled_at=now(), cancel_reason=REMOVED_AT_OFFICE)
            .where(Registration.id.in_(gone) & Registration.cancelled_at.is_null()).execute()
        )
    return local_ids


def _new_registration(event_id: int, person_id: int, row: dict, values: dict) -> tuple[int, bool]:
    """(local id, linked): a new registration, or the desk's own walk-in of that person, now the office's."""
    walk_in = Registration.get_or_none((Registration.event == event_id) & (Registration.person == person_id))
    if walk_in is None:
        created = Registration.create(event=event_id, person=person_id,
                                      created_at=parse_datetime(row["created_at"]) or now(), **values)
        return created.id, False
    Registration.update(**values).where(Registration.id == walk_in.id).execute()
    return walk_in.id, True


def _person(values: dict, local_registration_id: int | None) -> int:
    """The local person for a package person: the one already linked, else by NIP/NIK, else new."""
    columns = {name: values.get(name) or "" for name in values if name != "id"}
    columns["nip"] = columns.get("nip") or None
    columns["nik"] = columns.get("nik") or None
    person = None
    if local_registration_id is not None:
        person = Person.select().join(Registration).where(Registration.id == local_registration_id).first()
    person = person or find_person(columns["nip"] or "", columns["nik"] or "")
    if person is None:
        return Person.create(**columns).id
    changes = {name: value for name, value in columns.items() if getattr(person, name) != value}
    if changes:
        Person.update(**changes, updated_at=now()).where(Person.id == person.id).execute()
    return person.id


def _checkins(rows: list[dict], local_ids: dict[int, int], counts: dict) -> None:
    """The office's check-ins, so the desk answers 'already'; the earliest one stays."""
    for row in rows:
        local_id = local_ids[int(row["registration"])]
        at = parse_datetime(row["checked_in_at"])
        values = {"checked_in_at": at, "desk": row["desk"], "operator": row["operator"], "method": row["method"]}
        current = Attendance.get_or_none(Attendance.registration == local_id)
        if current is None:
            Attendance.create(registration=local_id, **values)
            counts["checkins_added"] += 1
        elif at < current.checked_in_at:
            Attendance.update(**values).where(Attendance.id == current.id).execute()
            counts["checkins_earlier"] += 1


def _signatures(rows: list[dict], local_ids: dict[int, int], files: dict[str, bytes], counts: dict) -> None:
    """Signatures taken at the office fill the gaps here; one taken here is kept."""
    for row in rows:
        local_id = local_ids[int(row["registration"])]
        if Signature.select().where(Signature.registration == local_id).exists():
            continue
        Signature.create(registration=local_id, png=files[row["file"]], desk=row["desk"], operator=row["operator"],
                         created_at=parse_datetime(row["created_at"]))
        counts["signatures_added"] += 1


__all__ = ["ImportResult", "import_package", "event_values", "REMOVED_AT_OFFICE"]
