"""The master roster of the instansi: import a full list, see who joined, moved OPD or left.

Files are read by the event import's own reader (``roster.importer.read_table``: the same
column matching and row checks), then compared with the members on record:

- a row whose NIP (else NIK) is on record updates that member: ``moved`` when the unit kerja
  changed (coverage counts them in the new OPD from then on), ``returned`` when they had been
  marked as gone, ``updated`` or ``unchanged`` otherwise; a new number is ``added``;
- a row with neither NIP nor NIK is refused: across events a person is known by those only;
- members of the employment types the file covers whose NIP/NIK the file no longer holds are
  marked as gone (out of every campaign's target), unless the import is ``partial`` (one OPD's
  list, a few additions). A SIASN export of PNS and PPPK leaves the non-ASN members alone.

Plan first (the preview and the dry run write nothing), then apply: applying compares again
inside one write transaction, as the event import does, since another desk may have changed
the roster meanwhile.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from peewee import IntegrityError, OperationalError, fn

from .. import audit
from ..jobs import Job, Progress
from ..models import now
from ..names import full_name
from ..nip import format_nip, normalize_id
from ..participants import EMPLOYMENT_LABELS, PERSON_FIELDS, PersonData
from ..roster.bulk import chunks, insert_rows
from ..roster.columns import issue_headers
from ..roster.importer import RosterError, RosterTable, read_table
from ..roster.matching import person_changes
from ..roster.rows import RowIssue
from ..transactions import write_transaction
from .models import RosterMember

OUTCOMES = ("added", "updated", "moved", "returned", "unchanged")
OUTCOME_LABELS = {
    "added": "baru",
    "updated": "diperbarui",
    "moved": "pindah OPD",
    "returned": "kembali aktif",
    "unchanged": "tetap",
    "left": "keluar",
    "rejected": "ditolak",
}
# One list may say PPNPN or leave the type out (read as Non-ASN): both are the non-ASN list.
NON_ASN_TYPES = ("PPNPN", "NON_ASN")
WARN_LEAVING_SHARE = 0.25
NO_NUMBER = (
    "NIP atau NIK wajib ada di daftar induk: tanpa nomor itu orang yang sama tidak dapat dikenali di kegiatan lain."
)
_CHUNK = 500


class StoredMember(NamedTuple):
    """A roster member as the import compares them: ``id``, the ``PERSON_FIELDS``, ``left_at``."""

    id: int
    nama: str
    gelar_depan: str
    gelar_belakang: str
    nip: str | None
    nik: str | None
    sex: str
    employment_type: str
    golongan: str
    jabatan: str
    unit_kerja: str
    phone: str
    email: str
    left_at: dt.datetime | None


_COLUMNS = tuple(getattr(RosterMember, name) for name in StoredMember._fields)


@dataclass(frozen=True)
class MemberRow:
    """What importing one row does to the roster."""

    row: int
    person: PersonData
    outcome: str  # one of OUTCOMES
    member_id: int | None
    changes: dict[str, str] = field(default_factory=dict)
    previous_unit: str = ""  # the OPD before a move


@dataclass(frozen=True)
class Leaver:
    member_id: int
    full_name: str
    nip: str
    nik: str
    unit_kerja: str

    @property
    def number(self) -> str:
        return format_nip(self.nip) if self.nip else self.nik


@dataclass
class MasterPlan:
    table: RosterTable
    partial: bool
    rows: list[MemberRow]
    rejected: list[RowIssue]
    leaving: list[Leaver]
    scope: tuple[str, ...]  # employment types the file covers
    in_scope: int  # active members of those types before the import

    @property
    def source_name(self) -> str:
        return self.table.source_name

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(OUTCOMES, 0) | Counter(row.outcome for row in self.rows)
        counts["left"] = len(self.leaving)
        counts["rejected"] = len({(issue.sheet, issue.row) for issue in self.rejected})
        return counts

    @property
    def warning(self) -> str:
        """A sentence when the file would mark many members as gone (a partial file taken for a full one)."""
        if self.in_scope and len(self.leaving) > WARN_LEAVING_SHARE * self.in_scope:
            return (
                f"{len(self.leaving)} dari {self.in_scope} pegawai ({self.scope_text}) tidak ada di berkas ini dan "
                "akan ditandai keluar. Bila berkas ini hanya sebagian daftar, pilih impor sebagian."
            )
        return ""

    @property
    def scope_text(self) -> str:
        return ", ".join(EMPLOYMENT_LABELS.get(kind, kind) for kind in self.scope)


@dataclass
class MasterImportResult:
    counts: dict[str, int]
    rejected_rows: list[RowIssue]
    dry_run: bool
    partial: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.counts,
            "dry_run": self.dry_run,
            "partial": self.partial,
            "rejected_rows": [
                {"row": i.row, "sheet": i.sheet, "column": i.column, "value": i.value, "reason": i.reason}
                for i in self.rejected_rows
            ],
        }


def _result(plan: MasterPlan, dry_run: bool) -> MasterImportResult:
    return MasterImportResult(plan.counts(), plan.rejected, dry_run, plan.partial)


# --- planning ------------------------------------------------------------------------------------------------


def plan_master_import(path: Path | str, *, partial: bool = False, progress: Progress | None = None) -> MasterPlan:
    """Read the file and compare it with the roster; writes nothing."""
    progress = progress or Progress()
    table = read_table(path, progress, note_numbers=True)
    progress.report(0, 0, "Mencocokkan dengan daftar induk…")
    return _compare(table, partial)


def _stored_members() -> list[StoredMember]:
    return [StoredMember._make(row) for row in RosterMember.select(*_COLUMNS).tuples().iterator()]


def _scope(table: RosterTable) -> tuple[str, ...]:
    kinds = {candidate.person.employment_type for candidate in table.candidates}
    if kinds & set(NON_ASN_TYPES):
        kinds |= set(NON_ASN_TYPES)
    return tuple(
        sorted(kinds, key=lambda kind: list(EMPLOYMENT_LABELS).index(kind) if kind in EMPLOYMENT_LABELS else 9)
    )


def _compare(table: RosterTable, partial: bool) -> MasterPlan:
    headers = issue_headers(table.column_map)
    members = _stored_members()
    by_nip = {m.nip: m for m in members if m.nip}
    by_nik = {m.nik: m for m in members if m.nik}
    claimed: dict[int, int] = {}
    rows: list[MemberRow] = []
    rejected = list(table.rejected)
    for candidate in table.candidates:
        data = candidate.person
        if not data.nip and not data.nik:
            rejected.append(RowIssue(candidate.row, headers["nip"], "", NO_NUMBER, candidate.sheet))
            continue
        stored = by_nip.get(data.nip) if data.nip else None
        if stored is None and data.nik:
            stored = by_nik.get(data.nik)
        if stored is None:
            rows.append(MemberRow(candidate.row, data, "added", None))
            continue
        conflict = _conflict(data, stored, by_nik, claimed)
        if conflict:
            name, reason = conflict
            rejected.append(RowIssue(candidate.row, headers[name], getattr(data, name), reason, candidate.sheet))
            continue
        claimed[stored.id] = candidate.row
        rows.append(_member_row(candidate.row, data, stored))
    scope = () if partial else _scope(table)
    in_scope = [m for m in members if m.left_at is None and m.employment_type in scope]
    leaving = [
        Leaver(m.id, full_name(m.gelar_depan, m.nama, m.gelar_belakang), m.nip or "", m.nik or "", m.unit_kerja)
        for m in in_scope
        if m.id not in claimed and not ({m.nip, m.nik} & table.id_numbers)
    ]
    return MasterPlan(table, partial, rows, table.in_sheet_order(rejected), leaving, scope, len(in_scope))


def _conflict(
    data: PersonData, stored: StoredMember, by_nik: dict[str, StoredMember], claimed: dict[int, int]
) -> tuple[str, str] | None:
    if stored.id in claimed:
        return ("nip" if data.nip else "nik"), f"Orang yang sama dengan baris {claimed[stored.id]}."
    if data.nip and stored.nip and stored.nip != data.nip:
        return "nik", f"NIK ini sudah tercatat di daftar induk untuk pegawai dengan NIP {format_nip(stored.nip)}."
    holder = by_nik.get(data.nik) if data.nik else None
    if holder is not None and holder.id != stored.id:
        return "nik", "NIK ini sudah tercatat di daftar induk untuk pegawai lain."
    return None


def _member_row(row: int, data: PersonData, stored: StoredMember) -> MemberRow:
    changes = person_changes(stored, data)
    if stored.left_at is not None:
        outcome = "returned"
    elif "unit_kerja" in changes and stored.unit_kerja:
        outcome = "moved"
    else:
        outcome = "updated" if changes else "unchanged"
    previous = stored.unit_kerja if "unit_kerja" in changes and stored.unit_kerja else ""
    return MemberRow(row, data, outcome, stored.id, changes, previous)


# --- applying ------------------------------------------------------------------------------------------------


def apply_master_import(
    plan: MasterPlan, *, actor: audit.Actor | None = None, progress: Progress | None = None
) -> MasterImportResult:
    """Write the plan in one transaction, compared again with the roster as it is now."""
    progress = progress or Progress()
    try:
        with write_transaction():
            fresh = _compare(plan.table, plan.partial)
            _write(fresh, progress)
            result = _result(fresh, dry_run=False)
            audit.record(
                "roster_master.import",
                actor=actor,
                partial=plan.partial,
                scope=list(fresh.scope),
                **{key: value for key, value in result.counts.items()},
            )
    except IntegrityError:
        raise RosterError(
            "Daftar induk berubah di komputer lain selama impor sehingga tidak ada yang disimpan; ulangi impor."
        ) from None
    except OperationalError as err:
        raise RosterError(
            f"Basis data tidak dapat ditulis saat ini sehingga tidak ada yang disimpan; coba impor lagi ({err})."
        ) from err
    progress.report(1, 1, "Selesai.")
    return result


_INSERT_COLUMNS = (
    *(getattr(RosterMember, name) for name in PERSON_FIELDS),
    RosterMember.previous_unit,
    RosterMember.created_at,
    RosterMember.updated_at,
)


def _member_values(person: PersonData) -> tuple[str | None, ...]:
    """The person's fields in ``PERSON_FIELDS`` order; NULL, not "", for a missing NIP or NIK (unique columns)."""
    return tuple(getattr(person, name) or (None if name in ("nip", "nik") else "") for name in PERSON_FIELDS)


