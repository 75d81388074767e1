"""Who gets a certificate: attendees in the room, and online attendees when the event allows.

- In the room: a check-in (``Attendance``) whose method is not ``online``.
- Online: ``Attendance.method == "online"`` (made by the online-report import), only when
  the event's ``CERTIFICATE_FOR_ONLINE`` is on and ``OnlineAttendance.minutes`` reaches
  ``ONLINE_MIN_MINUTES`` — checked here again, since the minimum may have been raised
  after the import.
- A cancelled registration never gets one.

Holders come sorted by unit then name, so a printed stack can be handed out per office.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import JOIN

from ..documents.signatory import nip_line
from ..event_settings import CERTIFICATE_FOR_ONLINE, get_setting, online_min_minutes
from ..models import Attendance, Person, Registration, db
from ..names import fold, full_name, name_key
from ..nip import mask_nik
from ..reports.models import OnlineAttendance
from ..statuses import AttendanceMode, Method


@dataclass(frozen=True)
class Holder:
    """A certificate's holder, as printed."""

    registration_id: int
    name: str  # with titles
    nama: str  # without titles, for file names
    nip: str  # digits, NIP or NI PPPK
    nik: str
    employment_type: str
    golongan: str
    jabatan: str
    unit_kerja: str
    online: bool = False

    @property
    def id_digits(self) -> str:
        return self.nip or self.nik

    @property
    def id_text(self) -> str:
        """``NIP. 19860926 201505 1 001``, ``NI PPPK. …`` or ``NIK. 3306**********01`` (masked: a
        certificate is handed out and shown, UU PDP); empty without either."""
        if self.nip:
            return nip_line(self.nip)
        return f"NIK. {mask_nik(self.nik)}" if self.nik else ""

    @property
    def file_stem(self) -> str:
        """``NIP_Nama``, or just ``Nama`` without a NIP: a certificate file is handed out (e-mail,
        WhatsApp), and its name must not carry the whole NIK the page itself masks (UU PDP)."""
        return f"{self.nip}_{self.nama}" if self.nip else self.nama


def online_rules(event_id: int) -> tuple[bool, int]:
    """(online attendees get a certificate, minimum minutes online)."""
    allowed = bool(get_setting(event_id, CERTIFICATE_FOR_ONLINE, False))
    return allowed, online_min_minutes(event_id)


def eligible_holders(event_id: int) -> list[Holder]:
    """Everyone who gets a certificate for the event, sorted by unit then name."""
    allow_online, minimum = online_rules(event_id)
    query = (
        Registration.select(
            Registration.id,
            Person.gelar_depan,
            Person.nama,
            Person.gelar_belakang,
            Person.nip,
            Person.nik,
            Person.employment_type,
            Person.golongan,
            Person.jabatan,
            Person.unit_kerja,
            Attendance.method,
            OnlineAttendance.minutes,
        )
        .join(Person)
        .switch(Registration)
        .join(Attendance)
        .switch(Registration)
        .join(OnlineAttendance, JOIN.LEFT_OUTER)
        .where((Registration.event == event_id) & Registration.cancelled_at.is_null())
    )
    holders = []
    for registration_id, depan, nama, belakang, nip, nik, etype, golongan, jabatan, unit, method, minutes in db.execute(
        query
    ).fetchall():
        online = method == Method.ONLINE
        if online and not (allow_online and minutes is not None and minutes >= minimum):
            continue
        holders.append(
            Holder(
                registration_id,
                full_name(depan, nama, belakang),
                nama,
                nip or "",
                nik or "",
                etype or "",
                golongan or "",
                jabatan or "",
                unit or "",
                online,
            )
        )
    holders.sort(key=lambda h: (not h.unit_kerja, fold(h.unit_kerja), name_key(h.name), h.registration_id))
    return holders


def holder_for(registration_id: int) -> Holder:
    """One registration's holder data, eligible or not (for a reprint or the verify view)."""
    row = (
        Registration.select(
            Registration.id,
            Person.gelar_depan,
            Person.nama,
            Person.gelar_belakang,
            Person.nip,
            Person.nik,
            Person.employment_type,
            Person.golongan,
            Person.jabatan,
            Person.unit_kerja,
            Registration.mode,
        )
        .join(Person)
        .where(Registration.id == registration_id)
        .tuples()
        .first()
    )
    if row is None:
        raise LookupError(registration_id)
    rid, depan, nama, belakang, nip, nik, etype, golongan, jabatan, unit, mode = row
    return Holder(
        rid,
        full_name(depan, nama, belakang),
        nama,
        nip or "",
        nik or "",
        etype or "",
        golongan or "",
        jabatan or "",
        unit or "",
        mode == AttendanceMode.ONLINE,
    )


__all__ = ["Holder", "eligible_holders", "holder_for", "online_rules"]
