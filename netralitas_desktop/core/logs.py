"""A rotating log file in the user data folder, for the committee's IT support.

Rule: log what happened and ids (event 3, registration 1201, 12 rows), never names, NIPs,
NIKs, phone numbers or signatures — the file may be sent by WhatsApp to whoever helps.
Tracebacks are logged in full: they carry code, not personal data, except the text of an
exception, which our own code never fills with personal data.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

LOG_NAME = "netralitas.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("netralitas")


def log_dir() -> Path:
    return Path(user_log_dir("Netralitas Desktop", "Netralitas"))


def setup_logging(directory: Path | None = None, *, level: int = logging.INFO) -> Path | None:
    """Send the ``netralitas`` logger to a rotating file; returns its path (None if unwritable).

    Safe to call twice: the second call changes nothing. A laptop whose profile folder is
    read-only still runs, just without a log file.
    """
    existing = log_file()
    if existing is not None:
        return existing
    target = (directory or log_dir()) / LOG_NAME
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._netralitas = True  # type: ignore[attr-defined]  # our mark, read back with getattr
    log.addHandler(handler)
    log.setLevel(level)
    return target


def log_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    log.error("Unexpected error", exc_info=(kind, value, tb))


def close_logging() -> None:
    for handler in list(log.handlers):
        if getattr(handler, "_netralitas", False):
            log.removeHandler(handler)
            handler.close()


def log_file() -> Path | None:
    for handler in log.handlers:
        if isinstance(handler, logging.FileHandler) and getattr(handler, "_netralitas", False):
            return Path(handler.baseFilename)
    return None


__all__ = ["close_logging", "log", "log_dir", "log_exception", "log_file", "setup_logging", "sys"]
