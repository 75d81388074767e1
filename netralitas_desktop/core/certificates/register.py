"""The certificate register and the issuing key: every number for good, and who may sign.

``CertificateRegister`` keeps number, event, date, status (with reason) and a salted hash of the
holder for every certificate ever numbered. ``Certificate`` rows (which link a number to a
registration, i.e. a person) go with a purge; the register stays, so a purged event's numbers
are never given again and its revocations stand (``retain_on_purge``, called by ``core.purge``).

``issuing_key(instansi)`` is the key that signs new certificates. It must be on this computer
(``keystore``): a desk or a copy of the database that does not hold it cannot issue. The first
certificate of a database that has no key of its own makes one here.

Migration to schema 7 (``migrate_to_register``): the register is filled from the existing
certificates; the signing key that lived in the database becomes a retired ``legacy`` public key,
and its private half is deleted from the database. Anyone with a database copy or backup holds
that old key, so a version-1 code checks only when its signature is the one recorded here at the
migration (``legacy_digest``): the certificates printed before still verify, and nothing new
signed with the old key does.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ..database_secrets import database_secret
from ..errors import UserError
from ..models import AppSetting, Event, db, now
from . import keys, keystore
from .models import LEGACY, OWN, REVOKED, VALID, Certificate, CertificateRegister
from .payload import clean

SALT_SETTING = "certificate_register_salt"
LEGACY_KEY_SETTING = "certificate_signing_key"  # where the private key lived before schema 7
SCRUBBED = "(dihapus)"


class IssuingKeyMissing(UserError):
    """This computer does not hold the instansi's signing key; the message says what to do."""


# --- holders ---------------------------------------------------------------------------------------------


def holder_digest(holder_id: str, name: str) -> str:
    """HMAC-SHA256 of the holder as signed (id, name) with the database's own salt."""
    salt = database_secret(SALT_SETTING, lambda: os.urandom(32))
    if len(holder_id) == 16 and holder_id.isdigit():  # a version-1 code carried the whole NIK
        holder_id = holder_id[:4] + "*" * 10 + holder_id[-2:]
    text = f"{holder_id}|{clean(name).casefold()}".encode()
    return hmac.new(salt, text, hashlib.sha256).hexdigest()


def signature_digest(signature: bytes) -> str:
    """What the register keeps of a version-1 signature: it identifies the printed code, nothing more
    (SHA-512, which the verification page computes in any browser, cut to 16 bytes)."""
    return hashlib.sha512(signature).hexdigest()[:32]


@dataclass(frozen=True)
class Issued:
    number: str
    holder_hash: str
    key_id: str


def record_issue(entries: list[Issued]) -> None:
    """Note which key signed each number and for whom (only rows that changed are written)."""
    if not entries:
        return
    current = {}
    numbers = [entry.number for entry in entries]
    for start in range(0, len(numbers), 500):
        query = CertificateRegister.select(
            CertificateRegister.number, CertificateRegister.holder_hash, CertificateRegister.key_id
        ).where(CertificateRegister.number.in_(numbers[start : start + 500]))
        current.update({number: (digest, kid) for number, digest, kid in query.tuples()})
    changed = [entry for entry in entries if current.get(entry.number) != (entry.holder_hash, entry.key_id)]
    with db.atomic():
        for entry in changed:
            CertificateRegister.update(holder_hash=entry.holder_hash, key_id=entry.key_id).where(
                CertificateRegister.number == entry.number
            ).execute()


def lookup(number: str) -> CertificateRegister | None:
    return CertificateRegister.get_or_none(CertificateRegister.number == clean(number))


def revoked_numbers() -> list[tuple[str, str]]:
    """(number, revocation date) of every revoked certificate, for the signed public list."""
    query = (
        CertificateRegister.select(CertificateRegister.number, CertificateRegister.revoked_at)
        .where(CertificateRegister.status == REVOKED)
        .order_by(CertificateRegister.number)
        .tuples()
    )
    return [(number, str(when)[:10] if when else "") for number, when in query]


def legacy_digests() -> list[str]:
    query = (
        CertificateRegister.select(CertificateRegister.legacy_digest)
        .where(CertificateRegister.legacy_digest.is_null(False))
        .order_by(CertificateRegister.legacy_digest)
        .tuples()
    )
    return [digest for (digest,) in query]


# --- purge -----------------------------------------------------------------------------------------------


def retain_on_purge(event_id: int) -> int:
    """Before an event's personal data goes: its register rows stay (number, date, status, holder
    hash), marked purged, with reasons typed by an operator (which may name someone) removed."""
    stamp = now()
    marked: int = (
        CertificateRegister.update(purged_at=stamp)
        .where((CertificateRegister.event_id == event_id) & CertificateRegister.purged_at.is_null())
        .execute()
    )
    CertificateRegister.update(revoke_reason=SCRUBBED).where(
        (CertificateRegister.event_id == event_id) & CertificateRegister.revoke_reason.is_null(False)
    ).execute()
    return marked


# --- the issuing key -------------------------------------------------------------------------------------


