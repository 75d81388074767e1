"""Closing the gap and reporting: ikrar mandiri forms per OPD, the Sekda's files, forms received by scan.

Files are written off the GUI thread (one at a time, with progress and Batal) from the
coverage snapshot the view shows, so the workbook and the PDF say what the screen says.
A USB scanner types a returned form's code plus Enter into the scan field; the banner
answers as at the desk, and the view recounts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core.audit import Actor
from ...core.campaigns.coverage import Coverage
from ...core.campaigns.export_xlsx import CampaignXlsxJob
from ...core.campaigns.gap import GapFormsJob, receive_form
from ...core.campaigns.summary_pdf import CampaignSummaryJob
from ...core.documents import Paper, safe_filename
from ...core.jobs import Job
from ..common.errors import error_message
from ..common.jobs import BackgroundWork, FunctionJob, JobHandle, JobRunner, run_job
from ..common.result_banner import ResultBanner
from ..common.return_banner import show_return
from ..common.settings import default_paper
from ..common.widgets import JobPanel, number


class CampaignActions(QGroupBox, BackgroundWork):
    changed = Signal()  # forms made (people registered) or a form received

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Menutup kekurangan dan laporan untuk Sekda"))
        self._actor = actor
        self.coverage: Coverage | None = None
        self.unit_key: str | None = None
        self.forms_button = QPushButton()
        self.forms_button.clicked.connect(self.choose_forms_target)
        self.xlsx_button = QPushButton(self.tr("Ekspor XLSX…"))
        self.xlsx_button.clicked.connect(self.choose_xlsx)
        self.pdf_button = QPushButton(self.tr("Ringkasan PDF…"))
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.open_button = QPushButton(self.tr("Buka"))
        self.job_panel = JobPanel()
        self.job_panel.stop()
        self.runner = JobRunner(
            self,
            self.job_panel,
            controls=[self.forms_button, self.xlsx_button, self.pdf_button],
            open_button=self.open_button,
        )
        self.runner.busy_changed.connect(lambda _busy: self._enable())
        self.scanner = QLineEdit()
        self.scanner.setPlaceholderText(self.tr("Pindai QR formulir ikrar mandiri yang kembali, lalu Enter"))
        self.scanner.returnPressed.connect(self._scanned)
        self.banner = ResultBanner(scale=0.45)
        self.banner.setMinimumHeight(0)
        self.banner.show_idle(self.tr("Formulir ikrar mandiri dari kegiatan mana pun dalam kampanye ini."))
        buttons = QHBoxLayout()
        for button in (self.forms_button, self.xlsx_button, self.pdf_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        files = QVBoxLayout()
        files.addLayout(buttons)
        files.addWidget(self.job_panel)
        files.addWidget(self.scanner)
        files.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(files, 3)
        layout.addWidget(self.banner, 2)
        self.set_snapshot(None, None, "")

    def set_snapshot(self, coverage: Coverage | None, unit_key: str | None, unit_label: str) -> None:
        self.coverage, self.unit_key = coverage, unit_key
        if unit_key is None:
            self.forms_button.setText(self.tr("Formulir ikrar mandiri semua OPD…"))
        else:
            self.forms_button.setText(self.tr("Formulir ikrar mandiri {0}…").format(unit_label))
        self._enable()

    def _enable(self) -> None:
        ready = self.coverage is not None and not self.runner.busy
        group = None
        if self.coverage is not None:
            group = self.coverage.unit(self.unit_key) if self.unit_key is not None else self.coverage.total
        self.forms_button.setEnabled(ready and group is not None and group.owing > 0)
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(ready)
        self.scanner.setEnabled(self.coverage is not None)

    # Files -------------------------------------------------------------------------------
    def _stem(self, what: str) -> str:
        name = self.coverage.campaign.name if self.coverage else ""
        return safe_filename(f"{what} - {name}" if name else what)

    def choose_forms_target(self) -> None:
        if self.coverage is None:
            return
        if self.unit_key is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Folder untuk formulir (satu PDF per OPD)"), str(Path.home())
            )
            if folder:
                self.make_forms(str(Path(folder) / self._stem(self.tr("Ikrar mandiri per OPD"))))
            return
        unit = self.coverage.unit(self.unit_key)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan formulir ikrar mandiri"),
            str(Path.home() / safe_filename(self.tr("Ikrar mandiri - {0}").format(unit.label), "pdf")),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.make_forms(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def make_forms(self, target: str) -> JobHandle | None:
        job = GapFormsJob(
            self.coverage.campaign.id, target, unit_key=self.unit_key, paper=self._paper(), actor=self._actor()
        )
        return self._run(job, self.tr("Membuat formulir ikrar mandiri…"), self._forms_done)

    def choose_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan rekap cakupan ikrar"),
            str(Path.home() / f"{self._stem(self.tr('Cakupan ikrar'))}.xlsx"),
            self.tr("Buku kerja Excel (*.xlsx)"),
        )
        if path:
            self.export_xlsx(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")

    def export_xlsx(self, path: str) -> JobHandle | None:
        job = CampaignXlsxJob(
            self.coverage.campaign.id, path, paper=self._paper(), actor=self._actor(), coverage=self.coverage
        )
        return self._run(job, self.tr("Mengekspor rekap cakupan…"), self._file_done)

    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan ringkasan cakupan ikrar"),
            str(Path.home() / f"{self._stem(self.tr('Ringkasan cakupan ikrar'))}.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.export_pdf(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    def export_pdf(self, path: str) -> JobHandle | None:
        job = CampaignSummaryJob(
            self.coverage.campaign.id, path, paper=self._paper(), actor=self._actor(), coverage=self.coverage
        )
        return self._run(job, self.tr("Membuat ringkasan PDF…"), self._file_done)

    @staticmethod
    def _paper() -> Paper:
        return Paper.parse(default_paper())

    def _run(self, job: Job, message: str, done: Callable) -> JobHandle | None:
        return self.runner.start(
            job, message, done=done, cancelled=self.tr("Dibatalkan; tidak ada berkas yang ditulis.")
        )

    def _forms_done(self, result) -> str:
        self.changed.emit()
        return self.tr("{0} formulir untuk {1} OPD tersimpan di {2}. Formulir yang kembali dipindai di sini.").format(
            number(result.people), number(result.units), result.path
        )

    def _file_done(self, result) -> str:
        return self.tr("Tersimpan di {0}").format(result.path)

    # Receiving ---------------------------------------------------------------------------
    def _scanned(self) -> None:
        text = self.scanner.text().strip()
        self.scanner.clear()
        if not text or self.coverage is None:
            return
        run_job(
            FunctionJob(receive_form, self.coverage.campaign.id, text, self._actor()),
            on_result=self._received,
            on_error=lambda err: self.banner.show_idle(error_message(err)),
            owner=self,
        )

    def _received(self, result) -> None:
        show_return(self.banner, result)
        if result.ok:
            self.changed.emit()


__all__ = ["CampaignActions"]
