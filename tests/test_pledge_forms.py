"""Signed pledge forms: default wording and variables, per-event settings, the PDFs read back."""

from __future__ import annotations

import io
import json
import threading
import zipfile

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from netralitas_desktop.core.documents import Paper, new_canvas, register_fonts
from netralitas_desktop.core.documents.images import with_print_copy
from netralitas_desktop.core.events import NotFoundError, ValidationError, get_event
from netralitas_desktop.core.jobs import Cancelled
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.pledges.document_common import NothingToPrint
from netralitas_desktop.core.pledges.document_settings import (
    LOGO,
    FormField,
    letterhead_for,
    load_document_settings,
    save_document_settings,
    set_image,
)
from netralitas_desktop.core.pledges.pledge_files import PledgeFormsJob, PledgeOptions, preview_pledge_form
from netralitas_desktop.core.pledges.pledge_forms import body_paragraphs, build_pledge_form, draw_pledge_form, form_page
from netralitas_desktop.core.pledges.pledge_text import (
    FALLBACK_ELECTION,
    blocks,
    default_pledge_text,
    default_sheet_text,
    fill,
    unknown_variables,
    variable_values,
)
from support.pdf_checks import blue_pixels, dark_pixels, render
from support.pdf_text import A4, F4, page_sizes, pdf_pages, pdf_text
from support.pledges import ACTOR, ELECTION, LONG_NAME, make_event, signature_png

# --- wording -------------------------------------------------------------------------------------------------


def test_default_texts_carry_the_four_points_and_their_variables():
    pledge, sheet = default_pledge_text(), default_sheet_text()
    assert sheet.startswith("Dalam rangka menyukseskan {nama_pemilihan}, kami berikrar:")
    assert "saya" in pledge and "{instansi}" in pledge
    for text in (pledge, sheet):
        points = [block for block in blocks(text) if block.marker]
        assert [point.marker for point in points] == ["1.", "2.", "3.", "4."]
        assert points[3].text == "Menolak politik uang dan segala jenis pemberian dalam bentuk apa pun."
        assert not unknown_variables(text)


def test_fill_replaces_known_variables_and_keeps_other_braces(db):
    sample = make_event(sign=())
    values = variable_values(get_event(sample.event_id))
    assert values["tanggal"] == "1 Juli 2024"
    filled = fill("Pada {tanggal} di {tempat}: {nama_pemilihan} ({instansi}) {lain}", values)
    assert filled == f"Pada 1 Juli 2024 di Purworejo: {ELECTION} (Pemerintah Kabupaten Purworejo) {{lain}}"


def test_an_event_without_election_name_still_reads(db):
    from netralitas_desktop.core.events import update_event

    event_id = make_event(sign=()).event_id
    event = get_event(event_id)
    event.election_name = ""
    update_event(event)
    assert variable_values(get_event(event_id))["nama_pemilihan"] == FALLBACK_ELECTION


def test_blocks_join_wrapped_lines_and_split_points():
    text = "Pembuka yang\npanjang:\n\n1. Satu\n   lanjut\n2) Dua\na. Tiga\n\nPenutup."
    assert [(b.marker, b.text) for b in blocks(text)] == [
        ("", "Pembuka yang panjang:"),
        ("1.", "Satu lanjut"),
        ("2)", "Dua"),
        ("a.", "Tiga"),
        ("", "Penutup."),
    ]


# --- settings ------------------------------------------------------------------------------------------------


def test_settings_default_then_round_trip(db):
    event_id = make_event(sign=()).event_id
    settings = load_document_settings(event_id)
    assert settings.pledge_text == default_pledge_text() and settings.paper is Paper.A4 and not settings.meterai
    assert [field.key for field in settings.fields] == ["nama", "nip", "pangkat", "jabatan", "unit_kerja"]
    changed = settings.with_changes(
        pledge_title="SURAT PERNYATAAN",
        pledge_text="Saya, pegawai {instansi}, berjanji netral.",
        meterai=True,
        fields=(FormField("nama", "Nama Lengkap"), FormField("nip", "NIP"), FormField("instansi", "Instansi")),
        paper=Paper.F4,
        letterhead_lines=("PEMERINTAH KABUPATEN PURWOREJO", "BKPSDM"),
        letterhead_address="Jl. Proklamasi No. 2, Purworejo",
    )
    save_document_settings(event_id, changed, actor=ACTOR)
    assert load_document_settings(event_id) == changed
    letterhead = letterhead_for(event_id)
    assert letterhead.lines == ("PEMERINTAH KABUPATEN PURWOREJO", "BKPSDM") and letterhead.logo is None


