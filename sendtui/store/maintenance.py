"""Care of the store: a health report and consistent backups."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from sendtui.errors import InvalidInput, StoreError
from sendtui.files import atomic_output
from sendtui.store import inspections
from sendtui.store.db import resolve


def diagnose(store, target: str) -> dict[str, str]:
    where = resolve(target)
    with store.engine.connect() as conn:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        integrity = (conn.exec_driver_sql("PRAGMA integrity_check").scalar()
                     if where.path else "not checked (server database)")
    report = {"store": str(where.path or where.url), "schema": revision,
              "integrity": integrity, "inspections": str(len(inspections.all(store)))}
    for ins in inspections.all(store):
        c = inspections.counts(store, ins.id)
        report[f"{ins.local_area[:12]} {ins.id[:8]}"] = (f"{c.settings} settings, {c.people} people, "
                                       f"{c.events} events, {c.evidence} evidence")
    return report


def backup_to(store, target: str, output: Path | None, force: bool = False) -> Path:
    """A consistent copy of the SQLite store at `output` (default: beside the store, named
    by the time). `output` is checked like an export's `-o` (`sendtui.files`): a new file in
    a folder that exists, or an existing regular file with `force`; written atomically."""
    where = resolve(target)
    if where.path is None:
        raise InvalidInput("backup copies SQLite stores; use the server's own tools")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    output = Path(os.path.abspath(output or where.path.with_name(
        f"{where.path.stem}-{stamp}.db")))
    with atomic_output(output, force) as tmp:
        src, dst = sqlite3.connect(where.path), sqlite3.connect(tmp)
        try:
            src.backup(dst)
        except sqlite3.Error as exc:
            raise StoreError(f"the backup could not be made: {exc}") from None
        finally:
            src.close()
            dst.close()
    return output
