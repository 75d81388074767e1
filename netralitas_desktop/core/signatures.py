"""Signatures given at the check-in desk: one PNG per registration, replaced on re-signing.

Stored in the database (not as loose files) so a PostgreSQL setup shares them between
desks and a backup of the database file holds everything. The audit trail records ids and
sizes only: a signature is personal data. A saved signature carries a small print copy of
itself (``documents.images.with_print_copy``), so a 2,000-person attendance list does not
decode 2,000 full pad images.
"""

from __future__ import annotations

import io

from PIL import Image

from . import audit
from .documents.images import with_print_copy
from .errors import UserError
from .events import NotFoundError
from .models import Event, Registration, Signature, db, now

MAX_PNG_BYTES = 1_000_000
# A trimmed signature at 2-3x screen resolution is far smaller; this only stops absurd input.
MAX_SIDE_PX = 4000


class SignatureImageError(UserError, ValueError):
    """Signature bytes that cannot be stored; the message is for the user."""


def validate_png(png: bytes) -> None:
    """Raise ``SignatureImageError`` unless ``png`` is a sound PNG image within the limits."""
    if not png:
        raise SignatureImageError("Tanda tangan kosong; minta peserta menandatangani dulu.")
    if len(png) > MAX_PNG_BYTES:
        raise SignatureImageError(
            f"Berkas tanda tangan terlalu besar ({len(png) / 1_000_000:.1f} MB; paling besar 1 MB)."
        )
    try:
        with Image.open(io.BytesIO(png)) as image:
            kind, (width, height) = image.format, image.size
            image.verify()
    except Exception as err:
        raise SignatureImageError("Tanda tangan harus berupa gambar PNG; berkas ini bukan PNG yang utuh.") from err
    if kind != "PNG":
        raise SignatureImageError(f"Tanda tangan harus berupa gambar PNG, bukan {kind}.")
    if max(width, height) > MAX_SIDE_PX:
        raise SignatureImageError(f"Gambar tanda tangan terlalu besar ({width}×{height} piksel).")
    # verify() checks the chunks, not the compressed pixels: decode them once, as every document will.
    try:
        with Image.open(io.BytesIO(png)) as image:
            image.load()
    except Exception as err:
        raise SignatureImageError("Gambar tanda tangan rusak: isinya tidak dapat dibaca.") from err


def save_signature(registration_id: int, png_bytes: bytes, *, actor: audit.Actor | None = None) -> None:
    """Store (or replace) the signature of one registration, with its print copy."""
    png_bytes = bytes(png_bytes)
    validate_png(png_bytes)
    png_bytes = with_print_copy(png_bytes)
    actor = actor or audit.Actor.default()
    with db.atomic():
        event_id = _event_of(registration_id)
        replaced = (
            Signature.update(png=png_bytes, created_at=now(), desk=actor.desk, operator=actor.operator)
            .where(Signature.registration == registration_id)
            .execute()
        )
        if not replaced:
            Signature.create(registration=registration_id, png=png_bytes, desk=actor.desk, operator=actor.operator)
        audit.record(
            "signature.save",
            actor=actor,
            event_id=event_id,
            registration_id=registration_id,
            bytes=len(png_bytes),
            replaced=bool(replaced),
        )


def get_signature(registration_id: int) -> bytes | None:
    png = Signature.select(Signature.png).where(Signature.registration == registration_id).scalar()
    return bytes(png) if png is not None else None  # PostgreSQL hands back a memoryview


def has_signature(registration_id: int) -> bool:
    return Signature.select().where(Signature.registration == registration_id).exists()


def signature_required(event_id: int) -> bool:
    """Whether the desk asks for a signature after check-in at this event (False if it is gone)."""
    return bool(Event.select(Event.signature_required).where(Event.id == event_id).scalar())


def signed_registration_ids(event_id: int) -> set[int]:
    """Registrations of one event that have signed (for the desk's list and reports)."""
    query = Signature.select(Signature.registration).join(Registration).where(Registration.event == event_id).tuples()
    return {registration_id for (registration_id,) in query}


def delete_signature(registration_id: int, *, actor: audit.Actor | None = None) -> bool:
    """Remove a signature (e.g. signed for the wrong person); False when there was none."""
    with db.atomic():
        event_id = _event_of(registration_id)
        deleted = Signature.delete().where(Signature.registration == registration_id).execute()
        if deleted:
            audit.record("signature.delete", actor=actor, event_id=event_id, registration_id=registration_id)
    return bool(deleted)


def _event_of(registration_id: int) -> int:
    event_id: int | None = Registration.select(Registration.event).where(Registration.id == registration_id).scalar()
    if event_id is None:
        raise NotFoundError(f"Pendaftaran nomor {registration_id} tidak ditemukan.")
    return event_id
