"""Clearing a store's free space after an erase.

SQLite: the WAL checkpointed into the file, VACUUM (secure_delete is on), the WAL truncated,
so no page of the file or its WAL still holds erased content.

PostgreSQL: an UPDATE or DELETE leaves the old row version (a dead tuple) in the table and
its index entries (the GIN search index's included) until VACUUM removes them: until then
tools that read dead tuples, and the index, still hold the erased words. So the store's
tables are vacuumed (`VACUUM (ANALYZE, INDEX_CLEANUP ON)`: index entries go even for a
small erase, which VACUUM would otherwise skip), outside any transaction. What this cannot
clear, and its DBA must: the WAL files keep the old row images until a CHECKPOINT lets the
server recycle them (and archived WAL, base backups and replicas keep theirs); a vacuumed
page's freed bytes are reused, not zeroed (`VACUUM FULL` rewrites the tables into new
files); the GIN index keeps a word it once indexed as a key with no row under it (`REINDEX
INDEX CONCURRENTLY ix_evidence_search` rebuilds it from the rows as they are).
"""

from __future__ import annotations

import sqlite3

from sendtui.store.engines import BUSY_WAIT_S
from sendtui.store.repo import Store

WAIT_MS = 5000  # for another program's reader: the erase is committed, compaction can wait


def compact(store: Store) -> bool:
    """Checkpoint the WAL into the file, VACUUM, checkpoint again and truncate the WAL, so
    that no page of the file or its WAL still holds erased content. False when another
    program holds the store open (a reader) for longer than the busy timeout. On PostgreSQL:
    `vacuum`."""
    if store.engine.dialect.name == "postgresql":
        return vacuum(store)
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


TABLES = ("SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = "
          "c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'")
# A table not vacuumed since `since` (VACUUM skipped it: not its owner), or with a page not
# all-visible after it: one may still hold a dead row version another client's open
# transaction can see (or a row written since: a later `compact` tells them apart).
NOT_CLEARED = ("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
               "c.relnamespace LEFT JOIN pg_stat_user_tables t ON t.relid = c.oid "
               "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND ("
               "c.relallvisible < c.relpages OR t.last_vacuum IS NULL OR t.last_vacuum < %s)")


def vacuum(store: Store) -> bool:
    """VACUUM the store's tables on PostgreSQL: True when afterwards every page of them is
    all-visible, so no old version of an erased row (nor an index entry to it) is left for
    anyone to read; False when another client's open transaction still keeps some."""
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        tables = [r[0] for r in conn.exec_driver_sql(TABLES)]
        since = conn.exec_driver_sql("SELECT clock_timestamp()").scalar()
        conn.exec_driver_sql(f"VACUUM (ANALYZE, INDEX_CLEANUP ON) {', '.join(tables)}")
        return conn.exec_driver_sql(NOT_CLEARED, (since,)).all() == []
