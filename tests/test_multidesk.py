"""Two desks scan the same person at the same instant: one "checked in", one "already".

tests/test_checkin_concurrency.py lets four desks race through shuffled codes; here two
desk processes meet at a barrier before *every* scan, so each code is contended at the
same moment, on one SQLite file and on the PostgreSQL server. Walk-ins of the same new
person at two desks at once are contended the same way.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections import Counter

import pytest

from netralitas_desktop.core import checkin, database, qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.models import Attendance, Person, Registration

CODES = 40
WALK_INS = 10


def _walk_in_nip(index: int) -> str:
    return f"19900101201501{index % 2 + 1}{index + 1:03d}"


def _desk(url: str, event_id: int, codes: list[str], desk: int, barrier, results) -> None:
    """One desk process: for each code, wait for the other desk, then scan it (or walk it in)."""
    from netralitas_desktop.core.participants import PersonData

    try:
        database.open_database(url)
        actor = Actor(f"Meja {desk}", f"Petugas {desk}")
        outcome = []
        for code in codes:
            barrier.wait(timeout=60)
            if code.startswith("walk-in:"):
                nip = code.split(":", 1)[1]
                result = checkin.walk_in(event_id, PersonData(nama=f"Tamu {nip[-3:]}", nip=nip), actor=actor)
            else:
                result = checkin.check_in(event_id, code, actor=actor)
            outcome.append((code, result.status, result.desk))
        results.put((desk, outcome, None))
    except BaseException:
        results.put((desk, [], traceback.format_exc()))
    finally:
        database.close_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_db(request):
    """A migrated database on each backend; the test's own connection is closed before the desks start."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
    database.open_database(url)
    yield url
    database.close_database()


def test_simultaneous_scans_of_one_person_give_one_check_in_and_one_already(shared_db):
    from netralitas_desktop.core.demo import create_demo_event

    event_id = create_demo_event(participants=CODES)
    registrations = [rid for (rid,) in Registration.select(Registration.id).tuples()]
    codes = [qr_payload.payload_for(rid) for rid in registrations]
    codes += [f"walk-in:{_walk_in_nip(index)}" for index in range(WALK_INS)]
    people_before = Person.select().count()
    database.close_database()

    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    desks = [context.Process(target=_desk, args=(shared_db, event_id, codes, n, barrier, results)) for n in (1, 2)]
    for process in desks:
        process.start()
    outcomes = dict((desk, (outcome, error)) for desk, outcome, error in (results.get(timeout=240) for _ in desks))
    for process in desks:
        process.join(timeout=60)
    errors = [error for _, error in outcomes.values() if error]
    assert not errors, errors[0]

    for index, code in enumerate(codes):
        answers = sorted(outcomes[desk][0][index][1] for desk in (1, 2))
        assert answers == [checkin.CheckinStatus.ALREADY, checkin.CheckinStatus.CHECKED_IN], (code, answers)
        # Both desks name the same first desk: the winner's.
        first_desks = {outcomes[desk][0][index][2] for desk in (1, 2)}
        assert len(first_desks) == 1

    database.open_database(shared_db)
    per_registration = Counter(rid for (rid,) in Attendance.select(Attendance.registration).tuples())
    assert len(per_registration) == CODES + WALK_INS
    assert set(per_registration.values()) == {1}
    assert Person.select().count() == people_before + WALK_INS  # each walk-in created once
    assert Registration.select().count() == CODES + WALK_INS
