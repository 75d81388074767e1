"""Opening the database: SQLite by default, PostgreSQL for several desks.

Order (after vorta): bind the ``DatabaseProxy`` explicitly, check the schema version,
back the file up, then migrate inside one transaction (``migrations.py``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import platformdirs
from peewee import Database, OperationalError, PostgresqlDatabase, SqliteDatabase
from peewee import DatabaseError as DriverDatabaseError
from playhouse.db_url import connect as connect_url

from . import migrations
from .models import db

APP_NAME = "NetralitasDesktop"
ENV_VAR = "NETRALITAS_DB"

# WAL lets desks read while one writes. synchronous=FULL fsyncs every commit, so an
# acknowledged check-in survives a power cut too, not only a killed process; a commit
# then costs one fsync (about a millisecond on an SSD), far below a scan's pace.
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "full",
    "busy_timeout": 10_000,
    "cache_size": -32_000,
}


class DatabaseError(Exception):
    """The database cannot be opened; the message is for the user (Bahasa Indonesia)."""


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
    database = connect_url(location.url)
    if not isinstance(database, PostgresqlDatabase):
        raise DatabaseError("Alamat PostgreSQL tidak dapat dibaca.")
    return database


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
        raise DatabaseError(f"Tidak dapat membuka basis data {location.display}: {err}") from err
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


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


def backup_dir_for(location: DatabaseLocation) -> Path | None:
    if location.sqlite_path is None:
        return None
    return location.sqlite_path.parent / "backups"


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

