"""Online attendance import on the shared sample, end to end on a real database.

The roster the sample refers to is the Kabupaten Sukamakmur SIASN export
(``siasn_export_sukamakmur.csv``, 2,000 people): every NIP in the sample's display names is
in it, and its names are the sample's names. The event (1 July 2024, the sample's date)
invites all of them.

Expected counts, read off the sample (121 rows) with the event's minimum of 60 minutes:

* Two people rejoined under the same name (``Tutik`` + ``tutik``, ``gilang purnomo`` twice),
  so 121 rows are 119 participants.
* 45 rows carry a NIP (``Arif Hidayat (19800103 202321 1 004)``, ``Rahmawati_1984…``); all 45
  are in the roster, so all are matched by NIP: 32 stayed 60 minutes or more, 13 did not
  (e.g. ``Wawan Lestari_197707212000021001``, 5 minutes).
* ``iPhone Sekretariat`` names no one: the only unmatched participant.
* The other 73 participants give a name only. 25 of them name exactly one person of the
  roster, alone or with the unit they wrote after a dash (``Slamet Wibowo - Bayan``: there
  is a Slamet Wibowo in Disdukcapil too, but only one in Kecamatan Bayan) — ``UNIQUE_NAMES``
  below: 15 of those stayed 60 minutes or more, 10 did not (``BELOW_BY_NAME``). The 48
  others are shared by two or more people even inside the named unit (``Budi Hartono``: one
  in Dinas Pendidikan, one in Kecamatan Loano; ``rudi``: 35 people are or start with Rudi):
  ambiguous.

So: matched 32 + 15 = 47, below_minimum 13 + 10 = 23, ambiguous 48, unmatched 1.
``test_the_unique_names_are_unique_in_the_roster_file`` checks the 25/48 split against the
raw SIASN file with the csv module, independently of the matcher.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re

import pytest

from netralitas_desktop.cli import main
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.checkin import check_in
from netralitas_desktop.core.event_settings import online_min_minutes
from netralitas_desktop.core.events import EventData, ValidationError, create_event
from netralitas_desktop.core.models import Attendance, AuditLog, Person, Registration
from netralitas_desktop.core.participants import get_participant, update_participant
from netralitas_desktop.core.reports.models import OnlineAlias, OnlineAttendance, OnlineReport, OnlineSegment
from netralitas_desktop.core.reports.online import (
    OnlineImportError,
    apply_online_import,
    import_online,
    plan_online_import,
)
from netralitas_desktop.core.reports.online_store import set_online_min_minutes
from netralitas_desktop.core.reports.status import status_by_registration
from netralitas_desktop.core.roster.importer import import_roster
from netralitas_desktop.core.statuses import AttendanceStatus

SAMPLE = "laporan_peserta_daring.csv"
ACTOR = Actor("Meja Panitia", "ani")

UNIQUE_NAMES = {  # name-only participants that name exactly one registration (minutes in the sample)
    "Bayu Sulistyo - Ruang": 140,
    "imam wahyuni": 60,
    "Tri Sulistyo": 133,
    "sri firmansyah": 151,
    "Yusuf Nugroho - Hidup": 139,
    "lestari hartono": 140,
    "Wawan Utomo - Kesehatan": 134,
    "Indah Rahayu - Ngombol": 75,
    "Putri Santoso - Sindurjan": 163,
    "Bayu Suryani - Daerah": 157,
    "Endang Suryani - Baledono": 113,
    "Lestari Susanti - Praja": 167,
    "Endang Ramadhan": 140,
    "Rizky Susanti - Sindurjan": 127,
    "Endang Widodo - Kutoarjo": 162,
    "Wawan Kurniasih": 23,
    "Siti Hartono": 23,
    "sugeng utomo": 39,
    "Sugeng Widodo - Loano": 7,
    "Slamet Wibowo - Bayan": 46,
    "wahyu santoso": 36,
    "Wahyu Suryani - Hidup": 54,
    "Bayu Suharto - Kebudayaan": 56,
    "Nur Lestari - Ngombol": 27,
    "Budi Sulistyo - Sosial": 49,
}
BELOW_BY_NAME = {name for name, minutes in UNIQUE_NAMES.items() if minutes < 60}


@pytest.fixture
def event_id(db, fixtures_dir) -> int:
    event = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    result = import_roster(event, fixtures_dir / "siasn_export_sukamakmur.csv")
    assert result.added == 2000
    return event


def registration_of(event_id: int, nip: str) -> int:
    return (
        Registration.select(Registration.id)
        .join(Person)
        .where((Registration.event == event_id) & (Person.nip == nip))
        .scalar()
    )


def sample_participants(fixtures_dir) -> dict[str, list[int]]:
    """Display name (first spelling) -> minutes of its rows, grouped case-blind as rejoins are."""
    with open(fixtures_dir / SAMPLE, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    grouped: dict[str, tuple[str, list[int]]] = {}
    for row in rows:
        name = row["Name (Original Name)"]
        grouped.setdefault(name.casefold(), (name, []))[1].append(int(row["Duration (Minutes)"]))
    return dict(grouped.values())


def has_nip(display_name: str) -> bool:
    return len(re.sub(r"\D", "", display_name)) == 18


def test_the_unique_names_are_unique_in_the_roster_file(fixtures_dir):
    with open(fixtures_dir / "siasn_export_sukamakmur.csv", encoding="utf-8", newline="") as handle:
        roster = [(row["NAMA"].casefold(), row["UNOR NAMA"].casefold().split()) for row in csv.DictReader(handle)]

    def people_named(display_name: str) -> int:
        name, _, unit = display_name.casefold().partition(" - ")
        same = [words for full, words in roster if full == name or (" " not in name and full.startswith(name + " "))]
        return len([words for words in same if not unit or unit in words])

    participants = sample_participants(fixtures_dir)
    name_only = [p for p in participants if not has_nip(p) and p != "iPhone Sekretariat"]
    assert len(participants) == 119 and len(name_only) == 73
    assert {p for p in name_only if people_named(p) == 1} == set(UNIQUE_NAMES)
    assert all(people_named(p) >= 2 for p in name_only if p not in UNIQUE_NAMES)


def test_shared_sample_counts(event_id, fixtures_dir):
    plan = plan_online_import(event_id, fixtures_dir / SAMPLE)
    assert plan.minimum == 60 and not plan.already_imported
    counts = plan.counts()
    assert {k: counts[k] for k in ("matched", "ambiguous", "unmatched", "below_minimum")} == {
        "matched": 47,
        "ambiguous": 48,
        "unmatched": 1,
        "below_minimum": 23,
    }
    assert (counts["rows"], counts["participants"]) == (121, 119)
    by_name = {p.display_name: p for p in plan.participants}
    assert {n for n, p in by_name.items() if p.matched_by == "nip"} == {n for n in by_name if has_nip(n)}
    assert {n for n, p in by_name.items() if p.matched_by == "name"} == set(UNIQUE_NAMES)
    assert {n for n, p in by_name.items() if p.status == "below_minimum" and p.matched_by == "name"} == BELOW_BY_NAME
    assert by_name["iPhone Sekretariat"].status == "unmatched"
    assert "tidak ditemukan" in by_name["iPhone Sekretariat"].reason(60)
    tutik = by_name["Tutik"]  # 42 + 166 minutes, but the 42 lie inside the 166: one person, two devices
    assert (tutik.lines, tutik.minutes, tutik.status) == ([8, 51], 166, "ambiguous")
    assert "pilih orangnya" in tutik.reason(60) and len(tutik.candidates) >= 2
    wawan = by_name["Wawan Lestari_197707212000021001"]
    assert wawan.reason(60) == ("Cocok dengan NIP 19770721 200002 1 001. Hanya 5 menit; batas minimal 60 menit.")


def test_apply_creates_online_check_ins_and_a_desk_check_in_stays_hadir(event_id, fixtures_dir):
    arif = registration_of(event_id, "198001032023211004")  # in the sample with 160 minutes
    assert check_in(event_id, "19800103 202321 1 004", actor=Actor("Meja 1", "budi")).status == "checked_in"
    result = apply_online_import(plan_online_import(event_id, fixtures_dir / SAMPLE), actor=ACTOR)
    assert result.counts["matched"] == 47 and result.counts["already_present"] == 1
    assert result.created == 46
    online = Attendance.select().where(Attendance.method == "online")
    assert online.count() == 46 and {a.desk for a in online} == {"Daring"}
    assert {a.operator for a in online} == {"ani"}
    arif_attendance = Attendance.get(Attendance.registration == arif)
    assert (arif_attendance.method, arif_attendance.desk) == ("nip", "Meja 1")
    statuses = status_by_registration(event_id)
    assert statuses[arif] == AttendanceStatus.PRESENT
    assert sum(1 for s in statuses.values() if s == AttendanceStatus.ONLINE) == 46
    stored = OnlineAttendance.get(OnlineAttendance.registration == arif)
    assert (stored.minutes, stored.matched_by) == (160, "nip")
    assert stored.first_join == dt.datetime(2024, 7, 1, 9, 4)
    # Below the minimum: minutes are kept, no check-in.
    short = registration_of(event_id, "197707212000021001")
    assert OnlineAttendance.get(OnlineAttendance.registration == short).minutes == 5
    assert statuses[short] != AttendanceStatus.ONLINE
    assert OnlineSegment.select().count() == 121
    audit = AuditLog.get(AuditLog.action == "import")
    assert json.loads(audit.detail)["matched"] == 47 and audit.operator == "ani"


def test_reimporting_the_same_report_changes_nothing(event_id, fixtures_dir, tmp_path):
    first = import_online(event_id, fixtures_dir / SAMPLE, actor=ACTOR)
    before = (
        Attendance.select().count(),
        OnlineSegment.select().count(),
        list(OnlineAttendance.select(OnlineAttendance.registration, OnlineAttendance.minutes).tuples()),
    )
    again = import_online(event_id, fixtures_dir / SAMPLE, actor=ACTOR)
    # Excel re-saved it with ';' and Windows-1252, rows in another order: still the same report.
    with open(fixtures_dir / SAMPLE, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    resaved = tmp_path / "laporan_dibuka_excel.csv"
    with open(resaved, "w", encoding="cp1252", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([rows[0], *reversed(rows[1:])])
    third = import_online(event_id, resaved, actor=ACTOR)
    after = (
        Attendance.select().count(),
        OnlineSegment.select().count(),
        list(OnlineAttendance.select(OnlineAttendance.registration, OnlineAttendance.minutes).tuples()),
    )
    assert first.created == 47 and not first.already_imported
    for later in (again, third):
        assert later.already_imported and later.created == 0 and later.report_id == first.report_id
        assert later.counts == first.counts
    assert before == after and OnlineReport.select().count() == 1


def test_a_second_report_adds_minutes(event_id, fixtures_dir, tmp_path):
    import_online(event_id, fixtures_dir / SAMPLE, actor=ACTOR)
    ani = registration_of(event_id, "198404082011052002")  # 43 minutes in the morning session
    second = tmp_path / "sesi_siang.csv"
    second.write_text(
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        "Ani Pratiwi_198404082011052002,,07/01/2024 01:00:00 PM,07/01/2024 01:30:00 PM,30,Yes\n",
        encoding="utf-8",
    )
    result = import_online(event_id, second, actor=ACTOR)
    assert not result.already_imported and result.counts["matched"] == 1 and result.created == 1
    assert OnlineAttendance.get(OnlineAttendance.registration == ani).minutes == 73
    assert Attendance.get(Attendance.registration == ani).method == "online"
    assert OnlineReport.select().count() == 2


def test_manual_assignment_is_audited_reevaluated_and_remembered(event_id, fixtures_dir, tmp_path):
    plan = plan_online_import(event_id, fixtures_dir / SAMPLE)
    wawan = next(p for p in plan.participants if p.display_name == "wawan lestari")  # 72 min, 3 Wawan Lestari
    sindurjan = registration_of(event_id, "197707212000021001")  # also in the sample by NIP, 5 minutes
    assert wawan.status == "ambiguous" and sindurjan in [c.registration_id for c in wawan.candidates]
    plan.assign(wawan.key, sindurjan)
    # The NIP row (5 min) lies inside the named row (09:00-10:12), so the person has 72 minutes.
    assert (wawan.status, wawan.total_minutes) == ("matched", 72)
    assert plan.counts()["matched"] == 48 and plan.counts()["below_minimum"] == 22
    apply_online_import(plan, actor=ACTOR)
    assert Attendance.get(Attendance.registration == sindurjan).method == "online"
    assert OnlineAttendance.get(OnlineAttendance.registration == sindurjan).matched_by == "manual"
    assert OnlineAlias.get(OnlineAlias.participant_key == wawan.key).registration_id == sindurjan
    # A later report with the same display name needs no review.
    later = tmp_path / "sesi_2.csv"
    later.write_text("Name (Original Name),Duration (Minutes)\nwawan lestari,20\n", encoding="utf-8")
    again = plan_online_import(event_id, later)
    assert again.participants[0].registration_id == sindurjan and again.participants[0].matched_by == "manual"


def test_assigning_on_a_report_already_imported_and_undoing_it(event_id, fixtures_dir):
    import_online(event_id, fixtures_dir / SAMPLE, actor=ACTOR)
    plan = plan_online_import(event_id, fixtures_dir / SAMPLE)
    assert plan.already_imported
    hartono = next(p for p in plan.participants if p.display_name == "Budi Hartono")  # 158 minutes, 2 people
    loano = next(c.registration_id for c in hartono.candidates if "Loano" in c.unit_kerja)
    plan.assign(hartono.key, loano)
    result = apply_online_import(plan, actor=ACTOR)
    assert result.already_imported and result.created == 1
    assert Attendance.get(Attendance.registration == loano).method == "online"
    undo = plan_online_import(event_id, fixtures_dir / SAMPLE)
    undo.assign(hartono.key, None)
    assert apply_online_import(undo, actor=ACTOR).removed == 1
    assert Attendance.get_or_none(Attendance.registration == loano) is None
    steps = [json.loads(a.detail)["step"] for a in AuditLog.select().where(AuditLog.action == "import")]
    assert steps == ["apply", "assign", "assign"]


def test_the_minimum_re_evaluates_online_check_ins_only(event_id, fixtures_dir):
    desk = registration_of(event_id, "198001032023211004")
    check_in(event_id, "198001032023211004", actor=ACTOR)
    import_online(event_id, fixtures_dir / SAMPLE, minimum=45, actor=ACTOR)
    assert online_min_minutes(event_id) == 45
    online = lambda: Attendance.select().where(Attendance.method == "online").count()  # noqa: E731
    # At 45 minutes: the 47 matched at 60 and 10 more with 45-59 minutes (6 by NIP: 52, 45, 49,
    # 52, 57, 46; 4 by name: 46, 54, 56, 49) = 57, less Arif Hidayat, checked in at the desk.
    assert online() == 56
    set_online_min_minutes(event_id, 150, actor=ACTOR)
    # 150 minutes or more: 13 by NIP (Arif 160 among them) and 5 by name (151, 163, 157, 167, 162).
    assert online() == 17
    assert Attendance.get(Attendance.registration == desk).method == "nip"  # 160 min, but checked in at the desk
    set_online_min_minutes(event_id, 60, actor=ACTOR)
    assert online() == 46
    with pytest.raises(ValidationError):
        set_online_min_minutes(event_id, -5, actor=ACTOR)


def test_assigning_to_a_cancelled_or_foreign_registration_is_refused(event_id, fixtures_dir):
    plan = plan_online_import(event_id, fixtures_dir / SAMPLE)
    other_event = create_event(EventData(title="Lain", date=dt.date(2024, 8, 1)))
    person = Person.select().first()
    foreign = Registration.create(event=other_event, person=person).id
    with pytest.raises(ValidationError, match="tidak terdaftar"):
        plan.assign(plan.review()[0].key, foreign)


def test_email_and_fuzzy_name_in_unit_on_the_google_meet_fixture(event_id, fixtures_dir):
    """Matched: Indah Ramadhan by NIP (100 min), Sugeng Widodo - Loano by name and unit
    (35 + 40 min over two rows with one email), "Endang Widoda - Kutoarjo" by a close name in
    Kecamatan Kutoarjo (Endang Widodo), "Pak Imam" by email, Lestari Hartono by name: 5.
    Below the minimum: Tri Sulistyo (25 min): 1. Ambiguous: Budi Hartono (two people): 1.
    Unmatched: "Galaxy A52" and "Ruang Rapat BKPSDM": 2."""
    imam = registration_of(event_id, "196508181989021001")
    data, _, _ = get_participant(imam)
    data.email = "imam.wahyuni@sukamakmur.go.id"
    update_participant(imam, data)
    result = import_online(event_id, fixtures_dir / "kehadiran_google_meet.csv", actor=ACTOR)
    assert {k: result.counts[k] for k in ("matched", "ambiguous", "unmatched", "below_minimum")} == {
        "matched": 5,
        "ambiguous": 1,
        "unmatched": 2,
        "below_minimum": 1,
    }
    by_name = {p.display_name: p for p in result.participants}
    assert by_name["Pak Imam"].registration_id == imam and by_name["Pak Imam"].matched_by == "email"
    assert by_name["Sugeng Widodo - Loano"].total_minutes == 75
    endang = by_name["Endang Widoda - Kutoarjo"]
    assert endang.matched_by == "fuzzy" and "Endang Widodo" in endang.reason(60)
    assert endang.registration_id == registration_of(event_id, "196504051993072001")


def test_fuzzy_names_too_close_to_tell_apart_are_ambiguous(db, tmp_path):
    event = create_event(EventData(title="Uji", date=dt.date(2024, 7, 1)))
    roster = tmp_path / "peserta.csv"
    roster.write_text(
        "Nama,NIP,Unit Kerja\n"
        "Siti Aminah,198001012005012001,Dinas Kesehatan\n"
        "Siti Aminan,198101012006012001,Dinas Kesehatan\n"
        "Siti Aminah,198201012007012001,Dinas Sosial\n",
        encoding="utf-8",
    )
    import_roster(event, roster)
    report = tmp_path / "zoom.csv"
    report.write_text(
        "Name (Original Name),Duration (Minutes)\nSiti Amina - Dinkes,90\nSiti Amina - Kesehatan,90\n", encoding="utf-8"
    )
    plan = plan_online_import(event, report)
    by_name = {p.display_name: p for p in plan.participants}
    assert by_name["Siti Amina - Dinkes"].status == "unmatched"  # "Dinkes" is no unit of this roster
    close = by_name["Siti Amina - Kesehatan"]
    assert close.status == "ambiguous" and len(close.candidates) == 2 and "mirip" in close.reason(60)


def test_cli_online_import(event_id, fixtures_dir, sqlite_url, capsys):
    from netralitas_desktop.core.database import close_database

    close_database()
    args = ["--db", sqlite_url, "online", "import", str(fixtures_dir / SAMPLE), "--event", str(event_id)]
    assert main([*args, "--min-minutes", "60", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {k: data[k] for k in ("matched", "ambiguous", "unmatched", "below_minimum")} == {
        "matched": 47,
        "ambiguous": 48,
        "unmatched": 1,
        "below_minimum": 23,
    }
    assert data["attendances_created"] == 47 and len(data["rows_to_review"]) == 49
    assert main(args) == 0
    text = capsys.readouterr().out
    assert text.startswith("Laporan ini sudah pernah diimpor; tidak ada yang berubah.")
    assert (
        "47 cocok dan dihitung hadir daring, 23 cocok tetapi di bawah batas menit, 48 meragukan, 1 tidak dikenali"
        in text
    )
    assert "- baris 122: iPhone Sekretariat (1 menit) — Nama tidak ditemukan di daftar peserta." in text


def test_cli_refuses_bad_input_in_indonesian(event_id, fixtures_dir, sqlite_url, capsys):
    from netralitas_desktop.core.database import close_database

    close_database()
    base = ["--db", sqlite_url, "online", "import"]
    assert main([*base, str(fixtures_dir / "undangan_sosialisasi.xlsx"), "--event", str(event_id)]) == 2
    assert "bukan laporan peserta rapat daring" in capsys.readouterr().err
    assert main([*base, str(fixtures_dir / SAMPLE), "--event", str(event_id), "--min-minutes", "-1"]) == 2
    assert "tidak boleh negatif" in capsys.readouterr().err
    assert main([*base, str(fixtures_dir / SAMPLE), "--event", "999", "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_an_empty_report_is_refused(event_id, tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_text("Name (Original Name),Duration (Minutes)\n", encoding="utf-8")
    with pytest.raises(OnlineImportError, match="tidak berisi baris peserta"):
        plan_online_import(event_id, path)


def test_import_and_desk_check_in_on_both_backends(any_db, fixtures_dir):
    """Same counts on SQLite and PostgreSQL; the ON CONFLICT path leaves a desk check-in alone."""
    event = create_event(EventData(title="Sosialisasi", date=dt.date(2024, 7, 1)))
    import_roster(event, fixtures_dir / "siasn_export_sukamakmur.csv")
    check_in(event, "198001032023211004", actor=Actor("Meja 1", "budi"))
    result = import_online(event, fixtures_dir / SAMPLE, actor=ACTOR)
    assert {k: result.counts[k] for k in ("matched", "ambiguous", "unmatched", "below_minimum")} == {
        "matched": 47,
        "ambiguous": 48,
        "unmatched": 1,
        "below_minimum": 23,
    }
    assert result.created == 46
    assert import_online(event, fixtures_dir / SAMPLE, actor=ACTOR).created == 0
    assert Attendance.select().where(Attendance.method == "online").count() == 46
