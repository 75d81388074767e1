"""The "Sambungkan ke server…" dialog and the start-up choice of database, against the real server."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings

from netralitas_desktop.core import connection, database
from netralitas_desktop.core.connection import ConnectionProfile, ProfileStore
from netralitas_desktop.core.models import db
from netralitas_desktop.gui import app as gui_app
from netralitas_desktop.gui.admin.connection_dialog import ConnectionDialog
from netralitas_desktop.gui.common.settings import DESK_NAME_KEY
from support.gui import when_modal
from support.memory_keyring import MemoryKeyring
from support.pgcluster import free_port


@pytest.fixture
def memory_keyring(use_keyring) -> MemoryKeyring:
    return use_keyring(MemoryKeyring())


@pytest.fixture
def store(tmp_path) -> ProfileStore:
    return ProfileStore(tmp_path / "config" / "koneksi.json")


def fill(dialog: ConnectionDialog, pg_server, dbname: str, password: str = "sandi rahasia") -> None:
    dialog.host.setText(pg_server.host)
    dialog.port.setValue(pg_server.port)
    dialog.database.setText(dbname)
    dialog.user.setText(pg_server.user)
    dialog.password.setText(password)
    dialog.desk.setText("Meja  3")


def test_test_then_connect_creates_the_schema_and_keeps_the_password_in_the_keyring(
    qtbot, pg_server, pg_url, store, memory_keyring, qsettings
):
    dbname = pg_url.rsplit("/", 1)[1]
    dialog = ConnectionDialog(store=store)
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled() and dialog.remember.isChecked()
    fill(dialog, pg_server, dbname)

    dialog.test_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and "Berhasil" in dialog.status.text())
    assert "masih kosong" in dialog.status.text()
    assert dialog.location is None  # testing connects nothing

    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.connect_button.click()
    assert dialog.location is not None and not dialog.location.is_sqlite
    assert db.table_exists("attendance")
    assert store.active() == ConnectionProfile(pg_server.host, pg_server.port, dbname, pg_server.user)
    assert memory_keyring.get_password(connection.KEYRING_SERVICE, store.active().key) == "sandi rahasia"
    assert QSettings().value(DESK_NAME_KEY) == "Meja 3"
    QSettings().sync()
    for written in [store.path, *qsettings.rglob("*")]:
        if written.is_file():
            assert "sandi rahasia" not in written.read_text(encoding="utf-8", errors="replace")

    again = ConnectionDialog(store=store)  # the saved profile and password come back
    qtbot.addWidget(again)
    assert again.host.text() == pg_server.host and again.password.text() == "sandi rahasia"
    database.close_database()


def test_field_errors_and_a_refused_connection_stay_in_the_dialog(qtbot, store):
    dialog = ConnectionDialog(store=store)
    qtbot.addWidget(dialog)
    dialog.host.setText("")
    dialog.user.setText("")
    dialog.connect_button.click()
    assert not dialog.busy and dialog.location is None
    assert "Alamat server wajib diisi" in dialog.errors._labels["host"].text()
    assert "Nama pengguna wajib diisi" in dialog.errors._labels["user"].text()

    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(free_port())
    dialog.user.setText("postgres")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and "menolak sambungan" in dialog.status.text(), timeout=15_000)
    assert dialog.location is None and not dialog.result()
    assert store.active() is None


def test_without_a_keyring_the_box_is_off_and_says_why(qtbot, store, use_keyring):
    use_keyring(fail.Keyring())
    dialog = ConnectionDialog(store=store)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert dialog.store_note.text() == connection.NO_STORE_MESSAGE


def test_use_local_file(qtbot, store, sqlite_url):
    store.save(ConnectionProfile("10.0.0.5"))
    dialog = ConnectionDialog(store=store, local_url=sqlite_url)
    qtbot.addWidget(dialog)
    assert dialog.host.text() == "10.0.0.5"  # the active profile is offered
    with qtbot.waitSignal(dialog.accepted):
        dialog.local_button.click()
    assert dialog.location.is_sqlite and store.active() is None
    database.close_database()


def test_start_up_opens_the_saved_server(qtbot, pg_server, pg_url, store, monkeypatch):
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    store.save(ConnectionProfile(pg_server.host, pg_server.port, pg_url.rsplit("/", 1)[1], pg_server.user))
    window = gui_app.create_main_window(store=store)
    qtbot.addWidget(window)
    assert not window.location.is_sqlite
    assert window.event_list.table.rowCount() == 0  # nothing made unasked in the empty server database
    assert window.event_list.pages.currentWidget() is window.event_list.welcome
    database.close_database()


def test_start_up_with_an_unreachable_server_asks_and_may_fall_back_to_the_local_file(
    qtbot, store, tmp_path, monkeypatch
):
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    local = f"sqlite:///{tmp_path / 'lokal.db'}"
    monkeypatch.setattr(database, "default_url", lambda: local)
    store.save(ConnectionProfile("127.0.0.1", free_port(), "netralitas", "postgres"))
    seen: dict = {}

    def answer(dialog: ConnectionDialog) -> None:
        seen["status"] = dialog.status.text()
        dialog.local_button.click()

    when_modal(ConnectionDialog, answer)
    window = gui_app.create_main_window(store=store)
    qtbot.addWidget(window)
    assert "menolak sambungan" in seen["status"]
    assert window.location.sqlite_path == tmp_path / "lokal.db"
    assert store.active() is None
    database.close_database()
