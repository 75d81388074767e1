"""Signed QR payloads printed on invitations and scanned at the check-in desk.

Format: ``NTR1`` + 23 Crockford base32 characters (27 characters in all). The 115 bits
hold the event id (20 bits), the registration id (30 bits) and the first 64 bits of
HMAC-SHA256 over both under a per-database secret; the top bit is always 0.

Why this shape: USB scanners act as keyboards, and only A–Z and 0–9 type the same on
US and Indonesian layouts; 27 alphanumeric characters fit a version-2 QR code at error
correction level Q, which still scans from a creased, printed card. Crockford's
alphabet has no I, L, O or U, so a code read aloud or typed from the card is unambiguous.
The secret never leaves the database, so a code cannot be made without it and a code
altered by one character fails the signature check. A desk laptop that imported an event
package (core/offline) holds instead the SHA-256 of each of that event's payloads, and
accepts exactly those codes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from .database_secrets import database_secret
from .errors import UserError
from .events import NotFoundError
from .models import Registration
from .offline.models import ImportedRegistration
from .reasons import Reason, ReasonCode

PREFIX = "NTR1"
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
BODY_LENGTH = 23
PAYLOAD_LENGTH = len(PREFIX) + BODY_LENGTH
EVENT_BITS = 20
REGISTRATION_BITS = 30
MAC_BITS = 64
MAX_EVENT_ID = (1 << EVENT_BITS) - 1
MAX_REGISTRATION_ID = (1 << REGISTRATION_BITS) - 1
SECRET_SETTING = "qr_hmac_secret"

_DIGIT_VALUE = {char: index for index, char in enumerate(ALPHABET)}


class ScannedCodeError(UserError, ValueError):
    """A scanned code that is not a valid invitation; ``reason`` is for the desk (``str()`` in Indonesian).

    ``kind`` is ``foreign`` (not our prefix), ``malformed`` or ``forged``.
    """

    def __init__(self, kind: str, code: ReasonCode) -> None:
        self.reason = Reason.of(code)
        super().__init__(self.reason.text)
        self.kind = kind


@dataclass(frozen=True)
class DecodedPayload:
    event_id: int
    registration_id: int


def encode(event_id: int, registration_id: int) -> str:
    """The payload for one registration of one event in the current database."""
    return signed_code(PREFIX, event_id, registration_id)


def decode(text: str) -> DecodedPayload:
    """Read and verify a scanned payload; raises ``ScannedCodeError`` with the reason."""
    code = clean(text)
    if not code.startswith(PREFIX):
        raise ScannedCodeError("foreign", ReasonCode.FOREIGN_QR)
    try:
        return verify_signed(code, PREFIX, malformed=ReasonCode.MALFORMED_QR, forged=ReasonCode.FORGED_QR)
    except ScannedCodeError as err:
        imported = _imported_payload(code) if err.kind == "forged" else None
        if imported is None:
            raise
        return imported


def signed_code(prefix: str, event_id: int, registration_id: int) -> str:
    """``prefix`` + 23 base32 characters: the ids and their signature under this database's secret.

    The prefix is signed too, so a code of one kind (``NTR1`` invitation, ``NTM1`` ikrar
    mandiri form) whose prefix is swapped never verifies as the other.
    """
    if not 1 <= event_id <= MAX_EVENT_ID or not 1 <= registration_id <= MAX_REGISTRATION_ID:
        raise ValueError(f"event/registration id out of range for a {prefix} code: {event_id}/{registration_id}")
    ids = (event_id << REGISTRATION_BITS) | registration_id
    value = (ids << MAC_BITS) | _mac(prefix, ids)
    chars = []
    for _ in range(BODY_LENGTH):
        value, digit = divmod(value, 32)
        chars.append(ALPHABET[digit])
    return prefix + "".join(reversed(chars))


def verify_signed(code: str, prefix: str, *, malformed: ReasonCode, forged: ReasonCode) -> DecodedPayload:
    """The ids of a cleaned ``code`` that starts with ``prefix``, signature checked.

    Raises ``ScannedCodeError`` of kind ``malformed`` or ``forged`` with the caller's reason.
    """
    body = code[len(prefix) :]
    if len(body) != BODY_LENGTH or any(char not in _DIGIT_VALUE for char in body):
        raise ScannedCodeError("malformed", malformed)
    value = 0
    for char in body:
        value = value * 32 + _DIGIT_VALUE[char]
    if value >> (EVENT_BITS + REGISTRATION_BITS + MAC_BITS):
        raise ScannedCodeError("malformed", malformed)
    ids, mac = value >> MAC_BITS, value & ((1 << MAC_BITS) - 1)
    if not hmac.compare_digest(mac.to_bytes(8, "big"), _mac(prefix, ids).to_bytes(8, "big")):
        raise ScannedCodeError("forged", forged)
    event_id, registration_id = ids >> REGISTRATION_BITS, ids & MAX_REGISTRATION_ID
    if not event_id or not registration_id:
        raise ScannedCodeError("malformed", malformed)
    return DecodedPayload(event_id, registration_id)


def looks_like_payload(text: str) -> bool:
    """Whether the desk should treat ``text`` as a QR payload (rather than a NIP/NIK)."""
    return clean(text).startswith(PREFIX)


def payload_for(registration_id: int) -> str:
    """The payload to print on a registration's invitation."""
    row = Registration.select(Registration.event).where(Registration.id == registration_id).tuples().first()
    if row is None:
        raise NotFoundError(f"Peserta nomor {registration_id} tidak ditemukan.")
    return encode(row[0], registration_id)


def payload_digest(text: str) -> str:
    """SHA-256 of a payload: lets a desk laptop recognise exactly this code without the secret."""
    return hashlib.sha256(clean(text).encode("ascii", "replace")).hexdigest()


def _imported_payload(code: str) -> DecodedPayload | None:
    """A code signed by the office database, for an event this database imported from a package.

    Only asked when the signature fails here, so local codes cost no extra query.
    """
    row = (
        ImportedRegistration.select(Registration.event, Registration.id)
        .join(Registration)
        .where(ImportedRegistration.code_digest == payload_digest(code))
        .tuples()
        .first()
    )
    return DecodedPayload(*row) if row else None


def clean(text: str) -> str:
    """A scanned code as meant: scanners end with CR/LF or Tab; Caps Lock makes them type lowercase."""
    return (text or "").strip().upper()


def _mac(prefix: str, ids: int) -> int:
    message = prefix.encode("ascii") + ids.to_bytes(8, "big")
    digest = hmac.new(_secret(), message, hashlib.sha256).digest()
    return int.from_bytes(digest[: MAC_BITS // 8], "big")


def _secret() -> bytes:
    """The database's signing secret, created (32 random bytes) at first use."""
    return database_secret(SECRET_SETTING, lambda: secrets.token_bytes(32))


__all__ = [
    "PAYLOAD_LENGTH",
    "PREFIX",
    "DecodedPayload",
    "ScannedCodeError",
    "clean",
    "decode",
    "encode",
    "looks_like_payload",
    "payload_digest",
    "payload_for",
    "signed_code",
    "verify_signed",
]
