"""A throw-away PostgreSQL cluster on a free local port, for benchmarks and tests.

Uses Debian's ``postgresql`` server binaries (``initdb``, ``pg_ctl``); as root the server
runs as the ``postgres`` user, which PostgreSQL requires. Nothing here imports pytest: the
caller decides whether a missing server is a skip, a failure or a message.

    with throwaway_cluster() as server:
        url = server.create_database("bench")
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
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from glob import glob
from pathlib import Path

# Tests trade durability for speed; a benchmark measures what a committee's server does.
FAST_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class ClusterUnavailable(Exception):
    """No server binaries, or no OS user to run them; the message says which."""


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

    def create_database(self, name: str) -> str:
        self.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def postgres_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin holding initdb, or PG_BIN if set."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    candidates = [Path(p).parent for p in glob("/usr/lib/postgresql/*/bin/initdb")]
    if not candidates:
        found = shutil.which("initdb")
        return Path(found).parent if found else None
    return max(candidates, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def free_port() -> int:
    """A local TCP port nobody listens on now (the server takes it; tests use it as a refusing address)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_as_server_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    kwargs: dict = {}
    if _is_root():
        kwargs.update(user="postgres", group="postgres", extra_groups=[])
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, **kwargs)


def check_available() -> Path:
    """The server's bin folder, or ``ClusterUnavailable`` saying what is missing."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        raise ClusterUnavailable("no PostgreSQL server binaries found in /usr/lib/postgresql/*/bin")
    if _is_root():
        import pwd

        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise ClusterUnavailable("running as root and there is no 'postgres' OS user to run the server") from None
    return bin_dir


@contextmanager
def throwaway_cluster(
    *, fast: bool = True, scratch: str | None = None, max_connections: int = 50
) -> Iterator[PgServer]:
    """initdb + start on a free port; stopped and deleted on exit.

    ``fast`` turns fsync off (tests); a benchmark passes ``fast=False`` to pay real commits.
    ``scratch`` is the parent folder (default: the system temp folder).
    """
    bin_dir = check_available()
    root = Path(tempfile.mkdtemp(prefix="netralitas-pg-", dir=scratch))
    data_dir, socket_dir = root / "data", root / "sock"
    socket_dir.mkdir()
    if _is_root():
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(socket_dir, "postgres", "postgres")
    try:
        init = _run_as_server_user(
            [
                str(bin_dir / "initdb"),
                "-D",
                str(data_dir),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                *(["--no-sync"] if fast else []),
            ],
            cwd=root,
        )
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{init.stdout}\n{init.stderr}")
        options = f"-c listen_addresses=127.0.0.1 -k {socket_dir} -c max_connections={max_connections}"
        if fast:
            options += f" {FAST_OPTIONS}"
        server = _start(bin_dir, root, data_dir, options)
        try:
            yield server
        finally:
            _run_as_server_user(
                [str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", "immediate", "-w", "stop"], cwd=root
            )
    finally:
        _kill_leftover_postmaster(data_dir)
        shutil.rmtree(root, ignore_errors=True)


def _start(bin_dir: Path, root: Path, data_dir: Path, options: str) -> PgServer:
    last_error = ""
    for _attempt in range(3):  # another process may grab the free port between probe and bind
        port = free_port()
        started = _run_as_server_user(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data_dir),
                "-l",
                str(root / "server.log"),
                "-w",
                "-t",
                "60",
                "-o",
                f"-p {port} {options}",
                "start",
            ],
            cwd=root,
        )
        if started.returncode == 0:
            server = PgServer("127.0.0.1", port, "postgres", data_dir)
            _wait_until_accepting(server)
            return server
        last_error = started.stdout + started.stderr + _read(root / "server.log")
    raise RuntimeError(f"PostgreSQL did not start:\n{last_error}")


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
    try:
        pid = int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
    except (OSError, ValueError):
        return
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGQUIT)


def _read(path: Path) -> str:
    try:
        return path.read_text(errors="replace")
    except OSError:
        return ""


_database_numbers = itertools.count(1)


def unique_name(prefix: str = "db") -> str:
    return f"{prefix}_{os.getpid()}_{next(_database_numbers)}"
