"""Signed QR codes printed on ikrar mandiri forms, scanned when the signed paper comes back.

Same design as the invitation code, made and checked by the same functions
(``qr_payload.signed_code`` / ``verify_signed``): 23 Crockford base32 characters holding the
event id, the registration id and 64 bits of HMAC-SHA256 under the same per-database
secret, so a USB scanner types it and a forged or altered code is refused.
Two things keep the two kinds apart:

- a different prefix, ``NTM1``, so the check-in desk and this module tell them apart at once;
- the prefix is part of the signed message, so an invitation whose prefix is swapped for
  ``NTM1`` (or the reverse) fails the signature check instead of passing as the other kind.

An ikrar mandiri form can therefore never check anyone in, and an invitation can never
count as a returned form.
"""

from __future__ import annotations

from .. import qr_payload
from ..events import NotFoundError
from ..models import Registration
from ..qr_payload import (
    BODY_LENGTH,
    MAX_EVENT_ID,
    MAX_REGISTRATION_ID,
    DecodedPayload,
    ScannedCodeError,
    clean,
    signed_code,
    verify_signed,
)
from ..reasons import ReasonCode

PREFIX = "NTM1"
CODE_LENGTH = len(PREFIX) + BODY_LENGTH


def encode(event_id: int, registration_id: int) -> str:
    """The code for one registration's ikrar mandiri form in the current database."""
    return signed_code(PREFIX, event_id, registration_id)


def decode(text: str) -> DecodedPayload:
    """Read and verify a scanned form code; raises ``ScannedCodeError`` with the reason.

    ``kind`` is ``empty``, ``invitation`` (an invitation code), ``foreign``, ``malformed``
    or ``forged``.
    """
    code = clean(text)
    if code.startswith(PREFIX):  # typed from the form, where it is printed in groups of four
        code = "".join(code.replace("-", " ").split())
    if not code:
        raise ScannedCodeError("empty", ReasonCode.FORM_EMPTY_CODE)
    if qr_payload.looks_like_payload(code):
        raise ScannedCodeError("invitation", ReasonCode.FORM_INVITATION_CODE)
    if not code.startswith(PREFIX):
        raise ScannedCodeError("foreign", ReasonCode.FORM_FOREIGN_QR)
    return verify_signed(code, PREFIX, malformed=ReasonCode.FORM_MALFORMED_QR, forged=ReasonCode.FORM_FORGED_QR)


def grouped(code: str) -> str:
    """``NTM1 ABCD EFGH …``: the code as printed under its QR, easy to read out and type."""
    return " ".join(code[index : index + 4] for index in range(0, len(code), 4))


def looks_like_code(text: str) -> bool:
    """Whether ``text`` is meant as an ikrar mandiri form code (its signature is not checked here)."""
    return clean(text).startswith(PREFIX)


def code_for(registration_id: int) -> str:
    """The code to print on a registration's ikrar mandiri form."""
    row = Registration.select(Registration.event).where(Registration.id == registration_id).tuples().first()
    if row is None:
        raise NotFoundError(f"Peserta nomor {registration_id} tidak ditemukan.")
    return encode(row[0], registration_id)


__all__ = [
    "CODE_LENGTH",
    "MAX_EVENT_ID",
    "MAX_REGISTRATION_ID",
    "PREFIX",
    "DecodedPayload",
    "ScannedCodeError",
    "code_for",
    "decode",
    "encode",
    "grouped",
    "looks_like_code",
]
