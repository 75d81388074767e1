"""Open every top-level window and dialog of the program on a small screen and report what does not fit.

Run as a program (tests/test_screen_fit.py starts it in a fresh process, because the screen's size
is chosen when Qt starts): ``python tests/support/screen_check.py OUT_DIR [WIDTH HEIGHT]``. Qt's
offscreen platform gets one screen of WIDTH × HEIGHT (default 1024 × 768) from a config file; the
program's own start-up steps run (Indonesian translations, ``screen.install_screen_fit``), then
each window is opened as the user opens it, on a database with the example event, and checked:

- the window (its frame) lies inside the screen's free area;
- every visible button, field and tab is wholly on screen and not cut off by its window, unless
  it sits in a scroll area (reachable by scrolling);
- no text on it is one of Qt's English strings (a standard button left untranslated).

Each window is also drawn onto a picture of the screen, ``OUT_DIR/<name>.png``, to look at. The
result is one JSON line per window on stdout: ``{"name", "size", "problems"}``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def configure_screen(width: int, height: int) -> None:
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": True,
                "windowFrameMargins": False,
                "screens": [
                    {"name": "layar", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}
                ],
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main(out_dir: Path, width: int, height: int) -> int:
    configure_screen(width, height)
    from PySide6.QtCore import QCoreApplication, QSettings

    out_dir.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("NetralitasScreenCheck")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out_dir / "settings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from netralitas_desktop.core import database
    from netralitas_desktop.core.certificates import keystore

    # The certificates' signing key in a throw-away folder behind a known passphrase, never a keyring.
    os.environ.setdefault(keystore.KEY_DIR_ENV, str(out_dir / "kunci"))
    os.environ.setdefault(keystore.PASSPHRASE_ENV, "kata sandi pemeriksaan layar")
    from netralitas_desktop.gui import app as gui_app
    from netralitas_desktop.gui.common.i18n import install_translations
    from netralitas_desktop.gui.common.screen import install_screen_fit

    application = gui_app.ensure_application([sys.argv[0]])
    install_translations(application, "id")
    if not os.environ.get("NETRALITAS_NO_SCREEN_FIT"):  # a negative control: without the fit, problems show
        install_screen_fit(application)
    location = database.open_database(f"sqlite:///{out_dir / 'layar.db'}")
    from screen_windows import scenarios  # beside this file

    checker = Checker(application, out_dir)
    for name, opener in scenarios(location, out_dir):
        checker.run(name, opener)
    database.close_database()
    return 0


class Checker:
    def __init__(self, app, out_dir: Path) -> None:
        self.app = app
        self.out_dir = out_dir

    def settle(self, window, seconds: float = 10.0) -> None:
        """Let the window load (background jobs, layouts) before it is looked at."""
        from netralitas_desktop.gui.common.jobs import busy_within

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.app.processEvents()
            if not busy_within(window):
                break
            time.sleep(0.02)
        for _ in range(5):
            self.app.processEvents()

    def run(self, name: str, opener: Callable[[], object]) -> None:
        problems: list[str] = []
        size = None
        try:
            window = opener()
            self.settle(window)
            size = [window.frameGeometry().width(), window.frameGeometry().height()]
            problems = self.problems(window)
            self.screenshot(name, window)
            window.close()
            self.app.processEvents()
        except Exception as err:  # reported as a problem of this window, the others still run
            import traceback

            problems = [f"tidak dapat dibuka: {err!r}", traceback.format_exc()]
        print(json.dumps({"name": name, "size": size, "problems": problems}), flush=True)

    def problems(self, window) -> list[str]:
        from PySide6.QtCore import QPoint, QRect
        from PySide6.QtWidgets import (
            QAbstractButton,
            QAbstractSpinBox,
            QComboBox,
            QLineEdit,
            QScrollArea,
            QTabBar,
        )

        screen = window.screen().availableGeometry()
        found = []
        frame = window.frameGeometry()
        if not screen.contains(frame):
            found.append(f"jendela {rect_text(frame)} melewati layar {rect_text(screen)}")
        window_rect = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
        controls = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QTabBar)
        widgets = {id(w): w for kind in controls for w in window.findChildren(kind)}
        for widget in widgets.values():
            if not widget.isVisibleTo(window) or widget.window() is not window or widget.width() <= 0:
                continue
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # a combo box's or spin box's own field: the box is checked
            if any(isinstance(ancestor, QScrollArea) for ancestor in ancestors(widget, window)):
                continue  # reachable by scrolling
            rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
            label = describe(widget)
            if not window_rect.contains(rect) or not screen.contains(rect):
                found.append(f"{label} di luar jendela atau layar: {rect_text(rect)}")
            elif widget.visibleRegion().boundingRect().size() != widget.size():
                found.append(f"{label} terpotong: tampak {rect_text(widget.visibleRegion().boundingRect())}")
        found += [f"teks bahasa Inggris: \u201c{text}\u201d" for text in english_texts(window)]
        return found

    def screenshot(self, name: str, window) -> None:
        """The screen as the user sees it: the window drawn where it is, what lies outside cut off."""
        from PySide6.QtGui import QColor, QImage, QPainter

        screen = window.screen().geometry()
        picture = QImage(screen.size(), QImage.Format.Format_RGB32)
        picture.fill(QColor("#4b5563"))
        painter = QPainter(picture)
        painter.drawPixmap(window.frameGeometry().topLeft() - screen.topLeft(), window.grab())
        painter.end()
        picture.save(str(self.out_dir / f"{name}.png"))


def _plain(text: str) -> str:
    import re

    return re.sub(r"&(?!&)", "", text.split("\t")[0]).strip().rstrip(":.").strip()


def qt_english() -> set[str]:
    """Qt's own English texts that Indonesian writes differently (from our qtbase_id.ts)."""
    import xml.etree.ElementTree as ET

    english = set()
    for message in ET.parse(ROOT / "resources" / "translations" / "qtbase_id.ts").getroot().iter("message"):
        source, translation = _plain(message.findtext("source") or ""), _plain(message.findtext("translation") or "")
        if source != translation and len(source) > 1:
            english.add(source)
    return english


_ENGLISH: set[str] = set()


def english_texts(window) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    if not _ENGLISH:
        _ENGLISH.update(qt_english())
    texts = [window.windowTitle()]
    for kind in (QAbstractButton, QLabel):
        texts += [widget.text() for widget in window.findChildren(kind) if widget.isVisibleTo(window)]
    texts += [box.title() for box in window.findChildren(QGroupBox) if box.isVisibleTo(window)]
    return sorted({text for text in texts if text and _plain(text) in _ENGLISH})


def ancestors(widget, window):
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        yield parent
        parent = parent.parentWidget()


def describe(widget) -> str:
    text = ""
    for attribute in ("text", "placeholderText", "currentText"):
        getter = getattr(widget, attribute, None)
        if callable(getter):
            try:
                text = getter()
            except TypeError:
                continue
            if text:
                break
    return f"{type(widget).__name__} \u201c{text}\u201d" if text else f"{type(widget).__name__} {widget.objectName()}"


def rect_text(rect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"


if __name__ == "__main__":
    arguments = sys.argv[1:]
    target = Path(arguments[0]) if arguments else Path(tempfile.mkdtemp())
    size = (int(arguments[1]), int(arguments[2])) if len(arguments) >= 3 else (1024, 768)
    sys.exit(main(target, *size))
