"""Merging a desk laptop's check-ins back into the office database.

Rules, so several laptops and repeated merges agree:

* Idempotent: every laptop check-in considered is remembered (``MergedCheckin``), and a
  laptop's walk-in keeps the office registration it became (``MergedRegistration``), so
  merging a file again, or a later file holding the same check-ins, changes nothing.
* The earliest check-in wins: it keeps its own time, desk and operator. When two desks
  checked in the same person, the later one is reported as a conflict, never silently lost.
* Walk-ins become people and registrations here, matched by NIP, then NIK, then (without
  either) by name and unit kerja; a registration deleted here since the export is made again.
* A signature fills a gap; if both sides have different ones, the one taken with the
  earliest check-in stays.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import audit
from ..events import NotFoundError
from ..jobs import Progress
from ..models import Attendance, Event, Person, Registration, Signature
from ..names import fold, full_name, name_key
from ..participants import PersonData, clean_person, find_person, register, upsert_person
from ..transactions import write_transaction
from .models import MergedCheckin, MergedRegistration, MergeLog
from .package_file import KIND_CHECKINS, PackageError, database_id, parse_datetime, read_package

COUNT_KEYS = (
    "entries",
    "checkins_new",
    "checkins_already",
    "earlier_wins",
    "later_ignored",
    "cancelled_here",
    "conflicts",
    "walk_ins",
    "walk_ins_known",
    "registrations_recreated",
    "people_new",
    "signatures_added",
    "signatures_replaced",
    "signatures_kept",
)

CONFLICT_TEXT = {
    "earlier_wins": "kehadiran di {desk_desk} lebih awal ({desk_at}); menggantikan catatan {office_desk} ({office_at})",
    "later_ignored": "sudah hadir di {office_desk} ({office_at}); catatan {desk_desk} ({desk_at}) diabaikan",
    "cancelled": "pendaftarannya dibatalkan di kantor, tetapi tercatat hadir di {desk_desk} ({desk_at})",
}


@dataclass(frozen=True)
class Conflict:
    registration_id: int
    name: str
    kind: str  # earlier_wins | later_ignored | cancelled
    desk_at: str
    desk_desk: str
    desk_operator: str
    office_at: str = ""
    office_desk: str = ""
    office_operator: str = ""

    @property
    def description(self) -> str:
        """What happened, without the name (for a table with a name column)."""
        return CONFLICT_TEXT[self.kind].format(**asdict(self))

    @property
    def text(self) -> str:
        return f"{self.name}: {self.description}"


@dataclass
class MergeReport:
    event_id: int
    title: str
    source: str  # the laptop database id
    desks: list[str]
    merged_before: bool  # this very file was merged before
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.counts[key] for key in COUNT_KEYS if key not in ("entries", "checkins_already"))

    def lines(self) -> list[str]:
        """The report in Bahasa Indonesia, one line per figure worth saying."""
        c = self.counts
        desks = f" (meja: {', '.join(self.desks)})" if self.desks else ""
        lines = [f"Berkas kehadiran kegiatan \u201c{self.title}\u201d: {c['entries']} catatan{desks}."]
        if self.merged_before:
            lines.append("Berkas ini sudah pernah digabung sebelumnya.")
        for key, label in (
            ("checkins_new", "Kehadiran baru"),
            ("checkins_already", "Sudah ada (tidak berubah)"),
            ("earlier_wins", "Lebih awal di meja offline (menggantikan)"),
            ("later_ignored", "Lebih lambat di meja offline (diabaikan)"),
            ("conflicts", "Konflik dilaporkan"),
            ("walk_ins", "Peserta tanpa undangan didaftarkan"),
            ("walk_ins_known", "Tanpa undangan, sudah terdaftar"),
            ("registrations_recreated", "Pendaftaran dibuat ulang"),
            ("people_new", "Orang baru"),
            ("signatures_added", "Tanda tangan ditambahkan"),
            ("signatures_replaced", "Tanda tangan diganti"),
        ):
            if c[key] or key in ("checkins_new", "checkins_already", "conflicts", "walk_ins"):
                lines.append(f"{label}: {c[key]}")
        if not self.changed:
            lines.append("Tidak ada yang berubah.")
        return lines

    def to_dict(self) -> dict:
        return {
            "event_id": self.event_id,
            "title": self.title,
            "source": self.source,
            "desks": self.desks,
            "merged_before": self.merged_before,
            "counts": self.counts,
            "changed": self.changed,
            "conflicts": [asdict(conflict) | {"text": conflict.text} for conflict in self.conflicts],
        }


def merge_checkins(
    source: str | Path, *, actor: audit.Actor | None = None, progress: Progress | None = None
) -> MergeReport:
    """Merge a laptop's return file into this (office) database, in one transaction."""
    progress = progress or Progress()
    actor = actor or audit.Actor.default()
    package = read_package(source, KIND_CHECKINS)
    manifest = package.manifest
    if manifest.get("office_database") != database_id():
        raise PackageError(
            "Berkas kehadiran ini berasal dari paket basis data lain, bukan dari basis data ini. "
            "Gabungkan di komputer kantor yang membuat paket kegiatannya."
        )
    event_id = int(manifest["office_event_id"])
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise NotFoundError(
            f"Kegiatan \u201c{manifest.get('event_title', '')}\u201d (nomor {event_id}) sudah dihapus dari basis data "
            "ini, jadi kehadirannya tidak dapat digabung."
        )
    laptop = manifest["source_database"]
    report = MergeReport(
        event_id,
        event.title,
        laptop,
        list(manifest.get("desks") or []),
        MergeLog.select().where(MergeLog.package_id == manifest["package_id"]).exists(),
    )
    entries = package.data["entries"]
    try:
        with write_transaction():
            merger = _Merger(event_id, laptop, package.files, report, actor)
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


