"""The "Kegiatan dan daftar induk" view: which events count for the campaign, and the master roster."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.campaigns.master_roster import RosterSummary, roster_summary
from ...core.campaigns.service import CampaignInfo, add_event, get_campaign, remove_event
from ...core.events import list_events
from ...core.participants import EMPLOYMENT_LABELS
from ..common.core_labels import core_label
from ..common.dates import long_date
from ..common.errors import show_error
from ..common.jobs import BackgroundWork, FunctionJob, run_job
from ..common.widgets import number, read_only_table
from .master_import import MasterImportDialog

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1


def load_setup(campaign_id: int | None) -> tuple[CampaignInfo | None, list, RosterSummary]:
    campaign = get_campaign(campaign_id) if campaign_id is not None else None
    return campaign, list_events(), roster_summary()


class SetupView(QWidget, BackgroundWork):
    changed = Signal()  # the events counted or the roster changed
    loaded = Signal()

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actor = actor
        self.campaign_id: int | None = None
        self.campaign: CampaignInfo | None = None
        self.events_table: QTableWidget = read_only_table(
            [self.tr("Dihitung"), self.tr("Tanggal"), self.tr("Terdaftar"), self.tr("Hadir"), self.tr("Kegiatan")]
        )
        self.events_table.itemChanged.connect(self._event_toggled)
        self.mandiri_label = QLabel()
        self.mandiri_label.setWordWrap(True)
        events_box = QGroupBox(self.tr("Kegiatan yang dihitung dalam kampanye"))
        events_layout = QVBoxLayout(events_box)
        hint = QLabel(
            self.tr(
                "Centang kegiatan yang ikrarnya dihitung. Orang yang sama di beberapa kegiatan dihitung sekali "
                "(dikenali dari NIP, NI PPPK atau NIK)."
            )
        )
        hint.setWordWrap(True)
        events_layout.addWidget(hint)
        events_layout.addWidget(self.events_table, 1)
        events_layout.addWidget(self.mandiri_label)

        self.roster_label = QLabel()
        self.roster_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Impor ekspor SIASN / daftar non-ASN…"))
        self.import_button.clicked.connect(self.open_import)
        roster_box = QGroupBox(self.tr("Daftar induk pegawai instansi"))
        roster_layout = QVBoxLayout(roster_box)
        roster_layout.addWidget(self.roster_label)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        roster_layout.addLayout(row)
        explain = QLabel(
            self.tr(
                "Daftar induk adalah seluruh pegawai (target kampanye), terpisah dari daftar undangan kegiatan. "
                "Impor ulang ekspor lengkap untuk mencatat pegawai yang pindah OPD atau keluar."
            )
        )
        explain.setWordWrap(True)
        roster_layout.addWidget(explain)

        layout = QVBoxLayout(self)
        layout.addWidget(roster_box)
        layout.addWidget(events_box, 1)

    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.reload()

    def reload(self) -> None:
        self._start(FunctionJob(load_setup, self.campaign_id), self._loaded)

    def _start(self, job, on_result) -> None:
        run_job(job, on_result=on_result, on_error=lambda err: show_error(self, self.tr("Kampanye"), err), owner=self)

    def _loaded(self, loaded) -> None:
        campaign, events, summary = loaded
        self.campaign = campaign
        self._show_roster(summary)
        counted = set(campaign.event_ids) if campaign else set()
        self.events_table.blockSignals(True)
        self.events_table.setRowCount(len(events))
        for row, event in enumerate(events):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if event.id in counted else Qt.CheckState.Unchecked)
            check.setData(EVENT_ROLE, event.id)
            self.events_table.setItem(row, 0, check)
            values = (long_date(event.date), number(event.registered), number(event.present), event.title)
            for column, value in enumerate(values, 1):
                self.events_table.setItem(row, column, QTableWidgetItem(value))
        self.events_table.setEnabled(campaign is not None)
        self.events_table.blockSignals(False)
        mandiri = next((e for e in events if campaign and e.id == campaign.mandiri_event_id), None)
        self.mandiri_label.setText(
            self.tr("Formulir ikrar mandiri kampanye diterima di kegiatan \u201c{0}\u201d.").format(mandiri.title)
            if mandiri
            else self.tr("Kegiatan ikrar mandiri kampanye dibuat saat formulir pertama dibuat.")
        )
        self.loaded.emit()

    def _show_roster(self, summary: RosterSummary) -> None:
        if not summary.active and not summary.left:
            self.roster_label.setText(self.tr("Daftar induk belum diimpor."))
            return
        kinds = ", ".join(f"{core_label(_kind_label(k))} {number(n)}" for k, n in summary.by_type.items())
        self.roster_label.setText(
            self.tr("{0} pegawai aktif di {1} OPD ({2}); {3} sudah keluar.").format(
                number(summary.active), number(summary.units), kinds, number(summary.left)
            )
        )

    def _event_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() != 0 or self.campaign_id is None:
            return
        event_id = item.data(EVENT_ROLE)
        counted = item.checkState() == Qt.CheckState.Checked
        func = add_event if counted else remove_event
        self._start(FunctionJob(func, self.campaign_id, event_id, actor=self._actor()), self._event_saved)

    def _event_saved(self, _changed: bool) -> None:
        self.reload()
        self.changed.emit()

    def open_import(self) -> MasterImportDialog:
        dialog = MasterImportDialog(self._actor, self)
        dialog.imported.connect(lambda _result: (self.reload(), self.changed.emit()))
        dialog.open()
        return dialog


def _kind_label(kind: str) -> str:
    return EMPLOYMENT_LABELS.get(kind, kind)


__all__ = ["SetupView", "load_setup"]
