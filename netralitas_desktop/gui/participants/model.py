"""The participant table's model: an index list over ``ParticipantRow`` objects.

It must stay smooth at 100,000 rows, so there is no per-row item object: ``data()`` looks
a row up through the visible index list and formats one cell. Matches come from
``core.participants.filter_rows`` through ``IncrementalFilter`` (fast while typing);
sorting computes one order of all rows per click and filters through it, so typing in
the search box never sorts again.

The "Hadir" column shows each person's status from ``core.reports.status`` when the tab
passes it: the check-in time for Hadir, else Daring / Izin / Sakit / Dinas Luar / Batal,
empty for Tidak Hadir (without statuses: the check-in time only). The "Undangan" column
says whose invitation has been sent (``core.invitation_delivery``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...core.invitation_delivery import Delivery
from ...core.names import fold
from ...core.nip import format_nip
from ...core.pangkat import PNS_PANGKAT, PPPK_GOLONGAN
from ...core.participant_filter import IncrementalFilter
from ...core.participants import EMPLOYMENT_LABELS, ParticipantRow
from ...core.reports.status import STATUS_LABELS, STATUSES
from ...core.statuses import AbsenceReason, AttendanceMode, AttendanceStatus
from ..common.core_labels import core_label
from ..common.dates import clock_time, long_date

COL_NO, COL_NAME, COL_NIP, COL_TYPE, COL_GOL, COL_JABATAN, COL_UNIT, COL_MODE, COL_PRESENT, COL_INVITATION = range(10)
HEADERS = (
    QT_TRANSLATE_NOOP("ParticipantsModel", "No"),
    QT_TRANSLATE_NOOP("ParticipantsModel", "Nama"),
    QT_TRANSLATE_NOOP("ParticipantsModel", "NIP"),
    QT_TRANSLATE_NOOP("ParticipantsModel", "Jenis"),
    QT_TRANSLATE_NOOP("ParticipantsModel", "Gol."),
    QT_TRANSLATE_NOOP("ParticipantsModel", "Jabatan"),
    QT_TRANSLATE_NOOP("ParticipantsModel", "Unit Kerja"),
    QT_TRANSLATE_NOOP("ParticipantsModel", "Kehadiran"),
    QT_TRANSLATE_NOOP("ParticipantsModel", "Hadir"),
    QT_TRANSLATE_NOOP("ParticipantsModel", "Undangan"),
)
TYPE_SHORT = {"PNS": "PNS", "PPPK": "PPPK", "PPNPN": "PPNPN", "NON_ASN": "Non-ASN"}  # the column is narrow

_GOL_RANK = {code: rank for rank, code in enumerate((*PNS_PANGKAT, *PPPK_GOLONGAN))}
_NEVER = dt.datetime.max
_CENTERED = {COL_NO, COL_GOL, COL_MODE, COL_PRESENT, COL_INVITATION}
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DISPLAY, _ALIGNMENT, _TOOLTIP, _FOREGROUND = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
)  # data() runs for every painted cell
_STATUS_BRUSHES = {
    AttendanceStatus.ONLINE: QBrush(QColor("#1f5fa8")),
    AttendanceStatus.CANCELLED: QBrush(QColor("#808080")),
    **{status: QBrush(QColor("#9a5b00")) for status in AbsenceReason},
}
_STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}

# casefold, not names.fold: a click on a header must not stall on 100,000 accent strips.
_SORT_KEYS: dict[int, Callable[[ParticipantRow], Any]] = {
    COL_NAME: lambda r: r.nama.casefold(),
    COL_NIP: lambda r: r.nip or r.nik or "~",
    COL_TYPE: lambda r: r.employment_type,
    COL_GOL: lambda r: _GOL_RANK.get(r.golongan, len(_GOL_RANK)),
    COL_JABATAN: lambda r: r.jabatan.casefold(),
    COL_UNIT: lambda r: r.unit_kerja.casefold(),
    COL_MODE: lambda r: r.mode,
    COL_PRESENT: lambda r: r.checked_in_at or _NEVER,
}
_SORT_FEW_BELOW = 8  # fewer matches than rows/8: sort them by rank instead of walking all rows


def id_text(row: ParticipantRow) -> str:
    """The NIP as printed; a participant without one shows the NIK."""
    if row.nip:
        return format_nip(row.nip)
    return f"NIK {row.nik}" if row.nik else ""


def present_text(row: ParticipantRow) -> str:
    return clock_time(row.checked_in_at.time()) if row.checked_in_at else ""


class ParticipantsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ParticipantRow] = []
        self._matches: list[int] = []  # indexes in list order that match the query
        self._visible: list[int] = []  # the same indexes in display order
        self._order: list[int] | None = None  # all indexes sorted by the sort column; None = list order
        self._rank: list[int] = []  # position of each row in _order
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._query = ""
        self._filter = IncrementalFilter([])
        self._ascending: dict[int, list[int]] = {}  # column -> all indexes in ascending order, computed once
        self._statuses: dict[int, str] = {}  # registration id -> status (core.reports.status)
        self._notes: dict[int, str] = {}  # registration id -> absence note
        self._invitations: dict[int, Delivery] = {}  # registration id -> its invitation's "sent" mark
        # translated once: data() runs for every painted cell
        self._mode_short = {AttendanceMode.ONSITE: self.tr("Luring"), AttendanceMode.ONLINE: self.tr("Daring")}
        self._sent_text = self.tr("Terkirim")
        self._sent_how = {
            "pdf": self.tr("kartu PDF"),
            "zip": self.tr("gambar PNG (ZIP)"),
            "png": self.tr("gambar PNG"),
            "manual": self.tr("ditandai manual"),
        }
        self._status_short = {
            **{status: core_label(label) for status, label in STATUS_LABELS.items()},
            AttendanceStatus.CANCELLED: self.tr("Batal"),
            AttendanceStatus.ABSENT: "",
        }

    # Data in and out ---------------------------------------------------------------------
    def set_rows(
        self,
        rows: list[ParticipantRow],
        statuses: dict[int, str] | None = None,
        notes: dict[int, str] | None = None,
        invitations: dict[int, Delivery] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = rows
        self._statuses, self._notes = statuses or {}, notes or {}
        self._invitations = invitations or {}
        self._filter = IncrementalFilter(rows)
        self._ascending.clear()
        self._set_order(*(self._sort or (COL_NO, Qt.SortOrder.AscendingOrder)))
        self._matches = self._filter.matches(self._query)
        self._visible = self._display_order(self._matches)
        self.endResetModel()

    def set_filter(self, query: str) -> None:
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._matches = self._filter.matches(query)
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

    def status_of(self, row: ParticipantRow) -> str | None:
        """The row's status when the tab gave statuses, else None."""
        return self._statuses.get(row.registration_id) if self._statuses else None

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
        self._set_order(column, order)
        self._visible = self._display_order(self._matches)
        self.layoutChanged.emit()

    def _set_order(self, column: int, order: Qt.SortOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        key = self._status_key if column == COL_PRESENT and self._statuses else _SORT_KEYS.get(column)
        if column == COL_INVITATION:
            key = self._invitation_key
        count = len(self._rows)
        if key is None and not descending:  # "No": the list's own order (unit, then name)
            self._order, self._rank = None, []
            return
        ascending = self._ascending.get(column)
        if ascending is None:
            if key is None:
                ascending = list(range(count))
            else:  # stable: equal keys keep the list order
                keys = [key(row) for row in self._rows]
                ascending = sorted(range(count), key=keys.__getitem__)
            self._ascending[column] = ascending
        self._order = ascending[::-1] if descending else ascending
        self._rank = [0] * count
        for position, index in enumerate(self._order):
            self._rank[index] = position

    def _status_key(self, row: ParticipantRow) -> tuple:
        """Hadir by time first, then Daring, Izin, Sakit, Dinas Luar, Tidak Hadir, Batal."""
        status = self._statuses.get(row.registration_id, AttendanceStatus.ABSENT)
        return _STATUS_RANK.get(status, len(_STATUS_RANK)), row.checked_in_at or _NEVER

    def _invitation_key(self, row: ParticipantRow) -> dt.datetime:
        """Sent ones by when, then those not sent."""
        delivery = self._invitations.get(row.registration_id)
        return delivery.sent_at if delivery else _NEVER

    def invitation_sent(self, row: ParticipantRow) -> bool:
        return row.registration_id in self._invitations

    def _display_order(self, matches: list[int]) -> list[int]:
        if self._order is None:
            return matches
        if len(matches) == len(self._rows):
            return self._order  # never mutated, so shared
        if len(matches) * _SORT_FEW_BELOW < len(self._rows):
            return sorted(matches, key=self._rank.__getitem__)
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
            return QCoreApplication.translate("ParticipantsModel", HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY:
            return self._display(index.row(), index.column())
        if role == _ALIGNMENT:
            column = index.column()
            if column == COL_NO:
                return _ALIGN_NUMBER
            return _ALIGN_CENTER if column in _CENTERED else None
        if role == _TOOLTIP:
            return self._tooltip(index.row(), index.column())
        if role == _FOREGROUND and index.column() == COL_PRESENT and self._statuses:
            return _STATUS_BRUSHES.get(self._statuses.get(self._rows[self._visible[index.row()]].registration_id))
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
            return TYPE_SHORT.get(row.employment_type, row.employment_type)
        if column == COL_GOL:
            return row.golongan
        if column == COL_JABATAN:
            return row.jabatan
        if column == COL_UNIT:
            return row.unit_kerja
        if column == COL_MODE:
            return self._mode_short.get(row.mode, row.mode)
        if column == COL_INVITATION:
            return self._sent_text if row.registration_id in self._invitations else ""
        status = self.status_of(row)
        if status is None or status == AttendanceStatus.PRESENT:
            return present_text(row)
        return self._status_short.get(status, "")

    def _tooltip(self, view_row: int, column: int) -> str | None:
        row = self._rows[self._visible[view_row]]
        if column == COL_TYPE:
            label = EMPLOYMENT_LABELS.get(row.employment_type)
            return core_label(label) if label else None
        if column in (COL_JABATAN, COL_UNIT, COL_NAME):
            text = self._display(view_row, column)
            return str(text) if text else None
        if column == COL_INVITATION:
            delivery = self._invitations.get(row.registration_id)
            if delivery is None:
                return self.tr("Undangan belum dikirim")
            return self.tr("Undangan terkirim {0}, pukul {1} ({2})").format(
                long_date(delivery.sent_at.date()),
                clock_time(delivery.sent_at.time()),
                self._sent_how.get(delivery.how, ""),
            )
        if column != COL_PRESENT:
            return None
        status = self.status_of(row)
        if status in (None, AttendanceStatus.PRESENT, AttendanceStatus.ONLINE) and row.checked_in_at:
            what = self.tr("Hadir daring") if status == AttendanceStatus.ONLINE else self.tr("Hadir")
            return self.tr("{0} {1}, pukul {2}").format(what, long_date(row.checked_in_at.date()), present_text(row))
        if status in tuple(AbsenceReason):
            note = self._notes.get(row.registration_id)
            label = core_label(STATUS_LABELS[status])
            return f"{label}: {note}" if note else label
        if status == AttendanceStatus.CANCELLED:
            return self.tr("Pendaftaran dibatalkan")
        return None
