"""The PRIVATE certificate keys of this computer: only the computers that issue certificates hold one.

A key is kept in the operating system's password store (``keyring``: Windows Credential Manager,
macOS Keychain, the Secret Service on a Linux desktop) or, where there is none or the user prefers,
in a file protected by a passphrase in ``key_dir()``. Either way it is never in the database: a
desk, a database copy or a backup cannot sign, and a stolen laptop's file needs the passphrase.

The protected file (and the backup, which is the same format) is JSON: the private key encrypted
with AES-256-GCM under a key derived from the passphrase with scrypt (N=2^17, r=8, p=1), the key
id and public key as associated data, so a file cannot be passed off for another key.

Recovery (README "Kunci sertifikat"): ``netralitas certificate key backup`` writes that file; kept on
a USB stick in a safe, ``netralitas certificate key restore`` puts it on a new computer. A key lost
without a backup is replaced (``key create --replace``): what the old key signed still checks,
because its public key stays in the database and on the verification site.

``NETRALITAS_KEY_DIR`` moves the folder; ``NETRALITAS_KEY_PASSPHRASE`` gives the passphrase to
unattended runs. Unlocked keys are kept in memory until ``lock_all()`` (the app closes).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

import platformdirs
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from ..errors import UserError
from .keys import fingerprint, key_id, raw_public

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

KEY_DIR_ENV = "NETRALITAS_KEY_DIR"
PASSPHRASE_ENV = "NETRALITAS_KEY_PASSPHRASE"
KEYRING_SERVICE = "Netralitas Desktop - kunci sertifikat"
FILE_KIND = "netralitas-kunci-sertifikat"
SCRYPT_N = 2**17
MIN_PASSPHRASE = 10
KEYRING, FILE = "keyring", "file"

_unlocked: dict[str, Ed25519PrivateKey] = {}
_lock = threading.Lock()


class _Override(TypedDict, total=False):
    """Where ``temporary_store`` keeps keys instead of the user's store."""

    folder: Path
    passphrase: bytes | None


_override: _Override = {}


class KeyStoreError(UserError):
    """A key that cannot be stored, read or unlocked; the message is for the user."""


class PassphraseNeeded(KeyStoreError):
    """The key is here in a protected file: ask for its passphrase and call ``unlock`` again."""

    def __init__(self, kid: str) -> None:
        super().__init__(
            f"Kunci tanda tangan sertifikat {kid.upper()} terkunci kata sandi. Masukkan kata sandinya "
            f"(atau setel {PASSPHRASE_ENV})."
        )
        self.kid = kid


def key_dir() -> Path:
    if _override.get("folder"):
        return _override["folder"]
    override = os.environ.get(KEY_DIR_ENV)
    if override:
        return Path(override)
    from ..database import APP_NAME

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "kunci-sertifikat"


def _key_file(kid: str) -> Path:
    return key_dir() / f"{kid}.kunci"


def _keyring() -> KeyringBackend | None:
    if _override:
        return None  # a temporary store (self-test) never touches the user's password store
    from ..connection import _keyring as usable_keyring

    return usable_keyring()


def keyring_available() -> bool:
    return _keyring() is not None


def env_passphrase() -> bytes | None:
    """The passphrase given to unattended runs (``NETRALITAS_KEY_PASSPHRASE``), if any."""
    if _override.get("passphrase") is not None:
        return _override["passphrase"]
    value = os.environ.get(PASSPHRASE_ENV)
    return value.encode("utf-8") if value else None


@contextlib.contextmanager
def temporary_store(folder: Path, passphrase: bytes) -> Iterator[None]:
    """Keys in ``folder`` only, never the keyring (the self-test's throw-away database)."""
    previous = _override.copy()
    _override.update({"folder": Path(folder), "passphrase": passphrase})
    try:
        yield
    finally:
        _override.pop("folder", None)
        _override.pop("passphrase", None)
        _override.update(previous)
        lock_all()


# --- the protected file format -------------------------------------------------------------------------


