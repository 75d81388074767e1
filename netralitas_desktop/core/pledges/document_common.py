"""What the pledge documents and the attendance list share: who is listed, signatures, results.

Cancelled registrations never appear. People are listed by unit kerja then name, as the
roster is, so a printed list can be handed out per office. Every written file with
personal data leaves an ``export`` entry in the audit trail (ids and counts only).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import audit
from ..documents import DocumentError
from ..errors import UserError
from ..models import Registration, Signature
from ..names import fold, name_key
from ..participants import ParticipantRow, list_participants

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from ..reports.status import StatusRow

MAX_IDS_PER_QUERY = 500  # stays below SQLite's bound-variable limit


class NothingToPrint(UserError, ValueError):
    """The document would be empty (no participants, nobody signed); the message is for the user."""


@dataclass(frozen=True)
class DocumentResult:
    document: str  # "pledge_forms", "pledge_sheet", "attendance_list", …
    count: int  # people in it
    pages: int
    path: str
    format: str  # "pdf", "folder" (one PDF per person) or "zip"
    files: int = 1
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "document": self.document,
            "count": self.count,
            "pages": self.pages,
            "path": self.path,
            "format": self.format,
            "files": self.files,
        }


def listed_rows(event_id: int, *, only_present: bool = False) -> list[ParticipantRow]:
    """Participants not cancelled (optionally only those checked in), by unit kerja then name."""
    cancelled = {
        registration_id
        for (registration_id,) in Registration.select(Registration.id)
        .where((Registration.event == event_id) & Registration.cancelled_at.is_null(False))
        .tuples()
    }
    rows = [
        row
        for row in list_participants(event_id)
        if row.registration_id not in cancelled and (row.checked_in_at is not None or not only_present)
    ]
    rows.sort(key=print_order)
    return rows


def print_order(row: ParticipantRow | StatusRow) -> tuple[bool, str, str, int]:
    """Sort key of every printed list: unit kerja (people without one last), then name."""
    return (not row.unit_kerja, fold(row.unit_kerja), name_key(row.full_name), row.registration_id)


def signatures_of(registration_ids: Iterable[int]) -> dict[int, bytes]:
    """Captured signature PNGs of these registrations, a few queries for a whole page or run."""
    ids = list(registration_ids)
    found: dict[int, bytes] = {}
    for start in range(0, len(ids), MAX_IDS_PER_QUERY):
        chunk = ids[start : start + MAX_IDS_PER_QUERY]
        query = Signature.select(Signature.registration, Signature.png).where(Signature.registration.in_(chunk))
        for registration_id, png in query.tuples():
            found[registration_id] = bytes(png)  # PostgreSQL hands back a memoryview
    return found


def record_export(result: DocumentResult, *, event_id: int, actor: audit.Actor | None) -> None:
    """The audit entry for a written document with personal data (``audit.record_export``)."""
    audit.record_export(
        event_id,
        result.document,
        count=result.count,
        pages=result.pages,
        format=result.format,
        files=result.files,
        actor=actor,
    )


def save_canvas(canvas: Canvas, what: str) -> None:
    """``canvas.save()`` with a disk failure turned into an Indonesian message."""
    try:
        canvas.save()
    except OSError as err:
        raise DocumentError(f"Berkas {what} tidak bisa disimpan: {err.strerror or err}.") from err


__all__ = [
    "DocumentResult",
    "NothingToPrint",
    "listed_rows",
    "print_order",
    "record_export",
    "save_canvas",
    "signatures_of",
]
