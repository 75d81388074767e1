"""Who did what, at which desk. Details hold ids and counts, never personal data."""

from __future__ import annotations

import getpass
import json
import re
import socket
from dataclasses import dataclass

from .errors import BAD_INPUT, UserError
from .models import AuditLog, now

MAX_NAME_LENGTH = 100  # the desk and operator columns of every table that records them
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class IdentityError(UserError):
    """A desk or operator name no table can hold; the message is for the user."""

    exit_code = BAD_INPUT


def identity_problems(desk: str, operator: str) -> dict[str, str]:
    """Field ("desk"/"operator") -> why it cannot be recorded (too long, invisible characters)."""
    problems = {}
    for key, label, value in (("desk", "Nama meja", desk), ("operator", "Nama petugas", operator)):
        if len(value) > MAX_NAME_LENGTH:
            problems[key] = f"{label} paling banyak {MAX_NAME_LENGTH} karakter (yang diisi {len(value)})."
        elif _CONTROL.search(value):
            problems[key] = f"{label} berisi karakter kendali yang tak terlihat; ketik ulang namanya."
    return problems


@dataclass(frozen=True)
class Actor:
    """The desk and the committee member operating it."""

    desk: str
    operator: str

    def __post_init__(self) -> None:
        problems = identity_problems(self.desk, self.operator)
        if problems:
            raise IdentityError(" ".join(problems.values()))

    @classmethod
    def default(cls) -> Actor:
        try:
            operator = getpass.getuser()
        except Exception:  # no user name on some Windows set-ups
            operator = ""
        desk = (socket.gethostname() or "Meja 1")[:MAX_NAME_LENGTH]
        return cls(desk=desk, operator=_CONTROL.sub("", operator)[:MAX_NAME_LENGTH])


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
