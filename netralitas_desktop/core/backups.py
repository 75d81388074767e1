"""Copies of the SQLite file: automatic at start-up and before migrations, by hand, and restore.

Copies are made with SQLite's online backup API from a connection of their own: it
copies a consistent snapshot while desks keep checking people in (WAL readers never block
the writer), and the copy is switched to a rollback journal so it is one self-contained
file. Copies live in ``backups/`` beside the database: the file holds the QR signing
secret, which must not leave the database folder. Names say what and when:
``otomatis-20240701-073000.db``, ``sebelum-migrasi-v3-….db``, ``manual-….db``,
``sebelum-pemulihan-….db``. Only names of that form are ever listed or pruned.

A damaged file is never copied over good backups: start-up checks the file first
(``inspect``) and the automatic backup runs only on a healthy one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .dates import clock_time, long_date
from .errors import OTHER_FAILURE, UserError
from .models import AppSetting
from .private_files import copy_private, create_private_file, private_folder

FOLDER_NAME = "backups"
AUTOMATIC = "otomatis"
MANUAL = "manual"
BEFORE_RESTORE = "sebelum-pemulihan"
AFTER_PURGE = "sesudah-hapus-data"  # made right after a purge deleted the backups that held the event
KEEP_SETTING = "backup.keep"
INTERVAL_SETTING = "backup.interval_hours"
DEFAULT_KEEP = 10
DEFAULT_INTERVAL_HOURS = 6  # a morning and an afternoon session each get their own copy

_NAME = re.compile(r"^(?P<kind>[a-z0-9-]+?)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.db$")
_STAMP = "%Y%m%d-%H%M%S"
_KIND_LABELS = {
    AUTOMATIC: "otomatis",
    MANUAL: "dibuat manual",
    BEFORE_RESTORE: "sebelum pemulihan",
    AFTER_PURGE: "sesudah hapus data pribadi",
}


class BackupError(UserError):
    """A backup or restore that cannot be done; the message is for the user (Bahasa Indonesia)."""

    exit_code = OTHER_FAILURE


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # otomatis | manual | sebelum-migrasi-vN | sebelum-pemulihan
    created: dt.datetime
    size: int

    @property
    def kind_label(self) -> str:
        if self.kind.startswith("sebelum-migrasi-v"):
            return f"sebelum pembaruan skema {self.kind.rsplit('v', 1)[1]}"
        return _KIND_LABELS.get(self.kind, self.kind)

    @property
    def size_label(self) -> str:
        return size_label(self.size)

    @property
    def when(self) -> str:
        """'Senin, 1 Juli 2024 pukul 07.30' style, for messages."""
        return f"{long_date(self.created.date())} pukul {clock_time(self.created.time())}"


@dataclass(frozen=True)
class Damage:
    """What is wrong with a database file, and the newest backup that passed its own check."""

    path: Path
    problems: list[str]
    latest_good: BackupInfo | None
    empty: bool = False  # a 0-byte file: what a database truncated to nothing looks like


def size_label(size: int) -> str:
    """1536 -> '1,5 KB' (decimal comma, as Indonesian readers expect)."""
    value, unit = float(size), "bait"
    for unit in ("bait", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    text = f"{value:.0f}" if unit == "bait" else f"{value:.1f}".replace(".", ",")
    return f"{text} {unit}"


def folder_for(database_path: Path) -> Path:
    return database_path.parent / FOLDER_NAME


def _parse(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        created = dt.datetime.strptime(match["stamp"], _STAMP)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, match["kind"], created, size)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [info for path in folder.glob("*.db") if (info := _parse(path)) is not None]
    return sorted(found, key=lambda info: (info.created, info.path.name), reverse=True)


def _new_path(folder: Path, kind: str, at: dt.datetime) -> Path:
    stem = f"{kind}-{at.strftime(_STAMP)}"
    path, n = folder / f"{stem}.db", 1
    while path.exists():  # two copies within one second
        n += 1
        path = folder / f"{stem}-{n}.db"
    return path


def backup_connection(source: sqlite3.Connection, folder: Path, kind: str, *, at: dt.datetime | None = None) -> Path:
    """Copy the database behind ``source`` into ``folder``; returns the new file.

    The copy is written under a temporary name and renamed when complete, so a copy cut
    short (power, kill) is never mistaken for a backup.
    """
    private_folder(folder)
    target = _new_path(folder, kind, at or dt.datetime.now())
    partial = target.with_name(f".{target.name}.sebagian")
    partial.unlink(missing_ok=True)
    create_private_file(partial)  # 0600 before the first byte: the copy holds every participant
    destination = sqlite3.connect(str(partial))
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        destination.commit()
    finally:
        destination.close()
    os.replace(partial, target)
    return target


def backup_file(database_path: Path, kind: str = MANUAL, *, keep: int | None = None) -> Path:
    """Copy the SQLite file at ``database_path`` (open or not, any thread); prune to ``keep``."""
    if not database_path.is_file():
        raise BackupError(f"Berkas basis data {database_path} tidak ditemukan; tidak ada yang dicadangkan.")
    folder = folder_for(database_path)
    source = sqlite3.connect(str(database_path), timeout=30)
    try:
        target = backup_connection(source, folder, kind)
    except (sqlite3.Error, OSError) as err:
        raise BackupError(f"Cadangan tidak dapat dibuat di {folder}: {err}") from err
    finally:
        source.close()
    if keep is not None:
        prune(folder, keep, spare=target)
    return target


def prune(folder: Path, keep: int, *, spare: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups (never ``spare``); returns what was deleted."""
    deleted = []
    for info in list_backups(folder)[max(keep, 1) :]:
        if info.path == spare:
            continue
        try:
            info.path.unlink()
        except OSError:
            continue  # open in another program: try again next time
        deleted.append(info.path)
    return deleted


