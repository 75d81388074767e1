"""The one way to open a finished file or folder: the system's own viewer (PDF reader, Excel, file manager).

Everything the window writes and then shows goes through ``open_file``. It asks Qt's
``QDesktopServices``, so a handler registered for the ``file`` scheme
(``QDesktopServices.setUrlHandler``) hears every request instead: the tests register one
that records the paths (``opened_files`` in tests/conftest.py) and no viewer pops up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_file(path: str | Path) -> bool:
    """Show ``path`` (a file, or a folder) in the system's viewer; False when none could be started."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


__all__ = ["open_file"]
