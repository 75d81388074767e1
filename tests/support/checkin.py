"""A small roster for the check-in tests: PNS, PPPK, a non-ASN with NIK only, one attending online."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.participants import PersonData, add_participant

DESK_1 = Actor("Meja 1", "Rina")
EVENT_TITLE = "Sosialisasi Netralitas ASN Pilkada 2024"


def pns_nip(index: int) -> str:
    """A valid, distinct PNS NIP for each index."""
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=37 * index)
    return f"{birth:%Y%m%d}{birth.year + 25}{index % 12 + 1:02d}{index % 2 + 1}{index % 998 + 1:03d}"


@dataclass
class Roster:
    event_id: int
    budi: int  # registration ids
    sri: int
    wawan: int  # non-ASN with NIK only
    online: int
    budi_nip: str = "198609262015051001"
    sri_nip: str = "200012312024212001"  # NI PPPK
    wawan_nik: str = "3507010101900001"


def make_roster() -> Roster:
    event_id = create_event(EventData(title=EVENT_TITLE, date=dt.date(2024, 7, 1)), actor=DESK_1)
    add = lambda data, **kw: add_participant(event_id, data, actor=DESK_1, **kw)  # noqa: E731
    budi = add(
        PersonData(
            nama="Budi Santoso",
            gelar_depan="Drs.",
            gelar_belakang="M.Si.",
            nip="198609262015051001",
            unit_kerja="Dinas Pendidikan",
            jabatan="Kepala Bidang",
        )
    )
    sri = add(
        PersonData(
            nama="Sri Wahyuni",
            gelar_belakang="S.Kep.",
            nip="200012312024212001",
            unit_kerja="RSUD Sukamakmur",
            jabatan="Perawat Ahli Pertama",
        )
    )
    wawan = add(
        PersonData(
            nama="Wawan Setiawan",
            nik="3507010101900001",
            employment_type="Non ASN",
            unit_kerja="Desa Mekarsari",
            jabatan="Kepala Desa",
        )
    )
    online = add(PersonData(nama="Dewi Lestari", nip=pns_nip(1), unit_kerja="Dinas Kesehatan"), mode="online")
    return Roster(event_id, budi, sri, wawan, online)
