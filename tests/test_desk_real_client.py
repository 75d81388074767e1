"""The desk as the venue laptop runs it: the real program under Xvfb, a USB scanner played by xdotool.

``netralitas desk --event ID`` opens the window at the desk of an event that asks for signatures;
xdotool types real invitation payloads, NIPs and NIKs through the X server at scanner speed
(8 ms a key, then Return) while the focus is in the scan field, the manual-search box, the
walk-in form and the Peserta tab's filter, in bursts of ten scans 300 ms apart, and once twice in
a row (a double-triggering scanner). After each step the database is counted: every scan
recorded exactly once, nobody invented, and a NIP typed by hand into the Peserta filter left
alone. The program runs in its own process, so the test waits on what it can observe: rows in
the database and which window has the X input focus.
"""

from __future__ import annotations

import os
import time

import pytest

from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.events import get_event, update_event
from netralitas_desktop.core.models import Attendance, AuditLog, Person, Registration, Signature
from netralitas_desktop.core.qr_payload import payload_for
from support.xclient import Program, XClient, missing_tools, virtual_display, wait_for

if missing_tools():
    if os.environ.get("CI"):
        pytest.fail(f"{', '.join(missing_tools())} missing (bash scripts/test.sh installs them)", pytrace=False)
    pytest.skip(f"needs {', '.join(missing_tools())} (bash scripts/test.sh installs them)", allow_module_level=True)

BURST_PAUSE_S = 0.3


@pytest.fixture(scope="module")
def display():
    with virtual_display(1366, 768) as name:
        yield name


@pytest.fixture
def venue(db):
    """A 60-person event asking for signatures; the people the test scans, by registration id."""
    event_id = create_demo_event(participants=60)
    data = get_event(event_id)
    data.signature_required = True
    update_event(data)
    rows = (
        Registration.select(Registration.id, Person.nip, Person.nik)
        .join(Person)
        .where(Registration.event == event_id)
        .order_by(Registration.id)
        .tuples()
    )
    return event_id, data.title, [(rid, nip, nik) for rid, nip, nik in rows]


def checked_in() -> list[int]:
    return [rid for (rid,) in Attendance.select(Attendance.registration).tuples()]


def audited_checkins() -> int:
    return AuditLog.select().where(AuditLog.action == "checkin").count()


def test_every_scan_is_recorded_exactly_once_wherever_the_focus_is(db, venue, display, tmp_path):
    event_id, title, people = venue
    persons, registrations = Person.select().count(), Registration.select().count()
    program = Program(
        display, tmp_path, ["--db", db.url, "desk", "--event", str(event_id)], settings="[desk]\nsounds=false\n"
    )
    x = XClient(display)
    scanned: list[int] = []

    def scan(registration_id: int, code: str | None = None) -> None:
        x.scan(code or payload_for(registration_id))
        scanned.append(registration_id)

    def all_recorded() -> None:
        wait_for(lambda: sorted(checked_in()) == sorted(scanned), 30, f"{len(scanned)} check-ins")
        assert audited_checkins() == len(scanned)  # once each, never twice

    try:
        wait_for(lambda: title in x.focused_window_name(), 90, "the desk window")
        # Ten people in a row, 300 ms apart, signatures on: nobody waits for anybody's signature.
        for registration_id, _nip, _nik in people[:10]:
            scan(registration_id)
            time.sleep(BURST_PAUSE_S)  # the scanner's pace, not a wait for the program
        all_recorded()
        assert Signature.select().count() == 0  # they sign later, from the queue

        # The manual-search box has the focus and some text in it (F2).
        x.key("F2")
        x.type("budi")
        for registration_id, nip, _nik in people[10:12]:
            scan(registration_id, nip if nip else None)
        all_recorded()

        # The walk-in form is open (F3) with a name half typed.
        x.key("F3")
        wait_for(lambda: "Peserta tanpa undangan" in x.focused_window_name(), 30, "the walk-in form")
        x.type("Jok")
        scan(people[12][0])
        all_recorded()
        x.key("Escape")
        wait_for(lambda: title in x.focused_window_name(), 30, "the desk again")

        # The Peserta tab's filter (Ctrl+Shift+Tab from the desk), with a search typed.
        x.key("ctrl+shift+Tab")
        x.type("dinas")
        scan(people[13][0])
        all_recorded()
        # A NIP typed by hand into the Peserta filter is a search, not a scan.
        x.key("ctrl+shift+Tab")
        hand_typed = next(nip for rid, nip, _ in people[20:] if nip and rid not in scanned)
        x.type(hand_typed + "\r", delay_ms=120)
        scan(people[14][0])  # the next scan shows the typed one was handled first, and not checked in
        all_recorded()

        # A scanner that fires twice: one check-in.
        code = payload_for(people[15][0])
        x.scan(code)
        x.scan(code)
        scanned.append(people[15][0])
        scan(people[16][0])
        all_recorded()

        assert Person.select().count() == persons and Registration.select().count() == registrations  # nobody invented
        assert program.process.poll() is None, program.output()
    except BaseException:
        x.screenshot(tmp_path / "desk.png")
        print(program.output())
        raise
    finally:
        program.stop()