def _derive(passphrase: bytes, salt: bytes, n: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(passphrase)


def check_passphrase(passphrase: bytes | str) -> bytes:
    data = passphrase.encode("utf-8") if isinstance(passphrase, str) else passphrase
    if len(data.strip()) < MIN_PASSPHRASE:
        raise KeyStoreError(f"Kata sandi kunci paling sedikit {MIN_PASSPHRASE} karakter.")
    return data


def encrypt_key(private: Ed25519PrivateKey, passphrase: bytes, instansi: str = "") -> bytes:
    """The protected file's bytes for ``private`` (also the backup format)."""
    passphrase = check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    kid, public = key_id(private), raw_public(private)
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    sealed = AESGCM(_derive(passphrase, salt, SCRYPT_N)).encrypt(nonce, raw, kid.encode() + public)
    document = {
        "kind": FILE_KIND,
        "version": 1,
        "key_id": kid,
        "fingerprint": fingerprint(private),
        "public_key": public.hex(),
        "instansi": instansi,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode()},
        "cipher": "AES-256-GCM",
        "nonce": base64.b64encode(nonce).decode(),
        "sealed": base64.b64encode(sealed).decode(),
    }
    return json.dumps(document, indent=2).encode("utf-8")


def read_key_file(data: bytes) -> dict[str, Any]:
    """The metadata of a protected file (key id, fingerprint, instansi) without the passphrase."""
    try:
        document: dict[str, Any] = json.loads(data.decode("utf-8"))
        if document.get("kind") != FILE_KIND or document.get("version") != 1:
            raise ValueError
        bytes.fromhex(document["public_key"])
        return document
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as err:
        raise KeyStoreError("Berkas ini bukan berkas kunci sertifikat Netralitas (atau rusak).") from err


def decrypt_key(data: bytes, passphrase: bytes) -> Ed25519PrivateKey:
    document = read_key_file(data)
    try:
        kdf = document["kdf"]
        if kdf["name"] != "scrypt" or not 2**10 <= int(kdf["n"]) <= 2**20:
            raise ValueError
        secret = _derive(passphrase, base64.b64decode(kdf["salt"]), int(kdf["n"]))
        aad = document["key_id"].encode() + bytes.fromhex(document["public_key"])
        raw = AESGCM(secret).decrypt(base64.b64decode(document["nonce"]), base64.b64decode(document["sealed"]), aad)
    except InvalidTag as err:
        raise KeyStoreError("Kata sandi kunci salah.") from err
    except (ValueError, KeyError, TypeError) as err:
        raise KeyStoreError("Berkas kunci sertifikat rusak.") from err
    private = Ed25519PrivateKey.from_private_bytes(raw)
    if key_id(private) != document["key_id"]:
        raise KeyStoreError("Berkas kunci sertifikat rusak: kunci tidak cocok dengan sidiknya.")
    return private


# --- this computer's keys ---------------------------------------------------------------------------


def storage(kid: str) -> str | None:
    """Where this computer keeps the key: ``"keyring"``, ``"file"`` or None (not here)."""
    if _key_file(kid).is_file():
        return FILE
    backend = _keyring()
    if backend is not None:
        try:
            if backend.get_password(KEYRING_SERVICE, kid):
                return KEYRING
        except Exception:  # a locked or broken password store: treat as not here
            return None
    return None


def holds(kid: str) -> bool:
    with _lock:
        if kid in _unlocked:
            return True
    return storage(kid) is not None


def save(private: Ed25519PrivateKey, *, instansi: str = "", passphrase: bytes | None = None) -> str:
    """Keep ``private`` on this computer: in a protected file when a passphrase is given (or set in
    the environment), else in the system's password store. Returns where it went."""
    kid = key_id(private)
    passphrase = passphrase or env_passphrase()
    if passphrase:
        folder = key_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
        target = _key_file(kid)
        partial = target.with_suffix(".baru")
        partial.write_bytes(encrypt_key(private, passphrase, instansi))
        with contextlib.suppress(OSError):
            partial.chmod(0o600)
        os.replace(partial, target)
        where = FILE
    else:
        backend = _keyring()
        if backend is None:
            raise KeyStoreError(
                "Brankas kata sandi sistem tidak tersedia di komputer ini: kunci sertifikat harus disimpan "
                "dalam berkas berkata sandi. Berikan kata sandi (paling sedikit "
                f"{MIN_PASSPHRASE} karakter) untuk melindunginya."
            )
        raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        try:
            backend.set_password(KEYRING_SERVICE, kid, base64.b64encode(raw).decode())
        except Exception as err:
            raise KeyStoreError(f"Kunci tidak bisa disimpan di brankas kata sandi sistem: {err}.") from err
        where = KEYRING
    with _lock:
        _unlocked[kid] = private
    return where


