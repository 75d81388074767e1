"""QR decoding time of one 1280×720 camera frame (target: < 30 ms, so 8 decodes/s use < 25% of a core).

Frames are made to look like a webcam's: sensor noise over a grey desk, a dark object,
and (or not) an invitation QR card printed at 260 px, slightly rotated and blurred. Each
case runs 100 times through the core decoder (``PixelFrame``), and once more through the
camera panel's full path (``QImage`` RGB32 → ``PixelFrame`` → decode), as the worker thread does it.

    .venv/bin/python bench/bench_decode.py [--runs 100]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qrcode
from PIL import Image, ImageDraw, ImageFilter
from PySide6.QtGui import QImage

from netralitas_desktop.core.qr_decode import PixelFrame, decode_image
from netralitas_desktop.gui.desk.camera_panel import decode_qimage

TARGET_MS = 30.0
PAYLOAD = "NTR1ABCDEFGHJKMNPQRSTVWXYZ0"


def camera_frame(with_code: bool) -> Image.Image:
    noise = Image.effect_noise((1280, 720), 18).convert("RGB")
    desk = Image.blend(Image.new("RGB", (1280, 720), (140, 135, 125)), noise, 0.35)
    draw = ImageDraw.Draw(desk)
    draw.ellipse((60, 80, 420, 440), fill=(70, 50, 40))  # a bag, a cup...
    draw.rectangle((900, 40, 1240, 200), fill=(200, 200, 205))  # a sheet of paper
    if with_code:
        card = Image.new("RGB", (300, 300), "white")
        card.paste(qrcode.make(PAYLOAD, border=1).get_image().convert("RGB").resize((260, 260)), (20, 20))
        card = card.rotate(8, expand=True, fillcolor=(140, 135, 125)).filter(ImageFilter.GaussianBlur(0.8))
        desk.paste(card, (560, 220))
    return desk


def as_qimage(image: Image.Image) -> QImage:
    rgba = image.convert("RGBA")
    return QImage(rgba.tobytes(), rgba.width, rgba.height, QImage.Format.Format_RGBA8888).convertToFormat(
        QImage.Format.Format_RGB32
    )


def measure(label: str, decode, source, expected: list[str], runs: int) -> float:
    found = decode(source)
    if found != expected:
        raise SystemExit(f"{label}: decoded {found!r}, expected {expected!r}")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        decode(source)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    mean, p95 = statistics.fmean(times), times[int(0.95 * (len(times) - 1))]
    print(f"{label:<36} mean {mean:6.2f} ms   p95 {p95:6.2f} ms   max {times[-1]:6.2f} ms")
    return p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    print(f"1280×720 frames, {args.runs} runs each, target p95 < {TARGET_MS:.0f} ms")
    worst = 0.0
    for with_code in (True, False):
        image = camera_frame(with_code)
        expected = [PAYLOAD] if with_code else []
        what = "with QR" if with_code else "without QR"
        gray = image.convert("L")
        frame = PixelFrame(gray.width, gray.height, gray.tobytes())
        worst = max(worst, measure(f"core decode (grey), {what}", decode_image, frame, expected, args.runs))
        worst = max(
            worst, measure(f"QImage RGB32→decode, {what}", decode_qimage, as_qimage(image), expected, args.runs)
        )
    verdict = "OK" if worst < TARGET_MS else "TOO SLOW"
    print(f"worst p95 {worst:.2f} ms: {verdict}")


if __name__ == "__main__":
    main()
