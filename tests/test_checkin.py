"""The check-in service on real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import random

import pytest

from netralitas_desktop.core import checkin, qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.events import EventData, NotFoundError, ValidationError, create_event
from netralitas_desktop.core.models import Attendance, AuditLog, Person, Registration
from netralitas_desktop.core.participants import PersonData, add_participant, update_participant
from support.checkin import DESK_1, Roster, make_roster, pns_nip

DESK_2 = Actor("Meja 2", "Sari")


@pytest.fixture
def roster(any_db) -> Roster:
    return make_roster()


def attendance_count(registration_id: int) -> int:
    return Attendance.select().where(Attendance.registration == registration_id).count()


def test_qr_scan_checks_in_then_reports_the_first_check_in(roster):
    payload = qr_payload.payload_for(roster.budi)
    first = checkin.check_in(roster.event_id, payload, actor=DESK_1)
    assert first.status == checkin.CheckinStatus.CHECKED_IN and first.ok
    assert first.registration_id == roster.budi
    assert (first.desk, first.operator, first.method) == ("Meja 1", "Rina", "qr")
    assert first.person.full_name == "Drs. Budi Santoso, M.Si."
    assert first.person.nip_formatted == "19860926 201505 1 001"
    assert (first.person.employment_type, first.person.mode) == ("PNS", "onsite")
    assert first.message == f"HADIR: Drs. Budi Santoso, M.Si., Dinas Pendidikan pukul {first.checked_in_at:%H.%M}"

    again = checkin.check_in(roster.event_id, payload, actor=DESK_2)
    assert again.status == checkin.CheckinStatus.ALREADY and again.ok
    assert (again.checked_in_at, again.desk, again.operator, again.method) == (
        first.checked_in_at,
        "Meja 1",
        "Rina",
        "qr",
    )
    first_time = f"{first.checked_in_at:%H.%M}"
    assert again.reason == f"Sudah tercatat hadir pukul {first_time} di Meja 1 (Rina)."
    assert again.message == (
        f"SUDAH HADIR: Drs. Budi Santoso, M.Si., Dinas Pendidikan — tercatat pukul {first_time} di Meja 1 (Rina)"
    )
    by_nip = checkin.check_in(roster.event_id, roster.budi_nip, actor=DESK_2)
    assert by_nip.status == checkin.CheckinStatus.ALREADY and by_nip.desk == "Meja 1"
    assert attendance_count(roster.budi) == 1


def test_lowercase_payload_with_scanner_line_ending(roster):
    result = checkin.check_in(roster.event_id, qr_payload.payload_for(roster.sri).lower() + "\r\n", actor=DESK_1)
    assert result.status == checkin.CheckinStatus.CHECKED_IN and result.registration_id == roster.sri


def test_forged_payload_is_rejected_and_records_nothing(roster):
    rng = random.Random(7)
    for _ in range(20):
        fake = "NTR1" + "".join(rng.choice(qr_payload.ALPHABET) for _ in range(23))
        result = checkin.check_in(roster.event_id, fake, actor=DESK_1)
        assert result.status == checkin.CheckinStatus.REJECTED and not result.ok
        assert result.registration_id is None and result.person is None
        assert result.message.startswith("DITOLAK: ")
    assert Attendance.select().count() == 0


def test_payload_altered_at_any_position_is_rejected(roster):
    payload = qr_payload.payload_for(roster.budi)
    for position in range(len(payload)):
        replacement = "X" if payload[position] != "X" else "Y"
        altered = payload[:position] + replacement + payload[position + 1 :]
        result = checkin.check_in(roster.event_id, altered, actor=DESK_1)
        assert result.status == checkin.CheckinStatus.REJECTED, altered
    forged = checkin.check_in(roster.event_id, payload[:-1] + ("0" if payload[-1] != "0" else "1"), actor=DESK_1)
    assert forged.reason == "Kode QR palsu atau rusak: tanda tangan tidak cocok."
    assert Attendance.select().count() == 0


def test_invitation_for_another_event_is_rejected_with_its_title(roster):
    other_event = create_event(EventData(title="Ikrar Netralitas Kecamatan", date=dt.date(2024, 8, 1)), actor=DESK_1)
    other_registration = add_participant(
        other_event, PersonData(nama="Budi Santoso", nip=roster.budi_nip), actor=DESK_1
    )
    result = checkin.check_in(roster.event_id, qr_payload.payload_for(other_registration), actor=DESK_1)
    assert result.status == checkin.CheckinStatus.REJECTED
    assert result.reason.startswith("Undangan ini untuk kegiatan lain: Ikrar Netralitas Kecamatan.")
    assert attendance_count(other_registration) == 0 and attendance_count(roster.budi) == 0


def test_payload_of_a_removed_participant_is_rejected(roster):
    payload = qr_payload.payload_for(roster.sri)
    Registration.delete().where(Registration.id == roster.sri).execute()
    result = checkin.check_in(roster.event_id, payload, actor=DESK_1)
    assert result.status == checkin.CheckinStatus.REJECTED and "sudah dihapus" in result.reason


@pytest.mark.parametrize("typed", ["198609262015051001", "19860926 201505 1 001", " NIP. 19860926-201505-1-001 \n"])
def test_bare_nip_with_or_without_separators(roster, typed):
    result = checkin.check_in(roster.event_id, typed, actor=DESK_1)
    assert result.status == checkin.CheckinStatus.CHECKED_IN
    assert result.registration_id == roster.budi and result.method == "nip"


def test_ni_pppk_and_nik(roster):
    pppk = checkin.check_in(roster.event_id, "20001231 202421 2 001", actor=DESK_1)
    assert pppk.status == checkin.CheckinStatus.CHECKED_IN and pppk.registration_id == roster.sri
    assert pppk.person.employment_type == "PPPK"
    nik = checkin.check_in(roster.event_id, "3507 0101 0190 0001", actor=DESK_1)
    assert (
        nik.status == checkin.CheckinStatus.CHECKED_IN and nik.registration_id == roster.wawan and nik.method == "nik"
    )
    assert nik.person.nip == "" and nik.person.employment_type == "NON_ASN"


def test_unknown_invalid_and_corrupted_numbers_are_explained(roster):
    unknown = checkin.check_in(roster.event_id, pns_nip(40), actor=DESK_1)
    assert unknown.status == checkin.CheckinStatus.REJECTED
    assert unknown.reason.startswith(f"NIP {pns_nip(40)[:8]} {pns_nip(40)[8:14]}")
    assert "tidak terdaftar pada kegiatan ini" in unknown.reason
    invalid = checkin.check_in(roster.event_id, "198613262015051001", actor=DESK_1)  # month 13
    assert invalid.status == checkin.CheckinStatus.REJECTED and "bukan tanggal lahir" in invalid.reason
    scientific = checkin.check_in(roster.event_id, "1.98609262015051E+17", actor=DESK_1)
    assert scientific.status == checkin.CheckinStatus.REJECTED and "notasi ilmiah" in scientific.reason
    rounded = checkin.check_in(roster.event_id, "198609262015051000", actor=DESK_1)
    assert rounded.status == checkin.CheckinStatus.REJECTED and "berakhiran 000" in rounded.reason
    short = checkin.check_in(roster.event_id, "12345", actor=DESK_1)
    assert short.status == checkin.CheckinStatus.REJECTED and "18 digit" in short.reason
    unknown_nik = checkin.check_in(roster.event_id, "3507010101900002", actor=DESK_1)
    assert unknown_nik.reason == "NIK 3507010101900002 tidak terdaftar pada kegiatan ini."
    assert Attendance.select().count() == 0


def test_person_known_from_another_event_gets_a_hint(roster):
    other_event = create_event(EventData(title="Rapat Lain", date=dt.date(2024, 8, 1)), actor=DESK_1)
    add_participant(other_event, PersonData(nama="Joko Susilo", nip=pns_nip(50)), actor=DESK_1)
    result = checkin.check_in(roster.event_id, pns_nip(50), actor=DESK_1)
    assert result.status == checkin.CheckinStatus.REJECTED and "peserta tanpa undangan" in result.reason


@pytest.mark.parametrize(
    "code, reason",
    [
        ("", "Kode kosong"),
        ("  \r\n", "Kode kosong"),
        ("https://example.org/x", "Kode QR ini bukan undangan Netralitas"),
        ("Budi Santoso", "Kode QR ini bukan undangan Netralitas"),
    ],
)
def test_empty_and_foreign_codes(roster, code, reason):
    result = checkin.check_in(roster.event_id, code, actor=DESK_1)
    assert result.status == checkin.CheckinStatus.REJECTED and result.reason.startswith(reason)


def test_manual_check_in_by_registration(roster):
    result = checkin.check_in_registration(roster.online, actor=DESK_2)
    assert result.status == checkin.CheckinStatus.CHECKED_IN and result.method == "manual"
    assert result.person.mode == "online"
    assert checkin.check_in_registration(roster.online, actor=DESK_1).status == checkin.CheckinStatus.ALREADY
    missing = checkin.check_in_registration(roster.online + 1000, actor=DESK_1)
    assert missing.status == checkin.CheckinStatus.REJECTED and "tidak ditemukan" in missing.reason


def test_walk_in_of_a_new_person(roster):
    data = PersonData(nama="Agus Salim", gelar_belakang="S.Sos.", nip=pns_nip(60), unit_kerja="Kecamatan Sukamaju")
    result = checkin.walk_in(roster.event_id, data, actor=DESK_2)
    assert result.status == checkin.CheckinStatus.CHECKED_IN and result.method == "walk_in"
    assert result.reason == "Peserta tanpa undangan didaftarkan dan dicatat hadir."
    registration = Registration.get_by_id(result.registration_id)
    assert (registration.source, registration.mode, registration.event_id) == ("walk_in", "onsite", roster.event_id)
    assert registration.person.nip == pns_nip(60) and registration.person.employment_type == "PNS"
    actions = [row.action for row in AuditLog.select().where(AuditLog.action.startswith("checkin"))]
    assert actions == ["checkin.walk_in", "checkin"]
    # Scanning the same NIP now finds the walk-in.
    assert checkin.check_in(roster.event_id, pns_nip(60), actor=DESK_1).status == checkin.CheckinStatus.ALREADY


def test_walk_in_with_an_invalid_nip_is_refused_with_the_reason(roster):
    people_before = Person.select().count()
    with pytest.raises(ValidationError) as caught:
        checkin.walk_in(roster.event_id, PersonData(nama="Tono", nip="1.98609262015051E+17"), actor=DESK_1)
    assert "notasi ilmiah" in caught.value.errors["nip"]
    with pytest.raises(ValidationError) as caught:
        checkin.walk_in(roster.event_id, PersonData(nama="", nip=pns_nip(61)), actor=DESK_1)
    assert "nama" in caught.value.errors
    with pytest.raises(NotFoundError):
        checkin.walk_in(roster.event_id + 99, PersonData(nama="Tono", nip=pns_nip(62)), actor=DESK_1)
    assert Person.select().count() == people_before


def test_walk_in_of_a_registered_person_just_checks_in(roster):
    typed = PersonData(nama="Budi S", nip=roster.budi_nip, unit_kerja="Salah Ketik")
    result = checkin.walk_in(roster.event_id, typed, actor=DESK_1)
    assert result.status == checkin.CheckinStatus.CHECKED_IN and result.registration_id == roster.budi
    assert result.reason == "Selamat datang."
    assert result.person.unit_kerja == "Dinas Pendidikan"  # the desk does not overwrite stored data
    assert checkin.walk_in(roster.event_id, typed, actor=DESK_2).status == checkin.CheckinStatus.ALREADY
    assert Registration.select().where(Registration.event == roster.event_id).count() == 4


def test_walk_in_of_a_person_known_from_another_event(roster):
    other_event = create_event(EventData(title="Rapat Lain", date=dt.date(2024, 8, 1)), actor=DESK_1)
    add_participant(other_event, PersonData(nama="Joko Susilo", nip=pns_nip(70), unit_kerja="Bappeda"), actor=DESK_1)
    result = checkin.walk_in(roster.event_id, PersonData(nama="Joko", nip=pns_nip(70)), mode="online", actor=DESK_1)
    assert result.status == checkin.CheckinStatus.CHECKED_IN
    assert result.person.full_name == "Joko Susilo" and result.person.mode == "online"
    assert Person.select().where(Person.nip == pns_nip(70)).count() == 1


def test_undo_needs_a_reason_is_audited_and_allows_a_new_check_in(roster):
    first = checkin.check_in(roster.event_id, roster.budi_nip, actor=DESK_1)
    with pytest.raises(ValidationError) as caught:
        checkin.undo_check_in(roster.budi, reason="   ", actor=DESK_1)
    assert "Alasan" in caught.value.errors["reason"]
    assert attendance_count(roster.budi) == 1

    checkin.undo_check_in(roster.budi, reason="Salah pindai, yang datang Pak Budi lain", actor=DESK_2)
    assert attendance_count(roster.budi) == 0
    entry = AuditLog.get(AuditLog.action == "checkin.undo")
    detail = json.loads(entry.detail)
    assert detail["registration_id"] == roster.budi and detail["reason"].startswith("Salah pindai")
    assert detail["first_desk"] == "Meja 1" and (entry.desk, entry.operator) == ("Meja 2", "Sari")
    assert detail["checked_in_at"] == str(first.checked_in_at)

    again = checkin.check_in(roster.event_id, qr_payload.payload_for(roster.budi), actor=DESK_2)
    assert again.status == checkin.CheckinStatus.CHECKED_IN and again.desk == "Meja 2"
    with pytest.raises(NotFoundError):
        checkin.undo_check_in(roster.sri, reason="tidak hadir", actor=DESK_1)


def test_cancelled_registration_cannot_check_in_until_restored(roster):
    with pytest.raises(ValidationError):
        checkin.cancel_registration(roster.sri, reason="", actor=DESK_1)
    checkin.cancel_registration(roster.sri, reason="Mutasi ke kabupaten lain", actor=DESK_1)
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        checkin.cancel_registration(roster.sri, reason="lagi", actor=DESK_1)

    for code in (roster.sri_nip, qr_payload.payload_for(roster.sri)):
        result = checkin.check_in(roster.event_id, code, actor=DESK_1)
        assert result.status == checkin.CheckinStatus.REJECTED
        assert "dibatalkan: Mutasi ke kabupaten lain" in result.reason
        assert result.person.full_name == "Sri Wahyuni, S.Kep."
    assert checkin.counters(roster.event_id).registered == 3

    checkin.restore_registration(roster.sri, actor=DESK_2)
    assert checkin.check_in(roster.event_id, roster.sri_nip, actor=DESK_1).status == checkin.CheckinStatus.CHECKED_IN
    with pytest.raises(ValidationError, match="tidak dibatalkan"):
        checkin.restore_registration(roster.sri, actor=DESK_2)
    with pytest.raises(ValidationError, match="sudah tercatat hadir"):
        checkin.cancel_registration(roster.sri, reason="terlambat", actor=DESK_1)
    actions = [row.action for row in AuditLog.select().where(AuditLog.action.startswith("registration."))]
    assert actions == ["registration.cancel", "registration.restore"]


def test_counters_and_recent_check_ins(roster):
    empty = checkin.counters(roster.event_id)
    assert (empty.registered, empty.present, empty.absent) == (4, 0, 4)
    assert (empty.onsite_registered, empty.online_registered) == (3, 1)
    assert empty.by_employment == {"NON_ASN": (0, 1), "PNS": (0, 2), "PPPK": (0, 1)}

    checkin.check_in(roster.event_id, roster.budi_nip, actor=DESK_1)
    checkin.check_in(roster.event_id, roster.wawan_nik, actor=DESK_2)
    checkin.check_in_registration(roster.online, actor=DESK_2)
    checkin.check_in(roster.event_id, roster.budi_nip, actor=DESK_2)  # a repeat counts once
    now = checkin.counters(roster.event_id)
    assert (now.registered, now.present, now.absent) == (4, 3, 1)
    assert (now.onsite_present, now.online_present) == (2, 1)
    assert now.by_employment == {"NON_ASN": (1, 1), "PNS": (2, 2), "PPPK": (0, 1)}
    assert json.loads(json.dumps(now.to_dict()))["by_employment"]["PNS"] == {"present": 2, "registered": 2}

    recent = checkin.recent_check_ins(roster.event_id)
    assert [r.registration_id for r in recent] == [roster.online, roster.wawan, roster.budi]
    assert (recent[0].full_name, recent[0].desk, recent[0].operator, recent[0].method) == (
        "Dewi Lestari",
        "Meja 2",
        "Sari",
        "manual",
    )
    assert recent[2].unit_kerja == "Dinas Pendidikan" and recent[2].method == "nip"
    assert [r.registration_id for r in checkin.recent_check_ins(roster.event_id, limit=1)] == [roster.online]

    other_event = create_event(EventData(title="Rapat Lain", date=dt.date(2024, 8, 1)), actor=DESK_1)
    assert checkin.recent_check_ins(other_event) == []
    assert checkin.counters(other_event).registered == 0


def test_search_for_manual_check_in(roster):
    found = checkin.search_registrations(roster.event_id, "budi santoso")
    assert [row.registration_id for row in found] == [roster.budi]
    assert found[0].checked_in_at is None
    checkin.check_in(roster.event_id, roster.budi_nip, actor=DESK_1)
    assert checkin.search_registrations(roster.event_id, "BUDI")[0].checked_in_at is not None
    assert [r.registration_id for r in checkin.search_registrations(roster.event_id, "20001231 2024")] == [roster.sri]
    assert len(checkin.search_registrations(roster.event_id, "", limit=2)) == 2
    assert checkin.search_registrations(roster.event_id, "tidak ada orang ini") == []


def test_search_sees_roster_changes_after_caching(roster):
    Person.update(updated_at=dt.datetime(2024, 1, 1, 8, 0)).execute()  # rows older than this second get cached
    rows = checkin._roster_rows(roster.event_id)
    assert checkin._roster_rows(roster.event_id) is rows
    added = add_participant(roster.event_id, PersonData(nama="Nanang Kosim", nip=pns_nip(80)), actor=DESK_1)
    assert [r.registration_id for r in checkin.search_registrations(roster.event_id, "nanang")] == [added]
    Person.update(updated_at=dt.datetime(2024, 1, 1, 8, 0)).execute()
    checkin._roster_rows(roster.event_id)
    update_participant(roster.wawan, PersonData(nama="Wawan Kurniawan", nik=roster.wawan_nik), actor=DESK_1)
    assert [r.registration_id for r in checkin.search_registrations(roster.event_id, "kurniawan")] == [roster.wawan]


def test_results_are_json_friendly_and_audit_holds_no_personal_data(roster):
    results = [
        checkin.check_in(roster.event_id, qr_payload.payload_for(roster.budi), actor=DESK_1),
        checkin.check_in(roster.event_id, roster.budi_nip, actor=DESK_2),
        checkin.check_in(roster.event_id, "NTR1" + "0" * 23, actor=DESK_1),
        checkin.walk_in(roster.event_id, PersonData(nama="Agus Salim", nip=pns_nip(90)), actor=DESK_1),
    ]
    decoded = [json.loads(json.dumps(result.to_dict())) for result in results]
    assert [d["status"] for d in decoded] == ["checked_in", "already", "rejected", "checked_in"]
    assert decoded[1]["checked_in_at"] == results[0].checked_in_at.isoformat() and decoded[1]["desk"] == "Meja 1"
    assert decoded[0]["person"]["nip_formatted"] == "19860926 201505 1 001"
    assert decoded[2]["person"] is None and decoded[2]["message"].startswith("DITOLAK")
    checkin.cancel_registration(roster.sri, reason="Cuti melahirkan", actor=DESK_1)
    details = " ".join(row.detail for row in AuditLog.select())
    for personal in ("Budi", "Santoso", "Agus", roster.budi_nip, pns_nip(90), "Sri", "Dinas"):
        assert personal not in details
