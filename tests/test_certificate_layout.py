"""The default certificate as a typographer and a phone see it (issue 13): the QR read from a 100-dpi,
blurred, JPEG-60 image; two font families; nothing under 8 pt; dates that never break; no empty band
without a logo; masked NIKs; no database id in the number; and a reference page kept in the tests."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageChops, ImageFilter

from netralitas_desktop.core.certificates import keys, keystore, site
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.design import organizer_code
from netralitas_desktop.core.certificates.models import OWN
from netralitas_desktop.core.certificates.verify import verify_text
from netralitas_desktop.core.event_settings import put_asset
from netralitas_desktop.core.models import Event
from netralitas_desktop.core.pdfium import use_pdfium
from support.certificates import make_event, populate
from support.pdf_checks import render

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
REFERENCE = Path(__file__).parent / "fixtures" / "reference" / "sertifikat_bawaan_a4.png"
UPDATE_REFERENCES = "NETRALITAS_UPDATE_REFERENCES"  # set to 1 to rewrite the reference after a wanted change
LONG_TITLE = (
    "Sosialisasi Netralitas Aparatur Sipil Negara (ASN) dalam Penyelenggaraan Pemilihan Umum dan Pemilihan "
    "Kepala Daerah Serentak Tahun 2024 di Lingkungan Pemerintah Kabupaten Sukamakmur"
)
SITE = "https://bkpsdm.sukamakmurkab.go.id/layanan/verifikasi-sertifikat/"


def fixed_key() -> None:
    """A known signing key, so the QR (and so the reference page) is the same on every run."""
    private = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    keystore.save(private)
    keys.register_key(private.public_key(), "Pemerintah Kabupaten Sukamakmur", OWN)


def phone_photo(image: Image.Image) -> Image.Image:
    """The issue's stand-in for a phone photo of a print: 0.8-px Gaussian blur, JPEG quality 60."""
    buffer = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(0.8)).save(buffer, "JPEG", quality=60)
    return Image.open(io.BytesIO(buffer.getvalue()))


@pytest.fixture
def worst_case(db, tmp_path):
    """The longest title, the longest name and a long site address: the densest QR we make (with a
    fixed key, so every run checks the same codes)."""
    fixed_key()
    site.set_site_url(SITE)
    event_id = make_event(LONG_TITLE)
    populate(event_id)
    pdf = tmp_path / "sertifikat.pdf"
    CertificatesJob(event_id, pdf).run()
    return event_id, pdf


def test_the_qr_reads_from_a_100_dpi_blurred_jpeg_of_every_page(worst_case, tmp_path):
    _event_id, pdf = worst_case
    for page in range(1, 8):
        photo = phone_photo(render(pdf, page, 100, grey=True))
        found = [result.text for result in zxingcpp.read_barcodes(photo, formats=zxingcpp.BarcodeFormat.QRCode)]
        assert len(found) == 1 and found[0].startswith(SITE + "#SRT2."), page
        result = verify_text(found[0])
        assert result.valid and result.claims["event_title"] == LONG_TITLE


def test_fonts_sizes_numbers_and_masked_nik(worst_case):
    _event_id, pdf = worst_case
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts.splitlines()[2:] if line.strip()}
    assert families <= {"LiberationSerif", "LiberationSans"} and len(families) <= 2
    assert min(_font_sizes(pdf)) >= 8.0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "SERT-" not in text and "/BKPSDM/2024" in text
    assert "3306**********01" in text and "3306014509900001" not in text
    assert "Sebagai peserta" in text


def _font_sizes(pdf: Path) -> list[float]:
    """The font size of every printed character, as PDFium reads it (through the app's PDFium lock:
    a job of an earlier test may still be using PDFium on a worker thread)."""
    sizes = []
    with use_pdfium() as pdfium:
        document = pdfium.PdfDocument(str(pdf))
        for page in document:
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                if textpage.get_text_range(index, 1).strip():
                    sizes.append(pdfium.raw.FPDFText_GetFontSize(textpage.raw, index))
            textpage.close()
        document.close()
    return sizes


