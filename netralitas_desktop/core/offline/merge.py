"""Merging a desk laptop's check-ins back into the office database.

Rules, so several laptops and repeated merges agree and a forged file changes nothing:

* Authentic only: the return file must be signed by the laptop key confirmed for this event
  (``keys.trust``; the first file of a laptop asks for its fingerprint), and the laptop must
  have imported a package signed by this office.
* Idempotent: every laptop check-in considered is remembered (``MergedCheckin``), and a
  laptop's walk-in keeps the office registration it became (``MergedRegistration``), so
  merging a file again, or a later file holding the same check-ins, changes nothing.
* A laptop record never replaces one the office already holds: a check-in or signature
  already here stays, and the laptop's is reported as a conflict, never silently lost.
* A check-in outside the event's day (``CHECKIN_MARGIN`` either side) is refused and listed.
* Walk-ins wait in a review list (``PendingWalkIn``, see ``walk_ins``); once approved they
  become people and registrations here, matched by NIP, then NIK, then (without either) by
  name and unit kerja. A registration deleted here since the export is made again.
* A signature image that does not decode is refused for its record only, never the event.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .. import audit
from ..events import NotFoundError
from ..jobs import Progress
from ..models import Attendance, Event, Person, Registration, Signature, now
from ..names import fold, full_name, name_key
from ..participants import PersonData, clean_person, find_person, register, upsert_person
from ..signatures import SignatureImageError, validate_png
from ..transactions import write_transaction
from . import keys
from .merge_report import CONFLICT_TEXT, COUNT_KEYS, Conflict, MergeReport
from .models import MergedCheckin, MergedRegistration, MergeLog, PendingWalkIn
from .package_file import KIND_CHECKINS, PackageError, database_id, parse_datetime, read_package
from .schema import check_return_file

CHECKIN_MARGIN = dt.timedelta(days=1)  # a laptop clock a little off, an evening session past midnight


def merge_checkins(
    source: str | Path,
    *,
    actor: audit.Actor | None = None,
    progress: Progress | None = None,
    desk_key: str | None = None,
) -> MergeReport:
    """Merge a laptop's return file into this (office) database, in one transaction.

    ``desk_key``: the laptop key's fingerprint as compared with the laptop's screen, needed for
    the first file of each laptop (``keys.KeyNotConfirmedError`` carries the fingerprint to show).
    """
    progress = progress or Progress()
    actor = actor or audit.Actor.default()
    name = Path(source).name
    package = read_package(source, KIND_CHECKINS)
    check_return_file(package.data, package.files, name)
    manifest = package.manifest
    if manifest.get("office_database") != database_id():
        raise PackageError(
            "Berkas kehadiran ini berasal dari paket basis data lain, bukan dari basis data ini. "
            "Gabungkan di komputer kantor yang membuat paket kegiatannya."
        )
    if manifest.get("office_signing_key") != keys.public_bytes(keys.office_key()).hex():
        raise PackageError(
            f"Berkas {name} dibuat dari paket kegiatan yang tidak ditandatangani kunci kantor ini (atau dari versi "
            "lama tanpa tanda tangan), jadi tidak dapat dipercaya. Tidak ada yang digabung. Di laptop itu, impor "
            "paket kegiatan terbaru dari kantor ini, lalu buat berkas kehadiran lagi."
        )
    event_id = manifest.get("office_event_id")
    event = Event.get_or_none(Event.id == event_id) if isinstance(event_id, int) and event_id > 0 else None
    if event is None:
        raise NotFoundError(
            f"Kegiatan \u201c{str(manifest.get('event_title', ''))[:300]}\u201d (nomor {str(event_id)[:20]}) tidak ada "
            "di basis data ini, jadi kehadirannya tidak dapat digabung."
        )
    laptop = manifest["source_database"]
    report = MergeReport(
        event.id,
        event.title,
        laptop,
        [str(desk)[:100] for desk in manifest.get("desks") or []][:50],
        MergeLog.select().where(MergeLog.package_id == manifest["package_id"]).exists(),
        package.fingerprint,
    )
    entries = package.data["entries"]
    try:
        with write_transaction():
            report.desk_key_confirmed = keys.trust(
                keys.ROLE_DESK, laptop, package.signing_key, event_id=event_id, confirmed=desk_key, actor=actor
            )
            merger = _Merger(event, laptop, package.files, report, actor, manifest["package_id"])
            for index, entry in enumerate(entries):
                merger.merge(entry)
                if index % 100 == 0:
                    progress.report(index, len(entries), "Menggabungkan kehadiran…")
                    progress.check_cancelled()
            merger.finish()
            report.counts["entries"] = len(entries)
            MergeLog.create(
                event=event_id,
                source=laptop,
                package_id=manifest["package_id"],
                desk=actor.desk,
                operator=actor.operator,
                counts=json.dumps(report.counts, sort_keys=True),
            )
            audit.record(
                "package.merge",
                actor=actor,
                event_id=event_id,
                package_id=manifest["package_id"],
                source=laptop,
                desks=report.desks,
                fingerprint=report.desk_fingerprint,
                **report.counts,
            )
    except (KeyError, TypeError, ValueError) as err:
        if isinstance(err, PackageError):
            raise
        raise PackageError(
            f"Isi berkas kehadiran tidak lengkap atau tidak sah ({err}); tidak ada yang digabung."
        ) from err
    progress.report(1, 1, "Selesai.")
    return report


def event_window(date: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The times a check-in of an event held on ``date`` may carry: the day, ``CHECKIN_MARGIN`` either side."""
    start = dt.datetime.combine(date, dt.time())
    return start - CHECKIN_MARGIN, start + dt.timedelta(days=1) + CHECKIN_MARGIN


