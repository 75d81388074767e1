"""After a purge, what is left in files: the SQLite file's free pages and WAL, backups, print folders.

Deleting rows is not enough for "gone from every file we wrote" (UU PDP):

* SQLite leaves a deleted row's bytes in free pages unless ``secure_delete`` is on, and it is
  off by default in python.org's Windows build. ``VACUUM`` rebuilds the file from live rows
  only; then ``wal_checkpoint(TRUNCATE)`` empties the WAL, which still holds the pages as
  they were. Another window or desk with the file open does not stop either, as long as it
  is not in the middle of a read (its busy timeout waits for that).
* Backups are whole copies. Those that hold the event (its rows, or the NIPs/NIKs of the
  people purged anywhere in their bytes) are listed before the purge, for the confirmation,
  and deleted after it; a fresh backup of the purged database is made at once, so a restore
  point is kept. A backup that cannot be read is listed and deleted too: it cannot be shown
  to be clean, and it would not restore anyway.
* Printing certificates writes PDFs into ``netralitas-cetak-*`` temporary folders, and an ikrar
  mandiri attachment opened for viewing into ``ikrar-mandiri-*``; both are removed.

A PostgreSQL server keeps dead rows until its own VACUUM; its files and ``pg_dump`` backups
are the server administrator's (README).
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from . import audit, backups, purge
from .backups import AFTER_PURGE
from .models import Person, Registration, db

TEMP_PREFIXES = ("netralitas-cetak-", "ikrar-mandiri-")
CHECKPOINT_ATTEMPTS = 5
_DIGIT_RUN = re.compile(rb"\d{16,}")
_CHUNK = 8 * 1024 * 1024
_SIBLINGS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class HeldBackup:
    """A backup that holds the event's personal data (or cannot be shown not to)."""

    path: Path
    reason: str  # Bahasa Indonesia, for the list in the confirmation

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class FilePlan:
    """What the purge will remove from files, known before it runs (for the confirmation)."""

    event_id: int
    database_path: Path | None  # None on PostgreSQL
    backups: list[HeldBackup] = field(default_factory=list)
    temp_folders: list[Path] = field(default_factory=list)
    identifiers: frozenset[bytes] = frozenset()  # NIPs and NIKs of the people purged, to find them in bytes

    def to_dict(self) -> dict[str, Any]:
        return {
            "database_path": str(self.database_path) if self.database_path else None,
            "backups": [{"name": held.name, "path": str(held.path), "reason": held.reason} for held in self.backups],
            "temp_folders": [str(folder) for folder in self.temp_folders],
        }


@dataclass
class FileResult:
    """What was removed from files after the rows were deleted."""

    vacuumed: bool = False
    wal_emptied: bool = False
    backups_deleted: list[str] = field(default_factory=list)
    backups_failed: list[str] = field(default_factory=list)  # open elsewhere: delete by hand
    temp_folders_removed: int = 0
    temp_folders_failed: list[str] = field(default_factory=list)
    new_backup: str | None = None
    problems: list[str] = field(default_factory=list)  # Bahasa Indonesia, for the report

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def current_sqlite_path() -> Path | None:
    """The SQLite file the models are bound to, or None on PostgreSQL."""
    database = db.obj
    return Path(database.database) if isinstance(database, SqliteDatabase) else None


def plan(event_id: int) -> FilePlan:
    """Backups and folders the purge of ``event_id`` will remove; read before any row is deleted."""
    path = current_sqlite_path()
    identifiers = _identifiers(event_id)
    found = FilePlan(event_id, path, identifiers=identifiers, temp_folders=temp_folders())
    if path is not None:
        found.backups = held_backups(path, event_id, identifiers)
    return found


def _identifiers(event_id: int) -> frozenset[bytes]:
    """NIP and NIK of the people registered for this event only (the others stay, rightly)."""
    in_event = Registration.select(Registration.person).where(Registration.event == event_id)
    elsewhere = {
        person
        for (person,) in Registration.select(Registration.person)
        .where(Registration.person.in_(in_event) & (Registration.event != event_id))
        .tuples()
    }
    query = Person.select(Person.id, Person.nip, Person.nik).join(Registration).where(Registration.event == event_id)
    return frozenset(
        value.encode()
        for person, nip, nik in query.tuples()
        if person not in elsewhere
        for value in (nip, nik)
        if value
    )


