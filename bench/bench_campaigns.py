"""Campaign coverage at Pemda scale: 50,000 people across 30 events (issue 17).

Builds a database (a temporary SQLite file, a throw-away PostgreSQL cluster with
``--postgres``, or ``--database URL``): the master roster imported from a generated
SIASN-like CSV (through the real importer; its time is printed too), the same people
registered in 30 events (most in one, a third in two), 75 % of registrations checked in (a
tenth online), signatures at the desk, absences, returned ikrar mandiri forms, a few excuses.
A ``--database`` that already holds the bench's campaign is used as it is (no rebuild).

Then it times, as p50/p95 over ``--repeat`` runs, the core's snapshot
(``coverage.load_coverage``) and what the coverage view does — ``coverage_view.load_view``
(off the GUI thread) plus the widgets' fill on the GUI thread:

- the first load: the database opened afresh and nothing kept in memory (the app just
  started), into a new view;
- a refresh when nothing changed, and just after a desk checked someone in, for all OPDs and
  for one OPD (its names listed);

then the Sekda's workbook and the one-page PDF.

Targets (issue 17): view first load and refresh < 300 ms, XLSX export < 10 s.

    .venv/bin/python bench/bench_campaigns.py [--people 50000] [--events 30] [--repeat 10]
        [--postgres | --database URL]
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
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from peewee import SqliteDatabase
from PySide6.QtWidgets import QApplication

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.campaigns import coverage as cov
from netralitas_desktop.core.campaigns import pledged, service
from netralitas_desktop.core.campaigns.export_xlsx import CampaignXlsxJob
from netralitas_desktop.core.campaigns.master_roster import import_master_roster
from netralitas_desktop.core.campaigns.models import Campaign
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
from netralitas_desktop.gui.campaigns.coverage_view import CoverageView, ViewData, load_view
from tests.support.pgcluster import ClusterUnavailable, throwaway_cluster

DESK = Actor("Meja Bench", "Petugas")
CAMPAIGN = "Netralitas ASN Pilkada 2024"
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
    campaign = service.create_campaign(service.CampaignData(CAMPAIGN, dt.date(2024, 11, 1)))
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
    if not isinstance(db.obj, SqliteDatabase):
        # A server's autovacuum analyzes tables that grew; built in seconds, they have not been yet.
        db.execute_sql("ANALYZE")
    print(
        f"{len(person_ids)} people, {event_count} events, {len(registrations)} registrations, "
        f"{len(attendance)} check-ins, {len(signatures)} signatures, {len(returned)} ikrar mandiri returned"
    )
    return campaign


def not_checked_in() -> list[int]:
    query = Registration.select(Registration.id).where(
        Registration.id.not_in(Attendance.select(Attendance.registration))
    )
    return [registration_id for (registration_id,) in query.order_by(Registration.id).tuples()]


def existing_campaign() -> int | None:
    found = Campaign.select(Campaign.id).where(Campaign.name == CAMPAIGN).first()
    return found.id if found else None


def reopen(url: str) -> None:
    """As when the app starts: a new connection, nothing kept in memory."""
    close_database()
    pledged.forget()
    open_database(url)


def percentiles(values: list[float]) -> str:
    """p50/p95 in ms (nearest rank: with few runs p95 is the slowest but one or the slowest)."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))]
    return f"p50 {statistics.median(ordered):4.0f} ms, p95 {p95:4.0f} ms"


