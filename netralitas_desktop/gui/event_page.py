"""One event: a header (title, day and date, time, venue) over tabs, Peserta first.

The check-in desk ("Meja Registrasi") follows. Tabs for later features (ikrar, certificates,
reports) are added only once they work, so the committee never meets an empty tab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..core.audit import Actor
from ..core.dates import hari_tanggal, jam
from ..core.events import KIND_LABELS, EventData, get_event
from .desk_tab import DeskTab
from .participants_tab import ParticipantsTab

if TYPE_CHECKING:
    from .import_wizard import ImportWizard


class EventPage(QWidget):
    back_requested = Signal()
    changed = Signal()  # participants were added, edited, removed or imported

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.event_data: EventData | None = None
        self.import_wizard: "ImportWizard | None" = None

        self.back_button = QPushButton(self.tr("← Semua kegiatan"))
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)

        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title_label)
        header.addWidget(self.details_label)
        top = QHBoxLayout()
        top.addLayout(header, 1)
        top.addWidget(self.back_button)

        self.participants = ParticipantsTab(event_id, actor, self)
        self.participants.changed.connect(self.changed)
        self.participants.import_requested.connect(self.open_import)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.participants, self.tr("Peserta"))
        self.desk = DeskTab(event_id, actor, self, units=lambda: self.participants.model.units())
        self.tabs.addTab(self.desk, self.tr("Meja Registrasi"))
        self._roster_stale = False  # check-ins at the desk change the Peserta tab's times
        self.desk.checked_in.connect(self._mark_roster_stale)
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.refresh_header()

    def refresh_header(self) -> None:
        self.event_data = get_event(self.event_id)
        event = self.event_data
        self.title_label.setText(event.title)
        parts = [hari_tanggal(event.date)] if event.date else []
        if event.start_time:
            times = jam(event.start_time) + (f"–{jam(event.end_time)}" if event.end_time else "")
            parts.append(self.tr("pukul {0}").format(times))
        if event.venue:
            parts.append(event.venue)
        parts.append(self.tr(KIND_LABELS.get(event.kind, event.kind)))
        self.details_label.setText(" · ".join(parts))
        self.desk.signatures.sync()  # the event may now ask for signatures, or no longer

    def _mark_roster_stale(self) -> None:
        self._roster_stale = True

    def _tab_changed(self, _index: int) -> None:
        if self._roster_stale and self.tabs.currentWidget() is self.participants:
            self._roster_stale = False
            self.participants.reload()

    def open_desk(self, kiosk: bool = False) -> None:
        """Show the check-in desk, optionally full-screen."""
        self.tabs.setCurrentWidget(self.desk)
        if kiosk:
            self.desk.open_kiosk()

    def open_import(self) -> None:
        """Show the import wizard; the table reloads when it finishes."""
        if self.import_wizard is not None and self.import_wizard.isVisible():
            self.import_wizard.raise_()
            return
        from .import_wizard import ImportWizard  # loads the file readers only when needed

        wizard = ImportWizard(self.event_id, actor=self._actor(), parent=self.window())
        wizard.finished.connect(self._import_finished)
        self.import_wizard = wizard
        wizard.open()

    def _import_finished(self, _result: int) -> None:
        wizard, self.import_wizard = self.import_wizard, None
        if wizard is not None and wizard.imported:
            self.participants.reload()
            self.changed.emit()
        if wizard is not None:
            wizard.deleteLater()
