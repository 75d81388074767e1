"""Shared fixtures: a fresh real SQLite file per test, a throw-away PostgreSQL server, offscreen Qt.

``db``           — a new SQLite file, bound and migrated.
``pg_url``       — a new empty PostgreSQL database on the session's server (``pg_server``).
``any_db``       — parametrized: a new bound and migrated database on SQLite and on PostgreSQL,
                   so service tests run on both backends.
``qsettings``    — (every test) QSettings in a throw-away INI folder, which it yields.
``no_sounds``    — the desk's sounds off, for tests that scan (no beeps from the test run).
``use_keyring``  — install a keyring backend for one test (``support.memory_keyring``).

Helpers shared by test modules live in the ``support`` package; the support modules that
also hold fixtures are registered below as plugins (``pytest_plugins``).
"""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.register_assert_rewrite("support")  # a failed assert in a helper explains itself too
pytest_plugins = ["support.certificates", "support.desk", "support.purge", "support.reports"]

# No per-example deadline: two cores shared with other work make timings noise, not findings.
settings.register_profile("netralitas", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "netralitas"))

from netralitas_desktop.core import database  # noqa: E402
from netralitas_desktop.core.models import db as db_proxy  # noqa: E402
from support import pgcluster  # noqa: E402
from support.certificates import TEST_KEY_PASSPHRASE  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_configure(config):
    config.addinivalue_line("markers", "postgres: needs the throw-away PostgreSQL server (pg_server fixture)")


def pytest_collection_modifyitems(items):
    """Mark every test that reaches PostgreSQL, so ``-m 'not postgres'`` leaves them out."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        on_postgres = callspec is not None and callspec.params.get("any_db") == "postgresql"
        if on_postgres or {"pg_server", "pg_url"} & set(item.fixturenames):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def fixture_copy(tmp_path):
    """Copy a file from tests/fixtures into tmp_path and return the copy's path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copy(FIXTURES / name, target)
        return target

    return copy


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'netralitas.db'}"


def finish_background_work(timeout_ms: int = 60_000) -> None:
    """Let jobs a GUI test started end before its database closes or is unbound, as the program
    does at exit (``jobs.wait_all``): a worker still loading a closed tab's view would otherwise run
    on into the next test and use a database being swapped under it. Their results (queued signals,
    whose slots may query too) are delivered while the database is still open. No Qt loaded, nothing
    to wait for."""
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QThreadPool

        pool = QThreadPool.globalInstance()
        for _ in range(5):  # a finished job's result is a queued signal whose slot may read the database
            pool.waitForDone(timeout_ms)
            if QCoreApplication.instance() is None:
                return
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()
            if pool.activeThreadCount() == 0:
                return


@pytest.fixture
def db(sqlite_url):
    """A new SQLite database file, bound and migrated; closed afterwards."""
    location = database.open_database(sqlite_url)
    yield location
    finish_background_work()
    database.close_database()


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread(request):
    """A Qt test runs as the program does (gui/app.py): Python's collector runs on the GUI thread
    only, never in a job's worker, where freeing a cycle that holds a widget crashes the process.
    Between tests the collections that came due while no event loop ran are made on the main
    thread. A test without Qt gets Python's own collector back, after one full collection here
    (so no widget left by an earlier test is freed on a thread of its)."""
    from netralitas_desktop.gui.common.runtime_guards import collect_if_due, collect_on_gui_thread

    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        collect_on_gui_thread(request.getfixturevalue("qapp"))
    elif not gc.isenabled():
        gc.collect()
        gc.enable()
    yield
    if not gc.isenabled():
        collect_if_due()


@pytest.fixture(autouse=True)
def _restore_database_binding():
    """Whatever a test binds the models to is closed and unbound when it ends.

    Without this a test that opens a database itself (CLI, GUI) would leave the proxy
    pointing at its file, and the next test could write into the wrong backend.
    """
    before = db_proxy.obj
    yield
    finish_background_work()
    after = db_proxy.obj
    if after is not None and after is not before:
        if not after.is_closed():
            after.close()
        db_proxy.initialize(before)


@pytest.fixture(autouse=True)
def _log_files_in_a_temporary_folder(tmp_path_factory, monkeypatch):
    """The app's log file (core/logs.py) goes to a throw-away folder, and no test leaves it open."""
    from netralitas_desktop.core import logs

    folder = tmp_path_factory.mktemp("logs")
    monkeypatch.setattr(logs, "log_dir", lambda: folder)
    yield
    logs.close_logging()


@pytest.fixture(autouse=True)
def _certificate_keys_in_a_temporary_folder(tmp_path_factory, monkeypatch):
    """This "computer's" certificate signing keys live in a throw-away folder, protected by a known
    passphrase (never the tester's keyring), with a cheap scrypt so tests stay fast."""
    from netralitas_desktop.core.certificates import keystore

    monkeypatch.setenv(keystore.KEY_DIR_ENV, str(tmp_path_factory.mktemp("kunci")))
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, TEST_KEY_PASSPHRASE)
    monkeypatch.setattr(keystore, "SCRYPT_N", 2**10)
    keystore.lock_all()
    yield
    keystore.lock_all()