class Runs:
    """Timings of one kind of load: the core's snapshot, and the view's load + widgets."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.core: list[float] = []
        self.load: list[float] = []
        self.widgets: list[float] = []

    def print(self) -> None:
        view = [a + b for a, b in zip(self.load, self.widgets, strict=True)]
        print(f"{self.label} ({len(view)} runs)")
        print(f"  core  load_coverage : {percentiles(self.core)}")
        print(f"  view  total         : {percentiles(view)}")
        print(f"        load (worker) : {percentiles(self.load)}")
        print(f"        widgets (GUI) : {percentiles(self.widgets)}")


def time_core(runs: Runs, campaign: int) -> None:
    _, seconds = timed(lambda: cov.load_coverage(campaign))
    runs.core.append(seconds * 1000)


def time_view(runs: Runs, view: CoverageView, app: QApplication, campaign: int, unit_key: str | None) -> ViewData:
    data, load = timed(lambda: load_view(campaign, unit_key))
    _, show = timed(lambda: (view._loaded(data), app.processEvents()))
    runs.load.append(load * 1000)
    runs.widgets.append(show * 1000)
    assert data is not None
    return data


def new_view(campaign: int) -> CoverageView:
    view = CoverageView(lambda: DESK)
    view.resize(1300, 850)
    view.show()
    view.live.stop()  # the bench loads itself: no poll may run a load alongside the one timed
    while view.live.busy:  # the load showing started (no campaign yet: nothing to read)
        QApplication.processEvents()
    view.campaign_id = campaign
    return view


def drop_view(view: CoverageView, app: QApplication) -> None:
    view.shutdown()
    view.deleteLater()
    app.processEvents()


def first_loads(url: str, app: QApplication, campaign: int, repeat: int) -> ViewData:
    runs = Runs("first load (database opened afresh, nothing kept), all OPDs")
    data = None
    for _ in range(repeat):
        reopen(url)
        time_core(runs, campaign)
        reopen(url)
        view = new_view(campaign)
        data = time_view(runs, view, app, campaign, None)
        drop_view(view, app)
    runs.print()
    assert data is not None
    return data


def refreshes(app: QApplication, campaign: int, repeat: int, unit: cov.GroupCoverage) -> None:
    view = new_view(campaign)
    waiting = iter(not_checked_in())
    for label, unit_key in (("all OPDs", None), (f"one OPD, {unit.owing} names listed", unit.key)):
        view.unit_key = unit_key
        time_view(Runs(""), view, app, campaign, unit_key)  # the selection's first load: not a refresh
        steady, live = Runs(f"refresh, {label}, nothing changed"), Runs(f"refresh, {label}, after a desk check-in")
        for _ in range(repeat):
            time_core(steady, campaign)
            time_view(steady, view, app, campaign, unit_key)
        for _ in range(repeat):
            check_in_registration(next(waiting), actor=DESK)
            time_core(live, campaign)
            check_in_registration(next(waiting), actor=DESK)  # the view's load sees a change too
            time_view(live, view, app, campaign, unit_key)
        steady.print()
        live.print()
    drop_view(view, app)


def exports(campaign: int, folder: Path) -> None:
    coverage = cov.load_coverage(campaign)
    result, seconds = timed(CampaignXlsxJob(campaign, folder / "cakupan.xlsx", coverage=coverage).run)
    size = (folder / "cakupan.xlsx").stat().st_size / 1e6
    print(f"XLSX export: {result.owing} names owing in {seconds:.2f} s, {size:.1f} MB")
    _, seconds = timed(CampaignSummaryJob(campaign, folder / "ringkasan.pdf", coverage=coverage).run)
    print(f"PDF summary: {seconds:.2f} s")


def run(url: str, folder: Path, args: argparse.Namespace) -> None:
    app = QApplication.instance() or QApplication([])
    open_database(url)
    campaign = existing_campaign()
    if campaign is None:
        campaign = build(args.people, args.events, folder)
    else:
        print(f"using the campaign already in {url}")
    data = first_loads(url, app, campaign, args.repeat)
    total = data.coverage.total
    print(
        f"coverage: {total.covered}/{total.target} covered ({total.percentage_text}), {total.excused} excused, "
        f"{total.owing} owing, {len(data.coverage.units)} OPDs"
    )
    refreshes(app, campaign, args.repeat, max(data.coverage.units, key=lambda g: g.owing))
    exports(campaign, folder)
    close_database()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=10)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL cluster (Debian's server)")
    where.add_argument("--database", help="sqlite:///FILE or postgresql://…; an existing bench campaign is reused")
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        url = args.database or f"sqlite:///{folder / 'bench.db'}"
        if args.postgres:
            try:
                server = stack.enter_context(throwaway_cluster(fast=False))
            except ClusterUnavailable as err:
                print(f"bench_campaigns: {err} (bash scripts/test.sh installs the postgresql package)", file=sys.stderr)
                return 2
            url = server.create_database("bench_campaigns")
        print(f"database: {url}")
        run(url, folder, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
