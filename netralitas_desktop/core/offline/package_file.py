"""The package file: one ZIP with ``manifest.json``, its signature, ``data.json`` and signature PNGs.

A ZIP because a committee copies one file on a USB stick, and anyone can still open it to
see what it holds. The manifest names the format and its version, what kind of package it
is (an event for desk laptops, or check-ins coming back), where it came from, the public
key that signed it, and a SHA-256 over every other entry; ``manifest.sig`` is the Ed25519
signature of the manifest's exact bytes (``keys``). So a truncated, altered or forged file
is refused before anything is written: changing one byte of any entry breaks the checksum,
and a recomputed checksum breaks the signature. Whose key signed it is settled by
comparing fingerprints (``keys.trust``). Reading is bounded (``archive``) against crafted
files. Nothing in it is secret: invitation codes travel as digests, never the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import uuid
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ... import __version__
from ..documents import DocumentError, atomic_output
from ..models import AppSetting
from . import keys
from .archive import DATA, MANIFEST, SIGNATURE, PackageError, load_json, open_archive, read_entry

FORMAT = "netralitas-paket"
FORMAT_VERSION = 2  # 2: signed (manifest.sig); version 1 packages were unsigned and are refused
KIND_EVENT = "event"  # office -> desk laptop
KIND_CHECKINS = "checkins"  # desk laptop -> office
FILE_EXTENSION = "netralitas"
DATABASE_ID_SETTING = "database_id"

KIND_LABELS = {KIND_EVENT: "paket kegiatan (dari kantor)", KIND_CHECKINS: "berkas kehadiran (dari laptop meja)"}


@dataclass
class Package:
    manifest: dict[str, Any]
    data: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)  # entry name -> bytes (signatures)
    signing_key: bytes = b""  # raw Ed25519 public key that signed the manifest (verified when read)

    @property
    def kind(self) -> str:
        kind: str = self.manifest.get("kind", "")
        return kind

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.signing_key)


def database_id() -> str:
    """A random id of this database, made once; tells office and laptops apart in packages."""
    row = AppSetting.get_or_none(AppSetting.key == DATABASE_ID_SETTING)
    if row is None:
        AppSetting.insert(key=DATABASE_ID_SETTING, value=uuid.uuid4().hex).on_conflict_ignore().execute()
        row = AppSetting.get(AppSetting.key == DATABASE_ID_SETTING)
    return row.value


def new_manifest(kind: str, **extra: object) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "package_id": secrets.token_hex(16),
        "created_at": dt.datetime.now().isoformat(),
        "app_version": __version__,
        "source_database": database_id(),
        **extra,
    }


def write_package(target: str | Path, package: Package, key: Ed25519PrivateKey) -> Path:
    """Write ``package`` signed with ``key`` to ``target`` (replaced only when complete; 0600)."""
    entries = {DATA: _dumps(package.data), **package.files}
    public = keys.public_bytes(key)
    manifest = {**package.manifest, "signing_key": public.hex(), "checksum": _checksum(entries)}
    manifest_bytes = _dumps(manifest)
    target = Path(target)
    try:
        with atomic_output(target) as temp, zipfile.ZipFile(temp, "w") as archive:
            archive.writestr(MANIFEST, manifest_bytes, compress_type=zipfile.ZIP_DEFLATED)
            archive.writestr(SIGNATURE, keys.sign(key, manifest_bytes), compress_type=zipfile.ZIP_STORED)
            for name, blob in entries.items():
                kind = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
                archive.writestr(name, blob, compress_type=kind)
    except DocumentError as err:
        raise PackageError(str(err)) from err
    except OSError as err:
        raise PackageError(f"Berkas paket {target.name} tidak dapat ditulis: {err.strerror or err}.") from err
    package.manifest, package.signing_key = manifest, public
    return target


def read_package(source: str | Path, expected_kind: str | None = None) -> Package:
    """Open and verify a package; raises ``PackageError`` saying what is wrong with the file.

    Order: the ZIP directory (sizes, names), the manifest and its signature, then every other
    entry against the signed checksum. The data's content is checked by ``schema`` afterwards.
    """
    path = Path(source)
    name = path.name
    with open_archive(path) as archive:
        manifest_bytes = read_entry(archive, MANIFEST, name)
        manifest = _check_manifest(load_json(manifest_bytes, MANIFEST, name), name, expected_kind)
        public = _public_key(manifest, name)
        if not keys.verify(public, read_entry(archive, SIGNATURE, name), manifest_bytes):
            raise PackageError(
                f"Berkas {name} telah diubah atau dipalsukan: tanda tangan digitalnya tidak cocok. Tidak ada yang "
                "diubah; minta berkas asli dari pembuatnya."
            )
        entries = {
            info.filename: read_entry(archive, info.filename, name)
            for info in archive.infolist()
            if info.filename not in (MANIFEST, SIGNATURE) and not info.is_dir()
        }
    if DATA not in entries or manifest.get("checksum") != _checksum(entries):
        raise PackageError(f"Berkas {name} rusak atau telah diubah (checksum tidak cocok). Salin ulang dari asalnya.")
    data = load_json(entries.pop(DATA), DATA, name)
    if not isinstance(data, dict):
        raise PackageError(f"Isi berkas {name} rusak.")
    return Package(manifest, data, entries, public)


def _public_key(manifest: dict[str, Any], name: str) -> bytes:
    try:
        public = bytes.fromhex(manifest.get("signing_key") or "")
    except (TypeError, ValueError):
        public = b""
    if len(public) != 32:
        raise PackageError(f"Berkas {name} tidak bertanda tangan digital yang sah; tidak ada yang diubah.")
    return public


def _check_manifest(manifest: object, name: str, expected_kind: str | None) -> dict[str, Any]:
    """The manifest, once it is one of ours and readable here."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(f"Berkas {name} bukan paket Netralitas.")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        raise PackageError(f"Berkas {name} bukan paket Netralitas yang sah (versi format tidak terbaca).")
    if version > FORMAT_VERSION:
        raise PackageError(
            f"Paket {name} dibuat oleh versi aplikasi yang lebih baru (format {version}; aplikasi ini mengenal "
            f"sampai {FORMAT_VERSION}). Perbarui Netralitas Desktop di komputer ini."
        )
    if version < FORMAT_VERSION:
        raise PackageError(
            f"Paket {name} dibuat oleh versi lama Netralitas Desktop, tanpa tanda tangan digital, sehingga keasliannya "
            "tidak dapat diperiksa. Perbarui aplikasi di komputer pembuatnya, lalu buat ulang paketnya."
        )
    kind = manifest.get("kind")
    if kind not in KIND_LABELS:
        raise PackageError(f"Jenis paket {name} tidak dikenal.")
    if expected_kind and kind != expected_kind:
        raise PackageError(
            f"Berkas {name} adalah {KIND_LABELS[kind]}, padahal yang diperlukan di sini {KIND_LABELS[expected_kind]}."
        )
    for key in ("package_id", "source_database", "created_at"):
        if not isinstance(manifest.get(key), str) or not 0 < len(manifest[key]) <= 64:
            raise PackageError(f"Berkas {name} bukan paket Netralitas yang sah ({key} tidak terbaca).")
    return manifest


def _checksum(entries: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(entries):
        blob = entries[name]
        digest.update(name.encode("utf-8") + b"\0" + len(blob).to_bytes(8, "big"))
        digest.update(blob)
    return f"sha256:{digest.hexdigest()}"


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, default=_json_default, sort_keys=True).encode("utf-8")


def _json_default(value: object) -> object:
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError("binary data belongs in its own entry, not in JSON")
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def parse_datetime(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def manifest_time(manifest: dict[str, Any], name: str = "paket") -> dt.datetime:
    """When the package was made (checked: it orders imports of newer packages)."""
    try:
        made = dt.datetime.fromisoformat(manifest["created_at"])
    except (KeyError, TypeError, ValueError):
        raise PackageError(f"Berkas {name} bukan paket Netralitas yang sah (waktu pembuatan tidak terbaca).") from None
    return made.replace(tzinfo=None)


__all__ = [
    "DATA",
    "FILE_EXTENSION",
    "FORMAT",
    "FORMAT_VERSION",
    "KIND_CHECKINS",
    "KIND_EVENT",
    "Package",
    "PackageError",
    "database_id",
    "manifest_time",
    "new_manifest",
    "parse_datetime",
    "read_package",
    "write_package",
]
