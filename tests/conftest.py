"""Shared fixtures: a fresh real SQLite file per test, a throw-away PostgreSQL server, offscreen Qt.

``db``       — a new SQLite file, bound and migrated.
``pg_url``   — a new empty PostgreSQL database on the session's server (``pg_server``).
``any_db``   — parametrized: a new bound and migrated database on SQLite and on PostgreSQL,
               so service tests run on both backends.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from glob import glob
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No per-example deadline: two cores shared with other work make timings noise, not findings.
settings.register_profile("netralitas", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "netralitas"))

from netralitas_desktop.core import database  # noqa: E402
from netralitas_desktop.core.models import db as db_proxy  # noqa: E402

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


@pytest.fixture
def db(sqlite_url):
    """A new SQLite database file, bound and migrated; closed afterwards."""
    location = database.open_database(sqlite_url)
    yield location
    database.close_database()


@pytest.fixture(autouse=True)
def _restore_database_binding():
    """Whatever a test binds the models to is closed and unbound when it ends.

    Without this a test that opens a database itself (CLI, GUI) would leave the proxy
    pointing at its file, and the next test could write into the wrong backend.
    """
    before = db_proxy.obj
    yield
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
def _isolated_qsettings(tmp_path_factory):
    """Every test keeps its QSettings (desk name, language, printer offsets) in a throw-away
    INI folder, never in the tester's own profile, and starts from empty settings."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


# --- PostgreSQL --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PgServer:
    host: str
    port: int
    user: str
    data_dir: Path

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg2

        conn = psycopg2.connect(host=self.host, port=self.port, user=self.user, dbname="postgres")
        try:
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(sql)
        finally:
            conn.close()


def _postgres_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin holding initdb, or PG_BIN if set."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    candidates = [Path(p).parent for p in glob("/usr/lib/postgresql/*/bin/initdb")]
    if not candidates:
        found = shutil.which("initdb")
        return Path(found).parent if found else None
    return max(candidates, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def _scratch_dir() -> str | None:
    """Memory-backed /dev/shm when there is one: CREATE DATABASE per test copies files."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_as_server_user(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    """PostgreSQL refuses to run as root, so as root its programs run as the ``postgres`` user."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    if _is_root():
        kwargs.update(user="postgres", group="postgres", extra_groups=[])
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, **kwargs)


def _pg_unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI but {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (bash scripts/test.sh installs it)")


@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL cluster on a free local port, for the whole session."""
    bin_dir = _postgres_bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        _pg_unavailable("no PostgreSQL server binaries found in /usr/lib/postgresql/*/bin")
    if _is_root():
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            _pg_unavailable("running as root and there is no 'postgres' OS user to run the server")
    # Not under pytest's tmp_path: that lies in a root-only folder the postgres user cannot enter.
    root = Path(tempfile.mkdtemp(prefix="netralitas-pg-", dir=_scratch_dir()))
    data_dir, socket_dir = root / "data", root / "sock"
    socket_dir.mkdir()
    if _is_root():
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(socket_dir, "postgres", "postgres")
    try:
        init = _run_as_server_user(
            [str(bin_dir / "initdb"), "-D", str(data_dir), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            cwd=root,
        )
        if init.returncode != 0:
            pytest.fail(f"initdb failed:\n{init.stdout}\n{init.stderr}", pytrace=False)
        server = _start_server(bin_dir, root, data_dir, socket_dir)
        yield server
        _run_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", "immediate", "-w", "stop"], cwd=root)
    finally:
        _kill_leftover_postmaster(data_dir)
        shutil.rmtree(root, ignore_errors=True)


def _start_server(bin_dir: Path, root: Path, data_dir: Path, socket_dir: Path) -> PgServer:
    options = (
        f"-c listen_addresses=127.0.0.1 -k {socket_dir} -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=50"
    )
    last_error = ""
    for _attempt in range(3):  # another process may grab the free port between probe and bind
        port = _free_port()
        started = _run_as_server_user(
            [str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-l", str(root / "server.log"), "-w", "-t", "60",
             "-o", f"-p {port} {options}", "start"],
            cwd=root,
        )
        if started.returncode == 0:
            server = PgServer("127.0.0.1", port, "postgres", data_dir)
            _wait_until_accepting(server)
            return server
        last_error = started.stdout + started.stderr + _read(root / "server.log")
    pytest.fail(f"PostgreSQL did not start:\n{last_error}", pytrace=False)


def _wait_until_accepting(server: PgServer, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            server.execute("SELECT 1")
            return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _kill_leftover_postmaster(data_dir: Path) -> None:
    """If pg_ctl stop failed, stop our own postmaster by the pid it wrote, not by name."""
    pid_file = data_dir / "postmaster.pid"
    try:
        pid = int(pid_file.read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return
    try:
        os.kill(pid, signal.SIGQUIT)
    except ProcessLookupError:
        pass


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


_pg_database_numbers = itertools.count(1)


def _temporary_pg_database(server: PgServer, template: str = "template1"):
    name = f"test_{next(_pg_database_numbers)}"
    server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    yield server.url(name)
    if db_proxy.obj is not None and not db_proxy.obj.is_closed() and db_proxy.obj.database == name:
        db_proxy.obj.close()
    server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_server: PgServer):
    """URL of a new, empty PostgreSQL database (dropped after the test)."""
    yield from _temporary_pg_database(pg_server)


@pytest.fixture(scope="session")
def _pg_migrated_template(pg_server: PgServer) -> str:
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
        database.close_database()
        return
    server = request.getfixturevalue("pg_server")
    for url in _temporary_pg_database(server, template=request.getfixturevalue("_pg_migrated_template")):
        location = database.open_database(url)  # finds the schema current: only checks the version
        yield location
        database.close_database()
