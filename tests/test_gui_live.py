"""The window's one live-refresh helper (gui/common/live.py), with a real SQLite file and real Qt timers."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QLabel

from netralitas_desktop.core import audit
from netralitas_desktop.core.errors import UserError
from netralitas_desktop.gui.common.jobs import wait_all
from netralitas_desktop.gui.common.live import LiveRefresh


class Loader:
    """Counts its calls; ``gate`` (when set) holds a load until the test opens it."""

    def __init__(self) -> None:
        self.calls = 0
        self.gate: threading.Event | None = None
        self.fail_with: Exception | None = None

    def __call__(self, *inputs):
        self.calls += 1
        if self.gate is not None:
            self.gate.wait(10)
        if self.fail_with is not None:
            raise self.fail_with
        return (self.calls, inputs)


@pytest.fixture
def view(qtbot, db):
    label = QLabel()
    qtbot.addWidget(label)
    yield label
    wait_all()


def test_refreshes_asked_while_one_runs_become_one_more_load(qtbot, view):
    loader = Loader()
    loader.gate = threading.Event()
    live = LiveRefresh(view, loader)
    seen: list = []
    live.loaded.connect(seen.append)
    for _ in range(5):
        live.refresh()
    assert live.busy
    loader.gate.set()
    # Idle with two results: a third load could only have been asked for while one ran, and would be running now.
    qtbot.waitUntil(lambda: not live.busy and len(seen) == 2)
    assert loader.calls == 2 and [calls for calls, _inputs in seen] == [1, 2]


def test_polls_load_only_when_the_change_stamp_moves(qtbot, view):
    loader = Loader()
    live = LiveRefresh(view, loader, interval_ms=50, full_reload_s=3600)
    view.show()  # showing loads at once and starts polling
    qtbot.waitUntil(lambda: loader.calls == 1 and not live.busy)
    assert live.polling
    polls: list[None] = []
    live.timer.timeout.connect(lambda: polls.append(None))
    qtbot.waitUntil(lambda: len(polls) >= 5 and not live.busy, timeout=5_000)  # five polls, nothing changed
    assert loader.calls == 1
    audit.record("uji", actor=audit.Actor("Meja 2", "Budi"))  # any desk writes: the stamp moves
    qtbot.waitUntil(lambda: loader.calls == 2, timeout=5_000)


def test_a_write_the_view_shows_itself_needs_no_load_unless_another_came_with_it(qtbot, view, db):
    from netralitas_desktop.core.checkin import STAMP_MOVE, check_in_registration
    from netralitas_desktop.core.database import change_stamp
    from netralitas_desktop.core.events import EventData, create_event
    from netralitas_desktop.core.participants import PersonData, add_participant

    desk, other = audit.Actor("Meja 1", "Ani"), audit.Actor("Meja 2", "Budi")
    event_id = create_event(EventData(title="Uji", date=dt.date(2024, 7, 1)))
    first, second, third, fourth = (
        add_participant(event_id, PersonData(nama=name, nik=f"330612450790000{n}"), actor=desk)
        for n, name in enumerate(("Ani", "Budi", "Citra", "Dewi"), start=1)
    )
    loader = Loader()
    live = LiveRefresh(view, loader, interval_ms=3_600_000, full_reload_s=3600)  # polled by hand below
    view.show()
    qtbot.waitUntil(lambda: loader.calls == 1 and not live.busy)

    before = change_stamp()
    check_in_registration(first, actor=desk)
    assert tuple(a - b for a, b in zip(change_stamp(), before, strict=True)) == STAMP_MOVE  # core's promise
    assert live.note_own_change(change_stamp(), STAMP_MOVE)
    live.poll()
    qtbot.waitUntil(lambda: not live.busy)
    assert loader.calls == 1  # only this desk's own check-in: nothing to load

    check_in_registration(second, actor=other)  # another desk, just before this desk's next one
    check_in_registration(third, actor=desk)
    assert not live.note_own_change(change_stamp(), STAMP_MOVE)
    live.poll()
    qtbot.waitUntil(lambda: loader.calls == 2 and not live.busy)  # the other desk's check-in is loaded

    loader.gate = threading.Event()
    live.refresh()  # a load in flight when this desk writes: noted when it ends
    assert live.busy
    check_in_registration(fourth, actor=desk)
    assert not live.note_own_change(change_stamp(), STAMP_MOVE)
    loader.gate.set()
    qtbot.waitUntil(lambda: loader.calls == 3 and not live.busy)
    live.poll()
    qtbot.waitUntil(lambda: not live.busy)
    assert loader.calls == 3


def test_a_full_reload_now_and_then_catches_changes_that_move_no_stamp(qtbot, view):
    loader = Loader()
    live = LiveRefresh(view, loader, interval_ms=50, full_reload_s=0.3)
    view.show()
    qtbot.waitUntil(lambda: loader.calls >= 3, timeout=5_000)
    assert live.polling


def test_polling_pauses_while_hidden_unless_another_window_shows_the_data(qtbot, view):
    loader = Loader()
    kiosk_open = False
    live = LiveRefresh(view, loader, interval_ms=50, keep_polling=lambda: kiosk_open)
    view.show()
    qtbot.waitUntil(lambda: live.polling and loader.calls == 1)
    view.hide()
    assert not live.polling
    kiosk_open = True
    live.start()  # the kiosk opened over the hidden view
    view.show()
    view.hide()
    assert live.polling
    kiosk_open = False
    qtbot.waitUntil(lambda: not live.polling, timeout=2_000)  # the next poll sees nobody watching


def test_a_failed_load_is_told_and_polling_goes_on(qtbot, view):
    loader = Loader()
    loader.fail_with = UserError("Basis data sedang dipindahkan.")
    live = LiveRefresh(view, loader, interval_ms=50, full_reload_s=3600)
    messages: list[str] = []
    live.failed.connect(messages.append)
    seen: list = []
    live.loaded.connect(seen.append)
    view.show()
    qtbot.waitUntil(lambda: messages == ["Basis data sedang dipindahkan."])
    assert live.polling
    loader.fail_with = None
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5_000)  # the next poll loads fully, no stamp needed


def test_a_defect_in_the_loader_is_shown_as_unexpected_and_logged(qtbot, view, caplog):
    loader = Loader()
    loader.fail_with = KeyError("kolom")
    live = LiveRefresh(view, loader)
    messages: list[str] = []
    live.failed.connect(messages.append)
    live.refresh()
    qtbot.waitUntil(lambda: bool(messages))
    assert "tidak terduga" in messages[0] and "kolom" in messages[0]
    assert any(record.exc_info and record.exc_info[0] is KeyError for record in caplog.records)


def test_a_result_for_inputs_changed_meanwhile_is_dropped(qtbot, view):
    loader = Loader()
    loader.gate = threading.Event()
    query = ["budi"]
    live = LiveRefresh(view, loader, inputs=lambda: (query[0],))
    seen: list = []
    live.loaded.connect(seen.append)
    live.refresh()
    query[0] = "budi santoso"
    live.refresh()
    loader.gate.set()
    qtbot.waitUntil(lambda: not live.busy and bool(seen))  # idle: the load with the new inputs has reported
    assert [inputs for _calls, inputs in seen] == [("budi santoso",)]
