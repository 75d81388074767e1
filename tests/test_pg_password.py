"""The PostgreSQL password never has to be on a command line: PGPASSWORD, .pgpass or the keyring.

The session's server trusts its own user; here a role that must give its password (scram) is
added for one test, and the CLI reaches it without a password in ``--db``. While a command
runs, no process's command line holds the password.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netralitas_desktop.cli import main
from netralitas_desktop.core.connection import ConnectionProfile, save_password
from support.memory_keyring import MemoryKeyring


@pytest.fixture
def password_server(pg_server, pg_url, monkeypatch):
    """(url without password, password, profile): a role that must log in with its password."""
    dbname = pg_url.rsplit("/", 1)[1]
    role, password = f"panitia_{secrets.token_hex(3)}", f"Sandi!{secrets.token_hex(6)}"
    pg_server.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    pg_server.execute(f"ALTER DATABASE {dbname} OWNER TO {role}")
    hba = Path(pg_server.data_dir) / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text(f"host all {role} 127.0.0.1/32 scram-sha-256\n" + original)
    pg_server.execute("SELECT pg_reload_conf()")
    for name in ("PGPASSWORD", "PGPASSFILE", "NETRALITAS_DB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")  # never the tester's own .pgpass
    try:
        url = f"postgresql://{role}@{pg_server.host}:{pg_server.port}/{dbname}"
        yield url, password, ConnectionProfile(pg_server.host, pg_server.port, dbname, role)
    finally:
        hba.write_text(original)
        pg_server.execute("SELECT pg_reload_conf()")


def run(capsys, url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--db", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_without_a_password_the_server_refuses_in_indonesian(password_server, capsys):
    url, _, _ = password_server
    code, _, err = run(capsys, url, "event", "list")
    assert code == 3 and "kata sandi" in err


def test_pgpassword_pgpass_and_the_keyring_each_suffice(password_server, capsys, monkeypatch, tmp_path, use_keyring):
    url, password, profile = password_server
    monkeypatch.setenv("PGPASSWORD", password)
    assert run(capsys, url, "event", "list")[0] == 0
    monkeypatch.delenv("PGPASSWORD")

    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{profile.host}:{profile.port}:{profile.database}:{profile.user}:{password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert run(capsys, url, "event", "list")[0] == 0
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "tidak-ada"))
    assert run(capsys, url, "event", "list")[0] == 3

    use_keyring(MemoryKeyring())
    assert save_password(profile, password) is None  # as "Sambungkan ke server" stores it
    code, _out, err = run(capsys, url, "event", "list")
    assert code == 0 and err == ""


def test_a_password_in_the_url_works_but_is_warned_about(password_server, capsys):
    url, password, _ = password_server
    with_password = url.replace("@", f":{password.replace('!', '%21')}@", 1)
    code, _, err = run(capsys, with_password, "event", "list")
    assert code == 0 and "PGPASSWORD" in err and ".pgpass" in err and password not in err


def test_no_process_command_line_shows_the_password(password_server):
    url, password, _ = password_server
    env = {**os.environ, "PGPASSWORD": password}
    env.pop("NETRALITAS_DB", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "netralitas_desktop", "--db", url, "demo", "--participants", "1500"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    seen = 0
    try:
        while process.poll() is None:
            for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
                try:
                    text = cmdline.read_bytes()
                except OSError:
                    continue
                seen += 1
                assert password.encode() not in text, cmdline
            time.sleep(0.05)
    finally:
        _out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert seen > 0
