"""Writing packages: an event for the desk laptops (office), its check-ins coming back (laptop).

The event package holds what a desk needs to check people in without the office: the
event, its people (no phone or email: the desk does not need them), every registration
(cancelled ones too, so the desk refuses them with the same reason), the check-ins and
signatures taken so far, and per registration the SHA-256 of its invitation payload. The
QR secret itself stays in this database (see ``qr_payload``). The office signs the package
with its package key, the laptop its return file with the key it made at import (``keys``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import audit, qr_payload
from ..documents import safe_filename
from ..events import NotFoundError
from ..jobs import Progress
from ..models import Attendance, Event, Person, Registration, Signature
from . import keys
from .models import ImportedEvent, ImportedRegistration, TrustedKey
from .package_file import (
    FILE_EXTENSION,
    KIND_CHECKINS,
    KIND_EVENT,
    Package,
    PackageError,
    new_manifest,
    write_package,
)

# Person columns in packages. The event package leaves out phone and email (not needed at a desk).
PERSON_COLUMNS = (
    "nip",
    "nik",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "sex",
    "employment_type",
    "golongan",
    "jabatan",
    "unit_kerja",
)
WALK_IN_PERSON_COLUMNS = (*PERSON_COLUMNS, "phone", "email")
_EVENT_SKIPPED = ("id", "created_at", "updated_at")


@dataclass(frozen=True)
class ExportResult:
    path: str
    kind: str
    package_id: str
    event_id: int
    title: str
    counts: dict[str, int]
    fingerprint: str = ""  # of the key that signed it: to compare on the receiving computer

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind,
            "package_id": self.package_id,
            "event_id": self.event_id,
            "title": self.title,
            "counts": self.counts,
            "fingerprint": self.fingerprint,
        }


def event_columns(event: Event) -> dict[str, Any]:
    """The event's own columns, JSON-ready (see ``importer.event_values`` for the way back)."""
    out = {}
    for name in Event._meta.fields:
        if name in _EVENT_SKIPPED:
            continue
        value = getattr(event, name)
        out[name] = str(value) if isinstance(value, Decimal) else value
    return out


def export_event_package(
    event_id: int, target: str | Path, *, actor: audit.Actor | None = None, progress: Progress | None = None
) -> ExportResult:
    """Write the package of one event for the desk laptops (run on the office PC)."""
    progress = progress or Progress()
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
    if ImportedEvent.select().where(ImportedEvent.event == event_id).exists():
        raise PackageError(
            "Kegiatan ini berasal dari paket kantor; paket untuk laptop meja hanya dibuat dari komputer kantor."
        )
    progress.report(0, 0, "Membaca peserta…")
    people: dict[int, dict[str, Any]] = {}
    registrations = []
    query = (
        Registration.select(Registration, Person)
        .join(Person)
        .where(Registration.event == event_id)
        .order_by(Registration.id)
    )
    for registration in query:
        person = registration.person
        people.setdefault(person.id, {"id": person.id, **_person(person, PERSON_COLUMNS)})
        registrations.append(
            {
                "id": registration.id,
                "person": person.id,
                "source": registration.source,
                "mode": registration.mode,
                "created_at": registration.created_at,
                "cancelled_at": registration.cancelled_at,
                "cancel_reason": registration.cancel_reason,
                "code_digest": qr_payload.payload_digest(qr_payload.encode(event_id, registration.id)),
            }
        )
        progress.check_cancelled()
    checkins = [
        _checkin(attendance) | {"registration": attendance.registration_id}
        for attendance in Attendance.select().join(Registration).where(Registration.event == event_id)
    ]
    signatures, files = [], {}
    for signature in Signature.select().join(Registration).where(Registration.event == event_id):
        name = f"signatures/{signature.registration_id}.png"
        files[name] = bytes(signature.png)
        signatures.append(_signature(signature, name) | {"registration": signature.registration_id})
        progress.check_cancelled()
    counts = {
        "people": len(people),
        "registrations": len(registrations),
        "checkins": len(checkins),
        "signatures": len(signatures),
    }
    manifest = new_manifest(
        KIND_EVENT, event_id=event_id, event_title=event.title, event_date=event.date, counts=counts
    )
    data = {
        "event": event_columns(event),
        "people": list(people.values()),
        "registrations": registrations,
        "checkins": checkins,
        "signatures": signatures,
    }
    progress.report(0, 0, "Menulis paket…")
    package = Package(manifest, data, files)
    path = write_package(target, package, keys.office_key())
    audit.record("package.export", actor=actor, event_id=event_id, package_id=manifest["package_id"], **counts)
    progress.report(1, 1, "Selesai.")
    return ExportResult(
        str(path), KIND_EVENT, manifest["package_id"], event_id, event.title, counts, package.fingerprint
    )


