"""Saved server profiles, passwords in the keyring only, and testing / connecting to a real server."""

from __future__ import annotations

import json

import pytest
from keyring.backends import fail

from netralitas_desktop.core import connection, database
from netralitas_desktop.core.connection import ConnectionProfile, ProfileStore
from netralitas_desktop.core.migrations import LATEST_VERSION
from netralitas_desktop.core.models import Event, db
from support.memory_keyring import MemoryKeyring
from support.pgcluster import free_port


class PlainTextKeyring(MemoryKeyring):
    """Ranked like keyrings.alt's plain-text file store, which we must refuse."""

    priority = 0.5


@pytest.fixture
def store(tmp_path) -> ProfileStore:
    return ProfileStore(tmp_path / "config" / "koneksi.json")


def profile_for(pg_server, dbname: str) -> ConnectionProfile:
    return ConnectionProfile(pg_server.host, pg_server.port, dbname, pg_server.user)


def test_profile_urls_encode_any_password():
    profile = ConnectionProfile("192.168.1.10", 5433, "netralitas", "meja")
    assert profile.url("p@ss:w/rd#1") == "postgresql://meja:p%40ss%3Aw%2Frd%231@192.168.1.10:5433/netralitas"
    assert profile.url(None) == "postgresql://meja@192.168.1.10:5433/netralitas"
    assert profile.key == "meja@192.168.1.10:5433/netralitas"


def test_profile_problems_are_indonesian():
    problems = ConnectionProfile(" ", 0, "", "").problems()
    assert set(problems) == {"host", "port", "database", "user"}
    assert "Alamat server wajib diisi" in problems["host"]
    assert (
        ConnectionProfile("server panitia", 5432, "x", "y").problems()["host"].startswith("Alamat server tidak boleh")
    )


def test_store_remembers_profiles_and_the_active_one_but_no_password(store, use_keyring):
    use_keyring(MemoryKeyring())
    first = ConnectionProfile("10.0.0.5", 5432, "netralitas", "meja1")
    second = ConnectionProfile("server-panitia", 5432, "netralitas", "meja2")
    assert store.active() is None and store.profiles() == []
    store.save(first)
    connection.save_password(first, "rahasia-sekali")
    store.save(second, make_active=False)

    again = ProfileStore(store.path)
    assert again.profiles() == [second, first]
    assert again.active() == first
    assert "rahasia-sekali" not in store.path.read_text(encoding="utf-8")
    assert connection.load_password(first) == "rahasia-sekali"

    again.use_local()
    assert ProfileStore(store.path).active() is None and len(ProfileStore(store.path).profiles()) == 2
    again.forget(first)
    assert ProfileStore(store.path).profiles() == [second]
    assert connection.load_password(first) is None  # forgetting a profile forgets its password


def test_a_damaged_profiles_file_is_an_empty_store(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{ini bukan json", encoding="utf-8")
    assert store.profiles() == [] and store.active() is None
    store.path.write_text(
        json.dumps({"active": "x", "profiles": [{"host": "a"}, {"host": "b", "port": 1, "database": "d", "user": "u"}]})
    )
    assert store.profiles() == [ConnectionProfile("b", 1, "d", "u")]


def test_without_a_keyring_passwords_are_asked_each_time(use_keyring):
    use_keyring(fail.Keyring())
    usable, message = connection.password_store_status()
    assert not usable and message == connection.NO_STORE_MESSAGE
    assert "ditanyakan setiap kali" in message
    profile = ConnectionProfile("10.0.0.5")
    assert connection.save_password(profile, "rahasia") == connection.NO_STORE_MESSAGE
    assert connection.load_password(profile) is None


def test_a_plain_text_keyring_is_refused(use_keyring):
    backend = use_keyring(PlainTextKeyring())
    profile = ConnectionProfile("10.0.0.5")
    assert connection.save_password(profile, "rahasia") == connection.NO_STORE_MESSAGE
    assert backend.passwords == {}


def test_check_server_explains_failures_in_indonesian(pg_server):
    refused = connection.check_server(ConnectionProfile("127.0.0.1", free_port(), "netralitas", "postgres"), "x")
    assert not refused.ok and "menolak sambungan" in refused.message
    missing = connection.check_server(profile_for(pg_server, "belum_dibuat"), None)
    assert not missing.ok and "belum ada di server" in missing.message
    unknown_user = connection.check_server(ConnectionProfile(pg_server.host, pg_server.port, "postgres", "tamu"), None)
    assert not unknown_user.ok and "pengguna itu tidak dikenal" in unknown_user.message
    invalid = connection.check_server(ConnectionProfile("", 5432, "x", "y"), None)
    assert not invalid.ok and "Alamat server wajib diisi" in invalid.message


def test_first_connection_creates_the_schema(pg_server, pg_url):
    dbname = pg_url.rsplit("/", 1)[1]
    profile = profile_for(pg_server, dbname)
    before = connection.check_server(profile, "kata:sandi@aneh")
    assert before.ok and before.schema_version is None and "masih kosong" in before.message

    location = connection.connect(profile, "kata:sandi@aneh")  # the encoded password reaches the server intact
    assert not location.is_sqlite and "kata" not in location.display
    Event.create(title="Rapat koordinasi", date="2024-07-01")
    assert db.table_exists("attendance")
    database.close_database()

    after = connection.check_server(profile, None)
    assert after.ok and after.schema_version == LATEST_VERSION and f"skema {LATEST_VERSION}" in after.message


def test_switching_closes_the_previous_database(sqlite_url, pg_server, pg_url):
    database.open_database(sqlite_url)
    previous = db.obj
    connection.connect(profile_for(pg_server, pg_url.rsplit("/", 1)[1]), None)
    assert previous.is_closed() and db.obj is not previous
    database.close_database()


def test_a_dropped_server_connection_fails_one_scan_and_the_next_one_works(pg_server, pg_url):
    """Wi-Fi blip or server restart: one red "not recorded", then the desk works again without a restart."""
    from peewee import PeeweeException

    from netralitas_desktop.core import checkin, qr_payload
    from netralitas_desktop.core.audit import Actor
    from netralitas_desktop.core.demo import create_demo_event
    from netralitas_desktop.core.models import Attendance, Registration

    database.open_database(pg_url)
    event_id = create_demo_event(participants=5)
    first, second = [rid for (rid,) in Registration.select(Registration.id).order_by(Registration.id).tuples()][:2]
    dbname = pg_url.rsplit("/", 1)[1]
    pg_server.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{dbname}'")

    with pytest.raises(PeeweeException):
        checkin.check_in(event_id, qr_payload.payload_for(first), actor=Actor("Meja 1", "Ani"))
    assert (
        checkin.check_in(event_id, qr_payload.payload_for(first), actor=Actor("Meja 1", "Ani")).status == "checked_in"
    )
    assert (
        checkin.check_in(event_id, qr_payload.payload_for(second), actor=Actor("Meja 1", "Ani")).status == "checked_in"
    )
    assert Attendance.select().count() == 2
    database.close_database()