def _write(plan: MasterPlan, progress: Progress) -> None:
    stamp = now()
    stamp_text = stamp.isoformat(" ")
    new = [row for row in plan.rows if row.outcome == "added"]
    changed = [row for row in plan.rows if row.outcome in ("updated", "moved", "returned")]
    total = len(new) + len(changed) + len(plan.leaving)
    done = 0

    def step(count: int) -> None:
        nonlocal done
        progress.check_cancelled()
        done += count
        progress.report(done, total, "Menyimpan daftar induk…")

    values = [(*_member_values(row.person), "", stamp_text, stamp_text) for row in new]
    insert_rows(RosterMember, _INSERT_COLUMNS, values, step)
    for batch in chunks(changed, _CHUNK):
        for row in batch:
            update = dict(row.changes, updated_at=stamp)
            if row.outcome == "returned":
                update["left_at"] = None
            if row.previous_unit:
                update |= {"previous_unit": row.previous_unit, "moved_at": stamp}
            RosterMember.update(**update).where(RosterMember.id == row.member_id).execute()
        step(len(batch))
    for ids in chunks([leaver.member_id for leaver in plan.leaving], _CHUNK):
        RosterMember.update(left_at=stamp, updated_at=stamp).where(RosterMember.id.in_(list(ids))).execute()
        step(len(ids))


