"""Clearing a store file's free space after an erase: the WAL checkpointed into the file,
VACUUM (secure_delete is on), the WAL truncated, so no page of the file or its WAL still
holds erased content."""

from __future__ import annotations

import sqlite3

from sendtui.store.repo import Store


def compact(store: Store) -> bool | None:
    """Checkpoint the WAL into the file, VACUUM, checkpoint again and truncate the WAL, so
    that no page of the file or its WAL still holds erased content. False when another
    program holds the store open (a reader) for longer than the busy timeout."""
    if store.engine.dialect.name != "sqlite":
        return None
    raw = store.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.commit()  # VACUUM cannot run inside a transaction
        conn.execute("PRAGMA secure_delete=ON")
        done = _checkpoint(conn)
        conn.execute("VACUUM")
        return _checkpoint(conn) and done
    except sqlite3.OperationalError:  # locked or busy: the erase itself is committed
        return False
    finally:
        raw.close()


def _checkpoint(conn: sqlite3.Connection) -> bool:
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0
