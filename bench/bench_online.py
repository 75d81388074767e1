"""Online attendance import and dashboard counting on a large event.

Run: ``.venv/bin/python bench/bench_online.py [--registrations N] [--rows M]``. A demo event
of N fictional registrations gets a generated Zoom report of M rows written the way people
name themselves (NIP in the name, name with a word of the unit, bare name, typo with the
unit, device names, rejoins). Plan (read + match), apply (one transaction) and a re-import
plan are timed, then the dashboard's snapshot (the 2-second refresh, with and without the
pledge status). Targets are printed beside the figures.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netralitas_desktop.core import database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.nip import format_nip
from netralitas_desktop.core.participants import list_participants
from netralitas_desktop.core.reports.online import apply_online_import, plan_online_import


def typo(name: str, rng: random.Random) -> str:
    position = rng.randrange(1, max(2, len(name) - 1))
    return name[:position] + name[position + 1 :]


def write_report(path: Path, people: list, rows: int, rng: random.Random) -> None:
    lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    for index in range(rows):
        person = rng.choice(people)
        kind = rng.random()
        unit_word = (person.unit_kerja.split() or [""])[-1]
        if kind < 0.4 and person.nip:
            display = f"{person.nama} ({format_nip(person.nip)})"
        elif kind < 0.8:
            display = f"{person.nama} - {unit_word}"
        elif kind < 0.9:
            display = person.nama.lower()
        elif kind < 0.95:
            display = f"{typo(person.nama, rng)} - {unit_word}"
        else:
            display = f"Galaxy A{index % 90 + 10}"
        start = 8 * 60 + rng.randrange(0, 60)
        minutes = rng.randrange(5, 180)
        for part in (minutes,) if rng.random() > 0.1 else (minutes // 2, minutes - minutes // 2):
            end = start + part
            lines.append(f"{display},,07/01/2024 {clock(start)},07/01/2024 {clock(end)},{part},Yes")
            start = end + 5
    path.write_text("\n".join(lines), encoding="utf-8")


def clock(minutes: int) -> str:
    hour, minute = divmod(minutes, 60)
    suffix = "AM" if hour < 12 else "PM"
    return f"{(hour - 1) % 12 + 1:02d}:{minute:02d}:00 {suffix}"


def timed(label: str, func, target: str = ""):
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"{label:<46} {seconds:7.2f} s   {target}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--registrations", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=2_000)
    args = parser.parse_args()
    from netralitas_desktop.core.reports.dashboard import load_snapshot

    with tempfile.TemporaryDirectory() as folder:
        database.open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        event_id = timed(
            f"demo event, {args.registrations:,} registrations", lambda: create_demo_event(args.registrations)
        )
        people = list_participants(event_id)
        report = Path(folder) / "zoom.csv"
        write_report(report, people, args.rows, random.Random(7))
        plan = timed(
            f"plan: read + match {args.rows:,} report rows",
            lambda: plan_online_import(event_id, report),
            "target < 10 s",
        )
        print(
            "   counts:",
            {
                k: v
                for k, v in plan.counts().items()
                if k in ("rows", "participants", "matched", "below_minimum", "ambiguous", "unmatched")
            },
        )
        result = timed("apply: one transaction", lambda: apply_online_import(plan), "target < 5 s")
        print(f"   online check-ins created: {result.created:,}")
        timed("re-import plan (same report)", lambda: plan_online_import(event_id, report), "target < 10 s")
        timed("dashboard snapshot (counts only)", lambda: load_snapshot(event_id, False), "target < 0.5 s (2 s tick)")
        timed("dashboard snapshot (with pledge status)", lambda: load_snapshot(event_id, True), f"runs every {8 * 2} s")
        database.close_database()


if __name__ == "__main__":
    main()
