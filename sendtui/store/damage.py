"""Telling a damaged store from a bug, when a command failed in a way nobody foresaw.

A bit flipped inside a stored value passes SQLite's own checks and fails later, far from
the store: a date that cannot be parsed while rows are read, a reference to a row that is
not there. Those are the store's trouble (exit 3, one line); anything else is a bug.
"""

from __future__ import annotations

import sqlite3
import sys
import traceback
from pathlib import Path

from sendtui.errors import StoreError
from sendtui.store.engines import error_line

OWN = str(Path(__file__).resolve().parents[1])  # the sendtui package
STORE = str(Path(__file__).resolve().parent)  # the store's own modules
UNREADABLE = (ValueError, TypeError, KeyError, OverflowError, UnicodeDecodeError)


def as_store_error(exc: BaseException, store=None) -> StoreError | None:
    """The one-line StoreError `exc` stands for, or None when it is not the store's."""
    if isinstance(exc, StoreError):
        return exc
    if _database_error(exc):
        return StoreError(f"the store cannot be used: {error_line(exc)}")
    if store is None or not isinstance(exc, UNREADABLE):
        return None
    if _while_reading_rows(exc):
        return StoreError("the store holds a value that cannot be read (it may be damaged): "
                          "run 'sendtui doctor' or restore a backup")
    problem = damage(store)
    if problem:
        return StoreError(f"the store is damaged ({problem}): restore a backup")
    if isinstance(exc, KeyError) and _deepest_own(exc).startswith(STORE):
        return StoreError("the store holds rows that do not fit together (it may be "
                          "damaged): restore a backup")
    return None


def damage(store) -> str | None:
    """What SQLite's checks find wrong with the store (None: nothing)."""
    try:
        with store.engine.connect() as conn:
            check = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            if check != "ok":
                return "integrity check: " + " ".join(str(check).split())[:120]
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
            if broken:
                return f"a row of {broken[0]} refers to a missing row of {broken[2]}"
    except Exception as exc:  # noqa: BLE001 - a store too damaged to check is damaged
        return error_line(exc)
    return None


def _database_error(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error):
        return True
    sa_exc = sys.modules.get("sqlalchemy.exc")
    return sa_exc is not None and isinstance(exc, sa_exc.DBAPIError)


def _files(exc: BaseException) -> list[str]:
    return [frame.f_code.co_filename for frame, _ in traceback.walk_tb(exc.__traceback__)]


def _while_reading_rows(exc: BaseException) -> bool:
    """Raised inside SQLAlchemy's turning of stored values into Python ones."""
    files = _files(exc)
    deepest_own = max((i for i, f in enumerate(files) if f.startswith(OWN)), default=-1)
    return any("sqlalchemy" in f for f in files[deepest_own + 1:])


def _deepest_own(exc: BaseException) -> str:
    """The sendtui file the failure was raised in (or passed through last)."""
    return next((f for f in reversed(_files(exc)) if f.startswith(OWN)), "")
