"""The campaign page of the main window: pick a campaign, its live coverage, its events and the roster."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...core.audit import Actor
from ...core.campaigns.service import (
    CampaignData,
    create_campaign,
    delete_campaign,
    get_campaign,
    list_campaigns,
    update_campaign,
)
from ...core.errors import USER_FACING
from ...core.events import NotFoundError
from ..common.errors import show_error
from ..common.jobs import BackgroundWork
from ..common.widgets import confirm
from .coverage_view import CoverageView
from .dialogs import CampaignDialog
from .setup_view import SetupView


class CampaignPage(QWidget, BackgroundWork):
    back_requested = Signal()

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actor = actor
        self.back_button = QPushButton(self.tr("\u2190 Semua kegiatan"))
        self.back_button.clicked.connect(self.back_requested)
        self.campaign_combo = QComboBox()
        self.campaign_combo.setMinimumContentsLength(30)
        self.campaign_combo.currentIndexChanged.connect(lambda _index: self._campaign_picked())
        self.new_button = QPushButton(self.tr("Kampanye baru…"))
        self.new_button.clicked.connect(self.new_campaign)
        self.edit_button = QPushButton(self.tr("Ubah…"))
        self.edit_button.clicked.connect(self.edit_campaign)
        self.delete_button = QPushButton(self.tr("Hapus…"))
        self.delete_button.clicked.connect(self.delete_campaign)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Kampanye:")))
        top.addWidget(self.campaign_combo, 1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        self.coverage = CoverageView(actor)
        self.setup = SetupView(actor)
        self.setup.changed.connect(self.coverage.refresh)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.coverage, self.tr("Cakupan ikrar"))
        self.tabs.addTab(self.setup, self.tr("Kegiatan dan daftar induk"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.reload_campaigns()

    @property
    def campaign_id(self) -> int | None:
        return self.campaign_combo.currentData()

    def reload_campaigns(self, select: int | None = None) -> None:
        current = select if select is not None else self.campaign_id
        self.campaign_combo.blockSignals(True)
        self.campaign_combo.clear()
        for campaign in list_campaigns():
            self.campaign_combo.addItem(campaign.name, campaign.id)
        if not self.campaign_combo.count():
            self.campaign_combo.addItem(self.tr("(belum ada kampanye — buat dengan Kampanye baru…)"), None)
        index = self.campaign_combo.findData(current)
        self.campaign_combo.setCurrentIndex(max(0, index))
        self.campaign_combo.blockSignals(False)
        self._campaign_picked()

    def _campaign_picked(self) -> None:
        has = self.campaign_id is not None
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(has)
        self.coverage.set_campaign(self.campaign_id)
        self.setup.set_campaign(self.campaign_id)

    def new_campaign(self) -> None:
        dialog = CampaignDialog(parent=self)
        if dialog.exec():
            self._save(lambda: create_campaign(dialog.data, actor=self._actor()))

    def edit_campaign(self) -> None:
        if self.campaign_id is None:
            return
        try:
            info = get_campaign(self.campaign_id)
        except NotFoundError as err:
            show_error(self, self.tr("Kampanye"), err)
            self.reload_campaigns()
            return
        dialog = CampaignDialog(CampaignData(info.name, info.deadline, info.note, info.id), self)
        if dialog.exec():
            self._save(lambda: update_campaign(dialog.data, actor=self._actor()) or info.id)

    def _save(self, write: Callable[[], int]) -> None:
        try:
            campaign_id = write()
        except USER_FACING as err:
            show_error(self, self.tr("Kampanye belum tersimpan"), err)
            return
        self.reload_campaigns(select=campaign_id)

    def delete_campaign(self) -> None:
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        name = self.campaign_combo.currentText()
        if not confirm(
            self,
            self.tr("Hapus kampanye"),
            self.tr(
                "Hapus kampanye \u201c{0}\u201d? Pengecualian dan rekapnya ikut terhapus; kegiatan dan daftar induk "
                "pegawai tetap ada."
            ).format(name),
            self.tr("Hapus kampanye"),
        ):
            return
        with contextlib.suppress(NotFoundError):  # deleted at another desk meanwhile
            delete_campaign(campaign_id, actor=self._actor())
        self.reload_campaigns()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.coverage.refresh()

    def shutdown(self) -> None:
        self.coverage.shutdown()


__all__ = ["CampaignPage"]
