"""Run a core ``Job`` on a worker thread and hear about it on the GUI thread.

After picard's ``picard/util/thread.py``: the work runs in a ``QRunnable`` on a
``QThreadPool``; progress, the result, an error or a cancellation travel back as queued
signals, so every callback runs on the GUI thread and may touch widgets. Core code stays
Qt-free: the job's ``report()`` hook is replaced by one that emits a signal.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from ...core import database
from ...core.jobs import Cancelled, Job

ProgressCallback = Callable[[int, int, str], None]

# Progress from a tight loop would flood the event queue; 20 updates a second look smooth.
_PROGRESS_INTERVAL = 0.05

_running: set[JobHandle] = set()


class FunctionJob(Job):
    """A plain function call as a job, for short work that must still leave the GUI thread."""

    def __init__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._call = lambda: func(*args, **kwargs)

    def run(self) -> Any:
        return self._call()


class _Signals(QObject):
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, job: Job, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the handle keeps it; Python owns it
        self._job = job
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._job.run()
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as err:  # delivered to the GUI, which shows a calm message
            self._signals.error.emit(err)
        else:
            self._signals.result.emit(result)
        finally:
            database.close_database()  # this worker thread's own connection


class JobHandle(QObject):
    """A running job: cancel it, or ask whether it still runs. Lives on the GUI thread."""

    def __init__(
        self,
        job: Job,
        on_result: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        on_progress: ProgressCallback | None,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        super().__init__()
        self.job = job
        self._callbacks = {"result": on_result, "error": on_error, "progress": on_progress, "cancelled": on_cancelled}
        self._running = True
        self._detached = False
        self._signals = _Signals()
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progress.connect(self._on_progress, queued)
        self._signals.result.connect(self._on_result, queued)
        self._signals.error.connect(self._on_error, queued)
        self._signals.cancelled.connect(self._on_cancelled, queued)
        self._runnable = _Runnable(job, self._signals)
        self._last_progress = 0.0
        job.report = self._report  # type: ignore[method-assign]  # the Job's hook, now a signal

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        self.job.cancel()

    def detach(self) -> None:
        """Forget the callbacks (their widget is gone) and ask the job to stop."""
        self._callbacks = dict.fromkeys(self._callbacks)
        self._detached = True
        self.job.cancel()

    def _report(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < _PROGRESS_INTERVAL:
            return
        self._last_progress = now
        self._signals.progress.emit(done, total, message)

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self._running and self._callbacks["progress"]:
            self._callbacks["progress"](done, total, message)

    @Slot(object)
    def _on_result(self, result: Any) -> None:
        self._finish("result", result)

    @Slot(object)
    def _on_error(self, err: Exception) -> None:
        self._finish("error", err)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish("cancelled")

    def _finish(self, kind: str, *args: Any) -> None:
        self._running = False
        _running.discard(self)
        callback = self._callbacks[kind]
        if callback:
            callback(*args)
        elif kind == "error" and not self._detached:
            raise args[0]  # nobody listens for errors: let the application's hook report it


def run_job(
    job: Job,
    *,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    on_progress: ProgressCallback | None = None,
    on_cancelled: Callable[[], None] | None = None,
    owner: QObject | None = None,
    pool: QThreadPool | None = None,
) -> JobHandle:
    """Start ``job`` off the GUI thread; callbacks run on the GUI thread.

    With an ``owner`` widget, its destruction cancels the job and silences the callbacks,
    so a closed dialog is never called back.
    """
    handle = JobHandle(job, on_result, on_error, on_progress, on_cancelled)
    _running.add(handle)
    if owner is not None:
        owner.destroyed.connect(handle.detach)
    (pool or QThreadPool.globalInstance()).start(handle._runnable)
    return handle


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Block until the pool is idle (at exit), so no worker writes after the database closes."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
