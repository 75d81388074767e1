"""One event: a header (title, day and date, time, venue) over tabs, Peserta first.

Then the check-in desk ("Meja Registrasi"), the live summary ("Ringkasan"), documents,
ikrar mandiri, certificates and reports — in the order the committee uses them on the day.
Each tab is a thin widget over its core service; the page only wires their signals, and
asks every tab through one declared interface (``common.tabs.EventTab``: ``busy``,
``refresh()``, ``shutdown()``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ..core.audit import Actor
from ..core.demo import is_example
from ..core.events import KIND_LABELS, EventData, get_event
from .certificates.tab import CertificatesTab
from .common.core_labels import core_label
from .common.dates import clock_time, day_and_date
from .common.tabs import EventTab
from .dashboard.tab import DashboardTab
from .desk.tab import DeskTab
from .documents.tab import DocumentsTab
from .ikrar_mandiri.tab import IkrarMandiriTab
from .participants.tab import ParticipantsTab
from .reports.tab import ReportsTab

if TYPE_CHECKING:
    from .invitations.dialog import InvitationsDialog
    from .participants.import_wizard import ImportWizard


class EventPage(QWidget):
    back_requested = Signal()
    changed = Signal()  # participants were added, edited, removed or imported

    def __init__(self, event_id: int, actor: Callable[[], Actor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self.event_data: EventData | None = None
        self.import_wizard: ImportWizard | None = None

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
        self.example_label = QLabel(
            self.tr(
                "Kegiatan contoh: semua pesertanya fiktif. Silakan mencoba meja registrasi, dokumen dan "
                "sertifikat; hapus kegiatan ini (Kegiatan ▸ Hapus…) sebelum memakai data sungguhan."
            )
        )
        self.example_label.setWordWrap(True)
        self.example_label.setStyleSheet("background: #fff4ce; color: #4a3b00; padding: 4px 8px;")
        self.example_label.hide()

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
        self.participants.invitations_requested.connect(self.open_invitations)
        self.invitations_dialog: InvitationsDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.participants, self.tr("Peserta"))
        self.desk = DeskTab(event_id, actor, self, units=lambda: self.participants.model.units())
        self.tabs.addTab(self.desk, self.tr("Meja Registrasi"))
        self._roster_stale = False  # check-ins at the desk change the Peserta tab's times
        self.desk.checked_in.connect(self._mark_roster_stale)
        self.dashboard = DashboardTab(event_id, actor, self)
        self.tabs.addTab(self.dashboard, self.tr("Ringkasan"))
        self.dashboard.attendance_changed.connect(self._mark_roster_stale)
        self.documents = DocumentsTab(event_id, actor, self)
        self.tabs.addTab(self.documents, self.tr("Dokumen"))
        self.ikrar_mandiri = IkrarMandiriTab(event_id, actor, self)
        self.tabs.addTab(self.ikrar_mandiri, self.tr("Ikrar Mandiri"))
        self.certificates = CertificatesTab(event_id, actor, self)
        self.tabs.addTab(self.certificates, self.tr("Sertifikat"))
        self.reports = ReportsTab(event_id, actor, self)
        self.tabs.addTab(self.reports, self.tr("Laporan"))
        # An absence or an edit changes what every other tab shows (the Peserta tab has reloaded itself).
        self.participants.changed.connect(lambda: self.refresh_tabs(besides=self.participants))
        self.ikrar_mandiri.changed.connect(self.dashboard.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.example_label)
        layout.addWidget(self.tabs, 1)
        self.refresh_header()

    def refresh_header(self) -> None:
        self.event_data = get_event(self.event_id)
        event = self.event_data
        self.title_label.setText(event.title)
        parts = [day_and_date(event.date)] if event.date else []
        if event.start_time:
            times = clock_time(event.start_time) + (f"–{clock_time(event.end_time)}" if event.end_time else "")
            times += f" {event.time_zone}"
            parts.append(self.tr("pukul {0}").format(times))
        if event.venue:
            parts.append(event.venue)
        parts.append(core_label(KIND_LABELS.get(event.kind, event.kind)))
        self.details_label.setText(" · ".join(parts))
        self.example_label.setVisible(is_example(self.event_id))
        self.desk.sync_event()  # the event may now ask for signatures, or no longer

    def _mark_roster_stale(self) -> None:
        self._roster_stale = True

    def _tab_changed(self, _index: int) -> None:
        if self._roster_stale and self.tabs.currentWidget() is self.participants:
            self._roster_stale = False
            self.participants.refresh()

    @property
    def event_tabs(self) -> list[EventTab]:
        return [
            self.participants,
            self.desk,
            self.dashboard,
            self.documents,
            self.ikrar_mandiri,
            self.certificates,
            self.reports,
        ]

    @property
    def busy(self) -> bool:
        """Some tab still runs background work (an export, a refresh)."""
        return any(tab.busy for tab in self.event_tabs)

    def refresh_tabs(self, besides: EventTab | None = None) -> None:
        """The event's people or check-ins changed (here or in a dialog): every tab reloads what it shows."""
        for tab in self.event_tabs:
            if tab is not besides:
                tab.refresh()

    def shutdown(self) -> None:
        """Stop every tab's polling and kiosk windows: the page is closing."""
        for tab in self.event_tabs:
            tab.shutdown()

    def route_scan(self, code: str) -> bool:
        """A scanner burst caught anywhere in the window (``desk.scan_router``): the Ikrar Mandiri
        tab takes it while it is showing, otherwise the desk, which comes to the front to show
        the result (unless its kiosk shows it already)."""
        if self.tabs.currentWidget() is self.ikrar_mandiri and not self.desk.in_kiosk:
            self.ikrar_mandiri.submit_code(code)
            return True
        if not self.desk.in_kiosk:
            self.tabs.setCurrentWidget(self.desk)
        self.desk.take_scan(code)
        return True

    def open_desk(self, kiosk: bool = False) -> None:
        """Show the check-in desk, optionally full-screen."""
        self.tabs.setCurrentWidget(self.desk)
        if kiosk:
            self.desk.open_kiosk()

    def open_invitations(self, chosen: list[int] | None = None) -> InvitationsDialog:
        """The invitations window, with the people chosen in the Peserta tab (if any) as its choice."""
        from .invitations.dialog import InvitationsDialog  # ReportLab and Pillow load when first needed

        existing = self.invitations_dialog
        if existing is not None and existing.runner.busy:  # a run goes on: show it rather than a second window
            existing.raise_()
            return existing
        if existing is not None:
            existing.reject()
        dialog = InvitationsDialog(self.event_id, self._actor, chosen or [], parent=self.window())
        dialog.changed.connect(self.participants.refresh)
        dialog.finished.connect(lambda _result: self._invitations_closed(dialog))
        self.invitations_dialog = dialog
        dialog.open()
        return dialog

    def _invitations_closed(self, dialog: InvitationsDialog) -> None:
        if self.invitations_dialog is dialog:
            self.invitations_dialog = None
        dialog.deleteLater()

    def open_import(self) -> None:
        """Show the import wizard; the table reloads when it finishes."""
        if self.import_wizard is not None and self.import_wizard.isVisible():
            self.import_wizard.raise_()
            return
        from .participants.import_wizard import ImportWizard  # loads the file readers only when needed

        wizard = ImportWizard(self.event_id, actor=self._actor(), parent=self.window())
        wizard.finished.connect(self._import_finished)
        self.import_wizard = wizard
        wizard.open()

    def _import_finished(self, _result: int) -> None:
        wizard, self.import_wizard = self.import_wizard, None
        if wizard is not None and wizard.imported:
            self.refresh_tabs()
            self.changed.emit()
        if wizard is not None:
            wizard.deleteLater()
