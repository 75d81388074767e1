"""The laptops' walk-ins waiting for the office: look, then approve or reject.

A walk-in typed on a desk laptop is a person the office never invited: anyone holding the
laptop could have typed anything. So a merge only queues them (``merge._Merger``); they count
(person, registration, check-in, signature) once someone at the office approves them here,
with the same matching a merge used to do (NIP, then NIK, then name and unit kerja).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .. import audit
from ..models import Event, Person, Registration
from ..names import full_name
from ..nip import format_nip, normalize_id
from ..participants import PersonData, clean_person
from ..transactions import write_transaction
from .merge import _Merger
from .merge_report import MergeReport
from .models import PendingWalkIn


class ReviewStatus(StrEnum):
    """Where a walk-in from a desk laptop stands with the office."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


_SIGNATURE_FILE = "signature.png"


@dataclass(frozen=True)
class WalkIn:
    """One waiting walk-in as the review list shows it."""

    id: int
    event_id: int
    name: str
    nip: str
    nik: str
    unit_kerja: str
    jabatan: str
    employment_type: str
    checked_in_at: dt.datetime | None
    desk: str
    operator: str
    has_signature: bool
    note: str  # what the office should know: already registered here, a NIP that does not parse…

    def to_dict(self) -> dict[str, Any]:
        out = dict(vars(self))
        out["checked_in_at"] = self.checked_in_at.isoformat(sep=" ") if self.checked_in_at else None
        return out


def pending_walk_ins(event_id: int) -> list[WalkIn]:
    """The event's walk-ins not yet approved or rejected, in the order they came."""
    rows = PendingWalkIn.select().where(
        (PendingWalkIn.event == event_id) & (PendingWalkIn.status == ReviewStatus.PENDING)
    )
    return [_shown(row) for row in rows.order_by(PendingWalkIn.id)]


def pending_count(event_id: int | None = None) -> int:
    query = PendingWalkIn.select().where(PendingWalkIn.status == ReviewStatus.PENDING)
    if event_id is not None:
        query = query.where(PendingWalkIn.event == event_id)
    return query.count()


def _shown(row: PendingWalkIn) -> WalkIn:
    values = json.loads(row.person or "{}")
    data = PersonData(**{name: str(values.get(name) or "") for name in vars(PersonData())})
    cleaned, errors = clean_person(data)
    checkin = json.loads(row.checkin) if row.checkin else {}
    notes = list(errors.values())
    known = _known_person(cleaned)
    if known is not None:
        registered = Registration.select().where((Registration.event == row.event_id) & (Registration.person == known))
        notes.append("Sudah terdaftar di kegiatan ini." if registered.exists() else "Orangnya sudah ada di data.")
    return WalkIn(
        row.id,
        row.event_id,
        full_name(cleaned.gelar_depan, cleaned.nama, cleaned.gelar_belakang),
        format_nip(cleaned.nip) if cleaned.nip else "",
        cleaned.nik,
        cleaned.unit_kerja,
        cleaned.jabatan,
        cleaned.employment_type,
        dt.datetime.fromisoformat(checkin["checked_in_at"]) if checkin.get("checked_in_at") else None,
        checkin.get("desk", ""),
        checkin.get("operator", ""),
        row.signature is not None,
        " ".join(notes),
    )


def _known_person(cleaned: PersonData) -> int | None:
    for column, value in ((Person.nip, normalize_id(cleaned.nip)), (Person.nik, normalize_id(cleaned.nik))):
        if value:
            found: int | None = Person.select(Person.id).where(column == value).scalar()
            if found:
                return found
    return None


def approve(ids: list[int], *, actor: audit.Actor | None = None) -> MergeReport:
    """Count these walk-ins: person, registration, check-in and signature, as a merge would have."""
    actor = actor or audit.Actor.default()
    with write_transaction():
        rows = list(
            PendingWalkIn.select().where(PendingWalkIn.id.in_(ids) & (PendingWalkIn.status == ReviewStatus.PENDING))
        )
        report = _report(rows)
        groups: dict[tuple[int, str], list[PendingWalkIn]] = defaultdict(list)
        for row in rows:
            groups[(row.event_id, row.source)].append(row)
        for (event_id, source), group in groups.items():
            merger = _Merger(Event.get_by_id(event_id), source, {}, report, actor)
            for row in group:
                merger.files = {_SIGNATURE_FILE: bytes(row.signature)} if row.signature is not None else {}
                registration_id = merger.merge(_entry(row), approved=True)
                _decide(row, ReviewStatus.APPROVED, actor, registration_id)
                audit.record(
                    "walk_in.approve", actor=actor, event_id=event_id, registration_id=registration_id, source=source
                )
            merger.finish()
    return report


def reject(ids: list[int], *, actor: audit.Actor | None = None) -> int:
    """Leave these walk-ins out; what the laptop sent about them is not kept. Returns how many."""
    actor = actor or audit.Actor.default()
    with write_transaction():
        rows = list(
            PendingWalkIn.select().where(PendingWalkIn.id.in_(ids) & (PendingWalkIn.status == ReviewStatus.PENDING))
        )
        for row in rows:
            _decide(row, ReviewStatus.REJECTED, actor, None)
            audit.record("walk_in.reject", actor=actor, event_id=row.event_id, walk_in_id=row.id, source=row.source)
    return len(rows)


def _report(rows: list[PendingWalkIn]) -> MergeReport:
    event_id = rows[0].event_id if rows else 0
    title = Event.get_by_id(event_id).title if rows else ""
    return MergeReport(event_id, title, ", ".join(sorted({row.source for row in rows})), [], False)


def _entry(row: PendingWalkIn) -> dict[str, Any]:
    """The return-file entry the walk-in came in, rebuilt for ``_Merger.merge``."""
    signature = None
    if row.signature is not None:
        signature = {"file": _SIGNATURE_FILE, **json.loads(row.signature_meta or "{}")}
        signature.setdefault("created_at", None)
        signature.setdefault("desk", "")
        signature.setdefault("operator", "")
    return {
        "local_registration": row.source_registration_id,
        "office_registration": None,
        "source": "walk_in",
        "mode": row.mode,
        "person": json.loads(row.person or "{}"),
        "checkin": json.loads(row.checkin) if row.checkin else None,
        "signature": signature,
    }


def _decide(row: PendingWalkIn, status: str, actor: audit.Actor, registration_id: int | None) -> None:
    PendingWalkIn.update(
        status=status,
        decided_at=dt.datetime.now().replace(microsecond=0),
        decided_desk=actor.desk,
        decided_operator=actor.operator,
        registration=registration_id,
        person="{}",
        checkin=None,
        signature=None,
        signature_meta=None,
    ).where(PendingWalkIn.id == row.id).execute()


__all__ = ["ReviewStatus", "WalkIn", "approve", "pending_count", "pending_walk_ins", "reject"]
