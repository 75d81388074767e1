"""The list of events with their counts, and the buttons to create, edit, delete and open one.

A database without events shows the welcome page instead (``welcome.WelcomePage``)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.events import KIND_LABELS, EventSummary, NotFoundError, delete_event, list_events
from ..common.core_labels import core_label
from ..common.dates import day_and_date
from ..common.errors import show_error
from ..common.widgets import confirm, number
from .event_dialog import EventDialog
from .welcome import WelcomePage

HEADERS = (
    QT_TRANSLATE_NOOP("EventList", "Tanggal"),
    QT_TRANSLATE_NOOP("EventList", "Nama kegiatan"),
    QT_TRANSLATE_NOOP("EventList", "Jenis"),
    QT_TRANSLATE_NOOP("EventList", "Tempat"),
    QT_TRANSLATE_NOOP("EventList", "Peserta"),
    QT_TRANSLATE_NOOP("EventList", "Hadir"),
)
_NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class EventList(QWidget):
    """``open_requested(event_id)`` asks the window to show an event; ``changed`` follows any save.

    From the welcome page: ``import_requested(event_id)`` asks for the import wizard of an event
    just made for it, ``connect_requested`` for the server connection."""

    open_requested = Signal(int)
    import_requested = Signal(int)
    connect_requested = Signal()
    changed = Signal()

    def __init__(self, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actor = actor
        self.events: list[EventSummary] = []
        self.event_dialog: EventDialog | None = None
        self._build()
        self.refresh()

    def _build(self) -> None:
        heading = QLabel(self.tr("Kegiatan"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("EventList", text) for text in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.new_button = QPushButton(self.tr("Baru…"))
        self.new_button.clicked.connect(self.new_event)
        self.edit_button = QPushButton(self.tr("Ubah…"))
        self.edit_button.clicked.connect(lambda: self.edit_event())
        self.delete_button = QPushButton(self.tr("Hapus…"))
        self.delete_button.clicked.connect(lambda: self.delete_event())
        self.open_button = QPushButton(self.tr("Buka"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)

        listing = QWidget()
        layout = QVBoxLayout(listing)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.welcome = WelcomePage(self._actor)
        self.welcome.new_requested.connect(self.new_event)
        self.welcome.import_requested.connect(lambda: self._open_dialog(None, then_import=True))
        self.welcome.connect_requested.connect(self.connect_requested)
        self.welcome.example_created.connect(self._example_created)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(listing)
        self.pages.addWidget(self.welcome)
        self.listing = listing

    def refresh(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_event_id()
        self.events = list_events()
        self.table.setRowCount(len(self.events))
        for row, event in enumerate(self.events):
            kind = core_label(KIND_LABELS.get(event.kind, event.kind))
            cells = (
                day_and_date(event.date),
                event.title,
                kind,
                event.venue,
                number(event.registered),
                number(event.present),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, event.id)
                if column >= 4:
                    item.setTextAlignment(_NUMBER_ALIGN)
                self.table.setItem(row, column, item)
            if event.id == select_id:
                self.table.selectRow(row)
        if self.events and not self.table.selectedItems():
            self.table.selectRow(0)
        self.pages.setCurrentWidget(self.listing if self.events else self.welcome)
        self._update_buttons()

    def selected_event_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _update_buttons(self) -> None:
        selected = self.selected_event_id() is not None
        for button in (self.edit_button, self.delete_button, self.open_button):
            button.setEnabled(selected)

    def open_selected(self) -> None:
        event_id = self.selected_event_id()
        if event_id is not None:
            self.open_requested.emit(event_id)

    # Create, edit, delete ----------------------------------------------------------------
    def new_event(self) -> None:
        self._open_dialog(None)

    def edit_event(self, event_id: int | None = None) -> None:
        event_id = event_id if event_id is not None else self.selected_event_id()
        if event_id is not None:
            self._open_dialog(event_id)

    def _open_dialog(self, event_id: int | None, *, then_import: bool = False) -> None:
        try:
            dialog = EventDialog(event_id, actor=self._actor(), parent=self.window())
        except NotFoundError as err:
            show_error(self, self.tr("Kegiatan tidak ditemukan"), err)
            self.refresh()
            return
        dialog.accepted.connect(lambda: self._saved(dialog.event_id))
        if then_import:
            dialog.accepted.connect(lambda: self.import_requested.emit(dialog.event_id))
        dialog.finished.connect(dialog.deleteLater)
        self.event_dialog = dialog
        dialog.open()

    def _example_created(self, event_id: int) -> None:
        self.refresh(select_id=event_id)
        self.changed.emit()
        self.open_requested.emit(event_id)

    def _saved(self, event_id: int | None) -> None:
        self.refresh(select_id=event_id)
        self.changed.emit()

    def delete_event(self, event_id: int | None = None) -> bool:
        """Delete after a confirmation that names the event and what goes with it."""
        event_id = event_id if event_id is not None else self.selected_event_id()
        event = next((e for e in self.events if e.id == event_id), None)
        if event is None:
            return False
        question = self.tr(
            'Hapus kegiatan "{0}" ({1})?\n\n{2} peserta terdaftar dan {3} data kehadiran ikut terhapus. '
            "Data pegawai tetap tersimpan untuk kegiatan lain. Tindakan ini tidak dapat dibatalkan."
        ).format(event.title, day_and_date(event.date), number(event.registered), number(event.present))
        if not confirm(self.window(), self.tr("Hapus kegiatan"), question, self.tr("Hapus kegiatan")):
            return False
        with contextlib.suppress(NotFoundError):  # deleted meanwhile at another desk
            delete_event(event.id, actor=self._actor())
        self.refresh()
        self.changed.emit()
        return True
