"""Every window opens no larger than its screen: a 1024×768 projector laptop shows it whole.

Windows ask for a comfortable size (``resize(1100, 640)``); on a small screen that size would
put the bottom buttons below the taskbar. ``ScreenFit``, installed on the application at
start-up (``install_screen_fit``), looks at every top-level window as it is shown and, when it
is larger than the screen's free area (less a frame allowance, since the window manager adds
title bar and borders after showing), shrinks it to fit and moves it fully on screen. A window
whose layout cannot shrink that far must put its content in a ``QScrollArea``;
tests/test_screen_fit.py opens every window and dialog on small screens and checks that each
fits with its buttons and fields visible.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

# What a window manager adds around a window (title bar, borders) before it reports it.
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)
_NOT_FITTED = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


def available_room(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (or the primary screen) a window may use: without the
    taskbar, less the frame the window manager adds."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(0, 0, 1024, 768)
    return screen.availableGeometry().marginsRemoved(FRAME_ALLOWANCE)


def fitted_size(preferred: QSize, widget: QWidget | None = None) -> QSize:
    """``preferred``, or smaller in each direction where the screen is."""
    room = available_room(widget)
    return QSize(min(preferred.width(), room.width()), min(preferred.height(), room.height()))


def fit_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to the screen's free area if larger, and move it fully on screen."""
    room = available_room(window)
    size = window.size()
    fitted = QSize(min(size.width(), room.width()), min(size.height(), room.height()))
    if fitted != size:
        window.resize(fitted)
        fitted = window.size()  # a layout's minimum may keep it larger
    x = min(max(window.x(), room.left()), max(room.left(), room.right() + 1 - fitted.width()))
    y = min(max(window.y(), room.top()), max(room.top(), room.bottom() + 1 - fitted.height()))
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


class ScreenFit(QObject):
    """Application event filter: every top-level window is fitted to its screen when shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched.windowType() not in _NOT_FITTED
            and not watched.isFullScreen()
            and not watched.isMaximized()
        ):
            fit_on_screen(watched)
        return False


_installed: list[ScreenFit] = []


def install_screen_fit(app: QApplication) -> ScreenFit:
    """Fit every window of ``app`` to its screen from now on (once per application)."""
    if not _installed:
        fit = ScreenFit(app)
        app.installEventFilter(fit)
        _installed.append(fit)
    return _installed[0]


__all__ = [
    "FRAME_ALLOWANCE",
    "ScreenFit",
    "available_room",
    "fit_on_screen",
    "fitted_size",
    "install_screen_fit",
]