def test_default_texts_are_not_copied_into_the_event(db):
    from netralitas_desktop.core.event_settings import get_setting

    event_id = make_event(sign=()).event_id
    save_document_settings(event_id, load_document_settings(event_id))
    assert get_setting(event_id, "pledge_form")["text"] == ""  # a better default later reaches this event


@pytest.mark.parametrize(
    "change, field, words",
    [
        (dict(pledge_text="Netral di {instasi}."), "pledge_text", "variabel yang tidak dikenal: {instasi}"),
        (dict(fields=(FormField("nip", "NIP"),)), "fields", "Nama wajib ada"),
        (dict(fields=(FormField("nama", "Nama"), FormField("nama", "Nama"))), "fields", "satu kali"),
        (dict(fields=(FormField("nama", " "),)), "fields", "tidak boleh kosong"),
        (dict(sheet_title="X" * 201), "sheet_title", "paling banyak 200"),
        (dict(pledge_text="Netral. " * 400), "pledge_text", "paling banyak 3.000 karakter"),
    ],
)
def test_bad_settings_are_refused_in_indonesian(db, change, field, words):
    event_id = make_event(sign=()).event_id
    with pytest.raises(ValidationError) as caught:
        save_document_settings(event_id, load_document_settings(event_id).with_changes(**change))
    assert words in caught.value.errors[field]


def test_images_must_be_png_or_jpeg(db):
    event_id = make_event(sign=()).event_id
    with pytest.raises(ValueError, match="Logo kop surat: berkas ini bukan gambar PNG atau JPEG"):
        set_image(event_id, LOGO, b"%PDF-1.4 not an image")
    out = io.BytesIO()
    Image.new("RGB", (40, 40), "navy").save(out, "GIF")
    with pytest.raises(ValueError, match="bukan GIF"):
        set_image(event_id, LOGO, out.getvalue())
    set_image(event_id, LOGO, signature_png(), "logo.png")
    save_document_settings(event_id, load_document_settings(event_id).with_changes(letterhead_lines=("PEMKAB",)))
    assert letterhead_for(event_id).logo == signature_png()
    set_image(event_id, LOGO, None)
    assert letterhead_for(event_id).logo is None


def test_settings_of_a_missing_event(db):
    with pytest.raises(NotFoundError, match="Kegiatan nomor 99 tidak ditemukan"):
        load_document_settings(99)


# --- one form ------------------------------------------------------------------------------------------------


def test_form_fields_per_kind_of_employee(db):
    sample = make_event()
    professor = build_pledge_form(sample.event_id, sample.professor)
    assert professor.fields == (
        ("Nama", LONG_NAME),
        ("NIP", "19860926 201505 1 001"),
        ("Pangkat/Golongan", "Pembina, IV/a"),
        ("Jabatan", "Kepala Dinas"),
        ("Unit Kerja", "Dinas Pendidikan dan Kebudayaan"),
    )
    assert professor.signer_id_line == "NIP. 19860926 201505 1 001"
    assert professor.signature_png == with_print_copy(signature_png(1))  # stored with its print copy
    assert professor.place_date == "Purworejo, 1 Juli 2024"
    assert ELECTION in professor.text and "{" not in professor.text
    pppk = build_pledge_form(sample.event_id, sample.pppk)
    assert pppk.fields[1] == ("NI PPPK", "19840721 202422 1 001") and pppk.fields[2][1] == "Golongan IX"
    assert pppk.signature_png is None
    honorer = build_pledge_form(sample.event_id, sample.honorer)  # PPNPN: own form, no pangkat, whole NIK
    assert honorer.fields[1] == ("NIK", "3330031809800001") and honorer.fields[2] == ("Jabatan", "Pramubakti")
    assert honorer.signer_id_line == "NIK. 3330031809800001"
    assert honorer.title == "PAKTA INTEGRITAS NETRALITAS PEGAWAI NON-ASN" and "pegawai non-ASN" in honorer.text
    assert professor.title == "PAKTA INTEGRITAS NETRALITAS APARATUR SIPIL NEGARA" and "non-ASN" not in professor.text