def export_checkins(
    event_id: int, target: str | Path, *, actor: audit.Actor | None = None, progress: Progress | None = None
) -> ExportResult:
    """Write this laptop's check-ins, signatures and walk-ins of an imported event (for the office)."""
    progress = progress or Progress()
    imported = ImportedEvent.get_or_none(ImportedEvent.event == event_id)
    if imported is None:
        if not Event.select().where(Event.id == event_id).exists():
            raise NotFoundError(f"Kegiatan nomor {event_id} tidak ditemukan.")
        raise PackageError(
            "Kegiatan ini tidak berasal dari paket kantor, jadi tidak ada kehadiran untuk dikirim ke kantor. "
            "Berkas kehadiran dibuat di laptop meja yang mengimpor paket kegiatan."
        )
    office_ids: dict[int, int] = dict(
        ImportedRegistration.select(ImportedRegistration.registration, ImportedRegistration.origin_registration_id)
        .where(ImportedRegistration.imported_event == imported.id)
        .tuples()
    )
    attendance = {
        a.registration_id: a for a in Attendance.select().join(Registration).where(Registration.event == event_id)
    }
    signatures = {
        s.registration_id: s for s in Signature.select().join(Registration).where(Registration.event == event_id)
    }
    entries: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    query = (
        Registration.select(Registration, Person)
        .join(Person)
        .where(Registration.event == event_id)
        .order_by(Registration.id)
    )
    for registration in query:
        office_id = office_ids.get(registration.id)
        checkin, signature = attendance.get(registration.id), signatures.get(registration.id)
        if office_id is not None and checkin is None and signature is None:
            continue  # nothing happened to it here
        entry: dict[str, Any] = {
            "local_registration": registration.id,
            "office_registration": office_id,
            "source": registration.source,
            "mode": registration.mode,
            "person": _person(registration.person, WALK_IN_PERSON_COLUMNS),
            "checkin": _checkin(checkin) if checkin else None,
            "signature": None,
        }
        if signature is not None:
            name = f"signatures/{registration.id}.png"
            files[name] = bytes(signature.png)
            entry["signature"] = _signature(signature, name)
        entries.append(entry)
        progress.check_cancelled()
    counts = {
        "entries": len(entries),
        "checkins": sum(1 for e in entries if e["checkin"]),
        "walk_ins": sum(1 for e in entries if e["office_registration"] is None),
        "signatures": sum(1 for e in entries if e["signature"]),
    }
    desks = sorted({e["checkin"]["desk"] for e in entries if e["checkin"] and e["checkin"]["desk"]})
    event = Event.get_by_id(event_id)
    office = TrustedKey.get_or_none(
        (TrustedKey.role == keys.ROLE_OFFICE) & (TrustedKey.source == imported.origin) & TrustedKey.event.is_null()
    )
    manifest = new_manifest(
        KIND_CHECKINS,
        office_signing_key=office.public_key if office else "",
        office_database=imported.origin,
        office_event_id=imported.origin_event_id,
        office_package_id=imported.package_id,
        event_title=event.title,
        event_date=event.date,
        desks=desks,
        counts=counts,
    )
    package = Package(manifest, {"entries": entries}, files)
    path = write_package(target, package, keys.desk_key(imported.origin, imported.origin_event_id))
    audit.record("package.export_checkins", actor=actor, event_id=event_id, package_id=manifest["package_id"], **counts)
    progress.report(1, 1, "Selesai.")
    return ExportResult(
        str(path), KIND_CHECKINS, manifest["package_id"], event_id, event.title, counts, package.fingerprint
    )


def _person(person: Person, columns: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(person, name) or "" for name in columns}


def _checkin(attendance: Attendance) -> dict[str, Any]:
    return {
        "checked_in_at": attendance.checked_in_at,
        "desk": attendance.desk,
        "operator": attendance.operator,
        "method": attendance.method,
    }


def _signature(signature: Signature, name: str) -> dict[str, Any]:
    return {"file": name, "created_at": signature.created_at, "desk": signature.desk, "operator": signature.operator}


def default_filename(title: str, date: dt.date | None, kind: str, desk: str = "") -> str:
    """A file name the committee recognises on a USB stick."""
    what = "Paket meja" if kind == KIND_EVENT else f"Kehadiran {desk}".strip()
    when = f" {date.isoformat()}" if date else ""
    return safe_filename(f"{what} - {title}{when}", FILE_EXTENSION)


__all__ = [
    "PERSON_COLUMNS",
    "WALK_IN_PERSON_COLUMNS",
    "ExportResult",
    "default_filename",
    "event_columns",
    "export_checkins",
    "export_event_package",
]
