"""The window's one job runner (gui/common/jobs.py): panel, busy state, outcomes, the finished file, errors."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from netralitas_desktop.core.documents import DocumentError
from netralitas_desktop.core.jobs import Job
from netralitas_desktop.gui.common.jobs import BackgroundWork, FunctionJob, JobRunner, busy_within, wait_all
from netralitas_desktop.gui.common.widgets import JobPanel


@dataclass
class Written:
    path: str
    count: int


class WriteJob(Job[Written]):
    """Reports three steps, then 'writes' ``path``; waits at ``hold`` (when given) so a test can cancel it."""

    def __init__(self, path: Path, hold: threading.Event | None = None, fail: Exception | None = None) -> None:
        super().__init__()
        self.path, self.hold, self.fail = path, hold, fail

    def run(self) -> Written:
        for step in range(1, 4):
            if self.hold is not None:
                self.hold.wait(10)
            self.check_cancelled()
            self.report(step, 3, f"Langkah {step} dari 3")
        if self.fail is not None:
            raise self.fail
        self.path.write_text("isi")
        return Written(str(self.path), 3)


class Box(QWidget, BackgroundWork):
    def __init__(self) -> None:
        super().__init__()
        self.make_button = QPushButton("Buat")
        self.open_button = QPushButton("Buka")
        self.panel = JobPanel()
        self.panel.stop()
        layout = QVBoxLayout(self)
        for widget in (self.make_button, self.open_button, self.panel):
            layout.addWidget(widget)
        self.runner = JobRunner(self, self.panel, controls=[self.make_button], open_button=self.open_button)


@pytest.fixture
def box(qtbot):
    widget = Box()
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    wait_all()


def test_a_run_shows_progress_then_its_line_and_opens_the_file(qtbot, box, tmp_path, opened_files):
    hold = threading.Event()
    target = tmp_path / "hasil.pdf"
    handle = box.runner.start(
        WriteJob(target, hold), "Membuat…", done=lambda r: f"{r.count} halaman di {r.path}", open_when_done=True
    )
    assert handle is not None and box.busy and busy_within(box)
    assert not box.make_button.isEnabled() and box.panel.cancel_button.isVisibleTo(box)
    assert box.panel.status.text() == "Membuat…"
    assert box.runner.start(WriteJob(target), "lagi") is None  # one run at a time
    hold.set()
    qtbot.waitUntil(lambda: not box.busy)
    assert box.panel.status.text() == f"3 halaman di {target}" and box.panel.error.isHidden()
    assert box.make_button.isEnabled() and box.open_button.isVisibleTo(box) and not box.panel.progress.isVisibleTo(box)
    assert opened_files == [str(target)]
    box.open_button.click()  # the one way to open it again
    assert opened_files == [str(target), str(target)]


def test_batal_stops_the_run_and_says_so(qtbot, box, tmp_path):
    hold = threading.Event()
    box.runner.start(WriteJob(tmp_path / "x.pdf", hold), "Membuat…", cancelled="Dibatalkan; tidak ada berkas.")
    box.panel.cancel_button.click()
    assert not box.panel.cancel_button.isEnabled()
    hold.set()
    qtbot.waitUntil(lambda: not box.busy)
    assert box.panel.status.text() == "Dibatalkan; tidak ada berkas."
    assert not (tmp_path / "x.pdf").exists() and box.make_button.isEnabled() and box.open_button.isHidden()


def test_a_user_error_is_shown_as_it_is(qtbot, box, tmp_path):
    box.runner.start(WriteJob(tmp_path / "x.pdf", fail=DocumentError("Berkas x.pdf sedang dibuka di aplikasi lain.")))
    qtbot.waitUntil(lambda: not box.busy)
    assert box.panel.error.text() == "Berkas x.pdf sedang dibuka di aplikasi lain."
    assert box.make_button.isEnabled()


def test_a_defect_is_logged_with_its_traceback_and_shown_as_unexpected(qtbot, box, tmp_path, caplog):
    box.runner.start(WriteJob(tmp_path / "x.pdf", fail=ZeroDivisionError("pembagian nol")))
    qtbot.waitUntil(lambda: not box.busy)
    assert "tidak terduga" in box.panel.error.text() and "pembagian nol" in box.panel.error.text()
    record = next(r for r in caplog.records if r.exc_info)
    assert record.exc_info[0] is ZeroDivisionError and record.exc_info[2] is not None


def test_a_failed_callback_gets_the_words_and_replace_drops_the_older_run(qtbot, box):
    hold = threading.Event()
    messages: list[str] = []
    first: list = []
    older = box.runner.start(FunctionJob(lambda: hold.wait(10) or "lama"), done=first.append)
    box.runner.start(
        FunctionJob(lambda: 1 / 0), done=first.append, failed=messages.append, replace=True
    )  # a newer scan, say: the older check is dropped
    hold.set()
    # The older run has finished too (its result reached the GUI thread): it must have been dropped.
    qtbot.waitUntil(lambda: not box.busy and bool(messages) and not older.running)
    assert first == [] and "division by zero" in messages[0]
