"""The designer's side panel: edit the selected field (text, font, size, colour, alignment, box)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.certificates.design import PLACEHOLDERS, FieldSpec
from ...core.certificates.render import MIN_TEXT_PT
from ..common.core_labels import core_label
from .canvas import field_title

_FONTS = (
    ("serif", QT_TRANSLATE_NOOP("FieldPanel", "Serif (Times)")),
    ("sans", QT_TRANSLATE_NOOP("FieldPanel", "Sans (Arial)")),
)
_ALIGNS = (
    ("left", QT_TRANSLATE_NOOP("FieldPanel", "Kiri")),
    ("center", QT_TRANSLATE_NOOP("FieldPanel", "Tengah")),
    ("right", QT_TRANSLATE_NOOP("FieldPanel", "Kanan")),
)
_IMAGE_KEYS = ("qr", "logo", "tte")
_SIGNATORY_KEYS = ("signatory1", "signatory2")


def _mm_box(maximum: float = 500.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, maximum)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" mm")
    return box


class FieldPanel(QWidget):
    """Shows one ``FieldSpec``; ``changed`` carries the edited copy after every edit."""

    changed = Signal(object)  # FieldSpec

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec: FieldSpec | None = None
        self._loading = False
        self.title = QLabel(self.tr("Pilih kolom pada pratinjau untuk mengubahnya."))
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("kosong: isi data kolom ini"))
        self.insert_combo = QComboBox()
        self.insert_combo.addItem(self.tr("Sisipkan isian…"), "")
        for key, label in PLACEHOLDERS.items():
            self.insert_combo.addItem(f"{core_label(label)}  {{{key}}}", key)
        self.insert_combo.activated.connect(self._insert_placeholder)
        self.font_combo = QComboBox()
        for value, label in _FONTS:
            self.font_combo.addItem(QCoreApplication.translate("FieldPanel", label), value)
        self.bold_check = QCheckBox(self.tr("Tebal"))
        self.italic_check = QCheckBox(self.tr("Miring"))
        style_row = QHBoxLayout()
        style_row.setContentsMargins(0, 0, 0, 0)
        style_row.addWidget(self.bold_check)
        style_row.addWidget(self.italic_check)
        style_row.addStretch(1)
        self.size_spin = QDoubleSpinBox()
        self.size_spin.setRange(MIN_TEXT_PT, 96.0)  # nothing under 8 pt on a certificate: long text wraps
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(" pt")
        self.min_size_spin = QDoubleSpinBox()
        self.min_size_spin.setRange(MIN_TEXT_PT, 96.0)
        self.min_size_spin.setDecimals(1)
        self.min_size_spin.setSuffix(" pt")
        self.min_size_spin.setToolTip(
            self.tr("Teks yang terlalu panjang mengecil sampai ukuran ini (paling kecil 8 pt), lalu berganti baris.")
        )
        self.lines_spin = QSpinBox()
        self.lines_spin.setRange(1, 6)
        self.color_button = QPushButton()
        self.color_button.clicked.connect(self._choose_color)
        self.align_combo = QComboBox()
        for value, label in _ALIGNS:
            self.align_combo.addItem(QCoreApplication.translate("FieldPanel", label), value)
        self.x_spin, self.y_spin = _mm_box(), _mm_box()
        self.width_spin, self.height_spin = _mm_box(), _mm_box()
        self.height_spin.setSpecialValueText(self.tr("otomatis"))

        self.form = QFormLayout()
        self.form.addRow(self.tr("Teks"), self.text_edit)
        self.form.addRow("", self.insert_combo)
        self.form.addRow(self.tr("Huruf"), self.font_combo)
        self.style_row = self._wrap(style_row)
        self.form.addRow("", self.style_row)
        self.form.addRow(self.tr("Ukuran"), self.size_spin)
        self.form.addRow(self.tr("Ukuran minimal"), self.min_size_spin)
        self.form.addRow(self.tr("Baris maksimal"), self.lines_spin)
        self.form.addRow(self.tr("Warna"), self.color_button)
        self.form.addRow(self.tr("Perataan"), self.align_combo)
        self.form.addRow(self.tr("Kiri (X)"), self.x_spin)
        self.form.addRow(self.tr("Atas (Y)"), self.y_spin)
        self.form.addRow(self.tr("Lebar"), self.width_spin)
        self.form.addRow(self.tr("Tinggi"), self.height_spin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addStretch(1)

        self.text_edit.textEdited.connect(self._edited)
        for combo in (self.font_combo, self.align_combo):
            combo.currentIndexChanged.connect(self._edited)
        for check in (self.bold_check, self.italic_check):
            check.toggled.connect(self._edited)
        for spin in (
            self.size_spin,
            self.min_size_spin,
            self.lines_spin,
            self.x_spin,
            self.y_spin,
            self.width_spin,
            self.height_spin,
        ):
            spin.valueChanged.connect(self._edited)
        self.show_spec(None)

    @staticmethod
    def _wrap(layout) -> QWidget:
        widget = QWidget()
        widget.setLayout(layout)
        return widget

    def show_spec(self, spec: FieldSpec | None) -> None:
        """Load ``spec`` into the widgets (None: nothing selected) without emitting ``changed``."""
        self.spec = spec
        self._loading = True
        try:
            if spec is None:
                self.title.setText(self.tr("Pilih kolom pada pratinjau untuk mengubahnya."))
            else:
                self.title.setText(field_title(spec.key))
                self.text_edit.setText(spec.text)
                self.font_combo.setCurrentIndex(max(0, self.font_combo.findData(spec.font)))
                self.bold_check.setChecked(spec.bold)
                self.italic_check.setChecked(spec.italic)
                self.size_spin.setValue(spec.size_pt)
                self.min_size_spin.setValue(spec.min_size_pt)
                self.lines_spin.setValue(spec.max_lines)
                self.align_combo.setCurrentIndex(max(0, self.align_combo.findData(spec.align)))
                self.x_spin.setValue(spec.x_mm)
                self.y_spin.setValue(spec.y_mm)
                self.width_spin.setValue(spec.width_mm)
                self.height_spin.setValue(spec.height_mm)
                self._show_color(spec.color)
            self._show_rows(spec)
        finally:
            self._loading = False

    def show_position(self, x_mm: float, y_mm: float) -> None:
        """Follow a drag on the canvas without emitting ``changed``."""
        self._loading = True
        try:
            self.x_spin.setValue(x_mm)
            self.y_spin.setValue(y_mm)
        finally:
            self._loading = False

    def _show_rows(self, spec: FieldSpec | None) -> None:
        key = spec.key if spec else None
        text = key is not None and key not in _IMAGE_KEYS
        plain_text = text and key not in _SIGNATORY_KEYS
        visible = {
            self.text_edit: text,
            self.insert_combo: text,
            self.font_combo: text,
            self.style_row: plain_text,
            self.size_spin: text,
            self.min_size_spin: plain_text,
            self.lines_spin: plain_text,
            self.color_button: text,
            self.align_combo: plain_text,
            self.x_spin: key is not None,
            self.y_spin: key is not None,
            self.width_spin: key is not None,
            self.height_spin: key in ("logo", "tte") or plain_text,
        }
        for widget, shown in visible.items():
            self.form.setRowVisible(widget, bool(shown))
        self.text_edit.setPlaceholderText(
            self.tr("baris di atas jabatan, mis. {place}, {date}")
            if key in _SIGNATORY_KEYS
            else self.tr("kosong: isi data kolom ini")
        )

    def _show_color(self, color: str) -> None:
        self.color_button.setText(color.upper())
        text = "#ffffff" if QColor(color).lightness() < 128 else "#000000"
        self.color_button.setStyleSheet(f"background: {color}; color: {text};")

    def _choose_color(self) -> None:
        if self.spec is None:
            return
        color = QColorDialog.getColor(QColor(self.spec.color), self, self.tr("Warna teks"))
        if color.isValid():
            self._show_color(color.name())
            self._edited()

    def set_color(self, color: str) -> None:
        """Choose a colour as the colour dialog would (also for tests)."""
        self._show_color(color)
        self._edited()

    def _insert_placeholder(self, index: int) -> None:
        key = self.insert_combo.itemData(index)
        self.insert_combo.setCurrentIndex(0)
        if key and self.spec is not None:
            self.text_edit.insert("{" + key + "}")
            self.text_edit.setFocus()
            self._edited()

    def _edited(self, *_args) -> None:
        if self._loading or self.spec is None:
            return
        self.spec = replace(
            self.spec,
            text=self.text_edit.text(),
            font=self.font_combo.currentData(),
            bold=self.bold_check.isChecked(),
            italic=self.italic_check.isChecked(),
            size_pt=self.size_spin.value(),
            min_size_pt=min(self.min_size_spin.value(), self.size_spin.value()),
            max_lines=self.lines_spin.value(),
            color=self.color_button.text().lower(),
            align=self.align_combo.currentData(),
            x_mm=self.x_spin.value(),
            y_mm=self.y_spin.value(),
            width_mm=self.width_spin.value(),
            height_mm=self.height_spin.value(),
        )
        self.changed.emit(self.spec)


__all__ = ["FieldPanel"]
