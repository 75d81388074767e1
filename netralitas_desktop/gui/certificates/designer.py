"""The certificate designer: drag fields on a live preview drawn by the real PDF code.

Every edit re-renders the first certificate(s) off the GUI thread after a short pause
(``render_preview_pdf`` → PDFium → picture), so what the user sees is what the bulk run
prints, with the event's own data. Nothing is stored until *Simpan*, except a chosen
background picture, which the preview needs from the event's assets.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.certificates.background import set_background
from ...core.certificates.design import (
    BACKGROUND_ASSET,
    PLACEHOLDERS,
    SPECIAL_KEYS,
    Design,
    DesignError,
    FieldSpec,
    default_design,
    design_to_json,
    import_template,
    load_design,
    save_design,
    validate_design,
)
from ...core.certificates.render import render_preview_pdf
from ...core.documents import atomic_output, safe_filename
from ...core.errors import USER_FACING
from ...core.event_settings import asset_filename, get_asset
from ..common.core_labels import core_label
from ..common.errors import show_error
from ..common.jobs import BackgroundWork
from ..common.live import LiveRefresh
from ..common.pdf_pages import page_count, render_page
from ..common.widgets import ErrorLabel, confirm
from .canvas import DesignCanvas
from .field_panel import FieldPanel

PREVIEW_DPI = 110
DEBOUNCE_MS = 350
SAMPLES = 5
_NEW_FIELD_WIDTH = {"qr": 24.0, "logo": 20.0, "tte": 60.0, "signatory1": 95.0, "signatory2": 95.0}
TEMPLATE_FILTER = QT_TRANSLATE_NOOP("CertificateDesigner", "Templat sertifikat (*.json)")
TEMPLATE_STEM = "Templat sertifikat"  # a file name: stays Indonesian, like the certificates tab's


def render_preview_image(event_id: int, design: Design, sample: int, dpi: float = PREVIEW_DPI) -> QImage:
    """Certificate number ``sample`` (0-based, as far as there are holders) as a picture."""
    data = render_preview_pdf(event_id, design, count=sample + 1)
    return render_page(data, min(sample, page_count(data) - 1), dpi)


class CertificateDesigner(QDialog, BackgroundWork):
    saved = Signal()

    def __init__(self, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Desain sertifikat"))
        self.event_id = event_id
        self.design: Design = load_design(event_id)
        self.dirty = False
        self.preview_ready = False
        # One render at a time; a render of a design edited meanwhile is dropped and the latest follows.
        self.render = LiveRefresh(self, self._render, inputs=self._render_inputs)
        self.render.loaded.connect(self._rendered)
        self.render.failed.connect(lambda message: self._render_done(self.tr("Pratinjau gagal: {0}").format(message)))
        self._render_timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._render_timer.timeout.connect(self.render.refresh)
        self._build()
        self._show_design()
        self.resize(1180, 760)

    # Layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self.paper_combo = QComboBox()
        self.paper_combo.addItems(["A4", "F4"])
        self.orientation_combo = QComboBox()
        self.orientation_combo.addItem(self.tr("Lanskap"), True)
        self.orientation_combo.addItem(self.tr("Potret"), False)
        self.frame_check = QCheckBox(self.tr("Bingkai bawaan"))
        self.background_label = QLabel()
        self.background_button = QPushButton(self.tr("Gambar latar…"))
        self.background_button.setToolTip(
            self.tr("Gambar PNG/JPEG atau halaman pertama PDF, mis. bingkai dari desainer.")
        )
        self.background_button.clicked.connect(self.choose_background)
        self.clear_background_button = QPushButton(self.tr("Tanpa latar"))
        self.clear_background_button.clicked.connect(self.clear_background)
        self.sample_spin = QSpinBox()
        self.sample_spin.setRange(1, SAMPLES)
        self.sample_spin.setPrefix(self.tr("Contoh peserta "))
        self.sample_spin.valueChanged.connect(self.schedule_render)
        top = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Kertas")),
            self.paper_combo,
            self.orientation_combo,
            self.frame_check,
            self.background_button,
            self.clear_background_button,
            self.background_label,
        ):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.sample_spin)
        self.paper_combo.currentTextChanged.connect(self._page_changed)
        self.orientation_combo.currentIndexChanged.connect(self._page_changed)
        self.frame_check.toggled.connect(self._frame_toggled)

        self.canvas = DesignCanvas()
        self.canvas.field_dragged.connect(self._field_dragged)
        self.canvas.field_dropped.connect(self._field_dropped)
        self.canvas.selection_changed.connect(self._selection_changed)
        self.panel = FieldPanel()
        self.panel.changed.connect(self._field_edited)
        self.add_combo = QComboBox()
        self.add_button = QPushButton(self.tr("Tambah kolom"))
        self.add_button.clicked.connect(self.add_selected_field)
        self.remove_button = QPushButton(self.tr("Hapus kolom terpilih"))
        self.remove_button.clicked.connect(self.remove_selected_field)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_combo, 1)
        add_row.addWidget(self.add_button)
        side_layout.addLayout(add_row)
        side_layout.addWidget(self.panel, 1)
        side_layout.addWidget(self.remove_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.canvas)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([860, 320])

        self.render_status = QLabel()
        self.problems = ErrorLabel()
        self.export_button = QPushButton(self.tr("Ekspor templat…"))
        self.export_button.clicked.connect(self.export_template)
        self.import_button = QPushButton(self.tr("Impor templat…"))
        self.import_button.clicked.connect(self.import_template)
        self.default_button = QPushButton(self.tr("Desain bawaan"))
        self.default_button.clicked.connect(self.reset_to_default)
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.default_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.render_status)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)

    # Showing the design --------------------------------------------------------------------
    def _show_design(self, *, refresh_panel: bool = True) -> None:
        for widget in (self.paper_combo, self.orientation_combo, self.frame_check):
            widget.blockSignals(True)
        self.paper_combo.setCurrentText(self.design.paper)
        self.orientation_combo.setCurrentIndex(0 if self.design.landscape else 1)
        self.frame_check.setChecked(self.design.frame)
        for widget in (self.paper_combo, self.orientation_combo, self.frame_check):
            widget.blockSignals(False)
        name = asset_filename(self.event_id, self.design.background) if self.design.background else None
        self.background_label.setText(
            name or (self.tr("(latar tersimpan)") if self.design.background else self.tr("tanpa gambar latar"))
        )
        self.clear_background_button.setEnabled(bool(self.design.background))
        self.canvas.set_design(self.design)
        self._fill_add_combo()
        key = self.canvas.selected_key()
        if refresh_panel:  # not while the user types in it: the cursor would jump
            self.panel.show_spec(self.design.field(key) if key else None)
        self.remove_button.setEnabled(bool(key))
        self.problems.show_message(" ".join(validate_design(self.design)))
        self.schedule_render()

    def _fill_add_combo(self) -> None:
        present = {spec.key for spec in self.design.fields}
        self.add_combo.clear()
        free = next(f"text_{n}" for n in range(2, 100) if f"text_{n}" not in present)
        choices = [(key, label) for key, label in {**PLACEHOLDERS, **SPECIAL_KEYS}.items() if key not in present]
        choices.append(("text" if "text" not in present else free, self.tr("Teks bebas")))
        for key, label in choices:
            self.add_combo.addItem(core_label(label), key)

    def _changed(self, *, refresh_panel: bool = True) -> None:
        self.dirty = True
        self._show_design(refresh_panel=refresh_panel)

    # Edits ---------------------------------------------------------------------------------
    def _page_changed(self, *_args) -> None:
        """A new paper or orientation: fields keep their place relative to the page."""
        old_width, old_height = self.design.page_size_mm
        self.design = replace(
            self.design, paper=self.paper_combo.currentText(), landscape=bool(self.orientation_combo.currentData())
        )
        width, height = self.design.page_size_mm
        sx, sy = width / old_width, height / old_height
        self.design.fields = [
            replace(
                spec,
                x_mm=round(spec.x_mm * sx, 1),
                y_mm=round(spec.y_mm * sy, 1),
                width_mm=round(min(spec.width_mm * sx, width), 1),
            )
            for spec in self.design.fields
        ]
        self._changed()

    def _frame_toggled(self, on: bool) -> None:
        self.design = replace(self.design, frame=on)
        self._changed()

    def _replace_field(self, spec: FieldSpec) -> None:
        self.design.fields = [spec if old.key == spec.key else old for old in self.design.fields]

    def _field_dragged(self, key: str, x_mm: float, y_mm: float) -> None:
        if key == self.canvas.selected_key():
            self.panel.show_position(x_mm, y_mm)

    def _field_dropped(self, key: str, x_mm: float, y_mm: float) -> None:
        spec = self.design.field(key)
        if spec is not None and (spec.x_mm, spec.y_mm) != (x_mm, y_mm):
            self._replace_field(replace(spec, x_mm=x_mm, y_mm=y_mm))
            self._changed()

    def move_field(self, key: str, x_mm: float, y_mm: float) -> None:
        """Move a field as a drag would (keyboard users and tests)."""
        box = self.canvas.boxes[key]
        box.setPos(x_mm, y_mm)
        self._field_dropped(key, box.pos().x(), box.pos().y())

    def _field_edited(self, spec: FieldSpec) -> None:
        self._replace_field(spec)
        self._changed(refresh_panel=False)

    def _selection_changed(self, key: str) -> None:
        self.panel.show_spec(self.design.field(key) if key else None)
        self.remove_button.setEnabled(bool(key))

    def add_selected_field(self) -> None:
        key = self.add_combo.currentData()
        if not key:
            return
        width, height = self.design.page_size_mm
        field_width = _NEW_FIELD_WIDTH.get(key, min(120.0, width - 40))
        spec = FieldSpec(
            key,
            round((width - field_width) / 2, 1),
            round(height / 2, 1),
            field_width,
            height_mm=16.0 if key == "tte" else 0.0,
            text=self.tr("Teks baru") if key.startswith("text") else "",
        )
        self.design.fields = [*self.design.fields, spec]
        self._changed()
        self.canvas.select(key)

    def remove_selected_field(self) -> None:
        key = self.canvas.selected_key()
        if key:
            self.design.fields = [spec for spec in self.design.fields if spec.key != key]
            self._changed()

    def choose_background(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih gambar latar sertifikat"),
            str(Path.home()),
            self.tr("Gambar atau PDF (*.png *.jpg *.jpeg *.pdf)"),
        )
        if path:
            self.set_background_file(path)

    def set_background_file(self, path: str) -> bool:
        try:
            data = Path(path).read_bytes()
            set_background(self.event_id, data, Path(path).name)
        except USER_FACING as err:
            show_error(self, self.tr("Gambar latar"), err)
            return False
        self.design = replace(self.design, background=BACKGROUND_ASSET, frame=False)
        self._changed()
        return True

    def clear_background(self) -> None:
        self.design = replace(self.design, background=None)
        self._changed()

    def reset_to_default(self) -> None:
        if confirm(
            self, self.tr("Desain bawaan"), self.tr("Ganti semua kolom dengan desain bawaan?"), self.tr("Ganti")
        ):
            self.design = replace(
                default_design(self.design.paper),
                number_format=self.design.number_format,
                number_start=self.design.number_start,
            )
            self._changed()

    # Preview -------------------------------------------------------------------------------
    def schedule_render(self) -> None:
        self.preview_ready = False
        self.render_status.setText(self.tr("Memperbarui pratinjau…"))
        self._render_timer.start()

    def _render_inputs(self) -> tuple[Design, int]:
        """A copy of the design on screen (edits go on while the render runs) and the sample shown."""
        return replace(self.design, fields=[replace(spec) for spec in self.design.fields]), self.sample_spin.value() - 1

    def _render(self, design: Design, sample: int) -> QImage:  # off the GUI thread
        return render_preview_image(self.event_id, design, sample)

    def _rendered(self, image: QImage) -> None:
        self.canvas.set_picture(image)
        self._render_done(self.tr("Pratinjau dari PDF yang sebenarnya"))

    def _render_done(self, status: str) -> None:
        self.preview_ready = True
        self.render_status.setText(status)

    # Saving and templates ------------------------------------------------------------------
    def save(self) -> bool:
        try:
            save_design(self.event_id, self.design)
        except DesignError as err:
            show_error(self, self.tr("Desain belum bisa disimpan"), err)
            return False
        self.dirty = False
        self.render_status.setText(self.tr("Desain tersimpan."))
        self.saved.emit()
        return True

    def export_template(self) -> None:
        stem = safe_filename(TEMPLATE_STEM, "json")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Ekspor templat sertifikat"),
            str(Path.home() / stem),
            QCoreApplication.translate("CertificateDesigner", TEMPLATE_FILTER),
        )
        if path:
            self.export_template_to(path if path.lower().endswith(".json") else f"{path}.json")

    def export_template_to(self, path: str) -> None:
        """The design on screen (saved or not), with its background, as a template file."""
        background = get_asset(self.event_id, self.design.background) if self.design.background else None
        name = asset_filename(self.event_id, self.design.background) if background else ""
        try:
            with atomic_output(path) as temp:
                temp.write_text(
                    design_to_json(self.design, background=background, background_name=name or ""), encoding="utf-8"
                )
        except USER_FACING as err:
            show_error(self, self.tr("Ekspor templat"), err)
            return
        self.render_status.setText(self.tr("Templat diekspor ke {0}").format(Path(path).name))

    def import_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Impor templat sertifikat"),
            str(Path.home()),
            QCoreApplication.translate("CertificateDesigner", TEMPLATE_FILTER),
        )
        if path:
            self.import_template_from(path)

    def import_template_from(self, path: str) -> bool:
        """Read a template into the event (design and background are saved at once)."""
        if self.dirty and not confirm(
            self,
            self.tr("Impor templat"),
            self.tr("Perubahan yang belum disimpan akan diganti oleh templat. Lanjutkan?"),
            self.tr("Impor"),
        ):
            return False
        try:
            self.design = import_template(self.event_id, path)
        except DesignError as err:
            show_error(self, self.tr("Impor templat"), err)
            return False
        self.dirty = False
        self._show_design()
        self.saved.emit()
        return True

    def reject(self) -> None:
        if self.dirty and not confirm(
            self,
            self.tr("Desain sertifikat"),
            self.tr("Perubahan desain belum disimpan. Tutup tanpa menyimpan?"),
            self.tr("Tutup tanpa menyimpan"),
        ):
            return
        super().reject()


__all__ = ["CertificateDesigner", "render_preview_image"]
