"""Exactly once across processes: several desks scan overlapping codes at the same moment."""

from __future__ import annotations

import multiprocessing
import random
import traceback
from collections import Counter

from netralitas_desktop.core import checkin, database, qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.models import Attendance, Registration

DESKS = 4
EXTRA_PEOPLE = 30


def _desk(url: str, event_id: int, codes: list[str], desk: int, start, results) -> None:
    """One desk process: open the database, wait for the others, scan every code."""
    try:
        database.open_database(url)
        actor = Actor(f"Meja {desk}", f"Petugas {desk}")
        order = codes[:]
        random.Random(desk).shuffle(order)
        start.wait(timeout=60)
        outcome = [(checkin.check_in(event_id, code, actor=actor).status, code) for code in order]
        results.put((desk, outcome, None))
    except BaseException:  # report to the parent instead of dying silently
        results.put((desk, [], traceback.format_exc()))
    finally:
        database.close_database()


def test_parallel_desks_check_each_registration_in_exactly_once(any_db):
    # Imported here so the desk processes, which import this module, skip pytest and the fixtures.
    from netralitas_desktop.core.participants import PersonData, add_participant
    from support.checkin import make_roster, pns_nip

    roster = make_roster()
    for index in range(EXTRA_PEOPLE):
        add_participant(
            roster.event_id,
            PersonData(nama=f"Peserta {index}", nip=pns_nip(100 + index)),
            actor=Actor("Meja 0", "Admin"),
        )
    registrations = {rid: pid for rid, pid in Registration.select(Registration.id, Registration.person).tuples()}
    # Every desk scans every invitation; half the people are also typed in by NIP at some desks.
    codes = [qr_payload.payload_for(rid) for rid in registrations]
    codes += [pns_nip(100 + index) for index in range(0, EXTRA_PEOPLE, 2)]
    database.close_database()  # the parent holds no connection while the desks write

    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(DESKS), context.Queue()
    desks = [
        context.Process(target=_desk, args=(any_db.url, roster.event_id, codes, n, start, results))
        for n in range(1, DESKS + 1)
    ]
    for process in desks:
        process.start()
    outcomes = [results.get(timeout=240) for _ in desks]
    for process in desks:
        process.join(timeout=60)
    errors = [error for _, _, error in outcomes if error]
    assert not errors, errors[0]

    database.open_database(any_db.url)
    statuses = Counter(status for _, outcome, _ in outcomes for status, _ in outcome)
    assert statuses[checkin.CheckinStatus.REJECTED] == 0
    assert statuses[checkin.CheckinStatus.CHECKED_IN] == len(registrations)
    assert statuses[checkin.CheckinStatus.ALREADY] == DESKS * len(codes) - len(registrations)
    per_registration = Counter(rid for (rid,) in Attendance.select(Attendance.registration).tuples())
    assert set(per_registration) == set(registrations)
    assert set(per_registration.values()) == {1}
    # The desk recorded on each attendance is the one whose call answered checked_in.
    winners = Counter(
        (desk, code)
        for desk, outcome, _ in outcomes
        for status, code in outcome
        if status == checkin.CheckinStatus.CHECKED_IN
    )
    assert sum(winners.values()) == len(registrations)
    desks_recorded = Counter(desk for (desk,) in Attendance.select(Attendance.desk).tuples())
    assert desks_recorded == Counter(f"Meja {desk}" for desk, _ in winners.elements())
