"""The Sertifikat tab's box for the verification site and the signing key of this computer.

The verification site's address (what QR codes made from now on hold), writing the site's files
for the instansi's web host, and the signing key: where it is (this computer's password store,
a passphrase-protected file, or not here), its backup, restoring it, and replacing a lost one.
``ensure_signing_key`` asks for the passphrase, or makes the first key, before anything is signed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.certificates import keys, keystore, register, site
from ...core.errors import USER_FACING
from ...core.models import Event
from ..common.errors import error_message, show_error
from ..common.widgets import ErrorLabel, confirm, show_info
from .dialogs import PassphraseDialog

_WHERE = {
    keystore.KEYRING: QT_TRANSLATE_NOOP("CertificateKeyBox", "ada di komputer ini (brankas kata sandi sistem)"),
    keystore.FILE: QT_TRANSLATE_NOOP("CertificateKeyBox", "ada di komputer ini (berkas berkata sandi)"),
}


def _instansi() -> str:
    return Event.select(Event.instansi).order_by(Event.date.desc(), Event.id.desc()).scalar() or ""


def ensure_signing_key(parent: QWidget, instansi: str = "") -> bool:
    """True when this computer can sign now: its key unlocked (the passphrase asked if needed), or,
    for the database's first certificate, a new key made here. False (and why) otherwise."""
    active = keys.active_key()
    has_env_passphrase = keystore.env_passphrase() is not None
    if active is None:
        if keystore.keyring_available() or has_env_passphrase:
            return True  # made at the first certificate, in the password store
        dialog = PassphraseDialog(
            QCoreApplication.translate("CertificateKeyBox", "Kunci tanda tangan sertifikat baru"),
            QCoreApplication.translate(
                "CertificateKeyBox",
                "Basis data ini belum punya kunci tanda tangan sertifikat: kunci dibuat sekarang dan hanya "
                "disimpan di komputer ini, yang menjadi komputer penerbit sertifikat. Brankas kata sandi sistem "
                "tidak tersedia, jadi kunci dilindungi kata sandi. Catat kata sandinya dan buat cadangan kunci.",
            ),
            new=True,
            parent=parent,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            register.create_key(instansi or _instansi(), passphrase=dialog.passphrase)
        except USER_FACING as err:
            show_error(parent, QCoreApplication.translate("CertificateKeyBox", "Kunci tanda tangan"), err)
            return False
        return True
    if not keystore.holds(active.key_id):
        show_error(
            parent,
            QCoreApplication.translate("CertificateKeyBox", "Kunci tanda tangan"),
            str(register.missing_key(active)),
        )
        return False
    if keystore.is_unlocked(active.key_id) or keystore.storage(active.key_id) == keystore.KEYRING:
        return True
    if has_env_passphrase:
        return True
    dialog = PassphraseDialog(
        QCoreApplication.translate("CertificateKeyBox", "Buka kunci tanda tangan"),
        QCoreApplication.translate("CertificateKeyBox", "Kata sandi kunci tanda tangan sertifikat (sidik {0}):").format(
            active.fingerprint
        ),
        parent=parent,
    )
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            keystore.unlock(active.key_id, dialog.passphrase)
        except USER_FACING as err:
            dialog.error.show_message(error_message(err))
            continue
        return True
    return False


class CertificateKeyBox(QGroupBox):
    """Verification site address and files, and this computer's signing key."""

    changed = Signal()

    def __init__(self, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Situs verifikasi dan kunci tanda tangan"))
        self._actor = actor
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(self.tr("mis. https://bkpsdm.contoh.go.id/sertifikat/"))
        self.save_url_button = QPushButton(self.tr("Simpan alamat"))
        self.save_url_button.clicked.connect(self.save_url)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url_edit, 1)
        url_row.addWidget(self.save_url_button)
        hint = QLabel(
            self.tr(
                "Kode QR sertifikat membuka alamat ini; pemeriksaan berjalan di ponsel pembaca, tanpa server. "
                "Tanpa alamat, kode QR hanya bisa diperiksa dengan aplikasi ini."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel()
        self.site_button = QPushButton(self.tr("Buat situs verifikasi…"))
        self.site_button.clicked.connect(self.choose_site_folder)
        self.backup_button = QPushButton(self.tr("Cadangkan kunci…"))
        self.backup_button.clicked.connect(self.choose_backup)
        self.restore_button = QPushButton(self.tr("Pulihkan kunci…"))
        self.restore_button.clicked.connect(self.choose_restore)
        self.replace_button = QPushButton(self.tr("Ganti kunci…"))
        self.replace_button.clicked.connect(self.replace_key)
        grid = QGridLayout()
        for index, button in enumerate(
            (self.site_button, self.backup_button, self.restore_button, self.replace_button)
        ):
            grid.addWidget(button, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Alamat situs verifikasi")))
        layout.addLayout(url_row)
        layout.addWidget(hint)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error)
        layout.addLayout(grid)
        self.refresh()

    def refresh(self) -> None:
        self.url_edit.setText(site.site_url())
        active = keys.active_key()
        if active is None:
            text = self.tr("Kunci tanda tangan: belum ada (dibuat di komputer ini saat sertifikat pertama dibuat).")
        else:
            where = keystore.storage(active.key_id) or ("" if not keystore.is_unlocked(active.key_id) else "file")
            shown = (
                QCoreApplication.translate("CertificateKeyBox", _WHERE[where])
                if where
                else self.tr("TIDAK ada di komputer ini")
            )
            text = self.tr("Kunci tanda tangan {0}: {1}.").format(active.fingerprint, shown)
            old = [key for key in keys.own_keys() if key.key_id != active.key_id]
            if old:
                text += " " + self.tr("Kunci lama yang tetap diakui: {0}.").format(
                    ", ".join(key.fingerprint for key in old)
                )
        self.status_label.setText(text)
        here = active is not None and keystore.holds(active.key_id)
        self.backup_button.setEnabled(here)

    def save_url(self) -> bool:
        try:
            site.set_site_url(self.url_edit.text(), actor=self._actor())
        except USER_FACING as err:
            self.error.show_message(error_message(err))
            return False
        self.error.show_message("")
        self.changed.emit()
        return True

    # The site ----------------------------------------------------------------------------------
    def choose_site_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder untuk berkas situs verifikasi"), str(Path.home())
        )
        if folder:
            self.export_site_to(folder)

    def export_site_to(self, folder: str | Path) -> site.SiteResult | None:
        if not self.save_url() or not ensure_signing_key(self):
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = site.export_site(folder, actor=self._actor())
        except USER_FACING as err:
            self.error.show_message(error_message(err))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.refresh()
        show_info(
            self,
            self.tr("Situs verifikasi"),
            self.tr(
                "Berkas situs verifikasi tersimpan di {0}. Unggah seluruh isi folder itu ke {1}.\n"
                "Sidik kunci instansi: {2}. Perbarui situs setiap kali ada sertifikat yang dicabut."
            ).format(result.folder, result.url or self.tr("(alamat belum diisi)"), result.fingerprint),
        )
        return result

    # The key -------------------------------------------------------------------------------------
    def choose_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan cadangan kunci"), str(Path.home() / "kunci-sertifikat.kunci"), "(*.kunci)"
        )
        if not path:
            return
        dialog = PassphraseDialog(
            self.tr("Cadangan kunci"),
            self.tr("Kata sandi untuk berkas cadangan (simpan terpisah dari berkasnya):"),
            new=True,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and ensure_signing_key(self):
            self.backup_to(path, dialog.passphrase)

    def backup_to(self, path: str | Path, passphrase: bytes) -> bool:
        active = keys.active_key()
        try:
            keystore.unlock(active.key_id)
            keystore.backup(active.key_id, path, passphrase, instansi=active.instansi)
        except USER_FACING as err:
            self.error.show_message(error_message(err))
            return False
        self.error.show_message(self.tr("Cadangan kunci {0} tersimpan di {1}.").format(active.fingerprint, path))
        return True

    def choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih cadangan kunci"), str(Path.home()), "(*.kunci)")
        if not path:
            return
        dialog = PassphraseDialog(self.tr("Pulihkan kunci"), self.tr("Kata sandi berkas cadangan:"), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.restore_from(path, dialog.passphrase)

    def restore_from(self, path: str | Path, passphrase: bytes) -> bool:
        try:
            known = register.restore_key(path, passphrase)
        except USER_FACING as err:
            self.error.show_message(error_message(err))
            return False
        self.error.show_message(self.tr("Kunci {0} dipulihkan ke komputer ini.").format(known.fingerprint))
        self.refresh()
        self.changed.emit()
        return True

    def replace_key(self, *, ask=confirm) -> bool:
        if not ask(
            self,
            self.tr("Ganti kunci tanda tangan"),
            self.tr(
                "Buat kunci baru di komputer ini dan pensiunkan kunci sekarang? Lakukan bila kunci hilang (tanpa "
                "cadangan) atau bocor. Sertifikat lama tetap dapat diperiksa. Perbarui situs verifikasi setelahnya."
            ),
            self.tr("Ganti kunci"),
        ):
            return False
        passphrase = None
        if not keystore.keyring_available() and keystore.env_passphrase() is None:
            dialog = PassphraseDialog(
                self.tr("Kunci baru"), self.tr("Kata sandi untuk kunci baru:"), new=True, parent=self
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            passphrase = dialog.passphrase
        try:
            known, _private = register.create_key(_instansi(), passphrase=passphrase, replace=True)
        except USER_FACING as err:
            self.error.show_message(error_message(err))
            return False
        self.error.show_message(self.tr("Kunci baru {0} dibuat; buat cadangannya.").format(known.fingerprint))
        self.refresh()
        self.changed.emit()
        return True


__all__ = ["CertificateKeyBox", "ensure_signing_key"]