def held_backups(database_path: Path, event_id: int, identifiers: frozenset[bytes]) -> list[HeldBackup]:
    """Every file in ``backups/`` (and partial copies beside the database) holding the event's data."""
    held = []
    for path in _backup_files(database_path):
        reason = _holds(path, event_id, identifiers)
        if reason:
            held.append(HeldBackup(path, reason))
    return held


def _backup_files(database_path: Path) -> list[Path]:
    folder = backups.folder_for(database_path)
    found = [path for path in sorted(folder.iterdir()) if path.is_file()] if folder.is_dir() else []
    partials = database_path.parent.glob(f".{database_path.name}.*")  # a restore or creation cut short
    found += [path for path in partials if path.is_file()]
    return [path for path in found if not path.name.endswith(_SIBLINGS)]


def _holds(path: Path, event_id: int, identifiers: frozenset[bytes]) -> str | None:
    """Why ``path`` must go with the event: its rows (asked first: quick), or its NIPs/NIKs left
    anywhere in its bytes (a free page of a copy made before an older purge), or it cannot be read."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return "tidak dapat dibaca"
    if header == b"SQLite format 3\x00":
        found = _rows_of_event(path, event_id)
        if found:
            return found
    files = [path, *(sibling for suffix in _SIBLINGS if (sibling := path.with_name(path.name + suffix)).is_file())]
    try:
        if any(_contains(file, identifiers) for file in files):
            return "berisi NIP/NIK peserta kegiatan ini"
    except OSError:
        return "tidak dapat dibaca"
    return None


def _contains(path: Path, identifiers: frozenset[bytes]) -> bool:
    """Whether any NIP/NIK appears in the file's bytes, live row or leftover in a free page."""
    if not identifiers:
        return False
    lengths = sorted({len(value) for value in identifiers})
    with path.open("rb") as handle:
        tail = b""
        while chunk := handle.read(_CHUNK):
            data = tail + chunk
            for digits in _DIGIT_RUN.findall(data):
                if digits in identifiers:  # the common case: a NIP or NIK on its own
                    return True
                if len(digits) > lengths[0] and _inside(digits, identifiers, lengths):
                    return True
            tail = data[-64:]
    return False


def _inside(digits: bytes, identifiers: frozenset[bytes], lengths: list[int]) -> bool:
    """A run of several digit fields stored side by side (a NIP, then a NIK): an identifier starts
    at the run's start or end, or where a first field of one of those lengths ends."""
    size = len(digits)
    starts = {0, *lengths, *(size - length for length in lengths)}
    return any(
        digits[start : start + length] in identifiers
        for start in starts
        for length in lengths
        if 0 <= start <= size - length
    )


def _rows_of_event(path: Path, event_id: int) -> str | None:
    queries = (
        ("registration", "SELECT count(*) FROM registration WHERE event_id = ?"),
        ("online_report", "SELECT count(*) FROM online_report WHERE event_id = ?"),
        ("pending_walk_in", "SELECT count(*) FROM pending_walk_in WHERE event_id = ?"),
    )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return "tidak dapat dibaca"
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, query in queries:
            if table in tables and connection.execute(query, (event_id,)).fetchone()[0]:
                return "berisi data peserta kegiatan ini"
    except sqlite3.Error:
        return "tidak dapat dibaca"
    finally:
        connection.close()
    return None


def temp_folders() -> list[Path]:
    base = Path(tempfile.gettempdir())
    return sorted(path for prefix in TEMP_PREFIXES for path in base.glob(f"{prefix}*") if path.is_dir())


@dataclass
class PurgeOutcome:
    summary: dict[str, Any] | None  # None when only files were cleaned (the rows had gone before)
    files: FileResult


def purge_everywhere(event_id: int, *, actor: audit.Actor | None = None, files: FilePlan | None = None) -> PurgeOutcome:
    """The whole purge: the rows (``purge.purge_event``, one transaction), then the files.

    ``files`` is the plan shown in the confirmation; it is read again if not given. An event
    whose rows went in an earlier purge still gets its files cleaned (a backup that could not
    be deleted then, a print folder made since).
    """
    files = files or plan(event_id)
    summary = None
    if purge.preview(event_id).has_personal_data or not (files.backups or files.temp_folders):
        summary = purge.purge_event(event_id, actor=actor)
    return PurgeOutcome(summary, erase_traces(files, actor=actor))


