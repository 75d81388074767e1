"""Pledge documents at scale: 2,000-person attendance lists (to sign, and the rekap kehadiran with a
signature on every row), the report with its Lampiran, 500 signed pledge forms.

Builds a demo event in a temporary SQLite file, checks everyone in and gives every participant a
distinct signature like the desk's pad saves (``tests/support/scenario.pad_signature``: dark-blue
strokes with soft edges on transparency, ~630 × 270 px, stored with its print copy as
``save_signature`` does; ``--no-print-copies`` stores them as an older version did), then times
``AttendanceListJob`` (both kinds), ``ReportPdfJob`` with the Lampiran and ``PledgeFormsJob`` (one
merged PDF and one file per person) and prints seconds, pages per second and megabytes. Wall and
CPU seconds are both printed: on a shared machine the wall time also counts waiting for a core, and
the CPU time counts the threads that prepare signatures beside the drawing.

    .venv/bin/python bench/bench_documents.py [--people 2000] [--forms 500] [--no-print-copies] [--profile]
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from netralitas_desktop.core.database import open_database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.models import Attendance, Registration, Signature, db
from netralitas_desktop.core.pledges.attendance_list import AttendanceListJob
from netralitas_desktop.core.pledges.pledge_files import PledgeFormsJob, PledgeOptions
from netralitas_desktop.core.pledges.signing_list import ListKind, ListOptions
from netralitas_desktop.core.reports.report_pdf import ReportPdfJob
from support.scenario import pad_signature  # the tests' helpers, after the path


def check_in_and_sign(event_id: int, count: int, *, print_copies: bool = True) -> int:
    """Everyone checked in (as the desk would) and signed; returns the signatures' bytes."""
    rng = random.Random(4)
    ids = [
        row_id
        for (row_id,) in Registration.select(Registration.id)
        .where(Registration.event == event_id)
        .order_by(Registration.id)
        .limit(count)
        .tuples()
    ]
    total = 0
    start = dt.datetime.now().replace(hour=7, minute=30, second=0, microsecond=0)
    with db.atomic():
        for first in range(0, len(ids), 200):
            chunk = ids[first : first + 200]
            signatures = []
            for registration_id in chunk:
                png = pad_signature(rng, print_copy=print_copies)
                total += len(png)
                signatures.append({"registration": registration_id, "png": png, "desk": "bench", "operator": "bench"})
            Signature.insert_many(signatures).execute()
            Attendance.insert_many(
                [
                    {"registration": registration_id, "checked_in_at": start + dt.timedelta(seconds=index * 7)}
                    for index, registration_id in enumerate(chunk, start=first)
                ]
            ).execute()
    return total


def timed(job):
    wall, cpu = time.perf_counter(), time.process_time()
    result = job.run()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def megabytes(path: Path) -> float:
    files = [path] if path.is_file() else list(path.iterdir())
    return sum(item.stat().st_size for item in files) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--forms", type=int, default=500)
    parser.add_argument(
        "--no-print-copies",
        action="store_true",
        help="signatures without their print copy, as saved by an older version",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the rekap kehadiran run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        open_database(f"sqlite:///{folder / 'bench.db'}")
        event_id = create_demo_event(participants=args.people)
        started = time.perf_counter()
        png_bytes = check_in_and_sign(event_id, args.people, print_copies=not args.no_print_copies)
        kind = "without print copies" if args.no_print_copies else "with print copies"
        print(
            f"Setup: {args.people} participants checked in, {args.people} signatures {kind} of "
            f"{png_bytes / args.people / 1e3:.1f} kB on average ({time.perf_counter() - started:.1f} s)"
        )

        profile = cProfile.Profile() if args.profile else None
        for label, options in (
            ("to sign, portrait", ListOptions()),
            ("to sign, grouped landscape", ListOptions(landscape=True, group_by_unit=True)),
            ("rekap kehadiran, portrait", ListOptions(kind=ListKind.RECAP)),
            (
                "rekap kehadiran, grouped landscape",
                ListOptions(kind=ListKind.RECAP, landscape=True, group_by_unit=True),
            ),
        ):
            target = folder / f"daftar-hadir-{len(label)}.pdf"
            job = AttendanceListJob(event_id, target, options)
            if profile is not None and label == "rekap kehadiran, portrait":
                result, wall, cpu = profile.runcall(timed, job)
            else:
                result, wall, cpu = timed(job)
            print(
                f"Attendance list ({label}): {result.count} people, {result.pages} pages in {wall:.1f} s wall "
                f"({cpu:.1f} s CPU), {result.pages / wall:.0f} pages/s; {megabytes(target):.1f} MB"
            )

        report = folder / "laporan.pdf"
        result, wall, cpu = timed(ReportPdfJob(event_id, report, with_attendance_list=True))
        print(
            f"Report with its Lampiran: {result.pages} pages in {wall:.1f} s wall ({cpu:.1f} s CPU), "
            f"{result.pages / wall:.0f} pages/s; {megabytes(report):.1f} MB"
        )

        # The first ``--forms`` registrations are the signers of the pledge-form runs.
        Signature.delete().where(
            Signature.registration.not_in(
                Registration.select(Registration.id)
                .where(Registration.event == event_id)
                .order_by(Registration.id)
                .limit(args.forms)
            )
        ).execute()
        merged = folder / "pakta.pdf"
        result, wall, cpu = timed(PledgeFormsJob(event_id, merged))
        print(
            f"Pledge forms (one PDF): {result.count} forms in {wall:.1f} s wall ({cpu:.1f} s CPU), "
            f"{result.count / wall:.0f} forms/s; {megabytes(merged):.1f} MB"
        )
        per_person = folder / "pakta"
        result, wall, cpu = timed(PledgeFormsJob(event_id, per_person, PledgeOptions(per_person=True)))
        print(
            f"Pledge forms (one file each): {result.files} files in {wall:.1f} s wall ({cpu:.1f} s CPU); "
            f"{megabytes(per_person):.1f} MB, {megabytes(per_person) * 1e3 / result.files:.0f} kB a file"
        )
        if profile is not None:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
