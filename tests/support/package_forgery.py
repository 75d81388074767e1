"""What someone holding only a package file can build: edited copies, re-signed copies, return files, bombs.

Written without the app's package writer on purpose: it shows what an outsider with a text
editor, ``zipfile`` and ``hashlib`` (and a key of their own) can make from a package in hand.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def entries_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def checksum(entries: dict[str, bytes]) -> str:
    """The package's unkeyed SHA-256 over every entry but the manifest (anyone can recompute it)."""
    digest = hashlib.sha256()
    for name in sorted(entries):
        blob = entries[name]
        digest.update(name.encode("utf-8") + b"\0" + len(blob).to_bytes(8, "big"))
        digest.update(blob)
    return f"sha256:{digest.hexdigest()}"


def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def write(
    target: Path,
    manifest: dict,
    data: object,
    files: dict[str, bytes] | None = None,
    *,
    key: Ed25519PrivateKey | None = None,
    signature: bytes | None = None,
) -> Path:
    """A package: checksum recomputed; signed with ``key`` (its public key put in the manifest),
    or carrying ``signature`` as it is (an old signature kept on an edited manifest)."""
    entries = {"data.json": data if isinstance(data, bytes) else dumps(data), **(files or {})}
    manifest = dict(manifest, checksum=checksum(entries))
    if key is not None:
        manifest["signing_key"] = raw_public(key).hex()
    manifest_bytes = dumps(manifest)
    if key is not None:
        signature = key.sign(manifest_bytes)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("manifest.sig", signature or b"")
        for name, blob in entries.items():
            archive.writestr(name, blob)
    return target


def edit(source: Path, target: Path, change, *, key: Ed25519PrivateKey | None = None) -> Path:
    """Copy a package with ``change(manifest, data, files)`` applied; keep its signature unless ``key``."""
    entries = entries_of(source)
    manifest = json.loads(entries.pop("manifest.json"))
    signature = entries.pop("manifest.sig", None)
    data = json.loads(entries.pop("data.json"))
    change(manifest, data, entries)
    return write(target, manifest, data, entries, key=key, signature=signature)


def zip_bomb(target: Path, expanded: int = 3 * 1024**3, name: str = "data.json", stated: int | None = None) -> Path:
    """A real deflate bomb: ``expanded`` bytes of zeros in about a thousandth of that, correct CRC.
    ``stated``: the size its headers claim, when they lie (else the true size).

    Built from one compressed megabyte repeated (a full flush makes each copy stand alone), so
    making it takes a second or two, not the minutes deflating 3 GB would.
    """
    block = 1024 * 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(b"\0" * block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    count = expanded // block
    crc = 0
    zeros = b"\0" * block
    for _ in range(count if stated is None else 0):  # a liar's CRC does not matter: it never gets that far
        crc = zlib.crc32(zeros, crc)
    compressed_size = len(piece) * count + len(tail)
    size = count * block if stated is None else stated
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, compressed_size, size, len(encoded), 0)
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50,
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        compressed_size,
        size,
        len(encoded),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    with target.open("wb") as out:
        out.write(local + encoded)
        for _ in range(count):
            out.write(piece)
        out.write(tail)
        directory_at = out.tell()
        out.write(central + encoded)
        directory_size = out.tell() - directory_at
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, directory_size, directory_at, 0))
    return target
