"""Per-laptop preferences kept in QSettings (not in the shared database): every key is here.

Feature code reads and writes a preference through the functions below (or, for a value
with no function yet, ``QSettings().value(KEY)`` with a key constant from this module);
no other module spells a settings key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QSettings

from ...core.audit import MAX_NAME_LENGTH, Actor
from ...core.scan_codes import SHAPES

# The desk: who acts, and how it sounds and scans.
DESK_NAME_KEY = "desk/name"
OPERATOR_KEY = "desk/operator"
SOUNDS_KEY = "desk/sounds"
CAMERA_KEY = "desk/camera"
SCAN_KEY_GAP_KEY = "desk/scan_key_gap_ms"  # keys closer than this are a scanner, not a person
SCAN_SHAPES_KEY = "desk/scan_shapes"  # comma-separated core.scan_codes shapes the window takes as scans
READY_AFTER_KEY = "desk/ready_after_s"  # the banner returns to SIAP after this many seconds
REPEAT_WINDOW_KEY = "desk/repeat_window_s"  # the same code again within this is a double trigger
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


@dataclass(frozen=True)
class ScannerSettings:
    """How the window tells a USB scanner from typing, and how the desk banner behaves (Pengaturan)."""

    key_gap_ms: int = 35  # USB scanners type a key every 1-15 ms; people, even fast, 60 ms or more
    shapes: frozenset[str] = frozenset(SHAPES)
    ready_after_s: float = 5.0
    repeat_window_s: float = 3.0

    LIMITS: ClassVar[dict[str, tuple[float, float]]] = {
        "key_gap_ms": (5, 150),
        "ready_after_s": (1.0, 120.0),
        "repeat_window_s": (0.0, 30.0),
    }


def scanner_settings() -> ScannerSettings:
    """This laptop's scanner settings; a value missing or out of range falls back to the default."""
    settings, default = QSettings(), ScannerSettings()

    def read(key: str, name: str, kind: type):
        low, high = ScannerSettings.LIMITS[name]
        try:
            value = kind(settings.value(key, getattr(default, name)))
        except (TypeError, ValueError):
            return getattr(default, name)
        return value if low <= value <= high else getattr(default, name)

    raw_shapes = settings.value(SCAN_SHAPES_KEY, None)
    if raw_shapes is None:
        shapes = default.shapes
    else:
        listed = raw_shapes if isinstance(raw_shapes, list) else str(raw_shapes).split(",")
        shapes = frozenset(s.strip() for s in listed if s.strip() in SHAPES)
    return ScannerSettings(
        key_gap_ms=read(SCAN_KEY_GAP_KEY, "key_gap_ms", int),
        shapes=shapes,
        ready_after_s=read(READY_AFTER_KEY, "ready_after_s", float),
        repeat_window_s=read(REPEAT_WINDOW_KEY, "repeat_window_s", float),
    )


def save_scanner_settings(value: ScannerSettings) -> None:
    settings = QSettings()
    settings.setValue(SCAN_KEY_GAP_KEY, int(value.key_gap_ms))
    settings.setValue(SCAN_SHAPES_KEY, ",".join(shape for shape in SHAPES if shape in value.shapes))
    settings.setValue(READY_AFTER_KEY, float(value.ready_after_s))
    settings.setValue(REPEAT_WINDOW_KEY, float(value.repeat_window_s))


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
    "READY_AFTER_KEY",
    "REPEAT_WINDOW_KEY",
    "REPORTS_FOLDER",
    "SCAN_KEY_GAP_KEY",
    "SCAN_SHAPES_KEY",
    "SOUNDS_KEY",
    "ScannerSettings",
    "current_actor",
    "default_paper",
    "print_offset",
    "remember_folder",
    "remembered_folder",
    "save_desk_name",
    "save_identity",
    "save_print_offset",
    "save_scanner_settings",
    "scanner_settings",
]
