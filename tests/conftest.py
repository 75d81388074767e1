"""Shared fixtures: a fresh real SQLite file per test, offscreen Qt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from netralitas_desktop.core import database  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def fixture_copy(tmp_path):
    """Copy a file from tests/fixtures into tmp_path and return the copy's path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copy(FIXTURES / name, target)
        return target

    return copy


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'netralitas.db'}"


@pytest.fixture
def db(sqlite_url):
    """A new SQLite database file, bound and migrated; closed afterwards."""
    location = database.open_database(sqlite_url)
    yield location
    database.close_database()
