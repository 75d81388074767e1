"""Opening databases: where, with which SQLite settings, and how old or foreign files are treated."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from netralitas_desktop.cli.common import open_db
from netralitas_desktop.core import database, migrations
from netralitas_desktop.core.database import DatabaseError, open_database, resolve_location
from netralitas_desktop.core.errors import UserError
from netralitas_desktop.core.migrations import LATEST_VERSION, SchemaTooNewError
from netralitas_desktop.core.models import Event, SchemaVersion
from netralitas_desktop.core.models import db as db_proxy

ALL_VERSIONS = [version for version, _ in migrations.MIGRATIONS]  # a new file runs them all


def _versions(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]


def _event_titles(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT title FROM event ORDER BY id")]


# --- where the database is -------------------------------------------------------------------


def test_env_var_names_the_default_database(tmp_path, monkeypatch):
    target = tmp_path / "dari-env.db"
    monkeypatch.setenv(database.ENV_VAR, f"sqlite:///{target}")
    location = open_database()
    assert location.sqlite_path == target
    assert db_proxy.obj.database == str(target)
    assert target.exists()
    database.close_database()


def test_env_var_may_be_a_plain_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(database.ENV_VAR, "folder baru/rapat.db")
    location = open_database()
    assert location.sqlite_path == tmp_path / "folder baru" / "rapat.db"
    assert location.sqlite_path.exists()
    database.close_database()


def test_db_option_wins_over_env_var(tmp_path, monkeypatch):
    monkeypatch.setenv(database.ENV_VAR, f"sqlite:///{tmp_path / 'env.db'}")
    chosen = tmp_path / "pilihan.db"
    location = open_db(argparse.Namespace(db=f"sqlite:///{chosen}"))
    assert location.sqlite_path == chosen
    assert chosen.exists() and not (tmp_path / "env.db").exists()
    database.close_database()


def test_without_option_or_env_var_the_user_data_folder_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    location = resolve_location()
    assert location.sqlite_path == tmp_path / "data" / database.APP_NAME / "netralitas.db"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////abs/folder/a.db", Path("/abs/folder/a.db")),
        ("SQLITE:////abs/x.db", Path("/abs/x.db")),
        ("sqlite:////abs/with%20space.db", Path("/abs/with space.db")),
        ("/abs/plain.db", Path("/abs/plain.db")),
    ],
)
def test_sqlite_urls(url, expected):
    location = resolve_location(url)
    assert location.is_sqlite
    assert location.sqlite_path == expected
    assert location.display == str(expected)


def test_sqlite_url_with_three_slashes_is_relative_to_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_location("sqlite:///data/a.db").sqlite_path == tmp_path / "data" / "a.db"


@pytest.mark.parametrize(
    ("url", "message_part"),
    [
        ("sqlite:///:memory:", "di memori tidak didukung"),
        ("sqlite://", "di memori tidak didukung"),
        ("mysql://root@localhost/x", "Alamat basis data tidak dikenal: mysql://"),
    ],
)
def test_unusable_urls_are_refused_in_indonesian(url, message_part):
    with pytest.raises(DatabaseError, match=message_part):
        resolve_location(url)


def test_postgresql_location_hides_the_password():
    location = resolve_location("postgresql://panitia:rahasia@10.0.0.5:5433/netralitas")
    assert not location.is_sqlite
    assert location.display == "postgresql://panitia@10.0.0.5:5433/netralitas"
    assert "rahasia" not in location.display


# --- SQLite settings and schema --------------------------------------------------------------


def test_sqlite_pragmas_are_in_force(db):
    assert db_proxy.obj.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db_proxy.obj.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db_proxy.obj.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db_proxy.obj.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 10_000


def test_foreign_keys_are_enforced(db):
    from peewee import IntegrityError

    from netralitas_desktop.core.models import Registration

    with pytest.raises(IntegrityError):
        Registration.create(event=12345, person=67890)


def test_new_database_records_the_schema_version(db):
    assert [row.version for row in SchemaVersion.select()] == ALL_VERSIONS
    assert isinstance(SchemaVersion.get().changed_at, dt.datetime)
    assert migrations.current_version(db_proxy.obj) == LATEST_VERSION
    assert not (db.sqlite_path.parent / "backups").exists()  # nothing to back up in a new file


def test_reopening_an_up_to_date_file_changes_nothing(sqlite_url, tmp_path):
    location = open_database(sqlite_url)
    Event.create(title="Sosialisasi", date=dt.date(2024, 7, 1))
    database.close_database()
    open_database(sqlite_url)
    assert Event.select().count() == 1
    assert _versions(location.sqlite_path) == ALL_VERSIONS
    assert not (tmp_path / "backups").exists()
    database.close_database()


# --- migrating older files -------------------------------------------------------------------


def _make_older_file(sqlite_url: str) -> Path:
    """A file at today's schema with one event, to be treated as 'old' once a newer migration exists."""
    location = open_database(sqlite_url)
    Event.create(title="Sosialisasi Netralitas ASN 2024", date=dt.date(2024, 7, 1))
    database.close_database()
    return location.sqlite_path


