"""Starting the desktop application: choose and check the database, open it, show the window.

Start-up order: the connection (``--db``, ``NETRALITAS_DB``, the saved server profile, or
the local file); for a SQLite file an integrity check (``PRAGMA quick_check``) that offers
the latest good backup when the file is damaged, before anything writes to it; opening and
migrating; the demo event only when asked (``--demo``: a new database opens on the welcome
page, which offers it); then, off the GUI thread, the automatic backup (at most once per the
configured hours, keeping the last N).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from ..core import backups
from ..core.connection import ConnectionProfile, ProfileStore, connect
from ..core.database import ENV_VAR, DatabaseError, DatabaseLocation, close_database, open_database, resolve_location
from ..core.logs import close_logging, log, setup_logging
from ..core.migrations import SchemaTooNewError
from .common.errors import error_message, show_error, show_uncaught
from .common.i18n import install_translations
from .common.jobs import FunctionJob, run_job, wait_all
from .common.runtime_guards import collect_on_gui_thread
from .common.screen import install_screen_fit
from .common.settings import current_actor
from .main_window import MainWindow, app_icon

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

APP_NAME = "Netralitas Desktop"
ORGANIZATION = "Netralitas"
DEMO_PARTICIPANTS = 300
EXIT_DATABASE_ERROR = 3  # as the CLI
STARTUP_PROBE_ENV = "NETRALITAS_STARTUP_PROBE"


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        collect_on_gui_thread(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]  # instance() is typed QCoreApplication; here it is a QApplication


def open_or_explain(db_url: str | None, *, check: bool = True) -> DatabaseLocation | None:
    """Open the database, or say calmly (in a message box) why it cannot be opened."""
    try:
        return open_database(db_url, check=check)
    except (DatabaseError, SchemaTooNewError) as err:
        show_error(None, translate("Aplikasi", "Basis data tidak dapat dibuka"), err)
        return None


def start_database(db_url: str | None = None, *, store: ProfileStore | None = None) -> DatabaseLocation | None:
    """Choose, check and open the database; None when it cannot be opened or the user quits."""
    if db_url is None and not os.environ.get(ENV_VAR):
        store = store or ProfileStore()
        profile = store.active()
        if profile is not None:
            return _open_server(profile, store)
    try:
        location = resolve_location(db_url)
    except DatabaseError as err:
        show_error(None, translate("Aplikasi", "Basis data tidak dapat dibuka"), err)
        return None
    if location.sqlite_path is not None and not recover_if_damaged(location):
        return None
    opened = open_or_explain(location.url, check=location.sqlite_path is None)  # just checked (or restored)
    if opened is not None and "netralitas_desktop.gui.admin.backup_dialog" in sys.modules:  # restored at start
        from .admin.backup_dialog import offer_pending_carry_over

        offer_pending_carry_over()
    return opened


def _open_server(profile: ConnectionProfile, store: ProfileStore) -> DatabaseLocation | None:
    """The saved server: with the stored password (or none, for servers that ask none), else ask."""
    from ..core.connection import load_password
    from .admin.connection_dialog import ConnectionDialog

    try:
        return connect(profile, load_password(profile))
    except DatabaseError as err:
        message = str(err)
    dialog = ConnectionDialog(store=store, profile=profile, message=message)
    accepted = dialog.exec()
    dialog.deleteLater()
    return dialog.location if accepted else None


def recover_if_damaged(location: DatabaseLocation) -> bool:
    """The integrity check before opening: True to go on (sound, or restored), False to stop."""
    damage = backups.inspect(location.sqlite_path)
    if damage is None:
        return True
    if damage.latest_good is None:
        show_error(
            None,
            translate("Aplikasi", "Basis data tidak dapat dibuka"),
            translate(
                "Aplikasi",
                "Tidak dapat membuka basis data {0}: berkas rusak ({1}) dan tidak ada cadangan yang baik di folder "
                "{2}. Simpan salinan berkas itu untuk diperiksa, lalu pilih berkas lain dengan --db atau mulai dengan "
                "berkas baru.",
            ).format(
                location.sqlite_path,
                backups.describe_problems(damage.problems),
                backups.folder_for(location.sqlite_path),
            ),
        )
        return False
    from .admin.backup_dialog import restore_at_start

    return restore_at_start(damage)


def schedule_automatic_backup(window: MainWindow, location: DatabaseLocation) -> None:
    """The start-up copy, off the GUI thread; the status bar says when one was made."""
    if location.sqlite_path is None:
        return
    keep, interval = backups.backup_settings()

    def done(path) -> None:
        if path is not None:
            window.statusBar().showMessage(
                translate("Aplikasi", "Cadangan otomatis dibuat: {0}").format(path.name), 15_000
            )

    def failed(err: Exception) -> None:
        message = translate("Aplikasi", "Cadangan otomatis gagal: {0}").format(error_message(err))
        window.statusBar().showMessage(message, 30_000)

    run_job(
        FunctionJob(backups.automatic_backup, location.sqlite_path, interval_hours=interval, keep=keep),
        on_result=done,
        on_error=failed,
        owner=window,
    )


def seed_demo(demo: bool) -> int | None:
    """Create the demo event when asked to (``--demo``); never unasked."""
    if not demo:
        return None
    try:
        from ..core.demo import create_demo_event
    except ImportError:  # an installation without the demo module simply starts empty
        return None
    return create_demo_event(participants=DEMO_PARTICIPANTS, actor=current_actor())


def create_main_window(
    db_url: str | None = None, demo: bool = False, *, store: ProfileStore | None = None
) -> MainWindow | None:
    """Open the database, seed the demo if needed and build the window (not shown yet)."""
    existed = _has_data(db_url)
    location = start_database(db_url, store=store)
    if location is None:
        return None
    seed_demo(demo)
    window = MainWindow(location)
    if existed:  # a file made a moment ago has nothing worth a copy yet
        schedule_automatic_backup(window, location)
    return window


def _has_data(db_url: str | None) -> bool:
    try:
        path = resolve_location(db_url).sqlite_path
    except DatabaseError:
        return False
    return path is not None and path.is_file() and path.stat().st_size > 0


def run_gui(
    db_url: str | None = None, demo: bool = False, *, desk_event: int | None = None, kiosk: bool = False
) -> int:
    """The window; with ``desk_event`` it opens at that event's desk (``netralitas desk --event ID``)."""
    setup_logging()
    try:
        return _run_window(db_url, demo, desk_event, kiosk)
    finally:
        close_logging()


def _run_window(db_url: str | None, demo: bool, desk_event: int | None = None, kiosk: bool = False) -> int:
    app = ensure_application()
    install_translations(app)  # before any window or dialog is built
    install_screen_fit(app)  # every window opens no larger than its screen
    sys.excepthook = show_uncaught  # what escapes a slot: told calmly, a defect logged
    window = create_main_window(db_url, demo)
    if window is None:
        return EXIT_DATABASE_ERROR
    log.info("window opened on %s", "SQLite" if window.location.is_sqlite else "PostgreSQL")
    window.show()
    if desk_event is not None:
        window.open_desk_of(desk_event, kiosk=kiosk)
    if os.environ.get(STARTUP_PROBE_ENV):
        # bench/bench_startup.py: quit as soon as the event loop has shown the window.
        menus = " ".join(action.text().replace("&", "") for action in window.menuBar().actions())
        QTimer.singleShot(0, lambda: (print(f"startup-probe: window shown; menus: {menus}", flush=True), app.quit()))
    else:
        QTimer.singleShot(0, window.remind_retention)
    try:
        return app.exec()
    finally:
        wait_all()
        close_database()
        log.info("closed")
