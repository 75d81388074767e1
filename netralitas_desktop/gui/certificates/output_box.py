"""The box of the Sertifikat tab that makes the certificates: one PDF or one file per person,
optionally signed with a PKCS#12 file, with progress and cancel; the result opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.certificates.bulk import CertificateResult, CertificatesJob
from ...core.certificates.design import load_design
from ...core.certificates.render import stamp_box
from ...core.certificates.signing import PdfSigningError, Signer
from ...core.documents import safe_filename
from ...core.events import NotFoundError, get_event
from ..common.jobs import BackgroundWork, JobHandle, JobRunner
from ..common.settings import P12_KEY
from ..common.widgets import JobPanel, number
from .keys_box import ensure_signing_key

FILE_STEM = "Sertifikat"  # suggested file names stay Indonesian, whatever the UI language


class CertificateOutputBox(QGroupBox, BackgroundWork):
    """Runs ``CertificatesJob``; ``finished`` carries the result after a successful run."""

    finished = Signal(object)  # CertificateResult

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Buat sertifikat"))
        self.event_id = event_id
        self._actor = actor
        self.last_result: CertificateResult | None = None
        self._then: Callable[[CertificateResult], None] | None = None

        self.merged_radio = QRadioButton(self.tr("Satu PDF gabungan (untuk dicetak)"))
        self.per_person_radio = QRadioButton(self.tr("Satu berkas per peserta (NIP_Nama.pdf, untuk dikirim)"))
        self.merged_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.merged_radio)
        group.addButton(self.per_person_radio)

        self.sign_check = QCheckBox(self.tr("Tandatangani secara digital (PAdES) dengan berkas sertifikat .p12/.pfx"))
        self.p12_edit = QLineEdit(str(QSettings().value(P12_KEY, "") or ""))
        self.p12_edit.setPlaceholderText(self.tr("berkas .p12 atau .pfx"))
        self.p12_button = QPushButton(self.tr("Pilih…"))
        self.p12_button.clicked.connect(self.choose_p12)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        # The wording of core.certificates.signing.UNCERTIFIED_EXPLANATION, translatable here (a test
        # keeps the two the same).
        self.note = QLabel(
            self.tr("<b>Catatan:</b> ")
            + self.tr(
                "Tanda tangan dengan berkas sertifikat digital milik sendiri adalah TTE tidak tersertifikasi: "
                "sah sebagai tanda tangan elektronik, tetapi tidak diterbitkan oleh PSrE (mis. BSrE). "
                "Untuk TTE tersertifikasi, buat sertifikat tanpa tanda tangan lalu tandatangani dengan aplikasi BSrE."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6d4c00; background: #fff8e1; padding: 4px;")
        p12_row = QHBoxLayout()
        p12_row.addWidget(self.p12_edit, 1)
        p12_row.addWidget(self.p12_button)
        self.sign_form = QWidget()
        form = QFormLayout(self.sign_form)
        form.setContentsMargins(20, 0, 0, 0)
        form.addRow(self.tr("Berkas"), p12_row)
        form.addRow(self.tr("Kata sandi"), self.password_edit)
        form.addRow(self.note)
        self.sign_check.toggled.connect(self.sign_form.setVisible)
        self.sign_form.setVisible(False)

        self.make_button = QPushButton(self.tr("Buat sertifikat…"))
        self.make_button.clicked.connect(self.choose_target)
        self.open_button = QPushButton(self.tr("Buka hasil"))
        self.panel = JobPanel()
        self.panel.stop()
        self.runner = JobRunner(self, self.panel, controls=[self.make_button], open_button=self.open_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.merged_radio)
        layout.addWidget(self.per_person_radio)
        layout.addWidget(self.sign_check)
        layout.addWidget(self.sign_form)
        layout.addLayout(buttons)
        layout.addWidget(self.panel)

    def choose_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas sertifikat digital"),
            self.p12_edit.text() or str(Path.home()),
            self.tr("Sertifikat digital (*.p12 *.pfx)"),
        )
        if path:
            self.p12_edit.setText(path)

    def choose_target(self) -> None:
        try:
            title = get_event(self.event_id).title
        except NotFoundError:
            title = ""
        if self.per_person_radio.isChecked():
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Pilih folder untuk berkas sertifikat"), str(Path.home())
            )
            if folder:
                self.make(Path(folder) / safe_filename(FILE_STEM + (f" - {title}" if title else "")))
            return
        stem = FILE_STEM + (f" - {title}" if title else "")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan sertifikat"), str(Path.home() / safe_filename(stem, "pdf")), self.tr("PDF (*.pdf)")
        )
        if path:
            self.make(Path(path if path.lower().endswith(".pdf") else f"{path}.pdf"))

    def make_signer(self) -> Signer | None:
        """The signer from the chosen file and password, or None (an error is shown) when it fails."""
        path = self.p12_edit.text().strip()
        if not path:
            self.panel.stop(error=self.tr("Pilih berkas sertifikat digital (.p12/.pfx) untuk tanda tangan."))
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            box = stamp_box(load_design(self.event_id))
            options = {"stamp_box": box} if box is not None else {}
            signer = Signer(path, self.password_edit.text().encode("utf-8"), **options)
        except PdfSigningError as err:
            self.panel.stop(error=str(err))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        QSettings().setValue(P12_KEY, path)
        return signer

    def make(
        self, target: Path, *, per_person: bool | None = None, then: Callable[[CertificateResult], None] | None = None
    ) -> JobHandle | None:
        """Start the run into ``target``; ``then`` receives the result instead of it being opened."""
        self._then = then
        per_person = self.per_person_radio.isChecked() if per_person is None else per_person
        signer = None
        if self.sign_check.isChecked():
            signer = self.make_signer()
            if signer is None:
                return None
        if not ensure_signing_key(self):
            self.panel.stop(error=self.tr("Sertifikat tidak dibuat: kunci tanda tangan tidak tersedia."))
            return None
        return self.runner.start(
            CertificatesJob(self.event_id, target, per_person=per_person, signer=signer, actor=self._actor()),
            self.tr("Membuat sertifikat…"),
            done=self._done,
            cancelled=self.tr("Dibatalkan; tidak ada berkas yang ditulis."),
            open_when_done=then is None,
        )

    def cancel(self) -> None:
        self.runner.cancel()

    def _done(self, result: CertificateResult) -> str:
        self.last_result = result
        parts = [self.tr("{0} sertifikat tersimpan di {1}").format(number(result.count), result.path)]
        if result.signed:
            # the wording of core.certificates.signing.UNCERTIFIED_NOTE
            parts.append(self.tr("ditandatangani secara digital (TTE tidak tersertifikasi)"))
        if result.revoked_skipped:
            parts.append(self.tr("{0} yang dicabut tidak dibuat").format(number(result.revoked_skipped)))
        self.finished.emit(result)
        if self._then is not None:
            self._then(result)
        return "; ".join(parts) + "."


__all__ = ["CertificateOutputBox"]
