"""The designer's page: the rendered certificate with each field as a draggable outlined box.

Scene units are millimetres with the origin at the page's top-left corner, the same as
``FieldSpec.x_mm`` / ``y_mm``, so a box's position *is* the field's position. The picture
underneath comes from the real PDF code (``render_preview_pdf``); the boxes only show where
each field sits and let the user move it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from ...core.certificates.design import PLACEHOLDERS, SPECIAL_KEYS, Design, FieldSpec
from ...core.documents import mm
from ...core.documents.signatory import SIGNATURE_SPACE
from ..common.core_labels import core_label

PT_TO_MM = 25.4 / 72
SNAP_MM = 0.5
_OUTLINE = QColor("#1565c0")
_SELECTED = QColor("#e65100")


def field_title(key: str) -> str:
    """A field's name on screen, e.g. "Kolom Jabatan" (``design.field_label`` in the UI language)."""
    if key in PLACEHOLDERS:
        return QCoreApplication.translate("DesignCanvas", "Kolom {0}").format(core_label(PLACEHOLDERS[key]))
    if key in SPECIAL_KEYS:
        return core_label(SPECIAL_KEYS[key])
    return QCoreApplication.translate("DesignCanvas", "Teks bebas '{0}'").format(key)


def field_height_mm(spec: FieldSpec) -> float:
    """How tall a field's box is drawn: its own height, or an estimate from its font and lines."""
    if spec.key == "qr":
        return spec.width_mm
    if spec.key == "logo":
        return spec.height_mm or spec.width_mm
    if spec.key == "tte":
        return spec.height_mm or 16.0
    if spec.key in ("signatory1", "signatory2"):
        return 5 * spec.size_pt * 1.25 * PT_TO_MM + SIGNATURE_SPACE / mm
    if spec.height_mm:
        return spec.height_mm
    return max(3.0, spec.max_lines * spec.size_pt * 1.2 * PT_TO_MM)


class FieldBox(QGraphicsRectItem):
    """One field's outline; dragging it moves the field (snapped to 0.5 mm, kept on the page)."""

    def __init__(self, canvas: DesignCanvas, spec: FieldSpec) -> None:
        super().__init__()
        self._moving_from_spec = True  # positions set from the spec are not drags
        self.canvas = canvas
        self.key = spec.key
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setZValue(10)
        self.label = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(2.2)  # scene units are mm: about 2 mm tall letters at any zoom
        self.label.setFont(font)
        self.label.setBrush(QBrush(_OUTLINE))
        self.update_from(spec)

    def update_from(self, spec: FieldSpec) -> None:
        self.setToolTip(field_title(spec.key))
        self.label.setText(self.toolTip())
        self.label.setPos(0.3, -3.2)
        self.prepareGeometryChange()
        self.setRect(QRectF(0, 0, spec.width_mm, field_height_mm(spec)))
        self._moving_from_spec = True
        self.setPos(spec.x_mm, spec.y_mm)
        self._moving_from_spec = False
        self._restyle()

    def _restyle(self) -> None:
        color = _SELECTED if self.isSelected() else _OUTLINE
        pen = QPen(color, 0)  # cosmetic: one pixel at any zoom
        pen.setStyle(Qt.PenStyle.SolidLine if self.isSelected() else Qt.PenStyle.DashLine)
        self.setPen(pen)
        fill = QColor(color)
        fill.setAlpha(40 if self.isSelected() else 10)
        self.setBrush(QBrush(fill))
        self.label.setBrush(QBrush(color))
        self.label.setVisible(self.isSelected())  # one name at a time; the others have tooltips

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and not self._moving_from_spec:
            return self.canvas.constrain(self, QPointF(value))
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and not self._moving_from_spec:
            self.canvas.field_dragged.emit(self.key, self.pos().x(), self.pos().y())
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._restyle()
        return super().itemChange(change, value)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self.canvas.field_dropped.emit(self.key, self.pos().x(), self.pos().y())


class DesignCanvas(QGraphicsView):
    """Shows a page picture with field boxes; tells where fields were dragged and which is selected."""

    field_dragged = Signal(str, float, float)  # while dragging: key, x_mm, y_mm
    field_dropped = Signal(str, float, float)  # mouse released: time to render again
    selection_changed = Signal(str)  # key of the selected field, "" for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#9e9e9e"))
        self.setMinimumSize(420, 300)
        self.page_size = (297.0, 210.0)
        self.paper = QGraphicsRectItem()
        self.paper.setBrush(QBrush(Qt.GlobalColor.white))
        self.paper.setPen(QPen(Qt.PenStyle.NoPen))
        self.paper.setZValue(-2)
        self.scene().addItem(self.paper)
        self.picture = QGraphicsPixmapItem()
        self.picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.picture.setZValue(-1)
        self.scene().addItem(self.picture)
        self.boxes: dict[str, FieldBox] = {}
        self.scene().selectionChanged.connect(self._selection_changed)

    def set_design(self, design: Design) -> None:
        """Boxes for ``design``'s fields (kept when present, so a drag is not interrupted)."""
        self.page_size = design.page_size_mm
        width, height = self.page_size
        self.paper.setRect(0, 0, width, height)
        self.scene().setSceneRect(-8, -8, width + 16, height + 16)
        keys = {spec.key for spec in design.fields}
        for key in [key for key in self.boxes if key not in keys]:
            self.scene().removeItem(self.boxes.pop(key))
        for spec in design.fields:
            box = self.boxes.get(spec.key)
            if box is None:
                self.boxes[spec.key] = box = FieldBox(self, spec)
                self.scene().addItem(box)
            elif box.scene().mouseGrabberItem() is not box:
                box.update_from(spec)
        self._fit()

    def set_picture(self, image: QImage | None) -> None:
        """The rendered page; scaled to the page size in mm."""
        if image is None or image.isNull():
            self.picture.setPixmap(QPixmap())
            return
        self.picture.setPixmap(QPixmap.fromImage(image))
        self.picture.setScale(self.page_size[0] / image.width())

    def select(self, key: str) -> None:
        self.scene().clearSelection()
        box = self.boxes.get(key)
        if box is not None:
            box.setSelected(True)

    def selected_key(self) -> str:
        items = [item for item in self.scene().selectedItems() if isinstance(item, FieldBox)]
        return items[0].key if items else ""

    def constrain(self, box: FieldBox, position: QPointF) -> QPointF:
        """Snap to 0.5 mm and keep the whole box on the page."""
        width, height = self.page_size
        rect = box.rect()
        x = min(max(0.0, round(position.x() / SNAP_MM) * SNAP_MM), max(0.0, width - rect.width()))
        y = min(max(0.0, round(position.y() / SNAP_MM) * SNAP_MM), max(0.0, height - rect.height()))
        return QPointF(round(x, 1), round(y, 1))

    def _selection_changed(self) -> None:
        self.selection_changed.emit(self.selected_key())

    def _fit(self) -> None:
        self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()


__all__ = ["DesignCanvas", "FieldBox", "field_height_mm", "field_title"]
