"""Starting the desktop application: open the database, seed a demo event, show the window."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from ..core.database import DatabaseError, DatabaseLocation, close_database, open_database
from ..core.events import list_events
from ..core.migrations import SchemaTooNewError
from .jobs import wait_all
from .main_window import MainWindow, app_icon
from .settings import current_actor
from .widgets import show_error

APP_NAME = "Netralitas Desktop"
ORGANIZATION = "Netralitas"
DEMO_PARTICIPANTS = 300
EXIT_DATABASE_ERROR = 3  # as the CLI


def _tr(text: str) -> str:
    return QCoreApplication.translate("Aplikasi", text)


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def open_or_explain(db_url: str | None) -> DatabaseLocation | None:
    """Open the database, or say calmly (in a message box) why it cannot be opened."""
    try:
        return open_database(db_url)
    except (DatabaseError, SchemaTooNewError) as err:
        show_error(None, _tr("Basis data tidak dapat dibuka"), str(err))
        return None


def seed_demo(demo: bool) -> int | None:
    """Create the demo event when asked to, or when the database has no event yet."""
    if not demo and list_events():
        return None
    try:
        from ..core.demo import create_demo_event
    except ImportError:  # an installation without the demo module simply starts empty
        return None
    return create_demo_event(participants=DEMO_PARTICIPANTS, actor=current_actor())


def create_main_window(db_url: str | None = None, demo: bool = False) -> MainWindow | None:
    """Open the database, seed the demo if needed and build the window (not shown yet)."""
    location = open_or_explain(db_url)
    if location is None:
        return None
    seed_demo(demo)
    return MainWindow(location)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error: the details go to stderr, the user gets one calm sentence."""
    traceback.print_exception(kind, value, tb)
    show_error(QApplication.activeWindow(), _tr("Terjadi kesalahan"), _tr(
        "Terjadi kesalahan yang tidak terduga; data yang sudah disimpan tetap aman. "
        "Jika terulang, hubungi pengelola aplikasi. Keterangan: {0}"
    ).format(value))


def run_gui(db_url: str | None = None, demo: bool = False) -> int:
    app = ensure_application()
    window = create_main_window(db_url, demo)
    if window is None:
        return EXIT_DATABASE_ERROR
    sys.excepthook = _excepthook
    window.show()
    try:
        return app.exec()
    finally:
        wait_all()
        close_database()
