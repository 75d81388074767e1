"""Short, distinct tones for the desk: one rising for HADIR, a double for SUDAH HADIR, low for DITOLAK.

The operator hears the outcome without looking up. Tones are written once with the
stdlib ``wave`` module into the cache folder and played with QtMultimedia's
``QSoundEffect`` when that module loads (it needs PySide6-Addons and an audio stack);
otherwise the desk falls back to the system beep. QSettings ``desk/sounds`` mutes them.
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QUrl
from PySide6.QtWidgets import QApplication

from ...core.checkin import CheckinStatus
from .settings import SOUNDS_KEY

_RATE = 22_050
# status -> list of (frequency Hz, duration s); 0 Hz is a pause.
TONES: dict[str, list[tuple[float, float]]] = {
    CheckinStatus.CHECKED_IN: [(880.0, 0.09), (1320.0, 0.12)],
    CheckinStatus.ALREADY: [(660.0, 0.1), (0.0, 0.06), (660.0, 0.1)],
    CheckinStatus.REJECTED: [(220.0, 0.35)],
}


def sounds_enabled() -> bool:
    value = QSettings().value(SOUNDS_KEY, True)
    return str(value).lower() not in ("false", "0", "no")


def set_sounds_enabled(enabled: bool) -> None:
    QSettings().setValue(SOUNDS_KEY, bool(enabled))


def write_tone(path: Path, parts: list[tuple[float, float]]) -> Path:
    """A mono 16-bit WAV of the given tones, with short fades so they do not click."""
    frames = bytearray()
    for frequency, seconds in parts:
        count = int(_RATE * seconds)
        fade = max(1, int(_RATE * 0.01))
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade)
            value = math.sin(2 * math.pi * frequency * i / _RATE) if frequency else 0.0
            frames += struct.pack("<h", int(value * envelope * 0.5 * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(_RATE)
        out.writeframes(bytes(frames))
    return path


def _cache_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or tempfile.gettempdir()
    folder = Path(base) / "desk-sounds"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class DeskSounds(QObject):
    """Plays the tone for a check-in status; never raises (a desk without audio still works)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effects: dict[str, object] | None = None  # loaded at the first sound, not with the tab

    def _load(self) -> dict[str, object]:
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect  # optional: PySide6-Addons + audio libraries

            folder = _cache_dir()
            for status, parts in TONES.items():
                path = folder / f"{status}.wav"
                if not path.is_file():
                    write_tone(path, parts)
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                self._effects[status] = effect
        except Exception:  # no QtMultimedia or no writable cache: beep instead
            self._effects = {}
        return self._effects

    def play(self, status: str) -> None:
        if not sounds_enabled():
            return
        effect = (self._effects if self._effects is not None else self._load()).get(status)
        # A QSoundEffect, typed object here because QtMultimedia is imported only when sounds play.
        if effect is not None and effect.status() != effect.Status.Error:  # type: ignore[attr-defined]  # see above
            effect.play()  # type: ignore[attr-defined]  # see above
            return
        for _ in range(
            {CheckinStatus.CHECKED_IN: 1, CheckinStatus.ALREADY: 2, CheckinStatus.REJECTED: 3}.get(status, 1)
        ):
            QApplication.beep()
