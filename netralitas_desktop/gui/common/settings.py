"""Per-laptop preferences kept in QSettings (not in the shared database): every key is here.

Feature code reads and writes a preference through the functions below (or, for a value
with no function yet, ``QSettings().value(KEY)`` with a key constant from this module);
no other module spells a settings key.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ...core.audit import MAX_NAME_LENGTH, Actor

# The desk: who acts, and how it sounds and scans.
DESK_NAME_KEY = "desk/name"
OPERATOR_KEY = "desk/operator"
SOUNDS_KEY = "desk/sounds"
CAMERA_KEY = "desk/camera"
# The window.
LANGUAGE_KEY = "ui/language"
# Documents and certificates.
PAPER_KEY = "documents/paper"
P12_KEY = "certificates/p12_path"  # the signing file's path is remembered on this laptop; never the password
PRINT_OFFSET_KEY = "print_offsets/{printer}/{axis}"  # millimetres, per printer and axis (x, y)
# Folders last used in a save or open dialog.
REPORTS_FOLDER = "reports/last_folder"
PACKAGE_FOLDER = "package/folder"
INVITATIONS_FOLDER = "invitations/last_folder"

PAPERS = ("A4", "F4")


def current_actor() -> Actor:
    """Who acts, for the audit log: this desk's name (default the host name) and operator."""
    settings = QSettings()
    default = Actor.default()
    desk = _clean(settings.value(DESK_NAME_KEY, "")) or default.desk
    operator = _clean(settings.value(OPERATOR_KEY, "")) or default.operator
    return Actor(desk=desk, operator=operator)


def _clean(value: object) -> str:
    """A stored name as a table can hold it (one saved before names were limited is cut)."""
    return " ".join(str(value or "").split())[:MAX_NAME_LENGTH]


def save_identity(desk: str, operator: str) -> None:
    """Store this desk's name and operator, spaces tidied (the desk dialog and Pengaturan)."""
    settings = QSettings()
    settings.setValue(DESK_NAME_KEY, _clean(desk))
    settings.setValue(OPERATOR_KEY, _clean(operator))


def save_desk_name(desk: str) -> None:
    """Store this desk's name only (the connection dialog asks for it)."""
    QSettings().setValue(DESK_NAME_KEY, " ".join(desk.split()))


def default_paper() -> str:
    """This laptop's paper for new documents ("A4" or "F4"); an event may choose its own."""
    value = str(QSettings().value(PAPER_KEY, "A4") or "A4").upper()
    return value if value in PAPERS else "A4"


def remembered_folder(key: str) -> str:
    """The folder last used for ``key`` (``REPORTS_FOLDER``, ``PACKAGE_FOLDER``, …), else the home folder."""
    return str(QSettings().value(key, "") or Path.home())


def remember_folder(key: str, path: str | Path) -> None:
    """Remember the folder of ``path`` (a file just chosen) for the next dialog of ``key``."""
    QSettings().setValue(key, str(Path(path).parent))


def print_offset(printer: str) -> tuple[float, float]:
    """(x, y) in mm stored for ``printer``; (0, 0) when none is stored or it cannot be read."""
    settings = QSettings()
    try:
        x_mm, y_mm = (float(settings.value(PRINT_OFFSET_KEY.format(printer=printer, axis=axis), 0.0)) for axis in "xy")
    except (TypeError, ValueError):
        return 0.0, 0.0
    return x_mm, y_mm


def save_print_offset(printer: str, x_mm: float, y_mm: float) -> None:
    settings = QSettings()
    for axis, value in (("x", x_mm), ("y", y_mm)):
        settings.setValue(PRINT_OFFSET_KEY.format(printer=printer, axis=axis), float(value))


__all__ = [
    "CAMERA_KEY",
    "DESK_NAME_KEY",
    "INVITATIONS_FOLDER",
    "LANGUAGE_KEY",
    "OPERATOR_KEY",
    "P12_KEY",
    "PACKAGE_FOLDER",
    "PAPERS",
    "PAPER_KEY",
    "PRINT_OFFSET_KEY",
    "REPORTS_FOLDER",
    "SOUNDS_KEY",
    "current_actor",
    "default_paper",
    "print_offset",
    "remember_folder",
    "remembered_folder",
    "save_desk_name",
    "save_identity",
    "save_print_offset",
]
