"""Purging an event's personal data: what goes, what stays, the counts kept, the reminder."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_offline_desks import png_signature

from netralitas_desktop.core import checkin, purge, signatures
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.certificates.models import Certificate
from netralitas_desktop.core.demo import fictional_people
from netralitas_desktop.core.event_settings import get_setting
from netralitas_desktop.core.events import EventData, ValidationError, create_event
from netralitas_desktop.core.models import Attendance, AuditLog, Event, Person, Registration, Signature
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.pledges.models import IkrarReturn
from netralitas_desktop.core.reports.models import Absence, OnlineAttendance
from netralitas_desktop.core.reports.status import unit_recap

ACTOR = Actor("Meja 1", "Sari")


@pytest.fixture
def events(db):
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


def test_purge_deletes_personal_data_and_keeps_the_counts(events):
    old, other = events["old"], events["other"]
    before = unit_recap(old).total.to_dict()
    preview = purge.preview(old)
    assert (preview.registrations, preview.people_deleted, preview.people_kept) == (10, 7, 3)
    assert (preview.checkins, preview.signatures, preview.certificates) == (5, 1, 1)
    assert preview.purged_before is None

    summary = purge.purge_event(old, actor=ACTOR)

    assert Registration.select().where(Registration.event == old).count() == 0
    for model in (Signature, IkrarReturn, Absence, OnlineAttendance, Certificate):
        assert model.select().count() == 0, model
    assert Person.select().count() == 3  # the three also registered for the other event
    assert Registration.select().where(Registration.event == other).count() == 3
    assert Attendance.select().join(Registration).where(Registration.event == other).count() == 1
    assert Event.get_by_id(old).title == "Sosialisasi Netralitas 2023"  # the event itself stays

    stored = get_setting(old, purge.PURGE_SUMMARY)
    assert stored == summary
    assert stored["total"] == before  # the reports' own figures, kept
    assert (stored["total"]["registered"], stored["total"]["hadir"], stored["total"]["daring"]) == (9, 4, 1)
    assert stored["total"]["sakit"] == 1 and stored["total"]["dibatalkan"] == 1
    assert sum(group["registered"] for group in stored["units"]) == 9
    assert {"signatures": 1, "certificates": 1}.items() <= stored.items()
    assert stored["purged_by_desk"] == "Meja 1" and stored["purged_at"]
    text = json.dumps(stored, ensure_ascii=False)
    for person in events["people"]:
        assert person.nama not in text and (not person.nip or person.nip not in text)


def test_purge_scrubs_typed_reasons_from_the_events_audit_and_is_audited(events):
    purge.purge_event(events["old"], actor=ACTOR)
    undo = AuditLog.get(AuditLog.action == "checkin.undo")
    assert "Budi" not in undo.detail and json.loads(undo.detail)["reason"] == purge.SCRUBBED
    assert "Pensiun" not in AuditLog.get(AuditLog.action == "registration.cancel").detail
    entry = AuditLog.get(AuditLog.action == "event.purge")
    assert (entry.event_id, entry.desk, entry.operator) == (events["old"], "Meja 1", "Sari")
    detail = json.loads(entry.detail)
    assert detail["registrations"] == 10 and detail["people_deleted"] == 7


def test_purging_again_refuses_and_data_added_later_adds_up(events):
    old = events["old"]
    purge.purge_event(old, actor=ACTOR)
    with pytest.raises(ValidationError, match="tidak menyimpan data pribadi"):
        purge.purge_event(old, actor=ACTOR)
    late = add_participant(
        old, PersonData(nama="Tono Sugiarto", nik="3305010101800003", unit_kerja="Desa Sukamaju"), actor=ACTOR
    )
    checkin.check_in_registration(late, actor=ACTOR)
    assert purge.preview(old).purged_before is not None
    summary = purge.purge_event(old, actor=ACTOR)
    assert (summary["total"]["registered"], summary["total"]["hadir"]) == (10, 5)
    units = {group["label"]: group for group in summary["units"]}
    assert units["Desa Sukamaju"]["hadir"] >= 1
    assert Person.select().where(Person.nik == "3305010101800003").count() == 0


def test_title_confirmation_ignores_case_and_spaces(events):
    assert purge.title_matches(events["old"], "  sosialisasi   NETRALITAS 2023 ")
    assert not purge.title_matches(events["old"], "Sosialisasi Netralitas")


def test_retention_reminder_lists_old_events_with_personal_data(events):
    today = dt.date(2024, 9, 1)
    due = purge.events_due_for_purge(today)
    assert purge.retention_days() == purge.DEFAULT_RETENTION_DAYS
    assert [(event.event_id, event.registrations) for event in due] == [(events["old"], 10)]
    assert due[0].age_days == (today - dt.date(2023, 3, 1)).days
    message = purge.retention_message(due)
    assert "Sosialisasi Netralitas 2023" in message and "365 hari" in message and "Hapus data pribadi" in message
    purge.set_retention_days(30, actor=ACTOR)
    assert [event.event_id for event in purge.events_due_for_purge(today)] == [events["old"], events["other"]]
    with pytest.raises(ValidationError, match="antara 1 dan"):
        purge.set_retention_days(0, actor=ACTOR)
    purge.set_retention_days(365, actor=ACTOR)
    purge.purge_event(events["old"], actor=ACTOR)
    assert purge.events_due_for_purge(today) == []
    assert purge.retention_message([]) is None


def test_purge_on_both_backends(any_db):
    made = build_events()
    summary = purge.purge_event(made["old"], actor=ACTOR)
    assert (summary["total"]["registered"], summary["total"]["hadir"]) == (9, 4)
    assert Person.select().count() == 3 and Registration.select().count() == 3
    assert get_setting(made["old"], purge.PURGE_SUMMARY)["total"] == summary["total"]
    assert purge.events_due_for_purge(dt.date(2030, 1, 1)) == [
        purge.DueEvent(made["other"], "Apel Netralitas 2024", dt.date(2024, 8, 1), 1979, 3)
    ]
