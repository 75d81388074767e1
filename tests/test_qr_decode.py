"""QR decoding from generated images and camera-like frames; the dedupe window and throttle."""

from __future__ import annotations

import io

import pytest
import qrcode
from PIL import Image, ImageDraw

from netralitas_desktop.core.qr_decode import CodeDeduper, ImageDecodeError, PixelFrame, Throttle, decode_image

PAYLOAD = "NTR1ABCDEFGHJKMNPQRSTVWXYZ0"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _qr(text: str) -> Image.Image:
    return qrcode.make(text).get_image().convert("L")


def _camera_frame(text: str | None, size=(1280, 720)) -> Image.Image:
    """A grey desk-like frame with a smaller QR card somewhere off-centre."""
    frame = Image.new("L", size, 170)
    ImageDraw.Draw(frame).rectangle((40, 500, 400, 700), fill=90)  # something else in view
    if text:
        frame.paste(_qr(text).resize((240, 240)), (700, 260))
    return frame


def test_decodes_qrcode_pil_image():
    assert decode_image(_qr(PAYLOAD)) == [PAYLOAD]


def test_decodes_rgba_image_and_png_bytes():
    image = _qr("198609262015051001").convert("RGBA")
    assert decode_image(image) == ["198609262015051001"]
    data = io.BytesIO()
    image.save(data, "PNG")
    assert decode_image(data.getvalue()) == ["198609262015051001"]


def test_decodes_gray_frame_with_row_padding():
    frame = _camera_frame(PAYLOAD)
    width, height = frame.size
    stride = width + 16  # cameras pad rows to an alignment
    rows = frame.tobytes()
    padded = b"".join(rows[y * width : (y + 1) * width] + b"\0" * 16 for y in range(height))
    assert decode_image(PixelFrame(width, height, padded, stride)) == [PAYLOAD]


def test_decodes_colour_frames_in_their_own_byte_order():
    rgb = _camera_frame(PAYLOAD).convert("RGB")
    width, height = rgb.size
    assert decode_image(PixelFrame(width, height, rgb.tobytes(), pixel_format="RGB")) == [PAYLOAD]
    rgba = rgb.convert("RGBA")
    assert decode_image(PixelFrame(width, height, rgba.tobytes(), pixel_format="RGBA")) == [PAYLOAD]
    r, g, b, a = rgba.split()
    bgra = Image.merge("RGBA", (b, g, r, a)).tobytes()  # byte order of Qt's RGB32 on x86
    assert decode_image(PixelFrame(width, height, bgra, width * 4 + 0, "BGRA")) == [PAYLOAD]


def test_frame_without_code_gives_nothing():
    assert decode_image(PixelFrame(1280, 720, _camera_frame(None).tobytes())) == []


def test_bad_input_messages():
    with pytest.raises(ImageDecodeError, match="bukan gambar"):
        decode_image(b"not an image at all")
    with pytest.raises(ImageDecodeError, match="terpotong"):
        PixelFrame(100, 100, bytes(50))
    with pytest.raises(ImageDecodeError, match="Ukuran"):
        PixelFrame(0, 10, b"")
    with pytest.raises(ImageDecodeError, match="terpotong"):
        PixelFrame(10, 10, bytes(100), pixel_format="RGB")  # 300 bytes needed


def test_dedupe_window_with_fake_clock():
    clock = FakeClock()
    deduper = CodeDeduper(5.0, clock=clock)
    assert deduper.accept("A") is True
    clock.now += 1
    assert deduper.accept("A") is False  # still held in front of the camera
    assert deduper.accept("B") is True  # another card passes at once
    clock.now += 4.5
    assert deduper.accept("A") is False  # seen 4.5 s ago: the window restarted at t+1
    clock.now += 5.0
    assert deduper.accept("A") is True  # gone for 5 s, shown again: a new scan
    assert deduper.fresh(["A", "C", "C"]) == ["C"]
    deduper.reset()
    assert deduper.accept("A") is True


def test_throttle_with_fake_clock():
    clock = FakeClock()
    throttle = Throttle(0.125, clock=clock)
    assert throttle.wait_s() == 0
    throttle.start()
    clock.now += 0.1
    assert throttle.wait_s() == pytest.approx(0.025)
    clock.now += 0.03
    assert throttle.wait_s() == 0
