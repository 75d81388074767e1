"""Pengaturan: this laptop's desk name, operator, paper, language, sounds and scanner (QSettings).

These are per-laptop preferences, so they live in QSettings and never in the shared
database: two desks on one PostgreSQL server keep their own names.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import MAX_NAME_LENGTH
from ..common.i18n import LANGUAGES, current_language, set_language
from ..common.settings import (
    DESK_NAME_KEY,
    OPERATOR_KEY,
    PAPER_KEY,
    PAPERS,
    current_actor,
    default_paper,
    save_identity,
)
from ..common.sounds import set_sounds_enabled, sounds_enabled
from ..common.widgets import localize_buttons
from .scanner_settings_box import ScannerSettingsBox


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pengaturan"))
        actor = current_actor()
        settings = QSettings()
        self.desk = QLineEdit(str(settings.value(DESK_NAME_KEY, "") or ""))
        self.desk.setPlaceholderText(actor.desk)
        self.operator = QLineEdit(str(settings.value(OPERATOR_KEY, "") or ""))
        self.operator.setPlaceholderText(actor.operator)
        for edit in (self.desk, self.operator):
            edit.setMaxLength(MAX_NAME_LENGTH)  # what the desk and operator columns hold
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(
                self.tr("A4 (210 × 297 mm)") if paper == "A4" else self.tr("F4/Folio (215 × 330 mm)"), paper
            )
        self.paper.setCurrentIndex(PAPERS.index(default_paper()))
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(current_language()))
        self.sounds = QCheckBox(self.tr("Bunyikan nada di meja registrasi"))
        self.sounds.setChecked(sounds_enabled())
        self.restart_note = QLabel(self.tr("Bahasa baru berlaku setelah aplikasi dibuka ulang."))
        self.restart_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda: self.restart_note.setVisible(self.language.currentData() != current_language())
        )

        form = QFormLayout()
        form.addRow(self.tr("Nama meja:"), self.desk)
        form.addRow(self.tr("Petugas:"), self.operator)
        form.addRow(self.tr("Kertas bawaan:"), self.paper)
        form.addRow(self.tr("Bahasa:"), self.language)
        form.addRow("", self.sounds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.scanner_box = ScannerSettingsBox()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.restart_note)
        layout.addWidget(self.scanner_box)
        layout.addWidget(buttons)

    def save(self) -> None:
        save_identity(self.desk.text(), self.operator.text())
        QSettings().setValue(PAPER_KEY, self.paper.currentData())
        set_language(self.language.currentData())
        set_sounds_enabled(self.sounds.isChecked())
        self.scanner_box.save()
        self.accept()
