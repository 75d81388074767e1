"""Pledge documents at scale: a 2,000-person attendance list with signatures, 500 signed pledge forms.

Builds a demo event in a temporary SQLite file and gives every participant a distinct
signature like the desk's pad saves (dark-blue strokes with soft edges on transparency,
~630 × 270 px, stored with its print copy as ``save_signature`` does; ``--no-print-copies``
stores them as an older version did), then times ``AttendanceListJob`` and ``PledgeFormsJob``
(one merged PDF and one file per person) and prints seconds and megabytes. Wall and CPU
seconds are both printed: on a shared machine the wall time also counts waiting for a core,
and the CPU time counts the threads that prepare signatures beside the drawing.

    .venv/bin/python bench/bench_documents.py [--people 2000] [--forms 500] [--no-print-copies] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netralitas_desktop.core.database import open_database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.documents.images import with_print_copy
from netralitas_desktop.core.models import Registration, Signature, db
from netralitas_desktop.core.pledges.attendance_list import AttendanceListJob
from netralitas_desktop.core.pledges.pledge_files import PledgeFormsJob, PledgeOptions
from netralitas_desktop.core.pledges.signing_list import ListOptions

INK = (13, 27, 76, 255)


def pad_signature(rng: random.Random) -> bytes:
    """A signature like the desk pad's export: dark-blue strokes on transparency, edges softened."""
    width, height = 632, 272
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(2, 4)):
        x, y = rng.randint(20, 200), rng.randint(60, 210)
        points = [(x, y)]
        for _ in range(rng.randint(8, 16)):
            x = min(width - 20, max(20, x + rng.randint(10, 55)))
            y = min(height - 20, max(20, y + rng.randint(-75, 75)))
            points.append((x, y))
        draw.line(points, fill=INK, width=6, joint="curve")
    out = io.BytesIO()
    image.filter(ImageFilter.BoxBlur(0.6)).save(out, "PNG")  # soft edges, as antialiased strokes have
    return out.getvalue()


def add_signatures(event_id: int, count: int, *, print_copies: bool = True) -> int:
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
    with db.atomic():
        for start in range(0, len(ids), 200):
            rows = []
            for registration_id in ids[start : start + 200]:
                png = pad_signature(rng)
                png = with_print_copy(png) if print_copies else png
                total += len(png)
                rows.append({"registration": registration_id, "png": png, "desk": "bench", "operator": "bench"})
            Signature.insert_many(rows).execute()
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
    parser.add_argument("--profile", action="store_true", help="cProfile the attendance list run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        open_database(f"sqlite:///{folder / 'bench.db'}")
        event_id = create_demo_event(participants=args.people)
        started = time.perf_counter()
        png_bytes = add_signatures(event_id, args.people, print_copies=not args.no_print_copies)
        kind = "without print copies" if args.no_print_copies else "with print copies"
        print(
            f"Setup: {args.people} participants, {args.people} signatures {kind} of "
            f"{png_bytes / args.people / 1e3:.1f} kB on average ({time.perf_counter() - started:.1f} s)"
        )

        for label, options in (
            ("portrait", ListOptions()),
            ("grouped, landscape", ListOptions(landscape=True, group_by_unit=True)),
        ):
            target = folder / f"daftar-hadir-{label.split(',')[0]}.pdf"
            job = AttendanceListJob(event_id, target, options)
            if args.profile and label == "portrait":
                profile = cProfile.Profile()
                result, wall, cpu = profile.runcall(timed, job)
            else:
                result, wall, cpu = timed(job)
            print(
                f"Attendance list ({label}): {result.count} people, {result.pages} pages in {wall:.1f} s wall "
                f"({cpu:.1f} s CPU); {megabytes(target):.1f} MB"
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
        if args.profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
