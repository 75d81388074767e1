"""Roster import: plan (read the file, compare with the database, write nothing), then apply.

The plan is the preview and the dry run. Applying re-compares inside one transaction,
because another desk may have changed people since the plan was made, and writes in
chunks; a cancel or any error rolls everything back. Every visible sheet with a header row
(a Nama column) is read, each under its own header, and the plan says which were read and
which were passed over, so a roster split over two sheets loses no one.

``update_only`` imports into an existing list without growing it: a file (say, the whole
SIASN export) refreshes the data of the people already registered for the event, and its
other rows are left out and counted (``outside``), never added.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import IntegrityError, OperationalError

from .. import audit
from ..events import get_event
from ..jobs import Job, Progress
from ..models import Person, Registration, db, now
from ..nip import normalize_id
from ..participants import PERSON_FIELDS, PersonData
from .bulk import chunks, insert_rows, select_in
from .columns import HEADER_SCAN_ROWS, HeaderMatch, find_header, issue_headers, not_a_roster
from .matching import Match, PlannedRow, drop_duplicates, resolve
from .reader import BrokenRow, RosterError, Row, Sheet, open_roster
from .rows import Candidate, RowIssue, RowReader, Skipped, cell_text, row_label

REPORT_EVERY = 500
OUTCOMES = ("added", "updated", "unchanged")

__all__ = [
    "ApplyImportJob",
    "ImportPlan",
    "ImportResult",
    "PlanImportJob",
    "PlannedRow",
    "RosterError",
    "RosterTable",
    "RowIssue",
    "SheetRead",
    "apply_import",
    "import_roster",
    "plan_import",
    "read_table",
    "row_label",
]


@dataclass
class ImportPlan:
    event_id: int
    source_name: str
    sheet: str | None
    header_row: int
    column_map: dict[str, str]  # PersonData field (or "mode") -> header text as written in the file
    rows: list[PlannedRow]
    rejected: list[RowIssue]
    skipped_empty: int
    ignored: list[RowIssue] = field(default_factory=list)  # footers, repeated headers, section titles
    file_kind: str = ""  # how the file was read: "CSV, pemisah titik koma, Windows-1252"
    sheets: list[SheetRead] = field(default_factory=list)  # every sheet read, in file order
    passed_over: list[str] = field(default_factory=list)  # visible sheets without a header row
    update_only: bool = False  # only people already registered for the event are updated
    outside: int = 0  # rows of people not on the event's list, left out (update_only)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(OUTCOMES, 0)
        for row in self.rows:
            counts[row.outcome] += 1
        counts["rejected"] = len({(issue.sheet, issue.row) for issue in self.rejected})
        return counts

    def sheets_text(self) -> str:
        """Which sheets were read (and passed over), for a workbook with more than one."""
        if not self.sheets or (len(self.sheets) == 1 and not self.passed_over):
            return ""
        read = ", ".join(f"\u201c{sheet.name}\u201d (judul kolom di baris {sheet.header_row})" for sheet in self.sheets)
        text = f"Lembar yang dibaca: {read}."
        if self.passed_over:
            text += (
                " Dilewati (tanpa kolom Nama): " + ", ".join(f"\u201c{name}\u201d" for name in self.passed_over) + "."
            )
        return text


@dataclass(frozen=True)
class SheetRead:
    name: str | None
    header_row: int


@dataclass
class ImportResult:
    added: int
    updated: int
    unchanged: int
    rejected: int
    rejected_rows: list[RowIssue]
    dry_run: bool
    outside: int = 0  # rows left out: not on the event's list (an update-only import)
    sheets: list[str] = field(default_factory=list)  # the sheets read (XLSX)
    sheets_text: str = ""  # which sheets were read and passed over, for a workbook of several

    @property
    def imported(self) -> int:
        return self.added + self.updated + self.unchanged

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "not_on_list": self.outside,
            "dry_run": self.dry_run,
            "sheets": self.sheets,
            "rejected_rows": [
                {"row": i.row, "sheet": i.sheet, "column": i.column, "value": i.value, "reason": i.reason}
                for i in self.rejected_rows
            ],
        }


def _result(
    rows: list[PlannedRow],
    rejected: list[RowIssue],
    dry_run: bool,
    plan: ImportPlan | None = None,
    outside: int = 0,
) -> ImportResult:
    counts = dict.fromkeys(OUTCOMES, 0)
    for row in rows:
        counts[row.outcome] += 1
    order = {sheet.name: index for index, sheet in enumerate(plan.sheets)} if plan else {}
    rejected = sorted(rejected, key=lambda issue: (order.get(issue.sheet, 0), issue.row))
    return ImportResult(
        rejected=len({(i.sheet, i.row) for i in rejected}),
        rejected_rows=rejected,
        dry_run=dry_run,
        outside=outside,
        sheets=[sheet.name for sheet in plan.sheets if sheet.name] if plan else [],
        sheets_text=plan.sheets_text() if plan else "",
        **counts,
    )


def _on_the_list(matches: list[Match], update_only: bool) -> tuple[list[Match], int]:
    """With ``update_only``, the matches of people already registered for the event, and how many
    rows were left out; otherwise every match."""
    if not update_only:
        return matches, 0
    kept = [match for match in matches if match.registration_id is not None]
    return kept, len(matches) - len(kept)


# --- planning -------------------------------------------------------------------------------


def plan_import(
    event_id: int, path: Path | str, progress: Progress | None = None, *, update_only: bool = False
) -> ImportPlan:
    """Read the file and compare it with the database; writes nothing (the preview / dry run)."""
    progress = progress or Progress()
    get_event(event_id)  # NotFoundError with its Indonesian message
    table = read_table(path, progress)
    progress.report(0, 0, "Mencocokkan dengan data yang sudah ada…")
    matches, conflicts = resolve(event_id, table.candidates, issue_headers(table.column_map), progress)
    matches, outside = _on_the_list(matches, update_only)
    return ImportPlan(
        event_id=event_id,
        source_name=table.source_name,
        sheet=table.sheets[0].name,
        header_row=table.sheets[0].header_row,
        column_map=table.column_map,
        rows=[m.planned for m in matches],
        rejected=table.in_sheet_order(table.rejected + conflicts),
        skipped_empty=table.skipped_empty,
        ignored=table.ignored,
        file_kind=table.file_kind,
        sheets=table.sheets,
        passed_over=table.passed_over,
        update_only=update_only,
        outside=outside,
    )


@dataclass
class RosterTable:
    """A roster file read and checked row by row (every sheet with a header row), not yet
    compared with any stored data: what ``plan_import`` and the master roster's import share."""

    source_name: str
    column_map: dict[str, str]
    candidates: list[Candidate]  # valid rows, duplicates (same NIP, NIK, or name and unit) removed
    rejected: list[RowIssue]  # invalid and duplicate rows, in sheet then row order
    ignored: list[RowIssue]
    skipped_empty: int
    file_kind: str
    sheets: list[SheetRead]
    passed_over: list[str]
    # Every NIP / NIK written in the table, rejected rows' too (``note_numbers``): a re-import of a
    # full list must not take someone for gone only because their row has a bad email.
    id_numbers: set[str] = field(default_factory=set)

    def in_sheet_order(self, issues: list[RowIssue]) -> list[RowIssue]:
        order = {sheet.name: index for index, sheet in enumerate(self.sheets)}
        return sorted(issues, key=lambda issue: (order.get(issue.sheet, 0), issue.row))


