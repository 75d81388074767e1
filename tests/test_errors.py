"""One base for the errors a user can act on (core/errors.py), told in one place by the CLI and the window.

Also the rules that make "one way" stick: no core module defines an error outside that base and
no module but gui/common/settings.py spells a QSettings key.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import re
from pathlib import Path

from peewee import OperationalError

import netralitas_desktop
from netralitas_desktop.cli import main
from netralitas_desktop.core import errors
from netralitas_desktop.core.errors import BAD_INPUT, DATABASE_UNAVAILABLE, OTHER_FAILURE, UserError, as_user_error
from netralitas_desktop.core.jobs import Cancelled

PACKAGE = Path(netralitas_desktop.__file__).parent

# What each error means for the README's exit-code table: 2 bad input, 3 the database, 1 other.
EXIT_CODES = {
    "DatabaseError": DATABASE_UNAVAILABLE,
    "DamagedDatabaseError": DATABASE_UNAVAILABLE,  # an empty or damaged SQLite file: never opened
    "SchemaTooNewError": DATABASE_UNAVAILABLE,
    "DocumentError": OTHER_FAILURE,
    "BackupError": OTHER_FAILURE,
}


def core_exception_classes() -> list[type[BaseException]]:
    found = {}
    for module_info in pkgutil.walk_packages([str(PACKAGE / "core")], "netralitas_desktop.core."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == module.__name__:
                found[value.__qualname__ + value.__module__] = value
    return list(found.values())


def test_every_core_error_is_a_user_error_with_its_exit_code():
    classes = [cls for cls in core_exception_classes() if cls not in (UserError, Cancelled)]
    assert len(classes) >= 24
    for cls in classes:
        assert issubclass(cls, UserError), f"{cls.__module__}.{cls.__name__} does not derive from UserError"
        assert cls.exit_code == EXIT_CODES.get(cls.__name__, BAD_INPUT), cls.__name__
    names = [cls.__name__ for cls in classes]
    assert len(names) == len(set(names)), "two error classes share a name"


def test_outside_failures_are_put_into_words_and_defects_are_not():
    lost = as_user_error(OperationalError("disk I/O error"))
    assert lost is not None and lost.exit_code == DATABASE_UNAVAILABLE and "disk I/O error" in lost.message
    unreadable = as_user_error(PermissionError(13, "Permission denied", "rekap.xlsx"))
    assert unreadable is not None and unreadable.exit_code == OTHER_FAILURE and "rekap.xlsx" in unreadable.message
    assert as_user_error(KeyError("kolom")) is None
    assert isinstance(OperationalError("x"), errors.USER_FACING) and isinstance(PermissionError(), errors.USER_FACING)
    assert not isinstance(KeyError("kolom"), errors.USER_FACING)


def test_the_cli_reports_a_defect_as_unexpected_with_exit_1_and_logs_it(db, sqlite_url, monkeypatch, capsys, caplog):
    from netralitas_desktop.cli import events as event_commands

    def broken():
        raise ZeroDivisionError("pembagian nol")

    monkeypatch.setattr(event_commands.events, "list_events", broken)
    assert main(["--db", sqlite_url, "event", "list", "--json"]) == 1
    answer = json.loads(capsys.readouterr().out)
    assert answer["ok"] is False and "tak terduga" in answer["error"] and "pembagian nol" in answer["error"]
    assert any(record.exc_info and record.exc_info[0] is ZeroDivisionError for record in caplog.records)


def test_the_cli_exit_code_is_the_errors_own(db, sqlite_url, capsys):
    assert main(["--db", sqlite_url, "event", "show", "99", "--json"]) == BAD_INPUT
    assert "tidak ditemukan" in json.loads(capsys.readouterr().out)["error"]


_SETTINGS_KEY = re.compile(r"""QSettings\(\)\.(?:value|setValue|remove|contains)\(\s*["']""")


def test_no_settings_key_is_spelled_outside_the_settings_module():
    spelled = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):  # QSettings is Qt: the core never has one
        text = path.read_text(encoding="utf-8")
        if path != PACKAGE / "gui" / "common" / "settings.py" and (
            _SETTINGS_KEY.search(text) or re.search(r"""^\w*KEY\w*\s*=\s*["'][\w/{}]+["']""", text, re.MULTILINE)
        ):
            spelled.append(path.relative_to(PACKAGE).as_posix())
    assert spelled == []
