"""The "Meja Registrasi" tab: scan or type a code, see green / amber / red at once.

Every path that checks someone in (scanner, camera, search list, walk-in form, kiosk)
ends in ``_show`` so the banner, sound, recent list and counters behave alike, and
the scanner input gets the focus back after each action: a USB scanner just types.
``check_in`` takes a few milliseconds, so it runs on the GUI thread; the counters
query and the search (slower on large events) run off it, through the window's live-refresh
helper (``gui/common/live.py``, see ``counters`` and ``common/registration_search``).
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import PeeweeException
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.audit import Actor
from ...core.checkin import (
    CHECKED_IN,
    REJECTED,
    CheckinResult,
    DeskStatus,
    check_in,
    check_in_registration,
    desk_status,
    search_registrations,
    undo_check_in,
)
from ...core.errors import USER_FACING
from ...core.events import ValidationError
from ...core.pledges import returns
from ..common.core_labels import core_label
from ..common.dates import jam
from ..common.errors import show_error
from ..common.jobs import FunctionJob, JobHandle, run_job
from ..common.live import LiveRefresh
from ..common.registration_search import ManualSearch, fill_quickly, selected_id
from ..common.result_banner import ResultBanner
from ..common.return_banner import DESK_STATUS, show_return
from ..common.sounds import DeskSounds
from ..common.tabs import EventTabBase
from ..common.widgets import read_only_table
from .counters import POLL_MS, RECENT_LIMIT, CountersView
from .dialogs import DeskIdentityDialog, WalkInDialog
from .signature import MISSING_MARK, SIGNED_MARK, DeskSignatures

# Shown through core_label: each text is marked for translation in gui/core_labels.py.
METHOD_LABELS = {
    "qr": "QR",
    "nip": "NIP",
    "nik": "NIK",
    "manual": "Manual",
    "walk_in": "Tanpa undangan",
    "online": "Daring",
}


class DeskTab(QWidget, EventTabBase):
    result_shown = Signal(object)  # CheckinResult
    counters_loaded = Signal(object)  # Counters
    checked_in = Signal()  # attendance changed (for other tabs)
    form_received = Signal(object)  # returns.ReturnResult of an ikrar mandiri form scanned here

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
        self.last_result: CheckinResult | None = None
        self.kiosk = None
        self.camera_panel = None
        self._warm_up: JobHandle | None = None
        self._recent_shown: tuple = ([], [])
        self.sounds = DeskSounds(self)
        # Other desks' check-ins (see counters.py); the kiosk shows them while this tab is hidden.
        self.refresher = LiveRefresh(
            self, lambda: desk_status(event_id, RECENT_LIMIT), interval_ms=POLL_MS, keep_polling=self._kiosk_open
        )
        self.refresher.loaded.connect(self._loaded)
        self.refresher.failed.connect(self._refresh_failed)
        self._build()
        QShortcut(QKeySequence("F2"), self, self.focus_search, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.update_identity()

    # Layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.identity_label = QLabel()
        self.identity_button = QPushButton(self.tr("Ubah…"))
        self.identity_button.clicked.connect(self.edit_identity)
        self.walk_in_button = QPushButton(self.tr("Peserta tanpa undangan…"))
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.kiosk_button = QPushButton(self.tr("Layar penuh (F5)"))
        self.kiosk_button.clicked.connect(self.open_kiosk)
        top = QHBoxLayout()
        top.addWidget(self.identity_label)
        top.addWidget(self.identity_button)
        top.addStretch(1)
        top.addWidget(self.walk_in_button)
        top.addWidget(self.kiosk_button)

        self.scanner = QLineEdit()
        self.scanner.setPlaceholderText(self.tr("Pindai QR undangan atau ketik NIP/NIK, lalu Enter"))
        font = self.scanner.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.scanner.setFont(font)
        self.scanner.returnPressed.connect(self._scanner_entered)
        self.banner = ResultBanner()

        self.recent_table = read_only_table(
            [self.tr("Jam"), self.tr("Nama"), self.tr("Cara"), self.tr("Meja"), self.tr("Unit kerja"), self.tr("TTD")]
        )
        self.recent_table.itemSelectionChanged.connect(self._update_buttons)
        self.undo_button = QPushButton(self.tr("Batalkan check-in…"))
        self.undo_button.clicked.connect(self.undo_selected)
        recent_box = QGroupBox(self.tr("Check-in terakhir"))
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.addWidget(self.recent_table)
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        self.signatures = DeskSignatures(self, self._actor)  # asks for signatures when the event wants them
        self.sign_button = self.signatures.button
        undo_row.addWidget(self.sign_button)
        undo_row.addWidget(self.undo_button)
        recent_layout.addLayout(undo_row)

        left = QVBoxLayout()
        left.addWidget(self.scanner)
        left.addWidget(self.banner)
        left.addWidget(recent_box, 1)

        self.counters_view = CountersView()
        counters_box = QGroupBox(self.tr("Kehadiran"))
        QVBoxLayout(counters_box).addWidget(self.counters_view)

        self.right = QVBoxLayout()
        self.right.addWidget(counters_box)
        self.search = ManualSearch(self.event_id)
        self.search.code_entered.connect(self.submit_code)
        self.search.check_in_requested.connect(self.check_in_person)
        self.search.leave_requested.connect(self.focus_scanner)
        self.search_edit, self.search_table = self.search.edit, self.search.table
        self.manual_button = self.search.button
        self.right.addWidget(self.search, 1)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(self.right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        # Only the scanner and the search box take the keyboard: a click on a list or button
        # must not leave the next scan typing into it.
        for widget in (
            self.recent_table,
            self.undo_button,
            self.sign_button,
            self.identity_button,
            self.walk_in_button,
            self.kiosk_button,
        ):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._update_buttons()
        self.signatures.sync()
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
        panel.code_detected.connect(self.submit_code)
        self.camera_panel = panel
        self.right.addWidget(box)

    # Focus and visibility ------------------------------------------------------------------
    def focus_scanner(self) -> None:
        """Give the scanner input the keyboard, now and again once a closing dialog has let go."""
        self._refocus()
        QTimer.singleShot(0, self._refocus)

    def _refocus(self) -> None:
        target = self.kiosk.scanner if self.kiosk is not None and self.kiosk.isVisible() else self.scanner
        if not target.isVisible():
            return
        if QApplication.activeModalWidget() is None and not target.window().isActiveWindow():
            target.window().activateWindow()
        target.setFocus()

    def focus_search(self) -> None:
        self.search.focus()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._warm_up is None:  # build the search index off the GUI thread (seconds at 100,000)
            self._warm_up = run_job(
                FunctionJob(search_registrations, self.event_id, "", 1), on_error=lambda _err: None, owner=self
            )
        self.signatures.sync()  # the event may have been edited meanwhile
        QTimer.singleShot(0, self.focus_scanner)

    # Check-in paths ----------------------------------------------------------------------
    def _scanner_entered(self) -> None:
        text = self.scanner.text()
        self.scanner.clear()
        self.submit_code(text)

    def submit_code(self, text: str) -> CheckinResult | None:
        """Check in whatever a scanner, camera or keyboard produced.

        A returned ikrar mandiri form (``NTM1`` code) is received instead, never checked in.
        """
        if not text.strip():
            self.focus_scanner()
            return None
        if returns.is_mandiri_code(text):
            self.receive_form(text)
            return None
        return self._show(self._guarded(check_in, self.event_id, text, actor=self._actor()))

    def _guarded(self, call: Callable[..., CheckinResult], *args, **kwargs) -> CheckinResult:
        """A database that fails mid-event (disk, network to PostgreSQL) is a red banner, not a crash."""
        try:
            return call(*args, **kwargs)
        except PeeweeException as err:
            reason = self.tr(
                "Basis data tidak dapat dipakai saat ini ({0}). Kehadiran belum tercatat; "
                "periksa koneksi lalu pindai lagi."
            ).format(err)
            return CheckinResult(REJECTED, reason)

    def receive_form(self, text: str) -> returns.ReturnResult:
        """A signed ikrar mandiri form handed in at the desk: mark it returned."""
        try:
            result = returns.receive_by_code(self.event_id, text, self._actor())
        except PeeweeException as err:
            result = returns.ReturnResult(
                returns.REJECTED,
                self.tr(
                    "Basis data tidak dapat dipakai saat ini ({0}). Formulir belum tercatat; "
                    "periksa koneksi lalu pindai lagi."
                ).format(err),
            )
        show_return(self.banner, result)
        self.sounds.play(DESK_STATUS.get(result.status, REJECTED))
        self.form_received.emit(result)
        self.focus_scanner()
        return result

    def check_in_selected(self) -> None:
        self.search.request_selected()

    def check_in_person(self, registration_id: int) -> CheckinResult:
        """A person picked from the search list."""
        result = self._show(self._guarded(check_in_registration, registration_id, actor=self._actor(), method="manual"))
        self.search.search_later()  # the row now says "Hadir"
        return result

    def open_walk_in(self) -> CheckinResult | None:
        dialog = WalkInDialog(self.event_id, actor=self._actor(), units=self._units(), parent=self.window())
        self.walk_in_dialog = dialog
        accepted = dialog.exec()
        self.walk_in_dialog = None
        result = dialog.checkin_result if accepted else None
        dialog.deleteLater()
        if result is not None:
            return self._show(result)
        self.focus_scanner()
        return None

    def _show(self, result: CheckinResult) -> CheckinResult:
        self.last_result = result
        self.banner.show_result(result)
        self.sounds.play(result.status)
        self.result_shown.emit(result)
        if result.status == CHECKED_IN:
            self.refresher.refresh()
            self.checked_in.emit()
        if not self.signatures.after_result(result):  # the signature pad, when opened, has the keyboard
            self.focus_scanner()
        return result

    # Undo --------------------------------------------------------------------------------
    def undo_selected(self) -> bool:
        registration_id = selected_id(self.recent_table)
        if registration_id is None:
            self.focus_scanner()
            return False
        name = self.recent_table.item(self.recent_table.currentRow(), 1).text()
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Batalkan check-in"),
            self.tr("Alasan membatalkan kehadiran {0} (wajib, tercatat di log):").format(name),
        )
        done = False
        if ok:
            done = self.undo(registration_id, reason, name)
        self.focus_scanner()
        return done

    def undo(self, registration_id: int, reason: str, name: str = "") -> bool:
        try:
            undo_check_in(registration_id, reason=reason, actor=self._actor())
        except ValidationError as err:
            show_error(self, self.tr("Alasan wajib diisi"), "\n".join(err.errors.values()))
            return False
        except USER_FACING as err:
            show_error(self, self.tr("Tidak dapat dibatalkan"), err)
            self.refresher.refresh()
            return False
        self.last_result = None
        if self.camera_panel is not None:
            self.camera_panel.reset_dedupe()  # the same card may be shown again at once
        self.banner.show_idle(self.tr("Check-in {0} dibatalkan; ia dapat check-in lagi.").format(name))
        self.refresher.refresh()
        self.checked_in.emit()
        return True

    # Refresh -----------------------------------------------------------------------------
    def _loaded(self, status: DeskStatus) -> None:
        value, recent = status.counters, status.recent
        self.counters_view.show_counters(value)
        self.counters_loaded.emit(value)
        rows = [
            (
                jam(item.checked_in_at.time()),
                item.full_name,
                core_label(METHOD_LABELS.get(item.method, item.method)),
                " · ".join(part for part in (item.desk, item.operator) if part),
                item.unit_kerja,
                SIGNED_MARK if item.signed else MISSING_MARK,
            )
            for item in recent
        ]
        ids = [item.registration_id for item in recent]
        if (rows, ids) == self._recent_shown:  # most timer ticks: nothing new, leave the table alone
            return
        self._recent_shown = (rows, ids)
        selected = selected_id(self.recent_table)
        fill_quickly(self.recent_table, rows, ids)
        if selected in ids:
            self.recent_table.selectRow(ids.index(selected))
        self._update_buttons()

    def _refresh_failed(self, message: str) -> None:
        self.counters_view.modes_label.setText(self.tr("Penghitung belum dapat diperbarui: {0}").format(message))

    def _update_buttons(self) -> None:
        selected = selected_id(self.recent_table) is not None
        self.undo_button.setEnabled(selected)
        self.sign_button.setEnabled(selected)

    # Identity and kiosk ------------------------------------------------------------------
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
        self.kiosk = KioskWindow(self, self._event_title())
        self.kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kiosk.closed.connect(self._kiosk_closed)
        self.refresher.start()  # keeps polling while the kiosk covers this tab
        self.kiosk.setGeometry(self.screen().geometry())  # covers the screen even where full screen is ignored
        self.kiosk.showFullScreen()
        self.kiosk.activateWindow()

    def _event_title(self) -> str:
        page = self.parent()
        while page is not None and getattr(page, "event_data", None) is None:
            page = page.parent()
        return page.event_data.title if page is not None else ""

    def _kiosk_open(self) -> bool:
        return self.kiosk is not None

    def _kiosk_closed(self) -> None:
        self.kiosk = None  # the next poll stops polling if this tab is hidden too
        self.focus_scanner()

    def shutdown(self) -> None:
        """Stop polling and close the kiosk (the event page is closing)."""
        super().shutdown()
        if self.kiosk is not None:
            self.kiosk.close()
