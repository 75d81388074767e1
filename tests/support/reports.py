"""One event with every attendance status, for the status, export, report and GUI tests.

Registered as a plugin (tests/conftest.py): ``report_roster`` is that event on a fresh SQLite file.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pytest
from PIL import Image

from netralitas_desktop.core import checkin
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, Signatory, create_event
from netralitas_desktop.core.models import Attendance
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.pledges.models import IkrarReturn
from netralitas_desktop.core.reports import absence
from netralitas_desktop.core.reports.models import OnlineAttendance
from netralitas_desktop.core.signatures import save_signature

DESK = Actor("Meja 1", "Rina")
FORMULA_NAME = '=HYPERLINK("http://contoh.invalid","klik")'
FORMULA_NOTE = "=cmd|' /C calc'!A0"


@dataclass
class ReportRoster:
    event_id: int
    ids: dict[str, int]  # short name -> registration id

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


# (short name, person, mode); units vary in case on purpose ("DINAS PENDIDIKAN").
PEOPLE = (
    (
        "budi",
        PersonData(
            nama="Budi Santoso",
            gelar_depan="Drs.",
            gelar_belakang="M.Si.",
            nip="198609262015051001",
            unit_kerja="Dinas Pendidikan",
            jabatan="Kepala Bidang",
            golongan="IV/a",
        ),
        "onsite",
    ),
    (
        "ani",
        PersonData(nama="Ani Rahmawati", nip="199001012015032002", unit_kerja="DINAS PENDIDIKAN", jabatan="Analis"),
        "onsite",
    ),
    (
        "formula",
        PersonData(nama=FORMULA_NAME, nip="198001012006041003", unit_kerja="Dinas Pendidikan", jabatan="-2+3"),
        "onsite",
    ),
    (
        "sri",
        PersonData(
            nama="Sri Wahyuni",
            gelar_belakang="S.Kep.",
            nip="200012312024212001",
            unit_kerja="RSUD Sukamakmur",
            jabatan="Perawat Ahli Pertama",
        ),
        "onsite",
    ),
    (
        "dewi",
        PersonData(nama="Dewi Lestari", nip="198503152010012004", unit_kerja="Dinas Kesehatan", jabatan="Epidemiolog"),
        "online",
    ),
    (
        "joko",
        PersonData(
            nama="Joko Widodo",
            nip="197805202005011005",
            unit_kerja="Dinas Kesehatan",
            jabatan="Sekretaris",
            phone="081234567890",
        ),
        "onsite",
    ),
    ("rina", PersonData(nama="Rina Marlina", nip="199205052019032006", unit_kerja="Dinas Kesehatan"), "onsite"),
    (
        "wawan",
        PersonData(
            nama="Wawan Setiawan",
            nik="3507010101900001",
            employment_type="Non ASN",
            unit_kerja="Desa Mekarsari",
            jabatan="Kepala Desa",
        ),
        "onsite",
    ),
)
# Status each one ends with, as make_report_roster arranges it.
EXPECTED = {
    "budi": "hadir",
    "ani": "izin",
    "formula": "tidak_hadir",
    "sri": "sakit",
    "dewi": "daring",
    "joko": "dinas_luar",
    "rina": "dibatalkan",
    "wawan": "tidak_hadir",
}


def signature_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (60, 20), (0, 0, 0, 255)).save(buffer, "PNG")
    return buffer.getvalue()


def make_report_roster() -> ReportRoster:
    event_id = create_event(
        EventData(
            title="Sosialisasi Netralitas ASN Pilkada 2024",
            date=dt.date(2024, 7, 1),
            start_time=dt.time(8),
            end_time=dt.time(12),
            venue="Pendopo Kabupaten Sukamakmur",
            place_name="Sukamakmur",
            organizer="BKPSDM Kabupaten Sukamakmur",
            instansi="Pemerintah Kabupaten Sukamakmur",
            speakers="Ketua Bawaslu Kabupaten Sukamakmur\nAsisten Pemerintahan Setda",
            signatory1=Signatory(
                "Kepala BKPSDM Kabupaten Sukamakmur",
                "Drs. Bambang Wicaksono, M.Si.",
                "Pembina Utama Muda, IV/c",
                "196905121994031004",
            ),
        ),
        actor=DESK,
    )
    ids = {name: add_participant(event_id, person, mode=mode, actor=DESK) for name, person, mode in PEOPLE}
    checkin.check_in_registration(ids["budi"], actor=DESK)
    save_signature(ids["budi"], signature_png(), actor=DESK)
    absence.mark_absent(ids["ani"], "izin", "Rapat di provinsi", actor=DESK)
    absence.mark_absent(ids["sri"], "sakit", actor=DESK)
    absence.mark_absent(ids["joko"], "dinas-luar", FORMULA_NOTE, actor=DESK)
    IkrarReturn.create(registration=ids["joko"], method="manual")
    # What the online import writes for someone above the minimum minutes.
    Attendance.create(
        registration=ids["dewi"], method="online", desk="Daring", checked_in_at=dt.datetime(2024, 7, 1, 8, 5)
    )
    OnlineAttendance.create(registration=ids["dewi"], minutes=95, display_name="Dewi Lestari")
    checkin.cancel_registration(ids["rina"], reason="Pindah tugas", actor=DESK)
    return ReportRoster(event_id, ids)


@pytest.fixture
def report_roster(db) -> ReportRoster:
    return make_report_roster()
