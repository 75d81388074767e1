"""What the campaign writes, read back: the forms per OPD with their cover letter (text, QR scanned and
received), the Sekda's workbook (openpyxl and LibreOffice) and the one-page summary (text and pixels)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os

import openpyxl
import pytest
import zxingcpp
from pypdf import PdfReader, PdfWriter

from netralitas_desktop.core.campaigns import coverage as cov
from netralitas_desktop.core.campaigns import gap, service
from netralitas_desktop.core.campaigns.cover_letter import head_of
from netralitas_desktop.core.campaigns.export_xlsx import CampaignXlsxJob
from netralitas_desktop.core.campaigns.master_roster import import_master_roster
from netralitas_desktop.core.campaigns.summary_pdf import CampaignSummaryJob
from netralitas_desktop.core.checkin import check_in
from netralitas_desktop.core.dates import day_and_date
from netralitas_desktop.core.documents import MIN_TEXT_SIZE
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.names import fold
from netralitas_desktop.core.nip import format_nip, mask_nik
from netralitas_desktop.core.participants import add_participant
from netralitas_desktop.core.pledges import mandiri_code, returns
from netralitas_desktop.core.pledges.document_common import NothingToPrint
from netralitas_desktop.core.reports.xlsx_sheets import HEADER_ROW
from netralitas_desktop.core.roster.importer import import_roster
from support.campaigns import DESK, make_event, non_asn_people, siasn, write_non_asn_xlsx, write_siasn
from support.libreoffice import CSV_EVERY_SHEET, libreoffice, soffice
from support.pdf_checks import render, smallest_text
from support.pdf_text import flat, pdf_pages, pdf_text

DEADLINE = dt.date(2024, 11, 1)


@pytest.fixture
def campaign(db, tmp_path):
    """300 PNS/PPPK and 6 non-ASN in the roster; 200 invited to one event, 150 came; 2 non-ASN came."""
    header, rows = siasn()
    staff = non_asn_people(6)
    import_master_roster(write_siasn(tmp_path / "induk.csv", header, rows[:300]), actor=DESK)
    import_master_roster(write_non_asn_xlsx(tmp_path / "non_asn.xlsx", staff), actor=DESK)
    event_id = make_event("Sosialisasi Netralitas ASN", dt.date(2024, 9, 2), letterhead=True)
    import_roster(event_id, write_siasn(tmp_path / "undangan.csv", header, rows[:200]))
    for row in rows[:150]:
        check_in(event_id, row.nip, actor=DESK)
    for person in staff[:2]:
        add_participant(event_id, person, actor=DESK)
        check_in(event_id, person.nik, actor=DESK)
    campaign_id = service.create_campaign(service.CampaignData("Netralitas ASN Pilkada 2024", DEADLINE))
    service.add_event(campaign_id, event_id)
    return campaign_id


@pytest.mark.parametrize(
    ("unit", "head"),
    [
        ("Dinas Kesehatan", "Kepala Dinas Kesehatan"),
        ("Kecamatan Bayan", "Camat Bayan"),
        ("Kelurahan Sindurjan", "Lurah Sindurjan"),
        ("Sekretariat Daerah", "Sekretaris Daerah"),
        ("Sekretariat DPRD", "Sekretaris DPRD"),
        ("Inspektorat Daerah", "Inspektur Daerah"),
        ("RSUD Tjitrowardojo", "Direktur RSUD Tjitrowardojo"),
        ("", "Kepala Perangkat Daerah"),
    ],
)
def test_the_letter_is_addressed_to_the_head_of_the_opd(unit, head):
    assert head_of(unit) == head


def test_forms_for_one_opd_come_with_a_cover_letter_and_come_back_by_scan(campaign, tmp_path):
    coverage = cov.load_coverage(campaign)
    unit = max((g for g in coverage.units if g.owing), key=lambda g: g.owing)
    owing = cov.owing_rows(coverage, unit.key)
    target = tmp_path / "formulir.pdf"
    result = gap.write_gap_forms(campaign, target, unit_key=unit.key, actor=DESK)
    assert (result.people, result.units, result.files) == (unit.owing, 1, 1)

    reader = PdfReader(target)
    pages = [flat(page.extract_text()) for page in reader.pages]
    letter_pages = len(pages) - unit.owing
    assert result.pages == len(pages) and letter_pages >= 2
    letter = pages[0]
    assert "PEMERINTAH KABUPATEN SUKAMAKMUR" in letter
    assert f"Yth. {head_of(unit.label)}" in letter
    assert f"terdapat {unit.owing} orang pegawai {unit.label}" in letter
    assert f"paling lambat {day_and_date(DEADLINE)}" in letter
    assert "Drs. Bambang Wicaksono, M.Si." in letter and "NIP. 19690512 199403 1 004" in letter
    assert f"Halaman 1 dari {letter_pages}" in letter
    listing = " ".join(pages[1:letter_pages])
    assert "DAFTAR PEGAWAI YANG BELUM MENYATAKAN IKRAR NETRALITAS" in listing
    for row in owing:
        assert row.full_name in listing
        assert (format_nip(row.nip) if row.nip else mask_nik(row.nik)) in listing
    assert f"Halaman {letter_pages} dari {letter_pages}" in listing
    letter_only = tmp_path / "surat.pdf"
    with open(letter_only, "wb") as handle:
        writer = PdfWriter()
        for page in reader.pages[:letter_pages]:
            writer.add_page(page)
        writer.write(handle)
    size, word = smallest_text(letter_only)
    assert size >= MIN_TEXT_SIZE - 0.3, word
    # Then one form per person, in the list's order, each with its own code.
    for row, page in zip(owing, pages[letter_pages:], strict=True):
        assert row.full_name in page and "IKRAR MANDIRI" in page

    scanned = [code.text for code in zxingcpp.read_barcodes(render(target, letter_pages + 1, dpi=150))]
    assert len(scanned) == 1 and mandiri_code.looks_like_code(scanned[0])
    received = gap.receive_form(campaign, scanned[0], DESK)
    assert received.status == returns.ReturnStatus.RECEIVED and received.full_name == owing[0].full_name
    assert gap.receive_form(campaign, scanned[0], DESK).status == returns.ReturnStatus.ALREADY
    after = cov.load_coverage(campaign)
    assert after.unit(unit.key).covered == unit.covered + 1
    assert after.total.routes[cov.ROUTE_MANDIRI] == 1

    # A form of an event outside the campaign is turned away with where it belongs.
    stray = make_event("Sosialisasi Lain", dt.date(2024, 10, 1))
    stray_code = mandiri_code.encode(stray, 1)
    refused = gap.receive_form(campaign, stray_code, DESK)
    assert refused.status == returns.ReturnStatus.REJECTED and "Sosialisasi Lain" in refused.reason
    assert gap.receive_form(campaign, "bukan kode", DESK).status == returns.ReturnStatus.REJECTED

    export = AuditLog.select().where(AuditLog.action == "export").order_by(AuditLog.id.desc()).get()
    detail = json.loads(export.detail)
    assert detail["document"] == gap.DOCUMENT and detail["count"] == unit.owing and "nip" not in export.detail


def test_forms_for_every_opd_go_one_pdf_per_opd_into_a_folder(campaign, tmp_path):
    coverage = cov.load_coverage(campaign)
    folder = tmp_path / "per OPD"
    result = gap.write_gap_forms(campaign, folder, actor=DESK)
    owing_units = [g for g in coverage.units if g.owing]
    files = sorted(path.name for path in folder.iterdir())
    assert result.files == len(files) == len(owing_units) and result.people == coverage.total.owing
    assert files[0].startswith("01 ") and all(name.endswith(".pdf") for name in files)
    assert sum(len(PdfReader(folder / name).pages) for name in files) == result.pages
    # The campaign's own ikrar mandiri event holds them now, and made again it is the same event.
    again = gap.write_gap_forms(campaign, tmp_path / "lagi", actor=DESK)
    assert again.event_id == result.event_id
    assert result.event_id in service.get_campaign(campaign).event_ids


def test_nothing_to_print_when_nobody_owes(campaign, tmp_path):
    coverage = cov.load_coverage(campaign)
    done = next(g for g in coverage.units if g.owing == 0) if any(g.owing == 0 for g in coverage.units) else None
    if done is None:
        service.excuse(campaign, coverage.member_ids(cov.OWING, coverage.units[0].key), "cuti")
        done = coverage.units[0]
    with pytest.raises(NothingToPrint):
        gap.write_gap_forms(campaign, tmp_path / "kosong.pdf", unit_key=done.key)


def test_the_workbook_holds_the_views_numbers_and_the_names_still_owing(campaign, tmp_path):
    service.excuse(campaign, cov.load_coverage(campaign).member_ids(cov.OWING)[:3], "tugas_belajar")
    coverage = cov.load_coverage(campaign)
    target = tmp_path / "cakupan ikrar.xlsx"
    result = CampaignXlsxJob(campaign, target, actor=DESK, coverage=coverage).run()
    assert (result.people, result.owing) == (coverage.total.target, coverage.total.owing)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Rekap per OPD", "Rekap Jenis Pegawai", "Belum Ikrar", "Dikecualikan", "Kegiatan"]
    recap = book["Rekap per OPD"]
    header = [cell.value for cell in recap[HEADER_ROW]]
    assert header[2:7] == ["Target (Pegawai Aktif)", "Sudah Ikrar", "Dikecualikan", "Belum Ikrar", "Persentase"]
    body = [[cell.value for cell in row] for row in recap.iter_rows(min_row=HEADER_ROW + 1)]
    by_label = {row[1]: row for row in body}
    for group in coverage.units:
        assert by_label[group.label][2:6] == [group.target, group.covered, group.excused, group.owing]
        assert by_label[group.label][6] == pytest.approx(float(group.percentage) / 100)
    assert by_label["JUMLAH"][2:6] == [coverage.total.target, coverage.total.covered, 3, coverage.total.owing]
    owing = book["Belum Ikrar"]
    names = list(owing.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(names) == coverage.total.owing
    identity_cells = [row[2] for row in owing.iter_rows(min_row=HEADER_ROW + 1)]
    assert all(cell.number_format == "@" and isinstance(cell.value, str) for cell in identity_cells)
    assert any(value.startswith("NIK ") and "*" in value for value in (c.value for c in identity_cells))
    units = [row[6] for row in names]
    assert units == sorted(units, key=fold)  # OPD by OPD
    assert len(owing.row_breaks.brk) == len({fold(u) for u in units}) - 1
    assert owing.page_setup.orientation == "landscape" and owing.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert len(list(book["Dikecualikan"].iter_rows(min_row=HEADER_ROW + 1))) == 3


@pytest.mark.skipif(
    soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice (Debian: libreoffice-calc-nogui) tidak terpasang",
)
def test_libreoffice_reads_every_sheet_of_the_campaign_workbook(campaign, tmp_path):
    coverage = cov.load_coverage(campaign)
    source = tmp_path / "cakupan.xlsx"
    CampaignXlsxJob(campaign, source, coverage=coverage).run()
    out = tmp_path / "lo"
    libreoffice(source, tmp_path, CSV_EVERY_SHEET, out)
    with open(out / "cakupan-Rekap per OPD.csv", encoding="utf-8", newline="") as handle:
        recap = list(csv.reader(handle))
    total = recap[-1]
    assert total[1] == "JUMLAH" and total[2] == str(coverage.total.target) and total[3] == str(coverage.total.covered)
    assert total[6].endswith("%")
    with open(out / "cakupan-Belum Ikrar.csv", encoding="utf-8", newline="") as handle:
        owing = list(csv.reader(handle))[HEADER_ROW:]
    nips = {row[2] for row in owing}
    assert {format_nip(r.nip) for r in cov.owing_rows(coverage) if r.nip} <= nips  # text, never 1,97E+17


def test_the_summary_is_one_page_with_the_same_figures_and_a_chart(campaign, tmp_path):
    coverage = cov.load_coverage(campaign)
    target = tmp_path / "ringkasan.pdf"
    CampaignSummaryJob(campaign, target, actor=DESK, coverage=coverage).run()
    assert len(PdfReader(target).pages) == 1
    text = flat(pdf_text(target))
    assert "RINGKASAN CAKUPAN IKRAR NETRALITAS" in text and "Netralitas ASN Pilkada 2024" in text
    assert coverage.total.percentage_text in text
    for group in coverage.units:  # a very long OPD name may end in "…" at 8 pt; the workbook has it whole
        assert group.label[:24] in text
        assert f"{group.covered}/{group.covered + group.owing}" in text
    assert "Drs. Bambang Wicaksono, M.Si." in text
    image = render(target, 1, dpi=60)
    green = sum(1 for r, g, b in image.get_flattened_data() if g > 100 and r < 80 and b < 80)
    assert green > 1000  # the covered part of the bars
    size, word = smallest_text(target)
    assert size >= MIN_TEXT_SIZE - 0.3, word


def test_the_summary_stays_on_one_page_with_eighty_opds(db, tmp_path):
    header, rows = siasn()
    many = [row.moved_to(f"Kelurahan Contoh {index % 80 + 1:02d}") for index, row in enumerate(rows[:400])]
    import_master_roster(write_siasn(tmp_path / "induk.csv", header, many), actor=DESK)
    event_id = make_event("Sosialisasi", dt.date(2024, 9, 2))
    import_roster(event_id, write_siasn(tmp_path / "u.csv", header, rows[:200]))
    for row in rows[:120]:
        check_in(event_id, row.nip, actor=DESK)
    campaign = service.create_campaign(service.CampaignData("Pilkada", DEADLINE))
    service.add_event(campaign, event_id)
    target = tmp_path / "ringkasan.pdf"
    CampaignSummaryJob(campaign, target).run()
    assert len(PdfReader(target).pages) == 1
    text = flat(pdf_text(target))
    shown = sum(1 for index in range(1, 81) if f"Kelurahan Contoh {index:02d}" in text)
    assert shown == 80 or f"dan {80 - shown} OPD lain" in text  # two columns, then the highest left out
    assert shown >= 60
    assert smallest_text(target)[0] >= MIN_TEXT_SIZE - 0.3


def test_the_list_for_an_opd_head_masks_a_nik(campaign, tmp_path):
    coverage = cov.load_coverage(campaign)
    honorer = next(row for row in cov.owing_rows(coverage) if not row.nip)
    target = tmp_path / "honorer.pdf"
    gap.write_gap_forms(campaign, target, unit_key=fold(honorer.unit_kerja))
    listing = flat(" ".join(pdf_pages(target)[1:2]))
    assert honorer.full_name in listing and f"NIK {mask_nik(honorer.nik)}" in listing
    assert honorer.nik not in listing