# --- reading -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterSummary:
    active: int
    left: int
    by_type: dict[str, int]  # active members per employment type
    units: int  # OPDs with active members
    updated_at: str | None  # ISO time of the newest change, None for an empty roster

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def roster_summary() -> RosterSummary:
    active = RosterMember.left_at.is_null()
    counts: dict[str, int] = dict(
        RosterMember.select(RosterMember.employment_type, fn.COUNT(RosterMember.id))
        .where(active)
        .group_by(RosterMember.employment_type)
        .tuples()
    )
    order = list(EMPLOYMENT_LABELS)
    by_type = dict(sorted(counts.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)))
    left = RosterMember.select().where(~active).count()
    units = RosterMember.select(fn.COUNT(fn.DISTINCT(fn.LOWER(RosterMember.unit_kerja)))).where(active).scalar() or 0
    newest = RosterMember.select(fn.MAX(RosterMember.updated_at)).scalar()
    return RosterSummary(sum(by_type.values()), left, by_type, units, str(newest) if newest else None)


def find_members(numbers: list[str]) -> tuple[dict[str, int], list[str]]:
    """Members by NIP / NI PPPK / NIK as typed (spaces and dots allowed): (number -> member id, not found)."""
    found, missing = {}, []
    for text in numbers:
        digits = normalize_id(text)
        member_id = (
            RosterMember.select(RosterMember.id)
            .where((RosterMember.nip == digits) | (RosterMember.nik == digits))
            .scalar()
            if digits
            else None
        )
        if member_id is None:
            missing.append(text)
        else:
            found[text] = member_id
    return found, missing


# --- convenience and jobs ------------------------------------------------------------------------------------


def import_master_roster(
    path: Path | str,
    *,
    partial: bool = False,
    dry_run: bool = False,
    actor: audit.Actor | None = None,
    progress: Progress | None = None,
) -> MasterImportResult:
    """Plan and, unless ``dry_run``, apply: what the CLI runs."""
    plan = plan_master_import(path, partial=partial, progress=progress)
    if dry_run:
        return _result(plan, dry_run=True)
    return apply_master_import(plan, actor=actor, progress=progress)


class PlanMasterImportJob(Job[MasterPlan]):
    title = "Membaca daftar induk pegawai"

    def __init__(self, path: Path | str, partial: bool = False) -> None:
        super().__init__()
        self.path, self.partial = path, partial

    def run(self) -> MasterPlan:
        return plan_master_import(self.path, partial=self.partial, progress=self)


class ApplyMasterImportJob(Job[MasterImportResult]):
    title = "Menyimpan daftar induk pegawai"

    def __init__(self, plan: MasterPlan, actor: audit.Actor | None = None) -> None:
        super().__init__()
        self.plan, self.actor = plan, actor

    def run(self) -> MasterImportResult:
        return apply_master_import(self.plan, actor=self.actor, progress=self)


__all__ = [
    "OUTCOMES",
    "OUTCOME_LABELS",
    "ApplyMasterImportJob",
    "Leaver",
    "MasterImportResult",
    "MasterPlan",
    "MemberRow",
    "PlanMasterImportJob",
    "RosterError",
    "RosterSummary",
    "apply_master_import",
    "find_members",
    "import_master_roster",
    "plan_master_import",
    "roster_summary",
]
