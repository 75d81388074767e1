"""Absence reasons (core/reports/absence.py): mark, replace, clear, refuse, audit."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from netralitas_desktop.core import checkin
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, NotFoundError, ValidationError, create_event
from netralitas_desktop.core.models import AuditLog
from netralitas_desktop.core.participants import PersonData, add_participant
from netralitas_desktop.core.reports import absence, status

DESK = Actor("Meja 2", "Sari")
NIP = "198609262015051001"


@pytest.fixture
def person(db) -> tuple[int, int]:
    """(event id, registration id) of one invited PNS."""
    event_id = create_event(EventData(title="Sosialisasi", date=dt.date(2024, 7, 1)), actor=DESK)
    registration_id = add_participant(
        event_id,
        PersonData(nama="Budi Santoso", nip=NIP, nik="3507010101900001", unit_kerja="Dinas Pendidikan"),
        actor=DESK,
    )
    return event_id, registration_id


def audit_entries(action: str) -> list[dict]:
    return [
        json.loads(entry.detail) | {"desk": entry.desk}
        for entry in AuditLog.select().where(AuditLog.action == action).order_by(AuditLog.id)
    ]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("izin", "izin"),
        ("Sakit", "sakit"),
        ("dinas-luar", "dinas_luar"),
        ("Dinas Luar", "dinas_luar"),
        ("DL", "dinas_luar"),
        (" dinas_luar ", "dinas_luar"),
    ],
)
def test_reasons_are_read_as_people_write_them(text, reason):
    assert absence.parse_reason(text) == reason


def test_an_unknown_reason_is_refused_in_indonesian():
    with pytest.raises(ValidationError, match="tidak dikenal; pilih Izin, Sakit atau Dinas Luar"):
        absence.parse_reason("cuti")


def test_mark_replace_and_clear_change_the_status_and_are_audited(person):
    event_id, registration_id = person
    absence.mark_absent(registration_id, "izin", "  Rapat   di provinsi ", actor=DESK)
    info = absence.get_absence(registration_id)
    assert (info.reason, info.label, info.note, info.desk) == ("izin", "Izin", "Rapat di provinsi", "Meja 2")
    assert status.status_by_registration(event_id)[registration_id] == "izin"

    absence.mark_absent(registration_id, "sakit", actor=DESK)
    assert absence.get_absence(registration_id).note == ""
    assert status.status_by_registration(event_id)[registration_id] == "sakit"

    assert absence.clear_absence(registration_id, actor=DESK) is True
    assert absence.get_absence(registration_id) is None
    assert absence.clear_absence(registration_id, actor=DESK) is False
    assert status.status_by_registration(event_id)[registration_id] == "tidak_hadir"

    marks = audit_entries("absence.set")
    assert [(m["reason"], m["replaced"]) for m in marks] == [("izin", False), ("sakit", True)]
    assert all("note" not in m and m["registration_id"] == registration_id for m in marks)
    assert len(audit_entries("absence.clear")) == 1  # the second clear changed nothing


def test_a_checked_in_person_cannot_be_marked_absent(person):
    _event_id, registration_id = person
    checkin.check_in_registration(registration_id, actor=DESK)
    with pytest.raises(ValidationError, match="sudah tercatat hadir") as caught:
        absence.mark_absent(registration_id, "sakit", actor=DESK)
    assert "batalkan kehadirannya dulu" in str(caught.value)
    assert absence.get_absence(registration_id) is None


def test_a_later_check_in_wins_over_a_reason(person):
    event_id, registration_id = person
    absence.mark_absent(registration_id, "dinas_luar", actor=DESK)
    checkin.check_in_registration(registration_id, actor=DESK)
    assert status.status_by_registration(event_id)[registration_id] == "hadir"


def test_a_cancelled_registration_is_refused(person):
    _, registration_id = person
    checkin.cancel_registration(registration_id, reason="Pensiun", actor=DESK)
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        absence.mark_absent(registration_id, "izin", actor=DESK)


def test_a_long_note_is_refused_and_nothing_is_stored(person):
    _, registration_id = person
    with pytest.raises(ValidationError, match="paling banyak 500 karakter"):
        absence.mark_absent(registration_id, "izin", "x" * 501, actor=DESK)
    assert absence.get_absence(registration_id) is None


def test_unknown_registration(db):
    with pytest.raises(NotFoundError, match="tidak ditemukan"):
        absence.mark_absent(999, "izin", actor=DESK)


def test_find_registration_by_nip_with_spaces_or_nik(person):
    event_id, registration_id = person
    assert absence.find_registration(event_id, "19860926 201505 1 001") == registration_id
    assert absence.find_registration(event_id, "'3507010101900001") == registration_id
    with pytest.raises(NotFoundError, match="NIP 19800101 200604 1 003 tidak terdaftar"):
        absence.find_registration(event_id, "198001012006041003")
    with pytest.raises(ValidationError, match="bukan NIP/NI PPPK"):
        absence.find_registration(event_id, "12345")
    with pytest.raises(ValidationError, match="Excel"):
        absence.find_registration(event_id, "1.98609262015051E+17")


def test_mark_many_skips_who_cannot_be_marked(person):
    event_id, budi = person
    others = [
        add_participant(event_id, PersonData(nama=f"Staf {i}", nip=nip, unit_kerja="Dinas Pendidikan"), actor=DESK)
        for i, nip in enumerate(("199001012015032002", "198001012006041003"))
    ]
    checkin.check_in_registration(budi, actor=DESK)
    refused = absence.mark_absent_many([budi, *others, 999], "dinas luar", "Ke provinsi", actor=DESK)
    assert set(refused) == {budi, 999} and "sudah tercatat hadir" in refused[budi]
    statuses = status.status_by_registration(event_id)
    assert [statuses[r] for r in others] == ["dinas_luar", "dinas_luar"]
    assert absence.absence_notes(event_id) == {others[0]: "Ke provinsi", others[1]: "Ke provinsi"}
    with pytest.raises(ValidationError):
        absence.mark_absent_many(others, "libur", actor=DESK)
