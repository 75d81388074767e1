"""SignaturePad and SignatureDialog with real widgets and simulated mouse strokes."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from netralitas_desktop.core.signatures import validate_png
from netralitas_desktop.gui.common.signature_pad import EXPORT_SCALE, SignatureDialog, SignaturePad


def _stroke(widget, points: list[tuple[int, int]]) -> None:
    first = QPoint(*points[0])
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, first)
    for x, y in points[1:]:
        QTest.mouseMove(widget, QPoint(x, y))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]))


def _signature_like(x0: int = 150, y0: int = 120) -> list[tuple[int, int]]:
    """A wavy line about 200 x 60 pixels."""
    return [(x0 + i * 10, y0 + (30 if i % 2 else -30)) for i in range(21)]


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(640, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_mouse_strokes_make_a_trimmed_transparent_png(pad, qtbot):
    assert pad.is_empty() and pad.signature_png() == b""
    with qtbot.waitSignal(pad.changed):
        _stroke(pad, _signature_like())
    _stroke(pad, [(200, 200), (260, 205), (320, 200)])  # an underline
    assert not pad.is_empty()

    png = pad.signature_png()
    validate_png(png)  # what storage would accept
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.mode == "RGBA"
    width, height = image.size
    # Ink spans 200 x 110 logical pixels; cropped, plus margins, at the export scale.
    assert 200 * EXPORT_SCALE < width < 260 * EXPORT_SCALE
    assert 110 * EXPORT_SCALE < height < 160 * EXPORT_SCALE
    assert width < pad.width() * EXPORT_SCALE and height < pad.height() * EXPORT_SCALE
    alpha = image.getchannel("A")
    assert alpha.getpixel((0, 0)) == 0 and alpha.getpixel((width - 1, height - 1)) == 0  # transparent paper
    assert alpha.getextrema()[1] == 255  # and opaque ink
    # The ink reaches within the margin of every edge: the crop is tight.
    left, top, right, bottom = alpha.getbbox()
    margin = 12 * EXPORT_SCALE
    assert left < margin and top < margin and width - right < margin and height - bottom < margin


def test_clear_empties_the_pad(pad, qtbot):
    _stroke(pad, _signature_like())
    assert not pad.is_empty()
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.is_empty() and pad.signature_png() == b""


def test_a_click_is_a_dot(pad):
    _stroke(pad, [(100, 100)])
    image = Image.open(io.BytesIO(pad.signature_png()))
    assert image.getchannel("A").getextrema()[1] > 0
    assert max(image.size) < 40 * EXPORT_SCALE


def test_dialog_shows_name_and_saves_only_when_signed(qtbot):
    dialog = SignatureDialog("Drs. Budi Santoso, M.Si.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.name_label.text() == "Drs. Budi Santoso, M.Si."
    assert not dialog.save_button.isEnabled()
    _stroke(dialog.pad, _signature_like(60, 80))
    assert dialog.save_button.isEnabled()
    dialog.clear_button.click()
    assert not dialog.save_button.isEnabled()
    _stroke(dialog.pad, _signature_like(60, 80))
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert Image.open(io.BytesIO(dialog.signature_png())).format == "PNG"


def test_finger_on_a_touch_screen_signs(pad):
    screen = QTest.createTouchDevice()
    QTest.touchEvent(pad, screen).press(0, QPoint(100, 100))
    for x in range(110, 300, 10):
        QTest.touchEvent(pad, screen).move(0, QPoint(x, 100 + (x % 40)))
    QTest.touchEvent(pad, screen).release(0, QPoint(300, 110))
    assert not pad.is_empty()
    image = Image.open(io.BytesIO(pad.signature_png()))
    assert image.size[0] > 190 * EXPORT_SCALE  # one stroke, not a dot: no doubled mouse copy needed


def _pen(pad, kind, x: float, y: float, pressure: float) -> None:
    pen = QPointingDevice.primaryPointingDevice()  # any device: the pad reads the event type
    local = QPointF(x, y)
    event = QTabletEvent(
        kind,
        pen,
        local,
        pad.mapToGlobal(local),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        Qt.KeyboardModifier.NoModifier,
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
    )
    QApplication.sendEvent(pad, event)


def _pen_line(pad, y: float, pressure: float) -> None:
    _pen(pad, QEvent.Type.TabletPress, 100, y, pressure)
    for x in range(110, 400, 10):
        _pen(pad, QEvent.Type.TabletMove, x, y, pressure)
    _pen(pad, QEvent.Type.TabletRelease, 400, y, pressure)


def test_pen_pressure_sets_the_line_width(pad):
    _pen_line(pad, 100, 0.1)
    light = Image.open(io.BytesIO(pad.signature_png())).getchannel("A").getbbox()
    pad.clear()
    _pen_line(pad, 100, 1.0)
    firm = Image.open(io.BytesIO(pad.signature_png())).getchannel("A").getbbox()
    light_height, firm_height = light[3] - light[1], firm[3] - firm[1]
    assert firm_height > light_height * 1.8  # a firmer press draws a visibly thicker line
