"""Add or edit one participant by hand; delete with confirmation.

The dialog saves through ``core.participants`` itself, so its caller only refreshes the
table. Messages from ``clean_person`` appear under the field they concern.
"""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.events import NotFoundError, ValidationError
from ...core.nip import explain, normalize_id
from ...core.pangkat import PNS_PANGKAT, PPPK_GOLONGAN, pangkat_label
from ...core.participants import (
    EMPLOYMENT_LABELS,
    MODE_LABELS,
    PersonData,
    add_participant,
    get_participant,
    remove_participant,
    update_participant,
)
from .core_labels import core_label
from .errors import show_error
from .widgets import ErrorLabel, FieldErrors, confirm, localize_buttons


class ParticipantDialog(QDialog):
    """``exec()`` returns ``Accepted`` after a save and ``DELETED`` after a delete."""

    DELETED = 2

    def __init__(
        self,
        event_id: int,
        *,
        registration_id: int | None = None,
        units: list[str] | None = None,
        actor: Actor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self.registration_id = registration_id
        self.actor = actor
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Ubah peserta") if registration_id else self.tr("Tambah peserta"))
        self.setMinimumWidth(560)
        self._build(units or [])
        if registration_id is not None:
            self._load(registration_id)

    # Layout ------------------------------------------------------------------------------
    def _build(self, units: list[str]) -> None:
        self.nama = QLineEdit()
        self.nama.setPlaceholderText(self.tr("Nama tanpa gelar, mis. Budi Santoso"))
        self.gelar_depan = QLineEdit()
        self.gelar_depan.setPlaceholderText(self.tr("mis. Drs. H."))
        self.gelar_belakang = QLineEdit()
        self.gelar_belakang.setPlaceholderText(self.tr("mis. M.Si."))
        titles = QHBoxLayout()
        titles.setContentsMargins(0, 0, 0, 0)
        titles.addWidget(QLabel(self.tr("Depan")))
        titles.addWidget(self.gelar_depan)
        titles.addWidget(QLabel(self.tr("Belakang")))
        titles.addWidget(self.gelar_belakang)
        titles_box = QWidget()
        titles_box.setLayout(titles)

        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("18 digit, boleh dengan spasi"))
        self.nip_hint = QLabel()
        self.nip_hint.setWordWrap(True)
        self.nip_hint.setStyleSheet("color: #5f6368;")
        self.nip.textChanged.connect(self._explain_nip)
        nip_box = QWidget()
        nip_layout = QVBoxLayout(nip_box)
        nip_layout.setContentsMargins(0, 0, 0, 0)
        nip_layout.setSpacing(2)
        nip_layout.addWidget(self.nip)
        nip_layout.addWidget(self.nip_hint)
        self.nik = QLineEdit()
        self.nik.setPlaceholderText(self.tr("16 digit, untuk peserta non-ASN"))

        self.sex = QComboBox()
        for code, label in (
            ("", self.tr("Otomatis dari NIP/NIK")),
            ("L", self.tr("Laki-laki")),
            ("P", self.tr("Perempuan")),
        ):
            self.sex.addItem(label, code)
        self.employment_type = QComboBox()
        self.employment_type.addItem(self.tr("Otomatis dari NIP"), "")
        for code, label in EMPLOYMENT_LABELS.items():
            self.employment_type.addItem(core_label(label), code)
        self.golongan = QComboBox()
        self.golongan.setEditable(True)
        self.golongan.addItem("")
        for code in (*PNS_PANGKAT, *PPPK_GOLONGAN):
            self.golongan.addItem(pangkat_label(code))
        self.golongan.lineEdit().setPlaceholderText(self.tr("mis. III/b atau Penata Muda Tingkat I"))
        self.jabatan = QLineEdit()
        self.unit_kerja = QComboBox()
        self.unit_kerja.setEditable(True)
        self.unit_kerja.addItems(["", *units])
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.mode = QComboBox()
        for code, label in MODE_LABELS.items():
            self.mode.addItem(core_label(label), code)

        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(self.tr("Nama *"), wrap("nama", self.nama))
        form.addRow(self.tr("Gelar"), titles_box)
        form.addRow(self.tr("NIP / NI PPPK"), wrap("nip", nip_box))
        form.addRow(self.tr("NIK"), wrap("nik", self.nik))
        form.addRow(self.tr("Jenis kelamin"), wrap("sex", self.sex))
        form.addRow(self.tr("Jenis pegawai"), wrap("employment_type", self.employment_type))
        form.addRow(self.tr("Pangkat / golongan"), wrap("golongan", self.golongan))
        form.addRow(self.tr("Jabatan"), wrap("jabatan", self.jabatan))
        form.addRow(self.tr("Unit kerja"), wrap("unit_kerja", self.unit_kerja))
        form.addRow(self.tr("Nomor HP"), wrap("phone", self.phone))
        form.addRow(self.tr("Email"), wrap("email", self.email))
        form.addRow(self.tr("Kehadiran"), self.mode)

        self.general_error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button: QPushButton | None = None
        if self.registration_id is not None:
            self.delete_button = self.buttons.addButton(
                self.tr("Hapus peserta…"), QDialogButtonBox.ButtonRole.ResetRole
            )
            self.delete_button.clicked.connect(self.delete)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _load(self, registration_id: int) -> None:
        person, mode, _source = get_participant(registration_id)
        self.nama.setText(person.nama)
        self.gelar_depan.setText(person.gelar_depan)
        self.gelar_belakang.setText(person.gelar_belakang)
        self.nip.setText(person.nip)
        self.nik.setText(person.nik)
        self.sex.setCurrentIndex(max(0, self.sex.findData(person.sex)))
        self.employment_type.setCurrentIndex(max(0, self.employment_type.findData(person.employment_type)))
        self.golongan.setCurrentText(pangkat_label(person.golongan))
        self.jabatan.setText(person.jabatan)
        self.unit_kerja.setCurrentText(person.unit_kerja)
        self.phone.setText(person.phone)
        self.email.setText(person.email)
        self.mode.setCurrentIndex(max(0, self.mode.findData(mode)))

    def _explain_nip(self, text: str) -> None:
        digits = normalize_id(text)
        self.nip_hint.setText(explain(text) if len(digits) >= 18 else "")
        self.nip_hint.setVisible(len(digits) >= 18)

    # Actions -----------------------------------------------------------------------------
    def person(self) -> PersonData:
        return PersonData(
            nama=self.nama.text(),
            gelar_depan=self.gelar_depan.text(),
            gelar_belakang=self.gelar_belakang.text(),
            nip=self.nip.text(),
            nik=self.nik.text(),
            sex=self.sex.currentData() or "",
            employment_type=self.employment_type.currentData() or "",
            golongan=self.golongan.currentText(),
            jabatan=self.jabatan.text(),
            unit_kerja=self.unit_kerja.currentText(),
            phone=self.phone.text(),
            email=self.email.text(),
        )

    def save(self) -> None:
        mode = self.mode.currentData()
        try:
            if self.registration_id is None:
                self.registration_id = add_participant(self.event_id, self.person(), mode=mode, actor=self.actor)
            else:
                update_participant(self.registration_id, self.person(), mode=mode, actor=self.actor)
        except ValidationError as err:
            self._show_errors(err.errors)
            return
        except NotFoundError as err:
            show_error(self, self.tr("Peserta tidak ditemukan"), err)
            self.reject()
            return
        self.accept()

    def _show_errors(self, errors: dict[str, str]) -> None:
        leftover = self.errors.show(errors)
        self.general_error.show_message("\n".join(leftover))
        first = self.errors.first_with_error(errors)
        widget = {"nama": self.nama, "nip": self.nip, "nik": self.nik, "email": self.email}.get(first or "")
        if widget is not None:
            widget.setFocus()

    def delete(self) -> None:
        if self.registration_id is None:
            return
        name = self.person().full_name or self.tr("peserta ini")
        question = self.tr("Hapus {0} dari kegiatan ini? Data kehadirannya ikut terhapus.").format(name)
        if not confirm(self, self.tr("Hapus peserta"), question, self.tr("Hapus")):
            return
        with contextlib.suppress(NotFoundError):  # already gone (another desk): the goal is reached
            remove_participant(self.registration_id, actor=self.actor)
        self.done(self.DELETED)
