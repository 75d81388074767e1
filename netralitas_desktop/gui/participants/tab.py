"""The Peserta tab: the event's participants with a search box, add/edit/delete and import.

The "Hadir" column shows each person's status (time, Daring, Izin, Sakit, Dinas Luar,
Batal); "Tidak hadir…" (also in the right-click menu) records an absence reason. The
"Undangan" column shows whose invitation has gone out; "Undangan…" (and the right-click
menu) asks the event page for the invitations window, for everyone or the people selected,
and the menu marks or unmarks invitations as sent by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.events import NotFoundError
from ...core.invitation_delivery import Delivery, deliveries, mark_sent, unmark_sent
from ...core.participants import ParticipantRow, list_participants, remove_participant
from ...core.reports.absence import absence_notes
from ...core.reports.status import status_by_registration
from ..common.errors import show_error
from ..common.live import LiveRefresh
from ..common.participant_dialog import ParticipantDialog
from ..common.tabs import EventTabBase
from ..common.widgets import confirm, make_read_only_list, number
from .absence_dialog import AbsenceDialog
from .model import (
    COL_GOL,
    COL_JABATAN,
    COL_MODE,
    COL_NAME,
    COL_NIP,
    COL_NO,
    COL_PRESENT,
    COL_TYPE,
    COL_UNIT,
    ParticipantsModel,
)

_COLUMN_WIDTHS = {
    COL_NO: 56,
    COL_NAME: 250,
    COL_NIP: 170,
    COL_TYPE: 70,
    COL_GOL: 52,
    COL_JABATAN: 220,
    COL_MODE: 80,
    COL_PRESENT: 84,
}


Roster = tuple[list[ParticipantRow], dict[int, str], dict[int, str], dict[int, Delivery]]


def load_roster(event_id: int) -> Roster:
    """Participants, their statuses, absence notes and sent invitations, read together off the GUI thread."""
    return list_participants(event_id), status_by_registration(event_id), absence_notes(event_id), deliveries(event_id)


class ParticipantsTab(QWidget, EventTabBase):
    """Loads the list off the GUI thread; ``changed`` fires after anything was saved.

    The list is not polled (it is the whole roster; the event page reloads it when the desk
    or a dialog changed it): ``refresh()`` loads it again."""

    changed = Signal()
    import_requested = Signal()
    invitations_requested = Signal(list)  # registration ids chosen (empty: no choice)

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.roster = LiveRefresh(self, lambda: load_roster(event_id))
        self.participant_dialog: ParticipantDialog | None = None
        self.absence_dialog: AbsenceDialog | None = None
        self._note = ""
        self.model = ParticipantsModel(self)
        self._build()
        self.roster.loaded.connect(self._loaded)
        self.roster.failed.connect(
            lambda message: self.count_label.setText(self.tr("Daftar peserta tidak dapat dimuat: {0}").format(message))
        )
        self.refresh()

    def _build(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Cari nama, NIP, atau unit kerja…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.add_button = QPushButton(self.tr("Tambah…"))
        self.add_button.clicked.connect(self.add_participant)
        self.edit_button = QPushButton(self.tr("Ubah…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Hapus"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.absence_button = QPushButton(self.tr("Tidak hadir…"))
        self.absence_button.setToolTip(self.tr("Catat izin, sakit atau dinas luar untuk peserta terpilih"))
        self.absence_button.clicked.connect(self.mark_absence)
        self.import_button = QPushButton(self.tr("Impor…"))
        self.import_button.setToolTip(self.tr("Impor daftar peserta dari berkas CSV atau Excel"))
        self.import_button.clicked.connect(self.import_requested)
        self.invitations_button = QPushButton(self.tr("Undangan…"))
        self.invitations_button.setToolTip(
            self.tr(
                "Buat undangan ber-QR (kartu PDF atau gambar PNG) untuk semua, yang terpilih, atau yang belum dikirim"
            )
        )
        self.invitations_button.clicked.connect(self.request_invitations)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.absence_button,
            self.import_button,
            self.invitations_button,
        ):
            top.addWidget(button)

        self.table = QTableView()
        self.table.setModel(self.model)
        make_read_only_list(self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NO, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_row)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._update_buttons()

    # Loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Fetch the participants again (off the GUI thread; large events take a moment)."""
        self.count_label.setText(self.tr("Memuat peserta…"))
        super().refresh()

    def _loaded(self, loaded: Roster) -> None:
        self.model.set_rows(*loaded)
        self._update_count()

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._update_count()

    def _update_count(self) -> None:
        text = self.tr("Menampilkan {0} dari {1} peserta").format(
            number(self.model.visible_count()), number(self.model.total_count())
        )
        if self._note:  # what the last action did, said once after the reload it caused
            text, self._note = f"{text} · {self._note}", ""
        self.count_label.setText(text)

    # Selection and actions ---------------------------------------------------------------
    def selected_rows(self) -> list[ParticipantRow]:
        return [self.model.row_at(index.row()) for index in self.table.selectionModel().selectedRows()]

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(count == 1)
        self.delete_button.setEnabled(count >= 1)
        self.absence_button.setEnabled(count >= 1)

    def _show_menu(self, position: QPoint) -> None:
        """Right-click: the row under the mouse joins the selection, then the row actions."""
        index = self.table.indexAt(position)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.selectRow(index.row())
        if not self.selected_rows():
            return
        self.context_menu = QMenu(self)
        self.context_menu.addAction(self.tr("Tidak hadir (izin, sakit, dinas luar)…"), self.mark_absence)
        edit = self.context_menu.addAction(self.tr("Ubah…"), self.edit_selected)
        edit.setEnabled(len(self.selected_rows()) == 1)
        self.context_menu.addSeparator()
        count = len(self.selected_rows())
        self.context_menu.addAction(
            self.tr("Buat undangan untuk {0} peserta terpilih…").format(number(count)), self.request_invitations
        )
        self.context_menu.addAction(self.tr("Tandai undangan sudah dikirim"), lambda: self.mark_invitations(True))
        self.context_menu.addAction(self.tr("Tandai undangan belum dikirim"), lambda: self.mark_invitations(False))
        self.context_menu.addSeparator()
        self.context_menu.addAction(self.tr("Hapus dari kegiatan"), self.delete_selected)
        self.context_menu.popup(self.table.viewport().mapToGlobal(position))

    # Invitations ------------------------------------------------------------------------
    def request_invitations(self) -> None:
        """Ask for the invitations window with the selected people (if any) as its choice."""
        self.invitations_requested.emit([row.registration_id for row in self.selected_rows()])

    def mark_invitations(self, sent: bool) -> int:
        """Mark the selected people's invitations sent (or not sent) by hand; returns how many changed."""
        ids = [row.registration_id for row in self.selected_rows()]
        if not ids:
            return 0
        try:
            changed = (mark_sent if sent else unmark_sent)(self.event_id, ids, actor=self._actor())
        except NotFoundError as err:
            show_error(self, self.tr("Kegiatan tidak ditemukan"), err)
            return 0
        self.refresh()
        self._note = (
            self.tr("{0} undangan ditandai sudah dikirim.").format(number(changed))
            if sent
            else self.tr("Tanda terkirim dihapus dari {0} undangan.").format(number(changed))
        )
        return changed

    def mark_absence(self) -> None:
        """Open the absence dialog for the selected participants (it refuses those checked in)."""
        rows = self.selected_rows()
        if not rows:
            return
        dialog = AbsenceDialog([(row.registration_id, row.full_name) for row in rows], actor=self._actor(), parent=self)
        dialog.finished.connect(self._absence_finished)
        self.absence_dialog = dialog
        dialog.open()

    def _absence_finished(self, result: int) -> None:
        dialog, self.absence_dialog = self.absence_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result == AbsenceDialog.DialogCode.Accepted.value:
            self.refresh()
            self.changed.emit()

    def add_participant(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._open_dialog(rows[0].registration_id)

    def _open_row(self, index: QModelIndex) -> None:
        self._open_dialog(self.model.row_at(index.row()).registration_id)

    def _open_dialog(self, registration_id: int | None) -> None:
        try:
            dialog = ParticipantDialog(
                self.event_id,
                registration_id=registration_id,
                units=self.model.units(),
                actor=self._actor(),
                parent=self,
            )
        except NotFoundError as err:
            show_error(self, self.tr("Peserta tidak ditemukan"), err)
            self.refresh()
            return
        dialog.finished.connect(self._dialog_finished)
        self.participant_dialog = dialog
        dialog.open()

    def _dialog_finished(self, result: int) -> None:
        dialog, self.participant_dialog = self.participant_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result in (ParticipantDialog.DialogCode.Accepted.value, ParticipantDialog.DELETED):
            self.refresh()
            self.changed.emit()

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if len(rows) == 1:
            question = self.tr("Hapus {0} dari kegiatan ini? Data kehadirannya ikut terhapus.").format(
                rows[0].full_name
            )
        else:
            question = self.tr(
                "Hapus {0} peserta terpilih dari kegiatan ini? Data kehadiran mereka ikut terhapus."
            ).format(number(len(rows)))
        if not confirm(self, self.tr("Hapus peserta"), question, self.tr("Hapus")):
            return
        actor = self._actor()
        for row in rows:
            try:
                remove_participant(row.registration_id, actor=actor)
            except NotFoundError:
                continue  # removed meanwhile at another desk
        self.refresh()
        self.changed.emit()