def erase_traces(plan: FilePlan, *, actor: audit.Actor | None = None) -> FileResult:
    """Run after the purge's transaction committed: compact the file, delete backups and folders."""
    result = FileResult()
    if plan.database_path is not None:
        _compact(result)
        held = {held.path for held in plan.backups}
        held |= {held.path for held in held_backups(plan.database_path, plan.event_id, plan.identifiers)}
        for path in sorted(held):
            _delete_backup(path, result)
        _new_backup(plan.database_path, result)
    for folder in temp_folders():
        shutil.rmtree(folder, ignore_errors=True)
        if folder.exists():
            result.temp_folders_failed.append(str(folder))
        else:
            result.temp_folders_removed += 1
    if result.temp_folders_failed:
        result.problems.append(
            f"{len(result.temp_folders_failed)} folder cetak sementara sedang dipakai dan belum terhapus "
            f"({', '.join(result.temp_folders_failed)}); tutup jendela cetak lalu hapus folder itu."
        )
    audit.record(
        "event.purge_files",
        actor=actor,
        event_id=plan.event_id,
        vacuumed=result.vacuumed,
        wal_emptied=result.wal_emptied,
        backups_deleted=len(result.backups_deleted),
        backups_failed=len(result.backups_failed),
        temp_folders_removed=result.temp_folders_removed,
    )
    if result.vacuumed and not result.wal_emptied:
        _checkpoint(result, quiet=True)  # the audit entry itself went to the WAL
    return result


def _compact(result: FileResult) -> None:
    database = db.obj
    try:
        database.execute_sql("VACUUM")
    except Exception as err:  # another program holds a write lock beyond the busy timeout
        result.problems.append(f"Berkas basis data belum dipadatkan (VACUUM gagal: {err}); ulangi Hapus data pribadi.")
        return
    result.vacuumed = True
    _checkpoint(result)


def _checkpoint(result: FileResult, *, quiet: bool = False) -> None:
    """Move the WAL into the file and truncate it, waiting out readers a little."""
    path = current_sqlite_path()
    for attempt in range(CHECKPOINT_ATTEMPTS):
        busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        wal = path.with_name(path.name + "-wal") if path else None
        if not busy and (wal is None or not wal.exists() or wal.stat().st_size == 0):
            result.wal_emptied = True
            return
        time.sleep(0.2 * (attempt + 1))
    result.wal_emptied = False
    if not quiet:
        result.problems.append(
            "Berkas WAL basis data belum dapat dikosongkan karena program lain sedang membacanya; tutup jendela "
            "Netralitas lain yang membuka berkas ini, lalu buka dan tutup aplikasi sekali lagi."
        )


def _delete_backup(path: Path, result: FileResult) -> None:
    try:
        for sibling in (path, *(path.with_name(path.name + suffix) for suffix in _SIBLINGS)):
            sibling.unlink(missing_ok=True)
    except OSError:
        result.backups_failed.append(path.name)
        result.problems.append(f"Cadangan {path} sedang dipakai program lain dan belum terhapus; hapus secara manual.")
        return
    result.backups_deleted.append(path.name)


def _new_backup(database_path: Path, result: FileResult) -> None:
    """A clean restore point at once: the backups just deleted held everything else too."""
    keep, _ = backups.backup_settings()
    with contextlib.suppress(backups.BackupError):
        result.new_backup = backups.backup_file(database_path, AFTER_PURGE, keep=keep).name
    if result.new_backup is None:
        result.problems.append("Cadangan baru sesudah penghapusan tidak dapat dibuat; buat cadangan secara manual.")


__all__ = [
    "TEMP_PREFIXES",
    "FilePlan",
    "FileResult",
    "HeldBackup",
    "PurgeOutcome",
    "current_sqlite_path",
    "erase_traces",
    "held_backups",
    "plan",
    "purge_everywhere",
    "temp_folders",
]
