"""Files that hold personal data are readable by their owner only.

The database, its backups, exports and offline packages name participants, NIPs and NIKs.
On a shared office PC or a laptop with a guest account, a file created with the usual
``0644`` could be read by every other account. So they are created ``0600`` (folders we
create for them ``0700``) from the first byte on POSIX: an empty file is made with that
mode before anything is written into it, and writers that open it again keep the mode.

On Windows the default folders (``%LOCALAPPDATA%`` for the database and its backups, the
user's own Documents for exports) already admit the user alone; ``chmod`` there can only
set the read-only flag, so it is left alone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700
POSIX = os.name == "posix"


def create_private_file(path: str | os.PathLike[str]) -> bool:
    """Create ``path`` empty with mode 0600; False (and nothing changed) when it already exists."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(handle)
    make_private(path)  # a umask wider than 077 cannot widen 0600, but a stricter one is kept as well
    return True


def make_private(path: str | os.PathLike[str]) -> None:
    """Owner read/write only (POSIX); silently nothing where the file system has no modes (FAT USB sticks)."""
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FILE_MODE)


def private_folder(path: str | os.PathLike[str]) -> Path:
    """Make ``path`` (and missing parents) as a folder; a folder made here is 0700 on POSIX."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
    return path


def copy_private(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Copy a file's bytes into a new 0600 file (``shutil.copyfile`` would make it 0644 first)."""
    Path(target).unlink(missing_ok=True)
    create_private_file(target)
    with open(source, "rb") as reading, open(target, "r+b") as writing:
        shutil.copyfileobj(reading, writing, 1024 * 1024)
        writing.flush()
        os.fsync(writing.fileno())


__all__ = [
    "PRIVATE_FILE_MODE",
    "PRIVATE_FOLDER_MODE",
    "copy_private",
    "create_private_file",
    "make_private",
    "private_folder",
]
