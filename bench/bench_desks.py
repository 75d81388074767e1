"""Four desks on one PostgreSQL server: scan-to-commit latency and an exact final count.

Run: ``.venv/bin/python bench/bench_desks.py [--minutes 5] [--desks 4] [--rate 500]``.
A throw-away PostgreSQL cluster is started on a free local port (Debian's server
binaries, ``tests/support/pgcluster.py``) with its durable defaults
(fsync and synchronous_commit on; ``--fast-server`` turns them off). The fictional demo
roster is loaded, then each desk process scans ``--rate`` codes a minute on a fixed
beat for ``--minutes``: new invitations, typed NIPs, its own repeats, people that another
desk scans at the same beat (contended), forged and altered codes. Like the desk window,
each process also polls ``change_stamp()`` every second and reloads counters and recent
check-ins when it moved (``--no-refresh`` leaves that out). Printed: p50/p95/p99/max
of ``check_in`` per kind and overall, the refresh timings, wrong outcomes, and the final
attendance count against the number of unique valid people scanned.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import signal
import statistics
import sys
import threading
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netralitas_desktop.core import checkin, database, demo, qr_payload
from netralitas_desktop.core.audit import Actor
from netralitas_desktop.core.models import Attendance, Person, Registration
from tests.support.pgcluster import ClusterUnavailable, throwaway_cluster

TARGET_P99_MS = 50.0
POLL_SECONDS = 1.0  # as gui/desk_counters.POLL_MS
# Shares of a desk's beats: the rest are new invitations (QR).
NIP_SHARE, REPEAT_SHARE, SHARED_SHARE, FORGED_SHARE, ALTERED_SHARE = 0.10, 0.08, 0.05, 0.03, 0.02
VALID_KINDS = ("new", "nip", "shared")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _forged(rng: random.Random) -> str:
    return "NTR1" + "".join(rng.choice(qr_payload.ALPHABET) for _ in range(23))


def _altered(rng: random.Random, original: str) -> str:
    position = rng.randrange(len(qr_payload.PREFIX), len(original))
    other = rng.choice([c for c in qr_payload.ALPHABET if c != original[position]])
    return original[:position] + other + original[position + 1 :]


def build_streams(
    rng: random.Random, registrations: list[tuple[int, str | None]], desks: int, beats: int
) -> tuple[list[list[tuple[str, str, int | None]]], set[int]]:
    """Per desk, ``beats`` scans of (kind, code, registration id or None); and the unique valid ids.

    A "shared" beat puts the same person on two desks at the same beat index, so the two
    scans arrive at the server within milliseconds of each other.
    """
    fresh = registrations[:]
    rng.shuffle(fresh)
    streams: list[list[tuple[str, str, int | None]]] = [[] for _ in range(desks)]
    done: list[list[str]] = [[] for _ in range(desks)]
    valid: set[int] = set()
    for beat in range(beats):
        for desk in range(desks):
            if len(streams[desk]) > beat:  # filled by another desk's shared pick
                continue
            roll = rng.random()
            if roll < REPEAT_SHARE and done[desk]:
                streams[desk].append(("repeat", rng.choice(done[desk]), None))
                continue
            roll -= REPEAT_SHARE
            if roll < FORGED_SHARE:
                streams[desk].append(("forged", _forged(rng), None))
                continue
            roll -= FORGED_SHARE
            if roll < ALTERED_SHARE and done[desk]:
                streams[desk].append(("altered", _altered(rng, rng.choice(done[desk])), None))
                continue
            roll -= ALTERED_SHARE
            registration_id, nip = fresh.pop()
            valid.add(registration_id)
            payload = qr_payload.payload_for(registration_id)
            done[desk].append(payload)
            partners = [d for d in range(desks) if d != desk and len(streams[d]) == beat]
            if roll < SHARED_SHARE and partners:
                partner = rng.choice(partners)
                streams[desk].append(("shared", payload, registration_id))
                streams[partner].append(("shared", payload, registration_id))
                done[partner].append(payload)
            elif roll < SHARED_SHARE + NIP_SHARE and nip:
                streams[desk].append(("nip", f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}", registration_id))
            else:
                streams[desk].append(("new", payload, registration_id))
    return streams, valid


def _refresh_loop(event_id: int, stop: threading.Event, timings: list[float], errors: list[str]) -> None:
    """What a desk window does in the background: poll the stamp, reload when it moved."""
    known = None
    try:
        while not stop.wait(POLL_SECONDS):
            started = time.perf_counter()
            stamp = database.change_stamp()
            if stamp != known:
                checkin.counters(event_id)
                checkin.recent_check_ins(event_id, 20)
                known = stamp
            timings.append((time.perf_counter() - started) * 1000)
    except BaseException:
        errors.append(traceback.format_exc())
    finally:
        database.close_database()


def desk_process(url: str, event_id: int, desk: int, stream, interval: float, refresh: bool, barrier, results) -> None:
    try:
        database.open_database(url)
        actor = Actor(f"Meja {desk + 1}", "Bench")
        checkin.counters(event_id)  # first connection, statement plans, the QR secret
        checkin.check_in(event_id, _forged(random.Random(desk)), actor=actor)
        refresh_timings: list[float] = []
        refresh_errors: list[str] = []
        stop = threading.Event()
        poller = threading.Thread(
            target=_refresh_loop, args=(event_id, stop, refresh_timings, refresh_errors), daemon=True
        )
        barrier.wait(timeout=120)
        if refresh:
            poller.start()
        start = time.perf_counter()
        outcome = []
        late = 0
        for beat, (kind, code, registration_id) in enumerate(stream):
            due = start + beat * interval
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            else:
                late += 1
            began = time.perf_counter()
            result = checkin.check_in(event_id, code, actor=actor)
            outcome.append((kind, result.status, (time.perf_counter() - began) * 1000, registration_id))
        elapsed = time.perf_counter() - start
        stop.set()
        if refresh:
            poller.join(timeout=30)
        error = f"background refresh failed:\n{refresh_errors[0]}" if refresh_errors else None
        results.put((desk, outcome, refresh_timings, elapsed, late, error))
    except BaseException:
        results.put((desk, [], [], 0.0, 0, traceback.format_exc()))
    finally:
        database.close_database()


def report(outcomes: dict, refresh_timings: list[float], valid: set[int], stored: int, args, elapsed: float) -> bool:
    latencies: dict[str, list[float]] = defaultdict(list)
    statuses: dict[str, Counter] = defaultdict(Counter)
    shared_winners: Counter = Counter()
    for outcome in outcomes.values():
        for kind, status, ms, registration_id in outcome:
            latencies[kind].append(ms)
            statuses[kind][status] += 1
            if kind == "shared" and status == checkin.CheckinStatus.CHECKED_IN:
                shared_winners[registration_id] += 1
    everything = [ms for values in latencies.values() for ms in values]
    scans = len(everything)
    print(
        f"\n{args.desks} desks x {args.rate} scans/min for {args.minutes:g} min: {scans:,} scans in "
        f"{elapsed:.0f} s ({scans / elapsed * 60:,.0f}/min in all)"
    )
    print(f"  {'kind':<8} {'n':>6} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>8}  (ms)   outcomes")
    for kind in ("new", "nip", "shared", "repeat", "forged", "altered"):
        values = latencies[kind]
        if values:
            print(
                f"  {kind:<8} {len(values):>6} {statistics.median(values):>7.2f} {percentile(values, 0.95):>7.2f} "
                f"{percentile(values, 0.99):>7.2f} {max(values):>8.2f}   {dict(statuses[kind])}"
            )
    p99 = percentile(everything, 0.99)
    print(
        f"  {'all':<8} {scans:>6} {statistics.median(everything):>7.2f} {percentile(everything, 0.95):>7.2f} "
        f"{p99:>7.2f} {max(everything):>8.2f}"
    )
    print(f"  target: p99 < {TARGET_P99_MS:.0f} ms -> {'OK' if p99 < TARGET_P99_MS else 'OVER TARGET'}")
    if refresh_timings:
        print(
            f"  background refresh per poll (stamp, and reload when moved): p50 "
            f"{statistics.median(refresh_timings):.2f} ms, p99 {percentile(refresh_timings, 0.99):.2f} ms, "
            f"{len(refresh_timings):,} polls"
        )

    wrong = (
        statuses["new"][checkin.CheckinStatus.ALREADY]
        + statuses["new"][checkin.CheckinStatus.REJECTED]
        + statuses["nip"][checkin.CheckinStatus.ALREADY]
        + statuses["nip"][checkin.CheckinStatus.REJECTED]
        + statuses["repeat"][checkin.CheckinStatus.CHECKED_IN]
        + statuses["repeat"][checkin.CheckinStatus.REJECTED]
        + statuses["forged"][checkin.CheckinStatus.CHECKED_IN]
        + statuses["forged"][checkin.CheckinStatus.ALREADY]
        + statuses["altered"][checkin.CheckinStatus.CHECKED_IN]
        + statuses["altered"][checkin.CheckinStatus.ALREADY]
        + statuses["shared"][checkin.CheckinStatus.REJECTED]
    )
    shared_people = {rid for outcome in outcomes.values() for kind, _, _, rid in outcome if kind == "shared"}
    shared_ok = all(shared_winners[rid] == 1 for rid in shared_people)
    print(
        f"  contended people (two desks, same beat): {len(shared_people):,}, each checked in exactly once: "
        f"{'yes' if shared_ok else 'NO'}"
    )
    print(f"  wrong outcomes: {wrong}")
    print(
        f"  final attendance count {stored:,} vs unique valid people scanned {len(valid):,} -> "
        f"{'EQUAL' if stored == len(valid) else 'DIFFERENT'}"
    )
    return wrong == 0 and shared_ok and stored == len(valid)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--rate", type=int, default=500, help="scans per minute per desk")
    parser.add_argument(
        "--registrations",
        type=int,
        default=None,
        help="roster size (default: enough for every beat to be a new person)",
    )
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--fast-server", action="store_true", help="fsync off on the server (not realistic)")
    parser.add_argument("--no-refresh", action="store_true", help="leave out the desks' background refresh")
    args = parser.parse_args()

    # A plain kill (SIGTERM) unwinds like Ctrl+C, so the cluster and the desks are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    beats = max(1, round(args.rate * args.minutes))
    registrations = args.registrations or args.desks * beats + 100
    try:
        cluster = throwaway_cluster(fast=args.fast_server, max_connections=max(50, 4 * args.desks))
        server = cluster.__enter__()
    except ClusterUnavailable as err:
        print(f"bench_desks: {err} (bash scripts/test.sh installs the postgresql package)", file=sys.stderr)
        return 2
    desk_processes: list = []
    try:
        url = server.create_database("bench_desks")
        durable = "off (--fast-server)" if args.fast_server else "on"
        print(f"PostgreSQL at {server.host}:{server.port}, fsync/synchronous_commit {durable}")
        database.open_database(url)
        started = time.perf_counter()
        event_id = demo.create_demo_event(registrations)
        print(f"Roster: {registrations:,} registrations in {time.perf_counter() - started:.1f} s")
        rows = list(
            Registration.select(Registration.id, Person.nip).join(Person).where(Registration.event == event_id).tuples()
        )
        database.close_database()
        streams, valid = build_streams(random.Random(args.seed), rows, args.desks, beats)

        context = multiprocessing.get_context("spawn")
        barrier, results = context.Barrier(args.desks), context.Queue()
        interval = 60.0 / args.rate
        processes = [
            context.Process(
                target=desk_process,
                args=(url, event_id, n, streams[n], interval, not args.no_refresh, barrier, results),
            )
            for n in range(args.desks)
        ]
        for process in processes:
            process.start()
        desk_processes.extend(processes)
        collected = [results.get(timeout=args.minutes * 60 + 600) for _ in processes]
        for process in processes:
            process.join(timeout=60)
        errors = [error for *_, error in collected if error]
        if errors:
            print(errors[0], file=sys.stderr)
            return 1
        outcomes = {desk: outcome for desk, outcome, *_ in collected}
        refresh_timings = [ms for _, _, timings, *_ in collected for ms in timings]
        elapsed = max(c[3] for c in collected)
        late = sum(c[4] for c in collected)
        if late:
            print(f"  (beats started late because the previous scan was still running: {late})")

        database.open_database(url)
        stored = Attendance.select().join(Registration).where(Registration.event == event_id).count()
        database.close_database()
        return 0 if report(outcomes, refresh_timings, valid, stored, args, elapsed) else 1
    finally:
        for process in desk_processes:
            if process.is_alive():
                process.terminate()
                process.join(timeout=10)
        cluster.__exit__(None, None, None)


if __name__ == "__main__":
    raise SystemExit(main())
