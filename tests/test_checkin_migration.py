"""Schema v2 (registration cancellation) upgrades a v1 database without losing check-ins."""

from __future__ import annotations

import datetime as dt

import pytest
from peewee import PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import connect as connect_url
from playhouse.migrate import SchemaMigrator, migrate

from netralitas_desktop.core import database, migrations, models
from netralitas_desktop.core.models import Attendance, Event, Person, Registration, SchemaVersion


def _open_raw(url: str):
    if url.startswith("sqlite:///"):
        return SqliteDatabase(url[len("sqlite:///") :], pragmas=database.SQLITE_PRAGMAS)
    return connect_url(url)


def _make_v1_database(url: str) -> None:
    """A database as version 1 of the app left it, with one check-in."""
    raw = _open_raw(url)
    models.db.initialize(raw)
    raw.create_tables([SchemaVersion])
    migrations._initial_schema(raw)
    # Migration 1 creates today's models; take away what version 2 adds.
    migrator = SchemaMigrator.from_database(raw)
    migrate(migrator.drop_column("registration", "cancelled_at"), migrator.drop_column("registration", "cancel_reason"))
    SchemaVersion.create(version=1)
    event_id = Event.insert(title="Sosialisasi", date=dt.date(2024, 7, 1)).execute()
    person_id = Person.insert(nama="Budi Santoso", nip="198609262015051001").execute()
    registration_id = Registration.insert(event=event_id, person=person_id).execute()
    Attendance.insert(registration=registration_id, desk="Meja 1", operator="Rina", method="qr").execute()
    raw.close()
    models.db.initialize(None)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request):
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


def test_v1_database_upgrades_to_v2_and_keeps_check_ins(backend_url):
    _make_v1_database(backend_url)
    location = database.open_database(backend_url)
    try:
        raw = models.db.obj
        assert migrations.current_version(raw) == migrations.LATEST_VERSION >= 2
        columns = {column.name for column in raw.get_columns("registration")}
        assert {"cancelled_at", "cancel_reason"} <= columns
        registration = Registration.get()
        assert registration.cancelled_at is None and registration.cancel_reason is None
        assert Attendance.select().count() == 1  # the table change did not cascade into check-ins
        if location.is_sqlite:
            assert list((location.sqlite_path.parent / "backups").glob("sebelum-migrasi-v1-*.db"))
        else:
            assert isinstance(raw, PostgresqlDatabase)
    finally:
        database.close_database()


def test_new_database_gets_v2_columns_once(db):
    raw = models.db.obj
    assert migrations.current_version(raw) == migrations.LATEST_VERSION
    names = [column.name for column in raw.get_columns("registration")]
    assert names.count("cancelled_at") == 1 and names.count("cancel_reason") == 1
