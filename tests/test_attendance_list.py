"""Daftar hadir read back, both kinds: heading on every page, Nama / NIP, page x of y, masked NIKs,
blank signing space (untuk ditandatangani), Keterangan and legible signatures (rekap kehadiran)."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from netralitas_desktop.core.checkin import cancel_registration
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.documents import Paper
from netralitas_desktop.core.documents.table import TableLayout
from netralitas_desktop.core.jobs import Cancelled
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant, list_participants
from netralitas_desktop.core.pledges.attendance_list import (
    AttendanceListJob,
    AttendanceOptions,
    preview_attendance_list,
    write_attendance_list,
)
from netralitas_desktop.core.pledges.document_common import NothingToPrint
from netralitas_desktop.core.pledges.signing_list import ListKind, columns, page_spec
from netralitas_desktop.core.signatures import save_signature
from support.pdf_checks import blue_pixels, render
from support.pdf_text import A4, F4, page_sizes, pdf_pages, pdf_text
from support.pledges import ACTOR, LONG_NAME, make_event, signature_png

RECAP = AttendanceOptions(kind=ListKind.RECAP)


def test_heading_columns_and_people(db, tmp_path):
    sample = make_event()
    result = AttendanceListJob(sample.event_id, tmp_path / "hadir.pdf", actor=ACTOR).run()
    assert (result.count, result.pages) == (5, 1)
    text = pdf_text(tmp_path / "hadir.pdf")
    flat = " ".join(text.split())
    assert "DAFTAR HADIR" in text
    assert "Sosialisasi Netralitas ASN Menjelang Pilkada Serentak 2024" in flat
    assert "Senin, 1 Juli 2024, pukul 08.00 – 12.00 WIB" in flat and "Pendopo Kabupaten Purworejo" in flat
    assert re.search(r"No\s+Nama / NIP\s+Jabatan\s+Unit Kerja\s+Tanda Tangan", text)
    assert LONG_NAME in flat and "Siti Nur'aini, S.Kep." in flat and "Renée Simanjuntak" in flat
    assert "19860926 201505 1 001" in text and "19840721 202422 1 001" in text
    assert "NIK 3330**********01" in text and "3330031809800001" not in text  # handed out: masked
    assert "…" not in text  # nothing was cut short
    assert "Halaman 1 dari 1" in text
    assert "Mengetahui," in text and "Drs. Bambang Wicaksono, M.Si." in text and "Purworejo, 1 Juli 2024" in text


def test_every_page_repeats_the_heading_and_counts_pages(db, tmp_path):
    event_id = create_demo_event(70)
    write_attendance_list(event_id, tmp_path / "hadir.pdf")
    texts = pdf_pages(tmp_path / "hadir.pdf")
    assert len(texts) >= 4
    for number, text in enumerate(texts, start=1):
        assert text.count("DAFTAR HADIR") == 1 and "Hari/Tanggal" in text
        assert f"Halaman {number} dari {len(texts)}" in text
        if number <= len(texts) - 1 or "Tanda Tangan" in text:
            assert re.search(r"No\s+Nama / NIP", text)
    names = [row.full_name for row in list_participants(event_id)]
    flat = " ".join(" ".join(texts).split())
    assert all(name in flat for name in names)
    numbers = [int(n) for n in re.findall(r"^(\d+)$", "\n".join(texts), flags=re.M) if int(n) <= 70]
    assert sorted(set(numbers)) == list(range(1, 71))


@pytest.mark.parametrize(
    "paper, landscape, size",
    [(Paper.A4, False, A4), (Paper.F4, False, F4), (Paper.A4, True, A4[::-1]), (Paper.F4, True, F4[::-1])],
)
def test_paper_and_orientation(db, tmp_path, paper, landscape, size):
    sample = make_event()
    write_attendance_list(sample.event_id, tmp_path / "p.pdf", AttendanceOptions(paper=paper, landscape=landscape))
    assert page_sizes(tmp_path / "p.pdf") == [size]


def test_grouped_by_unit_drops_the_unit_column_and_continues_bands(db, tmp_path):
    sample = make_event()
    for index in range(30):  # one big office runs over onto the next page
        add_participant(sample.event_id, PersonData(nama=f"Pegawai Dinkes {index:02d}", unit_kerja="Dinas Kesehatan"))
    write_attendance_list(sample.event_id, tmp_path / "unit.pdf", AttendanceOptions(group_by_unit=True))
    texts = pdf_pages(tmp_path / "unit.pdf")
    assert len(texts) >= 2
    assert "Unit Kerja" not in texts[0]
    for unit in (
        "Badan Kepegawaian Daerah",
        "Dinas Kesehatan",
        "Dinas Pendidikan dan Kebudayaan",
        "RSUD Tjitrowardojo",
    ):
        assert unit in texts[0] + texts[1]
    assert "Dinas Kesehatan (lanjutan)" in texts[1]


def test_cancelled_left_out_and_only_present(db, tmp_path):
    sample = make_event(check_in=("budi", "pppk"))
    cancel_registration(sample.renee, reason="Pindah tugas", actor=ACTOR)
    write_attendance_list(sample.event_id, tmp_path / "semua.pdf")
    assert "Renée" not in pdf_text(tmp_path / "semua.pdf")
    result = write_attendance_list(sample.event_id, tmp_path / "hadir.pdf", AttendanceOptions(only_present=True))
    text = pdf_text(tmp_path / "hadir.pdf")
    assert result.count == 2 and "Drs. Budi Santoso, M.Si." in text and "Siti Nur'aini" in text
    assert "Agus Prasetyo" not in text


def _signing_halves(
    image, dpi: int, recap: bool = False
) -> tuple[tuple[int, int, int, int], tuple[int, int, int, int]]:
    """The left and right halves of the Tanda Tangan column, in pixels of a render at ``dpi``."""
    frame = page_spec(AttendanceOptions()).frame
    table = TableLayout(columns(False, False, recap), frame.x, frame.width)
    left, middle, right = (
        value * dpi / 72
        for value in (table.lefts[-1], table.lefts[-1] + table.widths[-1] / 2, table.lefts[-1] + table.widths[-1])
    )
    return ((int(left) + 2, 0, int(middle) - 1, image.height), (int(middle) + 1, 0, int(right) - 2, image.height))


def test_the_list_to_sign_leaves_every_space_blank(db, tmp_path):
    """Untuk ditandatangani: numbers alternate left and right; captured signatures are not printed."""
    sample = make_event(sign=("budi", "honorer"))
    write_attendance_list(sample.event_id, tmp_path / "kosong.pdf")
    image = render(tmp_path / "kosong.pdf", dpi=72)
    assert blue_pixels(image, (0, 0, image.width, image.height)) == 0
    text = pdf_text(tmp_path / "kosong.pdf")
    assert re.search(r"1\.\s", text) and re.search(r"5\.\s", text)  # the signing numbers are printed
    assert "Keterangan" not in text


def test_registered_online_is_no_attendance_mark(db, tmp_path):
    """The registration mode says how someone meant to attend, not that they did."""
    sample = make_event()
    add_participant(sample.event_id, PersonData(nama="Yohanes Santoso", nik="3306124505900011"), mode="online")
    write_attendance_list(sample.event_id, tmp_path / "daring.pdf")
    assert "Daring" not in pdf_text(tmp_path / "daring.pdf")
    write_attendance_list(sample.event_id, tmp_path / "rekap.pdf", RECAP)
    assert "Daring" not in pdf_text(tmp_path / "rekap.pdf")  # never checked in online either: Tidak hadir


def test_recap_prints_captured_signatures_legibly_in_their_row(db, tmp_path):
    """About 30 × 12 mm, whatever margins the pad left around the strokes."""
    sample = make_event(sign=("honorer", "budi"), check_in=("honorer", "budi"))
    write_attendance_list(sample.event_id, tmp_path / "rekap.pdf", RECAP)
    image = render(tmp_path / "rekap.pdf", dpi=150)
    frame = page_spec(AttendanceOptions()).frame
    table = TableLayout(columns(False, False, True), frame.x, frame.width)
    column = tuple(int(value * 150 / 72) for value in (table.lefts[-1], table.lefts[-1] + table.widths[-1]))
    ink = image.crop((column[0] + 1, 0, column[1] - 1, image.height))
    rows = _ink_rows(ink)
    assert len(rows) == 2
    for top, bottom in rows:
        box = ink.crop((0, top, ink.width, bottom + 1)).convert("L").point(lambda v: 255 if v < 160 else 0).getbbox()
        width_mm, height_mm = (box[2] - box[0]) * 25.4 / 150, (box[3] - box[1]) * 25.4 / 150
        # As large as the ~30 × 12 mm box allows for the signature's shape (it was 11 × 3 mm).
        assert (width_mm >= 26 or height_mm >= 11) and min(width_mm, height_mm) >= 5, (width_mm, height_mm)
    assert blue_pixels(image, (0, 0, column[0] - 2, image.height)) == 0  # never over the other columns


def _ink_rows(image) -> list[tuple[int, int]]:
    """Vertical runs of rows holding the signature ink (blue) in a column image."""
    data = image.convert("RGB").load()
    inked = [
        any(data[x, y][2] > 60 and data[x, y][2] - data[x, y][0] > 30 for x in range(image.width))
        for y in range(image.height)
    ]
    runs, start = [], None
    for y, value in enumerate([*inked, False]):
        if value and start is None:
            start = y
        elif not value and start is not None:
            if runs and start - runs[-1][1] < 15:  # strokes of one signature, a gap apart
                runs[-1] = (runs[-1][0], y - 1)
            else:
                runs.append((start, y - 1))
            start = None
    return runs


def test_export_is_audited_and_preview_is_not(db, tmp_path):
    event_id = create_demo_event(40)
    preview = preview_attendance_list(event_id)
    reader = PdfReader(io.BytesIO(preview))
    assert len(reader.pages) == 1 and "Halaman 1 dari 3" in reader.pages[0].extract_text()
    assert not AuditLog.select().where(AuditLog.action == "export").exists()
    write_attendance_list(event_id, tmp_path / "hadir.pdf", actor=ACTOR)
    detail = json.loads(AuditLog.get(AuditLog.action == "export").detail)
    assert detail == {"count": 40, "document": "attendance_list", "files": 1, "format": "pdf", "pages": 3}


def test_an_event_without_participants(db, tmp_path):
    import datetime as dt

    from netralitas_desktop.core.events import EventData, create_event

    event_id = create_event(EventData(title="Kosong", date=dt.date(2024, 7, 1)))
    with pytest.raises(NothingToPrint, match="belum memiliki peserta"):
        write_attendance_list(event_id, tmp_path / "x.pdf")
    with pytest.raises(NothingToPrint, match="Belum ada peserta yang hadir"):
        write_attendance_list(event_id, tmp_path / "x.pdf", AttendanceOptions(only_present=True))


def test_many_signatures_stay_inside_their_cells(db, tmp_path):
    """Tall, wide and tiny signatures are scaled into their cell, never over the grid."""
    sample = make_event(sign=(), check_in=("professor", "budi", "pppk", "honorer", "renee"))
    from PIL import Image

    for registration_id, size in zip(
        sample.all, ((2000, 80), (80, 900), (10, 10), (600, 600), (360, 130)), strict=True
    ):
        image = Image.new("RGBA", size, (15, 20, 90, 255))
        out = io.BytesIO()
        image.save(out, "PNG")
        save_signature(registration_id, out.getvalue(), actor=ACTOR)
    write_attendance_list(sample.event_id, tmp_path / "ttd.pdf", RECAP)
    image = render(tmp_path / "ttd.pdf", dpi=72)
    frame = page_spec(AttendanceOptions()).frame
    table = TableLayout(columns(False, False, True), frame.x, frame.width)
    left_of_column = int(table.lefts[-1])
    assert blue_pixels(image, (0, 0, left_of_column - 1, image.height)) == 0
    assert blue_pixels(image, (int(frame.right) + 1, 0, image.width, image.height)) == 0


def test_signatures_on_every_page_of_a_long_recap_and_a_cancel_midway(db, tmp_path):
    """Each page's signatures are prepared while the page before is drawn; all arrive, in order."""
    event_id = create_demo_event(70)
    rows = list_participants(event_id)
    from netralitas_desktop.core.checkin import check_in_registration

    for seed, row in enumerate(rows):
        save_signature(row.registration_id, signature_png(seed), actor=ACTOR)
        check_in_registration(row.registration_id, actor=ACTOR)
    result = AttendanceListJob(event_id, tmp_path / "hadir.pdf", RECAP).run()
    assert result.pages >= 3 and result.document == "attendance_recap"
    reader = PdfReader(tmp_path / "hadir.pdf")
    images = sum(len(page.images) for page in reader.pages)
    assert images == len(rows)
    second = render(tmp_path / "hadir.pdf", page=2, dpi=72)
    assert sum(blue_pixels(second, half) for half in _signing_halves(second, 72, recap=True)) > 500

    job = AttendanceListJob(event_id, tmp_path / "batal.pdf", RECAP)
    with pytest.raises(Cancelled):
        job.execute(lambda done, total, message="": job.cancel())  # stop after the first page
    assert not (tmp_path / "batal.pdf").exists()
