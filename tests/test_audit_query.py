"""The audit log: every kind of change leaves an entry with desk and operator; filters, pages, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from netralitas_desktop.core import audit_query, checkin, purge
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.audit_query import AuditFilter
from netralitas_desktop.core.certificates.models import Certificate, CertificateRegister
from netralitas_desktop.core.certificates.verify import revoke
from netralitas_desktop.core.events import EventData, create_event, delete_event
from netralitas_desktop.core.models import AuditLog, now
from netralitas_desktop.core.offline import (
    export_checkins,
    export_event_package,
    import_package,
    merge_checkins,
    read_package,
)
from netralitas_desktop.core.participants import PersonData, add_participant, remove_participant, update_participant
from netralitas_desktop.core.reports.export_csv import CsvExportJob
from netralitas_desktop.core.roster.importer import import_roster
from support.offline import Site, make_office

DESK = Actor("Meja 3", "Wulan")


def test_every_change_is_audited_with_desk_and_operator(tmp_path, fixtures_dir):
    """check-in, undo, edit, delete, import, export, revoke, merge, purge — each with desk and operator."""
    office = make_office(tmp_path)
    package = tmp_path / "paket.netralitas"
    with office.site.open():
        event_id = office.event_id
        reg = office.registrations[2]
        steps = {
            "checkin": lambda: checkin.check_in(event_id, office.codes[reg], actor=DESK),
            "checkin.undo": lambda: checkin.undo_check_in(reg, reason="salah pindai", actor=DESK),
            "participant.edit": lambda: update_participant(reg, office.people[2], actor=DESK),
            "participant.delete": lambda: remove_participant(office.registrations[3], actor=DESK),
            "roster.import": lambda: import_roster(event_id, fixtures_dir / "undangan_sosialisasi.xlsx", actor=DESK),
            "export": lambda: CsvExportJob(event_id, tmp_path / "hadir.csv", actor=DESK).run(),
            "package.export": lambda: export_event_package(event_id, package, actor=DESK),
        }
        for action, step in steps.items():
            step()
            last = AuditLog.select().order_by(AuditLog.id.desc()).first()
            assert (last.action, last.desk, last.operator) == (action, "Meja 3", "Wulan"), action
            assert last.event_id == event_id
    laptop = Site(tmp_path / "laptop.db")
    with laptop.open():
        local_event = import_package(package, actor=DESK, office_key=office.fingerprint).event_id
        assert AuditLog.get(AuditLog.action == "package.import").desk == "Meja 3"
        checkin.check_in(local_event, office.codes[office.registrations[4]], actor=Actor("Meja 9", "Tono"))
        back = export_checkins(local_event, tmp_path / "kembali.netralitas", actor=DESK).path
        assert AuditLog.get(AuditLog.action == "package.export_checkins").operator == "Wulan"
    with office.site.open():
        merge_checkins(back, actor=DESK, desk_key=read_package(back).fingerprint)
        assert (
            AuditLog.get(AuditLog.action == "package.merge").desk,
            AuditLog.get(AuditLog.action == "checkin.merge").desk,
        ) == ("Meja 3", "Meja 9")
        Certificate.create(event=event_id, registration=office.registrations[0], seq=1, number="001/X")
        CertificateRegister.create(event_id=event_id, seq=1, number="001/X")
        revoke("001/X", "salah nama", actor=DESK)
        purge.purge_event(event_id, actor=DESK)
        delete_event(office.other_event_id, actor=DESK)
        for action in ("revoke", "event.purge", "event.delete"):
            entry = AuditLog.select().where(AuditLog.action == action).get()
            assert (entry.desk, entry.operator) == ("Meja 3", "Wulan"), action


@pytest.fixture
def log(db):
    """Entries over three days, two events and two desks."""
    first = create_event(EventData(title="Sosialisasi Kecamatan Utara", date=dt.date(2024, 7, 1)))
    second = create_event(EventData(title="Apel Siaga", date=dt.date(2024, 7, 2)))
    reg = add_participant(first, PersonData(nama="Rina", nik="3305014107900001"), actor=DESK)
    AuditLog.delete().execute()
    day = dt.datetime(2024, 7, 1, 8, 0)
    rows = []
    for index in range(450):
        rows.append(
            {
                "at": day + dt.timedelta(hours=index // 6),
                "action": ("checkin", "checkin.undo", "export")[index % 3],
                "event": (first, second)[index % 2],
                "desk": ("Meja 1", "Meja 2")[index % 2],
                "operator": "Sari",
                "detail": json.dumps({"registration_id": reg, "method": "qr"}),
            }
        )
    AuditLog.insert_many(rows).execute()
    return {"first": first, "second": second}


def test_filters_by_event_action_desk_text_and_dates(log):
    assert audit_query.count_entries() == 450
    assert audit_query.count_entries(AuditFilter(event_id=log["first"])) == 225
    assert audit_query.count_entries(AuditFilter(action="checkin.undo")) == 150
    assert audit_query.count_entries(AuditFilter(action="checkin")) == 300  # the group: checkin and checkin.undo
    assert audit_query.count_entries(AuditFilter(desk="Meja 2")) == 225
    assert audit_query.count_entries(AuditFilter(text="apel")) == 225  # the event title, any case
    assert audit_query.count_entries(AuditFilter(text="dibatalkan")) == 150  # the Indonesian label of undo
    one_day = AuditFilter(date_from=dt.date(2024, 7, 2), date_to=dt.date(2024, 7, 2))
    assert audit_query.count_entries(one_day) == 6 * 24
    entries = audit_query.list_entries(one_day, limit=1000)
    assert all(entry.at.date() == dt.date(2024, 7, 2) for entry in entries)
    both = AuditFilter(event_id=log["second"], action="checkin", desk="Meja 2", date_from=dt.date(2024, 7, 3))
    assert audit_query.count_entries(both) == len(audit_query.list_entries(both, limit=1000)) > 0


def test_pages_are_newest_first_and_do_not_overlap(log):
    pages = [audit_query.list_entries(AuditFilter(), offset=offset, limit=200) for offset in (0, 200, 400)]
    assert [len(page) for page in pages] == [200, 200, 50]
    ids = [entry.id for page in pages for entry in page]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == 450


def test_details_and_actions_read_in_indonesian(log):
    entry = audit_query.list_entries(AuditFilter(action="checkin.undo"), limit=1)[0]
    assert entry.action_label == "Kehadiran dibatalkan"
    assert entry.event_title in ("Sosialisasi Kecamatan Utara", "Apel Siaga")
    assert entry.detail_text == f"Nomor pendaftaran: {entry.detail['registration_id']}; Cara: QR undangan"
    assert audit_query.detail_lines({"replaced": True, "desks": ["Meja A", "Meja B"], "first_desk": None}) == [
        "Mengganti yang lama: ya",
        "Meja: Meja A, Meja B",
        "Meja pencatat pertama: —",
    ]
    assert audit_query.detail_lines({"some_new_key": 3}) == ["Some new key: 3"]
    actions = dict(audit_query.action_choices())
    assert actions == {
        "checkin": "Hadir (check-in)",
        "checkin.undo": "Kehadiran dibatalkan",
        "export": "Berkas diekspor",
    }
    assert audit_query.desk_choices() == ["Meja 1", "Meja 2"]


def test_csv_has_every_filtered_row_for_excel_and_is_audited(log, tmp_path):
    AuditLog.create(at=now(), action="checkin", desk='=HYPERLINK("x")', operator="Sari", detail="{}")
    target = tmp_path / "audit.csv"
    written = audit_query.write_csv(AuditFilter(action="checkin"), target, actor=DESK)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == audit_query.CSV_HEADERS
    assert written == len(rows) - 1 == 301
    assert rows[1][4].startswith("'=")  # a formula is neutralised
    assert {row[3] for row in rows[1:]} == {"checkin", "checkin.undo"}
    entry = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (entry.action, entry.desk, json.loads(entry.detail)["rows"]) == ("export", "Meja 3", 301)
    assert Path(target).stat().st_size > 0
