"""The box of the Ikrar Mandiri view that makes the forms PDF: button, progress, cancel, open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.audit import Actor
from ...core.documents import safe_filename
from ...core.events import NotFoundError, get_event
from ...core.pledges.document_common import DocumentResult
from ...core.pledges.ikrar_mandiri import Audience, IkrarMandiriFormsJob
from ..common.jobs import BackgroundWork, JobHandle, JobRunner
from ..common.widgets import JobPanel, number


class IkrarMandiriFormsBox(QGroupBox, BackgroundWork):
    """Runs ``IkrarMandiriFormsJob`` off the GUI thread with a ``JobPanel``; one run at a time."""

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Formulir untuk peserta yang belum berikrar"))
        self.event_id = event_id
        self._actor = actor
        self.audience = QComboBox()
        self.audience.addItem(self.tr("untuk yang tidak hadir"), Audience.ABSENT)
        self.audience.addItem(self.tr("untuk yang hadir tetapi belum tanda tangan"), Audience.PRESENT_UNSIGNED)
        self.audience.addItem(self.tr("untuk keduanya"), Audience.BOTH)
        self.forms_button = QPushButton(self.tr("Buat formulir ikrar mandiri (PDF)…"))
        self.forms_button.clicked.connect(self.choose_target)
        self.open_pdf_button = QPushButton(self.tr("Buka PDF"))
        self.job_panel = JobPanel()
        self.job_panel.stop()
        self.runner = JobRunner(self, self.job_panel, controls=[self.forms_button], open_button=self.open_pdf_button)
        row = QHBoxLayout()
        row.addWidget(self.forms_button)
        row.addWidget(self.audience)
        row.addWidget(self.open_pdf_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.job_panel)

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

    def make_forms(self, path: str) -> JobHandle | None:
        return self.runner.start(
            IkrarMandiriFormsJob(self.event_id, path, audience=self.audience.currentData(), actor=self._actor()),
            self.tr("Membuat formulir ikrar mandiri…"),
            done=self._done,
            cancelled=self.tr("Dibatalkan; tidak ada berkas yang ditulis."),
        )

    def _done(self, result: DocumentResult) -> str:
        return self.tr("{0} formulir tersimpan di {1}").format(number(result.count), result.path)