def read_table(path: Path | str, progress: Progress | None = None, *, note_numbers: bool = False) -> RosterTable:
    """Read a roster file with the import's reader, column matching and row checks; no database access."""
    progress = progress or Progress()
    path = Path(path)
    candidates: list[Candidate] = []
    rejected: list[RowIssue] = []
    ignored: list[RowIssue] = []
    skipped = 0
    column_map: dict[str, str] = {}
    read: list[SheetRead] = []
    id_numbers: set[str] = set()
    with open_roster(path) as roster:
        tables, passed_over = _find_tables(roster.sheets)
        for sheet, header, rows in tables:
            reader = RowReader(header, sheet.name)
            if note_numbers:
                rows = _noting_numbers(rows, header, id_numbers)
            found, bad, notes, empty = _read_rows(reader, rows, sheet.total_rows, progress)
            candidates += found
            rejected += bad
            ignored += notes
            skipped += empty
            for name, text in header.column_map.items():
                column_map.setdefault(name, text)
            read.append(SheetRead(sheet.name, header.row_number))
        file_kind = roster.kind
    if not candidates and not rejected and not ignored:
        raise RosterError(
            "Berkas ini hanya berisi judul kolom, tanpa data peserta; isi daftar peserta terlebih dahulu, "
            "lalu impor lagi."
        )
    candidates, duplicates = drop_duplicates(candidates, issue_headers(column_map))
    table = RosterTable(
        path.name, column_map, candidates, [], ignored, skipped, file_kind, read, passed_over, id_numbers
    )
    table.rejected = table.in_sheet_order(rejected + duplicates)
    return table


def _noting_numbers(rows: Iterator[Row], header: HeaderMatch, found: set[str]) -> Iterator[Row]:
    """Pass the rows on unchanged, adding the digits of their NIP and NIK cells to ``found``."""
    columns = [index for name in ("nip", "nik") for index in header.columns.get(name, ())]
    for number, values in rows:
        if not isinstance(values, BrokenRow):
            for index in columns:
                if index < len(values) and values[index] is not None:
                    digits = normalize_id(cell_text(values[index]))
                    if digits:
                        found.add(digits)
        yield number, values


