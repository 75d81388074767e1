"""Export throughput: 20,000 registrations to XLSX and CSV, and the report PDF.

Builds a demo event in a temporary SQLite file, checks 70% of it in (15% of those online),
gives 5% an absence reason, then times ``XlsxExportJob``, ``CsvExportJob`` and
``ReportPdfJob`` (wall and CPU seconds, file size) and the status query behind them.
Check-ins and reasons are inserted in bulk: the bench measures the exports, not the desk.

    .venv/bin/python bench/bench_export.py [--registrations 20000] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.models import Attendance, Registration, db
from netralitas_desktop.core.reports.export_csv import CsvExportJob
from netralitas_desktop.core.reports.export_xlsx import XlsxExportJob
from netralitas_desktop.core.reports.models import Absence
from netralitas_desktop.core.reports.report_pdf import ReportPdfJob
from netralitas_desktop.core.reports.status import status_rows, unit_recap


def timed(call):
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def fill_attendance(event_id: int) -> None:
    rng = random.Random(5)
    ids = [
        registration_id
        for (registration_id,) in Registration.select(Registration.id).where(Registration.event == event_id).tuples()
    ]
    start = dt.datetime(2024, 7, 1, 7, 30)
    attendance, absences = [], []
    for registration_id in ids:
        roll = rng.random()
        if roll < 0.70:
            method = "online" if rng.random() < 0.15 else "qr"
            attendance.append(
                (
                    registration_id,
                    start + dt.timedelta(seconds=rng.randrange(5400)),
                    f"Meja {rng.randrange(1, 5)}",
                    "Petugas",
                    method,
                )
            )
        elif roll < 0.75:
            absences.append((registration_id, rng.choice(("izin", "sakit", "dinas_luar")), "Keterangan contoh"))
    with db.atomic():
        for chunk in range(0, len(attendance), 500):
            Attendance.insert_many(
                attendance[chunk : chunk + 500],
                fields=[
                    Attendance.registration,
                    Attendance.checked_in_at,
                    Attendance.desk,
                    Attendance.operator,
                    Attendance.method,
                ],
            ).execute()
        for chunk in range(0, len(absences), 500):
            Absence.insert_many(
                absences[chunk : chunk + 500], fields=[Absence.registration, Absence.reason, Absence.note]
            ).execute()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=20_000)
    parser.add_argument("--profile", action="store_true", help="cProfile of the XLSX run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        open_database(f"sqlite:///{folder / 'bench.db'}")
        event_id = create_demo_event(participants=args.registrations)
        fill_attendance(event_id)
        rows, wall, _ = timed(lambda: status_rows(event_id))
        recap, recap_wall, _ = timed(lambda: unit_recap(event_id))
        print(
            f"{len(rows)} registrations, {len(recap.groups)} units: status_rows {wall:.2f} s, "
            f"unit_recap (dashboard) {recap_wall * 1000:.0f} ms"
        )
        for name, make in (
            ("XLSX", lambda: XlsxExportJob(event_id, folder / "hadir.xlsx")),
            ("CSV", lambda: CsvExportJob(event_id, folder / "hadir.csv")),
            ("PDF report", lambda: ReportPdfJob(event_id, folder / "laporan.pdf")),
        ):
            result, wall, cpu = timed(make().run)
            size = Path(result.path).stat().st_size
            pages = f", {result.pages} pages" if result.pages else ""
            print(f"{name}: {result.rows} rows{pages} in {wall:.2f} s wall ({cpu:.2f} s CPU), {size / 1e6:.2f} MB")
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(XlsxExportJob(event_id, folder / "profile.xlsx").run)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(15)
        close_database()


if __name__ == "__main__":
    main()
