"""Per-laptop preferences kept in QSettings (not in the shared database)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ..core.audit import Actor

DESK_NAME_KEY = "desk/name"
OPERATOR_KEY = "desk/operator"


def current_actor() -> Actor:
    """Who acts, for the audit log: this desk's name (default the host name) and operator."""
    settings = QSettings()
    default = Actor.default()
    desk = str(settings.value(DESK_NAME_KEY, "") or "").strip() or default.desk
    operator = str(settings.value(OPERATOR_KEY, "") or "").strip() or default.operator
    return Actor(desk=desk, operator=operator)
