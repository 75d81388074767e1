"""Checking a certificate: from its QR text, a certificate PDF, or a photo or scan of it.

``verify(text_or_path, public_key=None)`` answers ``valid`` / ``invalid`` / ``revoked``
with the holder's data. The signature check needs only the instansi's public key (offline,
e.g. a PEM file from ``keys.export_public_key``); revocation and the event's title need
the database, which is used when one is open. A PDF's first page is rendered (pypdfium2,
200 dpi) and its QR decoded with zxing-cpp, exactly as a phone would read the paper.

``revoke(number, reason, actor)`` marks a certificate revoked for good and audits it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .. import audit
from ..dates import tanggal
from ..errors import UserError
from ..events import NotFoundError
from ..models import Event, db, now
from ..nip import IdError, IdKind, format_nip, parse_nip
from ..pdfium import use_pdfium
from ..qr_decode import ImageDecodeError, decode_image
from .keys import existing_public_key
from .models import Certificate
from .payload import PREFIX, CertificateCodeError, CertificatePayload, parse_payload

RENDER_DPI = 200
MAX_PAGES = 3


class VerifyInputError(UserError, ValueError):
    """A file that cannot be read or holds no certificate QR code; message for the user."""


class RevokeError(UserError, ValueError):
    """A certificate that cannot be revoked (already revoked); message for the user."""


@dataclass
class VerifyResult:
    status: str  # "valid", "invalid" or "revoked"
    message: str
    number: str = ""
    holder: dict = field(default_factory=dict)  # name, id, id_label
    event: dict | None = None  # title, date, id when the database knows the number
    revoked_at: dt.datetime | None = None
    revoke_reason: str = ""

    @property
    def valid(self) -> bool:
        return self.status == "valid"

    def to_dict(self) -> dict:
        return {
            "valid": self.valid,
            "status": self.status,
            "number": self.number,
            "holder": self.holder,
            "event": self.event,
            "message": self.message,
            "revoked_at": self.revoked_at.isoformat(sep=" ") if self.revoked_at else None,
            "revoke_reason": self.revoke_reason or None,
        }


def verify(text_or_path: str | Path, *, public_key: Ed25519PublicKey | None = None) -> VerifyResult:
    """Check a scanned QR text, or the certificate in a PDF/image file."""
    text = str(text_or_path).strip()
    if isinstance(text_or_path, Path) or _looks_like_file(text):
        texts = qr_texts_in_file(Path(text))
        ours = [candidate for candidate in texts if _is_certificate_text(candidate)]
        if not ours:
            raise VerifyInputError(
                "Tidak ada kode QR sertifikat yang terbaca pada berkas ini."
                if texts
                else "Tidak ada kode QR yang terbaca pada berkas ini; pastikan halaman pertama "
                "adalah sertifikat dan gambarnya cukup tajam."
            )
        text = ours[0]
    return verify_text(text, public_key=public_key)


def verify_text(text: str, *, public_key: Ed25519PublicKey | None = None) -> VerifyResult:
    try:
        payload = parse_payload(text)
    except CertificateCodeError as err:
        return VerifyResult("invalid", str(err))
    holder = _holder(payload)
    key = public_key or (existing_public_key() if db.obj is not None else None)
    if key is None:
        return VerifyResult(
            "invalid",
            "Kunci publik instansi tidak tersedia: basis data ini belum pernah "
            "menerbitkan sertifikat. Berikan berkas kunci publik instansi penerbit.",
            payload.number,
            holder,
        )
    if not payload.is_signed_by(key):
        return VerifyResult(
            "invalid",
            "Tanda tangan digital tidak cocok: data sertifikat telah diubah atau "
            "sertifikat bukan terbitan instansi ini.",
            payload.number,
            holder,
        )
    row = _certificate_row(payload.number) if db.obj is not None else None
    if row is None:
        note = "" if db.obj is None else " (nomor ini tidak tercatat di basis data yang terbuka)"
        return VerifyResult("valid", f"Sertifikat asli: tanda tangan digital cocok{note}.", payload.number, holder)
    certificate, event = row
    event_info = {"id": event.id, "title": event.title, "date": event.date.isoformat() if event.date else None}
    if certificate.revoked_at is not None:
        reason = certificate.revoke_reason or ""
        return VerifyResult(
            "revoked",
            f"Sertifikat ini telah DICABUT pada {tanggal(certificate.revoked_at.date())}"
            + (f": {reason}" if reason else "."),
            payload.number,
            holder,
            event_info,
            certificate.revoked_at,
            reason,
        )
    return VerifyResult(
        "valid", "Sertifikat asli dan tercatat: tanda tangan digital cocok.", payload.number, holder, event_info
    )


def _holder(payload: CertificatePayload) -> dict:
    digits = payload.id_digits
    label, shown = "", digits
    if len(digits) == 18:
        try:
            label = "NI PPPK" if parse_nip(digits).kind is IdKind.PPPK else "NIP"
            shown = format_nip(digits)
        except IdError:
            label = "NIP"
    elif len(digits) == 16:
        label = "NIK"
    return {
        "name": payload.name,
        "id": digits,
        "id_label": label,
        "id_text": f"{label} {shown}".strip() if digits else "",
        "event_date": payload.date.isoformat(),
    }


def _certificate_row(number: str):
    row = Certificate.select(Certificate, Event).join(Event).where(Certificate.number == number).first()
    return None if row is None else (row, row.event)


def _is_certificate_text(text: str) -> bool:
    try:
        parse_payload(text)
    except CertificateCodeError:
        return False
    return True


def _looks_like_file(text: str) -> bool:
    if text.startswith(PREFIX + "|") or text.lower().startswith(("http://", "https://")):
        return False
    return text.lower().endswith((".pdf", ".png", ".jpg", ".jpeg")) or Path(text).is_file()


def qr_texts_in_file(path: Path) -> list[str]:
    """Every QR text on the first pages of a PDF, or in an image file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise VerifyInputError(f"Berkas {path.name} tidak bisa dibaca: {err.strerror or err}.") from err
    if data[:1024].lstrip().startswith(b"%PDF"):
        return _qr_texts_in_pdf(data, path.name)
    try:
        return decode_image(data)
    except ImageDecodeError as err:
        raise VerifyInputError(f"Berkas {path.name} bukan PDF atau gambar yang bisa dibaca.") from err