@pytest.fixture(autouse=True)
def _private_temporary_folder(tmp_path_factory, monkeypatch):
    """``tempfile`` writes into a folder of this test's own: print folders a test leaves behind are
    never seen by another test (a purge removes them), and nothing lands in the tester's /tmp."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path_factory.mktemp("tmp")))


@pytest.fixture(autouse=True)
def qsettings(tmp_path_factory) -> Path:
    """Every test keeps its QSettings (desk name, language, printer offsets) in a throw-away
    INI folder, never in the tester's own profile, and starts from empty settings. Yields the folder."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture
def no_sounds(qsettings) -> None:
    """The desk's sounds off: tests that scan make no beeps."""
    from netralitas_desktop.gui.common.sounds import set_sounds_enabled

    set_sounds_enabled(False)


@pytest.fixture
def use_keyring():
    """Install a keyring backend for one test (``use_keyring(backend)`` returns it); the original comes back."""
    import keyring

    original = keyring.get_keyring()

    def install(backend):
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(original)


_file_opener = None  # the QObject standing in for the system's viewer (made on first use)


def _file_open_recorder():
    """A receiver for QDesktopServices' ``file`` scheme that records paths instead of opening them."""
    global _file_opener
    if _file_opener is None:
        from PySide6.QtCore import QObject, QUrl, Slot

        class Recorder(QObject):
            def __init__(self) -> None:
                super().__init__()
                self.paths: list[str] = []

            @Slot(QUrl)
            def open(self, url: QUrl) -> None:
                self.paths.append(url.toLocalFile())

        _file_opener = Recorder()
    return _file_opener


@pytest.fixture(autouse=True)
def opened_files() -> list[str]:
    """Paths the window asked to open, in order; no test ever starts a real PDF viewer or file manager."""
    from PySide6.QtGui import QDesktopServices

    recorder = _file_open_recorder()
    recorder.paths.clear()
    QDesktopServices.setUrlHandler("file", recorder, "open")
    yield recorder.paths
    QDesktopServices.unsetUrlHandler("file")


# --- PostgreSQL --------------------------------------------------------------------------------


def _scratch_dir() -> str | None:
    """Memory-backed /dev/shm when there is one: CREATE DATABASE per test copies files."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL cluster on a free local port, for the whole session (fsync off)."""
    try:
        pgcluster.check_available()
    except pgcluster.ClusterUnavailable as err:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but {err}", pytrace=False)
        pytest.skip(f"PostgreSQL tests skipped: {err} (bash scripts/test.sh installs it)")
    with pgcluster.throwaway_cluster(fast=True, scratch=_scratch_dir()) as server:
        yield server


_pg_database_numbers = itertools.count(1)


def _temporary_pg_database(server: pgcluster.PgServer, template: str = "template1"):
    name = f"test_{next(_pg_database_numbers)}"
    server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    yield server.url(name)
    if db_proxy.obj is not None and not db_proxy.obj.is_closed() and db_proxy.obj.database == name:
        db_proxy.obj.close()
    server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_server: pgcluster.PgServer):
    """URL of a new, empty PostgreSQL database (dropped after the test)."""
    yield from _temporary_pg_database(pg_server)


@pytest.fixture(scope="session")
def _pg_migrated_template(pg_server: pgcluster.PgServer) -> str:
    """A database migrated once, copied for each ``any_db`` test (copying beats re-migrating)."""
    name = "netralitas_template"
    pg_server.execute(f"CREATE DATABASE {name}")
    previous = db_proxy.obj
    database.open_database(pg_server.url(name))
    database.close_database()
    db_proxy.initialize(previous)
    return name


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request):
    """A new database, bound and migrated, on each backend in turn; closed afterwards.

    Yields the ``DatabaseLocation``; ``location.is_sqlite`` tells which backend runs.
    """
    if request.param == "sqlite":
        url = request.getfixturevalue("sqlite_url")
        location = database.open_database(url)
        yield location
        finish_background_work()
        database.close_database()
        return
    server = request.getfixturevalue("pg_server")
    for url in _temporary_pg_database(server, template=request.getfixturevalue("_pg_migrated_template")):
        location = database.open_database(url)  # finds the schema current: only checks the version
        yield location
        finish_background_work()
        database.close_database()


@pytest.fixture
def english(qapp):
    """The English interface (translators installed) for one test; Indonesian again afterwards."""
    from netralitas_desktop.gui.common import i18n

    assert i18n.install_translations(qapp, "en")
    yield
    i18n.install_translations(qapp, "id")
