"""The organiser's report (laporan penyelenggara) as PDF, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from netralitas_desktop.core import checkin
from netralitas_desktop.core.documents import Paper, mm
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.pledges.document_common import NothingToPrint
from netralitas_desktop.core.pledges.document_settings import load_document_settings, save_document_settings
from netralitas_desktop.core.reports.report_chart import nice_maximum, persen
from netralitas_desktop.core.reports.report_pdf import TITLE, ReportPdfJob
from support.checkin import pns_nip
from support.pdf_text import pdf_pages
from support.pdf_text import reader as pdf_reader
from support.reports import DESK, PEOPLE


def test_report_has_the_facts_counts_pledges_and_signatory(report_roster, tmp_path):
    result = ReportPdfJob(report_roster.event_id, tmp_path / "laporan.pdf").run()
    pages, reader = pdf_pages(result.path, flat_text=True), pdf_reader(result.path)
    assert result.pages == len(pages) >= 1
    text = " ".join(pages)
    for expected in (
        TITLE,
        "Sosialisasi Netralitas ASN Pilkada 2024",
        "Senin, 1 Juli 2024, pukul 08.00 – 12.00",
        "Pendopo Kabupaten Sukamakmur",
        "BKPSDM Kabupaten Sukamakmur",
        "1. Ketua Bawaslu Kabupaten Sukamakmur",
        "2. Asisten Pemerintahan Setda",
        "Sukamakmur, 1 Juli 2024",
        "Drs. Bambang Wicaksono, M.Si.",
        "NIP. 19690512 199403 1 004",
    ):
        assert expected in text, expected
    registered = len(PEOPLE) - 1  # one cancelled
    assert f"Peserta terdaftar {registered} 100,0%" in text
    assert f"Hadir di ruangan 1 {persen(100 / registered)}" in text
    assert f"Hadir daring 1 {persen(100 / registered)}" in text
    assert "Sakit 1" in text and "Dinas Luar 1" in text and "Tidak hadir tanpa keterangan 2" in text
    assert f"Jumlah hadir (di ruangan dan daring) 2 {persen(200 / registered)}" in text
    assert "Pendaftaran dibatalkan (1 orang) tidak dihitung" in text
    for unit in ("Desa Mekarsari", "Dinas Kesehatan", "Dinas Pendidikan", "RSUD Sukamakmur"):
        assert unit in text
    assert "2/3 (66,7%)" not in text and "1/3 (33,3%)" in text  # Dinas Pendidikan: 1 of 3 present
    # Every registered person in one pledge category; the four add up to the registered.
    assert f"Menandatangani ikrar di meja registrasi 1 {persen(100 / registered)} dari 2 yang hadir" in text
    assert f"Ikrar mandiri sudah dikembalikan 1 {persen(100 / registered)}" in text
    assert f"Hadir, belum menandatangani ikrar 1 {persen(100 / registered)}" in text
    assert f"Tidak hadir, ikrar mandiri belum dikembalikan 4 {persen(400 / registered)} perlu ditindaklanjuti" in text
    assert f"Jumlah peserta terdaftar {registered} 100,0%" in text
    assert re.search(rf"Halaman {len(pages)} dari {len(pages)}", pages[-1])
    width, height = (float(v) / mm for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (210, 297)
    entry = AuditLog.select().where(AuditLog.action == "export").get()
    assert json.loads(entry.detail) == {
        "document": "laporan",
        "format": "pdf",
        "count": len(PEOPLE),
        "pages": len(pages),
        "files": 1,
    }


def test_f4_with_letterhead_and_the_attendance_list_appended(report_roster, tmp_path):
    settings = load_document_settings(report_roster.event_id)
    save_document_settings(
        report_roster.event_id,
        settings.with_changes(
            letterhead_lines=("PEMERINTAH KABUPATEN SUKAMAKMUR", "BADAN KEPEGAWAIAN DAERAH"),
            letterhead_address="Jl. Merdeka No. 1",
        ),
    )
    alone = ReportPdfJob(report_roster.event_id, tmp_path / "laporan.pdf", paper=Paper.F4).run()
    result = ReportPdfJob(
        report_roster.event_id, tmp_path / "lengkap.pdf", paper=Paper.F4, with_attendance_list=True
    ).run()
    pages, reader = pdf_pages(result.path, flat_text=True), pdf_reader(result.path)
    assert result.pages == len(pages) > alone.pages
    assert "PEMERINTAH KABUPATEN SUKAMAKMUR" in pages[0] and "BADAN KEPEGAWAIAN DAERAH" in pages[0]
    list_text = " ".join(pages[alone.pages :])
    assert list_text.startswith("LAMPIRAN LAPORAN PELAKSANAAN KEGIATAN TANGGAL 1 JULI 2024")
    assert "DAFTAR HADIR PESERTA REKAP KEHADIRAN" in list_text and "Ani Rahmawati" in list_text
    assert "Keterangan" in list_text and "Rina Marlina" not in list_text  # cancelled
    numbers = [re.search(r"Halaman (\d+) dari (\d+)", page).groups() for page in pages]
    assert numbers == [(str(n), str(len(pages))) for n in range(1, len(pages) + 1)]  # one numbering throughout
    for page in reader.pages:
        width, height = (float(v) / mm for v in page.mediabox[2:])
        assert (round(width), round(height)) == (215, 330)


def test_many_opds_run_over_pages_and_all_stay_listed(db, tmp_path):
    event_id = create_event(EventData(title="Sosialisasi Besar", date=dt.date(2024, 7, 1)), actor=DESK)
    units = [f"Unit Pelaksana Teknis Daerah Pusat Kesehatan Masyarakat Kecamatan Nomor {i:02d}" for i in range(1, 71)]
    number = 0
    for unit_index, unit in enumerate(units):
        for person in range(unit_index % 4 + 1):
            number += 1
            registration = add_participant(
                event_id, PersonData(nama=f"Pegawai {number}", nip=pns_nip(number), unit_kerja=unit), actor=DESK
            )
            if person % 2 == 0:
                checkin.check_in_registration(registration, actor=DESK)
    result = ReportPdfJob(event_id, tmp_path / "laporan.pdf").run()
    pages = pdf_pages(result.path, flat_text=True)
    text = " ".join(pages)
    assert len(pages) >= 3 and "lanjutan" in text
    for unit in units:  # every OPD, its long name wrapped but whole
        assert unit.split()[-1] in text
    assert text.count("Nomor") >= len(units)
    assert sum(len(re.findall(r"\b\d+/\d+ \(\d+,\d%\)", page)) for page in pages) == len(units)


def test_an_empty_event_still_reports_but_has_no_attendance_list(db, tmp_path):
    event_id = create_event(EventData(title="Belum Ada Peserta", date=dt.date(2024, 7, 1)), actor=DESK)
    result = ReportPdfJob(event_id, tmp_path / "laporan.pdf").run()
    pages = pdf_pages(result.path, flat_text=True)
    assert "Belum ada peserta terdaftar." in pages[0] and "Peserta terdaftar 0 -" in pages[0]
    with pytest.raises(NothingToPrint, match="belum memiliki peserta"):
        ReportPdfJob(event_id, tmp_path / "lengkap.pdf", with_attendance_list=True).run()
    assert not (tmp_path / "lengkap.pdf").exists()


@pytest.mark.parametrize(
    "value, expected", [(0, (5, 1)), (3, (5, 1)), (37, (40, 10)), (120, (125, 25)), (1234, (1250, 250))]
)
def test_nice_axis_maximum(value, expected):
    maximum, step = nice_maximum(value)
    assert (maximum, step) == expected and maximum >= value and maximum / step <= 6
