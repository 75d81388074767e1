"""A purge leaves no name, NIP, NIK or email of the event in any file we wrote.

With ``secure_delete`` off, as in python.org's Windows build, and another connection holding the
file open (a second window): the database file, its WAL, the backups folder and the print
folders are searched byte for byte for every name, NIP, NIK and email of the event's people,
of its online meeting report and of a walk-in awaiting review. The event's figures stay.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import tempfile
from pathlib import Path

import pytest

from netralitas_desktop.core import backups, checkin, database, purge, purge_files, signatures
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.demo import fictional_people
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import Person
from netralitas_desktop.core.offline.models import PendingWalkIn
from netralitas_desktop.core.participants import PersonData, add_participant, update_participant
from netralitas_desktop.core.reports.online import import_online
from netralitas_desktop.core.reports.status import unit_recap
from support.offline import png_signature

ACTOR = Actor("Meja 1", "Sari")
DAY = dt.date(2024, 3, 1)


@pytest.fixture
def windows_sqlite(monkeypatch):
    """Connections as on python.org's Windows build: deleted rows stay in free pages."""
    monkeypatch.setitem(database.SQLITE_PRAGMAS, "secure_delete", 0)


def meeting_report(path: Path, people: list[PersonData]) -> Path:
    """A Zoom participants report: three of the event's people by name and email, and a guest nobody knows."""
    lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    for person in people:
        lines.append(f"{person.nama},{person.email},03/01/2024 09:00:00 AM,03/01/2024 10:30:00 AM,90,Yes")
    lines.append(
        "Tamu Misterius Wiryosentono,tamu.misterius@contoh.go.id,03/01/2024 09:05:00 AM,03/01/2024 09:30:00 AM,25,Yes"
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build(tmp_path: Path) -> dict:
    """An old event with every kind of personal record, a newer event that stays, backups and a print folder."""
    kept_people = list(fictional_people(4, seed=11))
    other = create_event(EventData(title="Apel Netralitas 2024", date=dt.date(2024, 8, 1)), actor=ACTOR)
    for person in kept_people:
        add_participant(other, person, actor=ACTOR)
    path = purge_files.current_sqlite_path()
    before_event = backups.backup_file(path, backups.MANUAL)  # holds only the other event: it stays

    people = [
        PersonData(**{**vars(person), "email": f"peserta{index}@contoh.go.id", "phone": f"08123456{index:04d}"})
        for index, person in enumerate(fictional_people(12, seed=5))
    ]
    event = create_event(EventData(title="Sosialisasi Netralitas 2023", date=DAY), actor=ACTOR)
    registrations = [add_participant(event, person, actor=ACTOR) for person in people]
    shared = add_participant(event, kept_people[0], actor=ACTOR)  # also at the other event: stays
    for registration in registrations[:6]:
        checkin.check_in_registration(registration, actor=ACTOR)
    signatures.save_signature(registrations[0], png_signature(), actor=ACTOR)
    corrected = PersonData(**{**vars(people[1]), "nama": people[1].nama + " Wicaksana"})
    update_participant(registrations[1], corrected, actor=ACTOR)  # the old spelling is left in a free slot
    people.append(corrected)
    import_online(event, meeting_report(tmp_path / "zoom.csv", people[6:9]), minimum=60, actor=ACTOR)
    PendingWalkIn.create(
        event=event,
        source="a" * 32,
        source_registration_id=7,
        package_id="b" * 32,
        person=json.dumps({"nama": "Rina Marlina Kartasasmita", "nik": "3305014107900001", "email": "rina@desa.id"}),
    )
    automatic = backups.backup_file(path, backups.AUTOMATIC)
    manual = backups.backup_file(path, backups.MANUAL)
    folder = Path(tempfile.mkdtemp(prefix="netralitas-cetak-"))
    (folder / "Sertifikat.pdf").write_text(" ".join(person.nama for person in people), encoding="utf-8")
    secrets_of_event = [value for person in people for value in (person.nama, person.nip, person.nik, person.email)]
    secrets_of_event += ["Tamu Misterius Wiryosentono", "tamu.misterius@contoh.go.id", "Rina Marlina Kartasasmita"]
    secrets_of_event += ["3305014107900001", "rina@desa.id"]
    kept_values = {value for person in kept_people for value in (person.nama, person.nip, person.nik) if value}
    return {
        "event": event,
        "other": other,
        "path": path,
        "shared": shared,
        "needles": sorted({value for value in secrets_of_event if value and value not in kept_values}),
        "kept": kept_values,
        "held": {automatic, manual},
        "clean": before_event,
        "folder": folder,
    }


def files_to_search(path: Path) -> list[Path]:
    folders = [backups.folder_for(path), Path(tempfile.gettempdir())]
    found = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    for folder in folders:
        found += [item for item in folder.rglob("*") if item.is_file()]
    return [item for item in found if item.exists()]


def leaks(path: Path, needles: list[str]) -> dict[str, list[str]]:
    out = {}
    for item in files_to_search(path):
        content = item.read_bytes()
        found = [needle for needle in needles if needle.encode() in content]
        if found:
            out[str(item)] = found
    return out


def test_purge_leaves_no_personal_data_in_any_file(db, windows_sqlite, tmp_path):
    state = build(tmp_path)
    path, needles = state["path"], state["needles"]
    assert len(needles) > 40
    assert leaks(path, needles)  # everything is there before: in the file, the WAL, the backups, the folder
    # A second window on the same file, with secure_delete off too, idle between reads.
    other_window = sqlite3.connect(str(path))
    other_window.execute("PRAGMA secure_delete=0")
    assert other_window.execute("SELECT count(*) FROM person").fetchone()[0] > 10
    figures = unit_recap(state["event"]).total.to_dict()

    plan = purge_files.plan(state["event"])
    assert {held.path for held in plan.backups} == state["held"]  # listed for the confirmation
    assert state["folder"] in plan.temp_folders
    outcome = purge_files.purge_everywhere(state["event"], actor=ACTOR, files=plan)

    result = outcome.files
    assert result.vacuumed and result.wal_emptied and not result.problems
    assert sorted(result.backups_deleted) == sorted(held.name for held in plan.backups)
    assert result.new_backup and result.temp_folders_removed >= 1
    assert leaks(path, needles) == {}
    assert state["clean"].exists()  # a backup without the event stays
    # What stays: the other event's people, the figures.
    assert Person.select().where(Person.nama.in_(list(state["kept"]))).count() == 4
    assert outcome.summary["total"] == figures
    assert purge.preview(state["event"]).has_personal_data is False
    assert other_window.execute("SELECT count(*) FROM registration").fetchone()[0] == 4 + 1 - 1
    other_window.close()


def test_the_backups_listed_are_those_with_the_event(db, windows_sqlite, tmp_path):
    state = build(tmp_path)
    plan = purge_files.plan(state["event"])
    reasons = {held.path: held.reason for held in plan.backups}
    assert set(reasons) == state["held"] and all("kegiatan ini" in reason for reason in reasons.values())
    assert plan.to_dict()["backups"][0]["name"].endswith(".db")
    # A backup damaged beyond reading cannot be shown clean: listed too.
    broken = backups.folder_for(state["path"]) / "otomatis-20990101-000000.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert broken in {held.path for held in purge_files.plan(state["event"]).backups}


def test_an_event_purged_before_still_gets_its_files_cleaned(db, windows_sqlite, tmp_path):
    state = build(tmp_path)
    purge.purge_event(state["event"], actor=ACTOR)  # rows only, as an older version did
    assert leaks(state["path"], state["needles"])
    outcome = purge_files.purge_everywhere(state["event"], actor=ACTOR)
    assert outcome.summary is None and outcome.files.backups_deleted
    assert leaks(state["path"], state["needles"]) == {}
