"""What a desk scan looks like: the shapes a USB scanner types, told apart from ordinary text.

Four shapes, each a setting at the desk (``gui/common/settings.ScannerSettings``):

- ``invitation``: an invitation QR payload, ``NTR1`` + 23 Crockford base32 characters;
- ``mandiri``: an ikrar mandiri form code, ``NTM1`` + 23 characters;
- ``nip``: 18 digits (NIP or NI PPPK), spaces allowed as printed (``19860926 201505 1 001``);
- ``nik``: 16 digits.

Only the shape is checked here (no signature, no database): the window uses it to tell a
scanner burst from typing before anything is written, and the walk-in form to refuse a
code typed (or scanned) into the name field. Case is ignored: Caps Lock makes a scanner
type lowercase.
"""

from __future__ import annotations

import re

from .pledges.mandiri_code import PREFIX as MANDIRI_PREFIX
from .qr_payload import ALPHABET, BODY_LENGTH
from .qr_payload import PREFIX as INVITATION_PREFIX

INVITATION = "invitation"
MANDIRI = "mandiri"
NIP = "nip"
NIK = "nik"
SHAPES: tuple[str, ...] = (INVITATION, MANDIRI, NIP, NIK)

_BODY = f"[{ALPHABET}]{{{BODY_LENGTH}}}"
_PATTERNS = {
    INVITATION: re.compile(f"{INVITATION_PREFIX}{_BODY}"),
    MANDIRI: re.compile(f"{MANDIRI_PREFIX}{_BODY}"),
    NIP: re.compile(r"\d{8} ?\d{6} ?\d ?\d{3}"),
    NIK: re.compile(r"\d{16}"),
}
# Fixed-length codes whose first characters already say what follows.
_PREFIXES = {INVITATION: INVITATION_PREFIX, MANDIRI: MANDIRI_PREFIX}


def scan_kind(text: str, shapes: tuple[str, ...] | frozenset[str] = SHAPES) -> str | None:
    """Which of ``shapes`` ``text`` has in full (surrounding spaces ignored), or None."""
    code = (text or "").strip().upper()
    for shape in SHAPES:
        if shape in shapes and _PATTERNS[shape].fullmatch(code):
            return shape
    return None


def is_scan_code(text: str) -> bool:
    """Whether ``text`` has any of the four shapes (e.g. a scan that landed in a name field)."""
    return scan_kind(text) is not None


def could_be_code(text: str, shapes: tuple[str, ...] | frozenset[str] = SHAPES) -> bool:
    """Whether ``text`` is the beginning (or the whole) of a code of one of ``shapes``: what a
    scanner has typed so far, which the window holds back from the widget while it may be a scan."""
    code = (text or "").upper()
    if not code:
        return False
    for shape, prefix in _PREFIXES.items():
        if shape in shapes:
            head, body = code[: len(prefix)], code[len(prefix) :]
            if prefix.startswith(head) and len(body) <= BODY_LENGTH and all(char in ALPHABET for char in body):
                return True
    digits = code.replace(" ", "")
    if not (digits.isascii() and digits.isdigit()) or code.startswith(" "):
        return False
    return (NIP in shapes and len(digits) <= 18 and code.count(" ") <= 3) or (
        NIK in shapes and code == digits and len(digits) <= 16
    )


def dedupe_key(text: str) -> str:
    """One key for the same code however it was typed (case, spaces), to spot a double trigger."""
    return re.sub(r"\s+", "", (text or "").upper())


__all__ = [
    "INVITATION",
    "MANDIRI",
    "NIK",
    "NIP",
    "SHAPES",
    "could_be_code",
    "dedupe_key",
    "is_scan_code",
    "scan_kind",
]
