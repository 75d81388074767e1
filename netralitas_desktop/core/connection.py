"""Saved PostgreSQL connections for desks that share one server, and their passwords.

A profile (host, port, database, user) is kept in a small JSON file in the user's
configuration folder; the password never is. It goes to the operating system's
password store through ``keyring`` (Windows Credential Manager, macOS Keychain, the
Secret Service on a Linux desktop). Where there is none, or only a plain-text one, the
password is asked for each time instead: ``password_store_status()`` says why.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import platformdirs

from .database import (
    APP_NAME,
    CONNECT_TIMEOUT,
    DatabaseError,
    DatabaseLocation,
    explain_connection_error,
    switch_database,
)

if TYPE_CHECKING:
    import psycopg2.extensions
    from keyring.backend import KeyringBackend

KEYRING_SERVICE = "Netralitas Desktop"
PROFILES_FILE = "koneksi.json"
CONFIG_ENV_VAR = "NETRALITAS_CONFIG_DIR"  # another folder for the profiles file (tests, portable use)
DEFAULT_PORT = 5432
DEFAULT_DATABASE = "netralitas"
NO_STORE_MESSAGE = (
    "Brankas kata sandi sistem (keyring) tidak tersedia di komputer ini, jadi kata sandi tidak disimpan "
    "dan akan ditanyakan setiap kali aplikasi dibuka."
)


@dataclass(frozen=True)
class ConnectionProfile:
    host: str
    port: int = DEFAULT_PORT
    database: str = DEFAULT_DATABASE
    user: str = "postgres"

    @property
    def key(self) -> str:
        """Identifies the profile, and its password in the keyring."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def problems(self) -> dict[str, str]:
        """Field -> Indonesian message for what is missing or malformed."""
        errors = {}
        if not self.host.strip():
            errors["host"] = "Alamat server wajib diisi (nama komputer atau alamat IP, misalnya 192.168.1.10)."
        elif any(ch in self.host for ch in " /@?#"):
            errors["host"] = "Alamat server tidak boleh berisi spasi atau tanda / @ ? #."
        if not 1 <= self.port <= 65535:
            errors["port"] = "Nomor port antara 1 dan 65535 (PostgreSQL biasanya 5432)."
        if not self.database.strip():
            errors["database"] = "Nama basis data wajib diisi."
        if not self.user.strip():
            errors["user"] = "Nama pengguna wajib diisi."
        return errors

    def url(self, password: str | None) -> str:
        """The postgresql:// URL; user and password percent-encoded (any character is allowed)."""
        credentials = quote(self.user, safe="")
        if password:
            credentials += ":" + quote(password, safe="")
        return f"postgresql://{credentials}@{self.host.strip()}:{self.port}/{quote(self.database.strip(), safe='')}"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV_VAR)
    return Path(override) if override else platformdirs.user_config_path(APP_NAME, appauthor=False)


class ProfileStore:
    """The saved profiles and which one the app opens at start-up (None: the local SQLite file)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / PROFILES_FILE

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"active": None, "profiles": []}
        return data if isinstance(data, dict) else {"active": None, "profiles": []}

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".baru")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(partial, self.path)

    def profiles(self) -> list[ConnectionProfile]:
        found = []
        for item in self._read().get("profiles", []):
            try:
                found.append(
                    ConnectionProfile(str(item["host"]), int(item["port"]), str(item["database"]), str(item["user"]))
                )
            except (KeyError, TypeError, ValueError):
                continue  # a hand-edited entry that no longer parses is skipped, not fatal
        return found

    def active(self) -> ConnectionProfile | None:
        key = self._read().get("active")
        return next((p for p in self.profiles() if p.key == key), None)

    def save(self, profile: ConnectionProfile, *, make_active: bool = True) -> None:
        """Remember ``profile`` (first in the list) and, by default, open it at start-up."""
        data = self._read()
        others = [asdict(p) for p in self.profiles() if p.key != profile.key]
        data["profiles"] = [asdict(profile), *others]
        if make_active:
            data["active"] = profile.key
        self._write(data)

    def use_local(self) -> None:
        """Start with the local SQLite file again; the profiles stay for later."""
        data = self._read()
        data["active"] = None
        self._write(data)

    def forget(self, profile: ConnectionProfile) -> None:
        data = self._read()
        data["profiles"] = [asdict(p) for p in self.profiles() if p.key != profile.key]
        if data.get("active") == profile.key:
            data["active"] = None
        self._write(data)
        forget_password(profile)


# Passwords ----------------------------------------------------------------------------------


def _keyring() -> KeyringBackend | None:
    """The usable keyring backend, or None (no module, no backend, or only a plain-text one)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration
        return None
    # Priority below 1 marks fail/null backends and plain-text file stores, which we refuse.
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) < 1:
        return None
    return backend


