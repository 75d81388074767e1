"""Invitation throughput: 2,000 cards into one PDF (A4 and F4), and per-person PNGs.

Builds a demo event in a temporary SQLite file, then times ``InvitationPdfJob`` (cards/s,
pages/s, file size) and ``InvitationImagesJob`` into a ZIP (PNGs/s, size per image). Wall
and CPU seconds are both printed: on a machine shared with other work the wall time also
counts waiting for a core. A cProfile breakdown of the PDF run follows with ``--profile``.

    .venv/bin/python bench/bench_invitations.py [--cards 2000] [--pngs 200] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from netralitas_desktop.core.database import close_database, open_database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.documents import Paper
from netralitas_desktop.core.invitations import InvitationImagesJob, InvitationPdfJob


def timed(job):
    wall, cpu = time.perf_counter(), time.process_time()
    result = job.run()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=2000)
    parser.add_argument("--pngs", type=int, default=200, help="participants for the PNG run (0 skips it)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        open_database(f"sqlite:///{folder / 'bench.db'}")
        event_id = create_demo_event(participants=args.cards)
        for paper in (Paper.A4, Paper.F4):
            pdf = folder / f"undangan-{paper.label}.pdf"
            result, wall, cpu = timed(InvitationPdfJob(event_id, pdf, paper=paper))
            size = pdf.stat().st_size
            print(
                f"PDF {paper.label}: {result.count} cards, {result.pages} pages in {wall:.1f} s wall "
                f"({cpu:.1f} s CPU): {result.count / wall:.0f} cards/s, {result.pages / wall:.1f} pages/s; "
                f"{size / 1e6:.2f} MB ({size / result.count / 1e3:.1f} kB a card)"
            )
        if args.pngs:
            small_event = create_demo_event(participants=args.pngs, seed=7)
            archive = folder / "undangan.zip"
            result, wall, cpu = timed(InvitationImagesJob(small_event, archive))
            size = archive.stat().st_size
            print(
                f"PNG (ZIP): {result.count} images in {wall:.1f} s wall ({cpu:.1f} s CPU): "
                f"{result.count / wall:.1f} PNGs/s; {size / result.count / 1e3:.0f} kB an image"
            )
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(InvitationPdfJob(event_id, folder / "profile.pdf").run)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(15)
        close_database()


if __name__ == "__main__":
    main()
