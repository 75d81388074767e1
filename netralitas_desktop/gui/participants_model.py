"""The participant table's model: an index list over ``ParticipantRow`` objects.

It must stay smooth at 100,000 rows, so there is no per-row item object: ``data()`` looks
a row up through the visible index list and formats one cell. Filtering is
``core.participants.filter_rows``; sorting computes one order of all rows per column and
filters through it, so typing in the search box never sorts again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.dates import jam, tanggal
from ..core.names import fold
from ..core.nip import format_nip
from ..core.pangkat import PNS_PANGKAT, PPPK_GOLONGAN
from ..core.participants import EMPLOYMENT_LABELS, ParticipantRow, filter_rows

COL_NO, COL_NAME, COL_NIP, COL_TYPE, COL_GOL, COL_JABATAN, COL_UNIT, COL_MODE, COL_PRESENT = range(9)
HEADERS = ("No", "Nama", "NIP", "Jenis", "Gol.", "Jabatan", "Unit Kerja", "Kehadiran", "Hadir")
MODE_SHORT = {"onsite": "Luring", "online": "Daring"}

_GOL_RANK = {code: rank for rank, code in enumerate((*PNS_PANGKAT, *PPPK_GOLONGAN))}
_NEVER = dt.datetime.max
_CENTERED = {COL_NO, COL_GOL, COL_MODE, COL_PRESENT}
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

_SORT_KEYS: dict[int, Callable[[ParticipantRow], Any]] = {
    COL_NAME: lambda r: fold(r.nama),
    COL_NIP: lambda r: r.nip or r.nik or "~",
    COL_TYPE: lambda r: r.employment_type,
    COL_GOL: lambda r: _GOL_RANK.get(r.golongan, len(_GOL_RANK)),
    COL_JABATAN: lambda r: fold(r.jabatan),
    COL_UNIT: lambda r: fold(r.unit_kerja),
    COL_MODE: lambda r: r.mode,
    COL_PRESENT: lambda r: r.checked_in_at or _NEVER,
}


def id_text(row: ParticipantRow) -> str:
    """The NIP as printed; a participant without one shows the NIK."""
    if row.nip:
        return format_nip(row.nip)
    return f"NIK {row.nik}" if row.nik else ""


def present_text(row: ParticipantRow) -> str:
    return jam(row.checked_in_at.time()) if row.checked_in_at else ""


class ParticipantsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ParticipantRow] = []
        self._matches: list[int] = []  # indexes in list order that match the query
        self._visible: list[int] = []  # the same indexes in display order
        self._order: list[int] | None = None  # all indexes sorted by the sort column; None = list order
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._query = ""

    # Data in and out ---------------------------------------------------------------------
    def set_rows(self, rows: list[ParticipantRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._order = self._sorted_order(*self._sort) if self._sort else None
        self._matches = filter_rows(rows, self._query)
        self._visible = self._display_order(self._matches)
        self.endResetModel()

    def set_filter(self, query: str) -> None:
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._matches = filter_rows(self._rows, query)
        self._visible = self._display_order(self._matches)
        self.endResetModel()

    @property
    def query(self) -> str:
        return self._query

    def row_at(self, view_row: int) -> ParticipantRow:
        return self._rows[self._visible[view_row]]

    def view_row_of(self, registration_id: int) -> int | None:
        for view_row, index in enumerate(self._visible):
            if self._rows[index].registration_id == registration_id:
                return view_row
        return None

    def total_count(self) -> int:
        return len(self._rows)

    def visible_count(self) -> int:
        return len(self._visible)

    def units(self) -> list[str]:
        """The event's unit kerja names, for the participant dialog's suggestions."""
        return sorted({row.unit_kerja for row in self._rows if row.unit_kerja}, key=fold)

    # Ordering ----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._order = self._sorted_order(column, order)
        self._visible = self._display_order(self._matches)
        self.layoutChanged.emit()

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int] | None:
        descending = order == Qt.SortOrder.DescendingOrder
        key = _SORT_KEYS.get(column)
        if key is None:  # "No": the list's own order (unit, then name)
            return list(range(len(self._rows) - 1, -1, -1)) if descending else None
        rows = self._rows
        # Python's sort is stable, so equal keys keep the list order.
        return sorted(range(len(rows)), key=lambda i: key(rows[i]), reverse=descending)

    def _display_order(self, matches: list[int]) -> list[int]:
        if self._order is None:
            return matches
        if len(matches) == len(self._rows):
            return list(self._order)
        keep = bytearray(len(self._rows))
        for index in matches:
            keep[index] = 1
        return [index for index in self._order if keep[index]]

    # QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            column = index.column()
            if column == COL_NO:
                return _ALIGN_NUMBER
            return _ALIGN_CENTER if column in _CENTERED else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), index.column())
        return None

    def _display(self, view_row: int, column: int) -> str | int:
        row = self._rows[self._visible[view_row]]
        if column == COL_NO:
            return view_row + 1
        if column == COL_NAME:
            return row.full_name
        if column == COL_NIP:
            return id_text(row)
        if column == COL_TYPE:
            return EMPLOYMENT_LABELS.get(row.employment_type, row.employment_type)
        if column == COL_GOL:
            return row.golongan
        if column == COL_JABATAN:
            return row.jabatan
        if column == COL_UNIT:
            return row.unit_kerja
        if column == COL_MODE:
            return MODE_SHORT.get(row.mode, row.mode)
        return present_text(row)

    def _tooltip(self, view_row: int, column: int) -> str | None:
        row = self._rows[self._visible[view_row]]
        if column in (COL_JABATAN, COL_UNIT, COL_NAME):
            text = self._display(view_row, column)
            return str(text) if text else None
        if column == COL_PRESENT and row.checked_in_at:
            return self.tr("Hadir {0}, pukul {1}").format(tanggal(row.checked_in_at.date()), present_text(row))
        return None
