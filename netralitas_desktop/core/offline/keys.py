"""Who made a package: Ed25519 signatures both ways, and keys confirmed by fingerprint.

The office signs every event package with its database's package key; a laptop signs what
it sends back with a key made when it first imported that event. A signature proves a
file is unchanged since its key signed it, not *whose* key that is: so the first time a
key is met, the person at the receiving end compares its fingerprint with the one on the
sending computer's screen (office: "Meja offline" dialog or ``package export``; laptop:
the import result or ``package export-checkins``), and only a confirmed key is trusted.
From then on a file from the same source with another key is refused outright.

Keys live in ``AppSetting`` through ``database_secret`` (never exported), as the QR secret does.
"""

from __future__ import annotations

import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .. import audit
from ..database_secrets import database_secret
from ..errors import BAD_INPUT, UserError
from .models import ImportedEvent, TrustedKey

OFFICE_KEY_SETTING = "package_signing_key"
DESK_KEY_SETTING = "package_desk_key:{origin}:{event_id}"  # one per imported office event
ROLE_OFFICE = "office"  # on a laptop: the office's key
ROLE_DESK = "desk"  # on the office PC: a laptop's key for one event
FINGERPRINT_GROUPS = 5  # 80 bits in five groups of four hex digits: 3F2A-91BC-07DE-5514-AB12

ROLE_LABELS = {ROLE_OFFICE: "kunci kantor", ROLE_DESK: "kunci laptop meja"}


class KeyNotConfirmedError(UserError):
    """A signing key seen for the first time: its fingerprint must be compared before it is trusted."""

    exit_code = BAD_INPUT

    def __init__(self, role: str, fingerprint: str, message: str) -> None:
        super().__init__(message)
        self.role = role
        self.fingerprint = fingerprint
        self.extra = {"fingerprint": fingerprint, "role": role}  # keys of the CLI's JSON error object


class KeyMismatchError(UserError):
    """A file signed by another key than the one confirmed for its source: not made by that computer."""

    exit_code = BAD_INPUT


def _new_private_bytes() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def office_key() -> Ed25519PrivateKey:
    """This database's key for signing event packages, made at first use."""
    return Ed25519PrivateKey.from_private_bytes(database_secret(OFFICE_KEY_SETTING, _new_private_bytes))


def desk_key(origin: str, origin_event_id: int) -> Ed25519PrivateKey:
    """This laptop's key for one imported office event, made at its first import."""
    setting = DESK_KEY_SETTING.format(origin=origin, event_id=origin_event_id)
    return Ed25519PrivateKey.from_private_bytes(database_secret(setting, _new_private_bytes))


def fingerprint(public_key: bytes) -> str:
    """A code to compare by eye on two screens: SHA-256 of the raw key, 80 bits, ``3F2A-91BC-…``."""
    digest = hashlib.sha256(b"netralitas-paket\0" + public_key).hexdigest().upper()
    return "-".join(digest[index * 4 : index * 4 + 4] for index in range(FINGERPRINT_GROUPS))


def same_fingerprint(typed: str | None, expected: str) -> bool:
    """``typed`` as a person may write it (spaces, lower case, without dashes) equals ``expected``."""
    if not typed:
        return False
    return re.sub(r"[^0-9A-F]", "", typed.upper()) == expected.replace("-", "")


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def trust(
    role: str,
    source: str,
    public_key: bytes,
    *,
    event_id: int | None = None,
    confirmed: str | None = None,
    actor: audit.Actor | None = None,
) -> bool:
    """Check ``public_key`` against the key confirmed for ``source``; returns True when newly confirmed.

    Known and equal: fine. Known and different: ``KeyMismatchError``. Unknown: trusted only when
    ``confirmed`` is its fingerprint as typed or clicked by the person comparing screens, else
    ``KeyNotConfirmedError`` carrying the fingerprint to show. Call inside the import/merge
    transaction, so a refused file leaves no trust behind.
    """
    code = fingerprint(public_key)
    query = (TrustedKey.role == role) & (TrustedKey.source == source)
    query &= TrustedKey.event.is_null() if event_id is None else TrustedKey.event == event_id
    known = TrustedKey.get_or_none(query)
    label = ROLE_LABELS[role]
    if known is not None:
        if known.public_key == public_key.hex():
            return False
        raise KeyMismatchError(
            f"Berkas ini ditandatangani {label} yang lain (sidik jari {code}) daripada yang sudah dicocokkan "
            f"untuk komputer itu ({fingerprint(bytes.fromhex(known.public_key))}): berkas ini tidak dibuat oleh "
            "komputer itu, atau telah dipalsukan. Tidak ada yang diubah."
        )
    if confirmed is None:
        where = "komputer kantor (menu Berkas \u2192 Meja offline)" if role == ROLE_OFFICE else "laptop meja itu"
        raise KeyNotConfirmedError(
            role,
            code,
            f"Sidik jari {label} berkas ini: {code}. Cocokkan dengan sidik jari yang tampil di {where}; bila sama, "
            f"ulangi dengan sidik jari itu ({'--office-key' if role == ROLE_OFFICE else '--desk-key'} {code}). "
            "Tidak ada yang diubah.",
        )
    if not same_fingerprint(confirmed, code):
        raise KeyMismatchError(
            f"Sidik jari yang dicocokkan ({confirmed.strip()}) berbeda dengan sidik jari {label} berkas ini ({code}). "
            "Berkas ini tidak dibuat oleh komputer itu; tidak ada yang diubah."
        )
    actor = actor or audit.Actor.default()
    TrustedKey.create(
        role=role, source=source, event=event_id, public_key=public_key.hex(), desk=actor.desk, operator=actor.operator
    )
    audit.record("package.key_confirmed", actor=actor, event_id=event_id, role=role, fingerprint=code, source=source)
    return True


def trusted_fingerprint(role: str, source: str, event_id: int | None = None) -> str | None:
    query = (TrustedKey.role == role) & (TrustedKey.source == source)
    query &= TrustedKey.event.is_null() if event_id is None else TrustedKey.event == event_id
    known = TrustedKey.get_or_none(query)
    return fingerprint(bytes.fromhex(known.public_key)) if known else None


def office_fingerprint() -> str:
    return fingerprint(public_bytes(office_key()))


def desk_fingerprint(origin: str, origin_event_id: int) -> str:
    return fingerprint(public_bytes(desk_key(origin, origin_event_id)))


def desk_fingerprint_of_event(event_id: int) -> str | None:
    """This laptop's key fingerprint for a local event imported from an office; None for the office's own."""
    imported = ImportedEvent.get_or_none(ImportedEvent.event == event_id)
    return desk_fingerprint(imported.origin, imported.origin_event_id) if imported else None


__all__ = [
    "ROLE_DESK",
    "ROLE_OFFICE",
    "KeyMismatchError",
    "KeyNotConfirmedError",
    "desk_fingerprint",
    "desk_fingerprint_of_event",
    "desk_key",
    "fingerprint",
    "office_fingerprint",
    "office_key",
    "public_bytes",
    "same_fingerprint",
    "sign",
    "trust",
    "trusted_fingerprint",
    "verify",
]
