"""Importing the master roster: choose the file, see what it would change, then save it.

Reading and comparing (``master_roster.plan_master_import``) write nothing; the preview
names who is new, who moved OPD, who would be marked as gone and which rows are refused,
with a warning when the file looks like part of a list taken for the whole. Saving
compares again in one transaction. Both run off the GUI thread with progress and Batal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.campaigns.master_roster import (
    OUTCOME_LABELS,
    ApplyMasterImportJob,
    MasterImportResult,
    MasterPlan,
    PlanMasterImportJob,
)
from ...core.nip import format_nip
from ..common.jobs import BackgroundWork, JobRunner
from ..common.widgets import ErrorLabel, JobPanel, fill_table, localize_buttons, number, read_only_table
from .labels import campaign_label

LISTED = 2000  # rows shown per tab; the counts say how many there are


class MasterImportDialog(QDialog, BackgroundWork):
    imported = Signal(object)  # MasterImportResult

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Impor daftar induk pegawai"))
        self._actor = actor
        self.plan: MasterPlan | None = None
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Ekspor SIASN (CSV/XLSX) atau daftar non-ASN"))
        self.choose_button = QPushButton(self.tr("Pilih berkas…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.partial_check = QCheckBox(
            self.tr("Berkas ini hanya sebagian daftar (jangan tandai yang tidak ada di berkas sebagai keluar)")
        )
        self.partial_check.toggled.connect(lambda _on: self.check_file())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warning = ErrorLabel()
        self.rejected_table = read_only_table([self.tr("Baris"), self.tr("Kolom"), self.tr("Isi"), self.tr("Alasan")])
        self.leaving_table = read_only_table([self.tr("NIP / NIK"), self.tr("OPD"), self.tr("Nama")])
        self.moved_table = read_only_table([self.tr("NIP / NIK"), self.tr("Dari"), self.tr("Ke"), self.tr("Nama")])
        self.tabs = QTabWidget()
        for table in (self.rejected_table, self.leaving_table, self.moved_table):
            self.tabs.addTab(table, "")
        self.job_panel = JobPanel()
        self.job_panel.stop()
        self.runner = JobRunner(self, self.job_panel, controls=[self.choose_button, self.partial_check])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        localize_buttons(self.buttons, self.tr("Simpan ke daftar induk"))
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.partial_check)
        layout.addWidget(self.job_panel)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._show_tabs(None)
        self.resize(900, 560)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih daftar induk"), str(Path.home()), self.tr("Daftar (*.csv *.xlsx);;Semua berkas (*)")
        )
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        self.path_edit.setText(path)
        self.check_file()

    def check_file(self) -> None:
        path = self.path_edit.text()
        if not path or self.runner.busy:
            return
        self.plan = None
        self.save_button.setEnabled(False)
        self.summary.clear()
        self.warning.show_message("")
        self._show_tabs(None)
        self.runner.start(
            PlanMasterImportJob(path, partial=self.partial_check.isChecked()),
            self.tr("Membaca dan mencocokkan…"),
            done=self._planned,
            cancelled=self.tr("Dibatalkan; daftar induk tidak berubah."),
        )

    def _planned(self, plan: MasterPlan) -> str:
        self.plan = plan
        counts = plan.counts()
        self.summary.setText(self.tr("Bila disimpan: {0}.").format(_counts_text(counts)))
        self.warning.show_message(plan.warning)
        self._show_tabs(plan)
        self.save_button.setEnabled(any(counts[key] for key in counts if key not in ("unchanged", "rejected")))
        return ""

    def _show_tabs(self, plan: MasterPlan | None) -> None:
        rejected = plan.rejected if plan else []
        leaving = plan.leaving if plan else []
        moved = [row for row in plan.rows if row.previous_unit] if plan else []
        fill_table(self.rejected_table, [(i.where, i.column, i.value, i.reason) for i in rejected[:LISTED]])
        fill_table(self.leaving_table, [(r.number, r.unit_kerja, r.full_name) for r in leaving[:LISTED]])
        fill_table(
            self.moved_table,
            [
                (
                    format_nip(r.person.nip) if r.person.nip else r.person.nik,
                    r.previous_unit,
                    r.person.unit_kerja,
                    r.person.full_name,
                )
                for r in moved[:LISTED]
            ],
        )
        self.tabs.setTabText(0, self.tr("Ditolak ({0})").format(number(len({(i.sheet, i.row) for i in rejected}))))
        self.tabs.setTabText(1, self.tr("Keluar ({0})").format(number(len(leaving))))
        self.tabs.setTabText(2, self.tr("Pindah OPD ({0})").format(number(len(moved))))

    def save(self) -> None:
        if self.plan is None or self.runner.busy:
            return
        self.save_button.setEnabled(False)
        self.runner.start(
            ApplyMasterImportJob(self.plan, self._actor()),
            self.tr("Menyimpan daftar induk…"),
            done=self._saved,
            cancelled=self.tr("Dibatalkan; daftar induk tidak berubah."),
        )

    def _saved(self, result: MasterImportResult) -> str:
        self.plan = None
        self.imported.emit(result)
        return self.tr("Tersimpan: {0}.").format(_counts_text(result.counts))


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{number(counts[key])} {campaign_label(label)}" for key, label in OUTCOME_LABELS.items())


__all__ = ["MasterImportDialog"]
