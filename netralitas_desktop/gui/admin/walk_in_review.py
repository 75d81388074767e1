"""The laptops' walk-ins waiting at the office: a list to look through, approve or reject.

Shown inside the "Meja offline" dialog under the selected event. A walk-in counts (person,
registration, check-in, signature) only once approved here; a rejected one is not kept.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.offline import MergeReport, WalkIn, approve_walk_ins, pending_walk_ins, reject_walk_ins
from ..common.errors import error_message
from ..common.jobs import BackgroundWork, FunctionJob, run_job
from ..common.settings import current_actor
from ..common.widgets import confirm, fill_table, number, read_only_table


class WalkInReview(QWidget, BackgroundWork):
    changed = Signal(int)  # walk-ins of this event were approved (the event's counts changed)
    finished = Signal(str)  # a decision was made: the sentence to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id: int | None = None
        self.items: list[WalkIn] = []
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.table = read_only_table(
            [
                self.tr("Nama"),
                self.tr("NIP/NIK"),
                self.tr("Unit kerja"),
                self.tr("Meja"),
                self.tr("Hadir"),
                self.tr("Catatan"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.approve_button = QPushButton(self.tr("Setujui terpilih"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.approve_all_button = QPushButton(self.tr("Setujui semua"))
        self.approve_all_button.clicked.connect(self.approve_all)
        self.reject_button = QPushButton(self.tr("Tolak terpilih…"))
        self.reject_button.clicked.connect(self.reject_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.approve_button, self.approve_all_button, self.reject_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.hide()

    def set_event(self, event_id: int | None) -> None:
        self.event_id = event_id
        self.reload()

    def reload(self) -> None:
        self.items = pending_walk_ins(self.event_id) if self.event_id is not None else []
        self.title.setText(
            self.tr(
                "Peserta tanpa undangan dari laptop meja menunggu pemeriksaan ({0}). Mereka baru terhitung hadir "
                "setelah disetujui; yang ditolak tidak disimpan."
            ).format(number(len(self.items)))
        )
        fill_table(
            self.table,
            [
                (
                    item.name,
                    item.nip or item.nik or "-",
                    item.unit_kerja,
                    item.desk,
                    item.checked_in_at.strftime("%d-%m-%Y %H.%M") if item.checked_in_at else "-",
                    item.note,
                )
                for item in self.items
            ],
        )
        self.setVisible(bool(self.items))
        self._update_buttons()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.items[row].id for row in rows if 0 <= row < len(self.items)]

    def _update_buttons(self) -> None:
        idle = not self.busy
        chosen = bool(self.selected_ids())
        self.approve_button.setEnabled(idle and chosen)
        self.reject_button.setEnabled(idle and chosen)
        self.approve_all_button.setEnabled(idle and bool(self.items))

    def approve_selected(self) -> None:
        self.approve(self.selected_ids())

    def approve_all(self) -> None:
        self.approve([item.id for item in self.items])

    def approve(self, ids: list[int]) -> None:
        if ids:
            self._run(FunctionJob(approve_walk_ins, ids, actor=current_actor()), self._approved)

    def reject_selected(self) -> None:
        ids = self.selected_ids()
        if ids and confirm(
            self,
            self.tr("Tolak peserta tanpa undangan"),
            self.tr("Tolak {0} peserta tanpa undangan? Data yang dikirim laptop tentang mereka tidak disimpan.").format(
                number(len(ids))
            ),
            self.tr("Tolak"),
        ):
            self.reject(ids)

    def reject(self, ids: list[int]) -> None:
        self._run(FunctionJob(reject_walk_ins, ids, actor=current_actor()), self._rejected)

    def _run(self, job: FunctionJob, on_result) -> None:
        run_job(job, on_result=on_result, on_error=self._failed, owner=self)
        self._update_buttons()

    def _approved(self, report: MergeReport) -> None:
        event_id = self.event_id
        self.reload()
        lines = report.lines()[1:]
        self.finished.emit(
            "\n".join([self.tr("Peserta tanpa undangan disetujui."), *lines, *(c.text for c in report.conflicts)])
        )
        if event_id is not None:
            self.changed.emit(event_id)

    def _rejected(self, count: int) -> None:
        self.reload()
        self.finished.emit(self.tr("{0} peserta tanpa undangan ditolak; datanya tidak disimpan.").format(number(count)))

    def _failed(self, err: Exception) -> None:
        self.reload()
        self.finished.emit(error_message(err))


__all__ = ["WalkInReview"]
