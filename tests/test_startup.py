"""The real program starts offscreen to a shown main window, in Indonesian or English, and logs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _start(tmp_path, *, language: str | None = None) -> subprocess.CompletedProcess:
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
    if language:
        settings = home / ".config" / "Netralitas" / "Netralitas Desktop.conf"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(f"[ui]\nlanguage={language}\n")
    return subprocess.run(
        [sys.executable, "-m", "netralitas_desktop", "--db", f"sqlite:///{tmp_path / 'a.db'}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("language", [None, "en"])
def test_program_starts_to_the_main_window_and_writes_its_log(tmp_path, language):
    done = _start(tmp_path, language=language)
    assert done.returncode == 0, done.stderr
    menus = "File Events Campaign Tools Help" if language == "en" else "Berkas Kegiatan Kampanye Alat Bantuan"
    assert f"startup-probe: window shown; menus: {menus}" in done.stdout
    logs = list((tmp_path / "home").rglob("netralitas.log"))
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert "window opened on SQLite" in text and "closed" in text
    assert "Budi" not in text  # ids and counts only: the demo roster's names never reach the log
