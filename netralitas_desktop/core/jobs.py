"""Long work (imports, batches of PDFs) as plain objects with hooks, after dangerzone.

Core code reports progress and checks for cancellation through a ``Progress``; it knows
nothing of threads or Qt. The GUI wraps a ``Job`` in ``gui/jobs.py`` and turns the hooks
into signals; the CLI and the tests call ``run()`` directly.
"""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

T = TypeVar("T")


class Cancelled(Exception):
    def __init__(self, message: str = "Dibatalkan oleh pengguna.") -> None:
        super().__init__(message)


class Progress:
    """Receives progress and answers whether to stop. The base class ignores progress."""

    def __init__(self) -> None:
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        """Raise ``Cancelled`` if someone asked to stop; call between units of work."""
        if self._cancel.is_set():
            raise Cancelled()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Hook: ``done`` of ``total`` units finished (total 0 means unknown)."""


class Job(Progress, Generic[T]):
    """A unit of long work. Subclasses implement ``run()`` and call ``report`` and ``check_cancelled``."""

    title = "Memproses"

    def run(self) -> T:
        raise NotImplementedError


# Set by the program's entry point once it has called multiprocessing.freeze_support(): a
# frozen (PyInstaller) program may then start worker processes for long jobs.
FREEZE_SUPPORT_ENV = "NETRALITAS_FREEZE_SUPPORT"
