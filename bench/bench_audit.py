"""The audit log viewer at 100,000 entries (target: a page or a filter change < 100 ms).

Fills a SQLite file with audit entries over 30 days, 4 desks and 5 events, then times what
the viewer does on the GUI thread: the count and a page (first and last), per filter; and
the off-thread CSV export of everything. Also times the offline-package round trip of an
event of ``--people`` participants (export, import, merge).

    .venv/bin/python bench/bench_audit.py [--rows 100000] [--people 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netralitas_desktop.core import audit_query, checkin
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.audit_query import AuditFilter
from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.events import EventData, create_event
from netralitas_desktop.core.models import AuditLog, Registration, db
from netralitas_desktop.core.offline import (
    export_checkins,
    export_event_package,
    import_package,
    merge_checkins,
)

TARGET_MS = 100.0


def fill(rows: int) -> list[int]:
    events = [create_event(EventData(title=f"Kegiatan {n}", date=dt.date(2024, 7, n + 1))) for n in range(5)]
    start = dt.datetime(2024, 7, 1, 7, 0)
    actions = ("checkin", "checkin", "checkin", "checkin.undo", "participant.edit", "export", "signature.save")
    with db.atomic():
        batch = []
        for index in range(rows):
            batch.append(
                {
                    "at": start + dt.timedelta(seconds=26 * index),
                    "action": actions[index % len(actions)],
                    "event": events[index % 5],
                    "desk": f"Meja {index % 4 + 1}",
                    "operator": "Petugas",
                    "detail": json.dumps({"registration_id": index, "method": "qr"}),
                }
            )
            if len(batch) == 2000:
                AuditLog.insert_many(batch).execute()
                batch = []
        if batch:
            AuditLog.insert_many(batch).execute()
    return events


def time_ms(func, repeats: int = 5) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def bench_viewer(rows: int, folder: Path) -> None:
    open_database(f"sqlite:///{folder / 'audit.db'}")
    started = time.perf_counter()
    events = fill(rows)
    print(f"{rows:,} audit entries written in {time.perf_counter() - started:.1f} s")
    filters = {
        "none": AuditFilter(),
        "event": AuditFilter(event_id=events[2]),
        "action group": AuditFilter(action="checkin"),
        "desk": AuditFilter(desk="Meja 3"),
        "text": AuditFilter(text="Meja 3"),
        "dates": AuditFilter(date_from=dt.date(2024, 7, 10), date_to=dt.date(2024, 7, 12)),
    }
    print(f"{'filter':<14}{'count ms':>10}{'first page ms':>15}{'last page ms':>14}{'entries':>10}")
    for name, audit_filter in filters.items():
        total = audit_query.count_entries(audit_filter)
        last = max(0, (total - 1) // audit_query.PAGE_SIZE * audit_query.PAGE_SIZE)
        count_ms = time_ms(partial(audit_query.count_entries, audit_filter))
        first_ms = time_ms(partial(audit_query.list_entries, audit_filter, 0))
        last_ms = time_ms(partial(audit_query.list_entries, audit_filter, last))
        worst = count_ms + max(first_ms, last_ms)
        mark = "" if worst < TARGET_MS else "  (over target)"
        print(f"{name:<14}{count_ms:>10.1f}{first_ms:>15.1f}{last_ms:>14.1f}{total:>10,}{mark}")
    started = time.perf_counter()
    written = audit_query.write_csv(AuditFilter(), folder / "audit.csv")
    print(f"CSV export of {written:,} entries: {time.perf_counter() - started:.2f} s")
    close_database()


def bench_package(people: int, folder: Path) -> None:
    office, laptop = f"sqlite:///{folder / 'office.db'}", f"sqlite:///{folder / 'laptop.db'}"
    open_database(office)
    event_id = create_demo_event(participants=people)
    started = time.perf_counter()
    export_event_package(event_id, folder / "paket.netralitas")
    exported = time.perf_counter() - started
    close_database()
    open_database(laptop)
    started = time.perf_counter()
    local = import_package(folder / "paket.netralitas").event_id
    imported = time.perf_counter() - started
    desk = Actor("Meja 1", "Petugas")
    regs = [r for (r,) in Registration.select(Registration.id).where(Registration.event == local).tuples()]
    for reg in regs[: people // 2]:
        checkin.check_in_registration(reg, actor=desk)
    export_checkins(local, folder / "kembali.netralitas")
    close_database()
    open_database(office)
    started = time.perf_counter()
    report = merge_checkins(folder / "kembali.netralitas")
    merged = time.perf_counter() - started
    started = time.perf_counter()
    merge_checkins(folder / "kembali.netralitas")
    again = time.perf_counter() - started
    close_database()
    size = (folder / "paket.netralitas").stat().st_size
    print(
        f"package of {people:,} people: export {exported:.2f} s ({size / 1e6:.1f} MB), import {imported:.2f} s, "
        f"merge of {report.counts['checkins_new']:,} check-ins {merged:.2f} s, merge again {again:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_viewer(args.rows, Path(folder))
        bench_package(args.people, Path(folder))


if __name__ == "__main__":
    main()
