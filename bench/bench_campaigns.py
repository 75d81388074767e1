"""Campaign coverage at Pemda scale: 50,000 people across 30 events (issue 17).

Builds a temporary SQLite file: the master roster imported from a generated SIASN-like CSV
(through the real importer; its time is printed too), the same people registered in 30
events (most in one, a third in two), 75 % of registrations checked in (a tenth online),
signatures at the desk, absences, returned ikrar mandiri forms, a few excuses. Then it times
what the coverage view does on a refresh — ``coverage_view.load_view`` (off the GUI thread)
plus the widgets' update on the GUI thread — the first time, when nothing changed, and just
after a desk checked someone in; then the Sekda's workbook and the one-page PDF.

Targets (issue 17): view refresh < 300 ms, XLSX export < 10 s.

    .venv/bin/python bench/bench_campaigns.py [--people 50000] [--events 30] [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.campaigns import coverage as cov
from netralitas_desktop.core.campaigns import evidence, service
from netralitas_desktop.core.campaigns.export_xlsx import CampaignXlsxJob
from netralitas_desktop.core.campaigns.master_roster import import_master_roster
from netralitas_desktop.core.campaigns.summary_pdf import CampaignSummaryJob
from netralitas_desktop.core.checkin import check_in_registration
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.demo import fictional_people
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import Attendance, Person, Registration, Signature, db
from netralitas_desktop.core.participants import PERSON_FIELDS
from netralitas_desktop.core.pledges.models import IkrarReturn
from netralitas_desktop.core.reports.models import Absence
from netralitas_desktop.core.roster.bulk import chunks
from netralitas_desktop.gui.campaigns.coverage_view import CoverageView, load_view

DESK = Actor("Meja Bench", "Petugas")
HEADER = ["NIP BARU", "NIK", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "JENIS PEGAWAI NAMA", "GOL AKHIR NAMA"]
HEADER += ["JABATAN NAMA", "UNOR NAMA", "NOMOR HP"]
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f00050001ff8d1b6b0b0000000049454e44ae426082"
)


def timed(call):
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def write_roster(path: Path, people) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for p in people:
            numbers = (f"'{p.nip}" if p.nip else "", f"'{p.nik}" if p.nik else "")
            names = (p.nama, p.gelar_depan, p.gelar_belakang)
            writer.writerow((*numbers, *names, p.employment_type, p.golongan, p.jabatan, p.unit_kerja, p.phone))


def insert(fields, rows) -> None:
    model = fields[0].model
    for batch in chunks(rows, max(1, 900 // len(fields))):
        model.insert_many(list(batch), fields=fields).execute()


def person_values(person) -> tuple:
    return tuple(getattr(person, name) or (None if name in ("nip", "nik") else "") for name in PERSON_FIELDS)


def build(people_count: int, event_count: int, folder: Path) -> int:
    rng = random.Random(17)
    people = list(fictional_people(people_count, seed=11))
    write_roster(folder / "siasn.csv", people)
    result, seconds = timed(lambda: import_master_roster(folder / "siasn.csv"))
    print(f"master roster import: {result.counts['added']} people in {seconds:.1f} s")
    campaign = service.create_campaign(service.CampaignData("Netralitas ASN Pilkada 2024", dt.date(2024, 11, 1)))
    first_day = dt.date(2024, 9, 1)
    with db.atomic():
        insert([getattr(Person, name) for name in PERSON_FIELDS], [person_values(p) for p in people])
        person_ids = [person_id for (person_id,) in Person.select(Person.id).order_by(Person.id).tuples()]
        events = [
            create_event(EventData(title=f"Sosialisasi Tahap {n + 1}", date=first_day + dt.timedelta(days=n)))
            for n in range(event_count)
        ]
        registrations = [
            (event_id, person_id, "invited", "onsite")
            for person_id in person_ids
            for event_id in rng.sample(events, 2 if rng.random() < 0.33 else 1)
        ]
        insert([Registration.event, Registration.person, Registration.source, Registration.mode], registrations)
        attendance, signatures, absences, returned = [], [], [], []
        at = dt.datetime(2024, 9, 1, 8, 0)
        for (registration_id,) in Registration.select(Registration.id).tuples():
            roll = rng.random()
            if roll < 0.75:
                method = "online" if rng.random() < 0.1 else "qr"
                attendance.append((registration_id, at, "Meja 1", "Petugas", method))
                if rng.random() < 0.2:
                    signatures.append((registration_id, TINY_PNG, "Meja 1", "Petugas"))
            elif roll < 0.8:
                absences.append((registration_id, rng.choice(("izin", "sakit", "dinas_luar")), ""))
            elif roll < 0.85:
                returned.append((registration_id, at, "qr", "Meja Ikrar", "Petugas", ""))
        insert(
            [
                Attendance.registration,
                Attendance.checked_in_at,
                Attendance.desk,
                Attendance.operator,
                Attendance.method,
            ],
            attendance,
        )
        insert([Signature.registration, Signature.png, Signature.desk, Signature.operator], signatures)
        insert([Absence.registration, Absence.reason, Absence.note], absences)
        insert(
            [
                IkrarReturn.registration,
                IkrarReturn.returned_at,
                IkrarReturn.method,
                IkrarReturn.desk,
                IkrarReturn.operator,
                IkrarReturn.attachment_name,
            ],
            returned,
        )
    for event_id in events:
        service.add_event(campaign, event_id)
    service.excuse(campaign, cov.load_coverage(campaign).member_ids(cov.OWING)[:100], "tugas_belajar")
    print(
        f"{len(person_ids)} people, {event_count} events, {len(registrations)} registrations, "
        f"{len(attendance)} check-ins, {len(signatures)} signatures, {len(returned)} ikrar mandiri returned"
    )
    return campaign


def not_checked_in() -> list[int]:
    query = Registration.select(Registration.id).where(
        Registration.id.not_in(Attendance.select(Attendance.registration))
    )
    return [registration_id for (registration_id,) in query.tuples()]


def refresh(view: CoverageView, app: QApplication, campaign: int, unit_key: str | None) -> tuple[float, float, object]:
    """(load ms on the worker, widgets ms on the GUI thread, the data) of one refresh."""
    data, load = timed(lambda: load_view(campaign, unit_key))
    _, show = timed(lambda: (view._loaded(data), app.processEvents()))
    return load * 1000, show * 1000, data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        open_database(f"sqlite:///{folder / 'bench.db'}")
        campaign = build(args.people, args.events, folder)
        evidence.forget()
        view = CoverageView(lambda: DESK)
        view.resize(1300, 850)
        view.show()
        view.campaign_id = campaign
        load, show, data = refresh(view, app, campaign, None)
        total = data.coverage.total
        print(
            f"coverage: {total.covered}/{total.target} covered ({total.percentage_text}), {total.excused} excused, "
            f"{total.owing} owing, {len(data.coverage.units)} OPDs"
        )
        print(
            f"view refresh, first (everything read): {load + show:.0f} ms = {load:.0f} ms load + {show:.0f} ms widgets"
        )
        unit = max(data.coverage.units, key=lambda g: g.owing)
        waiting = not_checked_in()
        for label, unit_key in (("all OPDs", None), (f"one OPD, {unit.owing} names listed", unit.key)):
            view.unit_key = unit_key
            steady = [refresh(view, app, campaign, unit_key) for _ in range(args.repeat)]
            live = []
            for registration_id in waiting[: args.repeat]:
                check_in_registration(registration_id, actor=DESK)
                live.append(refresh(view, app, campaign, unit_key))
            waiting = waiting[args.repeat :]
            for kind, runs in (("nothing changed", steady), ("after a desk check-in", live)):
                load, show = statistics.median(run[0] for run in runs), statistics.median(run[1] for run in runs)
                print(
                    f"view refresh, {label}, {kind}: median {load + show:.0f} ms = {load:.0f} ms load + {show:.0f} ms"
                    f" widgets (max {max(a + b for a, b, _ in runs):.0f} ms, {len(runs)} runs)"
                )
        view.shutdown()
        coverage = cov.load_coverage(campaign)
        result, seconds = timed(CampaignXlsxJob(campaign, folder / "cakupan.xlsx", coverage=coverage).run)
        size = (folder / "cakupan.xlsx").stat().st_size / 1e6
        print(f"XLSX export: {result.owing} names owing in {seconds:.2f} s, {size:.1f} MB")
        _, seconds = timed(CampaignSummaryJob(campaign, folder / "ringkasan.pdf", coverage=coverage).run)
        print(f"PDF summary: {seconds:.2f} s")
        view.deleteLater()
        app.processEvents()
        close_database()


if __name__ == "__main__":
    main()
