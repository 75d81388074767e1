"""Run a core ``Job`` on a worker thread and hear about it on the GUI thread.

After picard's ``picard/util/thread.py``: the work runs in a ``QRunnable`` on the global
``QThreadPool``; progress, the result, an error or a cancellation travel back as queued
signals, so every callback runs on the GUI thread and may touch widgets. Core code stays
Qt-free: the job's progress callback (``Job.execute``) emits a signal. PDFium's one-thread
rule is kept by ``core.pdfium``, so any job may run on any worker.

Three layers, from the one every feature uses:

- ``JobRunner``: a widget's button-started work, one run at a time: a ``JobPanel`` (status,
  progress bar, Batal), controls disabled while it runs, the outcome shown (a failure in
  words, see ``errors.error_message``), and a finished file opened (``files.open_file``).
- ``live.LiveRefresh`` (its own module): data a view loads and keeps current.
- ``run_job``: the bare mechanism under both.

``busy_within(widget)`` tells whether any job started for ``widget`` (or a child of it)
still runs; ``BackgroundWork`` gives a widget that as its ``busy`` property.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from ...core import database
from ...core.jobs import Cancelled, Job, ProgressCallback
from .errors import error_message, show_error
from .files import open_file
from .widgets import JobPanel

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
    def __init__(self, job: Job, signals: _Signals, on_progress: ProgressCallback) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the handle keeps it; Python owns it
        self._job = job
        self._signals = signals
        self._on_progress = on_progress

    def run(self) -> None:
        try:
            result = self._job.execute(on_progress=self._on_progress)
        except Cancelled:
            self._signals.cancelled.emit()
        except Exception as err:  # delivered to the GUI thread, which puts it into words
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
        owner: QObject | None = None,
    ) -> None:
        super().__init__()
        self.job = job
        self.owner = owner
        self._callbacks = {"result": on_result, "error": on_error, "progress": on_progress, "cancelled": on_cancelled}
        self._running = True
        self._detached = False
        self._signals = _Signals()
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progress.connect(self._on_progress, queued)
        self._signals.result.connect(self._on_result, queued)
        self._signals.error.connect(self._on_error, queued)
        self._signals.cancelled.connect(self._on_cancelled, queued)
        self._runnable = _Runnable(job, self._signals, self._report)
        self._last_progress = 0.0

    @property
    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        self.job.cancel()

    def detach(self) -> None:
        """Forget the callbacks (their widget is gone) and ask the job to stop."""
        self._callbacks = dict.fromkeys(self._callbacks)
        self._detached = True
        self.owner = None
        self.job.cancel()

    def _report(self, done: int, total: int, message: str = "") -> None:  # on the worker thread
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
) -> JobHandle:
    """Start ``job`` off the GUI thread; callbacks run on the GUI thread.

    With an ``owner`` widget, its destruction cancels the job and silences the callbacks,
    so a closed dialog is never called back; ``busy_within`` counts the job for the owner.
    """
    handle = JobHandle(job, on_result, on_error, on_progress, on_cancelled, owner)
    _running.add(handle)
    if owner is not None:
        owner.destroyed.connect(handle.detach)
    QThreadPool.globalInstance().start(handle._runnable)
    return handle


def busy_within(widget: QObject) -> bool:
    """Whether a job started with ``widget`` or one of its descendants as owner still runs."""
    for handle in list(_running):
        owner = handle.owner
        while owner is not None:
            if owner is widget:
                return True
            owner = owner.parent()
    return False


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Block until the pool is idle (at exit), so no worker writes after the database closes."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class BackgroundWork:
    """Mixin for a widget (after the Qt base): ``busy`` while any job started for it or a child runs.

    Tests wait on it before closing the database; the event page asks its tabs through it.
    """

    @property
    def busy(self) -> bool:
        return busy_within(self)  # type: ignore[arg-type]  # mixed into QObject subclasses only


class JobRunner(QObject):
    """A widget's button-started background work, one run at a time.

    Give it what the work shows on: a ``JobPanel`` (its Batal button is wired), ``controls``
    disabled while it runs, an ``open_button`` for a finished file. ``start(job, message,
    done=…)`` then does the rest: ``done(result)`` returns the status line (or None), a job
    whose result has a ``path`` (a written file or folder) shows the open button and, when
    ``open_when_done`` says so, opens it (``files.open_file``); a failure goes through
    ``errors.error_message`` to the panel's error line (or ``failed(message)``, or a message
    box without a panel); a cancellation shows ``cancelled``. ``busy_changed`` follows every
    start and end, for widgets whose buttons depend on more than being busy. A ``done`` that
    shows the outcome itself (say, an error line) returns None and the panel is left to it.

        self.runner = JobRunner(self, self.job_panel, controls=[self.make_button], open_button=self.open_button)
        self.runner.start(SomeJob(...), self.tr("Membuat…"), done=lambda r: self.tr("Selesai: {0}").format(r.path),
                          open_when_done=self.open_after.isChecked)
    """

    busy_changed = Signal(bool)

    def __init__(
        self,
        owner: QWidget,
        panel: JobPanel | None = None,
        *,
        controls: Iterable[QWidget] = (),
        open_button: QPushButton | None = None,
        title: str = "",
    ) -> None:
        super().__init__(owner)
        self._owner = owner
        self.panel = panel
        self.controls = list(controls)
        self.open_button = open_button
        self.title = title  # of the message box that tells a failure when there is no panel
        self.handle: JobHandle | None = None
        self.last_file: str | None = None
        if panel is not None:
            panel.cancel_button.clicked.connect(self.cancel)
        if open_button is not None:
            open_button.clicked.connect(self.open_last)
            open_button.hide()

    @property
    def busy(self) -> bool:
        return self.handle is not None and self.handle.running

    def start(
        self,
        job: Job,
        message: str = "",
        *,
        done: Callable[[Any], str | None] | None = None,
        failed: Callable[[str], None] | None = None,
        cancelled: str | Callable[[], None] = "",
        cancellable: bool = True,
        open_when_done: bool | Callable[[], bool] = False,
        replace: bool = False,
    ) -> JobHandle | None:
        """Run ``job``; None when one already runs (unless ``replace`` drops that one)."""
        if self.busy:
            if not replace:
                return None
            self.drop()
        for control in self.controls:
            control.setEnabled(False)
        if self.open_button is not None:
            self.open_button.hide()
        if self.panel is not None:
            self.panel.start(message)
            self.panel.cancel_button.setVisible(cancellable)
        self.handle = run_job(
            job,
            on_result=lambda result: self._done(result, done, open_when_done),
            on_error=lambda err: self._failed(err, failed),
            on_progress=self.panel.report if self.panel is not None else None,
            on_cancelled=lambda: self._cancelled(cancelled),
            owner=self,
        )
        self.busy_changed.emit(True)
        return self.handle

    def cancel(self) -> None:
        if self.busy:
            assert self.handle is not None
            self.handle.cancel()
            if self.panel is not None:
                self.panel.cancel_button.setEnabled(False)

    def drop(self) -> None:
        """Forget the run in flight (its page or dialog is going away): no callback, the job asked to stop."""
        if self.busy:
            assert self.handle is not None
            self.handle.detach()
            self.handle = None
            self._idle()
            self.busy_changed.emit(False)

    def open_last(self) -> bool:
        """Open the last finished file or folder again (the open button)."""
        return self.last_file is not None and open_file(self.last_file)

    def _done(self, result: Any, done: Callable[[Any], str | None] | None, open_when_done) -> None:
        self._idle()
        path = getattr(result, "path", None)
        if path is not None:
            self.last_file = str(path)
        message = done(result) if done is not None else ""
        if self.panel is not None and message is not None:  # None: ``done`` has shown the outcome itself
            self.panel.stop(message)
        if path is not None and self.open_button is not None:
            self.open_button.show()
        if path is not None and (open_when_done() if callable(open_when_done) else open_when_done):
            open_file(path)
        self.busy_changed.emit(False)

    def _failed(self, err: Exception, failed: Callable[[str], None] | None) -> None:
        self._idle()
        message = error_message(err)
        if failed is not None:
            failed(message)
        elif self.panel is not None:
            self.panel.stop(error=message)
        else:
            show_error(self._owner.window(), self.title, message)
        self.busy_changed.emit(False)

    def _cancelled(self, cancelled: str | Callable[[], None]) -> None:
        self._idle()
        if callable(cancelled):
            cancelled()
        elif self.panel is not None:
            self.panel.stop(cancelled or self.tr("Dibatalkan."))
        self.busy_changed.emit(False)

    def _idle(self) -> None:
        for control in self.controls:
            control.setEnabled(True)


__all__ = ["BackgroundWork", "FunctionJob", "JobHandle", "JobRunner", "busy_within", "run_job", "wait_all"]