def test_form_of_someone_from_another_event(db):
    sample = make_event()
    other = make_event(sign=())
    with pytest.raises(NotFoundError, match="tidak terdaftar pada kegiatan ini"):
        build_pledge_form(other.event_id, sample.budi)


def test_qr_code_on_a_form_decodes(db, tmp_path):
    """The hook ikrar mandiri uses: a vector QR with its caption at the foot of the form."""
    sample = make_event(sign=())
    form = build_pledge_form(
        sample.event_id,
        sample.budi,
        qr_text="NTR-IM:12:ABCDEF",
        qr_caption="Pindai kode ini saat formulir dikembalikan.",
    )
    page = form_page(Paper.A4)
    canvas = new_canvas(tmp_path / "qr.pdf", page, title="QR")
    draw_pledge_form(canvas, page, form)
    canvas.showPage()
    canvas.save()
    assert "Pindai kode ini saat formulir dikembalikan." in pdf_text(tmp_path / "qr.pdf")
    codes = zxingcpp.read_barcodes(render(tmp_path / "qr.pdf", dpi=150))
    assert [code.text for code in codes] == ["NTR-IM:12:ABCDEF"]


# --- files ---------------------------------------------------------------------------------------------------


def test_merged_pdf_has_one_page_per_signer(db, tmp_path):
    sample = make_event()
    result = PledgeFormsJob(sample.event_id, tmp_path / "pakta.pdf", actor=ACTOR).run()
    assert (result.count, result.pages, result.format) == (3, 3, "pdf")
    assert page_sizes(tmp_path / "pakta.pdf") == [A4] * 3
    text = pdf_text(tmp_path / "pakta.pdf")
    assert LONG_NAME in text.replace("\n", " ")
    assert "Drs. Budi Santoso, M.Si." in text and "Agus Prasetyo" in text
    assert "Siti Nur'aini" not in text  # she has not signed: ikrar mandiri, not here
    assert "NIP. 19750315 200003 2 002" in text and "NIK. 3330031809800001" in text
    assert text.count("Purworejo, 1 Juli 2024") == 3
    assert "PAKTA INTEGRITAS NETRALITAS APARATUR SIPIL NEGARA" in text
    flat = " ".join(text.split())
    assert "Yang bertanda tangan di bawah ini:" in text and "di lingkungan Pemerintah Kabupaten Purworejo" in flat


def test_export_is_audited_without_personal_data(db, tmp_path):
    sample = make_event()
    PledgeFormsJob(sample.event_id, tmp_path / "pakta.pdf", actor=ACTOR).run()
    entry = AuditLog.select().where(AuditLog.action == "export").get()
    detail = json.loads(entry.detail)
    assert detail == {"count": 3, "document": "pledge_forms", "files": 1, "format": "pdf", "pages": 3}
    assert (entry.event_id, entry.desk, entry.operator) == (sample.event_id, "Meja Uji", "penguji")


def test_f4_paper_and_meterai_box(db, tmp_path):
    sample = make_event(sign=("budi",))
    PledgeFormsJob(sample.event_id, tmp_path / "f4.pdf", PledgeOptions(paper=Paper.F4, meterai=True)).run()
    assert page_sizes(tmp_path / "f4.pdf") == [F4]
    assert "METERAI" in pdf_text(tmp_path / "f4.pdf")
    PledgeFormsJob(sample.event_id, tmp_path / "plain.pdf").run()
    assert "METERAI" not in pdf_text(tmp_path / "plain.pdf")


def test_event_paper_and_meterai_settings_apply(db, tmp_path):
    sample = make_event(sign=("budi",))
    save_document_settings(
        sample.event_id, load_document_settings(sample.event_id).with_changes(paper=Paper.F4, meterai=True)
    )
    PledgeFormsJob(sample.event_id, tmp_path / "event.pdf").run()
    assert page_sizes(tmp_path / "event.pdf") == [F4] and "METERAI" in pdf_text(tmp_path / "event.pdf")


