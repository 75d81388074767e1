"""The "Ringkasan" tab: live attendance of the event while the desks check people in.

Present / registered, in the room / online, absences by reason, a bar per OPD, the
employment types and the pledge status. Counting uses ``core.reports.status`` (one place
decides Hadir / Daring / Izin / …) and runs off the GUI thread through the window's one
live-refresh helper (``common/live.py``): polled every ``REFRESH_MS``, recounted when any
desk changed something, one count at a time, paused while the tab is hidden. The pledge
status needs every row, so it is recounted at most every ``PLEDGE_EVERY_S``.
The online import (``OnlineImportDialog``) and the event's minimum minutes online live
here too, since both change the Daring figure.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.reports.dashboard import Snapshot, load_snapshot
from ...core.reports.online_store import Settled, set_online_min_minutes
from ...core.reports.status import PledgeCounts
from ...core.statuses import AttendanceStatus
from ..common.core_labels import core_label
from ..common.dates import clock_time, percent
from ..common.jobs import FunctionJob, JobRunner
from ..common.live import LiveRefresh
from ..common.tabs import EventTabBase
from ..common.widgets import FigureTile, number
from .chart import SORT_LOWEST, SORT_NAME, SORT_SIZE, OpdChart, legend_html

REFRESH_MS = 2000
PLEDGE_EVERY_S = 15.0  # the pledge status reads every registration: this often is enough


class DashboardTab(QWidget, EventTabBase):
    loaded = Signal(object)  # Snapshot, after each refresh (tests and other tabs listen)
    attendance_changed = Signal()  # the online import or the minimum changed check-ins

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.snapshot: Snapshot | None = None
        self.pledge: PledgeCounts | None = None
        self.import_dialog = None
        self._pledge_due = 0.0  # monotonic time of the next pledge recount
        self._saved_minimum: int | None = None
        self._build()
        self.live = LiveRefresh(self, self._load, interval_ms=REFRESH_MS)
        self.live.loaded.connect(self._loaded)
        self.live.failed.connect(
            lambda message: self.updated_label.setText(self.tr("Ringkasan belum dapat diperbarui: {0}").format(message))
        )
        self.minimum_runner = JobRunner(self, controls=[self.minimum_button])

    # Layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.present_tile = FigureTile(self.tr("Hadir / terdaftar"), 2.2)
        self.room_tile = FigureTile(self.tr("Di ruangan"))
        self.online_tile = FigureTile(self.tr("Daring"))
        self.reason_tile = FigureTile(self.tr("Izin · Sakit · Dinas Luar"))
        self.absent_tile = FigureTile(self.tr("Belum hadir"))
        tiles = QGridLayout()
        tiles.addWidget(self.present_tile, 0, 0)
        for column, tile in enumerate((self.room_tile, self.online_tile, self.reason_tile, self.absent_tile), 1):
            tiles.addWidget(tile, 0, column)
        tiles.setColumnStretch(0, 2)
        self.employment_label = QLabel()
        self.employment_label.setWordWrap(True)
        self.pledge_label = QLabel(self.tr("Ikrar: menghitung…"))
        self.pledge_label.setWordWrap(True)

        self.import_button = QPushButton(self.tr("Impor kehadiran daring…"))
        self.import_button.clicked.connect(self.open_import)
        self.minimum_spin = QSpinBox()
        self.minimum_spin.setRange(0, 24 * 60)
        self.minimum_spin.setSuffix(self.tr(" menit"))
        self.minimum_spin.setToolTip(
            self.tr(
                "Peserta daring dihitung hadir bila mengikuti sekurang-kurangnya "
                "selama ini (semua laporan dijumlahkan)."
            )
        )
        self.minimum_button = QPushButton(self.tr("Terapkan"))
        self.minimum_button.clicked.connect(self.apply_minimum)
        self.minimum_status = QLabel()
        online = QHBoxLayout()
        online.addWidget(self.import_button)
        online.addSpacing(16)
        online.addWidget(QLabel(self.tr("Batas minimal hadir daring:")))
        online.addWidget(self.minimum_spin)
        online.addWidget(self.minimum_button)
        online.addWidget(self.minimum_status, 1)

        self.chart = OpdChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chart_scroll = scroll
        self.sort_combo = QComboBox()
        for text, value in (
            (self.tr("Peserta terbanyak"), SORT_SIZE),
            (self.tr("Persentase terendah"), SORT_LOWEST),
            (self.tr("Nama OPD"), SORT_NAME),
        ):
            self.sort_combo.addItem(text, value)
        self.sort_combo.currentIndexChanged.connect(lambda _i: self.chart.set_sort(self.sort_combo.currentData()))
        legend = QLabel(legend_html())
        legend.setTextFormat(Qt.TextFormat.RichText)
        chart_top = QHBoxLayout()
        chart_top.addWidget(legend, 1)
        chart_top.addWidget(QLabel(self.tr("Urutkan:")))
        chart_top.addWidget(self.sort_combo)
        chart_box = QGroupBox(self.tr("Kehadiran per OPD"))
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addLayout(chart_top)
        chart_layout.addWidget(scroll, 1)

        self.updated_label = QLabel()
        self.updated_label.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addLayout(tiles)
        layout.addWidget(self.employment_label)
        layout.addWidget(self.pledge_label)
        layout.addLayout(online)
        layout.addWidget(chart_box, 1)
        layout.addWidget(self.updated_label)

    # Refreshing --------------------------------------------------------------------------
    def _load(self) -> Snapshot:  # off the GUI thread
        return load_snapshot(self.event_id, time.monotonic() >= self._pledge_due)

    def _loaded(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        total = snapshot.units.total
        self.present_tile.value.setText(
            self.tr("{0} / {1}  ({2})").format(
                number(total.present), number(total.registered), percent(total.present, total.registered)
            )
        )
        self.room_tile.value.setText(number(total.in_room))
        self.online_tile.value.setText(number(total.online))
        self.online_tile.caption.setText(self.tr("Daring (≥ {0} menit)").format(snapshot.minimum))
        self.reason_tile.value.setText(
            " · ".join(
                number(total.counts[s])
                for s in (AttendanceStatus.EXCUSED, AttendanceStatus.SICK, AttendanceStatus.OFFICIAL_DUTY)
            )
        )
        self.absent_tile.value.setText(number(total.counts[AttendanceStatus.ABSENT]))
        parts = [
            f"{core_label(g.label)} {number(g.present)}/{number(g.registered)}"
            for g in snapshot.employment.groups
            if g.registered
        ]
        self.employment_label.setText(self.tr("Per jenis pegawai: {0}").format(" · ".join(parts) or "–"))
        if snapshot.pledge is not None:
            self.pledge = snapshot.pledge
            self._pledge_due = time.monotonic() + PLEDGE_EVERY_S
            self._show_pledge(snapshot.pledge)
        self.chart.set_groups(snapshot.units.groups)
        if self._saved_minimum is None or self.minimum_spin.value() == self._saved_minimum:
            self.minimum_spin.setValue(snapshot.minimum)  # unless the user is typing a new one
        self._saved_minimum = snapshot.minimum
        self.updated_label.setText(
            self.tr("Diperbarui pukul {0} · otomatis setiap {1} detik").format(
                clock_time(snapshot.at.time()) + snapshot.at.strftime(":%S"), REFRESH_MS // 1000
            )
        )
        self.loaded.emit(snapshot)

    def _show_pledge(self, pledge: PledgeCounts) -> None:
        self.pledge_label.setText(
            self.tr(
                "Ikrar: {0} dari {1} yang hadir menandatangani di meja · {5} hadir belum menandatangani · "
                "ikrar mandiri kembali {2} dari {3} yang tidak hadir · {4} perlu ditindaklanjuti"
            ).format(
                number(pledge.signed_at_desk),
                number(pledge.present),
                number(pledge.ikrar_returned),
                number(pledge.absent),
                number(pledge.neither),
                number(pledge.present_unsigned),
            )
        )

    # Online attendance -------------------------------------------------------------------
    def open_import(self) -> None:
        from .online_import_dialog import OnlineImportDialog

        dialog = OnlineImportDialog(self.event_id, self._actor(), self)
        dialog.applied.connect(lambda _result: self._attendance_changed())
        dialog.finished.connect(lambda _code: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.open()

    def apply_minimum(self) -> None:
        minutes = self.minimum_spin.value()
        started = self.minimum_runner.start(
            FunctionJob(set_online_min_minutes, self.event_id, minutes, actor=self._actor()),
            done=lambda settled: self._minimum_applied(minutes, settled),
            failed=lambda message: self.minimum_status.setText(self.tr("Belum tersimpan: {0}").format(message)),
        )
        if started is not None:
            self.minimum_status.setText(self.tr("Menerapkan…"))

    def _minimum_applied(self, minutes: int, settled: Settled) -> None:
        self._saved_minimum = minutes
        self.minimum_status.setText(
            self.tr("Batas {0} menit disimpan: {1} kehadiran daring ditambah, {2} dibatalkan.").format(
                minutes, settled.created, settled.removed
            )
        )
        self._attendance_changed()

    def _attendance_changed(self) -> None:
        self._pledge_due = 0.0  # recount the pledge status too
        self.attendance_changed.emit()
        self.live.refresh()


__all__ = ["REFRESH_MS", "DashboardTab"]
