"""Opening the database: SQLite by default, PostgreSQL for several desks.

Order (after vorta): bind the ``DatabaseProxy`` explicitly, check the schema version,
back the file up, then migrate inside one transaction (``migrations.py``).

SQLite journal and sync, chosen for "an acknowledged check-in is never lost":

* ``journal_mode=WAL``: a desk's refresh (readers) never blocks a check-in (the writer)
  and vice versa; several processes on one file queue for the write lock
  (``busy_timeout``) instead of failing. A killed process leaves a -wal file that the
  next opener replays, so every committed transaction is still there.
* ``synchronous=FULL`` rather than NORMAL: with NORMAL a WAL commit is safe from a
  killed *process* but not from a power cut or an OS crash (the last commits may roll
  back), and a desk laptop on a venue's power strip loses power often enough. FULL
  fsyncs the WAL at every commit: measured 0.5 ms per commit here (NORMAL 0.03 ms),
  against a scan every second or two per desk, so the safety costs nothing noticeable.

PostgreSQL (several desks on a LAN server) keeps its defaults, which are durable
(``fsync=on``, ``synchronous_commit=on``). Connections give up after
``CONNECT_TIMEOUT`` seconds: without it a server that vanished from the Wi-Fi would
freeze a desk for the OS's TCP timeout (minutes).

Live updates across desks poll ``change_stamp()`` (two primary-key maxima, well under a
millisecond even on large tables) rather than LISTEN/NOTIFY: every change a desk shows
already writes an audit row or an attendance row, polling works the same on SQLite, and
NOTIFY would need triggers in the schema plus a long-lived listening connection per desk
that must survive Wi-Fi drops. See ``gui/desk_counters.py`` for the interval.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import platformdirs
from peewee import Database, OperationalError, PostgresqlDatabase, SqliteDatabase, fn
from peewee import DatabaseError as DriverDatabaseError
from playhouse.db_url import parse as parse_url

from . import backups, migrations
from .errors import DATABASE_UNAVAILABLE, UserError
from .models import Attendance, AuditLog, db
from .private_files import create_private_file, private_folder

APP_NAME = "NetralitasDesktop"
ENV_VAR = "NETRALITAS_DB"
CONNECT_TIMEOUT = 5  # seconds

# See the module docstring for why WAL and synchronous=FULL. secure_delete: a deleted row's bytes
# are overwritten, not left in a free page, also where SQLite is built without it by default
# (python.org's Windows build); a purge VACUUMs as well, for what older versions left behind.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 10_000,
    "cache_size": -32_000,
    "secure_delete": 1,
}


class DatabaseError(UserError):
    """The database cannot be opened; the message is for the user (Bahasa Indonesia)."""

    exit_code = DATABASE_UNAVAILABLE


class DamagedDatabaseError(DatabaseError):
    """An existing SQLite file that is empty or fails ``PRAGMA quick_check``: nothing may write to it.

    ``damage`` says what is wrong and which backup is the newest good one, for the restore offer.
    """

    def __init__(self, damage: backups.Damage) -> None:
        self.damage = damage
        found = backups.describe_problems(damage.problems)
        what = (
            "berkas ini kosong"
            if damage.empty
            else "berkas ini rusak atau bukan basis data Netralitas yang dapat dibaca"
        )
        if damage.latest_good is not None:
            advice = (
                f"Pulihkan dari cadangan baik terakhir, {damage.latest_good.path.name} ({damage.latest_good.when}): "
                f"netralitas restore {damage.latest_good.path.name}"
            )
        else:
            advice = (
                f"Pulihkan dari cadangan (tidak ada cadangan yang baik di {backups.folder_for(damage.path)}) atau "
                "pilih berkas lain; simpan salinan berkas ini untuk diperiksa"
            )
        super().__init__(
            f"Tidak dapat membuka basis data {damage.path}: {what} ({found}). Tidak ada yang ditulis ke dalamnya. "
            f"{advice}."
        )


@dataclass(frozen=True)
class DatabaseLocation:
    url: str
    sqlite_path: Path | None  # None for PostgreSQL

    @property
    def is_sqlite(self) -> bool:
        return self.sqlite_path is not None

    @property
    def display(self) -> str:
        """The location without a password, for titles and logs."""
        if self.sqlite_path:
            return str(self.sqlite_path)
        parsed = urlparse(self.url)
        host = parsed.hostname or "localhost"
        port = f":{parsed.port}" if parsed.port else ""
        return f"postgresql://{parsed.username or ''}@{host}{port}{parsed.path}"


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'netralitas.db'}"


def resolve_location(url: str | None = None) -> DatabaseLocation:
    """``--db`` wins, then ``NETRALITAS_DB``, then the SQLite file in the user data folder.

    A plain path is taken as a SQLite file.
    """
    url = (url or os.environ.get(ENV_VAR) or default_url()).strip()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve().as_posix()}"
    scheme = url.split("://", 1)[0].lower()
    if scheme == "sqlite":
        # sqlite:///relative.db, sqlite:////abs/file.db, sqlite:///C:/file.db (as SQLAlchemy reads them)
        raw_path = unquote(url.split("://", 1)[1])
        raw_path = raw_path[1:] if raw_path.startswith("/") else raw_path
        if raw_path in ("", ":memory:"):
            raise DatabaseError("Basis data di memori tidak didukung; sebutkan nama berkas SQLite.")
        path = Path(raw_path).expanduser().resolve()
        return DatabaseLocation(f"sqlite:///{path.as_posix()}", path)
    if scheme in ("postgresql", "postgres", "postgresext"):
        return DatabaseLocation(url, None)
    raise DatabaseError(
        f"Alamat basis data tidak dikenal: {scheme}://… Gunakan sqlite:///berkas.db atau postgresql://…"
    )


def _connect(location: DatabaseLocation, *, check: bool = True) -> Database:
    if location.sqlite_path is not None:
        path = location.sqlite_path
        try:
            private_folder(path.parent)
        except OSError as err:  # a file in the way, no permission, a missing drive
            raise DatabaseError(
                f"Tidak dapat membuka basis data {location.display}: folder {path.parent} "
                f"tidak dapat dibuat ({err.strerror or err})."
            ) from err
        if not path.exists():
            try:
                create_sqlite_file(path)
            except (OSError, sqlite3.Error) as err:  # read-only folder, disk full
                raise DatabaseError(
                    f"Tidak dapat membuka basis data {location.display}: berkas baru tidak dapat dibuat di "
                    f"{path.parent} ({getattr(err, 'strerror', None) or err})."
                ) from err
        if check:
            damage = backups.inspect(path)
            if damage is not None:
                raise DamagedDatabaseError(damage)
        return SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=10)
    # Passwords and user names in the URL are percent-encoded (ConnectionProfile.url).
    parameters = parse_url(location.url, unquote_password=True, unquote_user=True)
    if not parameters.get("database"):
        raise DatabaseError("Alamat PostgreSQL tidak dapat dibaca: nama basis data tidak ada.")
    if not parameters.get("password") and not os.environ.get("PGPASSWORD"):
        stored = _stored_password(parameters)
        if stored:
            parameters["password"] = stored
    return LanPostgresqlDatabase(**{**LAN_PARAMETERS, **parameters})


def _stored_password(parameters: dict[str, Any]) -> str | None:
    """The password saved for this server in the system keyring (``connection``), if any.

    So no one has to write a password on a command line, where every user of the computer
    sees it (``ps``). Without one here, libpq itself reads ``PGPASSWORD`` and ``~/.pgpass``.
    """
    from .connection import ConnectionProfile, load_password

    try:
        profile = ConnectionProfile(
            str(parameters.get("host") or "localhost"),
            int(parameters.get("port") or 5432),
            str(parameters["database"]),
            str(parameters.get("user") or getpass.getuser()),
        )
    except (TypeError, ValueError, OSError, KeyError):
        return None
    return load_password(profile)


# Values the URL may override. Keepalives notice a server that vanished while idle; the TCP user
# timeout ends a statement whose packets go unanswered (Wi-Fi gone) after 15 s instead of the
# OS's many minutes, so a desk shows "not recorded" rather than hanging.
LAN_PARAMETERS = {
    "connect_timeout": CONNECT_TIMEOUT,
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}


class LanPostgresqlDatabase(PostgresqlDatabase):
    """PostgreSQL that reconnects after the server or the network dropped the connection.

    psycopg2 marks a connection closed once a statement failed on it, but peewee would keep
    handing that dead connection out ("connection already closed") until the app restarts.
    Here the next statement or transaction *outside* a transaction opens a new connection.
    Nothing is retried silently: the statement that met the broken connection fails, so
    the desk says the scan was not recorded, and the next scan works.
    """

    def _revive(self) -> None:
        if self.is_closed() or self.in_transaction():
            return
        if getattr(self._state.conn, "closed", 0):  # type: ignore[attr-defined]  # peewee's stubs omit _state
            self.close()
            self.connect()

    def begin(self, *args: Any, **kwargs: Any) -> None:
        self._revive()
        super().begin(*args, **kwargs)

    def execute_sql(self, sql: str, params: Sequence[object] | None = None) -> Any:  # the driver's cursor
        self._revive()
        return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]  # untyped_calls_exclude misses super()


def create_sqlite_file(path: Path) -> None:
    """A new database file, 0600, that is never seen empty: only a path that does not exist gets one.

    Built under a temporary name until SQLite has written its header (WAL mode), then put in
    place without replacing a file another process made meanwhile. An empty file at ``path`` is
    therefore always damage (a truncated database), never "new".
    """
    partial = path.with_name(f".{path.name}.baru")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    connection = sqlite3.connect(str(partial))
    try:
        connection.execute("PRAGMA journal_mode=wal")  # writes page 1
    finally:
        connection.close()
    try:
        _place_new(partial, path)
    except FileExistsError:  # another desk created it a moment ago: theirs is used
        pass
    finally:
        partial.unlink(missing_ok=True)


def _place_new(partial: Path, path: Path) -> None:
    """Move ``partial`` to ``path`` unless ``path`` exists (``FileExistsError``)."""
    if os.name != "nt":
        try:
            os.link(partial, path)
            return
        except FileExistsError:
            raise
        except OSError:  # no hard links (a FAT USB stick): a plain rename below
            pass
    os.rename(partial, path)  # on Windows it refuses to replace an existing file


def open_database(url: str | None = None, *, migrate: bool = True, check: bool = True) -> DatabaseLocation:
    """Bind the models to the database at ``url`` and bring its schema up to date.

    An existing SQLite file is checked first (``backups.inspect``): an empty or damaged one raises
    ``DamagedDatabaseError`` before anything writes to it. ``check=False`` for a caller that has
    just checked the file itself.
    """
    location = resolve_location(url)
    database = _connect(location, check=check)
    try:
        database.connect(reuse_if_open=True)
    except Exception as err:  # driver errors differ per backend
        # SQLite reads the file while applying the connection pragmas, so a file that is not a
        # database (or is corrupt) fails here already; a file that cannot be opened is an OperationalError.
        if location.is_sqlite and isinstance(err, DriverDatabaseError) and not isinstance(err, OperationalError):
            raise _unreadable_file(location, err) from err
        raise DatabaseError(
            f"Tidak dapat membuka basis data {location.display}: {explain_connection_error(err)}"
        ) from err
    if location.is_sqlite:
        _check_sqlite_file(database, location)
    previous = db.obj
    db.initialize(database)
    if migrate:
        try:
            migrations.upgrade(database, backup_dir=backup_dir_for(location))
        except Exception as err:
            # Leave nothing bound to a database we refused: peewee would silently reconnect to it.
            database.close()
            db.initialize(previous)
            if isinstance(err, (migrations.SchemaTooNewError, DatabaseError)):
                raise
            raise DatabaseError(
                f"Skema basis data {location.display} tidak dapat diperbarui ({err}). Tidak ada data yang diubah."
            ) from err
    return location


def switch_database(url: str | None) -> DatabaseLocation:
    """Open ``url`` like ``open_database``, then close this thread's connection to the previous one.

    For changing databases while the app runs (connection dialog, restore): on failure the
    previous database stays bound and open.
    """
    previous = db.obj
    location = open_database(url)
    if previous is not None and previous is not db.obj and not previous.is_closed():
        previous.close()
    return location


def restore_backup(location: DatabaseLocation, backup: Path) -> backups.RestoreResult:
    """Close the file, swap the backup in (``backups.restore_file``), reopen and migrate it.

    Other threads must have finished with the database (the GUI waits for its jobs).
    """
    if location.sqlite_path is None:
        raise backups.BackupError(POSTGRES_BACKUP_MESSAGE)
    close_database()
    result = backups.restore_file(location.sqlite_path, backup)
    open_database(location.url)
    return result


POSTGRES_BACKUP_MESSAGE = (
    "Cadangan dan pemulihan di aplikasi ini hanya untuk berkas SQLite. Basis data di server PostgreSQL "
    "dicadangkan di server itu dengan pg_dump dan dipulihkan dengan pg_restore (lihat README)."
)


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


def backup_dir_for(location: DatabaseLocation) -> Path | None:
    if location.sqlite_path is None:
        return None
    return backups.folder_for(location.sqlite_path)


def change_stamp() -> tuple[int, int]:
    """Moves whenever any desk checks someone in, undoes, signs or edits (the live-update poll).

    Every such change inserts an AuditLog or Attendance row (deletions are audited), so
    the two newest ids tell a desk whether its counters are stale without counting.
    """
    audit_max = AuditLog.select(fn.MAX(AuditLog.id)).scalar()
    attendance_max = Attendance.select(fn.MAX(Attendance.id)).scalar()
    return (audit_max or 0, attendance_max or 0)


# libpq's messages are English; these cover what a committee meets when joining a server.
_CONNECTION_HINTS = (
    ("password authentication failed", "kata sandi atau nama pengguna salah."),
    ("no password supplied", "server meminta kata sandi; isi kata sandinya."),
    (
        "no pg_hba.conf entry",
        "server tidak mengizinkan laptop ini masuk (pg_hba.conf); "
        "tambahkan jaringan LAN panitia ke pg_hba.conf di server (lihat README).",
    ),
    ("could not translate host name", "nama server tidak dikenal; periksa ejaan atau pakai alamat IP-nya."),
    (
        "connection refused",
        "server menolak sambungan: PostgreSQL belum berjalan di sana, nomor port salah, "
        "atau listen_addresses/firewall belum membuka jaringan LAN.",
    ),
    (
        "timeout expired",
        f"server tidak menjawab dalam {CONNECT_TIMEOUT} detik; periksa alamat server dan "
        "pastikan laptop ini di jaringan (Wi-Fi/LAN) yang sama.",
    ),
    ("no route to host", "server tidak dapat dijangkau dari jaringan ini."),
    ("network is unreachable", "laptop ini tidak tersambung ke jaringan."),
    ("too many connections", "server sedang penuh (terlalu banyak sambungan); coba lagi sebentar."),
    ("the database system is starting up", "server baru dinyalakan; coba lagi beberapa detik lagi."),
)


def explain_connection_error(err: Exception) -> str:
    """One Indonesian sentence for a failed connection, with the driver's words after it."""
    text = " ".join(str(err).split())
    lowered = text.lower()
    if "does not exist" in lowered and "database" in lowered:
        return f"basis data itu belum ada di server; buat dulu dengan createdb (lihat README). ({text})"
    if "does not exist" in lowered and "role" in lowered:
        return f"nama pengguna itu tidak dikenal di server. ({text})"
    for needle, hint in _CONNECTION_HINTS:
        if needle in lowered:
            return f"{hint} ({text})"
    return text


def _check_sqlite_file(database: Database, location: DatabaseLocation) -> None:
    try:
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except Exception as err:
        database.close()
        raise _unreadable_file(location, err) from err


def _unreadable_file(location: DatabaseLocation, err: Exception) -> DatabaseError:
    return DatabaseError(
        f"Tidak dapat membuka basis data {location.display}: berkas ini bukan basis data Netralitas "
        f"yang dapat dibaca ({err}). Pulihkan dari cadangan di folder 'backups' atau pilih berkas lain."
    )