def unlock(kid: str, passphrase: bytes | str | None = None) -> Ed25519PrivateKey:
    """This computer's private key ``kid``; ``PassphraseNeeded`` when its file needs the passphrase."""
    with _lock:
        cached = _unlocked.get(kid)
    if cached is not None:
        return cached
    where = storage(kid)
    if where is None:
        raise KeyStoreError(f"Kunci {kid.upper()} tidak ada di komputer ini.")
    if where == KEYRING:
        backend = _keyring()
        value = backend.get_password(KEYRING_SERVICE, kid) if backend is not None else None
        if value is None:  # gone from the password store since ``storage`` looked
            raise KeyStoreError(f"Kunci {kid.upper()} tidak ada di komputer ini.")
        private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(value))
    else:
        if isinstance(passphrase, str):
            passphrase = passphrase.encode("utf-8")
        passphrase = passphrase or env_passphrase()
        if not passphrase:
            raise PassphraseNeeded(kid)
        try:
            data = _key_file(kid).read_bytes()
        except OSError as err:
            raise KeyStoreError(f"Berkas kunci tidak bisa dibaca: {err.strerror or err}.") from err
        private = decrypt_key(data, passphrase)
    with _lock:
        _unlocked[kid] = private
    return private


def is_unlocked(kid: str) -> bool:
    with _lock:
        return kid in _unlocked


def lock_all() -> None:
    with _lock:
        _unlocked.clear()


def forget(kid: str) -> None:
    """Remove the key from this computer (after a backup was made, or when handing the laptop over)."""
    with _lock:
        _unlocked.pop(kid, None)
    with contextlib.suppress(FileNotFoundError):
        _key_file(kid).unlink()
    backend = _keyring()
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.delete_password(KEYRING_SERVICE, kid)


def backup(kid: str, path: str | Path, passphrase: bytes, *, instansi: str = "") -> Path:
    """Write the key, encrypted with ``passphrase``, to ``path`` (to keep apart from this computer)."""
    from ..documents import atomic_output

    private = unlock(kid, passphrase if storage(kid) == FILE else None)
    path = Path(path)
    with atomic_output(path) as temp:
        temp.write_bytes(encrypt_key(private, passphrase, instansi))
    return path


def restore(path: str | Path, passphrase: bytes, *, in_file: bool = False) -> tuple[Ed25519PrivateKey, dict[str, Any]]:
    """Put a backed-up key on this computer: in the password store if there is one (unless
    ``in_file``), else as a protected file with the backup's passphrase. Returns it and its metadata."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise KeyStoreError(f"Berkas cadangan kunci tidak bisa dibaca: {err.strerror or err}.") from err
    private = decrypt_key(data, passphrase)
    document = read_key_file(data)
    save(private, instansi=document.get("instansi", ""), passphrase=passphrase if in_file or not _keyring() else None)
    return private, document


__all__ = [
    "FILE",
    "KEYRING",
    "KEY_DIR_ENV",
    "MIN_PASSPHRASE",
    "PASSPHRASE_ENV",
    "KeyStoreError",
    "PassphraseNeeded",
    "backup",
    "check_passphrase",
    "decrypt_key",
    "encrypt_key",
    "env_passphrase",
    "forget",
    "holds",
    "is_unlocked",
    "key_dir",
    "keyring_available",
    "lock_all",
    "read_key_file",
    "restore",
    "save",
    "storage",
    "temporary_store",
    "unlock",
]
