"""Every document a Pemda signs, read back as a BKPSDM administrator and a typographer would.

One event after the day (``support.scenario``: in the room, late, online, izin/sakit/dinas luar,
absent, signed, forms returned), every document made from it, then checked from the PDF text
and the rendered pages: no text under 8 pt, times with their zone, NIKs masked on everything
handed out and whole on the form a person signs, margins of tata naskah dinas with footers
clear of the printer's edge, the Lampiran's page numbers running on from the report's, the rekap
kehadiran's Keterangan equal to the database for every person, and a reference render per
document (``tests/fixtures/reference``) so a layout change shows in review.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netralitas_desktop.core.documents import Paper, mm
from netralitas_desktop.core.documents.page import NASKAH_DINAS, UNPRINTABLE_MM
from netralitas_desktop.core.documents.table import TableLayout
from netralitas_desktop.core.event_settings import MASK_NIK, TIME_ZONE, set_setting
from netralitas_desktop.core.invitations import InvitationPdfJob
from netralitas_desktop.core.models import Attendance, Person, Registration
from netralitas_desktop.core.nip import format_nip, mask_nik
from netralitas_desktop.core.participants import list_participants
from netralitas_desktop.core.pledges.attendance_list import write_attendance_list
from netralitas_desktop.core.pledges.collective_sheet import write_pledge_sheet
from netralitas_desktop.core.pledges.document_settings import load_document_settings, save_document_settings
from netralitas_desktop.core.pledges.ikrar_mandiri import Audience, write_ikrar_mandiri
from netralitas_desktop.core.pledges.pledge_files import PledgeOptions, write_pledge_forms
from netralitas_desktop.core.pledges.signing_list import ListKind, ListOptions, columns, page_spec
from netralitas_desktop.core.reports.models import Absence
from netralitas_desktop.core.reports.report_pdf import ReportPdfJob
from support.pdf_checks import (
    NIK_MASKED,
    assert_like_reference,
    full_niks,
    page_numbers,
    pdf_words,
    smallest_text,
)
from support.scenario import EVENT_DAY, make_scenario

RECAP = ListOptions(kind=ListKind.RECAP)
KOP = ("PEMERINTAH KABUPATEN SUKAMAKMUR", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA")
ADDRESS = "Jl. Veteran No. 3 Sukamakmur 54111, Telepon (0275) 321456"
CARD_LABELS = {"UNDANGAN", "Kepada", "Yth.", "Tunjukkan", "kode", "QR", "ini", "di", "meja", "registrasi."}


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """The scenario's event and every document of it, made once for the module's checks."""
    from netralitas_desktop.core import database

    folder = tmp_path_factory.mktemp("dokumen")
    database.open_database(f"sqlite:///{folder / 'acara.db'}")
    try:
        scenario = make_scenario(60)
        event_id = scenario.event_id
        settings = load_document_settings(event_id)
        save_document_settings(event_id, settings.with_changes(letterhead_lines=KOP, letterhead_address=ADDRESS))
        paths = {
            "daftar_hadir": write_attendance_list(event_id, folder / "daftar_hadir.pdf").path,
            "rekap_kehadiran": write_attendance_list(event_id, folder / "rekap.pdf", RECAP).path,
            "ikrar_bersama": write_pledge_sheet(event_id, folder / "ikrar.pdf").path,
            "pakta": write_pledge_forms(event_id, folder / "pakta.pdf").path,
            "pakta_meterai": write_pledge_forms(event_id, folder / "meterai.pdf", PledgeOptions(meterai=True)).path,
            "ikrar_mandiri": write_ikrar_mandiri(event_id, folder / "mandiri.pdf", audience=Audience.BOTH).path,
            "laporan": ReportPdfJob(event_id, folder / "laporan.pdf", with_attendance_list=True).run().path,
            "undangan": InvitationPdfJob(event_id, folder / "undangan.pdf").run().path,
        }
        yield scenario, {name: Path(path) for name, path in paths.items()}
    finally:
        database.close_database()


OFFICIAL = ("daftar_hadir", "rekap_kehadiran", "ikrar_bersama", "pakta", "pakta_meterai", "ikrar_mandiri", "laporan")


@pytest.mark.parametrize("name", [*OFFICIAL, "undangan"])
def test_no_text_smaller_than_8_pt(documents, name):
    _, paths = documents
    size, word = smallest_text(paths[name])
    if name == "undangan":  # the cards' small labels may stay at 7 pt, nothing else
        from support.pdf_checks import font_sizes

        small = {w.text for s, w in font_sizes(paths[name]) if s < 8 - 0.05}
        assert small <= CARD_LABELS, small - CARD_LABELS
        assert size >= 7 - 0.05
    else:
        assert size >= 8 - 0.05, f"{name}: {word.text!r} at {size:.2f} pt on page {word.page}"


@pytest.mark.parametrize("name", OFFICIAL)
def test_margins_of_tata_naskah_dinas_and_footers_clear_of_the_edge(documents, name):
    _, paths = documents
    found = pdf_words(paths[name])
    for word in found.words:
        width, height = found.sizes[word.page - 1]
        assert word.x0 >= NASKAH_DINAS.left * mm - 1, (name, word)
        assert word.x1 <= width - NASKAH_DINAS.right * mm + 1, (name, word)
        assert word.y0 >= 14 * mm, (name, word)  # the kop starts 15 mm down, text 2 cm down
        assert word.y1 <= height - UNPRINTABLE_MM * mm - 2, (name, word)  # footers too


@pytest.mark.parametrize("name", ["daftar_hadir", "rekap_kehadiran", "ikrar_bersama", "laporan", "undangan"])
def test_times_carry_the_events_zone(documents, name):
    _, paths = documents
    text = " ".join(pdf_words(paths[name]).page_text(1).split())
    assert "pukul 08.00 – 12.00 WIB" in text


@pytest.mark.parametrize("name", ["daftar_hadir", "rekap_kehadiran", "ikrar_bersama", "laporan", "undangan"])
def test_niks_are_masked_on_what_is_handed_out(documents, name):
    _, paths = documents
    found = pdf_words(paths[name])
    text = " ".join(word.text for word in found.words)
    assert full_niks(text) == [], name
    assert NIK_MASKED.search(text), f"{name}: the non-ASN staff are listed with their masked NIK"


def test_the_form_a_person_signs_carries_their_whole_nik(documents):
    scenario, paths = documents
    text = " ".join(word.text for word in pdf_words(paths["ikrar_mandiri"]).words)
    niks = set(full_niks(text))
    owed_non_asn = {
        person.nik
        for person in Person.select().join(Registration).where(Registration.event == scenario.event_id)
        if person.nik and not person.nip
    }
    assert niks and niks <= owed_non_asn  # whole, and only the signer's own on each form
    assert "PEGAWAI NON-ASN" in text and "PAKTA INTEGRITAS NETRALITAS APARATUR SIPIL NEGARA" in text


def test_report_page_numbers_run_on_through_the_lampiran(documents):
    _, paths = documents
    numbers = page_numbers(paths["laporan"])
    total = len(numbers)
    assert numbers == [(page, total) for page in range(1, total + 1)]
    found = pdf_words(paths["laporan"])
    first_lampiran = next(page for page in range(1, total + 1) if found.page_text(page).startswith("LAMPIRAN"))
    assert 1 < first_lampiran < total
    label = found.page_text(first_lampiran)
    assert "LAMPIRAN LAPORAN PELAKSANAAN KEGIATAN" in label and "TANGGAL 20 NOVEMBER 2024" in label
    assert "REKAP KEHADIRAN" in label and "Keterangan" in label


def test_recap_keterangan_matches_the_database_for_every_person(documents):
    scenario, paths = documents
    expected = _remarks_from_the_database(scenario.event_id)
    rows = _recap_rows(paths["rekap_kehadiran"])
    assert len(rows) == len(expected) == 60
    for identity, remark in rows.items():
        assert remark == expected[identity], identity
    late = {_identity_of(registration_id) for registration_id in scenario.late}
    assert late and all(rows[key] == "Hadir 13.30 WIB" for key in late)
    lampiran = _recap_rows(paths["laporan"])
    assert lampiran == rows  # the report's Lampiran says the same


def _identity_of(registration_id: int) -> tuple[str, str]:
    row = next(row for row in list_participants_by_id(registration_id))
    shown = format_nip(row.nip) if row.nip else f"NIK {mask_nik(row.nik)}"
    return row.full_name, shown


def list_participants_by_id(registration_id: int):
    event_id = Registration.get_by_id(registration_id).event_id
    return [row for row in list_participants(event_id) if row.registration_id == registration_id]


def _remarks_from_the_database(event_id: int) -> dict[tuple[str, str], str]:
    """Keterangan as the rules say, read from the tables themselves (not through the document code)."""
    labels = {"izin": "Izin", "sakit": "Sakit", "dinas_luar": "Dinas Luar"}
    attendance = {row.registration_id: row for row in Attendance.select()}
    absence = {row.registration_id: row.reason for row in Absence.select()}
    result = {}
    for row in list_participants(event_id):
        checked = attendance.get(row.registration_id)
        if checked is not None and checked.method == "online":
            remark = "Daring"
        elif checked is not None:
            remark = f"Hadir {checked.checked_in_at:%H.%M} WIB"
        else:
            remark = labels.get(absence.get(row.registration_id), "Tidak hadir")
        shown = format_nip(row.nip) if row.nip else f"NIK {mask_nik(row.nik)}"
        assert (row.full_name, shown) not in result
        result[(row.full_name, shown)] = remark
    return result


def _recap_rows(pdf: Path) -> dict[tuple[str, str], str]:
    """(name, NIP or masked NIK) -> Keterangan of every row of the rekap tables in ``pdf``."""
    found = pdf_words(pdf)
    page = page_spec(ListOptions(paper=Paper.A4))
    table = TableLayout(columns(False, False, True), page.frame.x, page.frame.width)
    spans = {
        title: (left, left + width)
        for title, left, width in zip(
            [column.title for column in table.columns], table.lefts, table.widths, strict=True
        )
    }
    rows = {}
    for number in range(1, len(found.sizes) + 1):
        words = found.on_page(number)
        header = next((word for word in words if word.text == "Keterangan"), None)
        if header is None:
            continue
        # The table ends where the line of totals begins (at the left margin), or at the bottom margin.
        bottom = found.sizes[number - 1][1] - NASKAH_DINAS.bottom * mm
        end = min((word.y0 for word in words if word.text == "Jumlah" and word.x0 < spans["No"][1]), default=bottom)
        body = [word for word in words if header.y1 + 2 < word.y0 < end - 1]
        centres = [word.middle for word in body if _within(word, spans["No"]) and word.text.isdigit()]
        if not centres:
            continue
        names = _blocks([word for word in body if _within(word, spans["Nama / NIP"])], centres)
        remarks = _blocks([word for word in body if _within(word, spans["Keterangan"])], centres)
        for centre in centres:
            lines = names[centre]
            rows[(" ".join(lines[:-1]), lines[-1])] = " ".join(remarks[centre])
    return rows


def _within(word, span) -> bool:
    return span[0] - 0.5 <= word.x0 and word.x1 <= span[1] + 0.5


def _blocks(words, centres) -> dict[float, list[str]]:
    """A column's words as the lines of each cell: lines a leading apart form one cell, and each
    cell (centred in its row) belongs to the row whose number is at its centre."""
    lines: list[list] = []
    for word in sorted(words, key=lambda w: (round(w.y0, 1), w.x0)):
        if lines and abs(lines[-1][0].y0 - word.y0) < 1:
            lines[-1].append(word)
        else:
            lines.append([word])
    cells: list[list[list]] = []
    for line in lines:
        if cells and line[0].y0 - cells[-1][-1][0].y1 < 5:
            cells[-1].append(line)
        else:
            cells.append([line])
    result: dict[float, list[str]] = {}
    for cell in cells:
        middle = (cell[0][0].y0 + cell[-1][0].y1) / 2
        centre = min(centres, key=lambda value: abs(value - middle))
        assert abs(centre - middle) < 3, (middle, centre)
        result[centre] = [" ".join(word.text for word in line) for line in cell]
    return result


@pytest.mark.parametrize(
    "name, page",
    [
        ("daftar_hadir", 1),
        ("rekap_kehadiran", 1),
        ("ikrar_bersama", 1),
        ("pakta", 1),
        ("pakta_meterai", 1),
        ("ikrar_mandiri", 1),
        ("laporan", 1),
        ("laporan", 2),
        ("undangan", 1),
    ],
)
def test_pages_look_like_their_reference(documents, name, page):
    _, paths = documents
    assert_like_reference(paths[name], f"{name}-{page}", page)


def test_report_lampiran_page_looks_like_its_reference(documents):
    _, paths = documents
    found = pdf_words(paths["laporan"])
    first = next(p for p in range(1, len(found.sizes) + 1) if found.page_text(p).startswith("LAMPIRAN"))
    assert_like_reference(paths["laporan"], "laporan-lampiran", first)


def test_a_zone_and_a_switch_change_every_document(db, tmp_path):
    """WITA printed instead of WIB; with masking switched off, lists show whole NIKs."""
    scenario = make_scenario(40)
    set_setting(scenario.event_id, TIME_ZONE, "WITA")
    set_setting(scenario.event_id, MASK_NIK, False)
    path = write_attendance_list(scenario.event_id, tmp_path / "rekap.pdf", RECAP).path
    text = " ".join(word.text for word in pdf_words(Path(path)).words)
    assert "WITA" in text and "WIB" not in text
    assert full_niks(text) and not NIK_MASKED.search(text)
    assert EVENT_DAY.year == 2024


def test_report_and_attachments_need_no_pypdf(db, tmp_path):
    """The PyInstaller bundle leaves pypdf out: the report with its Lampiran and a scanned PDF
    attachment are made in an interpreter where importing pypdf fails."""
    scenario = make_scenario(12)
    db_url = db.url
    script = f"""
import sys
sys.modules["pypdf"] = None  # any import of pypdf raises ImportError
from netralitas_desktop.core import database
database.open_database({db_url!r})
from netralitas_desktop.core.reports.report_pdf import ReportPdfJob
result = ReportPdfJob({scenario.event_id}, {str(tmp_path / "laporan.pdf")!r}, with_attendance_list=True).run()
from netralitas_desktop.core.pledges.mandiri_attachment import prepare_attachment
attachment = prepare_attachment(open({str(tmp_path / "laporan.pdf")!r}, "rb").read(), "pindaian.pdf")
print(result.pages, attachment.filename, "pypdf" in sys.modules and sys.modules["pypdf"] is not None)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=os.environ)
    assert done.returncode == 0, done.stderr
    pages, name, loaded = done.stdout.split()
    assert int(pages) > 2 and name == "pindaian.pdf" and loaded == "False"
