"""CameraPanel on a machine without a camera: the no-camera state, and QR frames fed as QImages."""

from __future__ import annotations

import pytest
import qrcode
from PIL import Image, ImageDraw
from PySide6.QtGui import QImage

from netralitas_desktop.gui.desk.camera_panel import NO_CAMERA_TEXT, CameraPanel, decode_qimage, frame_from_qimage

PAYLOAD = "NTR1ABCDEFGHJKMNPQRSTVWXYZ0"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _frame_with_qr(text: str | None) -> QImage:
    """A 1280×720 RGB camera-like frame with a QR card in it (or none)."""
    frame = Image.new("RGB", (1280, 720), (150, 160, 170))
    ImageDraw.Draw(frame).ellipse((60, 80, 400, 420), fill=(90, 60, 40))
    if text:
        card = qrcode.make(text).get_image().convert("RGB").resize((260, 260))
        frame.paste(card, (820, 300))
    data = frame.tobytes()
    image = QImage(data, 1280, 720, 1280 * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels; ``data`` goes away


@pytest.fixture
def panel(qtbot):
    widget = CameraPanel()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_no_camera_state(panel):
    assert not panel.has_camera and not panel.is_running
    assert not panel.start_button.isEnabled()
    assert not panel.camera_combo.isEnabled()
    assert panel.camera_combo.currentText() == NO_CAMERA_TEXT
    assert panel.placeholder.text() == NO_CAMERA_TEXT and panel.placeholder.isVisible()
    assert "pemindai QR USB" in panel.status_label.text()
    panel.start()  # nothing to start: stays calm
    assert not panel.is_running


def test_qimage_conversion_keeps_the_code():
    image = _frame_with_qr(PAYLOAD)
    frame = frame_from_qimage(image)
    assert (frame.width, frame.height, frame.pixel_format) == (1280, 720, "RGB")
    assert decode_qimage(image) == [PAYLOAD]
    for qt_format, pixel_format in (
        (QImage.Format.Format_RGB32, "BGRA"),
        (QImage.Format.Format_RGBA8888_Premultiplied, "RGBA"),
        (QImage.Format.Format_Grayscale8, "L"),
        (QImage.Format.Format_RGB16, "BGRA"),  # not read as is: converted first
    ):
        converted = image.convertToFormat(qt_format)
        assert frame_from_qimage(converted).pixel_format == pixel_format
        assert decode_qimage(converted) == [PAYLOAD]


def test_fed_frame_emits_code_once(panel, qtbot):
    received: list[str] = []
    panel.code_detected.connect(received.append)
    with qtbot.waitSignal(panel.code_detected, timeout=5000) as blocker:
        panel.feed_image(_frame_with_qr(PAYLOAD))
    assert blocker.args == [PAYLOAD]
    panel.feed_image(_frame_with_qr(PAYLOAD))  # same card, still in front of the lens
    qtbot.waitUntil(lambda: panel.decoded_frames == 2, timeout=5000)
    assert received == [PAYLOAD]


def test_dedupe_window_ends_and_other_codes_pass(qtbot):
    clock = FakeClock()
    panel = CameraPanel(dedupe_window_s=5.0, max_decodes_per_s=1000, clock=clock)
    qtbot.addWidget(panel)
    received: list[str] = []
    panel.code_detected.connect(received.append)
    for text, advance in ((PAYLOAD, 0), ("198609262015051001", 1), (PAYLOAD, 1), (None, 1), (PAYLOAD, 5)):
        clock.now += advance
        done = panel.decoded_frames
        panel.feed_image(_frame_with_qr(text))
        qtbot.waitUntil(lambda done=done: panel.decoded_frames == done + 1, timeout=5000)
    assert received == [PAYLOAD, "198609262015051001", PAYLOAD]


def test_frames_arriving_while_busy_keep_only_the_newest(qtbot):
    clock = FakeClock()  # never advances: after the first decode the throttle holds the rest
    panel = CameraPanel(max_decodes_per_s=8, clock=clock)
    qtbot.addWidget(panel)
    received: list[str] = []
    panel.code_detected.connect(received.append)
    panel.feed_image(_frame_with_qr("PERTAMA"))
    for index in range(5):
        panel.feed_image(_frame_with_qr(f"ANTRE-{index}"))
    qtbot.waitUntil(lambda: panel.decoded_frames == 1, timeout=5000)
    assert received == ["PERTAMA"]
    clock.now += 1  # the throttle lets the next one go: only the newest frame waited
    qtbot.waitUntil(lambda: panel.decoded_frames == 2, timeout=5000)
    assert received == ["PERTAMA", "ANTRE-4"]
    # A last frame, once the throttle allows it: had any older frame still been queued, it would be
    # decoded before this one. Frames are decoded in order, so this proves nothing else waited.
    clock.now += 1
    with qtbot.waitSignal(panel.code_detected, timeout=5000) as last:
        panel.feed_image(_frame_with_qr("TERAKHIR"))
    assert last.args == ["TERAKHIR"]
    assert received == ["PERTAMA", "ANTRE-4", "TERAKHIR"] and panel.decoded_frames == 3


def test_video_frames_take_the_same_path(panel, qtbot):
    """What the camera's video sink delivers: a QVideoFrame, converted only when decoded."""
    QVideoFrame = pytest.importorskip("PySide6.QtMultimedia").QVideoFrame
    image = _frame_with_qr(PAYLOAD).convertToFormat(QImage.Format.Format_RGB32)
    with qtbot.waitSignal(panel.code_detected, timeout=5000) as blocker:
        panel.feed_image(QVideoFrame(image))
    assert blocker.args == [PAYLOAD]
