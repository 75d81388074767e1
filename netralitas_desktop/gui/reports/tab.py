"""The Laporan tab: attendance counts at a glance, the XLSX / CSV export and the report PDF.

Every file is made by a core job off the GUI thread with progress and a Batal button
(``common/jobs.JobRunner``), and opened when done (``common/files.open_file``). The counts
are a live view (``common/live.LiveRefresh``). The paper choice starts at the event's paper
setting and applies to the PDF and to the workbook's print set-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.documents import Paper, safe_filename
from ...core.events import NotFoundError, get_event
from ...core.jobs import Job
from ...core.reports.export_csv import CsvExportJob
from ...core.reports.export_xlsx import XlsxExportJob
from ...core.reports.report_pdf import ReportPdfJob
from ...core.reports.status import Recap, unit_recap
from ...core.reports.tables import ExportResult, event_paper
from ...core.statuses import AttendanceStatus
from ..common.dates import percent
from ..common.jobs import JobHandle, JobRunner
from ..common.live import LiveRefresh
from ..common.settings import REPORTS_FOLDER, remember_folder, remembered_folder
from ..common.tabs import EventTabBase
from ..common.widgets import JobPanel, number

COUNTS_POLL_MS = 5000
KINDS = {  # kind -> (file name stem, suffix, file dialog filter)
    "xlsx": ("Daftar Hadir", "xlsx", "Excel (*.xlsx)"),
    "csv": ("Daftar Hadir", "csv", "CSV (*.csv)"),
    "pdf": ("Laporan", "pdf", "PDF (*.pdf)"),
}


class ReportsTab(QWidget, EventTabBase):
    """One job at a time; ``last_result`` is the last file written."""

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.last_result: ExportResult | None = None
        self._build()
        self.runner = JobRunner(
            self,
            self.job_panel,
            controls=[self.xlsx_button, self.csv_button, self.pdf_button],
            open_button=self.open_button,
        )
        self.counts = LiveRefresh(self, lambda: unit_recap(event_id), interval_ms=COUNTS_POLL_MS)
        self.counts.loaded.connect(self._show_counts)
        self.counts.failed.connect(
            lambda message: self.counts_label.setText(self.tr("Rekap tidak dapat dimuat: {0}").format(message))
        )
        self.counts.refresh()

    def _build(self) -> None:
        self.counts_label = QLabel(self.tr("Memuat rekap kehadiran…"))
        self.counts_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts_label, 1)
        counts_row.addWidget(self.refresh_button)
        counts_box = QGroupBox(self.tr("Rekap kehadiran"))
        counts_box.setLayout(counts_row)

        self.paper_combo = QComboBox()
        for paper in Paper:
            self.paper_combo.addItem(paper.label, paper)
        try:
            self.paper_combo.setCurrentIndex(list(Paper).index(event_paper(self.event_id)))
        except Exception:  # an unreadable setting: A4, as documents default
            self.paper_combo.setCurrentIndex(0)
        self.attendance_list_check = QCheckBox(
            self.tr("Lampirkan rekap kehadiran (daftar hadir) sebagai Lampiran, nomor halaman bersambung")
        )
        self.xlsx_button = QPushButton(self.tr("Ekspor Excel (XLSX)…"))
        self.xlsx_button.setToolTip(self.tr("Daftar hadir, rekap per OPD, rekap jenis pegawai dan daftar tidak hadir"))
        self.xlsx_button.clicked.connect(lambda: self.choose_target("xlsx"))
        self.csv_button = QPushButton(self.tr("Ekspor CSV…"))
        self.csv_button.setToolTip(self.tr("Daftar hadir saja, untuk aplikasi lain (UTF-8, pemisah titik koma)"))
        self.csv_button.clicked.connect(lambda: self.choose_target("csv"))
        self.pdf_button = QPushButton(self.tr("Buat laporan PDF…"))
        self.pdf_button.setToolTip(
            self.tr(
                "Laporan pelaksanaan untuk Sekda: data kegiatan, kehadiran, grafik per OPD, "
                "status ikrar, penanda tangan"
            )
        )
        self.pdf_button.clicked.connect(lambda: self.choose_target("pdf"))
        self.open_button = QPushButton(self.tr("Buka berkas"))
        buttons = QHBoxLayout()
        for button in (self.xlsx_button, self.csv_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Kertas:"), self.paper_combo)
        form.addRow("", self.attendance_list_check)
        files_box = QGroupBox(self.tr("Berkas laporan"))
        files_layout = QVBoxLayout(files_box)
        files_layout.addLayout(form)
        files_layout.addLayout(buttons)

        self.job_panel = JobPanel()
        self.job_panel.stop()
        result_row = QHBoxLayout()
        result_row.addWidget(self.job_panel, 1)
        result_row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(counts_box)
        layout.addWidget(files_box)
        layout.addLayout(result_row)
        layout.addStretch(1)

    # Counts ------------------------------------------------------------------------------
    def _show_counts(self, recap: Recap) -> None:
        total = recap.total
        text = self.tr(
            "Hadir {0} dari {1} peserta ({2}): {3} di ruangan, {4} daring. Tidak hadir {5}: "
            "izin {6}, sakit {7}, dinas luar {8}, tanpa keterangan {9}."
        ).format(
            number(total.present),
            number(total.registered),
            percent(total.present, total.registered),
            number(total.in_room),
            number(total.online),
            number(total.absent),
            number(total.counts[AttendanceStatus.EXCUSED]),
            number(total.counts[AttendanceStatus.SICK]),
            number(total.counts[AttendanceStatus.OFFICIAL_DUTY]),
            number(total.counts[AttendanceStatus.ABSENT]),
        )
        if total.cancelled:
            text += " " + self.tr("{0} pendaftaran dibatalkan tidak dihitung.").format(number(total.cancelled))
        self.counts_label.setText(text)

    # Files -------------------------------------------------------------------------------
    @property
    def paper(self) -> Paper:
        return self.paper_combo.currentData()

    def choose_target(self, kind: str) -> None:
        stem, suffix, file_filter = KINDS[kind]
        try:
            title = get_event(self.event_id).title
        except NotFoundError:
            title = ""
        folder = remembered_folder(REPORTS_FOLDER)
        suggested = Path(folder) / safe_filename(f"{stem} - {title}" if title else stem, suffix)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan sebagai"), str(suggested), file_filter)
        if not path:
            return
        if not path.lower().endswith(f".{suffix}"):
            path = f"{path}.{suffix}"
        remember_folder(REPORTS_FOLDER, path)
        self.export(kind, path)

    def export(self, kind: str, path: str) -> JobHandle | None:
        """Start writing ``path`` (kind ``xlsx``, ``csv`` or ``pdf``) unless a job is running."""
        if self.runner.busy:
            return None
        actor = self._actor()
        job: Job
        if kind == "xlsx":
            job, message = (
                XlsxExportJob(self.event_id, path, paper=self.paper, actor=actor),
                self.tr("Mengekspor ke Excel…"),
            )
        elif kind == "csv":
            job, message = CsvExportJob(self.event_id, path, actor=actor), self.tr("Mengekspor ke CSV…")
        else:
            job = ReportPdfJob(
                self.event_id,
                path,
                paper=self.paper,
                with_attendance_list=self.attendance_list_check.isChecked(),
                actor=actor,
            )
            message = self.tr("Membuat laporan…")
        return self.runner.start(
            job,
            message,
            done=self._done,
            cancelled=self.tr("Dibatalkan; tidak ada berkas yang ditulis."),
            open_when_done=True,
        )

    def cancel(self) -> None:
        self.runner.cancel()

    def _done(self, result: ExportResult) -> str:
        self.last_result = result
        pages = self.tr(", {0} halaman").format(result.pages) if result.pages else ""
        return self.tr("Tersimpan di {0} ({1} pendaftaran{2}).").format(result.path, number(result.rows), pages)