def _add_migration(monkeypatch, migrate) -> int:
    new_version = LATEST_VERSION + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, (new_version, migrate)])
    monkeypatch.setattr(migrations, "LATEST_VERSION", new_version)
    return new_version


def test_migrating_an_old_file_backs_it_up_first(sqlite_url, monkeypatch):
    path = _make_older_file(sqlite_url)

    def add_notes_table(database):
        database.execute_sql("CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT)")
        database.execute_sql("UPDATE event SET venue = 'Pendopo'")

    new_version = _add_migration(monkeypatch, add_notes_table)
    open_database(sqlite_url)
    database.close_database()

    assert _versions(path) == [*ALL_VERSIONS, new_version]
    backups = list((path.parent / "backups").glob(f"sebelum-migrasi-v{LATEST_VERSION}-*.db"))
    assert len(backups) == 1
    # The copy is the file as it was before the migration: old version, old data, no new table.
    assert _versions(backups[0]) == ALL_VERSIONS
    assert _event_titles(backups[0]) == ["Sosialisasi Netralitas ASN 2024"]
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT venue FROM event").fetchone()[0] == ""
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'catatan'").fetchone()[0] == 0
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT venue FROM event").fetchone()[0] == "Pendopo"


def _failing_migration(database):
    database.execute_sql("CREATE TABLE setengah_jadi (id INTEGER PRIMARY KEY)")
    database.execute_sql("UPDATE event SET title = 'DIUBAH'")
    raise RuntimeError("langkah kedua gagal")


def test_a_failing_migration_leaves_version_and_data_unchanged(sqlite_url, monkeypatch):
    path = _make_older_file(sqlite_url)
    _add_migration(monkeypatch, _failing_migration)

    before = db_proxy.obj
    with pytest.raises(DatabaseError) as caught:
        open_database(sqlite_url)
    assert "tidak dapat diperbarui" in str(caught.value)
    assert "langkah kedua gagal" in str(caught.value)
    assert db_proxy.obj is before  # the refused file is not left bound

    assert _versions(path) == ALL_VERSIONS
    assert _event_titles(path) == ["Sosialisasi Netralitas ASN 2024"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'setengah_jadi'").fetchone()[0] == 0
    assert len(list((path.parent / "backups").glob("*.db"))) == 1  # the copy was made before trying


def test_a_failing_migration_is_rolled_back_on_postgresql(pg_url, monkeypatch):
    open_database(pg_url)
    Event.create(title="Sosialisasi Netralitas ASN 2024", date=dt.date(2024, 7, 1))
    database.close_database()

    def failing(database):
        database.execute_sql("CREATE TABLE setengah_jadi (id SERIAL PRIMARY KEY)")
        database.execute_sql("UPDATE event SET title = 'DIUBAH'")
        raise RuntimeError("langkah kedua gagal")

    _add_migration(monkeypatch, failing)
    with pytest.raises(DatabaseError, match="tidak dapat diperbarui"):
        open_database(pg_url)
    monkeypatch.undo()  # back to the real migrations to look inside

    open_database(pg_url)
    assert [row.version for row in SchemaVersion.select()] == ALL_VERSIONS
    assert [e.title for e in Event.select()] == ["Sosialisasi Netralitas ASN 2024"]
    assert not db_proxy.obj.table_exists("setengah_jadi")
    database.close_database()


def test_a_file_from_a_newer_app_is_refused(sqlite_url):
    path = _make_older_file(sqlite_url)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO schema_version (version, changed_at) VALUES (?, ?)", (LATEST_VERSION + 3, "2030-01-01")
        )

    before = db_proxy.obj
    with pytest.raises(SchemaTooNewError) as caught:
        open_database(sqlite_url)
    message = str(caught.value)
    assert "versi aplikasi yang lebih baru" in message
    assert f"skema {LATEST_VERSION + 3}" in message
    assert "Perbarui aplikasi Netralitas Desktop" in message
    assert db_proxy.obj is before
    assert _event_titles(path) == ["Sosialisasi Netralitas ASN 2024"]


