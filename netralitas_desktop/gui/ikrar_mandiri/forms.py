"""The box of the Ikrar Mandiri view that makes the forms PDF: button, progress, cancel, open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.audit import Actor
from ...core.documents import DocumentError, safe_filename
from ...core.events import NotFoundError, get_event
from ...core.pledges.document_common import DocumentResult, NothingToPrint
from ...core.pledges.ikrar_mandiri import Audience, IkrarMandiriFormsJob
from ..common.jobs import JobHandle, run_job
from ..common.widgets import JobPanel, number


class IkrarMandiriFormsBox(QGroupBox):
    """Runs ``IkrarMandiriFormsJob`` off the GUI thread with a ``JobPanel``; one run at a time."""

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Formulir untuk peserta yang belum berikrar"))
        self.event_id = event_id
        self._actor = actor
        self.handle: JobHandle | None = None
        self.last_pdf: str | None = None
        self.audience = QComboBox()
        self.audience.addItem(self.tr("untuk yang tidak hadir"), Audience.ABSENT)
        self.audience.addItem(self.tr("untuk yang hadir tetapi belum tanda tangan"), Audience.PRESENT_UNSIGNED)
        self.audience.addItem(self.tr("untuk keduanya"), Audience.BOTH)
        self.forms_button = QPushButton(self.tr("Buat formulir ikrar mandiri (PDF)…"))
        self.forms_button.clicked.connect(self.choose_target)
        self.open_pdf_button = QPushButton(self.tr("Buka PDF"))
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.open_pdf_button.hide()
        self.job_panel = JobPanel()
        self.job_panel.stop()
        self.job_panel.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.forms_button)
        row.addWidget(self.audience)
        row.addWidget(self.open_pdf_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.job_panel)

    @property
    def busy(self) -> bool:
        return self.handle is not None and self.handle.running

    def choose_target(self) -> None:
        try:
            title = get_event(self.event_id).title
        except NotFoundError:
            title = ""
        stem = self.tr("Ikrar mandiri") + (f" - {title}" if title else "")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan formulir ikrar mandiri"),
            str(Path.home() / safe_filename(stem, "pdf")),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.make_forms(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def make_forms(self, path: str) -> JobHandle:
        job = IkrarMandiriFormsJob(self.event_id, path, audience=self.audience.currentData(), actor=self._actor())
        self.forms_button.setEnabled(False)
        self.open_pdf_button.hide()
        self.job_panel.start(self.tr("Membuat formulir ikrar mandiri…"))
        self.handle = run_job(
            job,
            on_result=self._done,
            on_error=self._failed,
            on_progress=self.job_panel.report,
            on_cancelled=self._cancelled,
            owner=self,
        )
        return self.handle

    def cancel(self) -> None:
        if self.busy:
            self.handle.cancel()

    def _done(self, result: DocumentResult) -> None:
        self.forms_button.setEnabled(True)
        self.last_pdf = result.path
        self.job_panel.stop(self.tr("{0} formulir tersimpan di {1}").format(number(result.count), result.path))
        self.open_pdf_button.show()

    def _failed(self, err: Exception) -> None:
        self.forms_button.setEnabled(True)
        known = isinstance(err, (NothingToPrint, DocumentError, NotFoundError))
        self.job_panel.stop(error=str(err) if known else self.tr("Formulir gagal dibuat: {0}").format(err))

    def _cancelled(self) -> None:
        self.forms_button.setEnabled(True)
        self.job_panel.stop(self.tr("Dibatalkan; tidak ada berkas yang ditulis."))

    def open_pdf(self) -> None:
        if self.last_pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.last_pdf))
