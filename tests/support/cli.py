"""The command line in a real process, as a user (or a script) runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def run_cli(url: str, *args: str) -> subprocess.CompletedProcess:
    """``python -m netralitas_desktop --db URL ARGS`` as a user would run it."""
    env = {key: value for key, value in os.environ.items() if key != "NETRALITAS_DB"}
    return subprocess.run(
        [sys.executable, "-m", "netralitas_desktop", "--db", url, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def run_json(url: str, *args: str) -> tuple[int, dict]:
    done = run_cli(url, *args, "--json")
    assert "Traceback" not in done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, done.stdout  # exactly one JSON object
    return done.returncode, json.loads(lines[0])
