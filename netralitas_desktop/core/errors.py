"""One base for every error the user can act on, so the GUI and the CLI each handle them in one place.

A ``UserError``'s text is the Indonesian sentence shown as it is (a dialog, a banner, a CLI line);
``exit_code`` follows the README's table: 2 bad input, 3 the database cannot be opened, 1 otherwise.
Anything that is not a ``UserError`` is a defect: logged with its traceback, shown as an unexpected error.

``as_user_error`` is the one place that also puts two outside failures into words: the database
going away mid-work (peewee) and a file that cannot be read or written (``OSError``).
"""

from __future__ import annotations

from peewee import PeeweeException

BAD_INPUT = 2
DATABASE_UNAVAILABLE = 3
OTHER_FAILURE = 1


class UserError(Exception):
    """A problem explained to the user in Bahasa Indonesia; never a traceback."""

    exit_code: int = BAD_INPUT

    def __init__(self, message: str = "", *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        return str(self)


def as_user_error(err: BaseException) -> UserError | None:
    """``err`` as the user should read it, or None when it is a defect (to be logged with its traceback)."""
    if isinstance(err, UserError):
        return err
    if isinstance(err, PeeweeException):
        return UserError(
            f"Basis data tidak dapat dipakai saat ini ({err}). Periksa koneksi atau berkasnya, lalu coba lagi.",
            exit_code=DATABASE_UNAVAILABLE,
        )
    if isinstance(err, OSError):
        return UserError(f"Berkas tidak dapat dibaca atau ditulis: {err}", exit_code=OTHER_FAILURE)
    return None


USER_FACING = (UserError, PeeweeException, OSError)
"""What ``as_user_error`` puts into words: catch these where a failure is told and the work goes on."""


__all__ = ["BAD_INPUT", "DATABASE_UNAVAILABLE", "OTHER_FAILURE", "USER_FACING", "UserError", "as_user_error"]
