"""Small dialogs of the Sertifikat tab: the first five as pictures, revoking one certificate, and the
passphrase of the signing key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.certificates.keystore import MIN_PASSPHRASE
from ...core.certificates.payload import CertificateCodeError, parse_code
from ...core.certificates.verify import revoke
from ...core.errors import USER_FACING
from ..common.errors import error_message
from ..common.widgets import ErrorLabel, confirm, localize_buttons

PREVIEW_WIDTH = 860


class PreviewDialog(QDialog):
    """Pages rendered from the real PDF, one under the other, with who each one is for."""

    def __init__(self, images: list[QImage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pratinjau {0} sertifikat pertama").format(len(images)))
        pages = QWidget()
        column = QVBoxLayout(pages)
        self.page_labels: list[QLabel] = []
        for index, image in enumerate(images):
            caption = QLabel(self.tr("Sertifikat {0}").format(index + 1))
            picture = QLabel()
            picture.setPixmap(
                QPixmap.fromImage(image).scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
            )
            picture.setStyleSheet("border: 1px solid #9e9e9e;")
            column.addWidget(caption)
            column.addWidget(picture)
            self.page_labels.append(picture)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        localize_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(PREVIEW_WIDTH + 60, 720)


class RevokeDialog(QDialog):
    """Revoke one certificate by its number (typed, or its QR scanned), with a reason."""

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cabut sertifikat"))
        self._actor = actor
        self.revoked_number: str | None = None
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("nomor sertifikat, atau pindai kode QR-nya"))
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("mis. nama salah ketik, diganti sertifikat baru"))
        self.reason_edit.setFixedHeight(70)
        self.error = ErrorLabel()
        info = QLabel(
            self.tr(
                "Sertifikat yang dicabut tetap bernomor, tetapi saat diperiksa keasliannya akan "
                "tertulis DICABUT. Pencabutan tidak bisa dibatalkan dan dicatat di log."
            )
        )
        info.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Nomor"), self.number_edit)
        form.addRow(self.tr("Alasan"), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(self.buttons, self.tr("Cabut…"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def number(self) -> str:
        """The typed number, or the number inside a scanned certificate QR text."""
        text = self.number_edit.text().strip()
        try:
            return parse_code(text).claims.number
        except CertificateCodeError:
            return text

    def submit(self) -> None:
        number = self.number()
        reason = " ".join(self.reason_edit.toPlainText().split())
        if not number:
            self.error.show_message(self.tr("Isi nomor sertifikat yang akan dicabut."))
            return
        if not reason:
            self.error.show_message(self.tr("Tulis alasan pencabutan; alasan ikut tampil saat sertifikat diperiksa."))
            return
        if not confirm(
            self,
            self.tr("Cabut sertifikat"),
            self.tr("Cabut sertifikat nomor {0}? Tindakan ini tidak bisa dibatalkan.").format(number),
            self.tr("Cabut"),
        ):
            return
        try:
            revoke(number, reason, actor=self._actor())
        except USER_FACING as err:
            self.error.show_message(error_message(err))
            return
        self.revoked_number = number
        self.accept()


class PassphraseDialog(QDialog):
    """The passphrase of the signing key's protected file; ``new`` asks it twice (a new key or backup)."""

    def __init__(self, title: str, text: str, *, new: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.new = new
        info = QLabel(text)
        info.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Kata sandi"), self.passphrase_edit)
        if new:
            form.addRow(self.tr("Ulangi"), self.repeat_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(buttons)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 0)

    @property
    def passphrase(self) -> bytes:
        return self.passphrase_edit.text().encode("utf-8")

    def submit(self) -> None:
        text = self.passphrase_edit.text()
        if self.new and len(text.strip()) < MIN_PASSPHRASE:
            self.error.show_message(self.tr("Kata sandi paling sedikit {0} karakter.").format(MIN_PASSPHRASE))
            return
        if self.new and text != self.repeat_edit.text():
            self.error.show_message(self.tr("Kedua kata sandi tidak sama."))
            return
        if not text:
            self.error.show_message(self.tr("Isi kata sandi."))
            return
        self.accept()


__all__ = ["PassphraseDialog", "PreviewDialog", "RevokeDialog"]