class _Merger:
    """Merges entries one by one against the event's state, read once up front (a few queries, not a
    few per entry) and kept current as entries change it."""

    def __init__(
        self, event_id: int, laptop: str, files: dict[str, bytes], report: MergeReport, actor: audit.Actor
    ) -> None:
        self.event_id, self.laptop, self.files, self.report, self.actor = event_id, laptop, files, report, actor
        self.counts = report.counts
        in_event = Registration.event == event_id
        self.cancelled = dict(
            Registration.select(Registration.id, Registration.cancelled_at.is_null(False)).where(in_event).tuples()
        )
        self.mapped = dict(
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
        self.new_seen: list[dict] = []
        self._no_id: dict[tuple[str, str], int] | None = None

    def finish(self) -> None:
        """Write the check-ins considered, in bulk."""
        for start in range(0, len(self.new_seen), 500):
            MergedCheckin.insert_many(self.new_seen[start : start + 500]).execute()

    def merge(self, entry: dict) -> None:
        registration_id = self._registration(entry)
        outcome = self._checkin(registration_id, entry["checkin"]) if entry["checkin"] else None
        if entry["signature"]:
            self._signature(registration_id, entry["signature"], outcome)

    # --- registrations --------------------------------------------------------------------------

    def _registration(self, entry: dict) -> int:
        office_id = entry["office_registration"]
        if office_id in self.cancelled:  # still registered for this event here
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

    def _person(self, values: dict) -> int:
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
            self._no_id[_name_unit(cleaned.full_name, cleaned.unit_kerja)] = person.id
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

    def _checkin(self, registration_id: int, checkin: dict) -> str:
        """``new``, ``earlier`` (replaced the office's), ``already`` or ``later``."""
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
        if office is not None and office[2] <= at:
            self._conflict("later_ignored", registration_id, values, office)
            return "later"
        if office is None:
            attendance_id = Attendance.insert(registration=registration_id, **values).execute()
            self.counts["checkins_new"] += 1
            if self.cancelled.get(registration_id):
                self._conflict("cancelled", registration_id, values, None)
        else:
            attendance_id = office[0]
            Attendance.update(**values).where(Attendance.id == attendance_id).execute()
            self.counts["earlier_wins"] += 1
            self._conflict("earlier_wins", registration_id, values, office)
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
            replaced_desk=office[3] if office else None,
        )
        return "earlier" if office else "new"

    def _signature(self, registration_id: int, signature: dict, outcome: str | None) -> None:
        png = self.files[signature["file"]]
        office = Signature.get_or_none(Signature.registration == registration_id)
        values = {
            "png": png,
            "created_at": parse_datetime(signature["created_at"]),
            "desk": signature["desk"],
            "operator": signature["operator"],
        }
        if office is not None and bytes(office.png) == png:
            return
        if office is None:
            Signature.create(registration=registration_id, **values)
            self.counts["signatures_added"] += 1
        elif outcome in ("new", "earlier"):
            Signature.update(**values).where(Signature.id == office.id).execute()
            self.counts["signatures_replaced"] += 1
        else:
            self.counts["signatures_kept"] += 1
            return
        audit.record(
            "signature.merge",
            actor=self.actor,
            event_id=self.event_id,
            registration_id=registration_id,
            bytes=len(png),
            replaced=office is not None,
            source=self.laptop,
        )

    def _conflict(self, kind: str, registration_id: int, desk: dict, office: tuple | None) -> None:
        if kind == "later_ignored":
            self.counts["later_ignored"] += 1
        elif kind == "cancelled":
            self.counts["cancelled_here"] += 1
        self.counts["conflicts"] += 1
        depan, nama, belakang = (
            Person.select(Person.gelar_depan, Person.nama, Person.gelar_belakang)
            .join(Registration)
            .where(Registration.id == registration_id)
            .tuples()
            .first()
        )
        self.report.conflicts.append(
            Conflict(
                registration_id,
                full_name(depan, nama, belakang),
                kind,
                _time(desk["checked_in_at"]),
                desk["desk"],
                desk["operator"],
                *((_time(office[2]), office[3], office[4]) if office else ("", "", "")),
            )
        )


def _name_unit(name: str, unit: str) -> tuple[str, str]:
    return name_key(name), fold(unit)


def _time(value) -> str:
    return value.strftime("%d-%m-%Y %H.%M.%S") if value else ""


__all__ = ["COUNT_KEYS", "Conflict", "MergeReport", "merge_checkins"]
