"""The text in a certificate's QR code, signed with the instansi's Ed25519 key.

    SRT1|800/0001/SERT-12/2024|198609262015051001|Drs. Budi Santoso, M.Si.|20240701|<signature>

Fields: version, certificate number, NIP/NI PPPK/NIK digits, name with titles, event date
(YYYYMMDD), and the 64-byte signature over everything before it, in unpadded base64url
(86 characters). Readable on purpose: a phone's ordinary scanner already shows whose
certificate it is, and about 200 characters fit a version-10 code that prints at 26 mm.
With a verification URL the code is ``URL?c=`` followed by the same text, percent-encoded,
so the instansi's web page receives everything it needs to check the signature.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import UserError
from .keys import is_valid_signature

PREFIX = "SRT1"
SEPARATOR = "|"
_SIGNATURE_CHARS = 86


class CertificateCodeError(UserError, ValueError):
    """Text that is not a certificate code; the message is for the user."""


@dataclass(frozen=True)
class CertificatePayload:
    number: str
    id_digits: str
    name: str
    date: dt.date
    signature: bytes

    @property
    def message(self) -> bytes:
        return signed_message(self.number, self.id_digits, self.name, self.date)

    def is_signed_by(self, key: Ed25519PublicKey) -> bool:
        return is_valid_signature(key, self.signature, self.message)


def _clean(text: str) -> str:
    """Separators cannot appear inside a field; whitespace runs become one space."""
    return " ".join((text or "").replace(SEPARATOR, "/").split())


def signed_message(number: str, id_digits: str, name: str, date: dt.date) -> bytes:
    return SEPARATOR.join((PREFIX, _clean(number), _clean(id_digits), _clean(name), date.strftime("%Y%m%d"))).encode(
        "utf-8"
    )


def make_payload(
    key: Ed25519PrivateKey, number: str, id_digits: str, name: str, date: dt.date, verify_url: str = ""
) -> str:
    """The QR text of one certificate (``URL?c=…`` when a verification URL is set)."""
    message = signed_message(number, id_digits, name, date)
    signature = base64.urlsafe_b64encode(key.sign(message)).rstrip(b"=")
    text = (message + SEPARATOR.encode() + signature).decode("utf-8")
    url = (verify_url or "").strip()
    if not url:
        return text
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}c={quote(text, safe='/')}"


def parse_payload(text: str) -> CertificatePayload:
    """Read a scanned code (plain or URL); raises ``CertificateCodeError`` when it is not ours or broken."""
    text = (text or "").strip()
    if re.match(r"https?://", text, re.IGNORECASE):
        values = parse_qs(urlsplit(text).query).get("c")
        if not values:
            raise CertificateCodeError("Alamat ini tidak memuat kode sertifikat (bagian ?c=… tidak ada).")
        text = values[0].strip()
    parts = text.split(SEPARATOR)
    if parts[0] != PREFIX:
        raise CertificateCodeError("Kode ini bukan kode QR sertifikat Netralitas.")
    if len(parts) != 6:
        raise CertificateCodeError("Kode QR sertifikat tidak lengkap atau rusak.")
    _, number, id_digits, name, date_text, signature_text = parts
    try:
        date = dt.datetime.strptime(date_text, "%Y%m%d").date()
    except ValueError as err:
        raise CertificateCodeError("Kode QR sertifikat rusak: tanggal tidak terbaca.") from err
    if len(signature_text) != _SIGNATURE_CHARS:
        raise CertificateCodeError("Kode QR sertifikat rusak: tanda tangan digital tidak lengkap.")
    try:
        signature = base64.urlsafe_b64decode(signature_text + "==")
    except (binascii.Error, ValueError) as err:
        raise CertificateCodeError("Kode QR sertifikat rusak: tanda tangan digital tidak terbaca.") from err
    return CertificatePayload(number, id_digits, name, date, signature)


__all__ = ["PREFIX", "CertificateCodeError", "CertificatePayload", "make_payload", "parse_payload", "signed_message"]
