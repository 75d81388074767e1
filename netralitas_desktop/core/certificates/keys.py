"""The instansi's Ed25519 key pair that signs certificate QR codes.

The private key is made once, at the first certificate, and kept in the database's
``AppSetting`` table (as the invitation QR secret is): that table is never exported,
so the key stays with the database — inside the SQLite file in its folder, or on the
PostgreSQL server that every desk of an event shares, which is what lets several desks
sign certificates that one public key verifies. A key file beside the database would not
reach the other desks of a PostgreSQL set-up. The public key is exported as PEM for
anyone who verifies offline.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..database_secrets import database_secret
from ..errors import UserError
from ..models import AppSetting

PRIVATE_KEY_SETTING = "certificate_signing_key"


class PublicKeyError(UserError, ValueError):
    """A public key file that cannot be read; the message is for the user."""


def private_key() -> Ed25519PrivateKey:
    """The database's signing key, created at first use (the first desk's insert wins)."""
    raw = database_secret(
        PRIVATE_KEY_SETTING,
        lambda: Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        ),
    )
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key() -> Ed25519PublicKey:
    return private_key().public_key()


def existing_public_key() -> Ed25519PublicKey | None:
    """The database's public key without making one: None before the first certificate."""
    if AppSetting.get_or_none(AppSetting.key == PRIVATE_KEY_SETTING) is None:
        return None
    return public_key()


def public_key_pem(key: Ed25519PublicKey | None = None) -> bytes:
    return (key or public_key()).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def fingerprint(key: Ed25519PublicKey | None = None) -> str:
    """A short code to compare keys by eye: ``3F2A-91BC-07DE-5514``."""
    raw = (key or public_key()).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest().upper()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def export_public_key(path: str | Path) -> Path:
    from ..documents import atomic_output

    path = Path(path)
    with atomic_output(path) as temp:
        temp.write_bytes(public_key_pem())
    return path


def load_public_key(data: bytes) -> Ed25519PublicKey:
    """A public key from PEM bytes (as ``export_public_key`` writes them)."""
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as err:
        raise PublicKeyError("Berkas kunci publik tidak sah (harus berkas PEM dari menu ekspor kunci publik).") from err
    if not isinstance(key, Ed25519PublicKey):
        raise PublicKeyError("Kunci publik ini bukan kunci Ed25519 sertifikat Netralitas.")
    return key


def read_public_key(path: str | Path) -> Ed25519PublicKey:
    try:
        return load_public_key(Path(path).read_bytes())
    except OSError as err:
        raise PublicKeyError(f"Berkas kunci publik tidak bisa dibaca: {err.strerror or err}.") from err


def is_valid_signature(key: Ed25519PublicKey, signature: bytes, message: bytes) -> bool:
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


__all__ = [
    "PRIVATE_KEY_SETTING",
    "PublicKeyError",
    "existing_public_key",
    "export_public_key",
    "fingerprint",
    "is_valid_signature",
    "load_public_key",
    "private_key",
    "public_key",
    "public_key_pem",
    "read_public_key",
]
