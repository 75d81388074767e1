"""A small real event for the pledge-document tests: titled names, PNS, PPPK and non-ASN, signatures."""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import check_in_registration
from netralitas_desktop.core.events import EventData, Signatory, create_event
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.signatures import save_signature

ACTOR = Actor("Meja Uji", "penguji")
LONG_NAME = "Prof. Dr. Ir. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H., M.Si."
ELECTION = (
    "Pemilihan Gubernur dan Wakil Gubernur Jawa Tengah serta Pemilihan Bupati dan Wakil Bupati Purworejo Tahun 2024"
)


@dataclass
class Sample:
    event_id: int
    professor: int  # registration ids
    budi: int
    pppk: int
    honorer: int
    renee: int

    @property
    def all(self) -> list[int]:
        return [self.professor, self.budi, self.pppk, self.honorer, self.renee]


def signature_png(seed: int = 1) -> bytes:
    """A stroke on a transparent background, as the desk's signature pad saves it."""
    rng = random.Random(seed)
    image = Image.new("RGBA", (360, 130), (0, 0, 0, 0))
    points = [(12 + i * 37, rng.randint(15, 115)) for i in range(10)]
    ImageDraw.Draw(image).line(points, fill=(15, 20, 90, 255), width=6)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def make_event(*, sign: tuple[str, ...] = ("professor", "budi", "honorer"), check_in: tuple[str, ...] = ()) -> Sample:
    """The Purworejo example of ikrar.md with five people; ``sign``/``check_in`` name who did."""
    event_id = create_event(
        EventData(
            title="Sosialisasi Netralitas ASN Menjelang Pilkada Serentak 2024",
            date=dt.date(2024, 7, 1),
            start_time=dt.time(8, 0),
            end_time=dt.time(12, 0),
            venue="Pendopo Kabupaten Purworejo",
            instansi="Pemerintah Kabupaten Purworejo",
            place_name="Purworejo",
            organizer="BKPSDM Kabupaten Purworejo",
            election_name=ELECTION,
            signatory1=Signatory(
                "Kepala BKPSDM Kabupaten Purworejo",
                "Drs. Bambang Wicaksono, M.Si.",
                "Pembina Utama Muda, IV/c",
                "196905121994031004",
            ),
        )
    )
    people = {
        "professor": PersonData(
            nama="Muhammad Abdurrahman Syahputra Wicaksono",
            gelar_depan="Prof. Dr. Ir. H.",
            gelar_belakang="S.H., M.H., M.Si.",
            nip="198609262015051001",
            golongan="IV/a",
            jabatan="Kepala Dinas",
            unit_kerja="Dinas Pendidikan dan Kebudayaan",
        ),
        "budi": PersonData(
            nama="Budi Santoso",
            gelar_depan="Drs.",
            gelar_belakang="M.Si.",
            nip="197503152000032002",
            golongan="III/b",
            jabatan="Analis Kebijakan",
            unit_kerja="Badan Kepegawaian Daerah",
        ),
        "pppk": PersonData(
            nama="Siti Nur'aini",
            gelar_belakang="S.Kep.",
            nip="198407212024221001",
            golongan="IX",
            jabatan="Perawat Ahli Pertama",
            unit_kerja="RSUD Tjitrowardojo",
        ),
        "honorer": PersonData(
            nama="Agus Prasetyo",
            nik="3330031809800001",
            employment_type="PPNPN",
            jabatan="Pramubakti",
            unit_kerja="Badan Kepegawaian Daerah",
        ),
        "renee": PersonData(
            nama="Renée Simanjuntak",
            nik="3306124505900003",
            employment_type="NON_ASN",
            jabatan="Tenaga Ahli",
            unit_kerja="Dinas Pendidikan dan Kebudayaan",
        ),
    }
    ids = {key: add_participant(event_id, person, actor=ACTOR) for key, person in people.items()}
    for index, key in enumerate(sign):
        save_signature(ids[key], signature_png(index + 1), actor=ACTOR)
    for key in check_in:
        check_in_registration(ids[key], actor=ACTOR)
    return Sample(event_id, **ids)