def test_signature_is_drawn_above_the_name(db, tmp_path):
    sample = make_event(sign=("budi",))
    PledgeFormsJob(sample.event_id, tmp_path / "signed.pdf").run()
    image = render(tmp_path / "signed.pdf", dpi=72)  # 1 px = 1 pt
    width, height = image.size
    # The signing space: right half of the page, between the lower body text and the name.
    assert blue_pixels(image, (width // 2, height // 2, width, height)) > 150
    assert blue_pixels(image, (0, 0, width // 2, height)) == 0


def test_per_person_files_in_a_folder_and_a_zip(db, tmp_path):
    sample = make_event()
    result = PledgeFormsJob(sample.event_id, tmp_path / "per orang", PledgeOptions(per_person=True)).run()
    assert (result.format, result.files) == ("folder", 3)
    names = sorted(path.name for path in (tmp_path / "per orang").iterdir())
    assert names == [
        "197503152000032002_Budi Santoso.pdf",
        "198609262015051001_Muhammad Abdurrahman Syahputra Wicaksono.pdf",
        "3330031809800001_Agus Prasetyo.pdf",
    ]
    assert "Agus Prasetyo" in pdf_text(tmp_path / "per orang" / names[2])
    PledgeFormsJob(sample.event_id, tmp_path / "pakta.zip", PledgeOptions(per_person=True)).run()
    with zipfile.ZipFile(tmp_path / "pakta.zip") as archive:
        assert sorted(archive.namelist()) == names
        assert len(PdfReader(io.BytesIO(archive.read(names[0]))).pages) == 1


def test_nobody_signed_is_explained(db, tmp_path):
    sample = make_event(sign=())
    with pytest.raises(NothingToPrint, match="Belum ada peserta yang menandatangani"):
        PledgeFormsJob(sample.event_id, tmp_path / "x.pdf").run()
    assert not (tmp_path / "x.pdf").exists()


def test_cancel_keeps_the_previous_file(db, tmp_path):
    sample = make_event()
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "pakta.pdf"
    target.write_bytes(b"kemarin")

    class CancelAfterFirst(PledgeFormsJob):
        def report(self, done, total, message=""):
            self.cancel()

    with pytest.raises(Cancelled):
        CancelAfterFirst(sample.event_id, target).run()
    assert target.read_bytes() == b"kemarin"
    assert [path.name for path in target.parent.iterdir()] == ["pakta.pdf"]  # no temporary file left behind
    assert not AuditLog.select().where(AuditLog.action == "export").exists()


def test_edited_wording_and_fields_are_printed(db, tmp_path):
    sample = make_event(sign=("budi",))
    save_document_settings(
        sample.event_id,
        load_document_settings(sample.event_id).with_changes(
            pledge_title="SURAT PERNYATAAN NETRALITAS",
            pledge_text="menyatakan tetap netral pada {nama_pemilihan} di {tempat}.",
            fields=(
                FormField("nama", "Nama Lengkap"),
                FormField("nip", "NIP"),
                FormField("unit_kerja", "Tempat Tugas"),
            ),
        ),
    )
    PledgeFormsJob(sample.event_id, tmp_path / "ubah.pdf").run()
    text = pdf_text(tmp_path / "ubah.pdf")
    assert "SURAT PERNYATAAN NETRALITAS" in text and "Nama Lengkap" in text and "Tempat Tugas" in text
    assert "Pangkat/Golongan" not in text and "19750315 200003 2 002" in text
    assert f"menyatakan tetap netral pada {ELECTION} di Purworejo." in " ".join(text.split())


def test_non_asn_staff_sign_their_own_editable_wording(db, tmp_path):
    """PPNPN (PTT/GTT, honorer) sign a non-ASN form, under NIK, never the ASN title over a NIK."""
    sample = make_event(sign=("honorer", "budi"))
    PledgeFormsJob(sample.event_id, tmp_path / "bawaan.pdf").run()
    pages = pdf_pages(tmp_path / "bawaan.pdf", flat_text=True)
    honorer = next(page for page in pages if "Agus Prasetyo" in page)
    assert "PAKTA INTEGRITAS NETRALITAS PEGAWAI NON-ASN" in honorer and "NIK : 3330031809800001" in honorer
    assert "APARATUR SIPIL NEGARA" not in honorer and " NIP " not in honorer
    save_document_settings(
        sample.event_id,
        load_document_settings(sample.event_id).with_changes(
            non_asn_title="PAKTA INTEGRITAS NETRALITAS PTT DAN GTT",
            non_asn_text="menyatakan bahwa sebagai PTT/GTT saya netral pada {nama_pemilihan}.",
        ),
    )
    assert load_document_settings(sample.event_id).non_asn_title == "PAKTA INTEGRITAS NETRALITAS PTT DAN GTT"
    PledgeFormsJob(sample.event_id, tmp_path / "ubah.pdf").run()
    pages = pdf_pages(tmp_path / "ubah.pdf", flat_text=True)
    honorer = next(page for page in pages if "Agus Prasetyo" in page)
    assert "PAKTA INTEGRITAS NETRALITAS PTT DAN GTT" in honorer
    assert f"sebagai PTT/GTT saya netral pada {ELECTION}." in honorer
    budi = next(page for page in pages if "Budi Santoso" in page)
    assert "APARATUR SIPIL NEGARA" in budi and "PTT/GTT" not in budi


def test_default_wording_follows_eyd():
    from netralitas_desktop.core.pledges.pledge_text import (
        default_non_asn_text,
        default_pledge_text,
        default_sheet_text,
    )

    for text in (default_pledge_text(), default_sheet_text()):
        flat = " ".join(text.split())
        for phrase in ("pelayanan publik, baik sebelum", "masyarakat, serta tidak memihak", "beretika, dan demokratis"):
            assert phrase in flat
        assert "pegawai ASN" not in flat and "Pegawai ASN" in flat
    assert "Pegawai ASN" in default_non_asn_text()


def test_meterai_asks_for_a_wet_signature(db, tmp_path):
    """Never a captured signature over the stamp duty: the space is left for the pen, the box beside."""
    sample = make_event(sign=("budi",))
    PledgeFormsJob(sample.event_id, tmp_path / "meterai.pdf", PledgeOptions(meterai=True)).run()
    assert "METERAI" in pdf_text(tmp_path / "meterai.pdf")
    assert len(PdfReader(tmp_path / "meterai.pdf").pages[0].images) == 0  # no signature image at all
    image = render(tmp_path / "meterai.pdf", dpi=72)
    assert blue_pixels(image, (0, 0, image.width, image.height)) == 0
    PledgeFormsJob(sample.event_id, tmp_path / "biasa.pdf").run()
    assert len(PdfReader(tmp_path / "biasa.pdf").pages[0].images) == 1


def test_preview_before_anyone_signed_shows_the_first_participant(db):
    sample = make_event(sign=())
    pdf = preview_pledge_form(sample.event_id)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "Agus Prasetyo" in pdf_text(pdf)  # first by unit, then name
    assert not AuditLog.select().where(AuditLog.action == "export").exists()


def test_long_text_shrinks_to_stay_on_one_page(db, tmp_path):
    sample = make_event(sign=("budi",))
    long_text = "\n".join(
        f"{n}. " + "Kalimat panjang tentang netralitas ASN yang harus dijaga. " * 3 for n in range(1, 17)
    )
    assert 2800 < len(long_text) <= 3000  # about the longest text the settings accept
    save_document_settings(
        sample.event_id,
        load_document_settings(sample.event_id).with_changes(
            pledge_text=long_text, letterhead_lines=("PEMERINTAH KABUPATEN PURWOREJO", "BKPSDM")
        ),
    )
    PledgeFormsJob(sample.event_id, tmp_path / "panjang.pdf").run()
    assert len(PdfReader(tmp_path / "panjang.pdf").pages) == 1
    image = render(tmp_path / "panjang.pdf", dpi=50)
    assert dark_pixels(image, (0, image.height - 20, image.width, image.height)) == 0  # nothing runs off the foot


def test_threads_never_share_a_wrapped_paragraph():
    """The Dokumen tab previews a form while a job prints forms: ReportLab sets and then deletes the
    ``canv`` of the paragraph it draws, so a paragraph shared between the two threads broke one of
    them ("'Paragraph' object has no attribute 'canv'"). The wrapped text is cached per thread."""
    register_fonts()
    text = "Dengan ini saya menyatakan:\n1. Menjaga netralitas ASN.\n2. Tidak memihak."
    here = body_paragraphs(text, 400.0, 12.0)
    assert body_paragraphs(text, 400.0, 12.0) is here  # wrapped once per thread and text
    there: list = []
    worker = threading.Thread(target=lambda: there.append(body_paragraphs(text, 400.0, 12.0)))
    worker.start()
    worker.join()
    (theirs,) = there
    assert not {id(paragraph) for paragraph, _ in theirs} & {id(paragraph) for paragraph, _ in here}
    assert [(p.height, after) for p, after in theirs] == [(p.height, after) for p, after in here]
