"""An office database and desk laptops for the offline-desk tests, each one a real SQLite file.

The office makes an event with invited people, exports its package; a laptop imports it,
checks people in and sends its check-ins back; ``merge`` brings them in at the office.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from netralitas_desktop.core import checkin, database, qr_payload, signatures
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.demo import fictional_people
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import Attendance, Person, Registration, Signature
from netralitas_desktop.core.offline import export_event_package, import_package, merge_checkins, read_package
from netralitas_desktop.core.offline.keys import office_fingerprint
from netralitas_desktop.core.participants import PersonData, add_participant

OFFICE = Actor("Kantor BKPSDM", "Sari")
DESK_A = Actor("Meja A", "Andi")
DESK_B = Actor("Meja B", "Bela")
DAY = dt.date.today()  # the event is held today: a merge refuses check-ins outside the event's day


def at(hour: int, minute: int = 0) -> dt.datetime:
    """A time on the event's day."""
    return dt.datetime.combine(DAY, dt.time(hour, minute))


class Site:
    """One computer's own database file: the office PC or a desk laptop."""

    def __init__(self, where: Path | str) -> None:
        """A SQLite file, or a database URL (the office on PostgreSQL)."""
        self.url = where if isinstance(where, str) and "://" in where else f"sqlite:///{where}"

    @contextlib.contextmanager
    def open(self):
        database.open_database(self.url)
        try:
            yield
        finally:
            database.close_database()


@dataclass
class Office:
    site: Site
    event_id: int
    other_event_id: int
    registrations: list[int]  # invited, in the order of PEOPLE
    cancelled: int  # a cancelled registration
    no_id: int  # a non-ASN participant without NIP or NIK
    checked_in_at_office: int
    codes: dict[int, str]  # registration id -> payload
    other_code: str  # an invitation of another event in the same office database
    people: list[PersonData]
    fingerprint: str  # of the office's package key, as its screen shows it


def png_signature(colour: str = "black") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (60, 20), colour).save(buffer, "PNG")
    return buffer.getvalue()


def set_checkin_time(registration_id: int, at: dt.datetime) -> None:
    """Two laptops' clocks: put a check-in at a chosen time (tests cannot wait minutes)."""
    Attendance.update(checked_in_at=at).where(Attendance.registration == registration_id).execute()


def make_office(tmp_path: Path, people: int = 12, url: str | None = None, day: dt.date = DAY) -> Office:
    site = Site(url or tmp_path / "kantor.db")
    roster = list(fictional_people(people, seed=7))
    with site.open():
        event_id = create_event(EventData(title="Sosialisasi Netralitas ASN 2024", date=day), actor=OFFICE)
        other = create_event(EventData(title="Apel Netralitas", date=day + dt.timedelta(days=1)), actor=OFFICE)
        registrations = [add_participant(event_id, person, actor=OFFICE) for person in roster]
        no_id = add_participant(
            event_id,
            PersonData(nama="Slamet Riyadi", unit_kerja="Desa Sukamaju", employment_type="NON_ASN"),
            actor=OFFICE,
        )
        other_reg = add_participant(other, roster[0], actor=OFFICE)
        cancelled = registrations[-1]
        checkin.cancel_registration(cancelled, reason="Mutasi ke kabupaten lain", actor=OFFICE)
        first = checkin.check_in(event_id, qr_payload.payload_for(registrations[0]), actor=OFFICE)
        assert first.status == checkin.CheckinStatus.CHECKED_IN
        set_checkin_time(registrations[0], dt.datetime.combine(day, dt.time(7, 30)))
        signatures.save_signature(registrations[0], png_signature("navy"), actor=OFFICE)
        codes = {reg: qr_payload.payload_for(reg) for reg in [*registrations, no_id]}
        other_code = qr_payload.payload_for(other_reg)
        fingerprint = office_fingerprint()
    return Office(
        site, event_id, other, registrations, cancelled, no_id, registrations[0], codes, other_code, roster, fingerprint
    )


def export_package(office: Office, tmp_path: Path) -> Path:
    with office.site.open():
        return Path(export_event_package(office.event_id, tmp_path / "paket.netralitas", actor=OFFICE).path)


def new_laptop(tmp_path: Path, name: str, package: Path, office_key: str | None = None) -> tuple[Site, int]:
    """A laptop that imported ``package``; its operator compared the office key's fingerprint and
    confirmed it (``office_key``, by default the one the package was signed with)."""
    site = Site(tmp_path / f"{name}.db")
    with site.open():
        result = import_package(
            package, actor=Actor(name, "Panitia"), office_key=office_key or read_package(package).fingerprint
        )
    return site, result.event_id


def merge(path: Path, actor: Actor = OFFICE, **options):
    """Merge at the office, confirming the laptop key's fingerprint (as the laptop's screen shows it)."""
    return merge_checkins(path, actor=actor, desk_key=read_package(path).fingerprint, **options)


def office_state() -> dict:
    """Everything a merge may touch, for 'merging again changes nothing'."""
    return {
        "attendance": sorted(
            Attendance.select(
                Attendance.registration,
                Attendance.checked_in_at,
                Attendance.desk,
                Attendance.operator,
                Attendance.method,
            ).tuples()
        ),
        "registrations": sorted(
            Registration.select(Registration.id, Registration.person, Registration.source).tuples()
        ),
        "people": Person.select().count(),
        "signatures": sorted((s.registration_id, bytes(s.png)) for s in Signature.select()),
    }
