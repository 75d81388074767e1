"""The one door to PDFium (pypdfium2): every use holds one process-wide lock.

PDFium is not thread-safe, not even across documents: no two threads may call it at once.
The GUI renders previews, verifies certificate PDFs and prints on worker threads while a
certificate run may rasterise a PDF background or split pages on another, so the rule
lives here rather than at each call site: code reaches pypdfium2 only through
``use_pdfium()``, which holds the lock for as long as the ``with`` block runs (open, use
and close a document inside it). ``tests/test_pdfium.py`` checks that no other module
imports pypdfium2. Worker processes (``certificates.bulk``) each have their own PDFium and
their own lock.

pypdfium2 is imported on first use: loading it costs start-up time the window does not need.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

_lock = threading.RLock()  # re-entrant: a helper may call another that also opens a document


@contextmanager
def use_pdfium() -> Iterator[ModuleType]:
    """The ``pypdfium2`` module, to be used only inside the ``with`` block (which holds the lock)."""
    with _lock:
        import pypdfium2

        yield pypdfium2


__all__ = ["use_pdfium"]
