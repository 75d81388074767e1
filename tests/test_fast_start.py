"""Start-up stays fast (issue #8): no heavy library is loaded before a command or screen needs it.

Every start, the window included, imports ``netralitas_desktop.cli`` and builds the whole
parser, so the command modules import their core modules (ReportLab, openpyxl, Pillow,
cryptography, pyHanko, …) inside the command functions, and the main window loads the event
page on first use. A fresh interpreter shows what really gets loaded; the timings live in
bench/bench_startup.py. No library is exempt: none of these is needed to list the commands
or to show the event list (PySide6 is, for the window only). The one exception is outside
the usual start: creating or upgrading a database (see the window test).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from netralitas_desktop.cli import build_parser, main
from netralitas_desktop.core.documents import Paper

ROOT = Path(__file__).resolve().parent.parent

HEAVY = {
    "openpyxl",
    "pyhanko",
    "pyhanko_certvalidator",
    "cryptography",
    "rapidfuzz",
    "pypdfium2",
    "pypdf",
    "reportlab",
    "zxingcpp",
    "PIL",
    "qrcode",
    "lxml",
    "asn1crypto",
}

_LOADED = "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(json.loads(sys.argv[1])))))"


def _loaded_after(code: str, heavy: set[str], env: dict | None = None) -> list[str]:
    """Run ``code`` in a fresh interpreter; which of ``heavy`` it loaded (last stdout line)."""
    script = f"import json, sys\n{code}\n{_LOADED}"
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(sorted(heavy))],
        cwd=ROOT,
        env=env or os.environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_command_line_loads_no_heavy_library():
    assert _loaded_after("import netralitas_desktop.cli", HEAVY | {"PySide6"}) == []


def test_version_and_every_help_page_load_no_heavy_library():
    code = """
import contextlib, io
from netralitas_desktop.cli import build_parser, main
import argparse

def pages(parser, prefix):
    yield prefix
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from pages(sub, prefix + [name])

with contextlib.redirect_stdout(io.StringIO()) as shown:
    assert main(["--version"]) == 0
    for prefix in pages(build_parser(), []):
        assert main([*prefix, "--help"]) == 0
assert "Netralitas Desktop" in shown.getvalue() and "pakai berkas templat" in shown.getvalue()
"""
    assert _loaded_after(code, HEAVY | {"PySide6"}) == []


def test_showing_the_event_list_window_loads_no_document_library(tmp_path):
    """The usual start: a database already at the current schema, holding an event.

    (Creating or upgrading a database runs migration 4, which imports the feature models;
    ``core.offline.models`` brings in its package and with it the document layer. That is
    once per database, not every start.)
    """
    url = f"sqlite:///{tmp_path / 'a.db'}"
    assert main(["--db", url, "demo", "--participants", "20"]) == 0
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "NETRALITAS_STARTUP_PROBE": "1",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".state"),
        "XDG_DATA_HOME": str(home / ".data"),
    }
    code = f"from netralitas_desktop.cli import main\nassert main(['--db', {url!r}]) == 0"
    assert _loaded_after(code, HEAVY, env) == []


def test_invitations_paper_still_defaults_to_a4():
    """The default is now the text "a4", which argparse passes through ``paper_type``."""
    parser = build_parser()
    assert parser.parse_args(["invitations", "--event", "1", "--out", "u.pdf"]).paper is Paper.A4
    assert parser.parse_args(["invitations", "--event", "1", "--out", "u.pdf", "--paper", "F4"]).paper is Paper.F4
