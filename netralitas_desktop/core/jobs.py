"""Long work (imports, batches of PDFs) as plain objects, after dangerzone.

Core code reports progress and checks for cancellation through a ``Progress``; it knows
nothing of threads or Qt. Whoever runs the work passes the callback that hears progress:
``Progress(on_progress)`` for a service that takes a ``progress`` argument, or
``job.execute(on_progress)`` for a ``Job``. The GUI's callback emits a signal
(``gui/common/jobs.py``), the CLI's draws one terminal line (``cli/common.py``); tests call
``run()`` directly and hear nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

ProgressCallback = Callable[[int, int, str], None]
"""``(done, total, message)``: ``done`` of ``total`` units finished (total 0 means unknown)."""


class Cancelled(Exception):
    """The user asked to stop; not an error (nothing is reported, the CLI exits 130)."""

    def __init__(self, message: str = "Dibatalkan oleh pengguna.") -> None:
        super().__init__(message)


class Progress:
    """Carries progress to ``on_progress`` (if any) and answers whether to stop."""

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress

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
        """``done`` of ``total`` units finished (total 0 means unknown); passed to the callback."""
        if self._on_progress is not None:
            self._on_progress(done, total, message)


class Job(Progress, Generic[T]):
    """A unit of long work. Subclasses implement ``run()`` and call ``report`` and ``check_cancelled``."""

    title = "Memproses"

    def execute(self, on_progress: ProgressCallback | None = None) -> T:
        """Run the job with its progress going to ``on_progress`` (the runner's callback)."""
        if on_progress is not None:
            self._on_progress = on_progress
        return self.run()

    def run(self) -> T:
        raise NotImplementedError


# Set by the program's entry point once it has called multiprocessing.freeze_support(): a
# frozen (PyInstaller) program may then start worker processes for long jobs.
FREEZE_SUPPORT_ENV = "NETRALITAS_FREEZE_SUPPORT"
