"""Secrets that belong to one database: made at first use, kept in ``AppSetting``, never exported.

The invitation QR secret (``qr_payload``) and the certificate signing key
(``certificates.keys``) live here. Each is read once per open database and cached: the
cache key is the Database object, held weakly so a closed and dropped database leaves no
entry whose id() a later one could reuse, and its location is compared too in case a
Database object is re-initialised to another file.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from .models import AppSetting, db

if TYPE_CHECKING:
    from peewee import Database

_Location = tuple[str, object, object, object]  # driver, database name, host, port
_cache: weakref.WeakKeyDictionary[object, dict[str, tuple[_Location, bytes]]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _location(database: Database) -> _Location:
    params = getattr(database, "connect_params", {}) or {}
    return (type(database).__name__, database.database, params.get("host"), params.get("port"))


def database_secret(key: str, make: Callable[[], bytes]) -> bytes:
    """The bytes stored under ``key``, created with ``make()`` at first use.

    Another desk may create it at the same moment: the first insert wins and all read it back.
    """
    database = db.obj
    if database is None:
        raise RuntimeError("database is not open")
    location = _location(database)
    with _lock:
        cached = _cache.get(database, {}).get(key)
    if cached and cached[0] == location:
        return cached[1]
    row = AppSetting.get_or_none(AppSetting.key == key)
    if row is None:
        AppSetting.insert(key=key, value=make().hex()).on_conflict_ignore().execute()
        row = AppSetting.get(AppSetting.key == key)
    secret = bytes.fromhex(row.value)
    if not database.in_transaction():  # a secret created inside a transaction may yet be rolled back
        with _lock:
            _cache.setdefault(database, {})[key] = (location, secret)
    return secret