def password_store_status() -> tuple[bool, str]:
    """(usable, Indonesian explanation) for the dialog's "remember password" box."""
    backend = _keyring()
    if backend is None:
        return False, NO_STORE_MESSAGE
    return True, f"Kata sandi disimpan di brankas kata sandi sistem ({type(backend).__name__})."


def load_password(profile: ConnectionProfile) -> str | None:
    backend = _keyring()
    if backend is None:
        return None
    try:
        return backend.get_password(KEYRING_SERVICE, profile.key)
    except Exception:  # locked or unavailable store: ask the user instead
        return None


def save_password(profile: ConnectionProfile, password: str) -> str | None:
    """Store the password; returns None when stored, else why not (Indonesian)."""
    backend = _keyring()
    if backend is None:
        return NO_STORE_MESSAGE
    try:
        backend.set_password(KEYRING_SERVICE, profile.key, password)
    except Exception as err:
        return f"Kata sandi tidak dapat disimpan di brankas kata sandi sistem ({err}); akan ditanyakan lagi nanti."
    return None


def forget_password(profile: ConnectionProfile) -> None:
    backend = _keyring()
    if backend is None:
        return
    with contextlib.suppress(Exception):  # nothing stored, or the store refuses: nothing more to do
        backend.delete_password(KEYRING_SERVICE, profile.key)


# Testing and connecting ---------------------------------------------------------------------


@dataclass(frozen=True)
class ServerCheck:
    ok: bool
    message: str  # Indonesian, for the dialog
    schema_version: int | None = None  # None: no Netralitas tables yet


def _single_value(cursor: psycopg2.extensions.cursor) -> Any:
    """The value of a query that always answers one row (SHOW, an aggregate, a test)."""
    row = cursor.fetchone()
    assert row is not None, "the query answers one row"
    return row[0]


def check_server(profile: ConnectionProfile, password: str | None) -> ServerCheck:
    """ "Uji sambungan": reach the server, log in, and say what is in the database.

    Reads only (the schema is created when connecting, not when testing).
    """
    problems = profile.problems()
    if problems:
        return ServerCheck(False, " ".join(problems.values()))
    import psycopg2

    try:
        conn = psycopg2.connect(
            host=profile.host.strip(),
            port=profile.port,
            dbname=profile.database.strip(),
            user=profile.user,
            password=password or None,
            connect_timeout=CONNECT_TIMEOUT,
        )
    except psycopg2.Error as err:
        return ServerCheck(False, f"Tidak dapat tersambung: {explain_connection_error(err)}")
    try:
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server_version = _single_value(cursor).split()[0]
            cursor.execute("SELECT to_regclass('schema_version') IS NOT NULL")
            version = None
            if _single_value(cursor):
                cursor.execute("SELECT max(version) FROM schema_version")
                version = _single_value(cursor)
    except psycopg2.Error as err:
        return ServerCheck(False, f"Tersambung, tetapi basis data tidak dapat dibaca: {err}")
    finally:
        conn.close()
    where = f"PostgreSQL {server_version} di {profile.host}:{profile.port}, basis data '{profile.database}'"
    if version is None:
        return ServerCheck(
            True, f"Berhasil tersambung ke {where}. Basis data masih kosong; tabel Netralitas dibuat saat menyambung."
        )
    return ServerCheck(True, f"Berhasil tersambung ke {where}, berisi data Netralitas (skema {version}).", version)


def connect(profile: ConnectionProfile, password: str | None) -> DatabaseLocation:
    """Bind the app to the server (creating or migrating the schema); ``DatabaseError`` if not."""
    problems = profile.problems()
    if problems:
        raise DatabaseError(" ".join(problems.values()))
    return switch_database(profile.url(password))


__all__ = [
    "NO_STORE_MESSAGE",
    "ConnectionProfile",
    "ProfileStore",
    "ServerCheck",
    "check_server",
    "connect",
    "forget_password",
    "load_password",
    "password_store_status",
    "save_password",
]
