"""Per-laptop preferences kept in QSettings (not in the shared database)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ...core.audit import MAX_NAME_LENGTH, Actor

DESK_NAME_KEY = "desk/name"
OPERATOR_KEY = "desk/operator"


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


PAPER_KEY = "documents/paper"
PAPERS = ("A4", "F4")


def default_paper() -> str:
    """This laptop's paper for new documents ("A4" or "F4"); an event may choose its own."""
    value = str(QSettings().value(PAPER_KEY, "A4") or "A4").upper()
    return value if value in PAPERS else "A4"
