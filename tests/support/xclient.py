"""The real program on a virtual screen, driven like a venue laptop: Xvfb, and xdotool as the USB scanner.

``virtual_display()`` starts Xvfb on a free display (``-displayfd``: the server picks the number
and tells it, so parallel runs never collide). ``Program`` starts ``python -m netralitas_desktop``
on it with its own settings, data and cache folders, and ``XClient`` types through the X server
exactly as a keyboard-emulating scanner does (``xdotool type --delay 8``: a key every 8 ms, then
Return), or as a person (150 ms a key).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SCANNER_DELAY_MS = 8
PERSON_DELAY_MS = 150


def missing_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


@contextmanager
def virtual_display(width: int = 1366, height: int = 768) -> Iterator[str]:
    """``:N`` of a fresh Xvfb server, stopped afterwards."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as numbers:
            number = numbers.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(condition: Callable[[], object], timeout: float = 30.0, what: str = "") -> object:
    """Poll ``condition`` until it is truthy (the program runs in another process: there is no signal)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what or condition}")
        time.sleep(0.05)


class XClient:
    def __init__(self, display: str) -> None:
        self.env = {**os.environ, "DISPLAY": display}

    def _run(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=60)
        return done.stdout.strip()

    def focused_window_name(self) -> str:
        return self._run("getwindowfocus", "getwindowname")

    def scan(self, code: str) -> None:
        """What a USB scanner does: the code at 8 ms a key, then Return."""
        self._run("type", "--delay", str(SCANNER_DELAY_MS), code + "\r")

    def type(self, text: str, delay_ms: int = PERSON_DELAY_MS) -> None:
        """A person typing."""
        self._run("type", "--delay", str(delay_ms), text)

    def key(self, *keys: str) -> None:
        self._run("key", *keys)

    def screenshot(self, path: Path) -> bool:
        if shutil.which("import") is None:
            return False
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, capture_output=True, timeout=60)
        return path.is_file()


class Program:
    """``netralitas ARGS`` on ``display``, with folders of its own under ``home``."""

    def __init__(self, display: str, home: Path, args: list[str], settings: str = "") -> None:
        config = home / "config"
        (config / "Netralitas").mkdir(parents=True, exist_ok=True)
        if settings:
            (config / "Netralitas" / "Netralitas Desktop.conf").write_text(settings)
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(config),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
        }
        self.log = home / "program.log"
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "netralitas_desktop", *args], cwd=ROOT, env=self.env, stdout=out, stderr=out
            )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)

    def output(self) -> str:
        return self.log.read_text(errors="replace")
