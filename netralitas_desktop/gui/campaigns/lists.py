"""The names still owing (or excused) as a table model: thousands of rows without a widget per cell."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ...core.campaigns.coverage import MemberRow
from ...core.campaigns.service import EXCUSE_REASONS
from ..common.core_labels import core_label
from ..common.widgets import make_read_only_list
from .labels import campaign_label

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1


class MemberModel(QAbstractTableModel):
    """Rows of ``coverage.MemberRow``; ``excused`` adds the reason column."""

    def __init__(self, excused: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.excused = excused
        self.rows: list[MemberRow] = []
        self.headers = [self.tr("Nama"), self.tr("NIP / NIK"), self.tr("Jenis"), self.tr("Jabatan"), self.tr("OPD")]
        self.headers.append(self.tr("Alasan") if excused else self.tr("Keterangan"))

    def set_rows(self, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == MEMBER_ROLE:
            return row.member_id
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (3, 4, 5):
            return self.data(index)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return row.full_name
        if column == 1:
            return row.printed_identity
        if column == 2:
            return core_label(row.employment_label)
        if column == 3:
            return row.jabatan
        if column == 4:
            moved = self.tr(" (pindah dari {0})").format(row.previous_unit) if row.previous_unit else ""
            return row.unit_kerja + moved
        if self.excused:
            label = campaign_label(EXCUSE_REASONS.get(row.excuse_reason, row.excuse_reason))
            return f"{label}: {row.excuse_note}" if row.excuse_note else label
        return row.full_note


class MemberFilter(QSortFilterProxyModel):
    """Search by name, number, jabatan or OPD; digits typed with spaces match a grouped NIP."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.query = ""

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.query = " ".join(text.casefold().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.query:
            return True
        row = self.sourceModel().rows[source_row]
        digits = self.query.replace(" ", "")
        if digits.isdigit():
            return digits in (row.nip or "") or digits in (row.nik or "")
        text = f"{row.full_name} {row.jabatan} {row.unit_kerja}".casefold()
        return all(word in text for word in self.query.split())


def member_table(model: MemberModel, parent: QWidget | None = None) -> tuple[QTableView, MemberFilter]:
    proxy = MemberFilter(parent)
    proxy.setSourceModel(model)
    table = QTableView(parent)
    table.setModel(proxy)
    make_read_only_list(table, row_padding=8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate((240, 160, 90, 200, 220)):
        header.resizeSection(column, width)
    return table, proxy


def selected_members(table: QTableView) -> list[int]:
    return sorted({index.data(MEMBER_ROLE) for index in table.selectionModel().selectedRows()})


__all__ = ["MEMBER_ROLE", "MemberFilter", "MemberModel", "member_table", "selected_members"]
