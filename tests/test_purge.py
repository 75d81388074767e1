"""Purging an event's personal data: what goes, what stays, the counts kept, the reminder."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from netralitas_desktop.core import checkin, purge
from netralitas_desktop.core.certificates.models import Certificate
from netralitas_desktop.core.event_settings import get_setting
from netralitas_desktop.core.events import ValidationError
from netralitas_desktop.core.models import Attendance, AuditLog, Event, Person, Registration, Signature
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.pledges.models import IkrarReturn
from netralitas_desktop.core.reports.models import Absence, OnlineAttendance
from netralitas_desktop.core.reports.status import unit_recap
from support.purge import ACTOR, build_events


def test_purge_deletes_personal_data_and_keeps_the_counts(purge_events):
    old, other = purge_events["old"], purge_events["other"]
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
    for person in purge_events["people"]:
        assert person.nama not in text and (not person.nip or person.nip not in text)


def test_purge_scrubs_typed_reasons_from_the_events_audit_and_is_audited(purge_events):
    purge.purge_event(purge_events["old"], actor=ACTOR)
    undo = AuditLog.get(AuditLog.action == "checkin.undo")
    assert "Budi" not in undo.detail and json.loads(undo.detail)["reason"] == purge.SCRUBBED
    assert "Pensiun" not in AuditLog.get(AuditLog.action == "registration.cancel").detail
    entry = AuditLog.get(AuditLog.action == "event.purge")
    assert (entry.event_id, entry.desk, entry.operator) == (purge_events["old"], "Meja 1", "Sari")
    detail = json.loads(entry.detail)
    assert detail["registrations"] == 10 and detail["people_deleted"] == 7


def test_purging_again_refuses_and_data_added_later_adds_up(purge_events):
    old = purge_events["old"]
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


def test_title_confirmation_ignores_case_and_spaces(purge_events):
    assert purge.title_matches(purge_events["old"], "  sosialisasi   NETRALITAS 2023 ")
    assert not purge.title_matches(purge_events["old"], "Sosialisasi Netralitas")


def test_retention_reminder_lists_old_events_with_personal_data(purge_events):
    today = dt.date(2024, 9, 1)
    due = purge.events_due_for_purge(today)
    assert purge.retention_days() == purge.DEFAULT_RETENTION_DAYS
    assert [(event.event_id, event.registrations) for event in due] == [(purge_events["old"], 10)]
    assert due[0].age_days == (today - dt.date(2023, 3, 1)).days
    message = purge.retention_message(due)
    assert "Sosialisasi Netralitas 2023" in message and "365 hari" in message and "Hapus data pribadi" in message
    purge.set_retention_days(30, actor=ACTOR)
    assert [event.event_id for event in purge.events_due_for_purge(today)] == [
        purge_events["old"],
        purge_events["other"],
    ]
    with pytest.raises(ValidationError, match="antara 1 dan"):
        purge.set_retention_days(0, actor=ACTOR)
    purge.set_retention_days(365, actor=ACTOR)
    purge.purge_event(purge_events["old"], actor=ACTOR)
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
