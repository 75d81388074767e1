"""Reading a package ZIP without trusting it: sizes capped before a byte is expanded, JSON bounded.

A package comes on a USB stick from another computer, so it may be damaged or crafted. The
ZIP's central directory states every entry's name and expanded size; before reading any
entry, the names must be ours, none twice, and the counts and sizes within the caps below.
Entries are then expanded in chunks, and ``zipfile`` stops each at its stated size, so a
"zip bomb" (a few MB expanding to GB) is refused from the directory alone, in milliseconds
and without memory. JSON is parsed with numbers held to what a database can store and
nesting turned into a message instead of a crash.
"""

from __future__ import annotations

import contextlib
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import BAD_INPUT, UserError

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATA = "data.json"
SIGNATURE_FILE = re.compile(r"signatures/[1-9]\d{0,9}\.png")

MAX_SIGNATURES = 50_000  # an event of 2,000 people needs 2,000 at most
MAX_ENTRIES = MAX_SIGNATURES + 3
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_DATA_BYTES = 128 * 1024 * 1024  # 100,000 participants take about 60 MB of JSON
MAX_SIGNATURE_BYTES = 2 * 1024 * 1024  # a desk signature is 5-30 kB; 1 MB is refused at the desk already
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_INTEGER = 2**63 - 1  # SQLite's integer range; ids are checked more tightly by the schema
_CHUNK = 1024 * 1024


class PackageError(UserError, ValueError):
    """A package that cannot be written or read; the message is for the user (Bahasa Indonesia)."""

    exit_code = BAD_INPUT


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _size_text(size: int) -> str:
    return f"{_thousands(round(size / (1024 * 1024)))} MB"


@contextlib.contextmanager
def open_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    """The ZIP at ``path`` once its directory passed ``check_directory``."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackageError(f"Berkas {name} tidak ditemukan.") from None
    except IsADirectoryError:
        raise PackageError(f"{name} adalah folder, bukan berkas paket.") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise PackageError(
            f"Berkas {name} bukan paket Netralitas, atau rusak/terpotong saat disalin. Salin ulang berkasnya."
        ) from None
    except OSError as err:
        raise PackageError(f"Berkas {name} tidak dapat dibaca: {err.strerror or err}.") from err
    with archive:
        check_directory(archive, name)
        yield archive


def check_directory(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse from the central directory alone: unknown or repeated names, too many entries, too large."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise PackageError(
            f"Berkas {name} berisi {_thousands(len(entries))} bagian, lebih dari yang mungkin ada di paket "
            f"Netralitas ({_thousands(MAX_ENTRIES)}); berkas ini bukan paket yang sah dan tidak dibuka."
        )
    seen: set[str] = set()
    total = 0
    for info in entries:
        entry = info.filename
        if entry in seen:
            raise PackageError(f"Berkas {name} tidak sah: bagian {entry} ada dua kali. Berkas tidak dibuka.")
        seen.add(entry)
        limit = _limit(entry)
        if limit is None:
            raise PackageError(f"Berkas {name} bukan paket Netralitas yang sah: ada bagian tak dikenal ({entry[:80]}).")
        if info.file_size > limit:
            raise PackageError(
                f"Berkas {name} tidak sah: bagian {entry} akan mengembang menjadi {_size_text(info.file_size)} "
                f"(paling besar {_size_text(limit)}). Berkas ini tidak dibuka."
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise PackageError(
            f"Berkas {name} akan mengembang menjadi {_size_text(total)}, jauh lebih besar dari paket Netralitas mana "
            f"pun (paling besar {_size_text(MAX_TOTAL_BYTES)}); berkas ini tidak dibuka."
        )


def _limit(entry: str) -> int | None:
    if entry == MANIFEST:
        return MAX_MANIFEST_BYTES
    if entry == SIGNATURE:
        return 1024
    if entry == DATA:
        return MAX_DATA_BYTES
    if SIGNATURE_FILE.fullmatch(entry):
        return MAX_SIGNATURE_BYTES
    return None


def read_entry(archive: zipfile.ZipFile, entry: str, name: str) -> bytes:
    """An entry's bytes, expanded in chunks (never beyond its size, already checked)."""
    try:
        info = archive.getinfo(entry)
    except KeyError:
        raise PackageError(f"Berkas {name} bukan paket Netralitas yang lengkap ({entry} tidak ada).") from None
    if info.flag_bits & 0x1:
        raise PackageError(f"Berkas {name} terkunci kata sandi; paket Netralitas tidak pernah dikunci.")
    buffer = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                buffer += chunk
                if len(buffer) > info.file_size:  # zipfile stops there already; never trust one check alone
                    raise PackageError(f"Berkas {name} tidak sah: bagian {entry} lebih besar dari yang dinyatakan.")
    except PackageError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, zlib.error):
        raise PackageError(f"Berkas {name} rusak atau terpotong. Salin ulang dari asalnya.") from None
    return bytes(buffer)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > 19 or abs(value := int(text)) > MAX_INTEGER:
        raise ValueError(f"angka terlalu besar ({text[:30]}…)")
    return value


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"angka terlalu besar ({text[:30]}…)")
    return value


def _no_constant(text: str) -> float:
    raise ValueError(f"nilai {text} bukan angka")


def load_json(blob: bytes, entry: str, name: str) -> object:
    """Parse one JSON entry; every way it can be wrong is a ``PackageError`` naming the file."""
    try:
        return json.loads(
            blob.decode("utf-8"),
            parse_int=_bounded_int,
            parse_float=_finite_float,
            parse_constant=_no_constant,
        )
    except RecursionError:
        raise PackageError(
            f"Berkas {name} tidak sah: isi {entry} bersarang terlalu dalam untuk paket Netralitas. Berkas tidak dibuka."
        ) from None
    except UnicodeDecodeError:
        raise PackageError(f"Berkas {name} rusak: {entry} bukan teks UTF-8.") from None
    except ValueError as err:  # JSONDecodeError, and the number checks above
        reason = err.msg if isinstance(err, json.JSONDecodeError) else str(err)
        raise PackageError(f"Berkas {name} rusak: {entry} tidak terbaca ({reason}).") from None


__all__ = [
    "DATA",
    "MANIFEST",
    "MAX_ENTRIES",
    "MAX_TOTAL_BYTES",
    "SIGNATURE",
    "PackageError",
    "check_directory",
    "load_json",
    "open_archive",
    "read_entry",
]