def _find_tables(sheets: Iterator[Sheet]) -> tuple[list[tuple[Sheet, HeaderMatch, Iterator[Row]]], list[str]]:
    """Every sheet with a header row that has a name column, with its rows below the header; and
    the names of the other (visible, not empty) sheets. Rows are read lazily, one sheet after another."""
    tables: list[tuple[Sheet, HeaderMatch, Iterator[Row]]] = []
    passed_over: list[str] = []
    first_rows: list[tuple[int, list[object]]] | None = None
    sheet_count = 0
    for sheet in sheets:
        sheet_count += 1
        head = list(itertools.islice(sheet.rows, HEADER_SCAN_ROWS))
        readable = [(number, values) for number, values in head if not isinstance(values, BrokenRow)]
        header = find_header(readable)
        if header is not None:
            below = [row for row in head if row[0] > header.row_number]
            tables.append((sheet, header, itertools.chain(below, sheet.rows)))
            continue
        if first_rows is None:
            first_rows = readable
        if sheet.name and _has_values(readable):
            passed_over.append(sheet.name)
    if tables:
        return tables, passed_over
    if not first_rows or not _has_values(first_rows):
        raise RosterError("Berkas ini tidak berisi data; isi daftar peserta terlebih dahulu, lalu impor lagi.")
    other = not_a_roster(first_rows)
    if other:
        raise RosterError(f"Berkas ini {other}, bukan daftar peserta: tidak ada kolom Nama maupun NIP.")
    where = " di lembar mana pun" if sheet_count > 1 else " berkas ini"
    raise RosterError(
        f"Kolom Nama tidak ditemukan pada {HEADER_SCAN_ROWS} baris pertama{where}; pastikan daftar punya baris "
        "judul kolom dengan kolom Nama (dan NIP bila ada)."
    )


def _has_values(rows: list[tuple[int, list[object]]]) -> bool:
    return any(any(v not in (None, "") for v in values) for _, values in rows)


def _read_rows(
    reader: RowReader, rows: Iterator[Row], total: int, progress: Progress
) -> tuple[list[Candidate], list[RowIssue], list[RowIssue], int]:
    candidates: list[Candidate] = []
    rejected: list[RowIssue] = []
    ignored: list[RowIssue] = []
    skipped = pending_empty = 0
    for done, (number, values) in enumerate(rows, start=1):
        if done % REPORT_EVERY == 0:
            progress.check_cancelled()
            progress.report(min(number, total) if total else number, total, "Membaca baris…")
        result = reader.read(number, values)
        if isinstance(result, Skipped) and result.empty:
            pending_empty += 1  # counted once a later row shows it was inside the table
            continue
        skipped, pending_empty = skipped + pending_empty, 0
        if isinstance(result, Candidate):
            candidates.append(result)
        elif isinstance(result, RowIssue):
            rejected.append(result)
        elif result.issue is not None:  # always, for a row that is not empty
            ignored.append(result.issue)
    progress.report(total, total, "Membaca baris…")
    return candidates, rejected, ignored, skipped


# --- applying -------------------------------------------------------------------------------


def apply_import(
    plan: ImportPlan, *, actor: audit.Actor | None = None, progress: Progress | None = None
) -> ImportResult:
    """Write the plan in one transaction, re-checked against the database as it is now."""
    progress = progress or Progress()
    mode_given = "mode" in plan.column_map
    candidates = [Candidate(r.row, r.person, r.mode if mode_given else None, r.sheet) for r in plan.rows]
    try:
        with db.atomic():
            get_event(plan.event_id)
            matches, conflicts = resolve(plan.event_id, candidates, issue_headers(plan.column_map), progress)
            # Someone removed from the list since the plan is left out now, not added back.
            matches, gone = _on_the_list(matches, plan.update_only)
            _write(plan.event_id, matches, progress)
            outside = plan.outside + gone
            result = _result(
                [m.planned for m in matches], plan.rejected + conflicts, dry_run=False, plan=plan, outside=outside
            )
            extra = {"update_only": True, "not_on_list": outside} if plan.update_only else {}
            audit.record(
                "roster.import",
                actor=actor,
                event_id=plan.event_id,
                added=result.added,
                updated=result.updated,
                unchanged=result.unchanged,
                rejected=result.rejected,
                skipped_empty=plan.skipped_empty,
                **extra,
            )
    except IntegrityError:
        raise RosterError(
            "Data peserta berubah di komputer lain selama impor sehingga tidak ada yang disimpan; ulangi impor."
        ) from None
    except OperationalError as err:  # locked too long by another desk, disk full, connection lost
        raise RosterError(
            f"Basis data tidak dapat ditulis saat ini sehingga tidak ada yang disimpan; coba impor lagi ({err})."
        ) from err
    progress.report(1, 1, "Selesai.")
    return result


