"""Several desks numbering certificates at once on one database: no duplicates, no gaps, and a
registration numbered by two desks keeps one number. Real processes on one SQLite file, and on
PostgreSQL."""

from __future__ import annotations

import multiprocessing

from netralitas_desktop.core.certificates.models import Certificate
from netralitas_desktop.core.certificates.numbering import assign_numbers
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.participants import PersonData, add_participant
from support.certificates import make_event

DESKS = 4
PEOPLE = 60
FORMAT = "800/{seq:04d}/BKPSDM/{year}"


def _desk(url: str, event_id: int, registration_ids: list[int], start, results) -> None:
    open_database(url)
    start.wait()
    numbers = {}
    for chunk in range(0, len(registration_ids), 5):  # a desk numbers a few at a time, as a GUI run does
        issued = assign_numbers(event_id, registration_ids[chunk : chunk + 5], FORMAT)
        numbers.update({rid: number.number for rid, number in issued.items()})
    results.put(numbers)
    close_database()


def _numbered_by_desks(url: str) -> None:
    open_database(url)
    event_id = make_event()
    ids = [
        add_participant(event_id, PersonData(nama=f"Peserta {i}", nip=f"198001012005011{i:03d}"))
        for i in range(1, PEOPLE + 1)
    ]
    close_database()
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(DESKS), context.Queue()
    # Each desk takes an overlapping slice: every registration is asked for by two desks.
    slices = [ids[(i * PEOPLE) // DESKS :] + ids[: (i * PEOPLE) // DESKS] for i in range(DESKS)]
    slices = [part[: PEOPLE // 2] for part in slices]
    desks = [context.Process(target=_desk, args=(url, event_id, part, start, results)) for part in slices]
    for desk in desks:
        desk.start()
    answers = [results.get(timeout=120) for _ in desks]
    for desk in desks:
        desk.join(timeout=60)
        assert desk.exitcode == 0
    open_database(url)
    rows = list(Certificate.select().where(Certificate.event == event_id))
    assert len(rows) == len({rid for part in slices for rid in part}) == PEOPLE
    assert sorted(row.seq for row in rows) == list(range(1, PEOPLE + 1))
    assert len({row.number for row in rows}) == PEOPLE
    stored = {row.registration_id: row.number for row in rows}
    for answer in answers:  # every desk was told the number that was stored
        assert all(stored[rid] == number for rid, number in answer.items())


def test_desks_on_one_sqlite_file(sqlite_url):
    _numbered_by_desks(sqlite_url)


def test_desks_on_postgresql(pg_url):
    _numbered_by_desks(pg_url)
