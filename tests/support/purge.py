"""Events with every kind of personal record, for the purge tests.

Registered as a plugin (tests/conftest.py): ``purge_events`` is ``build_events`` on a fresh SQLite file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from netralitas_desktop.core import checkin, signatures
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.certificates.models import Certificate
from netralitas_desktop.core.demo import fictional_people
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import Attendance
from netralitas_desktop.core.participants import add_participant
from netralitas_desktop.core.pledges.models import IkrarReturn
from netralitas_desktop.core.reports.models import Absence, OnlineAttendance
from support.offline import png_signature

ACTOR = Actor("Meja 1", "Sari")


@pytest.fixture
def purge_events(db) -> dict:
    """The events of ``build_events`` on a fresh SQLite file."""
    return build_events()


def build_events() -> dict:
    """Event ``old`` (10 people, 3 of them also at ``other``), with every kind of personal record."""
    people = list(fictional_people(10, seed=3))
    old = create_event(EventData(title="Sosialisasi Netralitas 2023", date=dt.date(2023, 3, 1)), actor=ACTOR)
    other = create_event(EventData(title="Apel Netralitas 2024", date=dt.date(2024, 8, 1)), actor=ACTOR)
    regs = [add_participant(old, person, actor=ACTOR) for person in people]
    shared = [add_participant(other, person, actor=ACTOR) for person in people[:3]]
    for reg in regs[:5]:
        checkin.check_in_registration(reg, actor=ACTOR)
    checkin.undo_check_in(regs[4], reason="Salah pindai, yang datang Pak Budi Santoso", actor=ACTOR)
    signatures.save_signature(regs[0], png_signature(), actor=ACTOR)
    IkrarReturn.create(registration=regs[6], note="dititipkan Bu Ani")
    Absence.create(registration=regs[7], reason="sakit", note="opname")
    OnlineAttendance.create(registration=regs[8], minutes=75, display_name="Budi HP")
    Attendance.create(registration=regs[8], method="online")
    Certificate.create(event=old, registration=regs[0], seq=1, number="001/SERT/2023")
    checkin.cancel_registration(regs[9], reason="Pensiun", actor=ACTOR)
    checkin.check_in_registration(shared[0], actor=ACTOR)
    return {"old": old, "other": other, "regs": regs, "shared": shared, "people": people}
