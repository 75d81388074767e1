"""Keep ``None`` alive under PySide6 6.12 on Python 3.11.

PySide6 6.12.0 drops a reference to ``None`` each time Python calls a Qt function that returns
nothing (``setText``, ``start``, ``update``…) or a null pointer (``parentWidget()`` of a window).
Python 3.12 made ``None`` immortal (its count is never changed), so the bug shows only on 3.11,
which this project supports: after some tens of thousands of such calls — a morning of scanning
at the desk, where every key and every result makes a few — the interpreter aborts with "Fatal
Python error: none_dealloc" and the window vanishes. (Measured: 20,000 ``QLineEdit.setText``
calls abort a fresh interpreter; PySide6 6.11.2 does not have the bug.)

Until PySide6 is fixed or the project requires Python 3.12, give ``None`` the immortality 3.12
gives it: raise its reference count once, far beyond what a program can spend. Imported by
``gui/__init__`` so every window — and every GUI test — is covered.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # a million void calls a second would take twelve days to spend it


def keep_none_alive() -> bool:
    """Make ``None``'s count unreachable by leaks (CPython before 3.12 only); True when it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of every object
    if count.value < RESERVE:
        count.value += RESERVE
    return True


__all__ = ["RESERVE", "keep_none_alive"]
