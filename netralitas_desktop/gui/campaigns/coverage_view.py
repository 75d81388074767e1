"""The "Cakupan" view: live coverage of a campaign, bars per OPD, and the names still owing.

Counting is ``core.campaigns.coverage`` (one snapshot per refresh, off the GUI thread).
The view recounts when ``database.change_stamp()`` moves — a desk checked someone in, a
form came back, the roster was re-imported — through ``common.live.LiveRefresh`` (one load
at a time, paused while hidden, a full reload now and then). Picking an OPD (the filter or a click on its bar)
shows its figures, its employment types and its names still owing; the names of all OPDs
are listed only while there are few enough to be read.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.campaigns import coverage as cov
from ...core.campaigns.pledged import one_reading
from ...core.campaigns.service import EXCUSE_REASONS, excuse, unexcuse
from ..common.core_labels import core_label
from ..common.dates import clock_time, day_and_date
from ..common.errors import show_error
from ..common.jobs import BackgroundWork, FunctionJob, run_job
from ..common.live import LiveRefresh
from ..common.widgets import FigureTile, number, with_buttons
from .actions import CampaignActions
from .chart import SORT_LOWEST, SORT_NAME, SORT_OWING, CoverageChart, legend_html
from .dialogs import ExcuseDialog
from .labels import campaign_label
from .lists import MemberModel, member_table, selected_members

ALL_NAMES_LIMIT = 3000  # beyond this the names are listed per OPD only
POLL_MS = 1500


@dataclass(frozen=True)
class ViewData:
    coverage: cov.Coverage
    unit_key: str | None
    owing: list[cov.MemberRow] | None  # None: too many to list for all OPDs
    excused: list[cov.MemberRow] | None
    seconds: float


def load_view(campaign_id: int | None, unit_key: str | None) -> ViewData | None:
    """One refresh: the coverage, and the names of the selection when they can be listed."""
    if campaign_id is None:
        return None
    started = time.perf_counter()
    with one_reading():
        coverage = cov.load_coverage(campaign_id)
        if unit_key is not None and coverage.unit(unit_key) is None:
            unit_key = None  # the OPD has no active member any more
        group = coverage.unit(unit_key) if unit_key else coverage.total
        listed = unit_key is not None or group.owing + group.excused <= ALL_NAMES_LIMIT
        owing = cov.owing_rows(coverage, unit_key) if listed else None
        excused = cov.owing_rows(coverage, unit_key, state=cov.EXCUSED) if listed else None
    return ViewData(coverage, unit_key, owing, excused, time.perf_counter() - started)


class CoverageView(QWidget, BackgroundWork):
    loaded = Signal(object)  # ViewData, after each refresh (tests listen)

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actor = actor
        self.campaign_id: int | None = None
        self.unit_key: str | None = None
        self.data: ViewData | None = None
        self._build()
        self.live = LiveRefresh(
            self, load_view, inputs=lambda: (self.campaign_id, self.unit_key), interval_ms=POLL_MS, busy_share=0.3
        )
        self.live.loaded.connect(self._loaded)
        self.live.failed.connect(
            lambda message: self.updated_label.setText(self.tr("Cakupan belum dapat dihitung: {0}").format(message))
        )

    # Layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.deadline_label = QLabel()
        bold = self.deadline_label.font()
        bold.setBold(True)
        self.deadline_label.setFont(bold)
        self.updated_label = QLabel()
        self.updated_label.setStyleSheet("color: #5f6368;")
        for label in (self.deadline_label, self.updated_label):  # wrap rather than widen the window (1024 px)
            label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.deadline_label, 1)
        top.addWidget(self.updated_label)
        self.target_tile = FigureTile(self.tr("Target (pegawai aktif)"), 1.8)
        self.covered_tile = FigureTile(self.tr("Sudah ikrar"), 1.8)
        self.excused_tile = FigureTile(self.tr("Dikecualikan"), 1.8)
        self.owing_tile = FigureTile(self.tr("Belum ikrar"), 1.8)
        tiles = QGridLayout()
        for column, tile in enumerate((self.target_tile, self.covered_tile, self.excused_tile, self.owing_tile)):
            tiles.addWidget(tile, 0, column)
        self.routes_label = QLabel()
        self.routes_label.setWordWrap(True)
        self.employment_label = QLabel()
        self.employment_label.setWordWrap(True)
        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumContentsLength(30)
        self.unit_combo.activated.connect(lambda _index: self.select_unit(self.unit_combo.currentData()))
        self.sort_combo = QComboBox()
        for text, value in (
            (self.tr("Persentase terendah"), SORT_LOWEST),
            (self.tr("Belum ikrar terbanyak"), SORT_OWING),
            (self.tr("Nama OPD"), SORT_NAME),
        ):
            self.sort_combo.addItem(text, value)
        self.sort_combo.currentIndexChanged.connect(lambda _i: self.chart.set_sort(self.sort_combo.currentData()))
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("OPD:")))
        filters.addWidget(self.unit_combo, 1)
        filters.addWidget(QLabel(self.tr("Urutkan:")))
        filters.addWidget(self.sort_combo)

        self.chart = CoverageChart()
        self.chart.unit_clicked.connect(self.select_unit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        legend = QLabel(legend_html())
        legend.setTextFormat(Qt.TextFormat.RichText)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(legend)
        chart_layout.addWidget(scroll, 1)

        self.owing_model, self.excused_model = MemberModel(), MemberModel(excused=True)
        self.owing_table, self.owing_filter = member_table(self.owing_model, self)
        self.excused_table, self.excused_filter = member_table(self.excused_model, self)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Cari nama, NIP/NIK, jabatan…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.owing_filter.set_query)
        self.search_edit.textChanged.connect(self.excused_filter.set_query)
        self.names_hint = QLabel()
        self.names_hint.setWordWrap(True)
        self.excuse_button = QPushButton(self.tr("Kecualikan…"))
        self.excuse_button.clicked.connect(self.excuse_selected)
        self.unexcuse_button = QPushButton(self.tr("Batalkan pengecualian"))
        self.unexcuse_button.clicked.connect(self.unexcuse_selected)
        self.lists = QTabWidget()
        self.lists.addTab(with_buttons(self.owing_table, self.excuse_button), "")
        self.lists.addTab(with_buttons(self.excused_table, self.unexcuse_button), "")
        names = QWidget()
        names_layout = QVBoxLayout(names)
        names_layout.setContentsMargins(0, 0, 0, 0)
        names_layout.addWidget(self.search_edit)
        names_layout.addWidget(self.names_hint)
        names_layout.addWidget(self.lists, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(chart_box)
        splitter.addWidget(names)
        splitter.setSizes([500, 600])

        self.actions = CampaignActions(self._actor)
        self.actions.changed.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(self.routes_label)
        layout.addWidget(self.employment_label)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.actions)
        self._show_empty()

    # Refreshing --------------------------------------------------------------------------
    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id, self.unit_key, self.data = campaign_id, None, None
        self._show_empty()
        self.refresh()

    def shutdown(self) -> None:
        self.live.stop()

    def refresh(self) -> None:
        self.live.refresh()

    def select_unit(self, key: str | None) -> None:
        self.unit_key = key or None
        self.chart.set_selected(self.unit_key)
        self.refresh()

    def _loaded(self, data: ViewData | None) -> None:
        if data is None:
            self._show_empty()
            return
        self.unit_key = data.unit_key  # None when the OPD picked has no active member any more
        self.data = data
        coverage = data.coverage
        self._show_header(coverage, data.seconds)
        group = coverage.unit(data.unit_key) if data.unit_key else coverage.total
        self._show_figures(group, coverage.employment_in(data.unit_key))
        self._fill_units(coverage)
        self.chart.set_groups(coverage.units)
        self.chart.set_selected(data.unit_key)
        self._show_names(data, group)
        self.actions.set_snapshot(coverage, data.unit_key, group.label)
        self.loaded.emit(data)

    def _show_empty(self) -> None:
        for tile in (self.target_tile, self.covered_tile, self.excused_tile, self.owing_tile):
            tile.value.setText("–")
        self.deadline_label.setText(self.tr("Pilih atau buat kampanye."))
        self.routes_label.clear()
        self.employment_label.clear()
        self.owing_model.set_rows([])
        self.excused_model.set_rows([])
        self.chart.set_groups([])
        self.actions.set_snapshot(None, None, "")

    def _show_header(self, coverage: cov.Coverage, seconds: float) -> None:
        campaign = coverage.campaign
        days = campaign.days_left()
        if days > 0:
            left = self.tr("{0} hari lagi").format(days)
        elif days == 0:
            left = self.tr("hari ini")
        else:
            left = self.tr("lewat {0} hari").format(-days)
        events = len(campaign.event_ids)
        self.deadline_label.setText(
            self.tr("{0} · batas waktu {1} ({2}) · {3} kegiatan").format(
                campaign.name, day_and_date(campaign.deadline), left, events
            )
        )
        made = coverage.made_at
        self.updated_label.setText(
            self.tr("Diperbarui pukul {0} ({1} ms) · otomatis saat ada perubahan").format(
                clock_time(made.time()) + made.strftime(":%S"), round(seconds * 1000)
            )
        )

    def _show_figures(self, group: cov.GroupCoverage, kinds: list[cov.GroupCoverage]) -> None:
        self.target_tile.value.setText(number(group.target))
        self.covered_tile.value.setText(f"{number(group.covered)}  ({group.percentage_text})")
        reasons = ", ".join(f"{campaign_label(_reason(r))} {n}" for r, n in sorted(group.reasons.items()))
        self.excused_tile.value.setText(number(group.excused))
        self.excused_tile.setToolTip(reasons)
        self.owing_tile.value.setText(number(group.owing))
        routes = " · ".join(
            f"{campaign_label(cov.ROUTE_LABELS[r])} {number(group.routes.get(r, 0))}" for r in cov.ROUTES
        )
        self.routes_label.setText(self.tr("Sudah ikrar melalui: {0}").format(routes))
        parts = [
            f"{core_label(k.label)} {number(k.covered)}/{number(k.covered + k.owing)} ({k.percentage_text})"
            for k in kinds
        ]
        self.employment_label.setText(self.tr("Per jenis pegawai: {0}").format(" · ".join(parts) or "–"))

    def _fill_units(self, coverage: cov.Coverage) -> None:
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("Semua OPD ({0})").format(len(coverage.units)), None)
        for group in coverage.units:
            self.unit_combo.addItem(f"{core_label(group.label)} — {group.percentage_text}", group.key)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(self.data.unit_key)))
        self.unit_combo.blockSignals(False)

    def _show_names(self, data: ViewData, group: cov.GroupCoverage) -> None:
        listed = data.owing is not None
        self.owing_model.set_rows(data.owing or [])
        self.excused_model.set_rows(data.excused or [])
        self.names_hint.setVisible(not listed)
        self.names_hint.setText(
            self.tr("{0} orang belum berikrar. Pilih satu OPD (klik barisnya di grafik) untuk melihat namanya.").format(
                number(group.owing)
            )
        )
        self.lists.setTabText(0, self.tr("Belum ikrar ({0})").format(number(group.owing)))
        self.lists.setTabText(1, self.tr("Dikecualikan ({0})").format(number(group.excused)))

    # Excuses -----------------------------------------------------------------------------
    def excuse_selected(self) -> None:
        chosen = selected_members(self.owing_table)
        if not chosen or self.campaign_id is None:
            show_error(self, self.tr("Kecualikan"), self.tr("Pilih dulu nama di daftar belum ikrar."))
            return
        dialog = ExcuseDialog(len(chosen), self)
        if dialog.exec():
            self._write(excuse, self.campaign_id, chosen, dialog.reason, dialog.note, actor=self._actor())

    def unexcuse_selected(self) -> None:
        chosen = selected_members(self.excused_table)
        if chosen and self.campaign_id is not None:
            self._write(unexcuse, self.campaign_id, chosen, actor=self._actor())

    def _write(self, func, *args, **kwargs) -> None:
        run_job(
            FunctionJob(func, *args, **kwargs),
            on_result=lambda _count: self.refresh(),
            on_error=lambda err: show_error(self, self.tr("Belum tersimpan"), err),
            owner=self,
        )


def _reason(code: str) -> str:
    return EXCUSE_REASONS.get(code, code)


__all__ = ["ALL_NAMES_LIMIT", "CoverageView", "ViewData", "load_view"]
