"""Files and events for the campaign tests: the SIASN fixture cut and changed, non-ASN lists, meeting reports.

Everything goes through the app's own paths: roster files are imported by the importers,
people check in at a desk by NIP, online minutes come from a Zoom report, forms come back
by their QR code.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.demo import fictional_people
from netralitas_desktop.core.events import EventData, Signatory, create_event
from netralitas_desktop.core.nip import format_nip
from netralitas_desktop.core.participants import PersonData
from netralitas_desktop.core.pledges.document_settings import load_document_settings, save_document_settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SIASN = FIXTURES / "siasn_export_sukamakmur.csv"
DESK = Actor("Meja Kampanye", "Rina")
NIP, NAMA, GELAR_DEPAN, GELAR_BELAKANG, UNOR = 1, 3, 4, 5, 15


@dataclass(frozen=True)
class SiasnRow:
    values: list[str]

    @property
    def nip(self) -> str:
        return self.values[NIP].lstrip("'")

    @property
    def unit(self) -> str:
        return self.values[UNOR]

    def moved_to(self, unit: str) -> SiasnRow:
        values = list(self.values)
        values[UNOR] = unit
        return SiasnRow(values)


def siasn() -> tuple[list[str], list[SiasnRow]]:
    with open(SIASN, encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, [SiasnRow(row) for row in rows]


def write_siasn(path: Path, header: list[str], rows: list[SiasnRow]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(row.values for row in rows)
    return path


def non_asn_people(count: int) -> list[PersonData]:
    people = [p for p in fictional_people(count * 12, seed=17) if p.employment_type in ("PPNPN", "NON_ASN")]
    return people[:count]


def write_non_asn_xlsx(path: Path, people: list[PersonData]) -> Path:
    """A committee's list of honorary staff: a title row, then No / Nama / NIK / Status / Jabatan / Unit Kerja."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DAFTAR TENAGA NON-ASN PEMERINTAH KABUPATEN SUKAMAKMUR"])
    sheet.append([])
    sheet.append(["No", "Nama", "NIK", "Status Pegawai", "Jabatan", "Unit Kerja"])
    for number, person in enumerate(people, 1):
        status = "PPNPN" if person.employment_type == "PPNPN" else "Non-ASN"
        sheet.append([number, person.full_name, person.nik, status, person.jabatan, person.unit_kerja])
    for row in sheet.iter_rows(min_row=4, min_col=3, max_col=3):
        row[0].number_format = "@"
    book.save(path)
    return path


def write_zoom_report(path: Path, people: list[tuple[str, str, int]], day: dt.date) -> Path:
    """A Zoom participants report: ``(name, NIP, minutes)``, the NIP in brackets after the name."""
    start = dt.datetime.combine(day, dt.time(9, 0))
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)", "Guest"]
        )
        for name, nip, minutes in people:
            left = start + dt.timedelta(minutes=minutes)
            writer.writerow(
                [
                    f"{name} ({format_nip(nip)})",
                    "",
                    start.strftime("%m/%d/%Y %I:%M:%S %p"),
                    left.strftime("%m/%d/%Y %I:%M:%S %p"),
                    minutes,
                    "Yes",
                ]
            )
    return path


def make_event(title: str, day: dt.date, *, letterhead: bool = False) -> int:
    event_id = create_event(
        EventData(
            title=title,
            date=day,
            instansi="Pemerintah Kabupaten Sukamakmur",
            place_name="Sukamakmur",
            organizer="BKPSDM Kabupaten Sukamakmur",
            election_name="Pemilihan Bupati dan Wakil Bupati Sukamakmur Tahun 2024",
            signatory1=Signatory(
                "Kepala BKPSDM Kabupaten Sukamakmur",
                "Drs. Bambang Wicaksono, M.Si.",
                "Pembina Utama Muda, IV/c",
                "196905121994031004",
            ),
        ),
        actor=DESK,
    )
    if letterhead:
        settings = load_document_settings(event_id).with_changes(
            letterhead_lines=("PEMERINTAH KABUPATEN SUKAMAKMUR", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM"),
            letterhead_address="Jalan Mayjend Sutoyo No. 10 Sukamakmur 54111",
        )
        save_document_settings(event_id, settings)
    return event_id