def test_a_date_never_breaks_across_lines(db, tmp_path):
    event_id = make_event()
    Event.update(venue="Aula Utama Gedung Sekretariat Daerah Kabupaten Sukamakmur Lantai Tiga").where(
        Event.id == event_id
    ).execute()
    populate(event_id)
    pdf = tmp_path / "tanggal.pdf"
    CertificatesJob(event_id, pdf).run()
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines()]
    assert any("pada Senin, 1 Juli 2024" in line for line in lines)
    assert not any(line.endswith(("Senin,", "Senin, 1", "Juli")) for line in lines)


def test_no_empty_band_at_the_top_without_a_logo(db, tmp_path):
    event_id = make_event()
    populate(event_id)
    CertificatesJob(event_id, tmp_path / "tanpa-logo.pdf").run()
    logo = Image.new("RGB", (200, 200), (20, 60, 140))
    buffer = io.BytesIO()
    logo.save(buffer, "PNG")
    put_asset(event_id, "logo", buffer.getvalue(), "logo.png")
    CertificatesJob(event_id, tmp_path / "dengan-logo.pdf").run()
    without, with_logo = (_first_text_top_mm(tmp_path / name) for name in ("tanpa-logo.pdf", "dengan-logo.pdf"))
    assert with_logo > 35 and without < 22  # the instansi line moves up into the logo's place


def _first_text_top_mm(pdf: Path) -> float:
    with use_pdfium() as pdfium:
        document = pdfium.PdfDocument(str(pdf))
        page = document[0]
        textpage = page.get_textpage()
        height = page.get_height()
        tops = [textpage.get_charbox(index)[3] for index in range(textpage.count_chars())]
        textpage.close()
        document.close()
    return (height - max(tops)) / 72 * 25.4


def test_organiser_codes_for_numbers():
    assert organizer_code("BKPSDM Kabupaten Sukamakmur") == "BKPSDM"
    assert organizer_code("Badan Kepegawaian Daerah Kabupaten Sukamakmur") == "BKD"
    assert organizer_code("Sekretariat Daerah (SETDA)") == "SETDA"
    assert organizer_code("") == "SERT"


def test_the_default_certificate_matches_its_reference_page(db, tmp_path):
    """A layout change shows up in review: the page at 40 dpi against tests/fixtures/reference."""
    fixed_key()
    event_id = make_event()
    populate(event_id)
    pdf = tmp_path / "bawaan.pdf"
    CertificatesJob(event_id, pdf).run()
    page = render(pdf, 1, 40, grey=True)
    if os.environ.get(UPDATE_REFERENCES) == "1" or not REFERENCE.exists():
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        page.save(REFERENCE, optimize=True)
        if os.environ.get(UPDATE_REFERENCES) != "1":
            pytest.fail(f"reference page written to {REFERENCE}: look at it, commit it, run again")
    reference = Image.open(REFERENCE).convert("L")
    assert page.size == reference.size
    difference = ImageChops.difference(page, reference)
    histogram = difference.histogram()
    changed = sum(histogram[64:]) / (page.size[0] * page.size[1])
    mean = sum(value * count for value, count in enumerate(histogram)) / (page.size[0] * page.size[1])
    assert changed < 0.004 and mean < 2.0, f"{changed:.4f} of the pixels differ (mean {mean:.2f})"


def test_a_qr_too_small_for_its_code_is_a_design_warning(worst_case):
    from netralitas_desktop.core.certificates.design import check_design, load_design, save_design

    event_id, _pdf = worst_case
    design = load_design(event_id)
    assert not any("Kode QR terlalu padat" in problem for problem in check_design(event_id, design))
    design.field("qr").width_mm = 24
    save_design(event_id, design)
    (warning,) = [problem for problem in check_design(event_id, design) if "Kode QR terlalu padat" in problem]
    assert "(24 mm)" in warning and "paling sedikit" in warning
