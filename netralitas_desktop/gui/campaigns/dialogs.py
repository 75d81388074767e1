"""The campaign's small dialogs: name and deadline, and excusing people with a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.campaigns.service import EXCUSE_REASONS, CampaignData, validate
from ..common.widgets import FieldErrors, localize_buttons
from .labels import campaign_label


class CampaignDialog(QDialog):
    """A new campaign, or an existing one's name, deadline and note; ``data`` once accepted."""

    def __init__(self, data: CampaignData | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data or CampaignData(deadline=dt.date.today() + dt.timedelta(days=30))
        self.setWindowTitle(self.tr("Ubah kampanye") if self.data.id else self.tr("Kampanye baru"))
        self.errors = FieldErrors()
        self.name_edit = QLineEdit(self.data.name)
        self.name_edit.setPlaceholderText(self.tr("misalnya Netralitas ASN Pilkada 2024"))
        self.deadline_edit = QDateEdit()
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("dd-MM-yyyy")
        deadline = self.data.deadline or dt.date.today()
        self.deadline_edit.setDate(QDate(deadline.year, deadline.month, deadline.day))
        self.note_edit = QPlainTextEdit(self.data.note)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 4)
        form = QFormLayout()
        form.addRow(self.tr("Nama kampanye"), self.errors.wrap("name", self.name_edit))
        form.addRow(self.tr("Batas waktu ikrar"), self.errors.wrap("deadline", self.deadline_edit))
        form.addRow(self.tr("Catatan"), self.errors.wrap("note", self.note_edit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Kampanye mengelompokkan kegiatan: seseorang dihitung sudah berikrar bila berikrar di salah satu "
                    "kegiatannya (hadir, menandatangani di meja, daring di atas batas menit, atau ikrar mandiri)."
                )
            )
        )
        layout.itemAt(0).widget().setWordWrap(True)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        picked = self.deadline_edit.date()
        data = CampaignData(
            self.name_edit.text(),
            dt.date(picked.year(), picked.month(), picked.day()),
            self.note_edit.toPlainText(),
            self.data.id,
        )
        errors = validate(data)
        self.errors.show(errors)
        if errors:
            return
        self.data = data
        super().accept()


class ExcuseDialog(QDialog):
    """Why the chosen people are excused from the pledge (``reason`` and ``note`` once accepted)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kecualikan dari kewajiban ikrar"))
        self.errors = FieldErrors()
        self.reason_combo = QComboBox()
        for code, label in EXCUSE_REASONS.items():
            self.reason_combo.addItem(campaign_label(label), code)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("misalnya: cuti melahirkan sampai Desember"))
        form = QFormLayout()
        form.addRow(self.tr("Alasan"), self.errors.wrap("reason", self.reason_combo))
        form.addRow(self.tr("Keterangan"), self.errors.wrap("note", self.note_edit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(buttons, self.tr("Kecualikan"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("{0} orang tidak dihitung sebagai belum berikrar, dengan alasan berikut:").format(count))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def reason(self) -> str:
        return self.reason_combo.currentData()

    @property
    def note(self) -> str:
        return " ".join(self.note_edit.text().split())

    def accept(self) -> None:
        if self.reason == "lainnya" and not self.note:
            self.errors.show({"note": self.tr("Tuliskan keterangan untuk alasan \u201cLainnya\u201d.")})
            return
        super().accept()


__all__ = ["CampaignDialog", "ExcuseDialog"]
