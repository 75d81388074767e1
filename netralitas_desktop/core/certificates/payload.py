"""The signed code in a certificate's QR: everything printed that matters, in few bytes.

Version 2 (from this release) is ``SRT2.`` and the base32 (RFC 4648, no padding) of:

    version 0x02 | flags | key id (4) | event date (2) | JP (2) | holder id (0, 3 or 8)
    | number | name | event title | issuing instansi | Ed25519 signature (64)

- flags: bits 0-1 the holder id — 0 none, 1 NIP, 2 NI PPPK (18 digits as a 64-bit number), 3 a
  masked NIK (``3302**********01``: its six shown digits as a 24-bit number); the others are 0.
- key id: the first 4 bytes of SHA-256 of the raw public key (``keys.key_id``) — the key that
  signed, so old certificates stay verifiable after the key is replaced.
- event date: days since 2000-01-01; JP: tenths of an hour (``2`` → 20).
- texts: one length byte, then ``codebook`` bytes (an event title of 180 characters takes ~35).
- the signature covers ``b"NTS2"`` and every byte before it.

Base32 is all capitals and digits, QR's compact alphanumeric mode (5.5 bits a character), and
safe in a URL; base45 would be 6 % smaller but its space and ``%`` break inside a URL. With a
verification site the QR holds ``URL#SRT2.…``: the fragment never reaches the web server's log.
A typical code is ~150 bytes: version 9-10 at error correction M, which reads at 40 mm from a
100-dpi, blurred, JPEG-60 image of the print (tests/test_certificate_qr.py).

Version 1 (``SRT1|number|id|name|YYYYMMDD|signature``, signed by the key that lived in the
database) is still read, so certificates printed before stay checkable (see ``verify.py``).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import struct
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import parse_qs, unquote, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import UserError
from ..nip import IdError, IdKind, mask_nik, parse_nip
from .codebook import CodebookError, decode_text, encode_text
from .keys import is_valid_signature

PREFIX = "SRT2."
LEGACY_PREFIX = "SRT1"
DOMAIN = b"NTS2"
VERSION = 2
EPOCH = dt.date(2000, 1, 1)
SIGNATURE_BYTES = 64
KEY_ID_BYTES = 4
ID_NONE, ID_NIP, ID_PPPK, ID_NIK = 0, 1, 2, 3
_ID_LENGTH = {ID_NONE: 0, ID_NIP: 8, ID_PPPK: 8, ID_NIK: 3}
_LEGACY_SEPARATOR = "|"
_MASKED_NIK = re.compile(r"(\d{4})\*{10}(\d{2})$")


class CertificateCodeError(UserError, ValueError):
    """Text that is not a certificate code, or a damaged one; the message is for the user."""


@dataclass(frozen=True)
class Claims:
    """What a certificate states, as printed: the data a signature vouches for."""

    number: str
    name: str
    holder_id: str  # NIP / NI PPPK digits, a masked NIK, or ""
    event_title: str
    date: dt.date
    jp: Decimal
    instansi: str

    @property
    def id_kind(self) -> int:
        if not self.holder_id:
            return ID_NONE
        if _MASKED_NIK.match(self.holder_id):
            return ID_NIK
        try:
            return ID_PPPK if parse_nip(self.holder_id).kind is IdKind.PPPK else ID_NIP
        except IdError:
            return ID_NIP

    @property
    def id_label(self) -> str:
        return {ID_NONE: "", ID_NIP: "NIP", ID_PPPK: "NI PPPK", ID_NIK: "NIK"}[self.id_kind]


def holder_id_for(nip: str, nik: str) -> str:
    """The id a certificate prints and signs: the NIP, else the NIK masked (UU PDP), else none."""
    if nip:
        return nip
    return mask_nik(nik) if nik else ""


def clean(text: str) -> str:
    """One space between words, as the certificate prints them."""
    return " ".join((text or "").split())


@dataclass(frozen=True)
class SignedCode:
    """A code read from a QR: its version, claims, key id and signature."""

    version: int
    claims: Claims
    key_id: str  # 8 hex digits; "" for version 1
    signature: bytes
    signed_part: bytes  # version 2: the bytes before the signature; version 1: the signed text

    @property
    def message(self) -> bytes:
        return self.signed_part if self.version == 1 else DOMAIN + self.signed_part

    def is_signed_by(self, key: Ed25519PublicKey) -> bool:
        return is_valid_signature(key, self.signature, self.message)


# --- writing -------------------------------------------------------------------------------------------


def _text_field(text: str, what: str) -> bytes:
    data = encode_text(clean(text))
    if len(data) > 255:
        raise CertificateCodeError(f"{what} terlalu panjang untuk kode QR sertifikat; persingkat.")
    return bytes((len(data),)) + data


def _id_bytes(kind: int, holder_id: str) -> bytes:
    if kind in (ID_NIP, ID_PPPK):
        if not re.fullmatch(r"\d{18}", holder_id):
            raise CertificateCodeError(f"NIP {holder_id} tidak bisa dimasukkan ke kode QR (harus 18 angka).")
        return struct.pack(">Q", int(holder_id))
    if kind == ID_NIK:
        masked = _MASKED_NIK.match(holder_id)
        if masked is None:
            raise CertificateCodeError(f"NIK {holder_id} tidak bisa dimasukkan ke kode QR (harus NIK tersamar).")
        head, tail = masked.groups()
        return int(head + tail).to_bytes(3, "big")
    return b""


def encode_body(claims: Claims, key_id: str) -> bytes:
    """The bytes before the signature."""
    kind = claims.id_kind
    days = (claims.date - EPOCH).days
    tenths = int((Decimal(claims.jp or 0) * 10).to_integral_value())
    if not 0 <= days < 0x10000:
        raise CertificateCodeError("Tanggal kegiatan di luar rentang kode QR sertifikat.")
    if not 0 <= tenths < 0x10000:
        raise CertificateCodeError("Jumlah JP di luar rentang kode QR sertifikat.")
    body = bytes((VERSION, kind)) + bytes.fromhex(key_id)
    body += struct.pack(">HH", days, tenths) + _id_bytes(kind, claims.holder_id)
    body += _text_field(claims.number, "Nomor sertifikat")
    body += _text_field(claims.name, "Nama peserta")
    body += _text_field(claims.event_title, "Nama kegiatan")
    body += _text_field(claims.instansi, "Nama instansi")
    return body


def sign_claims(key: Ed25519PrivateKey, key_id: str, claims: Claims) -> str:
    """``SRT2.…``: the claims signed with ``key`` (whose id is ``key_id``)."""
    body = encode_body(claims, key_id)
    return _code(body + key.sign(DOMAIN + body))


def unsigned_code(claims: Claims, key_id: str = "00000000") -> str:
    """A code of the right size whose signature is zeros: previews, which must never pass a check."""
    return _code(encode_body(claims, key_id) + bytes(SIGNATURE_BYTES))


def _code(data: bytes) -> str:
    return PREFIX + base64.b32encode(data).decode("ascii").rstrip("=")


def qr_text(code: str, verify_url: str = "") -> str:
    """What the QR holds: the code, or ``URL#code`` when the instansi has a verification site."""
    url = (verify_url or "").strip()
    return f"{url}#{code}" if url else code


