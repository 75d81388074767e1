"""Signed QR codes printed on ikrar mandiri forms, scanned when the signed paper comes back.

Same design as the invitation code (``core/qr_payload.py``): 23 Crockford base32 characters
holding the event id, the registration id and 64 bits of HMAC-SHA256 under the same
per-database secret, so a USB scanner types it and a forged or altered code is refused.
Two things keep the two kinds apart:

- a different prefix, ``NTM1``, so the check-in desk and this module tell them apart at once;
- the prefix is part of the signed message, so an invitation whose prefix is swapped for
  ``NTM1`` (or the reverse) fails the signature check instead of passing as the other kind.

An ikrar mandiri form can therefore never check anyone in, and an invitation can never
count as a returned form.
"""

from __future__ import annotations

import hashlib
import hmac

from .. import qr_payload
from ..events import NotFoundError
from ..models import Registration
from ..qr_payload import (
    ALPHABET, BODY_LENGTH, EVENT_BITS, MAC_BITS, MAX_EVENT_ID, MAX_REGISTRATION_ID, REGISTRATION_BITS,
    DecodedPayload, PayloadError,
)

PREFIX = "NTM1"
CODE_LENGTH = len(PREFIX) + BODY_LENGTH

EMPTY_REASON = "Kode kosong: pindai QR pada formulir ikrar mandiri."
INVITATION_REASON = (
    "Ini kode QR undangan, bukan formulir ikrar mandiri. Pindai QR yang tercetak pada formulir "
    "ikrar mandiri yang sudah ditandatangani."
)
FOREIGN_REASON = "Kode QR ini bukan formulir ikrar mandiri Netralitas."
MALFORMED_REASON = (
    "Kode QR formulir ikrar mandiri tidak lengkap atau rusak. Pindai ulang, atau cari nama peserta di daftar."
)
FORGED_REASON = (
    "Kode QR formulir ikrar mandiri palsu atau rusak: tanda tangan kode tidak cocok "
    "(atau formulir dicetak dari basis data lain)."
)

# The invitation code's own helpers: its scanner clean-up (CR/LF, Tab, Caps Lock), its digit
# table and its per-database secret.
_clean = qr_payload._clean
_DIGIT_VALUE = qr_payload._DIGIT_VALUE


def encode(event_id: int, registration_id: int) -> str:
    """The code for one registration's ikrar mandiri form in the current database."""
    if not 1 <= event_id <= MAX_EVENT_ID or not 1 <= registration_id <= MAX_REGISTRATION_ID:
        raise ValueError(f"event/registration id out of range for the form code: {event_id}/{registration_id}")
    ids = (event_id << REGISTRATION_BITS) | registration_id
    value = (ids << MAC_BITS) | _mac(ids)
    chars = []
    for _ in range(BODY_LENGTH):
        value, digit = divmod(value, 32)
        chars.append(ALPHABET[digit])
    return PREFIX + "".join(reversed(chars))


def decode(text: str) -> DecodedPayload:
    """Read and verify a scanned form code; raises ``PayloadError`` with the reason.

    ``kind`` is ``empty``, ``invitation`` (an invitation code), ``foreign``, ``malformed``
    or ``forged``.
    """
    code = _clean(text)
    if not code:
        raise PayloadError("empty", EMPTY_REASON)
    if qr_payload.looks_like_payload(code):
        raise PayloadError("invitation", INVITATION_REASON)
    if not code.startswith(PREFIX):
        raise PayloadError("foreign", FOREIGN_REASON)
    body = code[len(PREFIX):]
    if len(body) != BODY_LENGTH or any(char not in _DIGIT_VALUE for char in body):
        raise PayloadError("malformed", MALFORMED_REASON)
    value = 0
    for char in body:
        value = value * 32 + _DIGIT_VALUE[char]
    if value >> (EVENT_BITS + REGISTRATION_BITS + MAC_BITS):
        raise PayloadError("malformed", MALFORMED_REASON)
    ids, mac = value >> MAC_BITS, value & ((1 << MAC_BITS) - 1)
    if not hmac.compare_digest(mac.to_bytes(8, "big"), _mac(ids).to_bytes(8, "big")):
        raise PayloadError("forged", FORGED_REASON)
    event_id, registration_id = ids >> REGISTRATION_BITS, ids & MAX_REGISTRATION_ID
    if not event_id or not registration_id:
        raise PayloadError("malformed", MALFORMED_REASON)
    return DecodedPayload(event_id, registration_id)


def looks_like_code(text: str) -> bool:
    """Whether ``text`` is meant as an ikrar mandiri form code (its signature is not checked here)."""
    return _clean(text).startswith(PREFIX)


def code_for(registration_id: int) -> str:
    """The code to print on a registration's ikrar mandiri form."""
    row = Registration.select(Registration.event).where(Registration.id == registration_id).tuples().first()
    if row is None:
        raise NotFoundError(f"Peserta nomor {registration_id} tidak ditemukan.")
    return encode(row[0], registration_id)


def _mac(ids: int) -> int:
    # The invitation code signs b"NTR1" + ids under the same secret; signing our own prefix
    # keeps a code of one kind from verifying as the other.
    message = PREFIX.encode("ascii") + ids.to_bytes(8, "big")
    digest = hmac.new(qr_payload._secret(), message, hashlib.sha256).digest()
    return int.from_bytes(digest[: MAC_BITS // 8], "big")


__all__ = [
    "PREFIX", "CODE_LENGTH", "PayloadError", "DecodedPayload", "encode", "decode", "looks_like_code", "code_for",
    "EMPTY_REASON", "INVITATION_REASON", "FOREIGN_REASON", "MALFORMED_REASON", "FORGED_REASON",
]
