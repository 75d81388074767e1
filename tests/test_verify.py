"""Verification end to end: the QR read from a printed-like page (pdftoppm), every forgery of issue 14's
"What was seen", revoking, PDFs page by page, photos, offline checks with another database."""

from __future__ import annotations

import base64
import dataclasses
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from netralitas_desktop.core.certificates import keys, keystore, register, site
from netralitas_desktop.core.certificates.bulk import CertificatesJob
from netralitas_desktop.core.certificates.models import Certificate, CertificateRegister
from netralitas_desktop.core.certificates.payload import (
    DOMAIN,
    PREFIX,
    SIGNATURE_BYTES,
    parse_code,
    sign_claims,
)
from netralitas_desktop.core.certificates.verify import (
    MATCH_ADVICE,
    RevokeError,
    VerifyInputError,
    revoke,
    verify,
    verify_text,
)
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.events import NotFoundError
from netralitas_desktop.core.models import AuditLog
from support.certificates import ACTOR, altered
from support.pdf_checks import qr_codes

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
PROF = "Prof. Dr. Ir. H. Muhammad Abdurrahman Syahputra Wicaksono, S.H., M.H., M.Si."


def signed_with_the_key(text: str, **changes) -> str:
    """The code re-signed after a change, as someone holding the instansi's key could."""
    code = parse_code(text)
    private = keystore.unlock(code.key_id)
    return sign_claims(private, code.key_id, dataclasses.replace(code.claims, **changes))


@pytest.fixture
def issued(certificate_event, tmp_path):
    event_id, ids = certificate_event
    pdf = tmp_path / "sertifikat.pdf"
    CertificatesJob(event_id, pdf).run()
    return event_id, ids, pdf


def test_the_qr_read_from_a_rendered_page_verifies_with_everything_printed(issued, tmp_path):
    event_id, ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    result = verify_text(text)
    certificate = Certificate.get(Certificate.number == result.number)
    assert result.valid and result.headline == "ASLI"
    assert result.holder["name"] == PROF and result.holder["id_text"] == "NIP. 19860926 201505 1 001"
    assert result.claims == {
        "event_title": "Sosialisasi Netralitas ASN pada Pemilihan Kepala Daerah Tahun 2024",
        "date": "2024-07-01",
        "jp": "2",
        "instansi": "Pemerintah Kabupaten Sukamakmur",
    }
    assert result.event["id"] == event_id
    assert certificate.registration_id == ids["Muhammad Abdurrahman Syahputra Wicaksono"]
    assert result.key["fingerprint"] == keys.active_key().fingerprint
    assert MATCH_ADVICE in result.message
    assert len(text) < 280  # compact: base32 of a ~160-byte payload


def test_the_printed_name_or_nip_edited_around_a_genuine_qr_is_caught(issued, tmp_path):
    """What was seen: a page whose printed name, NIP and JP were edited, the genuine QR kept, said ASLI.
    A PDF's text is compared with its code; a photo or scan cannot be, so the verdict says to compare."""
    event_id, _ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    genuine = next(item for item in _items(event_id) if item.number == parse_code(text).claims.number)
    for holder in (
        dataclasses.replace(genuine.holder, name="Orang Lain, S.H."),
        dataclasses.replace(genuine.holder, nip="198609262015051099"),
    ):
        edited = tmp_path / "diubah.pdf"
        _render(event_id, [dataclasses.replace(genuine, holder=holder)], edited)
        report = verify(edited)
        assert report.status == "invalid" and "tercetak pada halaman ini berbeda" in report.first.message
    _render(event_id, [genuine], tmp_path / "asli.pdf")
    report = verify(tmp_path / "asli.pdf")
    assert report.valid and "sama dengan yang ditandatangani" in report.first.notes[-1]
    assert MATCH_ADVICE in report.first.message


def _items(event_id):
    from netralitas_desktop.core.certificates.design import load_design
    from netralitas_desktop.core.certificates.eligibility import eligible_holders
    from netralitas_desktop.core.certificates.items import issue_items
    from netralitas_desktop.core.events import get_event

    return issue_items(event_id, get_event(event_id), load_design(event_id), eligible_holders(event_id))[0]


def _render(event_id, items, target: Path) -> None:
    from netralitas_desktop.core.certificates.design import load_design
    from netralitas_desktop.core.certificates.render import CertificateRenderer, load_assets, render_pdf_bytes
    from netralitas_desktop.core.events import get_event

    design = load_design(event_id)
    renderer = CertificateRenderer(get_event(event_id), design, load_assets(event_id, design))
    target.write_bytes(render_pdf_bytes(renderer, items))


