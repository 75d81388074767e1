"""The attendance workbook, read back with openpyxl and converted by LibreOffice."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from netralitas_desktop.core.documents import Paper
from netralitas_desktop.core.event_settings import MASK_NIK, PAPER, set_setting
from netralitas_desktop.core.jobs import Cancelled, Progress
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.reports.export_xlsx import HEADER_ROW, XlsxExportJob, write_xlsx
from netralitas_desktop.core.reports.status import STATUS_LABELS
from netralitas_desktop.core.reports.tables import RECAP_COLUMNS, load_snapshot
from support.checkin import pns_nip
from support.libreoffice import CSV_EVERY_SHEET, libreoffice, libreoffice_pdf, soffice
from support.reports import DESK as ACTOR
from support.reports import EXPECTED, FORMULA_NAME, FORMULA_NOTE, PEOPLE

SHEETS = ["Daftar Hadir", "Rekap per OPD", "Rekap Jenis Pegawai", "Tidak Hadir", "Belum Ikrar", "Dibatalkan"]
REGISTERED = [name for name in EXPECTED if EXPECTED[name] != "dibatalkan"]
ABSENT = [name for name in REGISTERED if EXPECTED[name] not in ("hadir", "daring")]


@pytest.fixture
def workbook(report_roster, tmp_path):
    path = tmp_path / "daftar hadir.xlsx"
    result = XlsxExportJob(report_roster.event_id, path).run()
    assert result.path == str(path) and result.rows == len(PEOPLE)
    return openpyxl.load_workbook(path)


def table(sheet) -> list[dict]:
    """The rows under the header as dicts (header -> cell), stopping at the first empty row."""
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    rows = []
    for cells in sheet.iter_rows(min_row=HEADER_ROW + 1):
        if all(cell.value is None for cell in cells):
            break
        rows.append(dict(zip(headers, cells, strict=True)))
    return rows


def test_sheets_and_their_rows(workbook):
    assert workbook.sheetnames == SHEETS
    attendance = table(workbook["Daftar Hadir"])
    assert len(attendance) == len(REGISTERED)
    assert [row["No"].value for row in attendance] == list(range(1, len(REGISTERED) + 1))
    statuses = sorted(row["Status"].value for row in attendance)
    assert statuses == sorted(STATUS_LABELS[EXPECTED[name]] for name in REGISTERED)
    budi = next(row for row in attendance if row["Nama"].value == "Drs. Budi Santoso, M.Si.")
    assert budi["Meja"].value == "Meja 1" and budi["Ikrar"].value == "TTD di meja registrasi"
    assert budi["Waktu Hadir (WIB)"].is_date and budi["Waktu Hadir (WIB)"].number_format == "dd-mm-yyyy hh:mm"
    dewi = next(row for row in attendance if row["Nama"].value == "Dewi Lestari")
    assert dewi["Status"].value == "Daring" and dewi["Keterangan"].value == "95 menit daring"
    cancelled = table(workbook["Dibatalkan"])
    assert [(row["Nama"].value, row["Alasan Pembatalan"].value) for row in cancelled] == [
        ("Rina Marlina", "Pindah tugas")
    ]


def test_nip_and_nik_cells_are_text(report_roster, tmp_path):
    set_setting(report_roster.event_id, MASK_NIK, False)  # whole numbers: the committee switched masking off
    XlsxExportJob(report_roster.event_id, tmp_path / "penuh.xlsx").run()
    workbook = openpyxl.load_workbook(tmp_path / "penuh.xlsx")
    numbers = {person.nip or person.nik for _, person, _ in PEOPLE}
    seen = set()
    for name in ("Daftar Hadir", "Tidak Hadir", "Dibatalkan"):
        for row in table(workbook[name]):
            for header in ("NIP / NI PPPK", "NIK"):
                cell = row[header]
                if cell.value is not None:
                    assert cell.data_type == "s" and isinstance(cell.value, str) and cell.number_format == "@"
                    seen.add(cell.value)
    assert seen == numbers  # all 18 / 16 digits, none rounded


def test_formula_like_text_is_neutralised(workbook):
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
    attendance = table(workbook["Daftar Hadir"])
    formula = next(row for row in attendance if row["Nama"].value == FORMULA_NAME)
    assert formula["Nama"].quotePrefix and formula["Jabatan"].value == "-2+3" and formula["Jabatan"].quotePrefix
    joko = next(row for row in table(workbook["Tidak Hadir"]) if row["Nama"].value == "Joko Widodo")
    assert joko["Keterangan"].value == FORMULA_NOTE and joko["Keterangan"].quotePrefix
    assert joko["Ikrar Mandiri"].value == "Sudah kembali" and joko["Nomor HP"].value == "081234567890"


def test_header_frozen_filtered_and_printed_on_every_page(workbook):
    for sheet in workbook:
        width = sheet.max_column
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        assert sheet.auto_filter.ref.startswith(f"A{HEADER_ROW}:")
        assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert (int(sheet.page_setup.fitToWidth), int(sheet.page_setup.fitToHeight)) == (1, 0)
        assert all(sheet.column_dimensions[chr(64 + i)].width for i in range(1, width + 1))
        assert sheet[HEADER_ROW][0].font.b and sheet["A1"].value.startswith(
            ("DAFTAR", "REKAP", "PESERTA", "PENDAFTARAN")
        )
    attendance = workbook["Daftar Hadir"]
    assert attendance.auto_filter.ref == f"A{HEADER_ROW}:N{HEADER_ROW + len(REGISTERED)}"


def test_widths_fit_the_text_within_a_cap(workbook):
    sheet = workbook["Daftar Hadir"]
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    widths = {header: sheet.column_dimensions[chr(65 + i)].width for i, header in enumerate(headers)}
    assert widths["NIP / NI PPPK"] >= 18 and widths["Status"] < widths["Nama"] <= 40
    assert widths["Nama"] >= len("Drs. Budi Santoso, M.Si.")


def test_recaps_add_up(workbook):
    for name in ("Rekap per OPD", "Rekap Jenis Pegawai"):
        sheet = workbook[name]
        headers = [cell.value for cell in sheet[HEADER_ROW]]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
        groups, total = rows[:-1], rows[-1]
        assert total[1] == "JUMLAH" and total[0] is None
        # The filter covers the groups, not the totals row (sorting must not move it).
        assert sheet.auto_filter.ref.endswith(str(HEADER_ROW + len(groups)))
        for index, (header, _, kind) in enumerate(RECAP_COLUMNS, start=2):
            assert headers[index] == header
            if kind == "number":
                assert sum(row[index] for row in groups) == total[index], (name, header)
        column = {header: i for i, header in enumerate(headers)}
        for row in [*groups, total]:
            assert row[column["Jumlah Hadir"]] == row[column["Hadir di Ruangan"]] + row[column["Daring"]]
            assert row[column["Terdaftar"]] == row[column["Jumlah Hadir"]] + row[column["Jumlah Tidak Hadir"]]
            # One rounding rule with the report and the dashboard: one decimal of a percent.
            assert row[column["Persentase Hadir"]] == pytest.approx(
                round(row[column["Jumlah Hadir"]] / row[column["Terdaftar"]], 3), abs=1e-9
            )
        assert total[column["Terdaftar"]] == len(REGISTERED)
        assert sheet.cell(HEADER_ROW + len(rows), column["Persentase Hadir"] + 1).number_format == "0.0%"
    units = [row[1] for row in workbook["Rekap per OPD"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert units == ["Desa Mekarsari", "Dinas Kesehatan", "Dinas Pendidikan", "RSUD Sukamakmur", "JUMLAH"]


def test_absent_sheet_lists_the_absent_with_their_pledge_status(workbook):
    rows = table(workbook["Tidak Hadir"])
    assert len(rows) == len(ABSENT)
    assert {row["Status"].value for row in rows} == {"Izin", "Sakit", "Dinas Luar", "Tidak Hadir"}
    assert sorted(row["Ikrar Mandiri"].value for row in rows) == ["Belum"] * (len(ABSENT) - 1) + ["Sudah kembali"]


def test_f4_paper_from_the_event_setting_and_the_export_is_audited(report_roster, tmp_path):
    set_setting(report_roster.event_id, PAPER, "F4")
    XlsxExportJob(report_roster.event_id, tmp_path / "f4.xlsx").run()
    sheet = openpyxl.load_workbook(tmp_path / "f4.xlsx")["Daftar Hadir"]
    assert int(sheet.page_setup.paperSize) == 14  # Folio 8½ × 13 in, what drivers call F4
    entry = AuditLog.select().where(AuditLog.action == "export").get()
    assert entry.event_id == report_roster.event_id
    assert json.loads(entry.detail) == {
        "document": "daftar_hadir",
        "format": "xlsx",
        "count": len(PEOPLE),
        "pages": 0,
        "files": 1,
    }


def test_cancelling_leaves_no_file(report_roster, tmp_path):
    progress = Progress()
    progress.cancel()
    out = tmp_path / "keluar"
    with pytest.raises(Cancelled):
        write_xlsx(load_snapshot(report_roster.event_id), out / "batal.xlsx", paper=Paper.A4, progress=progress)
    assert not out.exists() or list(out.iterdir()) == []
    assert openpyxl_temp_files() == []


def openpyxl_temp_files() -> list[str]:
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    return [path for path in ALL_TEMP_FILES if os.path.exists(path)]


def test_an_event_without_participants_still_exports(db, tmp_path):
    import datetime as dt

    from netralitas_desktop.core.events import EventData, create_event

    event_id = create_event(EventData(title="Kosong", date=dt.date(2024, 7, 1)))
    XlsxExportJob(event_id, tmp_path / "kosong.xlsx").run()
    book = openpyxl.load_workbook(tmp_path / "kosong.xlsx")
    assert book.sheetnames == SHEETS[:-1] and table(book["Daftar Hadir"]) == []


@pytest.mark.skipif(
    soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice (Debian: libreoffice-calc-nogui) tidak terpasang",
)
def test_libreoffice_converts_every_sheet_to_csv(workbook, tmp_path):
    source = tmp_path / "daftar hadir.xlsx"
    out = tmp_path / "lo"
    # Tokens: comma, double quote, UTF-8, from line 1, -, -, -, -, cells as shown, -, -, every sheet.
    libreoffice(source, tmp_path, CSV_EVERY_SHEET, out)
    sheets = {}
    for name in SHEETS:
        with open(out / f"daftar hadir-{name}.csv", encoding="utf-8", newline="") as handle:
            sheets[name] = list(csv.reader(handle))
    header = sheets["Daftar Hadir"][HEADER_ROW - 1]
    body = sheets["Daftar Hadir"][HEADER_ROW:]
    nip = header.index("NIP / NI PPPK")
    assert {row[nip] for row in body if row[nip]} == {p.nip for _, p, _ in PEOPLE if p.nip} - {"199205052019032006"}
    names = [row[header.index("Nama")] for row in body]
    assert FORMULA_NAME in names  # still the text, not a computed value
    budi = body[names.index("Drs. Budi Santoso, M.Si.")]
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", budi[header.index("Waktu Hadir (WIB)")])  # as shown
    total = sheets["Rekap per OPD"][-1]
    assert total[1] == "JUMLAH" and total[2] == str(len(REGISTERED)) and total[-1].endswith("%")


LONG_UNITS = (
    "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
    "Unit Pelaksana Teknis Daerah Pusat Kesehatan Masyarakat Kecamatan Sukamakmur Kidul",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "Sekretariat Dewan Perwakilan Rakyat Daerah",
    "RSUD",
)


@pytest.mark.skipif(
    soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice (Debian: libreoffice-calc-nogui) tidak terpasang",
)
def test_printed_through_libreoffice_every_opd_name_is_whole(db, tmp_path):
    """Print-ready as it is: wrapped, never clipped names (the old file printed "…Sumber Daya M"),
    the title within the table, no gridlines outside it, cells ruled and top-aligned."""
    import datetime as dt

    from netralitas_desktop.core import checkin
    from netralitas_desktop.core.events import EventData, create_event
    from netralitas_desktop.core.participants import PersonData, add_participant
    from netralitas_desktop.core.reports.status import status_rows

    event_id = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1), venue="Aula"))
    for index in range(24):
        unit = LONG_UNITS[index % len(LONG_UNITS)]
        registration = add_participant(
            event_id, PersonData(nama=f"Pegawai Nomor {index + 1}", nip=pns_nip(index + 1), unit_kerja=unit)
        )
        if index % 3:
            checkin.check_in_registration(registration, actor=ACTOR)
    source = tmp_path / "rekap.xlsx"
    XlsxExportJob(event_id, source).run()
    sheet = openpyxl.load_workbook(source)["Daftar Hadir"]
    assert not sheet.print_options.gridLines
    assert f"A1:{get_column_letter(sheet.max_column)}1" in {
        str(cells) for cells in sheet.merged_cells.ranges
    }  # title within the table
    unit_cell = next(row["Unit Kerja"] for row in table(sheet) if row["Unit Kerja"].value == LONG_UNITS[0])
    assert unit_cell.alignment.wrap_text and unit_cell.alignment.vertical == "top"
    assert unit_cell.border.left.style == "thin" and unit_cell.border.bottom.style == "thin"

    tokens = subprocess.run(
        ["pdftotext", str(libreoffice_pdf(source, tmp_path)), "-"], capture_output=True, text=True, check=True
    ).stdout.split()
    rows = status_rows(event_id)
    for unit in LONG_UNITS[:-1]:
        people = [row for row in rows if row.unit_kerja == unit]
        # Daftar Hadir, Rekap per OPD, then Tidak Hadir and Belum Ikrar: each person or group once per sheet.
        expected = (
            len(people)
            + 1
            + sum(1 for row in people if not row.present)
            + sum(1 for row in people if row.present and not row.signed)
        )
        assert whole_names(tokens, unit) == expected, unit


def whole_names(tokens: list[str], name: str, max_gap: int = 3) -> int:
    """How often every word of ``name`` appears, in order, in the PDF's text. The words of a wrapped
    cell may be read between a neighbouring cell's ("Luring", "Tidak Hadir"), so a few
    words may come between; a clipped name ("…Satu Pin") never matches."""
    words, count, start = name.split(), 0, 0
    while start < len(tokens):
        if tokens[start] != words[0]:
            start += 1
            continue
        position, matched = start, 1
        while matched < len(words):
            ahead = tokens[position + 1 : position + 2 + max_gap]
            if words[matched] not in ahead:
                break
            position += 1 + ahead.index(words[matched])
            matched += 1
        if matched == len(words):
            count += 1
            start = position + 1
        else:
            start += 1
    return count