_Attendance = tuple[int, int, dt.datetime, str, str]  # (id, registration, checked in at, desk, operator)


class _Merger:
    """Merges entries one by one against the event's state, read once up front (a few queries, not a
    few per entry) and kept current as entries change it. ``walk_ins.approve`` uses it too."""

    def __init__(
        self,
        event: Event,
        laptop: str,
        files: dict[str, bytes],
        report: MergeReport,
        actor: audit.Actor,
        package_id: str = "",
    ) -> None:
        self.event_id, self.laptop, self.files, self.report, self.actor = event.id, laptop, files, report, actor
        self.package_id = package_id
        self.window = event_window(event.date)
        self.counts = report.counts
        in_event = Registration.event == event.id
        self.cancelled: dict[int, bool] = dict(
            Registration.select(Registration.id, Registration.cancelled_at.is_null(False)).where(in_event).tuples()
        )
        self.mapped: dict[int, int] = dict(
            MergedRegistration.select(MergedRegistration.source_registration_id, MergedRegistration.registration)
            .join(Registration)
            .where((MergedRegistration.source == laptop) & in_event)
            .tuples()
        )
        self.seen = set(
            MergedCheckin.select(MergedCheckin.registration, MergedCheckin.checked_in_at, MergedCheckin.desk)
            .join(Registration)
            .where((MergedCheckin.source == laptop) & in_event)
            .tuples()
        )
        self.attendance = {
            row[1]: row
            for row in Attendance.select(
                Attendance.id, Attendance.registration, Attendance.checked_in_at, Attendance.desk, Attendance.operator
            )
            .join(Registration)
            .where(in_event)
            .tuples()
        }
        self.new_seen: list[dict[str, Any]] = []
        self._no_id: dict[tuple[str, str], int] | None = None

    def finish(self) -> None:
        """Write the check-ins considered, in bulk."""
        for start in range(0, len(self.new_seen), 500):
            MergedCheckin.insert_many(self.new_seen[start : start + 500]).execute()

    def merge(self, entry: dict[str, Any], *, approved: bool = False) -> int | None:
        """One entry; a walk-in not yet approved goes to the review list. Returns the registration id."""
        if entry["office_registration"] is None and entry["local_registration"] not in self.mapped and not approved:
            self._queue_walk_in(entry)
            return None
        if entry["checkin"] and not self._inside_day(entry["checkin"]):
            self._refuse_outside_day(entry)
            return None
        registration_id = self._registration(entry)
        outcome = self._checkin(registration_id, entry["checkin"]) if entry["checkin"] else None
        if entry["signature"]:
            self._signature(registration_id, entry["signature"], outcome)
        return registration_id

    def _inside_day(self, checkin: dict[str, Any]) -> bool:
        at = parse_datetime(checkin["checked_in_at"])
        return at is not None and self.window[0] <= at < self.window[1]

    def _refuse_outside_day(self, entry: dict[str, Any]) -> None:
        self.counts["refused_outside_day"] += 1
        office_id = entry["office_registration"]
        if office_id in self.cancelled:
            name = self._name(office_id)
        else:
            person = entry["person"]
            name = full_name(person.get("gelar_depan", ""), person.get("nama", ""), person.get("gelar_belakang", ""))
        checkin = entry["checkin"]
        self._report("outside_day", office_id, name, checkin, None)

    # --- walk-ins waiting for review --------------------------------------------------------------

    def _queue_walk_in(self, entry: dict[str, Any]) -> None:
        """Keep a laptop's walk-in for the office to review (``walk_ins``); it counts nowhere yet."""
        waiting = PendingWalkIn.get_or_none(
            (PendingWalkIn.source == self.laptop)
            & (PendingWalkIn.source_registration_id == entry["local_registration"])
        )
        if waiting is not None and waiting.status != "pending":
            self.counts["walk_ins_rejected_before"] += 1  # approved ones are mapped and never come here
            return
        if entry["checkin"] and not self._inside_day(entry["checkin"]):
            self._refuse_outside_day(entry)
            return
        png, meta = None, None
        if entry["signature"]:
            png = self._checked_png(entry["signature"])
            meta = json.dumps({k: entry["signature"][k] for k in ("created_at", "desk", "operator")}) if png else None
        values = {
            "mode": entry["mode"],
            "person": json.dumps(entry["person"], ensure_ascii=False, sort_keys=True),
            "checkin": json.dumps(entry["checkin"], sort_keys=True) if entry["checkin"] else None,
            "signature": png,
            "signature_meta": meta,
        }
        if waiting is None:
            PendingWalkIn.create(
                event=self.event_id,
                source=self.laptop,
                source_registration_id=entry["local_registration"],
                package_id=self.package_id,
                **values,
            )
            self.counts["walk_ins_pending"] += 1
            return
        self.counts["walk_ins_waiting"] += 1
        current = {name: getattr(waiting, name) for name in values}
        if current["signature"] is not None:
            current["signature"] = bytes(current["signature"])
        if current != values:  # a later file of the same laptop: what it says now
            PendingWalkIn.update(**values, package_id=self.package_id).where(PendingWalkIn.id == waiting.id).execute()

    # --- registrations --------------------------------------------------------------------------

    def _registration(self, entry: dict[str, Any]) -> int:
        office_id: int | None = entry["office_registration"]
        if office_id is not None and office_id in self.cancelled:  # still registered for this event here
            return office_id
        mapped = self.mapped.get(entry["local_registration"])
        if mapped:
            return mapped
        person_id = self._person(entry["person"])
        source = "walk_in" if office_id is None else "invited"
        registration, created = register(self.event_id, person_id, source=source, mode=entry["mode"])
        if created:
            self.counts["walk_ins" if office_id is None else "registrations_recreated"] += 1
            audit.record(
                "participant.merge",
                actor=self.actor,
                event_id=self.event_id,
                registration_id=registration.id,
                source=self.laptop,
                walk_in=office_id is None,
            )
        elif office_id is None:
            self.counts["walk_ins_known"] += 1
        MergedRegistration.create(
            source=self.laptop, source_registration_id=entry["local_registration"], registration=registration.id
        )
        self.mapped[entry["local_registration"]] = registration.id
        self.cancelled.setdefault(registration.id, registration.cancelled_at is not None)
        return registration.id

    def _person(self, values: dict[str, Any]) -> int:
        data = PersonData(**{name: str(value or "") for name, value in values.items()})
        cleaned, errors = clean_person(data)
        if errors.keys() & {"nip", "nik"}:  # keep what the desk typed rather than lose the person
            cleaned.nip, cleaned.nik = "", ""
        if cleaned.nip or cleaned.nik:
            person = find_person(cleaned.nip, cleaned.nik)
            if person is not None:
                return person.id
        else:
            found = self._without_id().get(_name_unit(cleaned.full_name, cleaned.unit_kerja))
            if found is not None:
                return found
        self.counts["people_new"] += 1
        person = upsert_person(cleaned)[0]
        if not (cleaned.nip or cleaned.nik):
            self._without_id()[_name_unit(cleaned.full_name, cleaned.unit_kerja)] = person.id
        return person.id

    def _without_id(self) -> dict[tuple[str, str], int]:
        """People without NIP or NIK by (bare name, unit kerja), folded; read once, at the first such walk-in."""
        if self._no_id is None:
            query = (
                Person.select(Person.id, Person.gelar_depan, Person.nama, Person.gelar_belakang, Person.unit_kerja)
                .where(Person.nip.is_null() & Person.nik.is_null())
                .order_by(Person.id.desc())
                .tuples()
            )
            self._no_id = {
                _name_unit(full_name(depan, nama, belakang), unit): person_id
                for person_id, depan, nama, belakang, unit in query
            }  # the oldest wins
        return self._no_id

    # --- check-ins and signatures ------------------------------------------------------------------

    def _checkin(self, registration_id: int, checkin: dict[str, Any]) -> str:
        """``new``, ``already`` (this very record), or ``kept`` (the office's own record stays)."""
        at, desk, operator = parse_datetime(checkin["checked_in_at"]), checkin["desk"], checkin["operator"]
        if (registration_id, at, desk) in self.seen:
            self.counts["checkins_already"] += 1
            return "already"
        self.seen.add((registration_id, at, desk))
        self.new_seen.append(
            {"source": self.laptop, "registration": registration_id, "checked_in_at": at, "desk": desk}
        )
        office = self.attendance.get(registration_id)  # (id, registration, at, desk, operator)
        values = {"checked_in_at": at, "desk": desk, "operator": operator, "method": checkin["method"]}
        if office is not None and (office[2], office[3]) == (at, desk):
            self.counts["checkins_already"] += 1
            return "already"
        if office is not None:  # earlier or later: a laptop never replaces what the office holds
            self.counts["office_kept"] += 1
            self._report("office_kept", registration_id, self._name(registration_id), values, office)
            return "kept"
        attendance_id = Attendance.insert(registration=registration_id, **values).execute()
        self.counts["checkins_new"] += 1
        if self.cancelled.get(registration_id):
            self.counts["cancelled_here"] += 1
            self._report("cancelled", registration_id, self._name(registration_id), values, None)
        self.attendance[registration_id] = (attendance_id, registration_id, at, desk, operator)
        audit.record(
            "checkin.merge",
            actor=audit.Actor(desk, operator),
            event_id=self.event_id,
            registration_id=registration_id,
            checked_in_at=at,
            method=checkin["method"],
            source=self.laptop,
            merged_by_desk=self.actor.desk,
            merged_by_operator=self.actor.operator,
        )
        return "new"

    def _checked_png(self, signature: dict[str, Any]) -> bytes | None:
        png = self.files[signature["file"]]
        try:
            validate_png(png)
        except SignatureImageError:  # refused for this record only: the event's documents stay sound
            self.counts["signatures_refused"] += 1
            return None
        return png

    def _signature(self, registration_id: int, signature: dict[str, Any], outcome: str | None) -> None:
        png = self._checked_png(signature)
        if png is None:
            return
        office = Signature.get_or_none(Signature.registration == registration_id)
        if office is not None:
            if bytes(office.png) != png:
                self.counts["signatures_kept"] += 1  # the office's own signature stays
            return
        Signature.create(
            registration=registration_id,
            png=png,
            created_at=parse_datetime(signature["created_at"]) or now(),
            desk=signature["desk"],
            operator=signature["operator"],
        )
        self.counts["signatures_added"] += 1
        audit.record(
            "signature.merge",
            actor=self.actor,
            event_id=self.event_id,
            registration_id=registration_id,
            bytes=len(png),
            replaced=False,
            source=self.laptop,
            with_checkin=outcome,
        )

    def _name(self, registration_id: int) -> str:
        row = (
            Person.select(Person.gelar_depan, Person.nama, Person.gelar_belakang)
            .join(Registration)
            .where(Registration.id == registration_id)
            .tuples()
            .first()
        )
        return full_name(*row) if row else ""

    def _report(
        self, kind: str, registration_id: int | None, name: str, desk: dict[str, Any], office: _Attendance | None
    ) -> None:
        self.counts["conflicts"] += 1
        at = desk["checked_in_at"]
        self.report.conflicts.append(
            Conflict(
                registration_id,
                name,
                kind,
                _time(parse_datetime(at) if isinstance(at, str) else at),
                desk["desk"],
                desk["operator"],
                *((_time(office[2]), office[3], office[4]) if office else ("", "", "")),
            )
        )


def _name_unit(name: str, unit: str) -> tuple[str, str]:
    return name_key(name), fold(unit)


def _time(value: dt.datetime | None) -> str:
    return value.strftime("%d-%m-%Y %H.%M.%S") if value else ""


__all__ = ["CHECKIN_MARGIN", "CONFLICT_TEXT", "COUNT_KEYS", "Conflict", "MergeReport", "event_window", "merge_checkins"]