@pytest.mark.parametrize(
    "changes",
    [
        {"number": "800/0099/BKPSDM/2024"},
        {"holder_id": "198609262015051002"},
        {"name": "Orang Lain, S.H."},
        {"event_title": "Pelatihan Kepemimpinan"},
        {"jp": Decimal("32")},
        {"instansi": "Pemerintah Kabupaten Lain"},
    ],
)
def test_every_signed_field_is_covered(issued, tmp_path, changes):
    _event_id, _ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    result = verify_text(altered(text, **changes))
    assert result.status == "invalid" and "Tanda tangan digital tidak cocok" in result.message


def test_one_changed_character_of_the_code_fails(issued, tmp_path):
    _event_id, _ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    code = text.split("#")[-1]
    for position in (len(PREFIX) + 3, len(code) // 2, len(code) - 2):
        swapped = code[:position] + ("A" if code[position] != "A" else "B") + code[position + 1 :]
        assert verify_text(swapped).status == "invalid"


def test_a_number_signed_but_never_issued_is_unrecorded(issued, tmp_path):
    _event_id, _ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    result = verify_text(signed_with_the_key(text, number="800/9999/BKPSDM/2024"))
    assert result.status == "unrecorded" and result.headline == "TIDAK TERCATAT"
    assert "tidak pernah diterbitkan" in result.message


def test_a_genuine_number_with_another_holder_is_refused(issued, tmp_path):
    _event_id, _ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    result = verify_text(signed_with_the_key(text, name="Orang Lain, S.H."))
    assert result.status == "invalid" and "diterbitkan untuk orang lain" in result.message and PROF in result.message


def test_a_multi_page_pdf_is_judged_page_by_page(issued, tmp_path):
    """What was seen: a forged page 2, or a forged page placed first, showed ASLI."""
    _event_id, _ids, pdf = issued
    report = verify(pdf)
    assert [page.page for page in report.pages] == list(range(1, 8))
    assert all(page.status == "valid" for page in report.pages) and report.valid
    forged = tmp_path / "palsu.pdf"
    genuine = PdfReader(pdf)
    writer = PdfWriter()
    writer.add_page(genuine.pages[0])
    fake_page = _page_with_code(tmp_path, altered(qr_codes(pdf, 1)[0], name="Pemalsu, S.H."))
    writer.add_page(PdfReader(fake_page).pages[0])
    writer.add_page(genuine.pages[1])
    with forged.open("wb") as out:
        writer.write(out)
    report = verify(forged)
    assert [page.status for page in report.pages] == ["valid", "invalid", "valid"]
    assert report.status == "invalid" and not report.valid
    first = tmp_path / "palsu-di-depan.pdf"
    writer = PdfWriter()
    writer.add_page(PdfReader(fake_page).pages[0])
    writer.add_page(genuine.pages[0])
    with first.open("wb") as out:
        writer.write(out)
    assert [page.status for page in verify(first).pages] == ["invalid", "valid"]


def _page_with_code(tmp_path: Path, code: str) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    from netralitas_desktop.core.documents import draw_qr, mm

    path = tmp_path / "halaman-palsu.pdf"
    canvas = Canvas(str(path), pagesize=(297 * mm, 210 * mm))
    canvas.drawString(30 * mm, 150 * mm, "SERTIFIKAT Pemalsu, S.H.")
    draw_qr(canvas, code, 120 * mm, 40 * mm, 45 * mm)
    canvas.save()
    return path


def test_a_photo_and_a_pdf_path_verify_directly(issued, tmp_path):
    _event_id, _ids, pdf = issued
    assert verify(str(pdf)).valid
    subprocess.run(
        ["pdftoppm", "-r", "120", "-jpeg", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "foto")],
        check=True,
    )
    report = verify(tmp_path / "foto.jpg")
    assert report.valid and report.pages[0].page is None and report.first.holder["name"] == PROF


@pytest.mark.parametrize(
    "text, message",
    [
        ("NTR1ABCDEF", "bukan kode QR sertifikat"),
        ("SRT2.ABC", "rusak"),
        ("SRT2.AB!D", "tidak dikenal"),
        ("SRT1|1|2|3", "tidak lengkap"),
        ("https://contoh.go.id/cek", "tidak memuat kode sertifikat"),
    ],
)
def test_foreign_or_broken_codes_are_invalid_with_a_reason(db, text, message):
    result = verify_text(text)
    assert result.status == "invalid" and message in result.message


