"""Clearing a store's free space after an erase.

SQLite: the WAL checkpointed into the file, VACUUM (secure_delete is on), the WAL truncated,
so no page of the file or its WAL still holds erased content.

PostgreSQL: an UPDATE or DELETE leaves the old row version (a dead tuple) in the table and
its index entries (the GIN search index's included) until VACUUM removes them: until then
tools that read dead tuples, and the index, still hold the erased words. So the store's
tables are vacuumed (`VACUUM (ANALYZE, INDEX_CLEANUP ON)`: index entries go even for a
small erase, which VACUUM would otherwise skip), outside any transaction. The planner's
statistics hold no sample of free text (`server_statistics`: an emptied table would keep
its old one); one taken before that rule is deleted here where the user may. What this cannot
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
from sendtui.store.server_statistics import forget_old_samples

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
# A table VACUUM left dead row versions in (another client's open transaction may still see
# them), or did not vacuum since `since` (not its owner: it skips the table).
NOT_CLEARED = ("SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() "
               "AND (n_dead_tup > 0 OR last_vacuum IS NULL OR last_vacuum < %s)")


def vacuum(store: Store) -> bool:
    """VACUUM the store's tables on PostgreSQL: True when afterwards none holds a dead row
    version (an erased row's old text, an index entry to it) for anyone to read, nor the
    statistics a sample of free text; False when another client's open transaction still
    keeps some, or an old sample is left that this user may not delete."""
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if conn.dialect.server_version_info >= (15,):  # this connection's counts (most often
            conn.exec_driver_sql("SELECT pg_stat_force_next_flush()")  # the erase's) in first
        tables = [r[0] for r in conn.exec_driver_sql(TABLES)]
        since = conn.exec_driver_sql("SELECT clock_timestamp()").scalar()
        conn.exec_driver_sql(f"VACUUM (ANALYZE, INDEX_CLEANUP ON) {', '.join(tables)}")
        cleared = forget_old_samples(conn)
        return conn.exec_driver_sql(NOT_CLEARED, (since,)).all() == [] and cleared
