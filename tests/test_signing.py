"""PAdES signing of certificate PDFs with a PKCS#12 file, checked with pyHanko's validator."""

from __future__ import annotations

import datetime as dt
import io
import pickle

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pypdf import PdfReader

from netralitas_desktop.core.certificates.signing import (
    DEFAULT_STAMP_BOX,
    FIELD_NAME,
    UNCERTIFIED_NOTE,
    PdfSigningError,
    Signer,
    add_empty_signature_field,
)
from netralitas_desktop.core.documents import SANS, PageSpec, Paper, new_canvas
from support.signing import PASSWORD, make_p12, validate


@pytest.fixture(scope="module")
def p12(tmp_path_factory):
    return make_p12(tmp_path_factory.mktemp("p12"))


def certificate_pdf(landscape: bool = True, text: str = "SERTIFIKAT") -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, PageSpec(Paper.A4, landscape=landscape), title="Sertifikat")
    canvas.setFont(SANS.bold, 36)
    canvas.drawCentredString(canvas._pagesize[0] / 2, canvas._pagesize[1] / 2, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_signed_pdf_is_pades_intact_valid_and_trusted(p12):
    path, cert = p12
    signer = Signer(path, PASSWORD)
    signed = signer.sign_bytes(certificate_pdf())
    status = validate(signed, cert)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    reader = PdfFileReader(io.BytesIO(signed))
    assert reader.embedded_signatures[0].sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert signer.holder == "Kepala BKPSDM Uji" and signer.self_signed
    assert signer.valid_until == cert.not_valid_after_utc.date()


def test_visible_stamp_sits_in_the_fixed_rectangle_and_says_uncertified(p12):
    path, _ = p12
    signed = Signer(path, PASSWORD).sign_bytes(certificate_pdf(landscape=True))
    page = PdfReader(io.BytesIO(signed)).pages[0]
    (widget,) = [a.get_object() for a in page["/Annots"]]
    assert widget["/T"] == FIELD_NAME
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert [round(float(v)) for v in widget["/Rect"]] == list(DEFAULT_STAMP_BOX.rect(width, height))
    stream = widget["/AP"]["/N"].get_object().get_data().decode("latin-1")
    assert UNCERTIFIED_NOTE in stream and "Kepala BKPSDM Uji" in stream


def test_a_changed_byte_breaks_the_signature(p12):
    path, cert = p12
    signed = bytearray(Signer(path, PASSWORD).sign_bytes(certificate_pdf(text="SERTIFIKAT ASLI")))
    # Alter the page content stream (before the signature), keeping the file's structure.
    reader = PdfFileReader(io.BytesIO(bytes(signed)))
    sig_start = reader.embedded_signatures[0].byte_range[1]
    position = signed.index(b"stream", 0, sig_start) + 10
    signed[position] ^= 0x01
    status = validate(bytes(signed), cert)
    assert not status.intact
    assert not status.bottom_line


def test_an_untrusted_key_is_valid_but_not_trusted(p12, tmp_path):
    path, _ = p12
    _, other_cert = make_p12(tmp_path, name="Orang Lain")
    status = validate(Signer(path, PASSWORD).sign_bytes(certificate_pdf()), other_cert)
    assert status.intact and status.valid and not status.trusted


def test_wrong_password_and_bad_file_give_clear_indonesian_messages(p12, tmp_path):
    path, _ = p12
    with pytest.raises(PdfSigningError, match=r"Kata sandi untuk .* salah"):
        Signer(path, b"salah")
    junk = tmp_path / "bukan.p12"
    junk.write_bytes(b"ini bukan sertifikat" * 20)
    with pytest.raises(PdfSigningError, match="bukan sertifikat digital PKCS#12"):
        Signer(junk, PASSWORD)
    with pytest.raises(PdfSigningError, match="tidak dapat dibaca"):
        Signer(tmp_path / "tidak-ada.p12", PASSWORD)


def test_expired_certificate_is_refused(tmp_path):
    path, _ = make_p12(tmp_path, days=(-400, -2), name="Kedaluwarsa")
    with pytest.raises(PdfSigningError, match="kedaluwarsa"):
        Signer(path, PASSWORD)


def test_empty_field_reserves_the_rectangle_and_signing_fills_it(p12):
    path, cert = p12
    unsigned = add_empty_signature_field(certificate_pdf(landscape=False))
    reader = PdfReader(io.BytesIO(unsigned))
    assert not reader.is_encrypted
    field = reader.get_fields()[FIELD_NAME]
    assert field["/FT"] == "/Sig" and "/V" not in field
    empty_rect = [float(v) for v in reader.pages[0]["/Annots"][0].get_object()["/Rect"]]

    signed = Signer(path, PASSWORD).sign_bytes(unsigned)
    status = validate(signed, cert)
    assert status.bottom_line
    signed_reader = PdfReader(io.BytesIO(signed))
    annots = [a.get_object() for a in signed_reader.pages[0]["/Annots"]]
    assert len(annots) == 1  # the same field, filled; not a second one
    assert [float(v) for v in annots[0]["/Rect"]] == empty_rect


def test_sign_file_and_a_pickled_signer_for_worker_processes(p12, tmp_path):
    path, cert = p12
    source = tmp_path / "Budi.pdf"
    source.write_bytes(certificate_pdf())
    copy = pickle.loads(pickle.dumps(Signer(path, PASSWORD)))
    copy.sign_file(source, source)  # in place, written atomically
    assert validate(source.read_bytes(), cert).bottom_line
    assert [p.name for p in tmp_path.iterdir()] == ["Budi.pdf"]


def test_elliptic_curve_key_signs_too(tmp_path):
    path, cert = make_p12(tmp_path, key=ec.generate_private_key(ec.SECP256R1()), name="Kunci EC")
    assert validate(Signer(path, PASSWORD).sign_bytes(certificate_pdf()), cert).bottom_line


def test_a_broken_pdf_is_a_message_not_a_traceback(p12):
    path, _ = p12
    with pytest.raises(PdfSigningError, match="tidak dapat ditandatangani"):
        Signer(path, PASSWORD).sign_bytes(b"%PDF-1.4\nrusak")


def test_a_ca_issued_rsa4096_key_with_its_chain_fits_and_validates_to_the_root(tmp_path):
    """Like a certificate from a PSrE: leaf + intermediate inside the file, trust in the root."""
    now = dt.datetime.now(dt.UTC)

    def issue(subject_cn, public_key, issuer_name, issuer_key, *, ca):
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject_cn)])
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer_name or subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=90))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if not ca:  # a signing certificate asserts non-repudiation, as validators expect
            builder = builder.add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
        return builder.sign(issuer_key, hashes.SHA256())

    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = issue("Root CA Uji", root_key.public_key(), None, root_key, ca=True)
    mid_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    mid = issue("CA Antara Uji", mid_key.public_key(), root.subject, root_key, ca=True)
    leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=4096)
    leaf = issue("Pejabat Penandatangan", leaf_key.public_key(), mid.subject, mid_key, ca=False)
    path = tmp_path / "rantai.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"rantai", leaf_key, leaf, [mid, root], serialization.BestAvailableEncryption(PASSWORD)
        )
    )

    signer = Signer(path, PASSWORD)
    assert not signer.self_signed and signer.holder == "Pejabat Penandatangan"
    status = validate(signer.sign_bytes(certificate_pdf()), root)
    assert status.bottom_line