def _qr_texts_in_pdf(data: bytes, name: str) -> list[str]:
    with use_pdfium() as pdfium:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as err:
            raise VerifyInputError(f"Berkas {name} rusak atau dikunci kata sandi.") from err
        texts: list[str] = []
        try:
            for index in range(min(len(document), MAX_PAGES)):
                page = document[index]
                image = page.render(scale=RENDER_DPI / 72, grayscale=True).to_pil()
                page.close()
                texts.extend(decode_image(image))
                if any(_is_certificate_text(text) for text in texts):
                    break
        finally:
            document.close()
    return texts


def revoke(number: str, reason: str = "", *, actor: audit.Actor | None = None) -> Certificate:
    """Revoke a certificate by its number, for good; audited as ``revoke``."""
    number = (number or "").strip()
    with db.atomic():
        certificate = Certificate.get_or_none(Certificate.number == number)
        if certificate is None:
            raise NotFoundError(f"Sertifikat nomor {number} tidak ditemukan.")
        if certificate.revoked_at is not None:
            raise RevokeError(f"Sertifikat nomor {number} sudah dicabut pada {tanggal(certificate.revoked_at.date())}.")
        certificate.revoked_at = now()
        certificate.revoke_reason = " ".join((reason or "").split()) or None
        certificate.save()
        audit.record("revoke", actor=actor, event_id=certificate.event_id, certificate_id=certificate.id, number=number)
    return certificate


__all__ = ["RevokeError", "VerifyInputError", "VerifyResult", "qr_texts_in_file", "revoke", "verify", "verify_text"]