def test_cli_reports_a_too_new_file_as_an_error_message(sqlite_url):
    path = _make_older_file(sqlite_url)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version (version, changed_at) VALUES (99, '2030-01-01')")
    with pytest.raises(UserError) as caught:
        open_db(argparse.Namespace(db=sqlite_url))
    assert caught.value.exit_code == 3
    assert "lebih baru" in str(caught.value)


@pytest.mark.parametrize(
    "content",
    [
        b"Ini bukan basis data, hanya catatan rapat.\n" * 50,
        bytes(range(256)) * 20,
        b"SQLite format 3\x00" + b"\xff" * 4000,  # a header with a mangled body
    ],
)
def test_a_garbage_file_is_refused_in_indonesian(tmp_path, content):
    path = tmp_path / "rusak.db"
    path.write_bytes(content)
    before = db_proxy.obj
    with pytest.raises(DatabaseError) as caught:
        open_database(f"sqlite:///{path}")
    message = str(caught.value)
    assert str(path) in message
    assert message.startswith("Tidak dapat membuka basis data")
    assert "bukan basis data Netralitas yang dapat dibaca" in message
    assert "Pulihkan dari cadangan" in message
    assert path.read_bytes() == content  # the file is left as it was
    assert db_proxy.obj is before


# --- PostgreSQL ------------------------------------------------------------------------------


def test_postgresql_url_opens_and_migrates(pg_url):
    location = open_database(pg_url)
    assert not location.is_sqlite
    assert location.display == pg_url
    assert [row.version for row in SchemaVersion.select()] == ALL_VERSIONS
    for table in ("event", "person", "registration", "attendance", "audit_log", "app_setting"):
        assert db_proxy.obj.table_exists(table)
    Event.create(title="Rapat", date=dt.date(2024, 7, 1))
    database.close_database()

    open_database(pg_url)  # reopening migrates nothing again
    assert SchemaVersion.select().count() == len(ALL_VERSIONS)
    assert Event.select().count() == 1
    database.close_database()


def test_deleting_an_event_cascades_to_its_registrations(any_db):
    from netralitas_desktop.core.models import Person, Registration

    event = Event.create(title="Rapat", date=dt.date(2024, 7, 1))
    person = Person.create(nama="Budi")
    Registration.create(event=event, person=person)
    event.delete_instance()
    assert Registration.select().count() == 0
    assert Person.select().count() == 1


def test_unreachable_postgresql_is_refused_without_the_password():
    url = f"postgresql://postgres:rahasia@127.0.0.1:{_closed_port()}/netralitas"
    with pytest.raises(DatabaseError) as caught:
        open_database(url)
    message = str(caught.value)
    assert message.startswith("Tidak dapat membuka basis data postgresql://postgres@127.0.0.1:")
    assert "rahasia" not in message


def test_a_folder_that_cannot_hold_the_file_is_reported(tmp_path):
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("bukan folder")
    with pytest.raises(DatabaseError) as caught:
        open_database(f"sqlite:///{blocker / 'netralitas.db'}")
    assert str(caught.value).startswith("Tidak dapat membuka basis data")
    assert "tidak dapat dibuat" in str(caught.value)


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once the socket is closed
