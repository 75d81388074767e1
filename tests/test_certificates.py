"""Certificates from a real event: who gets one, pages and text read back, numbers kept across
runs, per-person files, backgrounds, design checks and templates, the preview."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from netralitas_desktop.core.certificates.background import set_background
from netralitas_desktop.core.certificates.bulk import CertificateError, CertificatesJob
from netralitas_desktop.core.certificates.design import (
    BACKGROUND_ASSET,
    DesignError,
    FieldSpec,
    check_design,
    default_design,
    design_from_json,
    design_to_json,
    export_template,
    import_template,
    load_design,
    save_design,
)
from netralitas_desktop.core.certificates.eligibility import eligible_holders
from netralitas_desktop.core.certificates.models import Certificate
from netralitas_desktop.core.certificates.numbering import NumberingError, assign_numbers, number_format_problem
from netralitas_desktop.core.certificates.render import render_preview_pdf
from netralitas_desktop.core.checkin import check_in_registration
from netralitas_desktop.core.event_settings import CERTIFICATE_FOR_ONLINE, ONLINE_MIN_MINUTES, put_asset, set_setting
from netralitas_desktop.core.jobs import Cancelled
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant
from support.certificates import ACTOR, ONSITE, PROF, make_event, png_bytes, populate
from support.pdf_text import page_count, pdf_pages

# --- eligibility -----------------------------------------------------------------------------------------


def test_room_attendees_only_unless_the_event_allows_online(certificate_event):
    event_id, _ids = certificate_event
    names = {holder.nama for holder in eligible_holders(event_id)}
    assert names == {nama for _d, nama, *_ in ONSITE}
    set_setting(event_id, CERTIFICATE_FOR_ONLINE, True)
    set_setting(event_id, ONLINE_MIN_MINUTES, 60)
    names = {holder.nama for holder in eligible_holders(event_id)}
    assert "Daring Cukup" in names and "Daring Sebentar" not in names
    assert "Batal Hadir" not in names and "Tidak Datang" not in names
    set_setting(event_id, ONLINE_MIN_MINUTES, 15)
    assert "Daring Sebentar" in {holder.nama for holder in eligible_holders(event_id)}


# --- the merged PDF --------------------------------------------------------------------------------------


def test_merged_pdf_has_a_page_per_eligible_attendee_with_their_text(certificate_event, tmp_path):
    event_id, _ids = certificate_event
    set_setting(event_id, CERTIFICATE_FOR_ONLINE, True)
    set_setting(event_id, ONLINE_MIN_MINUTES, 60)
    target = tmp_path / "sertifikat.pdf"
    result = CertificatesJob(event_id, target, actor=ACTOR).run()
    holders = eligible_holders(event_id)
    assert result.count == len(holders) == 8
    pages = pdf_pages(target, flat_text=True)
    assert len(pages) == 8
    numbers = {row.registration_id: row.number for row in Certificate.select()}
    for holder, text in zip(holders, pages, strict=True):
        assert holder.name in text  # the long professor's name too: it shrinks, it is not cut
        assert "SERTIFIKAT" in text and "diberikan kepada" in text
        assert "Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun 2024" in text
        assert "Senin, 1 Juli 2024" in text and "2 jam pelajaran" in text
        assert "Drs. Bambang Wicaksono, M.Si." in text and "Sukamakmur, 1 Juli 2024" in text
        assert f"Nomor: {numbers[holder.registration_id]}" in text
    assert any(PROF in text for text in pages)
    assert any("NI PPPK 20001231 202421 1 001" in text for text in pages)
    assert any("NIK. 3306**********01" in text for text in pages)
    assert not any("3306014509900001" in text for text in pages)  # UU PDP: masked on what is handed out
    entry = AuditLog.select().where(AuditLog.action == "export").get()
    assert json.loads(entry.detail) == {
        "document": "certificates",
        "count": 8,
        "pages": 8,
        "format": "pdf",
        "files": 1,
        "per_person": False,
        "signed": False,
    }


def test_numbers_are_kept_across_runs_and_continue_without_gaps(certificate_event, tmp_path):
    event_id, ids = certificate_event
    CertificatesJob(event_id, tmp_path / "a.pdf").run()
    first = {row.registration_id: (row.seq, row.number) for row in Certificate.select()}
    assert sorted(seq for seq, _ in first.values()) == list(range(1, 8))
    assert first[ids["Budi Santoso"]][1].startswith("800/") and first[ids["Budi Santoso"]][1].endswith("/BKPSDM/2024")
    check_in_registration(ids["Tidak Datang"], actor=ACTOR)
    CertificatesJob(event_id, tmp_path / "b.pdf").run()
    second = {row.registration_id: (row.seq, row.number) for row in Certificate.select()}
    assert {rid: second[rid] for rid in first} == first
    assert second[ids["Tidak Datang"]][0] == 8
    assert page_count(tmp_path / "b.pdf") == 8


def test_events_sharing_a_format_continue_one_series(db, tmp_path):
    """``800/{seq}/BKPSDM/{year}`` without {event} is one series per organiser and year, as in an
    agenda book: the second event continues after the first instead of clashing with it."""
    one, two = make_event("Kegiatan Satu"), make_event("Kegiatan Dua")
    for event_id in (one, two):
        populate(event_id)
        design = load_design(event_id)
        design.number_format = "800/{seq:03d}/BKPSDM/{year}"
        save_design(event_id, design)
    CertificatesJob(one, tmp_path / "one.pdf").run()
    assert not any("sudah dipakai" in problem for problem in check_design(two, load_design(two)))
    CertificatesJob(two, tmp_path / "two.pdf").run()
    numbers = [row.number for row in Certificate.select().where(Certificate.event == two).order_by(Certificate.seq)]
    assert numbers[0] == "800/008/BKPSDM/2024" and numbers[-1] == "800/014/BKPSDM/2024"


def test_number_format_is_checked():
    assert number_format_problem("800/{seq:04d}/BKPSDM/{month_roman}/{year}") is None
    assert "harus memuat nomor urut {seq}" in number_format_problem("800/BKPSDM/{year}")
    assert "{nomor}" in number_format_problem("800/{nomor}/{seq}")
    assert "tidak berpasangan" in number_format_problem("800/{seq")
    assert "tidak sah" in number_format_problem("{seq:xyz}")
    assert "wajib diisi" in number_format_problem("  ")


def test_nobody_attended_is_a_clear_message(db, tmp_path):
    event_id = make_event()
    add_participant(event_id, PersonData(nama="Belum Hadir", nip="198401012009041001"))
    with pytest.raises(CertificateError, match="Belum ada peserta yang berhak"):
        CertificatesJob(event_id, tmp_path / "x.pdf").run()
    assert not Certificate.select().exists()


def test_cancel_leaves_no_file(certificate_event, tmp_path):
    event_id, _ids = certificate_event
    folder = tmp_path / "keluaran"
    job = CertificatesJob(event_id, folder / "batal.pdf")
    with pytest.raises(Cancelled):
        job.execute(lambda done, total, message="": job.cancel() if done >= 2 else None)
    assert list(folder.iterdir()) == []


# --- per-person files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_one_file_per_person_named_nip_and_name(certificate_event, tmp_path, workers):
    event_id, _ids = certificate_event
    folder = tmp_path / "per orang"
    result = CertificatesJob(event_id, folder, per_person=True, workers=workers).run()
    files = sorted(path.name for path in folder.iterdir())
    assert result.count == 7 and len(files) == 7
    assert "198609262015051001_Muhammad Abdurrahman Syahputra Wicaksono.pdf" in files
    assert "José Müller Ma’ruf.pdf" in files  # a NIK stays out of a file handed out (UU PDP)
    assert not any("3306014509900001" in name for name in files)
    assert "Sri Rahayu.pdf" in files  # neither NIP nor NIK
    for path in folder.iterdir():
        pages = pdf_pages(path, flat_text=True)
        assert len(pages) == 1 and "SERTIFIKAT" in pages[0]
    texts = pdf_pages(folder / "196905121994031004_Budi Santoso.pdf", flat_text=True)
    assert "Drs. H. Budi Santoso, M.Si." in texts[0]


def test_cancelled_per_person_run_leaves_the_folder_as_it_was(certificate_event, tmp_path):
    event_id, _ids = certificate_event
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "lain.txt").write_text("milik pengguna")
    job = CertificatesJob(event_id, folder, per_person=True, workers=1)
    with pytest.raises(Cancelled):
        job.execute(lambda done, total, message="": job.cancel() if done >= 3 else None)
    assert [path.name for path in folder.iterdir()] == ["lain.txt"]


# --- backgrounds, preview ---------------------------------------------------------------------------------


def frame_image(size=(1200, 850)) -> Image.Image:
    image = Image.new("RGB", size, (250, 246, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(120, 90, 30), width=18)
    return image


def pdf_page_background() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(842, 595))
    canvas.setStrokeColorRGB(0.5, 0.1, 0.1)
    canvas.setLineWidth(12)
    canvas.rect(20, 20, 802, 555)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["png", "jpeg", "pdf"])
def test_background_is_embedded_once_for_all_pages(certificate_event, tmp_path, kind):
    event_id, _ids = certificate_event
    data = pdf_page_background() if kind == "pdf" else png_bytes(frame_image(), kind.upper())
    set_background(event_id, data, f"bingkai.{kind}")
    design = load_design(event_id)
    design.background, design.frame = BACKGROUND_ASSET, False
    save_design(event_id, design)
    target = tmp_path / "latar.pdf"
    CertificatesJob(event_id, target).run()
    reader = PdfReader(target)
    assert len(reader.pages) == 7
    images = set()
    for page in reader.pages:
        forms = page["/Resources"]["/XObject"]
        for form in forms.values():
            for _name, image in form.get_object()["/Resources"]["/XObject"].items():
                images.add(image.indirect_reference.idnum)
    assert len(images) == 1  # one image object, drawn through one form on every page
    assert target.stat().st_size < 1_500_000


def test_a_broken_background_is_refused_in_indonesian(certificate_event):
    event_id, _ids = certificate_event
    with pytest.raises(DesignError, match="bukan gambar PNG/JPEG atau PDF"):
        set_background(event_id, b"bukan gambar", "x.png")
    with pytest.raises(DesignError, match="rusak"):
        set_background(event_id, b"%PDF-1.4 rusak", "x.pdf")


def test_preview_uses_the_first_five_and_gives_no_numbers(certificate_event):
    event_id, _ids = certificate_event
    pages = pdf_pages(render_preview_pdf(event_id, load_design(event_id)), flat_text=True)
    assert len(pages) == 5
    assert "Nomor: 800/0001/BKPSDM/2024" in pages[0] and "SERT-" not in " ".join(pages)
    assert not Certificate.select().exists()


def test_preview_before_anyone_attended_shows_participants_or_a_sample(db):
    event_id = make_event()
    pages = pdf_pages(render_preview_pdf(event_id, default_design()), flat_text=True)
    assert len(pages) == 1 and "Contoh Nama Peserta" in pages[0]
    add_participant(event_id, PersonData(nama="Calon Peserta", nip="198401012009041001"))
    assert "Calon Peserta" in pdf_pages(render_preview_pdf(event_id, default_design()), flat_text=True)[0]


# --- design checks and templates -------------------------------------------------------------------------


def test_check_design_names_unknown_placeholders_and_missing_data(certificate_event):
    event_id, _ids = certificate_event
    design = default_design()
    design.fields.append(FieldSpec("text_9", 30, 190, 100, text="Angkatan {angkatan} {name:lower}"))
    problems = check_design(event_id, design)
    assert any("{angkatan}" in problem and "{name:lower}" in problem for problem in problems)
    assert any("Logo instansi belum diunggah" in problem for problem in problems)
    put_asset(event_id, "logo", png_bytes(frame_image((100, 100))))
    put_asset(event_id, "signatory1_signature", png_bytes(frame_image((300, 100))))
    assert check_design(event_id, default_design()) == []


def test_template_round_trip_with_background(certificate_event, tmp_path):
    event_id, _ids = certificate_event
    set_background(event_id, png_bytes(frame_image(), "JPEG"), "bingkai.jpg")
    design = load_design(event_id)
    design.background, design.number_format = BACKGROUND_ASSET, "{seq}/SERT/{month_roman}/{year}"
    design.fields[0].x_mm = 12.5
    save_design(event_id, design)
    path = export_template(event_id, tmp_path / "templat.json")
    other = make_event("Kegiatan Lain")
    imported = import_template(other, path)
    assert imported == load_design(other) == design
    assert design_from_json(design_to_json(design)) == design


@pytest.mark.parametrize(
    "content, message",
    [
        ("bukan json", "bukan JSON"),
        (json.dumps({"kind": "lain"}), "bukan templat sertifikat Netralitas"),
        (json.dumps({"kind": "netralitas-certificate-design", "version": 99, "design": {}}), "versi aplikasi"),
        (
            json.dumps(
                {
                    "kind": "netralitas-certificate-design",
                    "version": 1,
                    "design": {"fields": [{"key": "name", "x_mm": "kiri"}]},
                }
            ),
            "rusak",
        ),
        (
            json.dumps(
                {"kind": "netralitas-certificate-design", "version": 1, "design": {"paper": "A3", "fields": []}}
            ),
            "Ukuran kertas tidak dikenal",
        ),
    ],
)
def test_a_bad_template_file_is_refused_in_indonesian(db, tmp_path, content, message):
    event_id = make_event()
    before = load_design(event_id)
    path = tmp_path / "templat.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DesignError, match=message):
        import_template(event_id, path)
    assert load_design(event_id) == before


def test_assign_numbers_keeps_existing_and_rejects_bad_format(certificate_event):
    event_id, ids = certificate_event
    first = assign_numbers(event_id, [ids["Ani Lestari"], ids["Budi Santoso"]], "A/{seq}")
    again = assign_numbers(event_id, [ids["Budi Santoso"], ids["Teguh Prasetyo"]], "B/{seq}")
    assert again[ids["Budi Santoso"]] == first[ids["Budi Santoso"]]
    assert again[ids["Teguh Prasetyo"]].number == "B/3"
    with pytest.raises(NumberingError):
        assign_numbers(event_id, [ids["Sri Rahayu"]], "tanpa nomor urut")


def test_default_design_fits_both_papers():
    for paper in ("A4", "F4"):
        design = default_design(paper)
        width, height = design.page_size_mm
        assert width > height
        assert all(spec.x_mm + spec.width_mm <= width and spec.y_mm < height for spec in design.fields)


def test_background_png_with_transparency_is_flattened(certificate_event, tmp_path):
    event_id, _ids = certificate_event
    image = Image.new("RGBA", (600, 420), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((10, 10, 590, 410), outline=(0, 0, 120, 255), width=10)
    set_background(event_id, png_bytes(image), "bingkai.png")
    design = load_design(event_id)
    design.background = BACKGROUND_ASSET
    pages = pdf_pages(render_preview_pdf(event_id, design, count=2), flat_text=True)
    assert len(pages) == 2 and "SERTIFIKAT" in pages[0]
