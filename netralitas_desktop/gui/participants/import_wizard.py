"""Import a roster (CSV/XLSX) in four steps: choose the file, preview, import, summary.

Nothing is written before step 3: the preview is ``PlanImportJob`` (read and compare),
the import is ``ApplyImportJob`` (one transaction; cancelling leaves the database as it
was). Both run off the GUI thread with a progress bar and a Batal button. "Hanya perbarui
peserta yang sudah ada" (step 1) imports into an existing list without growing it: the
SIASN export refreshes the invitees' data and nobody else is added.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...core.audit import Actor
from ...core.nip import format_nip
from ...core.roster.importer import ApplyImportJob, ImportPlan, ImportResult, PlanImportJob
from ..common.core_reasons import refusal_text
from ..common.jobs import BackgroundWork, JobRunner
from ..common.widgets import JobPanel, fill_table, number, read_only_table

FIELD_LABELS = {  # shown through _label()
    "nama": QT_TRANSLATE_NOOP("ImportWizard", "Nama"),
    "gelar_depan": QT_TRANSLATE_NOOP("ImportWizard", "Gelar depan"),
    "gelar_belakang": QT_TRANSLATE_NOOP("ImportWizard", "Gelar belakang"),
    "nip": QT_TRANSLATE_NOOP("ImportWizard", "NIP / NI PPPK"),
    "nik": QT_TRANSLATE_NOOP("ImportWizard", "NIK"),
    "sex": QT_TRANSLATE_NOOP("ImportWizard", "Jenis kelamin"),
    "employment_type": QT_TRANSLATE_NOOP("ImportWizard", "Jenis pegawai"),
    "golongan": QT_TRANSLATE_NOOP("ImportWizard", "Pangkat / golongan"),
    "jabatan": QT_TRANSLATE_NOOP("ImportWizard", "Jabatan"),
    "unit_kerja": QT_TRANSLATE_NOOP("ImportWizard", "Unit kerja"),
    "phone": QT_TRANSLATE_NOOP("ImportWizard", "Nomor HP"),
    "email": QT_TRANSLATE_NOOP("ImportWizard", "Email"),
    "mode": QT_TRANSLATE_NOOP("ImportWizard", "Kehadiran"),
}
OUTCOME_LABELS = {
    "added": QT_TRANSLATE_NOOP("ImportWizard", "Ditambah"),
    "updated": QT_TRANSLATE_NOOP("ImportWizard", "Diperbarui"),
    "unchanged": QT_TRANSLATE_NOOP("ImportWizard", "Tidak berubah"),
}


def _label(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


PREVIEW_ROWS = 200  # the first rows with their outcome; the counts cover them all
REJECTED_ROWS_SHOWN = 1000


class ChooseFilePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Pilih berkas daftar peserta"))
        self.setSubTitle(
            self.tr(
                "Berkas CSV atau Excel (.xlsx), misalnya ekspor SIASN atau daftar undangan panitia. "
                "Baris judul di atas kepala tabel tidak masalah; belum ada data yang disimpan pada langkah ini."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Lokasi berkas"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Pilih berkas…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.update_only = QCheckBox(self.tr("Hanya perbarui peserta yang sudah ada di daftar kegiatan ini"))
        self.update_only.setToolTip(
            self.tr(
                "Untuk berkas yang memuat lebih banyak orang daripada yang diundang (misalnya seluruh ekspor "
                "SIASN): data peserta yang sudah terdaftar diperbarui, orang lain di berkas tidak ditambahkan."
            )
        )
        note = QLabel(
            self.tr(
                "Tanpa pilihan ini, orang di berkas yang belum terdaftar ditambahkan sebagai peserta dan yang "
                "sudah terdaftar diperbarui."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.update_only)
        layout.addWidget(note)
        layout.addStretch(1)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def browse(self) -> None:
        start = str(self.path().parent) if self.path_edit.text().strip() else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas daftar peserta"),
            start,
            self.tr("Daftar peserta (*.csv *.xlsx);;CSV (*.csv);;Excel (*.xlsx);;Semua berkas (*)"),
        )
        if chosen:
            self.path_edit.setText(chosen)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip()) and self.path().is_file()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.plan: ImportPlan | None = None
        self.setTitle(self.tr("Pratinjau"))
        self.setCommitPage(True)
        self.panel = JobPanel()
        self.runner = JobRunner(self, self.panel)
        self.runner.busy_changed.connect(lambda _busy: self.completeChanged.emit())
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        self.rows_table = read_only_table(
            [self.tr("Baris"), self.tr("Hasil"), self.tr("Nama"), self.tr("NIP / NIK"), self.tr("Unit kerja")]
        )
        self.rejected_table = read_only_table([self.tr("Baris"), self.tr("Kolom"), self.tr("Isi"), self.tr("Alasan")])
        self.columns_table = read_only_table([self.tr("Isian"), self.tr("Kolom di berkas")])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.rows_table, "")
        self.tabs.addTab(self.rejected_table, "")
        self.tabs.addTab(self.columns_table, self.tr("Pemetaan kolom"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.header_label)
        layout.addWidget(self.tabs, 1)

    def initializePage(self) -> None:
        self.plan = None
        self._show_plan_widgets(False)
        path = self._wizard.file_page.path()
        self.setSubTitle(self.tr("Membaca {0} dan membandingkannya dengan data yang sudah ada.").format(path.name))
        self.runner.start(
            PlanImportJob(self._wizard.event_id, path, update_only=self._wizard.file_page.update_only.isChecked()),
            self.tr("Membaca berkas…"),
            done=self._planned,
            failed=lambda message: self.panel.stop(
                error=message + " " + self.tr("Klik Kembali untuk memilih berkas lain.")
            ),
            cancelled=lambda: self.panel.stop(
                error=self.tr("Pratinjau dibatalkan. Klik Kembali untuk memilih berkas lagi.")
            ),
            replace=True,
        )

    def cleanupPage(self) -> None:  # going back: forget a preview still running
        self.runner.drop()
        self.plan = None

    def cancel(self) -> None:
        self.runner.cancel()

    def _planned(self, plan: ImportPlan) -> str | None:
        self.plan = plan
        counts = plan.counts()
        self.setSubTitle(
            self.tr("Periksa hasil pembacaan {0}. Data baru disimpan setelah Anda mengeklik Impor.").format(
                plan.source_name
            )
        )
        if not plan.rows and plan.update_only and plan.outside:
            self.panel.stop(
                error=self.tr(
                    "Tidak ada orang dalam berkas ini yang sudah terdaftar di kegiatan ini. Klik Kembali dan "
                    "kosongkan pilihan \u201cHanya perbarui peserta yang sudah ada\u201d untuk menambahkan mereka."
                )
            )
        elif not plan.rows:
            self.panel.stop(error=self.tr("Tidak ada baris yang dapat diimpor dari berkas ini."))
        counts_text = self.tr(
            "<b>{0}</b> akan ditambah · <b>{1}</b> diperbarui · <b>{2}</b> tidak berubah · <b>{3}</b> ditolak"
        ).format(*(number(counts[key]) for key in ("added", "updated", "unchanged", "rejected")))
        if plan.update_only:
            counts_text += " · " + self.tr("<b>{0}</b> tidak ada di daftar kegiatan (tidak ditambahkan)").format(
                number(plan.outside)
            )
        self.counts_label.setText(counts_text)
        self.header_label.setText(self._header_text(plan))
        fill_table(
            self.rows_table,
            [
                (
                    _row_text(row.row, row.sheet, plan),
                    self._outcome(row.outcome, row.changes),
                    row.person.full_name,
                    format_nip(row.person.nip) or row.person.nik,
                    row.person.unit_kerja,
                )
                for row in plan.rows[:PREVIEW_ROWS]
            ],
        )
        fill_table(
            self.rejected_table,
            [
                (
                    _row_text(issue.row, issue.sheet, plan),
                    issue.column,
                    issue.value,
                    refusal_text(issue.refusal, issue.reason),
                )
                for issue in plan.rejected[:REJECTED_ROWS_SHOWN]
            ],
        )
        fill_table(
            self.columns_table,
            [(_label(FIELD_LABELS.get(name, name)), header) for name, header in plan.column_map.items()],
        )
        shown = min(len(plan.rows), PREVIEW_ROWS)
        rows_title = (
            self.tr("Baris ({0} pertama)").format(number(shown))
            if shown < len(plan.rows)
            else self.tr("Baris", "tab title")
        )
        self.tabs.setTabText(0, rows_title)
        self.tabs.setTabText(1, self.tr("Ditolak ({0})").format(number(len(plan.rejected))))
        self.tabs.setCurrentIndex(1 if plan.rejected else 0)
        self._show_plan_widgets(True)
        return "" if plan.rows else None  # None: the panel already says why nothing can be imported

    def _header_text(self, plan: ImportPlan) -> str:
        if len(plan.sheets) > 1 or plan.passed_over:  # a workbook of several sheets: say which were read
            read = ", ".join(
                self.tr("\u201c{0}\u201d (judul di baris {1})").format(sheet.name, sheet.header_row)
                for sheet in plan.sheets
            )
            text = self.tr("Lembar yang dibaca: {0}.").format(read)
            if plan.passed_over:
                names = ", ".join(f"\u201c{name}\u201d" for name in plan.passed_over)
                text += " " + self.tr("Lembar tanpa kolom Nama, dilewati: {0}.").format(names)
        else:
            sheet = self.tr(', lembar "{0}"').format(plan.sheet) if plan.sheet else ""
            text = self.tr("Judul kolom ditemukan di baris {0}{1}.").format(plan.header_row, sheet)
        if plan.file_kind:
            text += " " + self.tr("Dibaca sebagai {0}.").format(plan.file_kind)
        skipped = []
        if plan.skipped_empty:
            skipped.append(self.tr("{0} baris kosong").format(number(plan.skipped_empty)))
        if plan.ignored:
            skipped.append(
                self.tr("{0} baris bukan data peserta (judul, jumlah, tanda tangan)").format(number(len(plan.ignored)))
            )
        if skipped:
            text += " " + self.tr("Dilewati: {0}.").format(self.tr(" dan ").join(skipped))
        return text

    def _outcome(self, outcome: str, changes: tuple[str, ...]) -> str:
        label = _label(OUTCOME_LABELS.get(outcome, outcome))
        if outcome == "updated" and changes:
            label += ": " + ", ".join(_label(FIELD_LABELS.get(name, name)).lower() for name in changes)
        return label

    def _show_plan_widgets(self, visible: bool) -> None:
        for widget in (self.counts_label, self.header_label, self.tabs):
            widget.setVisible(visible)

    def isComplete(self) -> bool:
        return self.plan is not None and bool(self.plan.rows)


class ApplyPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.completed = False
        self.setTitle(self.tr("Mengimpor"))
        self.setSubTitle(self.tr("Semua baris disimpan sekaligus; jika dibatalkan, tidak ada yang berubah."))
        self.panel = JobPanel()
        self.runner = JobRunner(self, self.panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.completed = False
        plan = self._wizard.preview_page.plan
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.runner.start(
            ApplyImportJob(plan, actor=self._wizard.actor),
            self.tr("Menyimpan {0} baris…").format(number(len(plan.rows))),
            done=self._applied,
            failed=lambda message: self._finish(
                error=self.tr("Impor gagal; tidak ada data yang diubah. {0}").format(message)
            ),
            cancelled=lambda: self._finish(error=self.tr("Impor dibatalkan; tidak ada data yang diubah.")),
        )

    def cancel(self) -> None:
        if self.runner.busy:
            self.runner.cancel()
            self.panel.status.setText(self.tr("Membatalkan…"))

    def _applied(self, result: ImportResult) -> None:
        self._wizard.import_result = result
        self._wizard.imported = True
        self._finish(self.tr("Impor selesai."))
        self._wizard.next()

    def _finish(self, message: str = "", error: str = "") -> None:
        self.completed = True
        self.panel.stop(message, error)
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.completed

    def nextId(self) -> int:
        return self._wizard.summary_id if self._wizard.imported else -1


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Impor selesai"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self._wizard.import_result
        if result is None:
            return
        lines = [
            self.tr("<b>{0}</b> peserta ditambahkan").format(number(result.added)),
            self.tr("<b>{0}</b> data pegawai diperbarui").format(number(result.updated)),
            self.tr("<b>{0}</b> tidak berubah").format(number(result.unchanged)),
            self.tr("<b>{0}</b> baris ditolak (lihat pratinjau; perbaiki berkasnya lalu impor lagi)").format(
                number(result.rejected)
            )
            if result.rejected
            else self.tr("tidak ada baris yang ditolak"),
        ]
        if self._wizard.preview_page.plan.update_only:
            lines.insert(
                3,
                self.tr("<b>{0}</b> orang di berkas tidak ada di daftar kegiatan dan tidak ditambahkan").format(
                    number(result.outside)
                ),
            )
        self.summary.setText(
            self.tr("Hasil impor dari {0}:").format(self._wizard.preview_page.plan.source_name)
            + "<ul>"
            + "".join(f"<li>{line}</li>" for line in lines)
            + "</ul>"
        )


class ImportWizard(QWizard, BackgroundWork):
    """After ``finished``, ``imported`` says whether anything was written (``import_result`` has the counts)."""

    def __init__(self, event_id: int, *, actor: Actor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self.actor = actor
        self.import_result: ImportResult | None = None
        self.imported = False
        self.setWindowTitle(self.tr("Impor peserta"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(900, 620)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< Kembali")),
            (QWizard.WizardButton.NextButton, self.tr("Lanjut >")),
            (QWizard.WizardButton.CommitButton, self.tr("Impor")),
            (QWizard.WizardButton.FinishButton, self.tr("Selesai")),
            (QWizard.WizardButton.CancelButton, self.tr("Batal")),
        ):
            self.setButtonText(button, text)
        self.file_page = ChooseFilePage(self)
        self.preview_page = PreviewPage(self)
        self.apply_page = ApplyPage(self)
        self.summary_page = SummaryPage(self)
        self.addPage(self.file_page)
        self.addPage(self.preview_page)
        self.addPage(self.apply_page)
        self.summary_id = self.addPage(self.summary_page)

    def reject(self) -> None:
        if self.apply_page.runner.busy:
            return  # the page's own Batal stops an import safely
        self.preview_page.runner.drop()
        super().reject()


def _row_text(row: int, sheet: str | None, plan: ImportPlan) -> int | str:
    """The row number; with the sheet's name when the workbook had several sheets read."""
    return f"{sheet}: {row}" if sheet and len(plan.sheets) > 1 else row
