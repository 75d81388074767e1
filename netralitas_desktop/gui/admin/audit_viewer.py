"""The audit log viewer: who did what, at which desk — filtered, paged, exported to CSV.

A page (200 entries) is one indexed query, so the dialog stays quick at 100,000 entries;
typing in the search box waits for a pause before asking. The CSV export writes every
entry the filters show (not only this page), off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import audit_query
from ...core.audit_query import AuditEntry, AuditFilter
from ...core.events import list_events
from ..common.jobs import BackgroundWork, JobRunner
from ..common.settings import current_actor
from ..common.widgets import JobPanel, fill_table, localize_buttons, number, read_only_table

SEARCH_DELAY_MS = 300


class AuditViewer(QDialog, BackgroundWork):
    def __init__(self, parent: QWidget | None = None, event_id: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log audit"))
        self.resize(1100, 640)
        self.page = 0
        self.total = 0
        self.entries: list[AuditEntry] = []
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._build()
        self._fill_choices(event_id)
        self.apply_filters()

    # Layout ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.event_combo, self.action_combo, self.desk_combo = QComboBox(), QComboBox(), QComboBox()
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("Cari petugas, meja, rincian…"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.from_check, self.to_check = QCheckBox(self.tr("Sejak")), QCheckBox(self.tr("Sampai"))
        self.from_date, self.to_date = QDateEdit(), QDateEdit()
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply_filters)
            edit.dateChanged.connect(self.apply_filters)
        for combo in (self.event_combo, self.action_combo, self.desk_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.event_combo.setMinimumContentsLength(24)
        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Kegiatan")), 0, 0)
        filters.addWidget(self.event_combo, 0, 1)
        filters.addWidget(QLabel(self.tr("Aksi")), 0, 2)
        filters.addWidget(self.action_combo, 0, 3)
        filters.addWidget(QLabel(self.tr("Meja")), 0, 4)
        filters.addWidget(self.desk_combo, 0, 5)
        filters.addWidget(self.text_edit, 1, 0, 1, 2)
        dates = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates.addWidget(widget)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 2, 1, 4)
        filters.setColumnStretch(1, 2)
        filters.setColumnStretch(3, 1)

        self.table = read_only_table(
            [
                self.tr("Waktu"),
                self.tr("Kegiatan"),
                self.tr("Aksi"),
                self.tr("Meja"),
                self.tr("Petugas"),
                self.tr("Rincian"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QPlainTextEdit(readOnly=True)
        self.detail.setPlaceholderText(self.tr("Pilih satu entri untuk melihat rinciannya."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        self.previous_button = QPushButton(self.tr("‹ Sebelumnya"))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.page - 1))
        self.next_button = QPushButton(self.tr("Berikutnya ›"))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.page + 1))
        self.page_label = QLabel()
        self.export_button = QPushButton(self.tr("Ekspor CSV…"))
        self.export_button.clicked.connect(self._ask_export)
        pager = QHBoxLayout()
        pager.addWidget(self.previous_button)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next_button)
        pager.addStretch(1)
        pager.addWidget(self.export_button)

        self.panel = JobPanel()
        self.panel.stop()
        self.exports = JobRunner(self, self.panel)
        self.exports.busy_changed.connect(lambda busy: self.export_button.setEnabled(not busy and self.total > 0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        localize_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(pager)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)

    def _fill_choices(self, event_id: int | None) -> None:
        combos = (self.event_combo, self.action_combo, self.desk_combo)
        for combo in combos:
            combo.blockSignals(True)
        self.event_combo.addItem(self.tr("Semua kegiatan"), None)
        for event in list_events():
            self.event_combo.addItem(f"{event.title} ({event.date:%d-%m-%Y})", event.id)
        self.action_combo.addItem(self.tr("Semua aksi"), "")
        for action, label in audit_query.action_choices():
            self.action_combo.addItem(label, action)
        self.desk_combo.addItem(self.tr("Semua meja"), "")
        for desk in audit_query.desk_choices():
            self.desk_combo.addItem(desk, desk)
        if event_id is not None:
            self.event_combo.setCurrentIndex(max(self.event_combo.findData(event_id), 0))
        for combo in combos:
            combo.blockSignals(False)

    # Querying ----------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            event_id=self.event_combo.currentData(),
            action=self.action_combo.currentData() or "",
            desk=self.desk_combo.currentData() or "",
            text=self.text_edit.text(),
            date_from=_date(self.from_date) if self.from_check.isChecked() else None,
            date_to=_date(self.to_date) if self.to_check.isChecked() else None,
        )

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // audit_query.PAGE_SIZE))

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.total = audit_query.count_entries(self.current_filter())
        self.go_to_page(0)

    def go_to_page(self, page: int) -> None:
        self.page = min(max(page, 0), self.page_count - 1)
        self.entries = audit_query.list_entries(self.current_filter(), self.page * audit_query.PAGE_SIZE)
        fill_table(
            self.table,
            [
                (
                    e.at.strftime("%d-%m-%Y %H:%M:%S"),
                    e.event_title or "—",
                    e.action_label,
                    e.desk,
                    e.operator,
                    e.detail_text,
                )
                for e in self.entries
            ],
        )
        self.page_label.setText(
            self.tr("Halaman {0} dari {1} · {2} entri").format(
                number(self.page + 1), number(self.page_count), number(self.total)
            )
        )
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page + 1 < self.page_count)
        self.export_button.setEnabled(self.total > 0 and not self.exports.busy)
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection() or not 0 <= row < len(self.entries):
            self.detail.clear()
            return
        self.detail.setPlainText(detail_text(self.entries[row]))

    # CSV ---------------------------------------------------------------------------------------
    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan log audit"), "log-audit.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        """Write every entry the filters show to ``path``, off the GUI thread."""
        self.exports.start(
            audit_query.AuditCsvJob(self.current_filter(), path, current_actor()),
            self.tr("Mengekspor log audit…"),
            done=lambda count: self.tr("{0} entri tersimpan di {1}.").format(number(count), path),
            failed=lambda message: self.panel.stop(
                error=self.tr("Log audit tidak dapat diekspor: {0}").format(message)
            ),
            cancelled=self.tr("Ekspor dibatalkan; tidak ada berkas yang ditulis."),
        )


def detail_text(entry: AuditEntry) -> str:
    """One entry, every field on its own line, in Bahasa Indonesia."""
    event = entry.event_title or "—"
    if entry.event_id:
        event = QCoreApplication.translate("AuditViewer", "{0} (nomor {1})").format(event, entry.event_id)
    lines = [
        QCoreApplication.translate("AuditViewer", "Waktu: {0}").format(entry.at.strftime("%d-%m-%Y %H:%M:%S")),
        QCoreApplication.translate("AuditViewer", "Kegiatan: {0}").format(event),
        QCoreApplication.translate("AuditViewer", "Aksi: {0} ({1})").format(entry.action_label, entry.action),
        QCoreApplication.translate("AuditViewer", "Meja: {0}").format(entry.desk or "—"),
        QCoreApplication.translate("AuditViewer", "Petugas: {0}").format(entry.operator or "—"),
    ]
    details = audit_query.detail_lines(entry.detail)
    return "\n".join(lines + (["", *details] if details else []))


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())
