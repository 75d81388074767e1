"""Impor kehadiran daring: choose a meeting report, review what could not be matched, save.

Three steps in one dialog: choose the file; a preview with the counts and a review list
(ambiguous and unmatched participants first, each with its candidates, or any participant
of the event found with the search) where the committee assigns people by hand; then
saving, which turns the matches at or above the minimum minutes into Daring check-ins.
Reading and saving run off the GUI thread (``common/jobs.JobRunner``); nothing is written
before "Simpan kehadiran daring".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.events import ValidationError
from ...core.nip import format_nip
from ...core.reports.online import (
    STATUS_LABELS,
    ApplyOnlineImportJob,
    OnlinePlan,
    OnlineResult,
    Participant,
    PlanOnlineImportJob,
)
from ...core.reports.online_match import MatchStatus
from ..common.core_labels import core_label
from ..common.errors import show_error
from ..common.jobs import BackgroundWork, JobRunner
from ..common.participant_picker import ParticipantPicker
from ..common.widgets import JobPanel, fill_table, number, read_only_table

FILE_FILTER = QT_TRANSLATE_NOOP("OnlineImportDialog", "Laporan peserta (*.csv *.xlsx *.txt);;Semua berkas (*)")
SHOW_REVIEW, SHOW_BELOW, SHOW_MATCHED, SHOW_ALL = range(4)
_SHOWN = {
    SHOW_REVIEW: (MatchStatus.AMBIGUOUS, MatchStatus.UNMATCHED),
    SHOW_BELOW: (MatchStatus.BELOW_MINIMUM,),
    SHOW_MATCHED: (MatchStatus.MATCHED,),
    SHOW_ALL: (MatchStatus.AMBIGUOUS, MatchStatus.UNMATCHED, MatchStatus.BELOW_MINIMUM, MatchStatus.MATCHED),
}
_ORDER = {MatchStatus.AMBIGUOUS: 0, MatchStatus.UNMATCHED: 1, MatchStatus.BELOW_MINIMUM: 2, MatchStatus.MATCHED: 3}


class OnlineImportDialog(QDialog, BackgroundWork):
    applied = Signal(object)  # OnlineResult, once saved

    def __init__(self, event_id: int, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self.actor = actor
        self.plan: OnlinePlan | None = None
        self.result: OnlineResult | None = None
        self._shown: list[Participant] = []
        self.picker: ParticipantPicker | None = None  # while the search is open
        self.setWindowTitle(self.tr("Impor kehadiran daring"))
        self.resize(1100, 680)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_choose())
        self.pages.addWidget(self._build_review())
        self.pages.addWidget(self._build_done())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)

    # Pages ---------------------------------------------------------------------------------
    def _build_choose(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Pilih laporan peserta rapat daring: dari Zoom (Laporan → Peserta → Ekspor) atau laporan kehadiran "
                "Google Meet, sebagai CSV atau Excel. Peserta dikenali dari NIP/NIK pada nama tampilan, email, atau "
                'nama (dengan unit kerja bila ditulis, misalnya "Budi Santoso - Dinkes").'
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Pilih berkas…"))
        self.choose_button.clicked.connect(self.browse)
        self.read_panel = JobPanel()
        self.read_panel.stop()
        self.reading = JobRunner(self, self.read_panel, controls=[self.choose_button])
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.read_panel)
        layout.addStretch(1)
        return page

    def _build_review(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()  # not word-wrapped: a stacked page would give it one line only
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.minimum_spin = QSpinBox()
        self.minimum_spin.setRange(0, 24 * 60)
        self.minimum_spin.setSuffix(self.tr(" menit"))
        self.minimum_spin.valueChanged.connect(self._minimum_changed)
        self.filter_combo = QComboBox()
        for text in (self.tr("Perlu ditinjau"), self.tr("Di bawah batas menit"), self.tr("Cocok"), self.tr("Semua")):
            self.filter_combo.addItem(text)
        self.filter_combo.currentIndexChanged.connect(lambda _index: self._fill())
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Batas minimal hadir daring:")))
        options.addWidget(self.minimum_spin)
        options.addSpacing(24)
        options.addWidget(QLabel(self.tr("Tampilkan:")))
        options.addWidget(self.filter_combo)
        options.addStretch(1)

        self.table = read_only_table(
            [
                self.tr("Baris"),
                self.tr("Nama di laporan"),
                self.tr("Menit"),
                self.tr("Status"),
                self.tr("Peserta"),
                self.tr("Keterangan"),
            ]
        )
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount() - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.candidate_box = QGroupBox(self.tr("Tetapkan peserta"))
        self.selected_label = QLabel(self.tr("Pilih satu baris di kiri."))
        self.selected_label.setWordWrap(True)
        self.candidates = QListWidget()
        self.candidates.itemDoubleClicked.connect(lambda _item: self.assign_selected_candidate())
        self.assign_button = QPushButton(self.tr("Tetapkan"))
        self.assign_button.clicked.connect(self.assign_selected_candidate)
        self.search_button = QPushButton(self.tr("Cari peserta lain…"))
        self.search_button.clicked.connect(self.search_participant)
        self.clear_button = QPushButton(self.tr("Kosongkan"))
        self.clear_button.setToolTip(self.tr("Jangan hitung baris ini sebagai kehadiran siapa pun."))
        self.clear_button.clicked.connect(lambda: self.assign(None))
        box = QVBoxLayout(self.candidate_box)
        box.addWidget(self.selected_label)
        box.addWidget(QLabel(self.tr("Kandidat:")))
        box.addWidget(self.candidates, 1)
        row = QHBoxLayout()
        row.addWidget(self.assign_button)
        row.addWidget(self.search_button)
        box.addLayout(row)
        box.addWidget(self.clear_button)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.candidate_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 420])

        self.apply_panel = JobPanel()
        self.apply_panel.stop()
        self.back_button = QPushButton(self.tr("Pilih berkas lain…"))
        self.back_button.clicked.connect(self.browse)
        self.apply_button = QPushButton(self.tr("Simpan kehadiran daring"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.saving = JobRunner(self, self.apply_panel, controls=[self.back_button])
        close = QPushButton(self.tr("Batal"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addLayout(options)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.apply_panel)
        layout.addLayout(buttons)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.RichText)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # Reading -------------------------------------------------------------------------------
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih laporan peserta"), "", QCoreApplication.translate("OnlineImportDialog", FILE_FILTER)
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> None:
        """Read and match the report off the GUI thread, then show the review."""
        if self.busy:
            return
        self.pages.setCurrentIndex(0)
        self.reading.start(
            PlanOnlineImportJob(self.event_id, path),
            self.tr("Membaca {0}…").format(Path(path).name),
            done=self._planned,
            cancelled=lambda: self.read_panel.stop(error=self.tr("Dibatalkan.")),
        )

    def cancel(self) -> None:
        self.reading.cancel()

    def _planned(self, plan: OnlinePlan) -> str:
        self.plan = plan
        self.minimum_spin.blockSignals(True)
        self.minimum_spin.setValue(plan.minimum)
        self.minimum_spin.blockSignals(False)
        self.filter_combo.setCurrentIndex(SHOW_REVIEW if plan.review() else SHOW_ALL)
        self.apply_panel.stop()
        self.apply_button.setEnabled(True)
        self.pages.setCurrentIndex(1)
        self._refresh()
        return ""

    # Review --------------------------------------------------------------------------------
    def _refresh(self) -> None:
        plan = self.plan
        counts = plan.counts()
        lines = [
            self.tr("<b>{0}</b> — {1}: {2} baris, {3} peserta rapat.").format(
                plan.filename, plan.kind, number(counts["rows"]), number(counts["participants"])
            )
        ]
        lines.append(
            self.tr(
                "<b>{0}</b> cocok (dihitung hadir daring) · <b>{1}</b> di bawah batas menit · <b>{2}</b> meragukan · "
                "<b>{3}</b> tidak dikenali"
            ).format(*(number(counts[k]) for k in ("matched", "below_minimum", "ambiguous", "unmatched")))
        )
        if counts["already_present"]:
            lines.append(
                self.tr("{0} peserta yang cocok sudah hadir di ruangan dan tetap tercatat Hadir.").format(
                    number(counts["already_present"])
                )
            )
        if plan.already_imported:
            lines.append(
                self.tr(
                    "Laporan ini sudah pernah diimpor: menit tidak ditambah lagi. Yang Anda tetapkan "
                    "di bawah tetap disimpan."
                )
            )
        if plan.skipped:
            lines.append(
                self.tr("{0} baris dilewati (mis. baris {1}: {2})").format(
                    len(plan.skipped), plan.skipped[0][0], plan.skipped[0][1]
                )
            )
        self.summary_label.setText("<br>".join(lines))
        self._fill()

    def _fill(self) -> None:
        if self.plan is None:
            return
        selected = self.selected_participant()
        wanted = _SHOWN[self.filter_combo.currentIndex()]
        self._shown = sorted(
            (p for p in self.plan.participants if p.status in wanted), key=lambda p: (_ORDER[p.status], p.lines[0])
        )
        minimum = self.plan.minimum
        fill_table(
            self.table,
            [
                (
                    ", ".join(map(str, p.lines)),
                    p.display_name,
                    p.minutes if p.minutes == p.total_minutes else f"{p.minutes} ({p.total_minutes})",
                    core_label(STATUS_LABELS[p.status]),
                    p.registration_name,
                    p.reason(minimum),
                )
                for p in self._shown
            ],
        )
        self.table.resizeColumnsToContents()
        for index, participant in enumerate(self._shown):
            if participant is selected:
                self.table.selectRow(index)
        self._selection_changed()

    def selected_participant(self) -> Participant | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._shown):
            return None
        return self._shown[rows[0].row()]

    def select_participant(self, display_name: str) -> Participant:
        """Select a row by its display name (showing every row if needed)."""
        if not any(p.display_name == display_name for p in self._shown):
            self.filter_combo.setCurrentIndex(SHOW_ALL)
        index = next(i for i, p in enumerate(self._shown) if p.display_name == display_name)
        self.table.selectRow(index)
        return self._shown[index]

    def _selection_changed(self) -> None:
        participant = self.selected_participant()
        self.candidates.clear()
        for widget in (self.assign_button, self.search_button, self.clear_button):
            widget.setEnabled(participant is not None)
        if participant is None:
            self.selected_label.setText(self.tr("Pilih satu baris di kiri."))
            return
        self.selected_label.setText(
            self.tr("<b>{0}</b> — {1} menit").format(participant.display_name, participant.minutes)
        )
        for candidate in participant.candidates:
            similar = self.tr(" ({0}% mirip)").format(round(candidate.score * 100)) if candidate.score < 1 else ""
            details = " — ".join(p for p in (format_nip(candidate.nip), candidate.unit_kerja) if p)
            item = QListWidgetItem(f"{candidate.full_name}{similar}\n    {details}")
            item.setToolTip(candidate.label)
            item.setData(Qt.ItemDataRole.UserRole, candidate.registration_id)
            self.candidates.addItem(item)
        if participant.candidates:
            self.candidates.setCurrentRow(0)
        self.assign_button.setEnabled(bool(participant.candidates))
        self.clear_button.setEnabled(participant.registration_id is not None or participant.needs_review)

    def assign_selected_candidate(self) -> None:
        item = self.candidates.currentItem()
        if item is not None:
            self.assign(item.data(Qt.ItemDataRole.UserRole))

    def search_participant(self) -> None:
        participant = self.selected_participant()
        if participant is None:
            return
        picker = ParticipantPicker(
            self.event_id,
            self.tr('Siapa "{0}" ({1} menit)?').format(participant.display_name, participant.minutes),
            parent=self,
        )
        self.picker = picker
        if picker.exec() == QDialog.DialogCode.Accepted and picker.registration_id is not None:
            self.assign(picker.registration_id)
        self.picker = None

    def assign(self, registration_id: int | None) -> None:
        """Assign the selected participant (None: count it for nobody) and re-evaluate the minimum."""
        participant = self.selected_participant()
        if participant is None or self.plan is None:
            return
        try:
            self.plan.assign(participant.key, registration_id)
        except ValidationError as err:
            show_error(self, self.tr("Tidak dapat ditetapkan"), " ".join(err.errors.values()))
            return
        self._refresh()

    def _minimum_changed(self, value: int) -> None:
        if self.plan is not None:
            self.plan.set_minimum(value)
            self._refresh()

    # Saving --------------------------------------------------------------------------------
    def apply(self) -> None:
        if self.plan is None or self.busy:
            return
        self.apply_button.setEnabled(False)
        self.saving.start(  # one short transaction: no Batal
            ApplyOnlineImportJob(self.plan, self.actor),
            self.tr("Menyimpan kehadiran daring…"),
            done=self._applied,
            failed=self._apply_failed,
            cancellable=False,
        )

    def _apply_failed(self, message: str) -> None:
        self.apply_button.setEnabled(True)
        self.apply_panel.stop(error=message)

    def _applied(self, result: OnlineResult) -> str:
        self.result = result
        counts = result.counts
        lines = [self.tr("<b>Kehadiran daring tersimpan.</b>")]
        if result.already_imported and not self.plan.decisions:
            lines = [self.tr("<b>Laporan ini sudah pernah diimpor; tidak ada yang berubah.</b>")]
        lines.append(
            self.tr("{0} kehadiran daring dicatat{1}.").format(
                number(result.created), self.tr(", {0} dibatalkan").format(result.removed) if result.removed else ""
            )
        )
        lines.append(
            self.tr("{0} cocok · {1} di bawah batas {2} menit · {3} meragukan · {4} tidak dikenali.").format(
                *(number(counts[k]) for k in ("matched", "below_minimum")),
                result.minimum,
                *(number(counts[k]) for k in ("ambiguous", "unmatched")),
            )
        )
        if counts["ambiguous"] or counts["unmatched"]:
            lines.append(
                self.tr("Yang belum ditetapkan tetap tersimpan; buka laporan yang sama lagi untuk menetapkannya nanti.")
            )
        self.done_label.setText("<br>".join(lines))
        self.pages.setCurrentIndex(2)
        self.applied.emit(result)
        return ""

    def reject(self) -> None:
        for runner in (self.reading, self.saving):
            runner.drop()
        super().reject()


__all__ = ["OnlineImportDialog"]
