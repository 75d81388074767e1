"""Who did what, at which desk. Details hold ids and counts, never personal data."""

from __future__ import annotations

import getpass
import json
import socket
from dataclasses import dataclass

from .models import AuditLog, now


@dataclass(frozen=True)
class Actor:
    """The desk and the committee member operating it."""

    desk: str
    operator: str

    @classmethod
    def default(cls) -> "Actor":
        try:
            operator = getpass.getuser()
        except Exception:  # no user name on some Windows set-ups
            operator = ""
        return cls(desk=socket.gethostname() or "Meja 1", operator=operator)


def record(action: str, *, actor: Actor | None = None, event_id: int | None = None, **detail: object) -> None:
    actor = actor or Actor.default()
    AuditLog.create(
        at=now(),
        action=action,
        event=event_id,
        desk=actor.desk,
        operator=actor.operator,
        detail=json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
    )