def _write(event_id: int, matches: list[Match], progress: Progress) -> None:
    stamp = now()
    stamp_text = stamp.isoformat(" ")  # what the SQLite adapter would write; PostgreSQL casts it
    new = [m for m in matches if m.person_id is None]
    changed = [m for m in matches if m.person_changes]
    total = len(new) + len(changed) + sum(1 for m in matches if m.registration_id is None or m.mode_changed)
    done = 0

    def step(count: int) -> None:
        nonlocal done
        progress.check_cancelled()
        done += count
        progress.report(done, total, "Menyimpan peserta…")

    _insert_people(new, stamp_text, step)
    for batch in chunks(changed, REPORT_EVERY):
        for match in batch:
            Person.update(**match.person_changes, updated_at=stamp).where(Person.id == match.person_id).execute()
        step(len(batch))
    registrations = [
        (event_id, m.person_id, "invited", m.planned.mode, stamp_text) for m in matches if m.registration_id is None
    ]
    insert_rows(Registration, _REGISTRATION_COLUMNS, registrations, step)
    for batch in chunks([m for m in matches if m.mode_changed], REPORT_EVERY):
        for match in batch:
            Registration.update(mode=match.planned.mode).where(Registration.id == match.registration_id).execute()
        step(len(batch))


_PERSON_COLUMNS = (*(getattr(Person, name) for name in PERSON_FIELDS), Person.created_at, Person.updated_at)
_REGISTRATION_COLUMNS = (
    Registration.event,
    Registration.person,
    Registration.source,
    Registration.mode,
    Registration.created_at,
)


_person_fields = operator.attrgetter(*PERSON_FIELDS)
_NIP, _NIK = PERSON_FIELDS.index("nip"), PERSON_FIELDS.index("nik")


def _person_values(data: PersonData, stamp: str) -> tuple[str | None, ...]:
    values = list(_person_fields(data))
    values[_NIP] = data.nip or None  # NULL, not "": the columns are unique
    values[_NIK] = data.nik or None
    return (*values, stamp, stamp)


def _insert_people(new: list[Match], stamp: str, step: Callable[[int], None]) -> None:
    """Bulk-insert people with a NIP or NIK and read their ids back by those numbers;
    people with neither are inserted one by one, which returns the id on every backend."""
    with_ids = [m for m in new if m.planned.person.nip or m.planned.person.nik]
    with_ids.sort(key=lambda m: (m.planned.person.nip, m.planned.person.nik))  # index pages fill in order
    insert_rows(Person, _PERSON_COLUMNS, [_person_values(m.planned.person, stamp) for m in with_ids], step)
    ids: dict[tuple[str, str], int] = {}
    for column in (Person.nip, Person.nik):
        wanted = sorted({getattr(m.planned.person, column.name) for m in with_ids} - {""})
        for person_id, value in select_in(Person, (Person.id, column), column, wanted, lambda: None):
            ids[(column.name, value)] = person_id
    for match in with_ids:
        person = match.planned.person
        match.person_id = ids[("nip", person.nip)] if person.nip else ids[("nik", person.nik)]
    for batch in chunks([m for m in new if m.person_id is None], REPORT_EVERY):
        for match in batch:
            names = (c.name for c in _PERSON_COLUMNS)
            values = dict(zip(names, _person_values(match.planned.person, stamp), strict=True))
            match.person_id = Person.insert(**values).execute()
        step(len(batch))


# --- convenience and jobs -----------------------------------------------------------------------


def import_roster(
    event_id: int,
    path: Path | str,
    *,
    dry_run: bool = False,
    update_only: bool = False,
    actor: audit.Actor | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Plan and, unless ``dry_run``, apply: what the CLI runs."""
    plan = plan_import(event_id, path, progress, update_only=update_only)
    if dry_run:
        return _result(plan.rows, plan.rejected, dry_run=True, plan=plan, outside=plan.outside)
    return apply_import(plan, actor=actor, progress=progress)


class PlanImportJob(Job[ImportPlan]):
    title = "Membaca daftar peserta"

    def __init__(self, event_id: int, path: Path | str, *, update_only: bool = False) -> None:
        super().__init__()
        self.event_id = event_id
        self.path = path
        self.update_only = update_only

    def run(self) -> ImportPlan:
        return plan_import(self.event_id, self.path, progress=self, update_only=self.update_only)


class ApplyImportJob(Job[ImportResult]):
    title = "Mengimpor peserta"

    def __init__(self, plan: ImportPlan, actor: audit.Actor | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.actor = actor

    def run(self) -> ImportResult:
        return apply_import(self.plan, actor=self.actor, progress=self)