def issuing_key(instansi: str, *, passphrase: bytes | None = None) -> tuple[keys.KnownKey, Ed25519PrivateKey]:
    """The active key and its private half from this computer; makes the first one when the
    database has none. ``IssuingKeyMissing`` or ``keystore.PassphraseNeeded`` otherwise."""
    active = keys.active_key()
    if active is None:
        active, private = create_key(instansi, passphrase=passphrase)
        return active, private
    if not keystore.holds(active.key_id):
        raise missing_key(active)
    return active, keystore.unlock(active.key_id, passphrase)


def missing_key(active: keys.KnownKey) -> IssuingKeyMissing:
    return IssuingKeyMissing(
        f"Kunci tanda tangan sertifikat instansi (sidik {active.fingerprint}) tidak ada di komputer ini, "
        "jadi sertifikat tidak bisa diterbitkan dari sini. Terbitkan dari komputer penerbit, atau pulihkan "
        "kunci dari berkas cadangannya (Sertifikat → Pulihkan kunci; netralitas certificate key restore)."
    )


def create_key(
    instansi: str, *, passphrase: bytes | None = None, replace: bool = False
) -> tuple[keys.KnownKey, Ed25519PrivateKey]:
    """A new signing key on this computer, listed in the database as the active one. ``replace``
    retires the current one (lost or leaving with a laptop): what it signed still checks."""
    current = keys.active_key()
    if current is not None and not replace:
        raise UserError(
            f"Instansi ini sudah punya kunci tanda tangan aktif (sidik {current.fingerprint}). "
            "Untuk menggantinya (kunci hilang atau bocor) pilih ganti kunci."
        )
    private = Ed25519PrivateKey.generate()
    keystore.save(private, instansi=instansi, passphrase=passphrase)
    with db.atomic():
        if current is not None:
            keys.retire_key(current.key_id)
        known = keys.register_key(private.public_key(), instansi, OWN)
    return known, private


def restore_key(path: Path, passphrase: bytes, *, in_file: bool = False) -> keys.KnownKey:
    """A backed-up key onto this computer, and into the database's list if it is missing there."""
    private, document = keystore.restore(path, passphrase, in_file=in_file)
    known = keys.known_keys().get(keys.key_id(private))
    if known is None:  # e.g. a new database: the restored key becomes this instansi's active key
        known = keys.register_key(private.public_key(), document.get("instansi", ""), OWN)
    return known


# --- schema 7 --------------------------------------------------------------------------------------------


def migrate_to_register() -> None:
    """Fill the register from existing certificates; retire the database-held key (see above)."""
    from .eligibility import holder_for
    from .payload import holder_id_for

    legacy_row = AppSetting.get_or_none(AppSetting.key == LEGACY_KEY_SETTING)
    legacy = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(legacy_row.value)) if legacy_row else None
    if legacy is not None:
        instansi = Event.select(Event.instansi).order_by(Event.id.desc()).scalar() or ""
        keys.register_key(legacy.public_key(), instansi, LEGACY, retired=True)
    query = (
        Certificate.select(
            Certificate.number,
            Certificate.event,
            Certificate.seq,
            Certificate.issued_at,
            Certificate.revoked_at,
            Certificate.revoke_reason,
            Certificate.registration,
            Event.date,
        )
        .join(Event)
        .order_by(Certificate.id)
        .tuples()
    )
    for number, event_id, seq, issued_at, revoked_at, reason, registration_id, date in query:
        try:
            holder = holder_for(registration_id)
        except LookupError:
            continue
        digest, legacy_digest = holder_digest(holder_id_for(holder.nip, holder.nik), holder.name), None
        if legacy is not None:
            fields = (number, holder.id_digits, holder.name)
            message = "|".join(("SRT1", *(_v1_clean(text) for text in fields), f"{date:%Y%m%d}"))
            legacy_digest = signature_digest(legacy.sign(message.encode("utf-8")))
        CertificateRegister.insert(
            number=number,
            event_id=event_id,
            seq=seq,
            issued_at=issued_at,
            key_id=keys.key_id(legacy) if legacy else "",
            holder_hash=digest,
            status=REVOKED if revoked_at else VALID,
            revoked_at=revoked_at,
            revoke_reason=reason,
            legacy_digest=legacy_digest,
        ).on_conflict_ignore().execute()
    if legacy_row is not None:
        AppSetting.delete().where(AppSetting.key == LEGACY_KEY_SETTING).execute()


def _v1_clean(text: str) -> str:
    """Version 1's field cleaning (a ``|`` could not appear inside a field)."""
    return " ".join((text or "").replace("|", "/").split())


__all__ = [
    "SCRUBBED",
    "Issued",
    "IssuingKeyMissing",
    "create_key",
    "holder_digest",
    "issuing_key",
    "legacy_digests",
    "lookup",
    "migrate_to_register",
    "missing_key",
    "record_issue",
    "restore_key",
    "retain_on_purge",
    "revoked_numbers",
    "signature_digest",
]
