"""Counters and recent check-ins from other desks reach every desk without anyone asking.

Two real ``DeskTab`` widgets on one SQLite file (the other desk's check-in commits on
another connection than the one the polling job reads through), and a desk on the
PostgreSQL server that sees a check-in made by a separate process with the CLI. How soon
("within 2 seconds") is measured by bench/bench_desk_live.py; these waits are generous so a
busy machine fails nothing, and the desk's poll interval is checked against the promise.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from netralitas_desktop.core import database, qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.models import Registration
from netralitas_desktop.gui.desk.counters import POLL_MS
from netralitas_desktop.gui.desk.recent_model import COL_DESK, COL_NAME
from netralitas_desktop.gui.desk.tab import DeskTab

ROOT = Path(__file__).resolve().parent.parent
LIVE_MS = 2000  # the issue's promise: other desks' check-ins show within 2 seconds (timed in bench/)
WAIT_MS = 30_000  # how long a test waits for them: a generous bound, not the promise

pytestmark = pytest.mark.usefixtures("no_sounds")


def open_desk(qtbot, event_id: int, actor: Actor) -> DeskTab:
    desk = DeskTab(event_id, lambda: actor)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitUntil(lambda: desk.counters_view.counters is not None)
    return desk


def close_desks(qtbot, *desks: DeskTab) -> None:
    for desk in desks:
        desk.shutdown()
    qtbot.waitUntil(lambda: not any(desk.busy for desk in desks))


def recent_names(desk: DeskTab) -> list[tuple[str, str]]:
    """(name, "desk · operator") of the desk's recent list, as its model shows them."""
    model = desk.session.recent
    return [
        (model.data(model.index(row, COL_NAME)), model.data(model.index(row, COL_DESK)))
        for row in range(model.rowCount())
    ]


def test_two_desks_on_one_file_see_each_others_check_ins(qtbot, db):
    assert POLL_MS < LIVE_MS  # a poll each interval, so the promise can hold
    event_id = create_demo_event(participants=50)
    first, second = (
        open_desk(qtbot, event_id, Actor("Meja 1", "Ani")),
        open_desk(qtbot, event_id, Actor("Meja 2", "Budi")),
    )
    try:
        ids = [rid for (rid,) in Registration.select(Registration.id).order_by(Registration.id).tuples()]
        for desk, other, registration_id in ((first, second, ids[0]), (second, first, ids[1]), (first, second, ids[2])):
            before = other.counters_view.counters.present
            result = desk.submit_code(qr_payload.payload_for(registration_id))
            assert result.status == "checked_in"
            qtbot.waitUntil(
                lambda other=other, before=before: other.counters_view.counters.present == before + 1, timeout=WAIT_MS
            )
            shown = (result.person.full_name, f"{desk._actor().desk} · {desk._actor().operator}")
            qtbot.waitUntil(lambda other=other, shown=shown: recent_names(other)[:1] == [shown], timeout=WAIT_MS)
        assert first.counters_view.counters.present == second.counters_view.counters.present == 3
        # The same person at the other desk is amber, naming the first desk.
        again = second.submit_code(qr_payload.payload_for(ids[0]))
        assert again.status == "already" and again.desk == "Meja 1"
    finally:
        close_desks(qtbot, first, second)


def test_a_desk_on_postgresql_sees_another_process_check_in(qtbot, pg_url):
    database.open_database(pg_url)
    event_id = create_demo_event(participants=30)
    ids = [rid for (rid,) in Registration.select(Registration.id).order_by(Registration.id).tuples()]
    desk = open_desk(qtbot, event_id, Actor("Meja 1", "Ani"))
    try:
        for registration_id in ids[:3]:
            before = desk.counters_view.counters.present
            other = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "netralitas_desktop",
                    "--db",
                    pg_url,
                    "checkin",
                    qr_payload.payload_for(registration_id),
                    "--event",
                    str(event_id),
                    "--desk",
                    "Meja 2",
                    "--operator",
                    "Budi",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert other.returncode == 0, other.stderr
            qtbot.waitUntil(lambda before=before: desk.counters_view.counters.present == before + 1, timeout=WAIT_MS)
            assert recent_names(desk)[0][1] == "Meja 2 · Budi"
    finally:
        close_desks(qtbot, desk)
        database.close_database()
