"""Optional PAdES signatures on certificate PDFs with a PKCS#12 file (pyHanko).

A key held by the committee itself (not issued by a PSrE such as BSrE) makes an
*uncertified* electronic signature: the UI says "TTE tidak tersertifikasi", and so does the
visible stamp. Unsigned certificates can instead carry an empty signature field in the same
rectangle, so the instansi signs them later with its BSrE tools.

Speed: the PKCS#12 file is parsed once per ``Signer``; pyHanko's ``SimpleSigner`` would
re-read the private key from DER and rebuild the signing-certificate attribute for every
document (together ~80 % of the time), so ``_CachedKeySigner`` keeps both. ``bytes_reserved``
skips pyHanko's dry-run pass. A ``Signer`` pickles as the file bytes and password, so each
worker process of a bulk run parses the key once too.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import cms
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.attributes import CMSAttributeProvider, SigningCertificateV2Provider
from pyhanko.sign.general import as_signing_certificate_v2, simple_cms_attribute
from pyhanko.sign.signers.pdf_cms import SimpleSigner
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash, process_pss_params
from reportlab.lib.units import mm

from ..dates import long_date
from ..documents.files import atomic_output
from ..errors import UserError

FIELD_NAME = "TTE"  # one name for the empty field in unsigned files and the signed one
UNCERTIFIED_NOTE = "TTE tidak tersertifikasi"
UNCERTIFIED_EXPLANATION = (
    "Tanda tangan dengan berkas sertifikat digital milik sendiri adalah TTE tidak tersertifikasi: "
    "sah sebagai tanda tangan elektronik, tetapi tidak diterbitkan oleh PSrE (mis. BSrE). "
    "Untuk TTE tersertifikasi, buat sertifikat tanpa tanda tangan lalu tandatangani dengan aplikasi BSrE."
)
DEFAULT_STAMP_TEXT = "Ditandatangani secara elektronik oleh\n%(signer)s\n%(ts)s\n" + UNCERTIFIED_NOTE
# Room in the signature placeholder beyond the certificates and the raw signature (CMS
# structure, signed attributes, the signing-certificate hash), in bytes of DER.
_CMS_OVERHEAD = 2048


class PdfSigningError(UserError):
    """Signing could not happen; the message is for the user (Bahasa Indonesia)."""


@dataclass(frozen=True)
class StampBox:
    """The signature rectangle in mm, anchored to the bottom-right corner of the first page
    so it lands in the same place on portrait and landscape paper."""

    width_mm: float = 60.0
    height_mm: float = 16.0
    right_mm: float = 12.0
    bottom_mm: float = 10.0

    def rect(self, page_width_pt: float, page_height_pt: float) -> tuple[int, int, int, int]:
        """(x1, y1, x2, y2) in PDF points, origin at the bottom left."""
        x2 = page_width_pt - self.right_mm * mm
        y1 = self.bottom_mm * mm
        return (round(x2 - self.width_mm * mm), round(y1), round(x2), round(y1 + self.height_mm * mm))


DEFAULT_STAMP_BOX = StampBox()


class _CachedSigningCertificate(CMSAttributeProvider):
    attribute_type = "signing_certificate_v2"

    def __init__(self, der: bytes) -> None:
        self._der = der

    async def get_attribute(self, dry_run: bool = False) -> cms.CMSAttribute:
        return cms.CMSAttribute.load(self._der)


class _CachedKeySigner(SimpleSigner):
    """``SimpleSigner`` with the parsed private key and the signing-certificate attribute kept."""

    def __init__(self, private_key: PrivateKeyTypes, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._private_key = private_key
        self._signing_certificate_der = simple_cms_attribute(
            "signing_certificate_v2", as_signing_certificate_v2(self.signing_cert)
        ).dump()

    def _signed_attr_providers(self, *args: Any, **kwargs: Any) -> list[CMSAttributeProvider]:
        return [
            _CachedSigningCertificate(self._signing_certificate_der)
            if isinstance(provider, SigningCertificateV2Provider)
            else provider
            for provider in super()._signed_attr_providers(*args, **kwargs)
        ]

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        try:
            name = mechanism.signature_algo
        except ValueError:
            name = mechanism["algorithm"].native
        key = self._private_key
        if isinstance(key, rsa.RSAPrivateKey) and name == "rsassa_pkcs1v15":
            return key.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        if isinstance(key, rsa.RSAPrivateKey) and name == "rsassa_pss":
            padding, hash_algo = process_pss_params(mechanism["parameters"])
            return key.sign(data, padding, hash_algo)
        if isinstance(key, ec.EllipticCurvePrivateKey) and name == "ecdsa":
            return key.sign(data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
        if isinstance(key, ed25519.Ed25519PrivateKey) and name == "ed25519":
            return key.sign(data)
        return super().sign_raw(data, digest_algorithm)  # rare key types: pyHanko's own (slower) path


def _load_pkcs12(
    data: bytes, password: bytes, name: str
) -> tuple[PrivateKeyTypes, x509.Certificate, list[x509.Certificate]]:
    """(key, certificate, other certificates) or a PdfSigningError that says what is wrong."""
    try:
        key, cert, others = pkcs12.load_key_and_certificates(data, password or None)
    except ValueError as err:
        if not _looks_like_pkcs12(data):
            raise PdfSigningError(f"Berkas {name} bukan sertifikat digital PKCS#12 (.p12/.pfx) yang sah.") from err
        raise PdfSigningError(f"Kata sandi untuk {name} salah. Periksa lalu coba lagi.") from err
    except Exception as err:  # an unsupported cipher inside a well-formed file
        raise PdfSigningError(f"Berkas {name} tidak dapat dibuka: {err}") from err
    if key is None or cert is None:
        raise PdfSigningError(f"Berkas {name} tidak berisi kunci privat beserta sertifikatnya.")
    return key, cert, others


def _looks_like_pkcs12(data: bytes) -> bool:
    try:
        asn1_pkcs12.Pfx.load(data)["auth_safe"]["content_type"].native  # noqa: B018 - parse to check
    except Exception:
        return False
    return True


def _signature_length(key: PrivateKeyTypes) -> int:
    if isinstance(key, rsa.RSAPrivateKey):
        return key.key_size // 8
    return 160  # ECDSA up to P-521 in DER, Ed25519 64 bytes


def _subject_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else cert.subject.rfc4514_string()


# What a Signer is made from, so it pickles to worker processes: PKCS#12 data, password, file name,
# stamp text and box, reason, location.
_SignerState = tuple[bytes, bytes, str, str, StampBox, str, str]


class Signer:
    """Signs certificate PDFs with one PKCS#12 key: parse once, sign many."""

    def __init__(
        self,
        p12_path: str | os.PathLike[str],
        password: bytes,
        *,
        stamp_text: str = DEFAULT_STAMP_TEXT,
        stamp_box: StampBox = DEFAULT_STAMP_BOX,
        reason: str = "Sertifikat keikutsertaan",
        location: str = "",
    ) -> None:
        path = Path(p12_path)
        try:
            data = path.read_bytes()
        except OSError as err:
            raise PdfSigningError(f"Berkas {path.name} tidak dapat dibaca: {err.strerror or err}.") from err
        self._setup(data, password, path.name, stamp_text, stamp_box, reason, location)

    def _setup(
        self, data: bytes, password: bytes, name: str, stamp_text: str, stamp_box: StampBox, reason: str, location: str
    ) -> None:
        self._state = (data, password, name, stamp_text, stamp_box, reason, location)
        key, cert, others = _load_pkcs12(data, password, name)
        now = dt.datetime.now(dt.UTC)
        if cert.not_valid_after_utc < now:
            raise PdfSigningError(
                f"Sertifikat digital dalam {name} sudah kedaluwarsa sejak {long_date(cert.not_valid_after_utc.date())}."
            )
        if cert.not_valid_before_utc > now:
            raise PdfSigningError(
                f"Sertifikat digital dalam {name} baru berlaku mulai {long_date(cert.not_valid_before_utc.date())}."
            )
        self.holder = _subject_name(cert)
        self.valid_until = cert.not_valid_after_utc.date()
        self.self_signed = cert.issuer == cert.subject
        registry = SimpleCertificateStore()
        registry.register_multiple(translate_pyca_cryptography_cert_to_asn1(other) for other in others)
        # Hex digits for the placeholder, sized once from this key: no dry-run pass per document.
        certificates = sum(len(c.public_bytes(Encoding.DER)) for c in (cert, *others))
        self._bytes_reserved = 2 * (certificates + _signature_length(key) + _CMS_OVERHEAD)
        self._signer = _CachedKeySigner(
            key,
            signing_cert=translate_pyca_cryptography_cert_to_asn1(cert),
            signing_key=translate_pyca_cryptography_key_to_asn1(key),
            cert_registry=registry,
        )
        self.stamp_box = stamp_box
        self._style = TextStampStyle(
            stamp_text=stamp_text,
            border_width=1,
            text_box_style=TextBoxStyle(font_size=7),
            timestamp_format="%d-%m-%Y %H:%M %Z",
        )
        self._meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason or None,
            location=location or None,
            md_algorithm="sha256",
        )

    def __getstate__(self) -> _SignerState:
        return self._state

    def __setstate__(self, state: _SignerState) -> None:
        self._setup(*state)

    def sign_bytes(self, pdf_bytes: bytes) -> bytes:
        """A signed copy of ``pdf_bytes`` (an incremental update; the original bytes stay intact).

        An existing empty field named ``TTE`` is filled; otherwise one is made at ``stamp_box``.
        """
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
            box = _box_on_first_page(writer, self.stamp_box)
            pdf_signer = signers.PdfSigner(
                self._meta,
                self._signer,
                stamp_style=self._style,
                new_field_spec=fields.SigFieldSpec(FIELD_NAME, box=box),
            )
            signed: bytes = pdf_signer.sign_pdf(writer, bytes_reserved=self._bytes_reserved).getvalue()
            return signed
        except (PdfError, ValueError, KeyError) as err:
            raise PdfSigningError(f"Dokumen tidak dapat ditandatangani: {err}") from err

    def sign_file(self, src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        """Sign ``src`` into ``dst`` (written atomically; ``dst`` may equal ``src``)."""
        try:
            data = Path(src).read_bytes()
        except OSError as err:
            raise PdfSigningError(f"Berkas {Path(src).name} tidak dapat dibaca: {err.strerror or err}.") from err
        signed = self.sign_bytes(data)
        with atomic_output(dst) as temp:
            temp.write_bytes(signed)


def _box_on_first_page(writer: IncrementalPdfFileWriter, stamp_box: StampBox) -> tuple[int, int, int, int]:
    x1, y1, x2, y2 = (float(v) for v in writer.root["/Pages"]["/Kids"][0].get_object()["/MediaBox"])
    return stamp_box.rect(x2 - x1, y2 - y1)


def add_empty_signature_field(pdf_bytes: bytes, stamp_box: StampBox = DEFAULT_STAMP_BOX) -> bytes:
    """Reserve the signature rectangle in an unsigned PDF: an empty field named ``TTE`` that
    BSrE tools (and ``Signer``) fill later. The PDF stays unencrypted."""
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
        box = _box_on_first_page(writer, stamp_box)
        fields.append_signature_field(writer, fields.SigFieldSpec(FIELD_NAME, box=box))
        out = io.BytesIO()
        writer.write(out)
    except (PdfError, ValueError, KeyError) as err:
        raise PdfSigningError(f"Ruang tanda tangan tidak dapat ditambahkan: {err}") from err
    return out.getvalue()


__all__ = [
    "DEFAULT_STAMP_BOX",
    "FIELD_NAME",
    "UNCERTIFIED_EXPLANATION",
    "UNCERTIFIED_NOTE",
    "PdfSigningError",
    "Signer",
    "StampBox",
    "add_empty_signature_field",
]
