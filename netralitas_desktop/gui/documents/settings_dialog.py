"""Per-event document settings: pledge wording (ASN and non-ASN) and form fields, the collective
sheet, kop, paper, images, and whether NIKs are masked on what is handed out.

Everything is saved together with "Simpan" (texts through ``save_document_settings``,
images through ``set_image``); "Batal" leaves the event as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.documents import Paper
from ...core.errors import USER_FACING
from ...core.event_settings import get_asset
from ...core.events import ValidationError
from ...core.pledges.document_settings import (
    FIELD_LABELS,
    IMAGE_ASSETS,
    DocumentSettings,
    FormField,
    check_image,
    load_document_settings,
    save_document_settings,
    set_image,
)
from ...core.pledges.pledge_text import VARIABLES, default_non_asn_text, default_pledge_text, default_sheet_text
from ..common.errors import error_message, show_error
from ..common.widgets import ErrorLabel, FieldErrors, localize_buttons

_KEY = Qt.ItemDataRole.UserRole
_THUMB = QSize(120, 60)


class _ImageRow(QWidget):
    """A thumbnail with "Pilih gambar…" and "Hapus"; the choice is kept until the dialog saves."""

    def __init__(self, kind: str, current: bytes | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.data = current
        self.filename = ""
        self.changed = False
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(_THUMB)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid #bbb; background: white;")
        self.choose_button = QPushButton(self.tr("Pilih gambar…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Hapus"))
        self.remove_button.clicked.connect(self.remove)
        self.error = ErrorLabel()
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail, 0, 0)
        layout.addLayout(buttons, 0, 1)
        layout.addWidget(self.error, 1, 0, 1, 2)
        layout.setColumnStretch(2, 1)
        self._show()

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, IMAGE_ASSETS[self.kind], str(Path.home()), self.tr("Gambar PNG atau JPEG (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> bool:
        """Take the image at ``path`` if it is a usable PNG/JPEG; otherwise say why beside it."""
        try:
            data = Path(path).read_bytes()
            check_image(data, IMAGE_ASSETS[self.kind])
        except USER_FACING as err:
            self.error.show_message(error_message(err))
            return False
        self.data, self.changed, self.filename = data, True, Path(path).name
        self.error.show_message("")
        self._show()
        return True

    def remove(self) -> None:
        self.data, self.changed = None, True
        self._show()

    def _show(self) -> None:
        pixmap = QPixmap()
        if self.data and pixmap.loadFromData(self.data):
            self.thumbnail.setPixmap(
                pixmap.scaled(_THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("(belum ada)"))
        self.remove_button.setEnabled(self.data is not None)


class DocumentSettingsDialog(QDialog):
    """Edit one event's document settings; ``accept()`` only after everything saved."""

    def __init__(self, event_id: int, parent: QWidget | None = None, actor: Callable[[], Actor] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pengaturan dokumen"))
        self.event_id = event_id
        self._actor = actor
        self.errors = FieldErrors()
        self.settings = load_document_settings(event_id)
        self.paper = QComboBox()
        for paper in Paper:
            self.paper.addItem(paper.label, paper)
        self.paper.setCurrentIndex(list(Paper).index(self.settings.paper))
        self.mask_nik = QCheckBox(
            self.tr("Samarkan NIK (3302**********01) pada daftar, laporan, ekspor, undangan dan sertifikat")
        )
        self.mask_nik.setToolTip(
            self.tr(
                "UU PDP: NIK dicetak lengkap hanya pada formulir yang ditandatangani orang itu sendiri. "
                "Matikan bila instansi penerima memerlukan NIK lengkap."
            )
        )
        self.mask_nik.setChecked(self.settings.mask_nik)
        top = QFormLayout()
        top.addRow(self.tr("Ukuran kertas bawaan"), self.paper)
        top.addRow(self.tr("NIK"), self.mask_nik)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._pledge_tab(), self.tr("Pakta integritas"))
        self.tabs.addTab(self._non_asn_tab(), self.tr("Pakta non-ASN"))
        self.tabs.addTab(self._sheet_tab(), self.tr("Lembar ikrar bersama"))
        self.tabs.addTab(self._letterhead_tab(), self.tr("Kop surat dan gambar"))
        self.general_error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.resize(760, 640)

    # --- tabs ----------------------------------------------------------------------------------------------------

    def _variables_hint(self) -> QLabel:
        names = ", ".join(f"{{{name}}} ({label})" for name, label in VARIABLES.items())
        hint = QLabel(
            self.tr(
                "Variabel yang dapat dipakai: {0}. Baris berawalan \u201c1.\u201d menjadi butir "
                "bernomor; baris kosong memisahkan paragraf."
            ).format(names)
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        return hint

    def _pledge_tab(self) -> QWidget:
        self.pledge_title = QLineEdit(self.settings.pledge_title)
        self.pledge_text = QPlainTextEdit(self.settings.pledge_text)
        self.pledge_reset = reset = QPushButton(self.tr("Kembalikan teks bawaan"))
        reset.clicked.connect(lambda: self.pledge_text.setPlainText(default_pledge_text()))
        self.fields = QListWidget()
        self.fields.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        chosen = {field.key: field.label for field in self.settings.fields}
        order = [field.key for field in self.settings.fields] + [key for key in FIELD_LABELS if key not in chosen]
        for key in order:
            item = QListWidgetItem(chosen.get(key, FIELD_LABELS[key]))
            item.setData(_KEY, key)
            flags = item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
            if key != "nama":  # the name is always on the form
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if key in chosen or key == "nama" else Qt.CheckState.Unchecked)
            self.fields.addItem(item)
        self.fields.setMaximumHeight(150)
        fields_hint = QLabel(
            self.tr(
                "Centang isian yang dicetak; klik dua kali untuk mengubah labelnya, seret untuk "
                "mengubah urutan. Peserta non-ASN tanpa NIP dicetak dengan NIK."
            )
        )
        fields_hint.setWordWrap(True)
        self.meterai = QCheckBox(self.tr("Beri kotak meterai di tempat tanda tangan"))
        self.meterai.setToolTip(
            self.tr("Dengan meterai formulir ditandatangani basah; tanda tangan dari meja tidak dicetak.")
        )
        self.meterai.setChecked(self.settings.meterai)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Judul"), self.errors.wrap("pledge_title", self.pledge_title))
        form.addRow(self.tr("Teks pernyataan"), self.errors.wrap("pledge_text", self.pledge_text))
        form.addRow("", reset)
        form.addRow("", self._variables_hint())
        form.addRow(self.tr("Isian data diri"), self.errors.wrap("fields", self.fields))
        form.addRow("", fields_hint)
        form.addRow("", self.meterai)
        return page

    def _non_asn_tab(self) -> QWidget:
        """PPNPN (PTT/GTT, honorer) and other non-ASN staff sign their own title and wording."""
        self.non_asn_title = QLineEdit(self.settings.non_asn_title)
        self.non_asn_text = QPlainTextEdit(self.settings.non_asn_text)
        self.non_asn_reset = reset = QPushButton(self.tr("Kembalikan teks bawaan"))
        reset.clicked.connect(lambda: self.non_asn_text.setPlainText(default_non_asn_text()))
        hint = QLabel(
            self.tr(
                "Dipakai untuk peserta PPNPN (PTT/GTT, honorer) dan non-ASN lainnya: judul dan teks sendiri, "
                "NIK sebagai nomor identitas, tanpa pangkat/golongan."
            )
        )
        hint.setWordWrap(True)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow("", hint)
        form.addRow(self.tr("Judul"), self.errors.wrap("non_asn_title", self.non_asn_title))
        form.addRow(self.tr("Teks pernyataan"), self.errors.wrap("non_asn_text", self.non_asn_text))
        form.addRow("", reset)
        form.addRow("", self._variables_hint())
        return page

    def _sheet_tab(self) -> QWidget:
        self.sheet_title = QLineEdit(self.settings.sheet_title)
        self.sheet_text = QPlainTextEdit(self.settings.sheet_text)
        self.sheet_reset = reset = QPushButton(self.tr("Kembalikan teks bawaan"))
        reset.clicked.connect(lambda: self.sheet_text.setPlainText(default_sheet_text()))
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Judul"), self.errors.wrap("sheet_title", self.sheet_title))
        form.addRow(self.tr("Teks ikrar"), self.errors.wrap("sheet_text", self.sheet_text))
        form.addRow("", reset)
        form.addRow("", self._variables_hint())
        return page

    def _letterhead_tab(self) -> QWidget:
        self.letterhead_lines = QPlainTextEdit("\n".join(self.settings.letterhead_lines))
        self.letterhead_lines.setPlaceholderText(self.tr("PEMERINTAH KABUPATEN …\nBADAN KEPEGAWAIAN DAERAH"))
        self.letterhead_lines.setMaximumHeight(90)
        self.letterhead_address = QPlainTextEdit(self.settings.letterhead_address)
        self.letterhead_address.setPlaceholderText(self.tr("Jl. … No. …, Telepon …, Pos-el …"))
        self.letterhead_address.setMaximumHeight(70)
        hint = QLabel(
            self.tr(
                "Tanpa baris nama, dokumen dicetak tanpa kop surat. Tanda tangan dan stempel dipakai "
                "pada penutup daftar hadir dan lembar ikrar (penanda tangan 1 kegiatan)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.images = {kind: _ImageRow(kind, get_asset(self.event_id, kind)) for kind in IMAGE_ASSETS}
        images = QGroupBox(self.tr("Gambar"))
        image_form = QFormLayout(images)
        for kind, row in self.images.items():
            image_form.addRow(IMAGE_ASSETS[kind], row)
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Baris nama kop"), self.errors.wrap("letterhead_lines", self.letterhead_lines))
        form.addRow(self.tr("Alamat"), self.letterhead_address)
        form.addRow("", hint)
        form.addRow(images)
        return page

    # --- saving --------------------------------------------------------------------------------------------------

    def value(self) -> DocumentSettings:
        fields = []
        for index in range(self.fields.count()):
            item = self.fields.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                fields.append(FormField(item.data(_KEY), item.text().strip()))
        lines = tuple(line.strip() for line in self.letterhead_lines.toPlainText().splitlines() if line.strip())
        return DocumentSettings(
            pledge_title=self.pledge_title.text().strip(),
            pledge_text=self.pledge_text.toPlainText(),
            fields=tuple(fields),
            meterai=self.meterai.isChecked(),
            non_asn_title=self.non_asn_title.text().strip(),
            non_asn_text=self.non_asn_text.toPlainText(),
            sheet_title=self.sheet_title.text().strip(),
            sheet_text=self.sheet_text.toPlainText(),
            paper=self.paper.currentData(),
            letterhead_lines=lines,
            letterhead_address=self.letterhead_address.toPlainText().strip(),
            mask_nik=self.mask_nik.isChecked(),
        )

    def save(self) -> bool:
        actor = self._actor() if self._actor else None
        try:
            save_document_settings(self.event_id, self.value(), actor=actor)
            for kind, row in self.images.items():
                if row.changed:
                    set_image(self.event_id, kind, row.data, row.filename, actor=actor)
                    row.changed = False
        except ValidationError as err:
            unclaimed = self.errors.show(err.errors)
            self.general_error.show_message(" ".join(unclaimed))
            self._show_tab_of(err.errors)
            return False
        except USER_FACING as err:  # a database failure: say so, keep the dialog and its input
            show_error(
                self,
                self.tr("Pengaturan dokumen"),
                self.tr("Pengaturan tidak tersimpan: {0}").format(error_message(err)),
            )
            return False
        self.accept()
        return True

    def _show_tab_of(self, errors: dict[str, str]) -> None:
        tabs = {
            "pledge_title": 0,
            "pledge_text": 0,
            "fields": 0,
            "non_asn_title": 1,
            "non_asn_text": 1,
            "sheet_title": 2,
            "sheet_text": 2,
            "letterhead_lines": 3,
        }
        first = next((tabs[name] for name in errors if name in tabs), None)
        if first is not None:
            self.tabs.setCurrentIndex(first)


__all__ = ["DocumentSettingsDialog"]
