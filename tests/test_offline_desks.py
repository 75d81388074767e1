"""Offline desks end to end: an office database and two desk laptops, each a real SQLite file.

Invitations are rendered from the office database and scanned on the laptops; the laptops'
check-ins come back to the office, twice, overlapping, with walk-ins and signatures.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from netralitas_desktop.core import checkin, signatures
from netralitas_desktop.core.demo import fictional_people
from netralitas_desktop.core.invitations import InvitationImagesJob
from netralitas_desktop.core.models import Attendance, AuditLog, Person, Registration, Signature
from netralitas_desktop.core.offline import (
    approve_walk_ins,
    export_checkins,
    pending_walk_ins,
)
from netralitas_desktop.core.participants import PersonData
from netralitas_desktop.core.qr_decode import decode_image
from netralitas_desktop.core.reasons import Reason, ReasonCode
from support.offline import (
    DESK_A,
    DESK_B,
    OFFICE,
    Office,
    at,
    export_package,
    make_office,
    merge,
    new_laptop,
    office_state,
    png_signature,
    set_checkin_time,
)


@pytest.fixture
def office(tmp_path) -> Office:
    return make_office(tmp_path)


# --- scanning on a laptop -------------------------------------------------------------------------


def test_invitations_rendered_at_the_office_check_in_on_a_laptop(office, tmp_path):
    with office.site.open():
        InvitationImagesJob(office.event_id, tmp_path / "undangan.zip").run()
    package = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    with zipfile.ZipFile(tmp_path / "undangan.zip") as cards:
        scanned = [decode_image(cards.read(name))[0] for name in cards.namelist() if name.endswith(".png")]
    assert len(scanned) == len(office.registrations)  # the cancelled one has no card; the no-ID one has
    assert set(scanned) <= set(office.codes.values())
    with laptop.open():
        results = [checkin.check_in(event_id, code, actor=DESK_A) for code in scanned]
        again = checkin.check_in(event_id, scanned[1], actor=DESK_A)
        local_ids = {r.registration_id for r in results}
        assert Registration.select().where(
            Registration.id.in_(local_ids), Registration.event == event_id
        ).count() == len(scanned)
    by_status = [r.status for r in results]
    # The one checked in at the office is already there, with the office's desk and time.
    assert by_status.count(checkin.CheckinStatus.ALREADY) == 1
    assert by_status.count(checkin.CheckinStatus.CHECKED_IN) == len(scanned) - 1
    already = next(r for r in results if r.status == checkin.CheckinStatus.ALREADY)
    assert (already.desk, already.operator, already.checked_in_at) == (
        "Kantor BKPSDM",
        "Sari",
        at(7, 30),
    )
    assert again.status == checkin.CheckinStatus.ALREADY and again.desk == "Meja A"
    names = {r.person.full_name for r in results}
    assert PersonData(**vars(office.people[1])).full_name in names


def test_forged_altered_foreign_and_cancelled_codes_are_refused_offline(office, tmp_path):
    laptop, event_id = new_laptop(tmp_path, "laptop-a", export_package(office, tmp_path))
    good = office.codes[office.registrations[2]]
    altered = good[:-1] + ("0" if good[-1] != "0" else "1")
    with laptop.open():
        results = {
            "altered": checkin.check_in(event_id, altered, actor=DESK_A),
            "other_event": checkin.check_in(event_id, office.other_code, actor=DESK_A),
            "foreign": checkin.check_in(event_id, "https://example.org/undangan", actor=DESK_A),
            "truncated": checkin.check_in(event_id, good[:-3], actor=DESK_A),
            "cancelled": checkin.check_in(event_id, office.codes[office.cancelled], actor=DESK_A),
            "good_lowercase": checkin.check_in(event_id, f" {good.lower()}\r\n", actor=DESK_A),
        }
    assert results["altered"].reason == Reason.of(ReasonCode.FORGED_QR).text
    assert results["other_event"].reason == Reason.of(ReasonCode.FORGED_QR).text  # not in the package: no digest
    assert results["foreign"].reason == Reason.of(ReasonCode.NOT_A_CODE).text
    assert results["truncated"].reason == Reason.of(ReasonCode.MALFORMED_QR).text
    assert results["cancelled"].status == checkin.CheckinStatus.REJECTED
    assert "dibatalkan" in results["cancelled"].reason and "Mutasi" in results["cancelled"].reason
    assert results["good_lowercase"].status == checkin.CheckinStatus.CHECKED_IN
    # The office still refuses the altered code, and accepts its own.
    with office.site.open():
        assert checkin.check_in(office.event_id, altered, actor=OFFICE).reason == Reason.of(ReasonCode.FORGED_QR).text


def test_nip_nik_and_walk_ins_work_offline(office, tmp_path):
    laptop, event_id = new_laptop(tmp_path, "laptop-a", export_package(office, tmp_path))
    person = office.people[3]
    with laptop.open():
        by_nip = checkin.check_in(event_id, person.nip[:8] + " " + person.nip[8:], actor=DESK_A)
        walk_in = checkin.walk_in(
            event_id,
            PersonData(nama="Rina Marlina", nik="3305014107900001", unit_kerja="Kecamatan Mekarsari"),
            actor=DESK_A,
        )
        by_nik_again = checkin.check_in(event_id, "3305014107900001", actor=DESK_A)
    assert by_nip.status == checkin.CheckinStatus.CHECKED_IN and by_nip.person.nip == person.nip
    assert walk_in.status == checkin.CheckinStatus.CHECKED_IN
    assert by_nik_again.status == checkin.CheckinStatus.ALREADY


# --- merging back ---------------------------------------------------------------------------------


def test_two_laptops_merge_office_records_stay_walk_ins_wait_idempotent_nothing_lost(office, tmp_path):
    package = export_package(office, tmp_path)
    laptop_a, event_a = new_laptop(tmp_path, "laptop-a", package)
    laptop_b, event_b = new_laptop(tmp_path, "laptop-b", package)
    regs = office.registrations
    nine = at(9)
    newcomer = replace(next(iter(fictional_people(1, seed=99))), phone="081234567890")
    guest = PersonData(nama="Siti Aminah", gelar_depan="Hj.", unit_kerja="PKK Kecamatan", employment_type="NON_ASN")

    with laptop_a.open():  # codes 1-5 at 9.00-9.04; code 0 was checked in at the office already
        for minute, reg in enumerate(regs[1:6]):
            result = checkin.check_in(event_a, office.codes[reg], actor=DESK_A)
            assert result.status == checkin.CheckinStatus.CHECKED_IN
            set_checkin_time(result.registration_id, nine + dt.timedelta(minutes=minute))
        signatures.save_signature(result.registration_id, png_signature("red"), actor=DESK_A)  # code 5
        for person in (newcomer, guest):
            walked = checkin.walk_in(event_a, person, actor=DESK_A)
            set_checkin_time(walked.registration_id, nine + dt.timedelta(minutes=20))
        assert checkin.check_in(event_a, office.codes[regs[0]], actor=DESK_A).status == checkin.CheckinStatus.ALREADY
        return_a = Path(export_checkins(event_a, tmp_path / "kembali-a.netralitas", actor=DESK_A).path)

    with laptop_b.open():  # codes 4-8: B saw code 4 earlier than A, code 5 later
        local = {reg: checkin.check_in(event_b, office.codes[reg], actor=DESK_B).registration_id for reg in regs[4:9]}
        set_checkin_time(local[regs[4]], nine - dt.timedelta(minutes=30))
        set_checkin_time(local[regs[5]], nine + dt.timedelta(hours=1))
        for reg in regs[6:9]:
            set_checkin_time(local[reg], nine + dt.timedelta(minutes=10))
        signatures.save_signature(local[regs[4]], png_signature("green"), actor=DESK_B)
        # The same two walk-ins at this desk too, later; the guest typed without her title.
        for person in (newcomer, replace(guest, gelar_depan="")):
            walked = checkin.walk_in(event_b, person, actor=DESK_B)
            set_checkin_time(walked.registration_id, nine + dt.timedelta(minutes=40))
        return_b = Path(export_checkins(event_b, tmp_path / "kembali-b.netralitas", actor=DESK_B).path)

    with office.site.open():
        report_a = merge(return_a)
        assert report_a.counts["checkins_new"] == 5  # five codes; the walk-ins wait for review
        assert report_a.counts["walk_ins_pending"] == 2 and report_a.counts["people_new"] == 0
        assert report_a.counts["checkins_already"] == 1  # the office's own check-in, carried to the laptop
        assert report_a.counts["conflicts"] == 0 and not report_a.merged_before and report_a.desk_key_confirmed
        assert Person.select().where(Person.nama == "Siti Aminah").count() == 0  # not counted before approval
        after_a = office_state()
        again = merge(return_a)
        assert again.merged_before and not again.changed and office_state() == after_a
        assert again.counts["walk_ins_waiting"] == 2 and not again.desk_key_confirmed

        report_b = merge(return_b)
        c = report_b.counts
        assert c["checkins_new"] == 3  # codes 6-8
        assert (c["office_kept"], c["conflicts"]) == (2, 2)  # code 4 (earlier at B) and code 5 (later): A's stay
        assert c["walk_ins_pending"] == 2 and c["people_new"] == 0
        kinds = {conflict.registration_id: conflict.kind for conflict in report_b.conflicts}
        assert kinds == {regs[4]: "office_kept", regs[5]: "office_kept"}
        kept = next(conflict for conflict in report_b.conflicts if conflict.registration_id == regs[4])
        assert "Meja B" in kept.text and "Meja A" in kept.text and "tidak menggantikannya" in kept.text

        waiting = pending_walk_ins(office.event_id)
        assert len(waiting) == 4 and {w.desk for w in waiting} == {"Meja A", "Meja B"}
        from_a = [w.id for w in waiting if w.desk == "Meja A"]
        approved_a = approve_walk_ins(from_a, actor=OFFICE)
        assert (approved_a.counts["walk_ins"], approved_a.counts["people_new"]) == (2, 2)
        assert approved_a.counts["checkins_new"] == 2
        approved_b = approve_walk_ins([w.id for w in pending_walk_ins(office.event_id)], actor=OFFICE)
        assert approved_b.counts["walk_ins_known"] == 2 and approved_b.counts["people_new"] == 0
        assert approved_b.counts["office_kept"] == 2  # A's check-ins of the two stay
        assert pending_walk_ins(office.event_id) == []

        att = {reg: Attendance.get(Attendance.registration == reg) for reg in regs[:9]}
        assert (att[regs[4]].desk, att[regs[4]].operator, att[regs[4]].checked_in_at) == (
            "Meja A",
            "Andi",
            nine + dt.timedelta(minutes=3),
        )
        assert (att[regs[5]].desk, att[regs[5]].checked_in_at) == ("Meja A", nine + dt.timedelta(minutes=4))
        assert att[regs[0]].desk == "Kantor BKPSDM"
        assert {att[reg].desk for reg in regs[6:9]} == {"Meja B"}
        # Each walk-in is one person and one registration, with the data typed at the desk.
        assert Person.get(Person.nip == newcomer.nip).phone == "081234567890"
        walk_ins = Registration.select().where(
            (Registration.event == office.event_id) & (Registration.source == "walk_in")
        )
        assert walk_ins.count() == 2
        assert Person.select().where(Person.nama == "Siti Aminah").count() == 1
        assert {a.desk for a in Attendance.select().where(Attendance.registration.in_(walk_ins))} == {"Meja A"}
        # Signatures fill gaps; the office's own stays.
        assert Signature.get(Signature.registration == regs[5]).desk == "Meja A"
        assert Signature.get(Signature.registration == regs[4]).desk == "Meja B"
        assert Signature.get(Signature.registration == regs[0]).desk == "Kantor BKPSDM"

        after_b = office_state()
        for file in (return_b, return_a, return_b):
            assert not merge(file).changed
        assert office_state() == after_b
        # Nothing lost: the office's own, codes 1-8 and the two walk-ins are all present.
        present = Attendance.select().join(Registration).where(Registration.event == office.event_id).count()
        assert present == 1 + 8 + 2
        merged = AuditLog.select().where(AuditLog.action == "checkin.merge")
        assert {(e.desk, e.operator) for e in merged} == {("Meja A", "Andi"), ("Meja B", "Bela")}
        summaries = AuditLog.select().where(AuditLog.action == "package.merge")
        assert summaries.count() == 6 and {e.desk for e in summaries} == {"Kantor BKPSDM"}


def test_a_desk_check_in_of_a_person_cancelled_later_at_the_office_is_kept_and_reported(office, tmp_path):
    laptop, event_id = new_laptop(tmp_path, "laptop-a", export_package(office, tmp_path))
    target = office.registrations[2]
    with laptop.open():
        assert checkin.check_in(event_id, office.codes[target], actor=DESK_A).status == checkin.CheckinStatus.CHECKED_IN
        back = Path(export_checkins(event_id, tmp_path / "kembali.netralitas", actor=DESK_A).path)
    with office.site.open():
        checkin.cancel_registration(target, reason="Berhalangan", actor=OFFICE)
        report = merge(back)
        assert Attendance.select().where(Attendance.registration == target).exists()
    assert report.counts["cancelled_here"] == 1
    assert [c.kind for c in report.conflicts] == ["cancelled"]
    assert "dibatalkan di kantor" in report.conflicts[0].text


def test_a_registration_deleted_at_the_office_comes_back_with_its_check_in(office, tmp_path):
    from netralitas_desktop.core.participants import remove_participant

    laptop, event_id = new_laptop(tmp_path, "laptop-a", export_package(office, tmp_path))
    target = office.registrations[3]
    with laptop.open():
        checkin.check_in(event_id, office.codes[target], actor=DESK_A)
        back = Path(export_checkins(event_id, tmp_path / "kembali.netralitas", actor=DESK_A).path)
    with office.site.open():
        remove_participant(target, actor=OFFICE)
        report = merge(back)
        person = Person.get(Person.nip == office.people[3].nip)
        again = Registration.get((Registration.event == office.event_id) & (Registration.person == person.id))
        assert Attendance.get(Attendance.registration == again.id).desk == "Meja A"
        assert not merge(back).changed
    assert report.counts["registrations_recreated"] == 1 and report.counts["checkins_new"] == 1


def test_an_office_on_postgresql_merges_laptops_on_sqlite(tmp_path, pg_url):
    office = make_office(tmp_path, people=6, url=pg_url)
    package = export_package(office, tmp_path)
    laptop, event_id = new_laptop(tmp_path, "laptop-a", package)
    with laptop.open():
        for reg in office.registrations[1:4]:
            assert (
                checkin.check_in(event_id, office.codes[reg], actor=DESK_A).status == checkin.CheckinStatus.CHECKED_IN
            )
        walked = checkin.walk_in(event_id, PersonData(nama="Siti Aminah", unit_kerja="PKK"), actor=DESK_A)
        signatures.save_signature(walked.registration_id, png_signature(), actor=DESK_A)
        back = Path(export_checkins(event_id, tmp_path / "kembali.netralitas", actor=DESK_A).path)
    with office.site.open():
        first = merge(back)
        state = office_state()
        again = merge(back)
        assert office_state() == state
        assert first.counts["walk_ins_pending"] == 1
        approved = approve_walk_ins([w.id for w in pending_walk_ins(office.event_id)], actor=OFFICE)
    assert (first.counts["checkins_new"], first.counts["signatures_added"]) == (3, 0)
    assert (approved.counts["walk_ins"], approved.counts["checkins_new"], approved.counts["signatures_added"]) == (
        1,
        1,
        1,
    )
    assert not again.changed and again.counts["checkins_already"] == 4
