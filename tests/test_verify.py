"""Verification end to end: the QR read from a printed-like page (pdftoppm), tampering, revoking,
offline checks with only the public key, a verification URL, PDFs and photos as input."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
import zxingcpp
from PIL import Image
from test_certificates import ACTOR, event  # noqa: F401 (fixture)

from netralitas_desktop.core.certificates import keys
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.design import load_design, save_design
from netralitas_desktop.core.certificates.models import Certificate
from netralitas_desktop.core.certificates.payload import parse_payload
from netralitas_desktop.core.certificates.verify import RevokeError, VerifyInputError, revoke, verify, verify_text
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.events import NotFoundError
from netralitas_desktop.core.models import AuditLog

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")


def page_qr_texts(pdf: Path, tmp_path: Path, page: int = 1, dpi: int = 150) -> list[str]:
    """Render one page as a printer or scanner would see it and read every QR on it."""
    stem = tmp_path / f"halaman-{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    image = Image.open(f"{stem}.png")
    return [result.text for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


@pytest.fixture
def issued(event, tmp_path):
    event_id, ids = event
    pdf = tmp_path / "sertifikat.pdf"
    CertificatesJob(event_id, pdf).run()
    return event_id, ids, pdf


def test_the_qr_read_from_a_rendered_page_verifies(issued, tmp_path):
    event_id, ids, pdf = issued
    texts = page_qr_texts(pdf, tmp_path, page=1)
    assert len(texts) == 1
    result = verify_text(texts[0])
    certificate = Certificate.get(Certificate.number == result.number)
    assert result.valid and result.status == "valid"
    assert result.holder["name"] == "Prof. Dr. Ir. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H., M.Si."
    assert result.event == {
        "id": event_id,
        "title": "Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun 2024",
        "date": "2024-07-01",
    }
    assert certificate.registration_id == ids["Muhammad Abdurrahman Syahputra Wicaksono"]
    assert result.holder["id_text"] == "NIP 19860926 201505 1 001"
    assert len(texts[0]) < 260  # compact: a version-10 code or smaller


def test_every_page_of_the_merged_pdf_carries_its_own_holder(issued, tmp_path):
    _event_id, _ids, pdf = issued
    numbers = set()
    for page in range(1, 8):
        (text,) = page_qr_texts(pdf, tmp_path, page=page, dpi=110)
        result = verify_text(text)
        assert result.valid
        numbers.add(result.number)
    assert numbers == {row.number for row in Certificate.select()}


def test_a_certificate_pdf_and_a_photo_verify_directly(issued, tmp_path):
    _event_id, _ids, pdf = issued
    assert verify(pdf).valid
    assert verify(str(pdf)).valid
    subprocess.run(["pdftoppm", "-r", "120", "-jpeg", "-singlefile", str(pdf), str(tmp_path / "foto")], check=True)
    assert verify(tmp_path / "foto.jpg").valid


@pytest.mark.parametrize(
    "field, value", [(1, "800/0099/SERT-1/2024"), (2, "198609262015051002"), (3, "Orang Lain, S.H."), (4, "20240702")]
)
def test_a_tampered_number_holder_or_date_fails(issued, tmp_path, field, value):
    _event_id, _ids, pdf = issued
    (text,) = page_qr_texts(pdf, tmp_path)
    parts = text.split("|")
    parts[field] = value
    result = verify_text("|".join(parts))
    assert not result.valid and result.status == "invalid"
    assert "Tanda tangan digital tidak cocok" in result.message


@pytest.mark.parametrize(
    "text, message",
    [
        ("NTR1ABCDEF", "bukan kode QR sertifikat"),
        ("SRT1|1|2|3", "tidak lengkap"),
        ("SRT1|1|2|Nama|20240701|pendek", "tidak lengkap"),
        ("https://contoh.go.id/cek", "tidak memuat kode sertifikat"),
    ],
)
def test_foreign_or_broken_codes_are_invalid_with_a_reason(db, text, message):
    result = verify_text(text)
    assert result.status == "invalid" and message in result.message


def test_revoked_certificates_say_so_and_are_audited(issued, tmp_path):
    event_id, _ids, pdf = issued
    (text,) = page_qr_texts(pdf, tmp_path)
    number = parse_payload(text).number
    revoke(number, "Data peserta keliru", actor=ACTOR)
    result = verify_text(text)
    assert result.status == "revoked" and not result.valid
    assert result.revoke_reason == "Data peserta keliru" and "DICABUT" in result.message
    entry = AuditLog.select().where(AuditLog.action == "revoke").get()
    assert entry.event_id == event_id and number in entry.detail
    with pytest.raises(RevokeError, match="sudah dicabut"):
        revoke(number)
    with pytest.raises(NotFoundError, match="tidak ditemukan"):
        revoke("999/TIDAK/ADA")
    again = CertificatesJob(event_id, tmp_path / "ulang.pdf").run()
    assert again.count == 6 and again.revoked_skipped == 1


def test_offline_verification_needs_only_the_public_key(issued, tmp_path, sqlite_url):
    _event_id, _ids, pdf = issued
    (text,) = page_qr_texts(pdf, tmp_path)
    pem = keys.export_public_key(tmp_path / "kunci-publik.pem")
    close_database()
    other = tmp_path / "lain"
    other.mkdir()
    open_database(f"sqlite:///{other / 'lain.db'}")  # another instansi's database, with another key
    keys.private_key()
    assert verify_text(text).status == "invalid"
    result = verify_text(text, public_key=keys.read_public_key(pem))
    assert result.valid and result.event is None and "tidak tercatat" in result.message
    with pytest.raises(keys.PublicKeyError, match="tidak sah"):
        keys.read_public_key(pdf)


def test_the_key_is_made_once_and_kept_in_the_database(db):
    assert keys.existing_public_key() is None
    first = keys.fingerprint()
    close_database()
    open_database(db.url)
    assert keys.fingerprint() == first
    assert len(first) == 19 and keys.public_key_pem().startswith(b"-----BEGIN PUBLIC KEY-----")


def test_a_verification_url_prefix_wraps_the_same_signed_text(issued, tmp_path):
    event_id, _ids, _pdf = issued
    design = load_design(event_id)
    design.verify_url = "https://bkpsdm.sukamakmur.go.id/verifikasi"
    save_design(event_id, design)
    pdf = tmp_path / "dengan-url.pdf"
    CertificatesJob(event_id, pdf).run()
    (text,) = page_qr_texts(pdf, tmp_path)
    assert text.startswith("https://bkpsdm.sukamakmur.go.id/verifikasi?c=SRT1%7C")
    assert verify_text(text).valid
    assert " " not in text
    assert quote("|") in text


def test_files_without_a_certificate_qr_are_explained(db, tmp_path):
    blank = tmp_path / "kosong.png"
    Image.new("L", (200, 200), 255).save(blank)
    with pytest.raises(VerifyInputError, match="Tidak ada kode QR"):
        verify(blank)
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.4 bukan pdf")
    with pytest.raises(VerifyInputError, match="rusak"):
        verify(broken)
    with pytest.raises(VerifyInputError, match="tidak bisa dibaca"):
        verify(tmp_path / "tidak-ada.pdf")


def test_qr_codes_computed_by_worker_processes_verify_on_every_page(event, tmp_path):
    event_id, _ids = event
    pdf = tmp_path / "pekerja.pdf"
    CertificatesJob(event_id, pdf, workers=2).run()
    numbers = [verify_text(page_qr_texts(pdf, tmp_path, page=page, dpi=110)[0]).number for page in range(1, 8)]
    assert numbers == [row.number for row in Certificate.select().order_by(Certificate.seq)]
