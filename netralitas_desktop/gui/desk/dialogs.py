"""Dialogs of the check-in desk: walk-in registration and this desk's name / operator / sound."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.checkin import CheckinResult, walk_in
from ...core.events import NotFoundError, ValidationError
from ..common.errors import show_error
from ..common.participant_dialog import ParticipantDialog
from ..common.settings import save_identity
from ..common.sounds import set_sounds_enabled, sounds_enabled
from ..common.widgets import localize_buttons


class WalkInDialog(ParticipantDialog):
    """The participant form, saving through ``checkin.walk_in``: registered and present in one step."""

    def __init__(
        self, event_id: int, *, actor: Actor, units: list[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(event_id, units=units, actor=actor, parent=parent)
        self.setWindowTitle(self.tr("Peserta tanpa undangan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Daftarkan && catat hadir"))
        self.checkin_result: CheckinResult | None = None

    def save(self) -> None:
        try:
            self.checkin_result = walk_in(self.event_id, self.person(), mode=self.mode.currentData(), actor=self.actor)
        except ValidationError as err:
            self._show_errors(err.errors)
            return
        except NotFoundError as err:
            show_error(self, self.tr("Kegiatan tidak ditemukan"), err)
            self.reject()
            return
        self.accept()


class DeskIdentityDialog(QDialog):
    """Name this desk and its operator (recorded with every check-in) and switch the sounds."""

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meja dan petugas"))
        self.setMinimumWidth(420)
        self.desk = QLineEdit(actor.desk)
        self.desk.setPlaceholderText(self.tr("mis. Meja 1"))
        self.operator = QLineEdit(actor.operator)
        self.operator.setPlaceholderText(self.tr("Nama petugas"))
        self.sounds = QCheckBox(self.tr("Bunyikan nada hasil pindai"))
        self.sounds.setChecked(sounds_enabled())
        form = QFormLayout()
        form.addRow(self.tr("Nama meja"), self.desk)
        form.addRow(self.tr("Petugas"), self.operator)
        form.addRow("", self.sounds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        save_identity(self.desk.text(), self.operator.text())
        set_sounds_enabled(self.sounds.isChecked())
        self.accept()