# --- reading -------------------------------------------------------------------------------------------


def extract_code(text: str) -> str:
    """The code in a scanned text: as it is, after ``#`` of a URL, or in an old ``?c=`` URL."""
    text = (text or "").strip()
    if re.match(r"https?://", text, re.IGNORECASE):
        parts = urlsplit(text)
        if parts.fragment:
            return unquote(parts.fragment).strip()
        values = parse_qs(parts.query).get("c")
        if not values:
            raise CertificateCodeError("Alamat ini tidak memuat kode sertifikat.")
        return values[0].strip()
    return text


def parse_code(text: str) -> SignedCode:
    """Read a scanned code (plain or URL, version 1 or 2); ``CertificateCodeError`` when it is not ours."""
    code = extract_code(text)
    if code.upper().startswith(PREFIX):
        return _parse_v2(code[len(PREFIX) :])
    if code.startswith(LEGACY_PREFIX + _LEGACY_SEPARATOR):
        return _parse_v1(code)
    raise CertificateCodeError("Kode ini bukan kode QR sertifikat Netralitas.")


def is_certificate_code(text: str) -> bool:
    try:
        parse_code(text)
    except CertificateCodeError:
        return False
    return True


def _parse_v2(encoded: str) -> SignedCode:
    encoded = encoded.strip().upper()
    if not re.fullmatch(r"[A-Z2-7]+", encoded):
        raise CertificateCodeError("Kode QR sertifikat rusak: ada huruf yang tidak dikenal.")
    try:
        data = base64.b32decode(encoded + "=" * (-len(encoded) % 8))
    except (binascii.Error, ValueError) as err:
        raise CertificateCodeError("Kode QR sertifikat rusak: tidak bisa dibaca.") from err
    try:
        return _read_v2(data)
    except (IndexError, struct.error, CodebookError, ValueError) as err:
        if isinstance(err, CertificateCodeError):
            raise
        raise CertificateCodeError("Kode QR sertifikat rusak atau tidak lengkap.") from err


