"""Start-up time: from launching the program to a usable main window, from source and frozen.

Run: ``.venv/bin/python bench/bench_startup.py [--runs N] [--frozen build/dist/Netralitas]``.
Each run starts the real program (``python -m netralitas_desktop`` or the bundle's
``Netralitas``) offscreen on a prepared SQLite file holding the demo event, with
``NETRALITAS_STARTUP_PROBE=1``: the app then quits as soon as its event loop has shown
the main window, so the wall time of the process is start-up plus a short shutdown. The
first run warms the disk cache and is reported apart. Target: under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.5


def _prepare(folder: Path) -> str:
    url = f"sqlite:///{folder / 'bench.db'}"
    subprocess.run(
        [sys.executable, "-m", "netralitas_desktop", "--db", url, "demo", "--participants", "300"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return url


def _time(command: list[str], url: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NETRALITAS_STARTUP_PROBE": "1"}
    started = time.perf_counter()
    done = subprocess.run([*command, "--db", url], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or "startup-probe: window shown" not in done.stdout:
        raise SystemExit(f"the program did not start cleanly:\n{done.stdout}\n{done.stderr}")
    return elapsed


def _report(label: str, command: list[str], url: str, runs: int) -> None:
    first = _time(command, url)
    times = [_time(command, url) for _ in range(runs)]
    median = statistics.median(times)
    print(
        f"{label:<8} first {first:.2f} s; then median {median:.2f} s, min {min(times):.2f} s, "
        f"max {max(times):.2f} s over {runs} runs  (target < {TARGET_S} s: {'met' if median < TARGET_S else 'MISSED'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--frozen",
        type=Path,
        default=ROOT / "build" / "dist" / "Netralitas",
        help="folder of the PyInstaller bundle (skipped when absent)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = _prepare(Path(folder))
        _report("source", [sys.executable, "-m", "netralitas_desktop"], url, args.runs)
        frozen = args.frozen / "Netralitas"
        if frozen.exists():
            _report("frozen", [str(frozen)], url, args.runs)
        else:
            print(f"frozen   skipped: {frozen} not built (run the test suite or pyinstaller build.spec)")


if __name__ == "__main__":
    main()
