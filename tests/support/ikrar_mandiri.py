"""An event for the ikrar mandiri tests: who owes a form, who attended, who signed at the desk."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from PIL import Image

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import CheckinStatus, cancel_registration, check_in_registration
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.reports.absence import mark_absent
from netralitas_desktop.core.signatures import save_signature

DESK = Actor("Meja Ikrar", "Rina")
OTHER_DESK = Actor("Meja 2", "Joko")


@dataclass
class Roster:
    event_id: int
    other_event_id: int
    budi: int  # absent: owes a form
    sari: int  # absent with leave (izin): owes a form
    ani: int  # checked in at the desk
    dewi: int  # attended online
    joko: int  # a signature from the desk, no check-in on record
    eko: int  # registration cancelled
    other: int  # registered for the other event


def make_roster() -> Roster:
    event_id = create_event(
        EventData(title="Sosialisasi Netralitas ASN 2024", date=dt.date(2024, 7, 1), place_name="Purworejo"), actor=DESK
    )
    other_event_id = create_event(EventData(title="Sosialisasi Kecamatan", date=dt.date(2024, 8, 1)), actor=DESK)

    def add(event: int, nama: str, nip: str = "", nik: str = "", unit: str = "Dinas Kesehatan", **more) -> int:
        return add_participant(event, PersonData(nama=nama, nip=nip, nik=nik, unit_kerja=unit, **more), actor=DESK)

    roster = Roster(
        event_id,
        other_event_id,
        budi=add(event_id, "Budi Santoso", "198609262015051001", gelar_depan="Drs.", gelar_belakang="M.Si."),
        sari=add(event_id, "Sari Dewanti", "198001012005012001", unit="Badan Kepegawaian Daerah"),
        ani=add(event_id, "Ani Lestari", "200012312024211001"),
        dewi=add(event_id, "Dewi Kartika", "197505052000032002"),
        joko=add(event_id, "Joko Widodo", nik="3306011203850002", unit="Desa Mekarsari"),
        eko=add(event_id, "Eko Prasetyo", "199001012015031003"),
        other=add(other_event_id, "Lain Orang", "198812122010011004"),
    )
    mark_absent(roster.sari, "izin", "Cuti melahirkan", actor=DESK)
    assert check_in_registration(roster.ani, actor=DESK).status == CheckinStatus.CHECKED_IN
    assert check_in_registration(roster.dewi, actor=DESK, method="online").status == CheckinStatus.CHECKED_IN
    save_signature(roster.joko, white_png(), actor=DESK)
    cancel_registration(roster.eko, reason="Pindah tugas", actor=DESK)
    return roster


def white_png(size=(120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()
