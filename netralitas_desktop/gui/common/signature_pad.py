"""Sign on screen with a mouse, a pen (tablet) or a finger, and get a trimmed PNG back.

Strokes are kept as points (position + width), not pixels, so the exported PNG is drawn
fresh at ``EXPORT_SCALE`` times screen resolution: sharp when printed on a list of
attendance, cropped to the ink, on a transparent background so it sits on any paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPointingDevice
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

INK = QColor(13, 27, 76)  # dark blue, like a ballpoint pen
BASE_WIDTH = 2.6  # logical pixels, for a mouse or a finger
EXPORT_SCALE = 2.0
EXPORT_MARGIN = 8  # logical pixels of empty space around the ink in the PNG
_MIN_STEP = 0.75  # closer points add nothing but weight


@dataclass(frozen=True)
class _Point:
    x: float
    y: float
    width: float


def _pressure_width(pressure: float) -> float:
    """A pen pressed harder draws a wider line, within a readable range."""
    return BASE_WIDTH * (0.45 + 1.1 * max(0.0, min(1.0, pressure)))


def _mid(a: _Point, b: _Point) -> QPointF:
    return QPointF((a.x + b.x) / 2, (a.y + b.y) / 2)


def _draw_stroke(painter: QPainter, stroke: list[_Point]) -> None:
    """Quadratic curves through the midpoints: smooth without lagging behind the pen."""
    pen = QPen(INK, stroke[0].width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    if len(stroke) == 1:  # a dot, e.g. over an "i"
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        radius = stroke[0].width * 0.7
        painter.drawEllipse(QPointF(stroke[0].x, stroke[0].y), radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        return
    start = QPointF(stroke[0].x, stroke[0].y)
    for index in range(1, len(stroke)):
        point = stroke[index]
        end = _mid(point, stroke[index + 1]) if index + 1 < len(stroke) else QPointF(point.x, point.y)
        segment = QPainterPath(start)
        segment.quadTo(QPointF(point.x, point.y), end)
        pen.setWidthF((stroke[index - 1].width + point.width) / 2)
        painter.setPen(pen)
        painter.drawPath(segment)
        start = end


class SignaturePad(QWidget):
    """The signing surface. ``changed`` fires after each stroke and on clearing."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[_Point]] = []
        self._current: list[_Point] | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(420, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Kotak tanda tangan"))

    def sizeHint(self) -> QSize:
        return QSize(640, 260)

    # Public ----------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def signature_png(self) -> bytes:
        """The ink cropped to its bounding box plus a margin, transparent PNG; b"" when empty."""
        bounds = self._ink_bounds()
        if bounds is None:
            return b""
        bounds = bounds.adjusted(-EXPORT_MARGIN, -EXPORT_MARGIN, EXPORT_MARGIN, EXPORT_MARGIN)
        image = QImage(
            max(1, round(bounds.width() * EXPORT_SCALE)),
            max(1, round(bounds.height() * EXPORT_SCALE)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(EXPORT_SCALE, EXPORT_SCALE)
        painter.translate(-bounds.left(), -bounds.top())
        for stroke in self._strokes:
            _draw_stroke(painter, stroke)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # Drawing ---------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        baseline = self.height() * 0.75
        painter.setPen(QPen(self.palette().mid().color(), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(24, baseline), QPointF(self.width() - 24, baseline))
        if self.is_empty() and not self._current:
            hint = QFont(self.font())
            hint.setPointSizeF(hint.pointSizeF() * 1.2)
            painter.setFont(hint)
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                QRectF(0, baseline + 4, self.width(), self.height() - baseline - 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self.tr("Tanda tangan di atas garis"),
            )
        for stroke in self._strokes + ([self._current] if self._current else []):
            _draw_stroke(painter, stroke)

    # Input: mouse, pen, finger -----------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._is_real_mouse(event):
            self._begin(event.position(), BASE_WIDTH)

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._is_real_mouse(event):
            self._extend(event.position(), BASE_WIDTH)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._is_real_mouse(event):
            self._finish()

    def tabletEvent(self, event) -> None:
        kind = event.type()
        width = _pressure_width(event.pressure())
        if kind == event.Type.TabletPress:
            self._begin(event.position(), width)
        elif kind == event.Type.TabletMove and self._current is not None:
            self._extend(event.position(), width)
        elif kind == event.Type.TabletRelease:
            self._finish()
        event.accept()  # no synthesized mouse event follows

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (event.Type.TouchBegin, event.Type.TouchUpdate, event.Type.TouchEnd, event.Type.TouchCancel):
            points = event.points()
            if points:
                position = points[0].position()  # one finger signs; a second one is ignored
                if kind == event.Type.TouchBegin:
                    self._begin(position, BASE_WIDTH)
                elif kind == event.Type.TouchUpdate:
                    self._extend(position, BASE_WIDTH)
            if kind in (event.Type.TouchEnd, event.Type.TouchCancel):
                self._finish()
            event.accept()
            return True
        return super().event(event)

    @staticmethod
    def _is_real_mouse(event) -> bool:
        """Touch and pen input reach us directly; their mouse copies would draw twice."""
        device = event.pointingDevice()
        synthesized = event.source() != Qt.MouseEventSource.MouseEventNotSynthesized
        return not synthesized and (device is None or device.type() == QPointingDevice.DeviceType.Mouse)

    def _begin(self, position: QPointF, width: float) -> None:
        self._current = [_Point(position.x(), position.y(), width)]
        self.update()

    def _extend(self, position: QPointF, width: float) -> None:
        if self._current is None:
            return
        last = self._current[-1]
        if abs(position.x() - last.x) + abs(position.y() - last.y) < _MIN_STEP:
            return
        self._current.append(_Point(position.x(), position.y(), width))
        self.update()

    def _finish(self) -> None:
        if self._current:
            self._strokes.append(self._current)
            self._current = None
            self.update()
            self.changed.emit()

    def _ink_bounds(self) -> QRectF | None:
        points = [point for stroke in self._strokes for point in stroke]
        if not points:
            return None
        reach = max(point.width for point in points)
        left = min(p.x for p in points) - reach
        top = min(p.y for p in points) - reach
        right = max(p.x for p in points) + reach
        bottom = max(p.y for p in points) + reach
        return QRectF(left, top, right - left, bottom - top)


class SignatureDialog(QDialog):
    """The participant's name above the pad; "Simpan" stays off until something is signed."""

    def __init__(self, signer_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tanda Tangan Peserta"))
        self._png = b""
        self.name_label = QLabel(signer_name)
        self.name_label.setObjectName("signerName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pad = SignaturePad()
        self.buttons = QDialogButtonBox()
        self.clear_button = QPushButton(self.tr("Hapus"))
        self.clear_button.setToolTip(self.tr("Hapus coretan dan ulangi tanda tangan"))
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setDefault(True)
        cancel_button = QPushButton(self.tr("Batal"))
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.clear_button.clicked.connect(self.pad.clear)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.pad.changed.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tanda tangan atas nama:")))
        layout.addWidget(self.name_label)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        self._update_buttons()

    def accept(self) -> None:
        if self.pad.is_empty():
            return
        self._png = self.pad.signature_png()
        super().accept()

    def signature_png(self) -> bytes:
        """The accepted signature (b"" when cancelled)."""
        return self._png

    def _update_buttons(self) -> None:
        empty = self.pad.is_empty()
        self.save_button.setEnabled(not empty)
        self.clear_button.setEnabled(not empty)
