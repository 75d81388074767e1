"""Every window and dialog fits a small screen (issue 12): 1024 × 768, the same less a taskbar, and a
1366 × 768 laptop less its taskbar. ``tests/support/screen_check.py`` opens each one in a fresh
process whose offscreen screen has that size, checks the window and every visible button and field,
and draws a picture of the screen for each (kept in ``NETRALITAS_SCREENSHOTS`` when set)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

SCRIPT = Path(__file__).resolve().parent / "support" / "screen_check.py"
WINDOWS = 44  # every top-level window and dialog, and a few in a fuller state


def check_screen(out: Path, width: int, height: int, **env: str) -> dict[str, dict]:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(out), str(width), str(height)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {result["name"]: result for result in results}


def screenshots_folder(tmp_path: Path, width: int, height: int) -> Path:
    kept = os.environ.get("NETRALITAS_SCREENSHOTS")
    return Path(kept) / f"{width}x{height}" if kept else tmp_path / "layar"


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1024, 728), (1366, 728)])
def test_every_window_and_dialog_fits_with_its_buttons_visible(tmp_path, width, height):
    out = screenshots_folder(tmp_path, width, height)
    results = check_screen(out, width, height)
    assert len(results) == WINDOWS
    problems = {name: result["problems"] for name, result in results.items() if result["problems"]}
    assert problems == {}
    for name, result in results.items():
        window_width, window_height = result["size"]
        assert window_width <= width and window_height <= height, name
        with Image.open(out / f"{name}.png") as picture:
            assert picture.size == (width, height)
    assert results["02_daftar_kegiatan"]["size"][0] <= width  # "Buka" was off-screen at 1280 wide


def test_without_the_fit_the_check_finds_what_the_committee_saw(tmp_path):
    """The check itself can fail: with ScreenFit left out, the certificate designer and the audit log
    lose their buttons below and beside the screen (the main window sizes itself to the screen)."""
    results = check_screen(tmp_path / "tanpa", 1024, 768, NETRALITAS_NO_SCREEN_FIT="1")
    assert results["02_daftar_kegiatan"]["problems"] == []
    assert any("“Simpan”" in problem for problem in results["18_desain_sertifikat"]["problems"])
    assert any("“Tutup”" in problem for problem in results["23_log_audit"]["problems"])
