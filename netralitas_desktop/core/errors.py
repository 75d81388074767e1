"""One base for every error the user can act on, so the GUI and the CLI each handle them in one place.

A ``UserError``'s text is the Indonesian sentence shown as it is (a dialog, a banner, a CLI line);
``exit_code`` follows the README's table: 2 bad input, 3 the database cannot be opened, 1 otherwise.
Anything that is not a ``UserError`` is a defect: logged with its traceback, shown as an unexpected error.
"""

from __future__ import annotations

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


__all__ = ["BAD_INPUT", "DATABASE_UNAVAILABLE", "OTHER_FAILURE", "UserError"]
