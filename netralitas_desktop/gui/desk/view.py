"""What a desk shows, bound to its ``DeskSession``: the tab and the kiosk each build one, at their scale.

Scan field, banner, signature pad and queue (when the event asks for signatures), the latest
check-ins with "Batalkan check-in…", the counters, the manual search (F2) and the walk-in form
(F3). Every action goes through the session, so the tab, the kiosk and the signature window
always agree. Only the scan field and the search box take the keyboard: a click on a list or a
button leaves the next keystrokes to the scan field (and a scanner burst reaches the desk
wherever the focus is, see ``scan_router``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.checkin import DeskStatus
from ...core.errors import USER_FACING
from ...core.events import ValidationError
from ...core.statuses import METHOD_LABELS, Method
from ..common.core_labels import core_label
from ..common.errors import show_error
from ..common.registration_search import ManualSearch
from ..common.result_banner import ResultBanner
from ..common.scan_input import ScanLineEdit
from ..common.widgets import shortcut
from .counters import CountersView
from .dialogs import WalkInDialog
from .recent_model import (
    COL_DESK,
    COL_METHOD,
    COL_NAME,
    COL_SIGNED,
    COL_TIME,
    COL_UNIT,
    MISSING_MARK,
    REGISTRATION_ROLE,
    SIGNED_MARK,
)
from .session import BannerState, DeskSession
from .signature import SignaturePanel


class DeskView(QWidget):
    def __init__(
        self,
        session: DeskSession,
        *,
        scale: float = 1.0,
        units: Callable[[], list[str]] = list,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._units = units
        self.walk_in_dialog: WalkInDialog | None = None
        self._build(scale)
        session.banner_changed.connect(self._show_banner)
        session.status_loaded.connect(self._show_status)  # bound methods: let go when this view closes
        session.refresh_failed.connect(self._show_refresh_failure)
        session.setting_changed.connect(self._sync_signatures)
        self._show_banner(session.banner)
        if session.status is not None:
            self.counters.show_counters(session.status.counters)
        self._sync_signatures()
        for key, slot in (("F2", self.focus_search), ("F3", self.open_walk_in)):
            shortcut(key, self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # Layout ----------------------------------------------------------------------------------
    def _build(self, scale: float) -> None:
        self.scanner = ScanLineEdit()
        self.scanner.setPlaceholderText(self.tr("Pindai QR undangan atau ketik NIP/NIK, lalu Enter"))
        font = self.scanner.font()
        font.setPointSizeF(font.pointSizeF() * 1.8 * scale)
        self.scanner.setFont(font)
        self.scanner.returnPressed.connect(self._scanner_entered)
        self.banner = ResultBanner(scale)
        self.signature_panel = SignaturePanel(self.session, scale=scale)

        self.recent_view = QTableView()
        self.recent_view.setModel(self.session.recent)
        self.recent_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent_view.setAlternatingRowColors(True)
        self.recent_view.setWordWrap(False)
        self.recent_view.verticalHeader().hide()
        header = self.recent_view.horizontalHeader()
        for column in (COL_NAME, COL_UNIT):  # the long texts share what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.moveSection(COL_SIGNED, COL_UNIT)  # "TTD" beside the name's columns, the long unit last
        # Time, method and "TTD" have texts of known widths; the desk column fits its texts once
        # a burst of changes is over (ResizeToContents does not follow rows inserted later, and
        # measuring every row on every change costs milliseconds a scan).
        metrics = self.recent_view.fontMetrics()
        padding = 4 * self.recent_view.style().pixelMetric(self.recent_view.style().PixelMetric.PM_HeaderMargin)
        for column, texts in (
            (COL_TIME, ["00.00"]),
            (COL_SIGNED, [SIGNED_MARK, MISSING_MARK]),
            # "Tanpa undangan" (rare) is elided rather than widening the column for every "QR".
            (
                COL_METHOD,
                [core_label(label.short) for method, label in METHOD_LABELS.items() if method != Method.WALK_IN],
            ),
        ):
            title = str(self.session.recent.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in [*texts, title]) + padding)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_recent_columns)
        model = self.session.recent
        for change in (model.rowsInserted, model.modelReset, model.dataChanged):
            change.connect(self._fit_timer.start)
        self.recent_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.undo_button = QPushButton(self.tr("Batalkan check-in…"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.sign_button = QPushButton(self.tr("Tanda tangan…"))
        self.sign_button.setToolTip(self.tr("Minta (atau ulangi) tanda tangan peserta yang dipilih"))
        self.sign_button.clicked.connect(self.sign_selected)
        self.walk_in_button = QPushButton(self.tr("Tanpa undangan… (F3)"))
        self.walk_in_button.setToolTip(self.tr("Daftarkan dan catat hadir peserta yang tidak diundang"))
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.recent_box = recent_box = QGroupBox()
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.addWidget(self.recent_view)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.undo_button)
        recent_layout.addLayout(buttons)

        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scanner, 1)
        scan_row.addWidget(self.walk_in_button)
        self.left = QVBoxLayout()
        self.left.addLayout(scan_row)
        self.left.addWidget(self.banner)
        self.left.addWidget(self.signature_panel, 1)

        self.counters = CountersView(scale)
        counters_box = QGroupBox(self.tr("Kehadiran"))
        QVBoxLayout(counters_box).addWidget(self.counters)
        self.search = ManualSearch(self.session.event_id)
        self.search.code_entered.connect(self.session.submit_code)
        self.search.check_in_requested.connect(self._check_in_person)
        self.search.leave_requested.connect(self.focus_scanner)
        self.side_tabs = QTabWidget()
        self.side_tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.right = QVBoxLayout()
        self.right.addWidget(counters_box)
        self.right.addWidget(self.side_tabs, 1)
        self._arranged: bool | None = None

        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(self.left, 3)
        columns.addLayout(self.right, 2)
        for widget in (self.recent_view, self.undo_button, self.sign_button, self.walk_in_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._update_buttons()

    def _fit_recent_columns(self) -> None:
        self.recent_view.resizeColumnToContents(COL_DESK)

    def _show_status(self, status: DeskStatus) -> None:
        self.counters.show_counters(status.counters)

    def _show_refresh_failure(self, message: str) -> None:
        self.counters.modes_label.setText(self.tr("Penghitung belum dapat diperbarui: {0}").format(message))

    def _show_banner(self, state: BannerState) -> None:
        self.banner.show_texts(state.status, *state.lines)

    def _sync_signatures(self) -> None:
        required = self.session.signature_required
        self._arrange(required)
        self.recent_view.setColumnHidden(COL_SIGNED, not required)
        self.sign_button.setVisible(required)

    def _arrange(self, signing: bool) -> None:
        """Where the pieces go. With signatures, the pad takes the room under the banner and the
        latest check-ins share the right column with the search (tabs); without, the list is there."""
        if signing == self._arranged:
            return
        self._arranged = signing
        self.signature_panel.setVisible(signing)
        while self.side_tabs.count():
            self.side_tabs.removeTab(0)
        recent_title = self.tr("Check-in terakhir (terbaru di atas)")
        search_title = self.tr("Check-in manual")
        if signing:
            self.recent_box.setTitle("")
            self.search.setTitle("")
            self.side_tabs.addTab(self.recent_box, recent_title)
            self.side_tabs.addTab(self.search, self.tr("Cari peserta (F2)"))
            self.side_tabs.show()
        else:
            self.side_tabs.hide()
            self.recent_box.setTitle(recent_title)
            self.search.setTitle(search_title)
            self.left.addWidget(self.recent_box, 1)
            self.right.addWidget(self.search, 1)
            self.recent_box.show()  # a page the tabs hid; in the tabs, they show only the current page
            self.search.show()

    # Focus -----------------------------------------------------------------------------------
    def focus_scanner(self) -> None:
        """Give the scan field the keyboard, now and again once a closing dialog has let go."""
        self._refocus()
        QTimer.singleShot(0, self, self._refocus)

    def _refocus(self) -> None:
        if not self.scanner.isVisible() or (self.walk_in_dialog is not None and self.walk_in_dialog.isVisible()):
            return
        window = self.scanner.window()
        if QApplication.activeModalWidget() is None and not window.isActiveWindow():
            window.activateWindow()
        self.scanner.setFocus()

    def focus_search(self) -> None:
        if self.side_tabs.indexOf(self.search) >= 0:
            self.side_tabs.setCurrentWidget(self.search)
        self.search.focus()

    # Actions ---------------------------------------------------------------------------------
    def _scanner_entered(self) -> None:
        text = self.scanner.text()
        self.scanner.clear()
        self.session.submit_code(text)

    def _check_in_person(self, registration_id: int) -> None:
        self.session.check_in_person(registration_id)
        self.search.search_later()  # the row now says "Hadir"
        self.focus_scanner()

    def selected_registration(self) -> int | None:
        rows = self.recent_view.selectionModel().selectedRows()
        return self.session.recent.data(rows[0], REGISTRATION_ROLE) if rows else None

    def select_registration(self, registration_id: int) -> bool:
        row = self.session.recent.row_of(registration_id)
        if row < 0:
            return False
        self.recent_view.selectionModel().select(
            self.session.recent.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def undo_selected(self) -> bool:
        """ "Batalkan check-in…" for the person selected (by registration, however the list moved)."""
        registration_id = self.selected_registration()
        if registration_id is None:
            self.focus_scanner()
            return False
        name = self.session.recent.item(self.session.recent.row_of(registration_id)).full_name
        reason, ok = QInputDialog.getText(
            self.window(),
            self.tr("Batalkan check-in"),
            self.tr("Alasan membatalkan kehadiran {0} (wajib, tercatat di log):").format(name),
        )
        done = ok and self.undo(registration_id, reason, name)
        self.focus_scanner()
        return bool(done)

    def undo(self, registration_id: int, reason: str, name: str = "") -> bool:
        try:
            self.session.undo(registration_id, reason, name)
        except ValidationError as err:
            show_error(self.window(), self.tr("Alasan wajib diisi"), "\n".join(err.errors.values()))
            return False
        except USER_FACING as err:
            show_error(self.window(), self.tr("Tidak dapat dibatalkan"), err)
            self.session.refresh()
            return False
        return True

    def sign_selected(self) -> bool:
        """ "Tanda tangan…": put the selected person on the pad (to sign, or to sign again)."""
        registration_id = self.selected_registration()
        chosen = registration_id is not None and self.session.choose_signer(registration_id) is not None
        self.focus_scanner()
        return chosen

    def open_walk_in(self) -> WalkInDialog:
        """The walk-in form, beside the desk (not blocking it: scans and signing go on)."""
        if self.walk_in_dialog is not None and self.walk_in_dialog.isVisible():
            self.walk_in_dialog.raise_()
            self.walk_in_dialog.activateWindow()
            return self.walk_in_dialog
        dialog = WalkInDialog(self.session, units=self._units(), parent=self.window())
        dialog.finished.connect(lambda _code, d=dialog: self._walk_in_closed(d))
        self.walk_in_dialog = dialog
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _walk_in_closed(self, dialog: WalkInDialog) -> None:
        if self.walk_in_dialog is dialog:
            self.walk_in_dialog = None
        dialog.deleteLater()
        self.focus_scanner()
        # Some platforms hand the activation back late, or not at all, after a window closes.
        QTimer.singleShot(150, self, self._refocus_if_nothing_active)

    def _refocus_if_nothing_active(self) -> None:
        if QApplication.activeWindow() is None:
            self._refocus()

    def _update_buttons(self) -> None:
        selected = self.selected_registration() is not None
        self.undo_button.setEnabled(selected)
        self.sign_button.setEnabled(selected)


__all__ = ["DeskView"]
