"""QR invitations made from a real event and read back: PDF text, page sizes, every QR, PNGs, ZIP, CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from netralitas_desktop.cli import main
from netralitas_desktop.core import qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import cancel_registration
from netralitas_desktop.core.documents import Paper
from netralitas_desktop.core.event_settings import MASK_NIK, set_setting
from netralitas_desktop.core.events import EventData, create_event, get_event
from netralitas_desktop.core.invitations import (
    INSTRUCTION,
    InvitationError,
    InvitationImagesJob,
    InvitationPdfJob,
    card_grid,
    card_layout,
    load_invitations,
    unit_counts,
)
from netralitas_desktop.core.jobs import Cancelled
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant
from support.pdf_checks import render
from support.pdf_text import flat, pdf_pages

PROF = "Prof. Dr. Ir. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H., M.Si."

PEOPLE = [  # (gelar depan, nama, gelar belakang, NIP, NIK, unit kerja)
    (
        "Prof. Dr. Ir. H.",
        "Muhammad Abdurrahman Syahputra Wicaksono",
        "S.H., M.H., M.Si.",
        "198609262015051001",
        "",
        "Badan Kepegawaian Daerah",
    ),
    ("Drs. H.", "Budi Santoso", "M.Si.", "196905121994031004", "", "Dinas Kesehatan"),
    ("", "Ani Lestari", "S.Kom.", "200012312024211001", "", "Dinas Kesehatan"),
    ("", "José Müller Ma’ruf", "", "", "3306014509900001", "Desa Mekarsari"),
    ("", 'Ahmad "Gus" Hidayat', "", "", "3306011203850002", "Desa Mekarsari"),
    ("dr.", "Eka Kurnia Anggraini", "", "198001012005012001", "", "dinas kesehatan"),
    ("", "Teguh Prasetyo", "S.T.", "198001012005011002", "", "Dinas Pekerjaan Umum"),
    ("", "Sri Rahayu", "", "", "", "Kecamatan Sukamaju"),
    ("", "Sri Rahayu", "", "", "", "Kecamatan Sukamaju"),
    ("", "Yuni Astuti", "S.Pd.", "198001012005012003", "", ""),
]
# Sorted by unit (empty last, case-insensitive) then by name without titles.
EXPECTED_ORDER = [
    PROF,
    'Ahmad "Gus" Hidayat',
    "José Müller Ma’ruf",
    "Ani Lestari, S.Kom.",
    "Drs. H. Budi Santoso, M.Si.",
    "dr. Eka Kurnia Anggraini",
    "Teguh Prasetyo, S.T.",
    "Sri Rahayu",
    "Sri Rahayu",
    "Yuni Astuti, S.Pd.",
]


@pytest.fixture
def event_id(db):
    event = create_event(
        EventData(
            title="Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun 2024",
            date=dt.date(2024, 7, 1),
            start_time=dt.time(8, 0),
            end_time=dt.time(12, 0),
            venue="Pendopo Kabupaten Sukamakmur",
            organizer="BKPSDM Kabupaten Sukamakmur",
        )
    )
    for depan, nama, belakang, nip, nik, unit in PEOPLE:
        add_participant(
            event, PersonData(gelar_depan=depan, nama=nama, gelar_belakang=belakang, nip=nip, nik=nik, unit_kerja=unit)
        )
    return event


def test_invitations_are_sorted_by_unit_then_name(event_id):
    _, invitations = load_invitations(event_id)
    assert [inv.name for inv in invitations] == EXPECTED_ORDER
    by_name = {inv.name: inv for inv in invitations}
    assert by_name[PROF].id_text == "NIP 19860926 201505 1 001"
    assert by_name["Ani Lestari, S.Kom."].id_text == "NI PPPK 20001231 202421 1 001"
    assert by_name["José Müller Ma’ruf"].id_text == "NIK 3306**********01"  # a card passes through hands
    assert by_name["Sri Rahayu"].id_text == ""
    set_setting(event_id, MASK_NIK, False)  # the committee's switch: whole NIKs for this event
    _, invitations = load_invitations(event_id)
    assert {inv.name: inv for inv in invitations}["José Müller Ma’ruf"].id_text == "NIK 3306014509900001"


def test_unit_filter_ignores_case(event_id):
    _, invitations = load_invitations(event_id, unit="DINAS KESEHATAN")
    assert [inv.name for inv in invitations] == EXPECTED_ORDER[3:6]
    assert ("Dinas Kesehatan", 3) in unit_counts(event_id)
    with pytest.raises(InvitationError, match="Tidak ada peserta dari unit kerja “Dinas Pariwisata”"):
        load_invitations(event_id, unit="Dinas Pariwisata")


def test_an_event_without_participants_is_explained(db):
    empty = create_event(EventData(title="Kosong", date=dt.date(2024, 7, 1)))
    with pytest.raises(InvitationError, match="belum memiliki peserta"):
        load_invitations(empty)


def test_cancelled_registrations_get_no_invitation(event_id):
    _, invitations = load_invitations(event_id)
    cancel_registration(invitations[0].registration_id, reason="Pindah tugas", actor=Actor.default())
    _, remaining = load_invitations(event_id)
    assert [inv.name for inv in remaining] == EXPECTED_ORDER[1:]


@pytest.mark.parametrize("paper, size", [(Paper.A4, (595.28, 841.89)), (Paper.F4, (609.45, 935.43))])
def test_pdf_cards_read_back(event_id, tmp_path, paper, size):
    pdf = tmp_path / f"undangan-{paper.label}.pdf"
    result = InvitationPdfJob(event_id, pdf, paper=paper).run()
    assert (result.count, result.pages, result.format) == (10, 2, "pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == size
    text = flat("\n".join(page.extract_text() for page in reader.pages))
    for name in EXPECTED_ORDER:
        assert name in text
    for number in (
        "NIP 19860926 201505 1 001",
        "NIP 19690512 199403 1 004",
        "NI PPPK 20001231 202421 1 001",
        "NIK 3306**********01",
    ):
        assert number in text
    assert "3306014509900001" not in text
    assert "Senin, 1 Juli 2024, pukul 08.00 – 12.00 WIB" in text
    assert text.count(INSTRUCTION) == 10
    assert "Halaman 1 dari 2" in text and "Halaman 2 dari 2" in text


def test_every_qr_on_a_rendered_page_decodes_to_its_card(event_id, tmp_path):
    pdf = tmp_path / "undangan.pdf"
    InvitationPdfJob(event_id, pdf, paper=Paper.A4).run()
    _, invitations = load_invitations(event_id)
    grid = card_grid(Paper.A4)
    scale = 150 / 72
    for page_number, first in ((1, 0), (2, 8)):
        image = render(pdf, page_number, 150)
        codes = zxingcpp.read_barcodes(image)
        expected = invitations[first : first + grid.per_page]
        assert len(codes) == len(expected)
        for code in codes:
            assert code.format == zxingcpp.BarcodeFormat.QRCode
            decoded = qr_payload.decode(code.text)
            corners = (code.position.top_left, code.position.bottom_right)
            x = sum(p.x for p in corners) / 2 / scale
            y = image.height / scale - sum(p.y for p in corners) / 2 / scale
            slot = next(i for i, cell in enumerate(grid.cells()) if cell.x < x < cell.right and cell.y < y < cell.top)
            invitation = expected[slot]
            assert code.text == invitation.payload == qr_payload.payload_for(invitation.registration_id)
            assert (decoded.event_id, decoded.registration_id) == (event_id, invitation.registration_id)


def test_pdf_of_one_unit(event_id, tmp_path):
    result = InvitationPdfJob(event_id, tmp_path / "desa.pdf", unit="desa mekarsari").run()
    assert (result.count, result.pages) == (2, 1)
    text = pdf_pages(tmp_path / "desa.pdf", flat_text=True)[0]
    assert "José Müller Ma’ruf" in text and "Budi Santoso" not in text
    assert len(zxingcpp.read_barcodes(render(tmp_path / "desa.pdf", 1, 150))) == 2


EXPECTED_FILES = {
    "198609262015051001_Muhammad Abdurrahman Syahputra Wicaksono.png",
    "196905121994031004_Budi Santoso.png",
    "200012312024211001_Ani Lestari.png",
    "José Müller Ma’ruf.png",  # a masked NIK stays out of the file name
    "Ahmad _Gus_ Hidayat.png",
    "198001012005012001_Eka Kurnia Anggraini.png",
    "198001012005011002_Teguh Prasetyo.png",
    "Sri Rahayu.png",
    "Sri Rahayu (2).png",
    "198001012005012003_Yuni Astuti.png",
}


def _payload_by_file(invitations) -> dict[str, str]:
    by_stem = {}
    for inv in invitations:
        name = f"{inv.file_stem.replace(chr(34), '_')}.png"
        by_stem[name if name not in by_stem else name.replace(".png", " (2).png")] = inv.payload
    return by_stem


def test_png_folder_one_image_per_person(event_id, tmp_path):
    progress: list[tuple[int, int]] = []
    job = InvitationImagesJob(event_id, tmp_path / "png")
    result = job.execute(lambda done, total, message="": progress.append((done, total)))
    assert (result.count, result.format) == (10, "png")
    assert progress[-1] == (10, 10) and len(progress) == 10
    files = {p.name for p in (tmp_path / "png").iterdir()}
    assert files == EXPECTED_FILES
    _, invitations = load_invitations(event_id)
    expected = _payload_by_file(invitations)
    for name in files:
        image = Image.open(tmp_path / "png" / name)
        assert image.width == 1000 and 1200 < image.height < 1700
        codes = zxingcpp.read_barcodes(image)
        assert [code.text for code in codes] == [expected[name]]
        qr_payload.decode(codes[0].text)


def test_png_zip_has_the_same_images(event_id, tmp_path):
    archive_path = tmp_path / "undangan.zip"
    result = InvitationImagesJob(event_id, archive_path, unit="Kecamatan Sukamaju").run()
    assert (result.count, result.format) == (2, "zip")
    _, invitations = load_invitations(event_id, unit="Kecamatan Sukamaju")
    with zipfile.ZipFile(archive_path) as archive:
        assert sorted(archive.namelist()) == ["Sri Rahayu (2).png", "Sri Rahayu.png"]
        decoded = {
            zxingcpp.read_barcodes(Image.open(io.BytesIO(archive.read(name))))[0].text for name in archive.namelist()
        }
    assert decoded == {inv.payload for inv in invitations}


def cancel_at(job, count: int):
    """A progress callback that makes ``job`` ask to stop once ``count`` items are done, as the Cancel
    button would."""

    def report(done, total, message=""):
        if done == count:
            job.cancel()

    return report


def test_cancelling_keeps_the_previous_file(event_id, tmp_path):
    out = tmp_path / "keluaran"
    out.mkdir()
    pdf = out / "undangan.pdf"
    pdf.write_bytes(b"undangan kemarin")
    job = InvitationPdfJob(event_id, pdf)
    with pytest.raises(Cancelled):
        job.execute(cancel_at(job, 3))
    assert pdf.read_bytes() == b"undangan kemarin"
    assert [p.name for p in out.iterdir()] == ["undangan.pdf"]


def test_cancelling_a_zip_leaves_nothing_behind(event_id, tmp_path):
    out = tmp_path / "keluaran"
    job = InvitationImagesJob(event_id, out / "undangan.zip")
    with pytest.raises(Cancelled):
        job.execute(cancel_at(job, 2))
    assert list(out.iterdir()) == []


def test_every_written_run_is_audited_with_counts_only(event_id, tmp_path):
    desk = Actor("Meja Undangan", "Rina")
    InvitationPdfJob(event_id, tmp_path / "undangan.pdf", actor=desk).run()
    InvitationImagesJob(event_id, tmp_path / "undangan.zip", unit="Desa Mekarsari", actor=desk).run()
    InvitationImagesJob(event_id, tmp_path / "png", unit="Desa Mekarsari", actor=desk).run()
    entries = list(AuditLog.select().where(AuditLog.action == "export").order_by(AuditLog.id))
    assert [json.loads(entry.detail) for entry in entries] == [
        {"document": "invitations", "count": 10, "pages": 2, "format": "pdf", "files": 1}
        | {"selection": "semua", "marked_sent": 10},
        {"document": "invitations", "count": 2, "pages": 2, "format": "zip", "files": 2}
        | {"selection": "semua+unit", "marked_sent": 2},
        {"document": "invitations", "count": 2, "pages": 2, "format": "png", "files": 2}
        | {"selection": "semua+unit", "marked_sent": 2},
    ]
    assert {(entry.event_id, entry.desk, entry.operator) for entry in entries} == {(event_id, "Meja Undangan", "Rina")}
    details = " ".join(entry.detail for entry in entries)
    assert (
        not any(name in details for name in EXPECTED_ORDER) and "19860926" not in details and "undangan" not in details
    )


def test_a_cancelled_run_is_not_audited(event_id, tmp_path):
    job = InvitationPdfJob(event_id, tmp_path / "undangan.pdf")
    with pytest.raises(Cancelled):
        job.execute(cancel_at(job, 3))
    assert not AuditLog.select().where(AuditLog.action == "export").exists()


def test_cli_pdf_json(event_id, sqlite_url, tmp_path, capsys):
    out = tmp_path / "undangan.pdf"
    code = main(
        ["--db", sqlite_url, "invitations", "--event", str(event_id), "--out", str(out), "--paper", "f4", "--json"]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert result["ok"] is True and result["count"] == 10 and result["pages"] == 2
    assert result["path"] == str(out)
    box = PdfReader(out).pages[0].mediabox
    assert round(float(box.height), 2) == 935.43
    assert AuditLog.get(AuditLog.action == "export").desk.endswith("(CLI)")


def test_cli_zip_and_errors_in_indonesian(event_id, sqlite_url, tmp_path, capsys):
    zip_path = tmp_path / "undangan.zip"
    assert (
        main(
            [
                "--db",
                sqlite_url,
                "invitations",
                "--event",
                str(event_id),
                "--out",
                str(zip_path),
                "--unit",
                "Desa Mekarsari",
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["count"] == 2
    assert len(zipfile.ZipFile(zip_path).namelist()) == 2

    assert (
        main(["--db", sqlite_url, "invitations", "--event", str(event_id), "--out", str(tmp_path / "x.docx"), "--json"])
        == 2
    )
    assert "pakai berkas .pdf" in json.loads(capsys.readouterr().out)["error"]

    assert (
        main(
            [
                "--db",
                sqlite_url,
                "invitations",
                "--event",
                str(event_id),
                "--out",
                str(tmp_path / "u.pdf"),
                "--unit",
                "Dinas Pariwisata",
                "--json",
            ]
        )
        == 2
    )
    assert "Tidak ada peserta" in json.loads(capsys.readouterr().out)["error"]
    assert not (tmp_path / "u.pdf").exists()

    assert main(["--db", sqlite_url, "invitations", "--event", "999", "--out", str(tmp_path / "u.pdf"), "--json"]) == 2
    assert "tidak ditemukan" in json.loads(capsys.readouterr().out)["error"]

    assert (
        main(
            [
                "--db",
                sqlite_url,
                "invitations",
                "--event",
                str(event_id),
                "--out",
                str(tmp_path / "u.pdf"),
                "--paper",
                "letter",
                "--json",
            ]
        )
        == 2
    )
    assert "A4 atau F4" in json.loads(capsys.readouterr().out)["error"]


@pytest.mark.parametrize("paper", [Paper.A4, Paper.F4])
def test_text_keeps_out_of_the_qr_quiet_zone_and_the_venue_is_not_smaller(db, tmp_path, paper):
    """Long names wrap before the code's quiet zone (4 modules); on F4 the venue line is as large as the date's."""
    from netralitas_desktop.core.documents import mm
    from support.pdf_checks import font_sizes, pdf_words

    event = create_event(
        EventData(
            title="Sosialisasi Netralitas Aparatur Sipil Negara pada Pemilihan Kepala Daerah Serentak Tahun 2024",
            date=dt.date(2024, 7, 1),
            start_time=dt.time(8, 0),
            end_time=dt.time(12, 0),
            venue="Pendopo Rumah Dinas Bupati Sukamakmur, Jalan Veteran Nomor 1, Kelurahan Sukamakmur Kidul",
        )
    )
    for index, name in enumerate(("Muhammad Abdurrahman Syahputra Wicaksono Hadiningrat Kusumanegara", "Wahyuningsih")):
        add_participant(
            event,
            PersonData(
                gelar_depan="Prof. Dr. Ir. H.",
                nama=name,
                gelar_belakang="S.H., M.H., M.Si., M.Kom.",
                nik=f"330601450990000{index + 1}",
                unit_kerja="Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan KB",
            ),
        )
    pdf = tmp_path / "undangan.pdf"
    InvitationPdfJob(event, pdf, paper=paper).run()
    grid = card_grid(paper)
    _, height = grid.page.size
    layout = card_layout(get_event(event), *grid.card_size)
    words = pdf_words(pdf).on_page(1)
    for slot in range(2):
        cell = grid.cell(slot)
        left, bottom = cell.right - layout.qr_size - 1 * mm, cell.y + 1 * mm  # the square, quiet zone included
        top = height - (bottom + layout.qr_size)
        inside = [
            word.text
            for word in words
            if word.x1 > left and word.x0 < cell.right and word.y1 > top and word.y0 < height - bottom
        ]
        assert inside == [], inside
    sizes = {word.text: size for size, word in font_sizes(pdf) if word.page == 1}
    assert sizes["Pendopo"] >= sizes["Senin,"] - 0.05  # the venue never smaller than the date line
    assert sizes["Pendopo"] >= 8 - 0.05
