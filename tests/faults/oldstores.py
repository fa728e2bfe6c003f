"""Stores as earlier versions of sendtui left them: the schema of a revision (Alembic, as
`sendtui.store.db._migrate` runs it), then rows written in plain SQL with the columns that
revision has. Until `tests/store/old_stores.py` (`make_store_at`) is merged; then use that."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
LINES = ("A1", "A2", "A3", "B1", "B2", "B3", "B4", "B5", "C1", "C2", "C3", "C4")
WORDS = ("parents", "said", "the", "plan", "was", "late", "annual", "review", "school",
         "speech", "therapy", "waiting", "list", "transition", "health", "visit", "EHC")


def make_store_at(path: Path, revision: str, entries: int) -> Path:
    """A store at `revision` holding one inspection, its lines and `entries` evidence entries
    (each with its first version), the WAL checkpointed into the file."""
    _schema(path, revision)
    with closing(sqlite3.connect(path)) as conn:
        _fill(conn, entries)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _schema(path: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from sendtui.store.db import APPLICATION_ID, create_file, migrations_folder

    create_file(path)
    engine = create_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_folder()))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()
    engine.dispose()


def _fill(conn: sqlite3.Connection, entries: int) -> None:
    now = dt.datetime(2026, 11, 24, 9, 0)
    device = str(uuid.uuid4())
    stamp = {"updated_at": now, "updated_by": device, "hlc": f"{0:015d}-{device[:8]}"}
    ins = str(uuid.uuid4())
    _insert(conn, "store_info", [{"key": "device_id", "value": device}])
    _insert(conn, "inspection", [{**stamp, "id": ins, "local_area": "Wealdshire",
                                  "framework": "2016", "notified": dt.date(2026, 11, 23)}])
    lines = [{**stamp, "id": str(uuid.uuid4()), "inspection_id": ins, "code": code,
              "title": f"Line {code}", "strand": code[0], "is_bespoke": False, "position": i}
             for i, code in enumerate(LINES)]
    _insert(conn, "line_of_enquiry", lines)
    evidence, versions = [], []
    for i in range(entries):
        text = " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(12)) + f" n{i}"
        at = now + dt.timedelta(minutes=i)
        entry = {**stamp, "id": str(uuid.uuid4()), "inspection_id": ins,
                 "line_id": lines[i % len(lines)]["id"], "source": "document", "text": text,
                 "at": at, "case_ref": f"EHC-{i:05d}" if i % 7 == 0 else None, "author": ""}
        evidence.append(entry)
        versions.append({**stamp, "id": str(uuid.uuid4()), "evidence_id": entry["id"],
                         "text": text, "saved_at": at})
    _insert(conn, "evidence", evidence)
    _insert(conn, "evidence_version", versions)


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    """The rows, with only the columns this revision's table has."""
    have = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    columns = [c for c in have if c in rows[0]]
    marks = ",".join("?" * len(columns))
    conn.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})",
                     [[_sql(r[c]) for c in columns] for r in rows])


def _sql(value):
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
