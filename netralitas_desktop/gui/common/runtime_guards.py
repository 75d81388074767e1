"""Three things about the Python runtime that a desk running all day must not suffer.

**Garbage is collected on the GUI thread only.** Python collects whenever allocations pass a
threshold, on whichever thread allocates: often a job's worker (a tab's live refresh, a batch
of certificates). A cycle that holds a widget (a closed dialog and its slots) is then freed
there, and a QWidget deleted off the GUI thread crashes the program ("Fatal Python error:
Segmentation fault … Garbage-collecting" in a worker, seen in the test suite now and then).
``collect_on_gui_thread`` turns the automatic collector off and runs the same threshold rule
from a timer on the GUI thread (the pattern pyqtgraph and calibre use).

**A full garbage collection freezes the window.** Python's collector now and then walks every
object the program holds: about 190 ms with the window open on a 2,000-person event, 1.6 s at
100,000 (measured), during which no key is handled and no banner painted. ``settle_heap`` — once
the window has loaded what it keeps — collects once and moves everything alive into the
collector's permanent generation (``gc.freeze``), so later collections only walk what is new.

**Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12 on Python 3.11.**

PySide6 6.12.0 drops a reference to ``None`` each time Python calls a Qt function that returns
nothing (``setText``, ``start``, ``update``…) or a null pointer (``parentWidget()`` of a window),
and one to ``True`` now and then when a signal carries it (``Signal(bool).emit(True)``).
Python 3.12 made these objects immortal (their counts are never changed), so the bug shows only
on 3.11, which this project supports: after some tens of thousands of such calls — a morning of
scanning at the desk, where every key and every result makes a few — the interpreter aborts
with "Fatal Python error: none_dealloc" (or "bool_dealloc") and the window vanishes. Measured:
20,000 ``QLineEdit.setText`` calls, or 2,000 emits of ``True``, abort a fresh interpreter;
PySide6 6.11.2 has neither bug.

Until PySide6 is fixed or the project requires Python 3.12, give these singletons the
immortality 3.12 gives them: raise their reference counts once, far beyond what a program can
spend. Run by ``gui/__init__`` so every window — and every GUI test — is covered.
"""

from __future__ import annotations

import ctypes
import gc
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QTimer

RESERVE = 1 << 40  # a million leaked references a second would take twelve days to spend it
SINGLETONS = (None, True, False)


def keep_singletons_alive() -> bool:
    """Make the singletons' counts unreachable by leaks (CPython before 3.12 only); True when needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in SINGLETONS:
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field of every object
        if count.value < RESERVE:
            count.value += RESERVE
    return True


_settled = {"done": False}


def settle_heap() -> bool:
    """Collect once and freeze what is alive (see the module docstring); only the first call acts."""
    if _settled["done"]:
        return False
    _settled["done"] = True
    gc.collect()
    gc.freeze()
    return True


COLLECT_INTERVAL_MS = 200
FULL_COLLECTION_SPACING_S = 30.0  # CPython also spaces full collections (by heap growth, not readable here)

_last_full = {"at": 0.0}


def collect_if_due() -> int:
    """Run the collections Python's own thresholds ask for now; the number of objects freed."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    freed = 0
    if counts[0] > thresholds[0]:
        freed += gc.collect(0)
        if counts[1] > thresholds[1]:
            freed += gc.collect(1)
            now = time.monotonic()
            if counts[2] > thresholds[2] and now - _last_full["at"] >= FULL_COLLECTION_SPACING_S:
                _last_full["at"] = now
                freed += gc.collect(2)
    return freed


def collect_on_gui_thread(parent: QObject, interval_ms: int = COLLECT_INTERVAL_MS) -> QTimer:
    """Collect only from a timer of ``parent`` (a GUI-thread object, e.g. the application)."""
    from PySide6.QtCore import QTimer

    gc.disable()
    running = parent.findChild(QTimer, "gc-on-gui-thread")
    if running is not None:
        return running
    timer = QTimer(parent)
    timer.setObjectName("gc-on-gui-thread")
    timer.timeout.connect(collect_if_due)
    timer.start(interval_ms)
    return timer


__all__ = [
    "COLLECT_INTERVAL_MS",
    "FULL_COLLECTION_SPACING_S",
    "RESERVE",
    "SINGLETONS",
    "collect_if_due",
    "collect_on_gui_thread",
    "keep_singletons_alive",
    "settle_heap",
]
