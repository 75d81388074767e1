"""Manual check-in at the desk: find a person by name, unit or NIP and check them in.

Typing searches off the GUI thread through ``live.LiveRefresh`` (one search in flight, the
newest query wins: ``search_registrations`` takes a few hundred milliseconds at 100,000
registrations); Enter searches the text as typed and
checks in the single or selected match. A QR scan or full NIP/NIK that lands here by
mistake is handed back to the scanner path (``code_entered``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import qr_payload
from ...core.checkin import search_registrations
from ...core.nip import normalize_id
from ...core.pledges import returns
from .dates import clock_time
from .live import LiveRefresh
from .scan_input import burst_in_progress
from .widgets import fill_table, read_only_table, shortcut

SEARCH_DELAY_MS = 150
ID_ROLE = Qt.ItemDataRole.UserRole


def looks_like_code(text: str) -> bool:
    """A scan or a full NIP/NIK typed into the search box goes to check-in, not search."""
    if qr_payload.looks_like_payload(text) or returns.is_mandiri_code(text):
        return True
    digits = normalize_id(text)
    return digits.isdigit() and len(digits) in (16, 18)


def selected_id(table: QTableWidget) -> int | None:
    """The registration id kept in column 0 of the selected row."""
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(ID_ROLE) if item is not None else None


def fill_quickly(table: QTableWidget, rows: list[tuple], ids: list[int]) -> None:
    """``fill_table`` with the registration ids in column 0, without a relayout per cell.

    With ResizeToContents columns every ``setItem`` re-measures the table inside the
    desk's layout (about 1 ms a cell, 0.1 s for the recent list); fixed columns while
    filling and one measurement afterwards take about 1 ms in all.
    """
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(i) for i in range(header.count())]
    for i in range(header.count()):
        header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
    try:
        fill_table(table, rows)
        for index, registration_id in enumerate(ids):
            table.item(index, 0).setData(ID_ROLE, registration_id)
    finally:
        for i, mode in enumerate(modes):
            header.setSectionResizeMode(i, mode)


class ManualSearch(QGroupBox):
    code_entered = Signal(str)  # a scan typed into the search box
    check_in_requested = Signal(int)  # registration id
    leave_requested = Signal()  # Esc: back to the scanner

    def __init__(self, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Check-in manual"))
        self.event_id = event_id
        self.live = LiveRefresh(self, self._search, inputs=lambda: (self._query(),))
        self.live.loaded.connect(lambda rows: self._show(self._query(), rows))
        self.live.failed.connect(lambda message: self.status.setText(self.tr("Pencarian gagal: {0}").format(message)))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search_later)

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Cari nama, unit kerja atau NIP (F2)"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda: self.timer.start())
        self.edit.returnPressed.connect(self._entered)
        self.edit.installEventFilter(self)
        shortcut("Esc", self.edit, self.leave_requested.emit, Qt.ShortcutContext.WidgetShortcut)
        self.table = read_only_table([self.tr("Nama"), self.tr("NIP / NIK"), self.tr("Status"), self.tr("Unit kerja")])
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemDoubleClicked.connect(lambda _item: self.request_selected())
        self.button = QPushButton(self.tr("Catat hadir"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.request_selected)
        self.status = QLabel()
        self.status.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.button)
        layout.addLayout(row)
        self._update_button()

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def request_selected(self) -> None:
        registration_id = selected_id(self.table)
        if registration_id is None:
            self.leave_requested.emit()
        else:
            self.check_in_requested.emit(registration_id)

    def eventFilter(self, watched, event) -> bool:
        """Up / Down in the search box move through the results, so Enter can check one in."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(event.key())
            count = self.table.rowCount()
            if step and count:
                current = self.table.currentRow()
                self.table.selectRow(min(count - 1, max(0, current + step if current >= 0 else 0)))
                return True
        return super().eventFilter(watched, event)

    def _entered(self) -> None:
        text = self.edit.text()
        if looks_like_code(text):
            self.edit.clear()
            self.code_entered.emit(text)
            return
        if self.timer.isActive():  # Enter came before the typing pause: search the text as typed
            self.timer.stop()
            self.run_search()
        if self.table.rowCount() == 1:
            self.table.selectRow(0)
        if selected_id(self.table) is not None:
            self.request_selected()

    def run_search(self) -> None:
        """Search now, on the GUI thread."""
        query = self._query()
        self._show(query, search_registrations(self.event_id, query) if query else [])

    def search_later(self) -> None:
        """Search off the GUI thread; a query typed meanwhile runs when this one ends."""
        if burst_in_progress():  # a scanner is typing: its code goes to the desk, not into a search
            self.timer.start()
            return
        if not self._query():
            self._show("", [])
            return
        self.live.refresh()

    def _search(self, query: str) -> list:  # off the GUI thread
        return search_registrations(self.event_id, query) if query else []

    def _query(self) -> str:
        query = self.edit.text().strip()
        return "" if qr_payload.looks_like_payload(query) else query

    def _show(self, query: str, rows: list) -> None:
        selected = selected_id(self.table)
        fill_quickly(
            self.table,
            [
                (
                    row.full_name,
                    row.nip or row.nik,
                    self.tr("Hadir {0}").format(clock_time(row.checked_in_at.time()))
                    if row.checked_in_at
                    else self.tr("Belum"),
                    row.unit_kerja,
                )
                for row in rows
            ],
            [row.registration_id for row in rows],
        )
        for index, row in enumerate(rows):
            if row.registration_id == selected or len(rows) == 1:
                self.table.selectRow(index)
        if not query:
            self.status.setText("")
        else:
            self.status.setText(self.tr("{0} ditemukan").format(len(rows)) if rows else self.tr("Tidak ditemukan"))
        self._update_button()

    def _update_button(self) -> None:
        self.button.setEnabled(selected_id(self.table) is not None)
