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

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import platformdirs
from peewee import Database, OperationalError, PostgresqlDatabase, SqliteDatabase, fn
from peewee import DatabaseError as DriverDatabaseError
from playhouse.db_url import parse as parse_url

from . import backups, migrations
from .errors import DATABASE_UNAVAILABLE, UserError
from .models import Attendance, AuditLog, db

APP_NAME = "NetralitasDesktop"
ENV_VAR = "NETRALITAS_DB"
CONNECT_TIMEOUT = 5  # seconds

# See the module docstring for why WAL and synchronous=FULL.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 10_000,
    "cache_size": -32_000,
}


class DatabaseError(UserError):
    """The database cannot be opened; the message is for the user (Bahasa Indonesia)."""

    exit_code = DATABASE_UNAVAILABLE


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


def _connect(location: DatabaseLocation) -> Database:
    if location.sqlite_path is not None:
        try:
            location.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:  # a file in the way, no permission, a missing drive
            raise DatabaseError(
                f"Tidak dapat membuka basis data {location.display}: folder {location.sqlite_path.parent} "
                f"tidak dapat dibuat ({err.strerror or err})."
            ) from err
        return SqliteDatabase(str(location.sqlite_path), pragmas=SQLITE_PRAGMAS, timeout=10)
    # Passwords and user names in the URL are percent-encoded (ConnectionProfile.url).
    parameters = parse_url(location.url, unquote_password=True, unquote_user=True)
    if not parameters.get("database"):
        raise DatabaseError("Alamat PostgreSQL tidak dapat dibaca: nama basis data tidak ada.")
    return LanPostgresqlDatabase(**{**LAN_PARAMETERS, **parameters})


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
        if getattr(self._state.conn, "closed", 0):
            self.close()
            self.connect()

    def begin(self, *args, **kwargs):
        self._revive()
        return super().begin(*args, **kwargs)

    def execute_sql(self, sql, params=None):
        self._revive()
        return super().execute_sql(sql, params)


def open_database(url: str | None = None, *, migrate: bool = True) -> DatabaseLocation:
    """Bind the models to the database at ``url`` and bring its schema up to date."""
    location = resolve_location(url)
    database = _connect(location)
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


def change_stamp() -> tuple:
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


def _check_sqlite_file(database: SqliteDatabase, location: DatabaseLocation) -> None:
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
