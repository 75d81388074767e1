"""Every acknowledged check-in survives ``kill -9``: a desk process is killed in the middle of a burst.

The desk (this file run as a script) prints each code right after ``check_in`` returned,
i.e. after the commit. The test reads those lines, kills the process with SIGKILL while
it is still scanning, reopens the database and looks for every acknowledged check-in.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PARTICIPANTS = 1000
KILL_AFTER = 100  # acknowledgements read before the kill; the desk is still scanning then


def desk_main(url: str, event_id: int) -> None:
    """The desk process: scan every invitation of the event, acknowledging each on stdout."""
    from netralitas_desktop.core import checkin, database, qr_payload
    from netralitas_desktop.core.audit import Actor
    from netralitas_desktop.core.models import Registration

    database.open_database(url)
    actor = Actor("Meja 1", "Ani")
    ids = [
        rid
        for (rid,) in Registration.select(Registration.id)
        .where(Registration.event == event_id)
        .order_by(Registration.id)
        .tuples()
    ]
    print("SIAP", flush=True)
    for registration_id in ids:
        result = checkin.check_in(event_id, qr_payload.payload_for(registration_id), actor=actor)
        if result.status == checkin.CheckinStatus.CHECKED_IN:
            print(registration_id, flush=True)  # acknowledged: the transaction has committed


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_url(request):
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


def test_acknowledged_check_ins_survive_kill_9(desk_url):
    from netralitas_desktop.core import backups, database
    from netralitas_desktop.core.demo import create_demo_event
    from netralitas_desktop.core.models import Attendance

    location = database.open_database(desk_url)
    event_id = create_demo_event(participants=PARTICIPANTS)
    database.close_database()

    desk = subprocess.Popen(
        [sys.executable, __file__, desk_url, str(event_id)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acknowledged: list[int] = []
    try:
        assert desk.stdout.readline().strip() == "SIAP", desk.stderr.read()
        while len(acknowledged) < KILL_AFTER:
            line = desk.stdout.readline()
            assert line, f"the desk stopped early: {desk.stderr.read()}"
            acknowledged.append(int(line))
        os.kill(desk.pid, signal.SIGKILL)
        # Lines already in the pipe were acknowledged before the kill too.
        acknowledged += [int(line) for line in desk.stdout.read().split()]
    finally:
        if desk.poll() is None:
            desk.kill()
        desk.wait(timeout=30)
        desk.stdout.close()
        desk.stderr.close()
    assert desk.returncode == -signal.SIGKILL
    assert len(acknowledged) < PARTICIPANTS, "the burst finished before the kill: nothing was interrupted"

    if location.is_sqlite:
        assert Path(f"{location.sqlite_path}-wal").exists()  # killed, not closed: recovery from the WAL
        assert backups.quick_check(location.sqlite_path) == []
    database.open_database(desk_url)
    stored = {rid for (rid,) in Attendance.select(Attendance.registration).tuples()}
    missing = set(acknowledged) - stored
    assert not missing, f"{len(missing)} acknowledged check-ins lost"
    # At most the one in flight was committed without being printed.
    assert len(stored) - len(acknowledged) in (0, 1)
    database.close_database()


def test_sqlite_commits_are_fsynced(db):
    """synchronous=FULL in WAL mode: see core/database.py for why not NORMAL."""
    from netralitas_desktop.core.models import db as bound

    assert bound.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert bound.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    desk_main(sys.argv[1], int(sys.argv[2]))
