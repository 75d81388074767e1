"""What keeping the tabs current costs: a gated poll versus each live view's full load.

Every live view (``gui/common/live.LiveRefresh``) polls ``database.change_stamp()`` each
interval and loads only when it moved (or every ``FULL_RELOAD_S``), so a quiet event costs one
stamp query per visible view and interval. This prints the stamp query and each view's loader
(the functions the tabs run off the GUI thread) at the given size, median of ``--repeat`` runs:

    .venv/bin/python bench/bench_live.py [--rows 2000] [--repeat 5] [--db bench.db]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from netralitas_desktop.core.certificates.summary import load_summary
from netralitas_desktop.core.checkin import desk_status
from netralitas_desktop.core.database import change_stamp, close_database, open_database
from netralitas_desktop.core.demo import create_demo_event
from netralitas_desktop.core.documents import Paper
from netralitas_desktop.core.events import list_events
from netralitas_desktop.core.pledges import returns
from netralitas_desktop.core.pledges.attendance_list import preview_attendance_list
from netralitas_desktop.core.pledges.signing_list import ListOptions
from netralitas_desktop.core.reports.dashboard import load_snapshot
from netralitas_desktop.core.reports.status import unit_recap
from netralitas_desktop.gui.common.live import FULL_RELOAD_S
from netralitas_desktop.gui.common.pdf_pages import render_page
from netralitas_desktop.gui.desk.counters import POLL_MS, RECENT_LIMIT
from netralitas_desktop.gui.documents.tab import PREVIEW_DPI


def prepare(db_path: Path, rows: int) -> int:
    open_database(f"sqlite:///{db_path}")
    for event in list_events():
        if event.registered == rows:
            return event.id
    return create_demo_event(participants=rows)


def median_ms(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    QApplication([])  # the preview renders into a QImage
    with tempfile.TemporaryDirectory() as folder:
        event_id = prepare(args.db or Path(folder) / "bench.db", args.rows)
        views = {
            "poll: change_stamp() (every view, every interval)": change_stamp,
            "Meja Registrasi: desk_status": lambda: desk_status(event_id, RECENT_LIMIT),
            "Ringkasan: load_snapshot (with pledge)": lambda: load_snapshot(event_id, True),
            "Ringkasan: load_snapshot (without pledge)": lambda: load_snapshot(event_id, False),
            "Ikrar Mandiri: returns.overview": lambda: returns.overview(event_id),
            "Sertifikat: load_summary": lambda: load_summary(event_id),
            "Laporan: unit_recap": lambda: unit_recap(event_id),
            "Dokumen: first page of the attendance list, rendered": lambda: render_page(
                preview_attendance_list(event_id, ListOptions(Paper.A4)), 0, PREVIEW_DPI
            ),
        }
        print(f"{args.rows:,} registrations; desk polls every {POLL_MS} ms, full reload every {FULL_RELOAD_S:.0f} s")
        for name, call in views.items():
            print(f"  {name:<58} {median_ms(call, args.repeat):8.1f} ms")
        close_database()


if __name__ == "__main__":
    main()
