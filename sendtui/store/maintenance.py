"""Care of the store: a health report and consistent backups."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sendtui.store import inspections
from sendtui.store.db import create_file, resolve


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


def backup_to(store, target: str, output: Path | None) -> Path:
    where = resolve(target)
    if where.path is None:
        raise ValueError("backup copies SQLite stores; use the server's own tools")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    output = (output or where.path.with_name(f"{where.path.stem}-{stamp}.db")).resolve()
    if not output.exists():
        create_file(output)
    src, dst = sqlite3.connect(where.path), sqlite3.connect(output)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return output
