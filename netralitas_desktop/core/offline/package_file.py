"""The package file: one ZIP with ``manifest.json``, ``data.json`` and signature PNGs.

A ZIP because a committee copies one file on a USB stick, and anyone can still open it to
see what it holds. The manifest names the format and its version, what kind of package it
is (an event for desk laptops, or check-ins coming back), where it came from, and a
SHA-256 over every other entry, so a truncated or altered file is refused before anything
is written. Nothing in it is secret: invitation codes travel as digests, never the key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import uuid
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ... import __version__
from ..documents import DocumentError, atomic_output
from ..errors import UserError
from ..models import AppSetting

FORMAT = "netralitas-paket"
FORMAT_VERSION = 1
KIND_EVENT = "event"  # office -> desk laptop
KIND_CHECKINS = "checkins"  # desk laptop -> office
FILE_EXTENSION = "netralitas"
MANIFEST = "manifest.json"
DATA = "data.json"
DATABASE_ID_SETTING = "database_id"
MAX_ENTRY_BYTES = 512 * 1024 * 1024  # a sane ceiling against a crafted file

KIND_LABELS = {KIND_EVENT: "paket kegiatan (dari kantor)", KIND_CHECKINS: "berkas kehadiran (dari laptop meja)"}


class PackageError(UserError, ValueError):
    """A package that cannot be written or read; the message is for the user."""


@dataclass
class Package:
    manifest: dict
    data: dict
    files: dict[str, bytes] = field(default_factory=dict)  # entry name -> bytes (signatures)

    @property
    def kind(self) -> str:
        return self.manifest.get("kind", "")


def database_id() -> str:
    """A random id of this database, made once; tells office and laptops apart in packages."""
    row = AppSetting.get_or_none(AppSetting.key == DATABASE_ID_SETTING)
    if row is None:
        AppSetting.insert(key=DATABASE_ID_SETTING, value=uuid.uuid4().hex).on_conflict_ignore().execute()
        row = AppSetting.get(AppSetting.key == DATABASE_ID_SETTING)
    return row.value


def new_manifest(kind: str, **extra: object) -> dict:
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


def write_package(target: str | Path, package: Package) -> Path:
    """Write ``package`` to ``target`` (replaced only when complete)."""
    entries = {DATA: _dumps(package.data), **package.files}
    manifest = {**package.manifest, "checksum": _checksum(entries)}
    target = Path(target)
    try:
        with atomic_output(target) as temp, zipfile.ZipFile(temp, "w") as archive:
            archive.writestr(MANIFEST, _dumps(manifest), compress_type=zipfile.ZIP_DEFLATED)
            for name, blob in entries.items():
                kind = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
                archive.writestr(name, blob, compress_type=kind)
    except DocumentError as err:
        raise PackageError(str(err)) from err
    except OSError as err:
        raise PackageError(f"Berkas paket {target.name} tidak dapat ditulis: {err.strerror or err}.") from err
    package.manifest = manifest
    return target


def read_package(source: str | Path, expected_kind: str | None = None) -> Package:
    """Open and verify a package; raises ``PackageError`` saying what is wrong with the file."""
    path = Path(source)
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackageError(f"Berkas {name} tidak ditemukan.") from None
    except zipfile.BadZipFile:
        raise PackageError(
            f"Berkas {name} bukan paket Netralitas, atau rusak/terpotong saat disalin. Salin ulang berkasnya."
        ) from None
    except OSError as err:
        raise PackageError(f"Berkas {name} tidak dapat dibaca: {err.strerror or err}.") from err
    with archive:
        manifest = _read_json(archive, MANIFEST, name)
        _check_manifest(manifest, name, expected_kind)
        entries = {}
        for info in archive.infolist():
            if info.filename == MANIFEST or info.is_dir():
                continue
            entries[info.filename] = _read_entry(archive, info, name)
    if DATA not in entries or manifest.get("checksum") != _checksum(entries):
        raise PackageError(f"Berkas {name} rusak atau telah diubah (checksum tidak cocok). Salin ulang dari asalnya.")
    try:
        data = json.loads(entries.pop(DATA))
    except ValueError:
        raise PackageError(f"Isi berkas {name} rusak.") from None
    return Package(manifest, data, entries)


def _check_manifest(manifest: dict, name: str, expected_kind: str | None) -> None:
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
    kind = manifest.get("kind")
    if kind not in KIND_LABELS:
        raise PackageError(f"Jenis paket {name} tidak dikenal.")
    if expected_kind and kind != expected_kind:
        raise PackageError(
            f"Berkas {name} adalah {KIND_LABELS[kind]}, padahal yang diperlukan di sini {KIND_LABELS[expected_kind]}."
        )


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    if info.file_size > MAX_ENTRY_BYTES:
        raise PackageError(f"Berkas {name} terlalu besar untuk sebuah paket Netralitas.")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error):  # CRC error, truncated data
        raise PackageError(f"Berkas {name} rusak atau terpotong. Salin ulang dari asalnya.") from None


def _read_json(archive: zipfile.ZipFile, entry: str, name: str) -> dict:
    try:
        info = archive.getinfo(entry)
    except KeyError:
        raise PackageError(f"Berkas {name} bukan paket Netralitas.") from None
    try:
        return json.loads(_read_entry(archive, info, name))
    except ValueError:
        raise PackageError(f"Berkas {name} rusak: {entry} tidak terbaca.") from None


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


__all__ = [
    "FILE_EXTENSION",
    "FORMAT",
    "FORMAT_VERSION",
    "KIND_CHECKINS",
    "KIND_EVENT",
    "Package",
    "PackageError",
    "database_id",
    "new_manifest",
    "parse_datetime",
    "read_package",
    "write_package",
]
