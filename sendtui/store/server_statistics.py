"""No sample of what people wrote in a server database's planner statistics.

ANALYZE (autovacuum's too) keeps a sample of each column's values in pg_statistic, which
pg_stats shows to anyone who may read the table: a child's name in evidence.text, a word of
the search column, a lower(name) of the live names' index. After an erase, VACUUM ANALYZE
samples the rows again, but ANALYZE leaves an emptied table's or index's old sample as it
was, and only a superuser may delete it. So the columns of free text are never sampled
(statistics target 0): ids, clocks and codes keep theirs, which is what the planner's
estimates use (inspection_id, source, deleted_at…). The search's estimates then take
PostgreSQL's default selectivity for `@@`, which leads to its GIN index.

`unsampled(conn)`: every text column of the store not in KEPT, and every text expression of
an index, set to statistics target 0 (idempotent; migration 0023 runs it, and
`migrate.migrate_server` after every upgrade, so a new column is covered at once).
`forget_old_samples(conn)`: the samples taken of those columns before (a store made before
0023) deleted; False when this user may not (not a superuser): the DBA then runs
`DELETE FROM pg_statistic` for them (README).
"""

from __future__ import annotations

# columns of text that hold no one's words: ids, clocks, codes and kinds
KEPT = {"id", "hlc", "updated_by", "device_id", "table_name", "field", "source", "judgement",
        "kind", "status", "code", "key", "framework", "rule", "strand", "version_num"}
TEXT_TYPES = "'text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'tsvector'::regtype, " \
             "'json'::regtype, 'jsonb'::regtype"
_COLUMNS = f"""
    SELECT c.relname, a.attname, a.attnum, c.relkind, coalesce(a.attstattarget, -1)
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid
    WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
      AND a.atttypid IN ({TEXT_TYPES})
      AND (c.relkind = 'r' OR (c.relkind = 'i' AND i.indkey[a.attnum - 1] = 0))
"""


def free_text(conn) -> list[tuple[str, str, int, str, int]]:
    """(relation, column, its number, 'r' table or 'i' index, statistics target) of each
    column that may hold someone's words."""
    return [tuple(r) for r in conn.exec_driver_sql(_COLUMNS)
            if r[3] == "i" or not (r[1] in KEPT or r[1].endswith("_id"))]


def unsampled(conn) -> None:
    for relation, column, number, kind, target in free_text(conn):
        if target == 0:
            continue
        if kind == "r":
            conn.exec_driver_sql(
                f'ALTER TABLE "{relation}" ALTER COLUMN "{column}" SET STATISTICS 0')
        else:
            conn.exec_driver_sql(
                f'ALTER INDEX "{relation}" ALTER COLUMN {number} SET STATISTICS 0')


def forget_old_samples(conn) -> bool:
    """Delete what was sampled of the free text columns before they were set not to be
    (PostgreSQL keeps it: ANALYZE skips a column with target 0); True when none is left."""
    old = conn.exec_driver_sql(  # pg_stats: pg_statistic is for superusers to read
        "SELECT c.oid, a.attnum FROM pg_stats s JOIN pg_namespace n ON n.nspname = s.schemaname "
        "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = s.attname "
        "WHERE s.schemaname = current_schema() AND coalesce(a.attstattarget, -1) = 0").all()
    if not old:
        return True
    from sqlalchemy.exc import DBAPIError

    try:
        for relation, number in old:
            conn.exec_driver_sql("DELETE FROM pg_statistic WHERE starelid = %s "
                                 "AND staattnum = %s", (relation, number))
    except DBAPIError:  # permission denied for table pg_statistic
        return False
    return True