def automatic_backup(
    database_path: Path,
    *,
    interval_hours: float = DEFAULT_INTERVAL_HOURS,
    keep: int = DEFAULT_KEEP,
    now: dt.datetime | None = None,
) -> Path | None:
    """The start-up copy: made when the newest automatic one is older than ``interval_hours``."""
    now = now or dt.datetime.now()
    latest = next((info for info in list_backups(folder_for(database_path)) if info.kind == AUTOMATIC), None)
    if latest is not None and now - latest.created < dt.timedelta(hours=interval_hours):
        return None
    return backup_file(database_path, AUTOMATIC, keep=keep)


# Settings (per database) ---------------------------------------------------------------------


def backup_settings() -> tuple[int, float]:
    """(keep, interval in hours) for the bound database, with defaults."""
    stored: dict[str, str] = dict(
        AppSetting.select(AppSetting.key, AppSetting.value)
        .where(AppSetting.key.in_([KEEP_SETTING, INTERVAL_SETTING]))
        .tuples()
    )
    try:
        keep = max(1, int(stored.get(KEEP_SETTING, DEFAULT_KEEP)))
    except ValueError:
        keep = DEFAULT_KEEP
    try:
        interval = max(0.0, float(stored.get(INTERVAL_SETTING, DEFAULT_INTERVAL_HOURS)))
    except ValueError:
        interval = DEFAULT_INTERVAL_HOURS
    return keep, interval


def set_backup_settings(*, keep: int | None = None, interval_hours: float | None = None) -> tuple[int, float]:
    if keep is not None:
        if keep < 1:
            raise BackupError("Jumlah cadangan yang disimpan paling sedikit 1.")
        _put(KEEP_SETTING, str(keep))
    if interval_hours is not None:
        if interval_hours < 0:
            raise BackupError("Jarak antar-cadangan otomatis tidak boleh negatif.")
        _put(INTERVAL_SETTING, f"{interval_hours:g}")
    return backup_settings()


def _put(key: str, value: str) -> None:
    AppSetting.insert(key=key, value=value).on_conflict(
        conflict_target=[AppSetting.key], update={AppSetting.value: value}
    ).execute()


# Checks -------------------------------------------------------------------------------------


def quick_check(path: Path) -> list[str]:
    """``PRAGMA quick_check`` on the file at ``path``: [] when sound, else what SQLite found.

    Reads only. quick_check verifies every page and record format but not that indexes
    match their tables (integrity_check does, several times slower); a torn or
    overwritten page shows up either way.
    """
    # Not read-only mode: a file left with a -wal but no -shm (after a crash) must be
    # recovered, not reported as damaged. Nothing is written.
    try:
        connection = sqlite3.connect(str(path), timeout=30)
    except sqlite3.Error as err:
        return [str(err)]
    try:
        rows = [line for row in connection.execute("PRAGMA quick_check(20)") for line in str(row[0]).splitlines()]
        # A file that is not a database at all can still answer "ok" to an empty schema.
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as err:
        return [str(err)]
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows


def describe_problems(problems: list[str]) -> str:
    """SQLite's findings in one short line: how many, and the first one."""
    lines = [line for line in problems if line.strip() and not line.startswith("***")]  # "*** in database main ***"
    if not lines:
        return "tidak diketahui"
    if len(lines) == 1:
        return lines[0]
    more = "20 masalah atau lebih" if len(problems) >= 20 else f"{len(lines)} masalah"
    return f"{more}, antara lain: {lines[0]}"


def verify_backup(path: Path) -> list[str]:
    """Problems that make ``path`` unfit to restore: damage, or not a Netralitas database."""
    if not path.is_file():
        return [f"berkas {path} tidak ditemukan"]
    problems = quick_check(path)
    if problems:
        return problems
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        connection.close()
    if not {"schema_version", "event", "attendance"} <= tables:
        return ["berkas ini bukan basis data Netralitas Desktop"]
    return []


def inspect(database_path: Path) -> Damage | None:
    """The check before opening: None when the file is sound (or does not exist yet), else what is wrong.

    An empty file counts as damage: it is what a database truncated to nothing looks like
    (a new database is never seen empty, see ``database.create_sqlite_file``), and opening
    it would quietly start from zero.
    """
    if not database_path.exists():
        return None
    folder = folder_for(database_path)
    try:
        empty = database_path.stat().st_size == 0
    except OSError as err:
        return Damage(database_path, [str(err)], latest_good_backup(folder))
    if empty:
        problems = ["berkas kosong (0 bait), bukan basis data"]
    else:
        problems = quick_check(database_path)
        if not problems:
            return None
    return Damage(database_path, problems, latest_good_backup(folder), empty)


def latest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup that passes ``verify_backup`` (checked newest first, stops at the first)."""
    return next((info for info in list_backups(folder) if not verify_backup(info.path)), None)


# Restore -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous_copy: Path | None  # the replaced file, kept in backups/ (None when there was none)


def restore_file(database_path: Path, backup: Path) -> RestoreResult:
    """Replace the SQLite file with ``backup``. Every connection to the file must be closed.

    Order: verify the backup; copy the current file (and its -wal) into backups/ as it is,
    damaged or not; write the backup beside the target under a temporary name; remove the
    old -wal/-shm (their frames belong to the old file and would corrupt the new one);
    rename into place. A crash at any step leaves either the old file or the new one,
    and the copy.
    """
    backup = backup.resolve()
    problems = verify_backup(backup)
    if problems:
        raise BackupError(
            f"Cadangan {backup.name} tidak dapat dipakai: {describe_problems(problems)}. Pilih cadangan lain."
        )
    folder = folder_for(database_path)
    previous = None
    try:
        private_folder(folder)
        if database_path.exists():
            previous = _new_path(folder, BEFORE_RESTORE, dt.datetime.now())
            copy_private(database_path, previous)
            wal = _sibling(database_path, "-wal")
            if wal.exists():
                copy_private(wal, _sibling(previous, "-wal"))
        incoming = database_path.with_name(f".{database_path.name}.memulihkan")
        copy_private(backup, incoming)  # fsynced
        for suffix in ("-wal", "-shm", "-journal"):
            _sibling(database_path, suffix).unlink(missing_ok=True)
        os.replace(incoming, database_path)
    except PermissionError as err:
        raise BackupError(
            f"Berkas {database_path} sedang dipakai program lain (mungkin jendela Netralitas Desktop yang lain). "
            f"Tutup program itu lalu ulangi pemulihan. ({err})"
        ) from err
    except OSError as err:
        raise BackupError(f"Pemulihan gagal: {err}. Berkas lama tetap utuh di {previous or database_path}.") from err
    return RestoreResult(backup, previous)


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def resolve_backup(database_path: Path, name: str) -> Path:
    """A backup named on the command line: a path, or a file name inside backups/."""
    candidate = Path(name).expanduser()
    if candidate.is_file():
        return candidate
    inside = folder_for(database_path) / name
    if inside.is_file():
        return inside
    raise BackupError(f"Cadangan {name} tidak ditemukan (juga tidak di folder {folder_for(database_path)}).")
