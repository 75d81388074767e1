"""The PUBLIC keys that sign certificates, as the database lists them (``CertificateKey``).

A key is named by its key id — the first 4 bytes of SHA-256 of the raw public key, in the QR — and
shown to people as a fingerprint (``3F2A-91BC-07DE-5514``, the first 8 bytes) to compare by eye:
the key id is the fingerprint's first two groups. The private half never comes here: it stays on
the computers that issue certificates (``keystore``), so neither a desk nor a copy of the
database can sign. Old keys stay listed when a key is replaced, so what they signed still checks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import UserError
from ..models import db, now
from .models import IMPORTED, LEGACY, OWN, CertificateKey

ROLE_LABELS = {OWN: "kunci instansi ini", LEGACY: "kunci lama (sebelum pembaruan)", IMPORTED: "kunci impor"}


class PublicKeyError(UserError, ValueError):
    """A public key file that cannot be read; the message is for the user."""


@dataclass(frozen=True)
class KnownKey:
    key_id: str
    public: Ed25519PublicKey
    instansi: str
    role: str
    created_at: object = None
    retired_at: object = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public)

    @property
    def raw_hex(self) -> str:
        return raw_public(self.public).hex()

    def to_dict(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "fingerprint": self.fingerprint,
            "instansi": self.instansi,
            "role": self.role,
            "created_at": str(self.created_at)[:19] if self.created_at else None,
            "retired_at": str(self.retired_at)[:19] if self.retired_at else None,
        }


def raw_public(key: Ed25519PublicKey | Ed25519PrivateKey) -> bytes:
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_from_raw(raw: bytes) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError as err:
        raise PublicKeyError("Kunci publik rusak (bukan kunci Ed25519 32 bita).") from err


def key_id(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    return hashlib.sha256(raw_public(key)).hexdigest()[:8]


def fingerprint(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    """A short code to compare keys by eye: ``3F2A-91BC-07DE-5514`` (starts with the key id)."""
    digest = hashlib.sha256(raw_public(key)).hexdigest().upper()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def _known(row: CertificateKey) -> KnownKey:
    return KnownKey(
        row.key_id,
        public_from_raw(bytes.fromhex(row.public_key)),
        row.instansi,
        row.role,
        row.created_at,
        row.retired_at,
    )


def known_keys() -> dict[str, KnownKey]:
    """Every public key the open database trusts, by key id (none without a database)."""
    if db.obj is None:
        return {}
    return {row.key_id: _known(row) for row in CertificateKey.select().order_by(CertificateKey.created_at)}


def active_key() -> KnownKey | None:
    """The instansi's key that signs new certificates: its newest own key not retired."""
    row = (
        CertificateKey.select()
        .where((CertificateKey.role == OWN) & CertificateKey.retired_at.is_null())
        .order_by(CertificateKey.created_at.desc(), CertificateKey.key_id)
        .first()
    )
    return _known(row) if row else None


def own_keys() -> list[KnownKey]:
    """This instansi's keys, current and old (what its verification site lists)."""
    rows = CertificateKey.select().where(CertificateKey.role.in_([OWN, LEGACY])).order_by(CertificateKey.created_at)
    return [_known(row) for row in rows]


def register_key(
    public: Ed25519PublicKey, instansi: str, role: str, *, retired: bool = False, created_at: dt.datetime | None = None
) -> KnownKey:
    """Add a public key to the database (or update the instansi of one already there)."""
    kid = key_id(public)
    values = {"instansi": " ".join((instansi or "").split()), "role": role}
    with db.atomic():
        row = CertificateKey.get_or_none(CertificateKey.key_id == kid)
        if row is None:
            row = CertificateKey.create(
                key_id=kid,
                public_key=raw_public(public).hex(),
                created_at=created_at or now(),
                retired_at=now() if retired else None,
                **values,
            )
        elif row.role != OWN or role == OWN:
            CertificateKey.update(**values).where(CertificateKey.key_id == kid).execute()
            row = CertificateKey.get(CertificateKey.key_id == kid)
    return _known(row)


def retire_key(kid: str) -> None:
    CertificateKey.update(retired_at=now()).where(
        (CertificateKey.key_id == kid) & CertificateKey.retired_at.is_null()
    ).execute()


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def export_public_key(path: str | Path, key: Ed25519PublicKey | None = None) -> Path:
    """The active key as PEM (``PublicKeyError`` when the database has none yet)."""
    from ..documents import atomic_output

    if key is None:
        active = active_key()
        if active is None:
            raise PublicKeyError(
                "Basis data ini belum punya kunci tanda tangan sertifikat; terbitkan sertifikat dahulu."
            )
        key = active.public
    path = Path(path)
    with atomic_output(path) as temp:
        temp.write_bytes(public_key_pem(key))
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
    "IMPORTED",
    "LEGACY",
    "OWN",
    "ROLE_LABELS",
    "KnownKey",
    "PublicKeyError",
    "active_key",
    "export_public_key",
    "fingerprint",
    "is_valid_signature",
    "key_id",
    "known_keys",
    "load_public_key",
    "own_keys",
    "public_from_raw",
    "public_key_pem",
    "raw_public",
    "read_public_key",
    "register_key",
    "retire_key",
]