def test_revoked_certificates_say_so_and_are_audited(issued, tmp_path):
    event_id, _ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    number = parse_code(text).claims.number
    revoke(number, "Data peserta keliru", actor=ACTOR)
    result = verify_text(text)
    assert result.status == "revoked" and not result.valid and result.headline == "DICABUT"
    assert result.revoke_reason == "Data peserta keliru" and "DICABUT" in result.message
    entry = AuditLog.select().where(AuditLog.action == "revoke").get()
    assert entry.event_id == event_id and number in entry.detail
    with pytest.raises(RevokeError, match="sudah dicabut"):
        revoke(number)
    with pytest.raises(NotFoundError, match="tidak ditemukan"):
        revoke("999/TIDAK/ADA")
    again = CertificatesJob(event_id, tmp_path / "ulang.pdf").run()
    assert again.count == 6 and again.revoked_skipped == 1


def test_another_computer_imports_the_public_key_once_and_reads_revocations(issued, tmp_path):
    _event_id, _ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    number = parse_code(text).claims.number
    revoke(number, "salah nama", actor=ACTOR)
    site.export_site(tmp_path / "situs")
    pem = keys.export_public_key(tmp_path / "kunci-publik.pem")
    close_database()
    keystore.lock_all()
    open_database(f"sqlite:///{tmp_path / 'lain.db'}")  # another instansi's computer
    assert verify_text(text).status == "invalid" and "kunci yang tidak dikenal" in verify_text(text).message
    only_key = verify_text(text, trusted=site.read_trust_file(pem))
    assert only_key.valid and "tidak diketahui" in only_key.notes[-1]
    listing = site.read_trust_file(tmp_path / "situs")
    assert [key.fingerprint for key in listing.keys] == [only_key.key["fingerprint"]]
    site.trust(listing, actor=ACTOR)
    result = verify_text(text)
    assert result.status == "revoked" and "DICABUT" in result.message
    assert result.revoke_reason == ""  # reasons are not published
    other = verify_text(qr_codes(pdf, 2)[0])
    assert other.valid and "Pemerintah Kabupaten Sukamakmur" in other.notes[-1]


def test_a_tampered_list_is_refused(issued, tmp_path):
    site.export_site(tmp_path / "situs")
    data = (tmp_path / "situs" / "daftar.json").read_text(encoding="utf-8")
    (tmp_path / "situs" / "daftar.json").write_text(
        data.replace('\\"revoked\\":[]', '\\"revoked\\":[[\\"x\\",\\"\\"]]')
    )
    with pytest.raises(site.SiteError, match="telah diubah"):
        site.read_trust_file(tmp_path / "situs")


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


def test_a_page_without_a_code_gets_its_own_verdict(issued, tmp_path):
    _event_id, _ids, pdf = issued
    from reportlab.pdfgen.canvas import Canvas

    empty = tmp_path / "kosong.pdf"
    canvas = Canvas(str(empty))
    canvas.drawString(100, 700, "Lampiran: daftar penerima sertifikat")
    canvas.showPage()
    canvas.save()
    writer = PdfWriter()
    writer.add_page(PdfReader(pdf).pages[0])
    writer.add_page(PdfReader(empty).pages[0])
    mixed = tmp_path / "campur.pdf"
    with mixed.open("wb") as out:
        writer.write(out)
    report = verify(mixed)
    assert [page.status for page in report.pages] == ["valid", "invalid"]
    assert "Tidak ada kode QR" in report.pages[1].problem


def test_qr_codes_computed_by_worker_processes_verify_on_every_page(certificate_event, tmp_path):
    event_id, _ids = certificate_event
    pdf = tmp_path / "pekerja.pdf"
    CertificatesJob(event_id, pdf, workers=2).run()
    numbers = [verify_text(qr_codes(pdf, page, dpi=110)[0]).number for page in range(1, 8)]
    assert numbers == [row.number for row in Certificate.select().order_by(Certificate.seq)]


def test_the_register_keeps_the_issuing_key_and_a_salted_holder_hash(issued):
    rows = list(CertificateRegister.select())
    assert len(rows) == 7 and {row.key_id for row in rows} == {keys.active_key().key_id}
    assert all(len(row.holder_hash) == 64 for row in rows)
    assert register.holder_digest("198609262015051001", PROF) in {row.holder_hash for row in rows}
    assert PROF not in {row.holder_hash for row in rows}


def test_signature_covers_the_domain_tag(issued, tmp_path):
    """A signature made for another purpose with the same key (the signed list) is no certificate."""
    _event_id, _ids, pdf = issued
    (text,) = qr_codes(pdf, 1)
    code = parse_code(text)
    private = keystore.unlock(code.key_id)
    bare = private.sign(code.signed_part)  # without DOMAIN
    forged = PREFIX + base64.b32encode(code.signed_part + bare).decode().rstrip("=")
    assert len(bare) == SIGNATURE_BYTES and DOMAIN == b"NTS2"
    assert verify_text(forged).status == "invalid"
