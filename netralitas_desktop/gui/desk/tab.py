"""The "Meja Registrasi" tab: scan or type a code, see green / amber / red at once.

The tab owns the desk's ``DeskSession`` (event, desk, operator, banner, recent check-ins,
counters, signature queue) and shows it through a ``DeskView``; the kiosk (F5) and the
signature window for a second screen are more views on the same session. ``check_in`` takes a
few milliseconds, so it runs on the GUI thread; the counters query and the search (slower on
large events) run off it, through the window's live-refresh helper (``gui/common/live.py``).
A scanner burst typed anywhere in the window reaches ``take_scan`` (``scan_router``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.audit import Actor
from ...core.checkin import CheckinResult, search_registrations
from ...core.pledges import returns
from ..common.jobs import FunctionJob, JobHandle, busy_within, run_job
from ..common.runtime_guards import settle_heap
from ..common.tabs import EventTabBase
from .dialogs import DeskIdentityDialog
from .session import DeskSession
from .signature_window import SignatureWindow
from .view import DeskView


class DeskTab(QWidget, EventTabBase):
    def __init__(
        self,
        event_id: int,
        actor: Callable[[], Actor],
        parent: QWidget | None = None,
        *,
        units: Callable[[], list[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.event_id = event_id
        self._actor = actor
        self._units = units or list  # unit names offered in the walk-in form
        self.session = DeskSession(event_id, actor, self)
        self.kiosk = None
        self.signature_window: SignatureWindow | None = None
        self.camera_panel = None
        self._warm_up: JobHandle | None = None
        self._build()
        self.session.undone.connect(self._undone)
        self.session.status_loaded.connect(self._first_status)
        self._settle_timer = QTimer(self)
        self._settle_timer.setInterval(500)
        self._settle_timer.timeout.connect(self._settle_when_idle)
        self.update_identity()

    # The session's signals, for the page and older callers -----------------------------------
    @property
    def checked_in(self):
        return self.session.attendance_changed

    @property
    def form_received(self):
        return self.session.form_received

    @property
    def last_result(self) -> CheckinResult | None:
        return self.session.last_result

    @property
    def refresher(self):
        return self.session.refresher

    # Layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.identity_label = QLabel()
        self.identity_button = QPushButton(self.tr("Ubah…"))
        self.identity_button.clicked.connect(self.edit_identity)
        self.pad_window_button = QPushButton(self.tr("Layar tanda tangan…"))
        self.pad_window_button.setToolTip(self.tr("Kotak tanda tangan di layar kedua atau tablet, mengikuti antrean"))
        self.pad_window_button.clicked.connect(self.open_signature_window)
        self.kiosk_button = QPushButton(self.tr("Layar penuh (F5)"))
        self.kiosk_button.clicked.connect(self.open_kiosk)
        top = QHBoxLayout()
        top.addWidget(self.identity_label)
        top.addWidget(self.identity_button)
        top.addStretch(1)
        top.addWidget(self.pad_window_button)
        top.addWidget(self.kiosk_button)
        self.view = DeskView(self.session, units=lambda: self._units())
        self.view.signature_panel.claim()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        for widget in (self.identity_button, self.pad_window_button, self.kiosk_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The widgets tests and the page reach by their old names.
        view = self.view
        self.scanner, self.banner, self.counters_view = view.scanner, view.banner, view.counters
        self.recent_view, self.undo_button, self.sign_button = view.recent_view, view.undo_button, view.sign_button
        self.search = view.search
        self.search_edit, self.search_table, self.manual_button = (
            view.search.edit,
            view.search.table,
            view.search.button,
        )
        self.walk_in_button = view.walk_in_button
        self.session.setting_changed.connect(self._sync_pad_window_button)
        self._sync_pad_window_button()
        self._add_camera_panel()

    def _add_camera_panel(self) -> None:
        """The webcam scanner, when its module (and Qt's multimedia) is available: optional."""
        try:
            from .camera_panel import CameraPanel

            panel = CameraPanel(self)
        except Exception:  # no camera module or no QtMultimedia: the USB scanner and keyboard still work
            return
        box = QGroupBox(self.tr("Kamera (pindai QR dengan webcam)"))
        box.setCheckable(True)
        box.setChecked(False)
        box.setFlat(True)  # a single line until opened
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(panel)
        panel.setVisible(False)
        box.toggled.connect(panel.setVisible)
        panel.code_detected.connect(self.session.submit_code)
        self.camera_panel = panel
        self.view.right.addWidget(box)

    def _sync_pad_window_button(self) -> None:
        self.pad_window_button.setVisible(self.session.signature_required)

    @property
    def in_kiosk(self) -> bool:
        """The kiosk (F5) is open: it shows every result, whatever tab is behind it."""
        return self.kiosk is not None

    # Check-in paths (all through the session) ------------------------------------------------
    def submit_code(self, text: str) -> CheckinResult | returns.ReturnResult | None:
        """Check in whatever a scanner, camera or keyboard produced (an ``NTM1`` form is received)."""
        return self.session.submit_code(text)

    def take_scan(self, text: str) -> None:
        """A scanner burst caught elsewhere in the window (``scan_router``)."""
        self.session.submit_code(text)

    def check_in_person(self, registration_id: int) -> CheckinResult:
        result = self.session.check_in_person(registration_id)
        self.search.search_later()
        return result

    def open_walk_in(self):
        return (self.kiosk.view if self.kiosk is not None else self.view).open_walk_in()

    def undo_selected(self) -> bool:
        return self.view.undo_selected()

    def undo(self, registration_id: int, reason: str, name: str = "") -> bool:
        return self.view.undo(registration_id, reason, name)

    def _first_status(self, _status) -> None:
        self.session.status_loaded.disconnect(self._first_status)
        self._settle_timer.start()

    def _settle_when_idle(self) -> None:
        """Once the window has loaded what it keeps (the roster, the search index), take the heap
        out of Python's full collections: they would stop the desk for a moment now and then."""
        if not busy_within(self.window()):
            self._settle_timer.stop()
            settle_heap()

    def _undone(self, _registration_id: int) -> None:
        if self.camera_panel is not None:
            self.camera_panel.reset_dedupe()  # the same card may be shown again at once

    # Focus and visibility --------------------------------------------------------------------
    def focus_scanner(self) -> None:
        (self.kiosk.view if self.kiosk is not None and self.kiosk.isVisible() else self.view).focus_scanner()

    def focus_search(self) -> None:
        self.view.focus_search()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._warm_up is None:  # build the search index off the GUI thread (seconds at 100,000)
            self._warm_up = run_job(
                FunctionJob(search_registrations, self.event_id, "", 1), on_error=lambda _err: None, owner=self
            )
        self.session.sync_event()  # the event may have been edited meanwhile
        QTimer.singleShot(0, self, self.focus_scanner)

    def sync_event(self) -> None:
        """The event was edited: it may now ask for signatures, or no longer."""
        self.session.sync_event()

    # Identity, kiosk, signature window -------------------------------------------------------
    def update_identity(self) -> None:
        actor = self._actor()
        self.identity_label.setText(
            self.tr("Meja: <b>{0}</b> · Petugas: <b>{1}</b>").format(actor.desk or "–", actor.operator or "–")
        )

    def edit_identity(self) -> None:
        dialog = DeskIdentityDialog(self._actor(), self.window())
        if dialog.exec():
            self.update_identity()
        dialog.deleteLater()
        self.focus_scanner()

    def open_kiosk(self) -> None:
        from .kiosk import KioskWindow

        if self.kiosk is not None:
            self.kiosk.raise_()
            self.kiosk.activateWindow()
            return
        self.kiosk = KioskWindow(self.session, units=lambda: self._units(), parent=self)
        self.kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kiosk.closed.connect(self._kiosk_closed)
        self.kiosk.setGeometry(self.screen().geometry())  # covers the screen even where full screen is ignored
        self.kiosk.showFullScreen()
        self.kiosk.activateWindow()

    def _kiosk_closed(self) -> None:
        self.kiosk = None
        self.focus_scanner()

    def open_signature_window(self) -> SignatureWindow:
        if self.signature_window is None:
            self.signature_window = SignatureWindow(self.session, parent=self)
            self.signature_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.signature_window.closed.connect(self._signature_window_closed)
            self.signature_window.show_on_second_screen()
        else:
            self.signature_window.raise_()
        return self.signature_window

    def _signature_window_closed(self) -> None:
        self.signature_window = None
        self.focus_scanner()

    def shutdown(self) -> None:
        """Stop polling and close the kiosk and signature window (the event page is closing)."""
        super().shutdown()
        for window in (self.kiosk, self.signature_window):
            if window is not None:
                window.close()
