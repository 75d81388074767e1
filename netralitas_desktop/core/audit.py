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
    def default(cls) -> Actor:
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


def record_export(
    event_id: int,
    document: str,
    *,
    count: int,
    pages: int,
    format: str,
    files: int = 1,
    actor: Actor | None = None,
    **extra: object,
) -> None:
    """The entry every written file with personal data leaves (invitations, pledge documents,
    reports, certificates): which document, how many people, pages and files — no names, no paths.

    ``format`` is ``pdf``, ``xlsx``, ``csv``, ``png``/``folder`` (a file per person) or ``zip``.
    """
    record(
        "export",
        actor=actor,
        event_id=event_id,
        document=document,
        count=count,
        pages=pages,
        format=format,
        files=files,
        **extra,
    )
