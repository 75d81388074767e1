"""The desk's latest check-ins as a Qt model keyed by registration, newest first.

New check-ins are *inserted* at the top and gone ones *removed* (never a reset), so a view's
selection (a persistent index) stays on the same person while rows arrive: "Batalkan
check-in…" and "Tanda tangan…" act on whom the officer picked, not on a row number. The
registration id and the signed flag are data of the model (``REGISTRATION_ROLE``,
``registration``, ``item``), never read back from a cell's text.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ...core.checkin import RecentCheckin
from ...core.statuses import method_label
from ..common.core_labels import core_label
from ..common.dates import clock_time

REGISTRATION_ROLE = Qt.ItemDataRole.UserRole
SIGNED_MARK = "✓"
MISSING_MARK = "—"
COL_TIME, COL_NAME, COL_METHOD, COL_DESK, COL_UNIT, COL_SIGNED = range(6)

# Shown through core_label: each text is marked for translation in gui/common/core_labels.py.
_Index = QModelIndex | QPersistentModelIndex


def _headers() -> list[str]:
    translate = QCoreApplication.translate
    return [
        translate("RecentModel", "Jam"),
        translate("RecentModel", "Nama"),
        translate("RecentModel", "Cara"),
        translate("RecentModel", "Meja"),
        translate("RecentModel", "Unit kerja"),
        translate("RecentModel", "TTD"),
    ]


def keyed_changes(current: list[int], wanted: list[int]) -> tuple[list[int], list[int]] | None:
    """How to turn the rows keyed ``current`` into ``wanted`` without disturbing the others:
    (rows to remove, from the bottom up; rows of ``wanted`` to insert, top down), or None when
    the kept rows changed order (then the whole list is redone)."""
    wanted_set = set(wanted)
    removals = [row for row in range(len(current) - 1, -1, -1) if current[row] not in wanted_set]
    kept = [key for key in current if key in wanted_set]
    kept_set = set(kept)
    if [key for key in wanted if key in kept_set] != kept:
        return None
    return removals, [row for row, key in enumerate(wanted) if key not in kept_set]


class RecentModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[RecentCheckin] = []
        self._headers = _headers()

    # Reading ---------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == REGISTRATION_ROLE:
            return item.registration_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (COL_NAME, COL_METHOD, COL_UNIT):
            return self._text(item, index.column())  # the whole text of a cell a narrow column elides
        return None

    @staticmethod
    def _text(item: RecentCheckin, column: int) -> str:
        if column == COL_TIME:
            return clock_time(item.checked_in_at.time())
        if column == COL_NAME:
            return item.full_name
        if column == COL_METHOD:
            return core_label(method_label(item.method, short=True))
        if column == COL_DESK:
            return " · ".join(part for part in (item.desk, item.operator) if part)
        if column == COL_UNIT:
            return item.unit_kerja
        return SIGNED_MARK if item.signed else MISSING_MARK

    def item(self, row: int) -> RecentCheckin:
        return self._items[row]

    def registration(self, row: int) -> int:
        return self._items[row].registration_id

    def row_of(self, registration_id: int) -> int:
        """The row showing ``registration_id``, or -1."""
        return next((row for row, item in enumerate(self._items) if item.registration_id == registration_id), -1)

    def items(self) -> list[RecentCheckin]:
        return list(self._items)

    # Changing --------------------------------------------------------------------------------
    def set_items(self, items: list[RecentCheckin]) -> None:
        """Show ``items`` (newest first) by removing, inserting and updating rows in place."""
        items = list({item.registration_id: item for item in reversed(items)}.values())[::-1]  # one row each
        changes = keyed_changes([item.registration_id for item in self._items], [i.registration_id for i in items])
        if changes is None:  # reordered: rare, redo the list
            self.beginResetModel()
            self._items = list(items)
            self.endResetModel()
            return
        removals, insertions = changes
        for row in removals:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()
        for row in insertions:
            self.beginInsertRows(QModelIndex(), row, row)
            self._items.insert(row, items[row])
            self.endInsertRows()
        for row, item in enumerate(items):
            if self._items[row] != item:
                self._items[row] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def put_first(self, item: RecentCheckin) -> None:
        """A check-in made here, shown at once (the next load confirms it)."""
        rest = [existing for existing in self._items if existing.registration_id != item.registration_id]
        self.set_items([item, *rest])

    def mark_signed(self, registration_id: int, signed: bool = True) -> None:
        row = self.row_of(registration_id)
        if row >= 0 and self._items[row].signed != signed:
            self._items[row] = replace(self._items[row], signed=signed)
            self.dataChanged.emit(self.index(row, COL_SIGNED), self.index(row, COL_SIGNED))

    def remove(self, registration_id: int) -> None:
        row = self.row_of(registration_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()


__all__ = ["MISSING_MARK", "REGISTRATION_ROLE", "SIGNED_MARK", "RecentModel", "keyed_changes"]
