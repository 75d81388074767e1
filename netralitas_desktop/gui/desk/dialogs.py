"""Dialogs of the check-in desk: the walk-in form and this desk's name / operator / sound."""

from __future__ import annotations

from PySide6.QtCore import Qt
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

from ...core.audit import Actor
from ...core.checkin import CheckinResult
from ...core.events import NotFoundError, ValidationError
from ...core.names import split_name
from ...core.nip import explain, normalize_id
from ...core.participants import EMPLOYMENT_LABELS, PersonData
from ..common.core_labels import core_label
from ..common.errors import show_error
from ..common.settings import save_identity
from ..common.sounds import set_sounds_enabled, sounds_enabled
from ..common.widgets import ErrorLabel, FieldErrors, localize_buttons
from .session import DeskSession


class WalkInDialog(QDialog):
    """Someone without an invitation, registered and checked in in one step: NIP/NIK, name, unit, type.

    It stays beside the desk (not modal): the next scans are recorded meanwhile and never type
    into it (the window's scanner filter sends them to the desk). A name shaped like a scan code
    is refused (``core.participants.clean_person``).
    """

    def __init__(self, session: DeskSession, *, units: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.checkin_result: CheckinResult | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Peserta tanpa undangan"))
        self.setModal(False)
        self.setMinimumWidth(480)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("NIP / NI PPPK 18 digit atau NIK 16 digit"))
        self.number.textChanged.connect(self._explain_number)
        self.number_hint = QLabel()
        self.number_hint.setWordWrap(True)
        self.number_hint.setStyleSheet("color: #5f6368;")
        self.number_hint.hide()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Nama lengkap dengan gelar, mis. Drs. Budi Santoso, M.Si."))
        self.unit_kerja = QComboBox()
        self.unit_kerja.setEditable(True)
        self.unit_kerja.addItems(["", *(units or [])])
        self.unit_kerja.lineEdit().setPlaceholderText(self.tr("Unit kerja / OPD / instansi"))
        self.employment_type = QComboBox()
        self.employment_type.addItem(self.tr("Otomatis dari NIP (tanpa NIP: non-ASN)"), "")
        for code, label in EMPLOYMENT_LABELS.items():
            self.employment_type.addItem(core_label(label), code)

        number_box = QWidget()
        number_layout = QVBoxLayout(number_box)
        number_layout.setContentsMargins(0, 0, 0, 0)
        number_layout.setSpacing(2)
        number_layout.addWidget(self.number)
        number_layout.addWidget(self.number_hint)
        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(self.tr("NIP / NIK"), wrap("number", number_box))
        form.addRow(self.tr("Nama *"), wrap("nama", self.name))
        form.addRow(self.tr("Unit kerja"), wrap("unit_kerja", self.unit_kerja))
        form.addRow(self.tr("Jenis pegawai"), wrap("employment_type", self.employment_type))
        self.general_error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Daftarkan && catat hadir"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Kode yang dipindai selama formulir ini terbuka tetap dicatat di meja."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.number.setFocus(Qt.FocusReason.OtherFocusReason)

    def person(self) -> PersonData:
        digits = normalize_id(self.number.text())
        is_nik = len(digits) == 16
        names = split_name(self.name.text())
        return PersonData(
            nama=names.nama,
            gelar_depan=names.gelar_depan,
            gelar_belakang=names.gelar_belakang,
            nip="" if is_nik else self.number.text(),
            nik=self.number.text() if is_nik else "",
            employment_type=self.employment_type.currentData() or "",
            unit_kerja=self.unit_kerja.currentText(),
        )

    def save(self) -> None:
        try:
            self.checkin_result = self.session.walk_in(self.person())
        except ValidationError as err:
            errors = dict(err.errors)
            for field in ("nip", "nik"):
                if field in errors:
                    errors.setdefault("number", errors.pop(field))
            leftover = self.errors.show(errors)
            self.general_error.show_message("\n".join(leftover))
            widget = {"number": self.number, "nama": self.name}.get(self.errors.first_with_error(errors) or "")
            if widget is not None:
                widget.setFocus()
            return
        except NotFoundError as err:
            show_error(self, self.tr("Kegiatan tidak ditemukan"), err)
            self.reject()
            return
        self.accept()

    def _explain_number(self, text: str) -> None:
        digits = normalize_id(text)
        shown = len(digits) == 18
        self.number_hint.setText(explain(text) if shown else "")
        self.number_hint.setVisible(shown)


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
