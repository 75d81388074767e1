"""The main window: the event list or one event's page, a menu, and the database location."""

from __future__ import annotations

import platform
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from .. import __version__
from ..core.audit import Actor
from ..core.database import DatabaseLocation
from ..core.events import NotFoundError
from ..core.logs import log_file
from ..resources import resource_path
from .common.errors import show_error
from .common.screen import fitted_size
from .common.settings import current_actor
from .common.widgets import show_info
from .desk.scan_router import ScanRouter
from .events.event_list import EventList

if TYPE_CHECKING:  # the event page pulls in every feature (PDF, XLSX, signing): loaded on first use
    from .campaigns.page import CampaignPage
    from .event_page import EventPage

APP_TITLE = "Netralitas Desktop"
ICON_PATH = resource_path("icons", "netralitas.svg")


def app_icon() -> QIcon:
    """The window icon; empty when running from an installation without the resources folder."""
    return QIcon(str(ICON_PATH)) if ICON_PATH.is_file() else QIcon()


class MainWindow(QMainWindow):
    def __init__(
        self, location: DatabaseLocation, *, actor: Callable[[], Actor] = current_actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.location = location
        self._actor = actor
        self.event_page: EventPage | None = None
        self.campaign_page: CampaignPage | None = None
        self.setWindowIcon(app_icon())
        self.resize(fitted_size(QSize(1280, 720)))  # and ScreenFit keeps every window on its screen

        self.event_list = EventList(actor, self)
        self.event_list.open_requested.connect(self.open_event)
        self.event_list.import_requested.connect(self._import_into)
        self.event_list.connect_requested.connect(self.connect_to_server)
        self.event_list.changed.connect(self._events_changed)
        self.event_list.table.itemSelectionChanged.connect(self._update_actions)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.event_list)
        self.setCentralWidget(self.stack)

        self._build_menu()
        # A USB scanner's burst goes to the open event's desk wherever the keyboard focus is.
        self.scan_router = ScanRouter(self.route_scan, self._desk_open, parent=self)
        self.scan_router.install()
        self.location_label = QLabel(self.tr("Basis data: {0}").format(location.display))
        self.statusBar().addPermanentWidget(self.location_label)
        self._update_title()
        self._update_actions()

    def _build_menu(self) -> None:
        def action(text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(slot)
            if shortcut is not None:
                act.setShortcut(shortcut)
            return act

        self.import_action = action(self.tr("Impor peserta…"), self.import_participants, "Ctrl+I")
        self.quit_action = action(self.tr("Keluar"), self.close, "Ctrl+Q")
        self.new_event_action = action(self.tr("Baru…"), self.event_list.new_event, QKeySequence.StandardKey.New)
        self.edit_event_action = action(self.tr("Ubah…"), self.edit_event)
        self.delete_event_action = action(self.tr("Hapus…"), self.delete_event)
        self.desk_action = action(self.tr("Meja registrasi"), self.open_desk, "Ctrl+R")
        self.kiosk_action = action(self.tr("Meja registrasi layar penuh"), lambda: self.open_desk(kiosk=True), "F5")
        self.list_action = action(self.tr("Semua kegiatan"), self.show_list, "Ctrl+L")
        self.about_action = action(self.tr("Tentang Netralitas Desktop"), self.show_about)
        self.settings_action = action(self.tr("Pengaturan…"), self.open_settings, "Ctrl+,")
        self.connect_action = action(self.tr("Sambungkan ke server…"), self.connect_to_server)
        self.backup_action = action(self.tr("Cadangan && pemulihan…"), self.open_backups)
        self.package_action = action(self.tr("Meja offline (paket kegiatan)…"), self.open_packages)
        self.online_import_action = action(self.tr("Impor kehadiran daring…"), self.import_online)
        self.invitations_action = action(self.tr("Undangan ber-QR…"), self.open_invitations)
        self.purge_action = action(self.tr("Hapus data pribadi…"), self.purge_event)
        self.audit_action = action(self.tr("Log audit…"), self.open_audit_log)
        self.verify_action = action(self.tr("Periksa keaslian sertifikat…"), self.open_verify, "Ctrl+Shift+V")
        self.campaign_action = action(self.tr("Cakupan ikrar seluruh pegawai…"), self.show_campaigns, "Ctrl+K")

        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.package_action)
        file_menu.addSeparator()
        file_menu.addAction(self.connect_action)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        event_menu = self.menuBar().addMenu(self.tr("&Kegiatan"))
        for act in (self.new_event_action, self.edit_event_action, self.delete_event_action):
            event_menu.addAction(act)
        event_menu.addSeparator()
        event_menu.addAction(self.invitations_action)
        event_menu.addAction(self.desk_action)
        event_menu.addAction(self.kiosk_action)
        event_menu.addAction(self.online_import_action)
        event_menu.addSeparator()
        event_menu.addAction(self.purge_action)
        event_menu.addSeparator()
        event_menu.addAction(self.list_action)
        kampanye = self.menuBar().addMenu(self.tr("Ka&mpanye"))
        kampanye.addAction(self.campaign_action)
        alat = self.menuBar().addMenu(self.tr("&Alat"))
        alat.addAction(self.verify_action)
        alat.addAction(self.audit_action)
        bantuan = self.menuBar().addMenu(self.tr("Ba&ntuan"))
        bantuan.addAction(self.about_action)

    # Navigation --------------------------------------------------------------------------
    def current_event_id(self) -> int | None:
        """The open event, or the one selected in the list."""
        if self.event_page is not None and self.stack.currentWidget() is self.event_page:
            return self.event_page.event_id
        return self.event_list.selected_event_id()

    def open_event(self, event_id: int) -> EventPage | None:
        self._close_page()
        try:
            from .event_page import EventPage

            page = EventPage(event_id, self._actor, self)
        except NotFoundError as err:
            show_error(self, self.tr("Kegiatan tidak ditemukan"), err)
            self.event_list.refresh()
            return None
        page.back_requested.connect(self.show_list)
        page.changed.connect(lambda: self.event_list.refresh())
        self.event_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._update_title()
        self._update_actions()
        return page

    def show_list(self) -> None:
        self._close_page()
        self.event_list.refresh()
        self.stack.setCurrentWidget(self.event_list)
        self._update_title()
        self._update_actions()

    def show_campaigns(self) -> CampaignPage:
        """The campaign page: coverage of the whole Pemda over several events (issue 17)."""
        from .campaigns.page import CampaignPage

        self._close_page()
        if self.campaign_page is None:
            self.campaign_page = CampaignPage(self._actor, self)
            self.campaign_page.back_requested.connect(self.show_list)
            self.stack.addWidget(self.campaign_page)
        self.stack.setCurrentWidget(self.campaign_page)
        self._update_title()
        self._update_actions()
        return self.campaign_page

    def _close_campaigns(self) -> None:
        if self.campaign_page is not None:
            self.campaign_page.shutdown()
            self.stack.removeWidget(self.campaign_page)
            self.campaign_page.deleteLater()
            self.campaign_page = None

    def _close_page(self) -> None:
        if self.event_page is not None:
            self.event_page.shutdown()
            self.stack.removeWidget(self.event_page)
            self.event_page.deleteLater()
            self.event_page = None

    def _update_title(self) -> None:
        if self.event_page is not None and self.event_page.event_data is not None:
            where = self.event_page.event_data.title
        else:
            where = self.location.display
        self.setWindowTitle(f"{APP_TITLE} — {where}")

    def _update_actions(self) -> None:
        has_event = self.current_event_id() is not None
        for act in (
            self.import_action,
            self.edit_event_action,
            self.delete_event_action,
            self.desk_action,
            self.kiosk_action,
            self.online_import_action,
            self.purge_action,
            self.invitations_action,
        ):
            act.setEnabled(has_event)
        self.list_action.setEnabled(self.stack.currentWidget() is not self.event_list)

    # Menu actions ------------------------------------------------------------------------
    def _current_event_page(self) -> EventPage | None:
        """The page of the open event, or of the event selected in the list (opening it)."""
        event_id = self.current_event_id()
        if event_id is None:
            return None
        if self.event_page is not None and self.event_page.event_id == event_id:
            return self.event_page
        return self.open_event(event_id)

    def _import_into(self, event_id: int) -> None:
        """The welcome page's "Impor daftar peserta": the new event's page, then its import wizard."""
        page = self.open_event(event_id)
        if page is not None:
            page.open_import()

    def import_participants(self) -> None:
        page = self._current_event_page()
        if page is not None:
            page.open_import()

    def open_invitations(self) -> None:
        """QR invitations of the open (or selected) event, for the people selected in its Peserta tab."""
        page = self._current_event_page()
        if page is not None:
            page.open_invitations([row.registration_id for row in page.participants.selected_rows()])

    def open_desk(self, kiosk: bool = False) -> None:
        """The check-in desk of the open (or selected) event; F5 makes it full-screen."""
        page = self._current_event_page()
        if page is not None:
            page.open_desk(kiosk=kiosk)

    def open_desk_of(self, event_id: int, kiosk: bool = False) -> bool:
        """Straight to one event's desk (``netralitas desk --event ID``); the event list, told why, if it is gone."""
        page = self.open_event(event_id)
        if page is not None:
            page.open_desk(kiosk=kiosk)
        return page is not None

    def route_scan(self, code: str) -> bool:
        page = self.event_page
        return page is not None and page.route_scan(code)

    def _desk_open(self) -> bool:
        return self.event_page is not None and self.stack.currentWidget() is self.event_page

    def edit_event(self) -> None:
        event_id = self.current_event_id()
        if event_id is not None:
            self.event_list.edit_event(event_id)

    def delete_event(self) -> None:
        event_id = self.current_event_id()
        if event_id is not None:
            self.event_list.refresh()
            if self.event_list.delete_event(event_id) and self.event_page is not None:
                self.show_list()

    def _events_changed(self) -> None:
        if self.event_page is not None:
            try:
                self.event_page.refresh_header()
            except NotFoundError:
                self.show_list()
        self._update_title()
        self._update_actions()

    def connect_to_server(self) -> None:
        """Switch to a PostgreSQL server shared by several desks, or back to the local file."""
        from .admin.connection_dialog import ConnectionDialog

        self.show_list()  # closes the event page and its desk timers first
        dialog = ConnectionDialog(self)
        if dialog.exec():
            self._database_replaced(dialog.location)
            if dialog.notice:
                show_info(self, self.tr("Kata sandi"), dialog.notice)

    def open_backups(self) -> None:
        from .admin.backup_dialog import BackupDialog

        self.show_list()
        dialog = BackupDialog(self.location, self)
        dialog.restored.connect(lambda: self._database_replaced(self.location))
        dialog.exec()

    def _database_replaced(self, location: DatabaseLocation) -> None:
        self._close_campaigns()
        self.location = location
        self.location_label.setText(self.tr("Basis data: {0}").format(location.display))
        self.show_list()
        self.event_list.refresh()
        self._update_title()

    def open_packages(self) -> None:
        from .admin.package_dialog import PackageDialog

        dialog = PackageDialog(self, event_id=self.current_event_id())
        dialog.changed.connect(self._event_data_changed)
        dialog.exec()

    def import_online(self) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        from .dashboard.online_import_dialog import OnlineImportDialog

        dialog = OnlineImportDialog(event_id, self._actor(), self)
        dialog.applied.connect(lambda _result: self._event_data_changed(event_id))
        dialog.exec()

    def purge_event(self) -> None:
        event_id = self.current_event_id()
        if event_id is None:
            return
        from .admin.purge_dialog import PurgeDialog

        dialog = PurgeDialog(event_id, self)
        dialog.purged.connect(self._event_data_changed)
        dialog.exec()

    def open_verify(self) -> None:
        from .certificates.verify_dialog import VerifyDialog

        VerifyDialog(self).exec()

    def open_audit_log(self) -> None:
        from .admin.audit_viewer import AuditViewer

        AuditViewer(self, event_id=self.current_event_id()).exec()

    def _event_data_changed(self, event_id: int) -> None:
        """Another dialog changed an event's people or check-ins: reload what shows it."""
        self.event_list.refresh(select_id=event_id)
        page = self.event_page
        if page is not None and page.event_id == event_id:
            page.refresh_tabs()
        self._events_changed()

    def open_settings(self) -> None:
        from .admin.settings_dialog import SettingsDialog

        SettingsDialog(self).exec()

    def show_about(self) -> None:
        self.about_box().exec()

    def about_box(self) -> QMessageBox:
        """Version, database and log file (its own box rather than ``QMessageBox.about``, so tests can read it)."""
        log_path = log_file()
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Tentang Netralitas Desktop"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(
            self.tr(
                "<h3>Netralitas Desktop {0}</h3>"
                "<p>Registrasi peserta, ikrar, sertifikat dan laporan Sosialisasi Netralitas ASN.</p>"
                "<p>Basis data: {1}<br>Berkas log: {2}</p>"
                "<p>Python {3} · Qt {4} · Lisensi MIT</p>"
            ).format(
                __version__,
                self.location.display,
                log_path or self.tr("(tidak ada)"),
                platform.python_version(),
                qVersion(),
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box

    def remind_retention(self) -> bool:
        """At start-up (run_gui): name events kept past the retention period, if any."""
        from .admin.purge_dialog import show_retention_reminder

        return show_retention_reminder(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        page = self.event_page
        if page is not None and page.import_wizard is not None and page.import_wizard.busy:
            show_error(
                self,
                self.tr("Impor sedang berjalan"),
                self.tr("Tunggu sampai impor selesai atau batalkan dulu, lalu tutup aplikasi."),
            )
            event.ignore()
            return
        if page is not None:
            page.shutdown()
        self._close_campaigns()
        self.scan_router.uninstall()
        super().closeEvent(event)
