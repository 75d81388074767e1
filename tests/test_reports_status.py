"""Attendance status and recaps (core/reports/status.py) on real databases.

``make_report_roster`` builds one event with every status; the export, report and GUI tests
import it from here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.reports import status
from netralitas_desktop.core.statuses import PledgeStatus
from support.reports import DESK, EXPECTED, PEOPLE, ReportRoster, make_report_roster


@pytest.fixture
def roster(any_db) -> ReportRoster:
    return make_report_roster()


def test_classify_follows_the_rules():
    assert status.classify("qr", None) == "hadir"
    assert status.classify("walk_in", "sakit") == "hadir"  # a check-in wins over a reason on record
    assert status.classify("online", None) == "daring"
    assert status.classify(None, "dinas_luar") == "dinas_luar"
    assert status.classify(None, None) == "tidak_hadir"
    assert status.classify("qr", None, cancelled=True) == "dibatalkan"


def test_every_registration_gets_its_status_with_time_desk_and_notes(roster):
    rows = {row.registration_id: row for row in status.status_rows(roster.event_id)}
    assert {name: rows[roster[name]].status for name in EXPECTED} == EXPECTED
    budi, dewi, ani = rows[roster["budi"]], rows[roster["dewi"]], rows[roster["ani"]]
    assert budi.full_name == "Drs. Budi Santoso, M.Si." and budi.desk == "Meja 1" and budi.checked_in_at
    assert budi.signed and not budi.ikrar_mandiri_returned
    assert dewi.status_label == "Daring" and dewi.online_minutes == 95 and dewi.checked_in_at.hour == 8
    assert ani.note == "Rapat di provinsi" and ani.status_label == "Izin"
    assert rows[roster["joko"]].ikrar_mandiri_returned and rows[roster["joko"]].phone == "081234567890"
    assert rows[roster["rina"]].note == "Pindah tugas" and not rows[roster["rina"]].counted
    assert status.status_by_registration(roster.event_id) == {rows[r].registration_id: rows[r].status for r in rows}


def test_unit_recap_merges_spellings_and_totals_add_up(roster):
    recap = status.unit_recap(roster.event_id)
    # "DINAS PENDIDIKAN" (1 person) joins "Dinas Pendidikan" (2), shown in the spelling most use.
    assert [group.label for group in recap.groups] == [
        "Desa Mekarsari",
        "Dinas Kesehatan",
        "Dinas Pendidikan",
        "RSUD Sukamakmur",
    ]
    education = next(g for g in recap.groups if g.key == "dinas pendidikan")
    assert (education.registered, education.in_room, education.counts["izin"], education.counts["tidak_hadir"]) == (
        3,
        1,
        1,
        1,
    )
    health = next(g for g in recap.groups if g.key == "dinas kesehatan")
    assert (health.registered, health.online, health.counts["dinas_luar"], health.cancelled) == (2, 1, 1, 1)
    assert health.percentage == pytest.approx(50.0)
    total = recap.total
    assert total.registered == len(PEOPLE) - 1  # the cancelled one is not counted
    assert total.present == 2 and total.absent == 5
    for status_name in status.STATUSES:
        assert sum(group.counts[status_name] for group in recap.groups) == total.counts[status_name]


def test_aggregate_and_row_recaps_agree(roster):
    rows = status.status_rows(roster.event_id)
    for by, aggregate in (("unit", status.unit_recap), ("employment", status.employment_recap)):
        assert status.recap_rows(rows, by).to_dict() == aggregate(roster.event_id).to_dict()


def test_employment_recap_in_roster_order(roster):
    recap = status.employment_recap(roster.event_id)
    assert [group.key for group in recap.groups] == ["PNS", "PPPK", "NON_ASN"]
    assert [group.label for group in recap.groups] == ["PNS", "PPPK", "Non-ASN"]
    pns = recap.groups[0]
    assert (pns.registered, pns.present) == (5, 2)


def test_pledge_counts(roster):
    pledges = status.pledge_counts(status.status_rows(roster.event_id))
    assert pledges.to_dict() == {
        "present": 2,
        "signed_at_desk": 1,
        "absent": 5,
        "ikrar_returned": 1,
        "neither": 4,
        "present_unsigned": 1,
        PledgeStatus.SIGNED: 1,
        PledgeStatus.RETURNED: 1,
        PledgeStatus.PRESENT_UNSIGNED: 1,
        PledgeStatus.OWED: 4,
    }
    assert pledges.registered == 7  # every registered person in exactly one category
    unsigned = status.attended_unsigned(status.status_rows(roster.event_id))
    assert [row.status for row in unsigned] == ["daring"] and unsigned[0].pledge_status == "hadir_belum_ttd"


def test_an_event_without_participants_has_empty_recaps(db):
    event_id = create_event(EventData(title="Kosong", date=dt.date(2024, 7, 1)), actor=DESK)
    recap = status.unit_recap(event_id)
    assert recap.groups == [] and recap.total.registered == 0 and recap.total.percentage == 0.0
    assert status.status_rows(event_id) == []
