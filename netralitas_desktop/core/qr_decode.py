"""Read QR codes from camera frames or image files, and ignore a code held up twice.

Qt-free on purpose: the camera panel hands over plain pixels (``PixelFrame``), so
decoding runs on a worker thread and is testable without a camera or a screen.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import zxingcpp
from PIL import Image

from .errors import UserError

# A phone or webcam sees a QR code at any angle; rotation search is for 1-D barcodes and
# inverted (light-on-dark) codes are never printed by us, so both are skipped for speed.
_READ_OPTIONS: dict[str, Any] = {"formats": zxingcpp.BarcodeFormat.QRCode, "try_rotate": False, "try_invert": False}


class ImageDecodeError(UserError, ValueError):
    """An input that is not an image; the message is for the user."""


# Pixel layouts a camera frame may arrive in (byte order in memory) -> bytes per pixel.
PIXEL_FORMATS = {"L": 1, "RGB": 3, "BGR": 3, "RGBA": 4, "BGRA": 4, "ARGB": 4, "ABGR": 4}
_ZXING_FORMATS = {
    "L": zxingcpp.ImageFormat.Lum,
    "RGB": zxingcpp.ImageFormat.RGB,
    "BGR": zxingcpp.ImageFormat.BGR,
    "RGBA": zxingcpp.ImageFormat.RGBA,
    "BGRA": zxingcpp.ImageFormat.BGRA,
    "ARGB": zxingcpp.ImageFormat.ARGB,
    "ABGR": zxingcpp.ImageFormat.ABGR,
}


@dataclass(frozen=True)
class PixelFrame:
    """Raw pixels, row by row, as a camera delivers them; the decoder reads them in place.

    ``stride`` is the byte length of one row (padding allowed; 0 = no padding) and
    ``pixel_format`` the byte order of one pixel, e.g. ``"BGRA"`` for Qt's RGB32 on x86.
    Handing colour pixels over as they are saves a conversion to grey per frame.
    """

    width: int
    height: int
    data: bytes
    stride: int = 0
    pixel_format: str = "L"

    def __post_init__(self) -> None:
        if self.pixel_format not in PIXEL_FORMATS:
            raise ValueError(f"unknown pixel format {self.pixel_format!r}")
        row = self.width * PIXEL_FORMATS[self.pixel_format]
        stride = self.stride or row
        if self.width <= 0 or self.height <= 0 or stride < row:
            raise ImageDecodeError("Ukuran gambar kamera tidak sah.")
        if len(self.data) < stride * (self.height - 1) + row:
            raise ImageDecodeError("Data gambar kamera terpotong.")

    def view(self) -> zxingcpp.ImageView:
        pixel = PIXEL_FORMATS[self.pixel_format]
        return zxingcpp.ImageView(
            memoryview(self.data),
            self.width,
            self.height,
            _ZXING_FORMATS[self.pixel_format],
            self.stride or self.width * pixel,
            pixel,
        )


ImageInput = PixelFrame | Image.Image | bytes | bytearray | memoryview


def decode_image(image: ImageInput) -> list[str]:
    """Texts of every QR code in ``image``, in the order found (usually one or none).

    Accepts a ``PixelFrame`` (camera), a PIL image, or the bytes of an image file (PNG, JPEG…).
    """
    if isinstance(image, PixelFrame):
        source: Any = image.view()
    elif isinstance(image, Image.Image):
        source = image if image.mode in ("L", "RGB") else image.convert("RGB")
    elif isinstance(image, (bytes, bytearray, memoryview)):
        try:
            with Image.open(io.BytesIO(bytes(image))) as opened:
                source = opened.convert("L")
        except Exception as err:
            raise ImageDecodeError("Berkas ini bukan gambar yang bisa dibaca.") from err
    else:
        raise TypeError(f"decode_image: unsupported input {type(image).__name__}")
    return [result.text for result in zxingcpp.read_barcodes(source, **_READ_OPTIONS) if result.text]


class CodeDeduper:
    """Let a code through once, then ignore the same text for ``window_s`` seconds.

    A code held in front of the camera is seen in every frame; without this one invitation
    would be checked in (and announced) several times a second. The window restarts each
    time the code is seen, so a card left on the desk stays quiet until taken away.
    """

    def __init__(self, window_s: float = 5.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def accept(self, text: str) -> bool:
        """True when ``text`` is new (or was last seen longer than the window ago)."""
        now = self._clock()
        with self._lock:
            self._forget_older_than(now - self.window_s)
            fresh = text not in self._last_seen
            self._last_seen[text] = now
        return fresh

    def fresh(self, texts: list[str]) -> list[str]:
        """The texts of one frame that pass, each at most once."""
        return [text for text in dict.fromkeys(texts) if self.accept(text)]

    def reset(self) -> None:
        """Forget everything, e.g. after the operator undid a check-in and wants to rescan."""
        with self._lock:
            self._last_seen.clear()

    def _forget_older_than(self, cutoff: float) -> None:
        stale = [text for text, seen in self._last_seen.items() if seen <= cutoff]
        for text in stale:
            del self._last_seen[text]


class Throttle:
    """At most one start per ``interval_s``: decoding every camera frame would eat a core."""

    def __init__(self, interval_s: float = 0.125, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval_s = interval_s
        self._clock = clock
        self._last_start: float | None = None

    def wait_s(self) -> float:
        """Seconds until the next start is allowed (0 when it is allowed now)."""
        if self._last_start is None:
            return 0.0
        return max(0.0, self._last_start + self.interval_s - self._clock())

    def start(self) -> None:
        self._last_start = self._clock()
