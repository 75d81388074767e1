"""Importing into an existing list with "only update those already on it" (issue 12): the
2,000-row SIASN export refreshes the 300 invitees of an invitation list and adds nobody."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from netralitas_desktop.core import audit
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import AuditLog, Person, Registration
from netralitas_desktop.core.participants import list_participants, remove_participant
from netralitas_desktop.core.roster.importer import apply_import, import_roster, plan_import

SIASN = "siasn_export_sukamakmur.csv"
INVITED = "undangan_sosialisasi.xlsx"
DESK = audit.Actor(desk="Meja Impor", operator="Rina")


def invitation_list(fixtures_dir) -> int:
    event_id = create_event(EventData(title="Sosialisasi Netralitas ASN", date=dt.date(2024, 7, 1)))
    first = import_roster(event_id, fixtures_dir / INVITED)
    assert (first.added, first.rejected) == (300, 0)
    return event_id


def test_siasn_export_updates_the_300_invitees_and_adds_nobody(any_db, fixtures_dir):
    event_id = invitation_list(fixtures_dir)
    before = {row.nip: row for row in list_participants(event_id)}
    assert before["197211021996121001"].phone == ""  # the invitation list has no phone column

    plan = plan_import(event_id, fixtures_dir / SIASN, update_only=True)
    assert plan.counts() == {"added": 0, "updated": 300, "unchanged": 0, "rejected": 0}
    assert (plan.update_only, plan.outside) == (True, 1700)
    assert {row.person.nip for row in plan.rows} == set(before)

    result = apply_import(plan, actor=DESK)
    assert (result.added, result.updated, result.unchanged, result.outside) == (0, 300, 0, 1700)
    assert Registration.select().where(Registration.event == event_id).count() == 300
    assert Person.select().count() == 300  # nobody of the other 1,700 was stored at all
    after = {row.nip: row for row in list_participants(event_id)}
    assert set(after) == set(before)
    sutrisno = after["197211021996121001"]
    assert (sutrisno.phone, sutrisno.golongan, sutrisno.unit_kerja) == ("089528960821", "III/b", "RSUD Tjitrowardojo")
    entry = AuditLog.select().where(AuditLog.action == "roster.import").order_by(AuditLog.id.desc()).get()
    detail = json.loads(entry.detail)
    assert (detail["added"], detail["updated"], detail["update_only"], detail["not_on_list"]) == (0, 300, True, 1700)


def test_without_the_choice_the_same_file_adds_the_other_1700(db, fixtures_dir):
    event_id = invitation_list(fixtures_dir)
    result = import_roster(event_id, fixtures_dir / SIASN)
    assert (result.added, result.updated, result.outside) == (1700, 300, 0)


def test_someone_removed_after_the_preview_is_not_added_back(db, fixtures_dir):
    event_id = invitation_list(fixtures_dir)
    plan = plan_import(event_id, fixtures_dir / SIASN, update_only=True)
    gone = next(row for row in list_participants(event_id) if row.nip == "197211021996121001")
    remove_participant(gone.registration_id, actor=DESK)  # at another desk, while the preview was read
    result = apply_import(plan, actor=DESK)
    assert (result.added, result.updated, result.outside) == (0, 299, 1701)
    assert "197211021996121001" not in {row.nip for row in list_participants(event_id)}


def test_update_only_into_an_empty_event_adds_nobody(db, fixtures_dir):
    event_id = create_event(EventData(title="Kosong", date=dt.date(2024, 7, 1)))
    result = import_roster(event_id, fixtures_dir / INVITED, update_only=True)
    assert (result.added, result.updated, result.unchanged, result.outside) == (0, 0, 0, 300)
    assert Registration.select().count() == 0


@pytest.mark.parametrize("dry_run", [False, True])
def test_cli_update_only(sqlite_url, fixtures_dir, dry_run):
    env = {key: value for key, value in os.environ.items() if key != "NETRALITAS_DB"}

    def run(*args: str) -> tuple[int, dict]:
        done = subprocess.run(
            [sys.executable, "-m", "netralitas_desktop", "--db", sqlite_url, *args, "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert "Traceback" not in done.stderr
        return done.returncode, json.loads(done.stdout)

    code, event = run("event", "create", "--title", "Sosialisasi", "--date", "2024-07-01")
    assert code == 0
    event_id = str(event["id"])
    assert run("roster", "import", str(fixtures_dir / INVITED), "--event", event_id)[0] == 0
    extra = ["--dry-run"] if dry_run else []
    code, result = run("roster", "import", str(fixtures_dir / SIASN), "--event", event_id, "--update-only", *extra)
    assert code == 0
    assert (result["added"], result["updated"], result["not_on_list"], result["update_only"]) == (0, 300, 1700, True)
    code, listed = run("participants", "list", "--event", event_id)
    assert listed["count"] == 300
    with contextlib.closing(sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))) as raw:
        people, with_phone = raw.execute("SELECT COUNT(*), COUNT(NULLIF(phone, '')) FROM person").fetchone()
    assert (people, with_phone) == (300, 0 if dry_run else 300)
    text = subprocess.run(
        [
            *(sys.executable, "-m", "netralitas_desktop", "--db", sqlite_url, "roster", "import"),
            *(str(fixtures_dir / SIASN), "--event", event_id, "--update-only", "--dry-run"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    ).stdout
    assert "1700 orang di berkas tidak ada di daftar kegiatan dan tidak ditambahkan" in text
