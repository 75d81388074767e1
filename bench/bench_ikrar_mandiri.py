"""Ikrar mandiri: the forms PDF for the absent, receiving forms by scan, and the view's snapshot.

Builds a demo event in a temporary SQLite file and checks in all but ``--absent`` people, then
times ``IkrarMandiriFormsJob`` (forms/s, MB), ``receive_by_code`` per scan (ms, as a desk
would call it), a second scan of the same form, and ``returns.overview`` (what the Ikrar
Mandiri view loads on each refresh). Wall and CPU seconds are both printed.

    .venv/bin/python bench/bench_ikrar_mandiri.py [--participants 2000] [--absent 500]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.models import Attendance, Registration, db, now
from netralitas_desktop.core.pledges import mandiri_code, returns
from netralitas_desktop.core.pledges.ikrar_mandiri import IkrarMandiriFormsJob

ACTOR = Actor("Meja Ikrar", "Bench")


def check_in_all_but(event_id: int, absent: int) -> None:
    ids = [
        r
        for (r,) in Registration.select(Registration.id)
        .where(Registration.event == event_id)
        .order_by(Registration.id)
        .tuples()
    ]
    with db.atomic():
        rows = [{"registration": r, "checked_in_at": now(), "desk": "Meja 1", "method": "qr"} for r in ids[absent:]]
        for start in range(0, len(rows), 500):
            Attendance.insert_many(rows[start : start + 500]).execute()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--absent", type=int, default=500)
    parser.add_argument("--scans", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        open_database(f"sqlite:///{folder / 'bench.db'}")
        event_id = create_demo_event(participants=args.participants)
        check_in_all_but(event_id, args.absent)

        wall, cpu = time.perf_counter(), time.process_time()
        view = returns.overview(event_id)
        print(
            f"overview: {len(view.owed)} owed of {args.participants} registered in "
            f"{(time.perf_counter() - wall) * 1e3:.0f} ms wall ({(time.process_time() - cpu) * 1e3:.0f} ms CPU)"
        )

        pdf = folder / "ikrar-mandiri.pdf"
        wall, cpu = time.perf_counter(), time.process_time()
        result = IkrarMandiriFormsJob(event_id, pdf).run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        size = pdf.stat().st_size
        print(
            f"forms PDF: {result.count} forms in {wall:.1f} s wall ({cpu:.1f} s CPU): {result.count / wall:.0f} "
            f"forms/s; {size / 1e6:.2f} MB ({size / result.count / 1e3:.1f} kB a form)"
        )

        codes = [mandiri_code.encode(event_id, row.registration_id) for row in view.owed[: args.scans]]
        first, again = [], []
        for code in codes:
            start = time.perf_counter()
            assert returns.receive_by_code(event_id, code, ACTOR).status == returns.ReturnStatus.RECEIVED
            first.append(time.perf_counter() - start)
        for code in codes[:50]:
            start = time.perf_counter()
            assert returns.receive_by_code(event_id, code, ACTOR).status == returns.ReturnStatus.ALREADY
            again.append(time.perf_counter() - start)
        print(
            f"receive by scan: median {statistics.median(first) * 1e3:.1f} ms, "
            f"max {max(first) * 1e3:.1f} ms over {len(first)} forms; second scan median "
            f"{statistics.median(again) * 1e3:.1f} ms"
        )

        wall = time.perf_counter()
        view = returns.overview(event_id)
        print(
            f"overview after receipts: {len(view.owed)} owed, {len(view.returned)} returned in "
            f"{(time.perf_counter() - wall) * 1e3:.0f} ms"
        )
        close_database()


if __name__ == "__main__":
    main()