def _read_v2(data: bytes) -> SignedCode:
    if len(data) < 2 + KEY_ID_BYTES + 4 + 4 + SIGNATURE_BYTES or data[0] != VERSION:
        raise CertificateCodeError("Kode QR sertifikat rusak atau dibuat oleh versi aplikasi lain.")
    kind = data[1]
    if kind & ~0x03:
        raise CertificateCodeError("Kode QR sertifikat dibuat oleh versi aplikasi yang lebih baru.")
    body, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    position = 2
    key_id = body[position : position + KEY_ID_BYTES].hex()
    position += KEY_ID_BYTES
    days, tenths = struct.unpack_from(">HH", body, position)
    position += 4
    raw_id = body[position : position + _ID_LENGTH[kind]]
    position += _ID_LENGTH[kind]
    if kind in (ID_NIP, ID_PPPK):
        holder_id = f"{struct.unpack('>Q', raw_id)[0]:018d}"
    elif kind == ID_NIK:
        shown = f"{int.from_bytes(raw_id, 'big'):06d}"
        holder_id = shown[:4] + "*" * 10 + shown[4:]
    else:
        holder_id = ""
    texts = []
    for _ in range(4):
        length = body[position]
        chunk = body[position + 1 : position + 1 + length]
        if len(chunk) != length:
            raise CertificateCodeError("Kode QR sertifikat terpotong.")
        texts.append(decode_text(chunk))
        position += 1 + length
    if position != len(body):
        raise CertificateCodeError("Kode QR sertifikat rusak: ada data yang tidak dikenal.")
    claims = Claims(
        number=texts[0],
        name=texts[1],
        holder_id=holder_id,
        event_title=texts[2],
        date=EPOCH + dt.timedelta(days=days),
        jp=Decimal(tenths) / 10,
        instansi=texts[3],
    )
    return SignedCode(VERSION, claims, key_id, signature, body)


def _parse_v1(code: str) -> SignedCode:
    parts = code.split(_LEGACY_SEPARATOR)
    if len(parts) != 6:
        raise CertificateCodeError("Kode QR sertifikat tidak lengkap atau rusak.")
    _, number, id_digits, name, date_text, signature_text = parts
    try:
        date = dt.datetime.strptime(date_text, "%Y%m%d").date()
    except ValueError as err:
        raise CertificateCodeError("Kode QR sertifikat rusak: tanggal tidak terbaca.") from err
    if len(signature_text) != 86:
        raise CertificateCodeError("Kode QR sertifikat rusak: tanda tangan digital tidak lengkap.")
    try:
        signature = base64.urlsafe_b64decode(signature_text + "==")
    except (binascii.Error, ValueError) as err:
        raise CertificateCodeError("Kode QR sertifikat rusak: tanda tangan digital tidak terbaca.") from err
    signed = code[: code.rindex(_LEGACY_SEPARATOR)].encode("utf-8")
    claims = Claims(number, name, id_digits, "", date, Decimal(0), "")
    return SignedCode(1, claims, "", signature, signed)


__all__ = [
    "LEGACY_PREFIX",
    "PREFIX",
    "CertificateCodeError",
    "Claims",
    "SignedCode",
    "clean",
    "extract_code",
    "holder_id_for",
    "is_certificate_code",
    "parse_code",
    "qr_text",
    "sign_claims",
    "unsigned_code",
]
