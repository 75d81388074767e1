"""Writing output files safely, and file names that Windows accepts.

A PDF or ZIP is written to a temporary file beside the target and renamed at the end, so
a cancelled or failed run never leaves half a file where yesterday's good one was. The
temporary file is made 0600 before anything is written (``private_files``): what we write
names participants, so only its owner may read it.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..errors import OTHER_FAILURE, UserError
from ..private_files import create_private_file

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 100  # Windows allows 260 characters for the whole path; leave room for the folder


class DocumentError(UserError):
    """A document could not be written; the message is for the user (Bahasa Indonesia)."""

    exit_code = OTHER_FAILURE


def safe_filename(stem: str, extension: str = "", *, max_length: int = MAX_STEM) -> str:
    """``stem`` made valid on Windows: no ``\\/:*?"<>|``, no trailing dot or space, not ``CON``.

    Letters with accents stay (NTFS and ZIP both keep them); the stem is cut to ``max_length``.
    """
    text = unicodedata.normalize("NFC", stem or "")
    text = _FORBIDDEN.sub("_", text)
    text = " ".join(text.split())
    text = text[:max_length].rstrip(" .")
    if not text:
        text = "berkas"
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    return f"{text}.{extension.lstrip('.')}" if extension else text


class UniqueNames:
    """Hands out file names once each, comparing without case as Windows does.

    ``take("Budi.png")`` twice gives ``Budi.png`` then ``Budi (2).png``.
    """

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken = {name.casefold() for name in taken or ()}

    def take(self, name: str) -> str:
        stem, dot, extension = name.rpartition(".")
        if not dot:
            stem, extension = name, ""
        candidate, number = name, 1
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{stem} ({number}).{extension}" if dot else f"{stem} ({number})"
        self._taken.add(candidate.casefold())
        return candidate


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one step."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise DocumentError(f"Folder {target.parent} tidak bisa dibuat: {err.strerror or err}.") from err
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        create_private_file(temp)  # writers that open it again ("wb") keep its 0600 mode
    except OSError as err:
        raise DocumentError(
            f"Berkas {target.name} tidak bisa dibuat di {target.parent}: {err.strerror or err}."
        ) from err
    try:
        yield temp
        try:
            os.replace(temp, target)
        except PermissionError as err:
            raise DocumentError(
                f"Berkas {target.name} tidak bisa ditimpa; mungkin sedang dibuka di program lain. "
                "Tutup berkas itu lalu coba lagi."
            ) from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


__all__ = ["MAX_STEM", "DocumentError", "UniqueNames", "atomic_output", "safe_filename"]
