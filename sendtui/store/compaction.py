"""Clearing a store file's free space after an erase: the WAL checkpointed into the file,
VACUUM (secure_delete is on), the WAL truncated, so no page of the file or its WAL still
holds erased content."""

from __future__ import annotations

import sqlite3

from sendtui.store.engines import BUSY_WAIT_S
from sendtui.store.repo import Store

WAIT_MS = 5000  # for another program's reader: the erase is committed, compaction can wait


def compact(store: Store) -> bool | None:
    """Checkpoint the WAL into the file, VACUUM, checkpoint again and truncate the WAL, so
    that no page of the file or its WAL still holds erased content. False when another
    program holds the store open (a reader) for longer than the busy timeout."""
    if store.engine.dialect.name != "sqlite":
        return None
    raw = store.engine.raw_connection()
    conn = raw.driver_connection
    try:
        conn.commit()  # VACUUM cannot run inside a transaction
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute(f"PRAGMA busy_timeout={WAIT_MS}")
        done = _checkpoint(conn)
        conn.execute("VACUUM")
        return _checkpoint(conn) and done
    except sqlite3.OperationalError:  # locked or busy: the erase itself is committed
        return False
    finally:
        try:  # back in the pool with the everyday wait
            conn.execute(f"PRAGMA busy_timeout={BUSY_WAIT_S * 1000}")
        finally:
            raw.close()


def _checkpoint(conn: sqlite3.Connection) -> bool:
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0
