"""Campaign coverage over a 2,000-person master roster, three events and ikrar mandiri returns (issue 17).

Runs on SQLite and PostgreSQL. People check in at a desk by NIP, sign at the desk, follow
online (a Zoom report, minimum 60 minutes), return ikrar mandiri forms; the master roster
is re-imported with movers and leavers. The expected coverage is computed here from what
the test did, person by person, and compared with ``load_coverage``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from netralitas_desktop.core.campaigns import coverage as cov
from netralitas_desktop.core.campaigns import gap, service
from netralitas_desktop.core.campaigns.master_roster import (
    NO_NUMBER,
    apply_master_import,
    import_master_roster,
    plan_master_import,
    roster_summary,
)
from netralitas_desktop.core.campaigns.models import CoverageCredit
from netralitas_desktop.core.checkin import CheckinStatus, check_in
from netralitas_desktop.core.events import NotFoundError, ValidationError
from netralitas_desktop.core.models import Person, Registration
from netralitas_desktop.core.names import fold
from netralitas_desktop.core.pledges import mandiri_code, returns
from netralitas_desktop.core.purge import purge_event
from netralitas_desktop.core.reports.online import import_online
from netralitas_desktop.core.roster.importer import import_roster
from netralitas_desktop.core.signatures import save_signature
from support.campaigns import (
    DESK,
    make_event,
    non_asn_people,
    siasn,
    write_non_asn_xlsx,
    write_siasn,
    write_zoom_report,
)
from support.pledges import signature_png

DAY = dt.date(2024, 9, 2)


def registration_of(event_id: int, *, nip: str = "", nik: str = "") -> int:
    person = Person.nip == nip if nip else Person.nik == nik
    return Registration.select(Registration.id).join(Person).where((Registration.event == event_id) & person).scalar()


@pytest.fixture
def roster_files(tmp_path):
    header, rows = siasn()
    staff = non_asn_people(40)
    return {
        "header": header,
        "rows": rows,
        "staff": staff,
        "siasn": write_siasn(tmp_path / "siasn_lengkap.csv", header, rows[:1960]),
        "non_asn": write_non_asn_xlsx(tmp_path / "non_asn.xlsx", staff),
    }


def test_master_roster_import_keeps_current_who_moved_and_who_left(any_db, roster_files, tmp_path):
    header, rows = roster_files["header"], roster_files["rows"]
    first = import_master_roster(roster_files["siasn"], actor=DESK)
    assert first.counts["added"] == 1960 and first.counts["rejected"] == 0
    staff = import_master_roster(roster_files["non_asn"], actor=DESK)
    assert staff.counts["added"] == 40 and staff.counts["left"] == 0  # the SIASN export is another list
    assert roster_summary().active == 2000

    target = next(row.unit for row in rows if row.unit != rows[0].unit)
    changed = [row.moved_to(target) if index < 10 else row for index, row in enumerate(rows[:1960])]
    changed = changed[:1900] + changed[1915:]  # 15 retired or moved away
    plan = plan_master_import(write_siasn(tmp_path / "siasn_baru.csv", header, changed))
    moved = sum(1 for row in rows[:10] if row.unit != target)
    assert plan.counts() == {
        "added": 0,
        "updated": 0,
        "moved": moved,
        "returned": 0,
        "unchanged": 1945 - moved,
        "left": 15,
        "rejected": 0,
    }
    assert {leaver.nip for leaver in plan.leaving} == {row.nip for row in rows[1900:1915]}
    assert plan.warning == ""
    apply_master_import(plan, actor=DESK)
    summary = roster_summary()
    assert (summary.active, summary.left) == (1985, 15)

    # The list back in full: the fifteen are active again; a non-ASN list never touches PNS/PPPK.
    back = import_master_roster(roster_files["siasn"], actor=DESK)
    assert back.counts["returned"] == 15 and back.counts["moved"] == moved
    assert roster_summary().active == 2000


def test_master_roster_refuses_rows_it_cannot_recognise_and_never_takes_them_for_gone(any_db, roster_files, tmp_path):
    header, rows = roster_files["header"], roster_files["rows"]
    import_master_roster(roster_files["siasn"], actor=DESK)
    broken = list(rows[:1960])
    bad = list(broken[5].values)
    bad[-1] = "bukan-email"  # the EMAIL column: the row is refused, but the person is still in the export
    broken[5] = type(broken[5])(bad)
    no_number = list(broken[6].values)
    no_number[1] = "null"
    broken[6] = type(broken[6])(no_number)
    plan = plan_master_import(write_siasn(tmp_path / "rusak.csv", header, broken))
    reasons = {issue.row: issue.reason for issue in plan.rejected}
    assert "email" in reasons[7].lower() and reasons[8]  # file rows 7 and 8 (header is row 1)
    # The refused email row still names its NIP: that person stays. The row without any number
    # cannot be told apart from someone new, so its member is listed as leaving (the preview shows who).
    assert [leaver.nip for leaver in plan.leaving] == [rows[6].nip]
    partial = plan_master_import(write_siasn(tmp_path / "satu_opd.csv", header, rows[:50]), partial=True)
    assert partial.counts()["left"] == 0 and partial.counts()["unchanged"] == 50
    whole = plan_master_import(write_siasn(tmp_path / "satu_opd.csv", header, rows[:50]))
    assert whole.counts()["left"] == 1910 and "impor sebagian" in whole.warning
    staff = roster_files["staff"][:3]
    nameless = write_non_asn_xlsx(tmp_path / "tanpa_nik.xlsx", [type(p)(**{**p.__dict__, "nik": ""}) for p in staff])
    assert {issue.reason for issue in plan_master_import(nameless).rejected} == {NO_NUMBER}


def test_coverage_counts_each_person_once_over_three_events_and_returns(any_db, roster_files, tmp_path):
    header, rows, staff = roster_files["header"], roster_files["rows"], roster_files["staff"]
    import_master_roster(roster_files["siasn"], actor=DESK)
    import_master_roster(roster_files["non_asn"], actor=DESK)

    # Event 1, the heads' session: 300 invited, 250 check in by NIP, 50 of them sign at the desk.
    central = make_event("Sosialisasi Netralitas bagi Pimpinan OPD", DAY, letterhead=True)
    import_roster(central, write_siasn(tmp_path / "undangan_pimpinan.csv", header, rows[:300]), actor=DESK)
    for row in rows[:250]:
        assert check_in(central, row.nip, actor=DESK).status == CheckinStatus.CHECKED_IN
    for row in rows[:50]:
        save_signature(registration_of(central, nip=row.nip), signature_png(1), actor=DESK)
    # Ten absent heads return the ikrar mandiri of that event; they also came to the OPD session.
    for row in rows[250:260]:
        code = mandiri_code.encode(central, registration_of(central, nip=row.nip))
        assert returns.receive_by_code(central, code, DESK).status == returns.ReturnStatus.RECEIVED

    # Event 2, per OPD: 800 invited plus ten people the master roster does not know; 600 come.
    opd = make_event("Sosialisasi Netralitas per OPD", DAY + dt.timedelta(days=7))
    import_roster(opd, write_siasn(tmp_path / "undangan_opd.csv", header, rows[200:1000] + rows[1960:1970]))
    for row in rows[200:800] + rows[1960:1970]:
        assert check_in(opd, row.nip, actor=DESK).status == CheckinStatus.CHECKED_IN
    from netralitas_desktop.core.participants import add_participant

    for person in staff[:20]:
        add_participant(opd, person, actor=DESK)
    for person in staff[:15]:
        assert check_in(opd, person.nik, actor=DESK).status == CheckinStatus.CHECKED_IN

    # Event 3, online: 400 registered, 300 stay 90 minutes, 100 only 30 (below the minimum of 60).
    online = make_event("Sosialisasi Netralitas Daring", DAY + dt.timedelta(days=14))
    import_roster(online, write_siasn(tmp_path / "undangan_daring.csv", header, rows[900:1300]))
    people = [(row.values[3].title(), row.nip, 90) for row in rows[900:1200]]
    people += [(row.values[3].title(), row.nip, 30) for row in rows[1200:1300]]
    result = import_online(online, write_zoom_report(tmp_path / "zoom.csv", people, DAY), minimum=60, actor=DESK)
    assert result.created == 300

    campaign = service.create_campaign(service.CampaignData("Netralitas ASN Pilkada 2024", dt.date(2024, 11, 1)))
    for event_id in (central, opd, online):
        assert service.add_event(campaign, event_id, actor=DESK)
    assert not service.add_event(campaign, opd, actor=DESK)

    # Closing the gap in one OPD: forms for everyone still owing there; five come back.
    unit_key = fold(rows[1500].unit)
    before = cov.load_coverage(campaign)
    owing_there = cov.owing_rows(before, unit_key)
    done = gap.write_gap_forms(campaign, tmp_path / "formulir.pdf", unit_key=unit_key, actor=DESK)
    assert done.people == len(owing_there) == before.unit(unit_key).owing
    returned = owing_there[:5]
    for member in returned:
        code = mandiri_code.encode(done.event_id, registration_of(done.event_id, nip=member.nip))
        assert gap.receive_form(campaign, code, DESK).status == returns.ReturnStatus.RECEIVED
        assert gap.receive_form(campaign, code, DESK).status == returns.ReturnStatus.ALREADY

    # The roster is re-imported: ten move OPD, five who pledged and ten who did not have left.
    target = next(row.unit for row in rows if row.unit != rows[0].unit)
    returned_numbers = {member.nip for member in returned}
    gone = {row.nip for row in rows[700:705]}  # pledged in the OPD session
    gone |= {row.nip for row in [row for row in rows[1900:1960] if row.unit != rows[1500].unit][:10]}
    current = [row.moved_to(target) if index < 10 else row for index, row in enumerate(rows[:1960])]
    current = [row for row in current if row.nip not in gone]
    import_master_roster(write_siasn(tmp_path / "siasn_oktober.csv", header, current), actor=DESK)

    covered = (
        {row.nip for row in rows[:250] + rows[200:800] + rows[900:1200]}
        | {member.nip for member in returned}
        | {person.nik for person in staff[:15]}
    ) - gone
    unit_now = {row.nip: row.unit for row in current} | {p.nik: p.unit_kerja for p in staff}
    coverage = cov.load_coverage(campaign)
    assert coverage.total.target == 2000 - len(gone)
    assert coverage.total.covered == len(covered)
    assert coverage.total.owing == coverage.total.target - len(covered)
    assert coverage.outside_roster == 10 + 5  # unknown to the roster, and those who left
    assert coverage.left_members == len(gone)
    expected_units = Counter(fold(unit_now[number]) for number in covered)
    assert {g.key: g.covered for g in coverage.units if g.covered} == dict(expected_units)
    assert sum(g.target for g in coverage.units) == coverage.total.target
    assert dict(coverage.total.routes) == {
        cov.ROUTE_DESK: 50,
        cov.ROUTE_SHEET: len({row.nip for row in rows[50:800]} - gone) + 15,
        cov.ROUTE_ONLINE: 300,
        cov.ROUTE_MANDIRI: 5,
    }
    kinds = {g.key: (g.target, g.covered) for g in coverage.employment}
    assert kinds["PPNPN"][0] + kinds["NON_ASN"][0] == 40
    assert kinds["PPNPN"][1] + kinds["NON_ASN"][1] == 15
    # A mover owes in the OPD they are in now.
    mover = next(row for row in rows[:10] if row.unit != target)
    assert coverage.member_units[_member_id(coverage, mover.nip)] == fold(target)
    owing_names = cov.owing_rows(coverage)
    assert len(owing_names) == coverage.total.owing
    assert not {row.nip for row in owing_names} & covered
    noted = {row.nip: row.full_note for row in owing_names}
    assert noted[rows[850].nip].startswith("Tidak hadir: Sosialisasi Netralitas per OPD")
    sent = {member.nip for member in owing_there[5:]}  # forms sent, not back yet
    assert sent and all("formulir ikrar mandiri dibuat" in noted[nip].lower() for nip in sent)
    assert not returned_numbers & set(noted)


def _member_id(coverage: cov.Coverage, nip: str) -> int:
    from netralitas_desktop.core.campaigns.models import RosterMember

    return RosterMember.get(RosterMember.nip == nip).id


def test_purge_keeps_the_campaigns_coverage_and_owing_list(any_db, roster_files, tmp_path):
    header, rows = roster_files["header"], roster_files["rows"]
    import_master_roster(write_siasn(tmp_path / "induk.csv", header, rows[:400]), actor=DESK)
    first = make_event("Sosialisasi Tahap 1", DAY)
    second = make_event("Sosialisasi Tahap 2", DAY + dt.timedelta(days=3))
    import_roster(first, write_siasn(tmp_path / "t1.csv", header, rows[:200]))
    import_roster(second, write_siasn(tmp_path / "t2.csv", header, rows[150:300]))
    for row in rows[:120]:
        check_in(first, row.nip, actor=DESK)
    for row in rows[100:110]:
        save_signature(registration_of(first, nip=row.nip), signature_png(2), actor=DESK)
    for row in rows[150:250]:
        check_in(second, row.nip, actor=DESK)
    campaign = service.create_campaign(service.CampaignData("Pilkada 2024", dt.date(2024, 11, 1)))
    other = service.create_campaign(service.CampaignData("Kampanye lain", dt.date(2024, 12, 1)))
    for event_id in (first, second):
        service.add_event(campaign, event_id)
    before = cov.load_coverage(campaign)
    owing_before = [row.member_id for row in cov.owing_rows(before)]
    purge_event(first, actor=DESK)
    assert Registration.select().where(Registration.event == first).count() == 0
    after = cov.load_coverage(campaign)
    assert after.total.to_dict() == before.total.to_dict()
    assert [g.to_dict() for g in after.units] == [g.to_dict() for g in before.units]
    assert [row.member_id for row in cov.owing_rows(after)] == owing_before
    assert CoverageCredit.select().where(CoverageCredit.campaign == other).count() == 0
    # Taking the purged event out of the campaign takes its credits too.
    service.remove_event(campaign, first)
    assert cov.load_coverage(campaign).total.covered == len({row.nip for row in rows[150:250]})


def test_excused_members_leave_the_owing_list_with_their_reason(any_db, roster_files, tmp_path):
    header, rows = roster_files["header"], roster_files["rows"]
    import_master_roster(write_siasn(tmp_path / "induk.csv", header, rows[:100]), actor=DESK)
    event_id = make_event("Sosialisasi", DAY)
    import_roster(event_id, write_siasn(tmp_path / "u.csv", header, rows[:100]))
    for row in rows[:60]:
        check_in(event_id, row.nip, actor=DESK)
    campaign = service.create_campaign(service.CampaignData("Pilkada", dt.date(2024, 11, 1)))
    service.add_event(campaign, event_id)
    coverage = cov.load_coverage(campaign)
    owing = coverage.member_ids(cov.OWING)
    covered = coverage.member_ids(cov.COVERED)
    with pytest.raises(ValidationError):
        service.excuse(campaign, owing[:2], "lainnya", "", actor=DESK)
    assert service.excuse(campaign, owing[:3], "tugas_belajar", actor=DESK) == 3
    service.excuse(campaign, owing[3:4] + covered[:1], "lainnya", "Cuti di luar tanggungan negara", actor=DESK)
    coverage = cov.load_coverage(campaign)
    assert (coverage.total.covered, coverage.total.excused, coverage.total.owing) == (60, 4, 36)
    assert float(coverage.total.percentage) == pytest.approx(100 * 60 / 96, abs=0.05)
    assert dict(coverage.total.reasons) == {"tugas_belajar": 3, "lainnya": 1}
    excused = cov.owing_rows(coverage, state=cov.EXCUSED)
    assert {row.excuse_label for row in excused} == {"Tugas belajar", "Lainnya: Cuti di luar tanggungan negara"}
    assert service.unexcuse(campaign, owing[:3], actor=DESK) == 3
    assert cov.load_coverage(campaign).total.owing == 39
    with pytest.raises(NotFoundError):
        service.excuse(campaign, [999_999], "cuti")


def test_campaign_needs_a_name_and_a_deadline_and_known_events(any_db):
    with pytest.raises(ValidationError) as caught:
        service.create_campaign(service.CampaignData("  ", None))
    assert set(caught.value.errors) == {"name", "deadline"}
    campaign = service.create_campaign(service.CampaignData("Pilkada", dt.date(2024, 11, 1)))
    with pytest.raises(NotFoundError):
        service.add_event(campaign, 12345)
    with pytest.raises(ValidationError):
        gap.ensure_mandiri_event(campaign)  # no event to take the wording from yet
    assert service.find_campaign("pilkada").id == campaign
    with pytest.raises(NotFoundError):
        service.find_campaign("Tidak ada")


def test_kept_evidence_follows_every_kind_of_change_like_a_fresh_read(any_db, roster_files, tmp_path, monkeypatch):
    """The live view keeps what it read and catches up with what desks add; whatever happens, it must
    agree with reading everything again."""
    from netralitas_desktop.core.campaigns import evidence
    from netralitas_desktop.core.campaigns.pledged import pledged_members, roster_index
    from netralitas_desktop.core.checkin import (
        cancel_registration,
        check_in_registration,
        restore_registration,
        undo_check_in,
        walk_in,
    )
    from netralitas_desktop.core.participants import (
        PersonData,
        get_participant,
        remove_participant,
        update_participant,
    )
    from netralitas_desktop.core.signatures import delete_signature

    header, rows = roster_files["header"], roster_files["rows"]
    import_master_roster(write_siasn(tmp_path / "induk.csv", header, rows[:120]), actor=DESK)
    event_id = make_event("Sosialisasi", DAY)
    import_roster(event_id, write_siasn(tmp_path / "u.csv", header, rows[:80]))
    campaign = service.create_campaign(service.CampaignData("Pilkada", dt.date(2024, 11, 1)))
    service.add_event(campaign, event_id)
    evidence.forget()
    reg = [registration_of(event_id, nip=row.nip) for row in rows[:80]]

    def agree(step: str) -> None:
        active = roster_index().active
        kept = pledged_members([event_id], active)
        fresh = pledged_members([event_id], active, keep=False)
        assert kept == fresh, step
        assert cov.load_coverage(campaign).total.covered == len(fresh[0]), step

    agree("nothing yet")
    full_reads = []
    read_all = evidence._read_all
    monkeypatch.setattr(evidence, "_read_all", lambda ids: full_reads.append(ids) or read_all(ids))
    for index in range(10):
        check_in_registration(reg[index], actor=DESK)
        agree("a check-in")
    save_signature(reg[5], signature_png(3), actor=DESK)
    agree("a signature after a check-in")
    assert len(full_reads) == 11  # only the comparisons' own fresh reads: the kept rows caught up each time
    save_signature(reg[20], signature_png(3), actor=DESK)  # a signature without a check-in on record
    agree("signature")
    undo_check_in(reg[0], reason="salah orang", actor=DESK)
    agree("check-in undone")
    returns.receive_by_code(event_id, mandiri_code.encode(event_id, reg[40]), DESK)
    agree("form received")
    cancel_registration(reg[40], reason="salah undang", actor=DESK)
    agree("cancelled after the form came back")
    restore_registration(reg[40], actor=DESK)
    agree("restored")
    returns.receive_by_code(event_id, mandiri_code.encode(event_id, reg[30]), DESK)
    agree("form received")
    returns.undo_return(reg[30], reason="formulir orang lain", actor=DESK)
    agree("receipt undone")
    delete_signature(reg[20], actor=DESK)
    agree("signature deleted")
    walk_in(event_id, PersonData(nama="Tamu", nip=rows[100].nip), actor=DESK)
    agree("walk-in of a roster member")
    remove_participant(reg[2], actor=DESK)
    agree("participant removed after checking in")
    data, _, _ = get_participant(reg[3])
    update_participant(reg[3], type(data)(**{**data.__dict__, "nip": rows[110].nip}), actor=DESK)
    agree("participant's NIP corrected")
    import_master_roster(write_siasn(tmp_path / "induk2.csv", header, rows[5:120]), actor=DESK)
    agree("roster re-imported")


def test_one_refresh_reads_each_table_once_and_the_next_sees_the_change(any_db, roster_files, tmp_path, monkeypatch):
    from netralitas_desktop.core.campaigns import pledged

    header, rows = roster_files["header"], roster_files["rows"]
    import_master_roster(write_siasn(tmp_path / "induk.csv", header, rows[:60]), actor=DESK)
    event_id = make_event("Sosialisasi", DAY)
    import_roster(event_id, write_siasn(tmp_path / "u.csv", header, rows[:40]))
    campaign = service.create_campaign(service.CampaignData("Pilkada", dt.date(2024, 11, 1)))
    service.add_event(campaign, event_id)
    taken = []
    take = pledged._take_fingerprint
    monkeypatch.setattr(pledged, "_take_fingerprint", lambda model: taken.append(model.__name__) or take(model))
    with pledged.one_reading():  # what one refresh of the view does
        coverage = cov.load_coverage(campaign)
        cov.owing_rows(coverage, coverage.units[0].key)
        cov.owing_rows(coverage, state=cov.EXCUSED)
    assert sorted(taken) == ["Person", "RosterMember"]
    taken.clear()
    cov.owing_rows(cov.load_coverage(campaign))  # outside a reading: each question looks again
    assert len(taken) > 2
    before = cov.load_coverage(campaign).total.target
    import_master_roster(write_siasn(tmp_path / "induk2.csv", header, rows[:70]), actor=DESK)
    with pledged.one_reading():
        assert cov.load_coverage(campaign).total.target == before + 10


def test_owing_ids_of_one_opd_are_those_of_the_whole_list_in_that_opd(any_db, roster_files, tmp_path):
    header, rows = roster_files["header"], roster_files["rows"]
    import_master_roster(write_siasn(tmp_path / "induk.csv", header, rows[:300]), actor=DESK)
    event_id = make_event("Sosialisasi", DAY)
    import_roster(event_id, write_siasn(tmp_path / "u.csv", header, rows[:150]))
    for row in rows[:50]:
        assert check_in(event_id, row.nip, actor=DESK).status == CheckinStatus.CHECKED_IN
    campaign = service.create_campaign(service.CampaignData("Pilkada", dt.date(2024, 11, 1)))
    service.add_event(campaign, event_id)
    coverage = cov.load_coverage(campaign)
    everyone = coverage.member_ids(cov.OWING)
    for group in coverage.units:
        in_unit = [m for m in everyone if coverage.member_units[m] == group.key]
        assert sorted(coverage.member_ids(cov.OWING, group.key)) == sorted(in_unit)
        assert len(in_unit) == group.owing
