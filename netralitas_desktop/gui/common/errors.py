"""The window's one way to tell the user about an error.

``error_message`` puts any exception into words: a ``core.errors.UserError`` (and the two
outside failures ``core.errors.as_user_error`` names: a lost database, an unreadable file)
is shown as it is; anything else is a defect, logged with its traceback and shown as an
unexpected error. The job helpers (``jobs.JobRunner``, ``live.LiveRefresh``) use it for
every failed job, ``show_error`` for a message box, and the application's exception hook
for whatever escapes a slot. Feature code never sorts exceptions into "known" and "other".
"""

from __future__ import annotations

import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ...core.errors import as_user_error
from ...core.logs import log_exception


def error_message(err: BaseException) -> str:
    """The sentence for ``err``; a defect is logged with its traceback first."""
    user_error = as_user_error(err)
    if user_error is not None:
        return user_error.message
    log_exception(type(err), err, err.__traceback__)
    return QCoreApplication.translate(
        "Aplikasi",
        "Terjadi kesalahan yang tidak terduga; data yang sudah disimpan tetap aman. "
        "Jika terulang, hubungi pengelola aplikasi. Keterangan: {0}",
    ).format(err)


def show_error(parent: QWidget | None, title: str, error: str | BaseException) -> None:
    """A warning box with one Tutup button; an exception is put into words by ``error_message``."""
    text = error if isinstance(error, str) else error_message(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.addButton(QCoreApplication.translate("Umum", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_uncaught(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` of the window: an error that escaped a slot, told calmly (a defect also on stderr)."""
    if as_user_error(value) is None:
        traceback.print_exception(kind, value, tb)
    show_error(QApplication.activeWindow(), QCoreApplication.translate("Aplikasi", "Terjadi kesalahan"), value)


__all__ = ["error_message", "show_error", "show_uncaught"]
