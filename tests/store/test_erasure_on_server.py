"""Erasing on PostgreSQL: the server keeps an erased row's old version (a dead tuple) and its
index entries until VACUUM, so an erase vacuums the store's tables (store/compaction.py).

Checked here, on a real server: no live row of any table holds the erased name, the search
column holds none of its words, and every table was vacuumed and holds no dead row version
afterwards (`n_dead_tup` 0, the server's own count; no pageinspect here to look at the
pages themselves), and no table or index emptied keeps the statistics ANALYZE had sampled
from it (pg_stats). What cannot be checked from SQL, and what the store's DBA must do about
it: the WAL files keep the old row
images until a CHECKPOINT lets the server recycle them (archived WAL, base backups and
replicas keep theirs); freed bytes inside a vacuumed page are reused, not zeroed (`VACUUM
FULL` rewrites the tables); the GIN index keeps a word it once indexed as a key with no row
under it (`REINDEX INDEX CONCURRENTLY ix_evidence_search`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, make_url

from sendtui.store import evidence, inspections
from sendtui.store.compaction import compact
from sendtui.store.erasure import erase_evidence
from sendtui.store.repo import Store
from sendtui.store.server_statistics import forget_old_samples
from tests.cli.test_cli import ok, run
from tests.erased import connected, found, indexed

NAME = "Jamie Holt"  # a child's name the demo marks sensitive (CYP-03)


def now(url: str) -> dt.datetime:
    with connected(url) as conn:
        return conn.exec_driver_sql("SELECT clock_timestamp()").scalar()


def not_cleared(url: str, since: dt.datetime) -> dict[str, int]:
    """The tables not vacuumed since `since`, or holding dead row versions (an old version
    someone may still read, as the server's statistics count them): how many."""
    with connected(url) as conn:
        return dict(conn.exec_driver_sql(
            "SELECT relname, n_dead_tup FROM pg_stat_user_tables "
            "WHERE schemaname = current_schema() AND (n_dead_tup > 0 "
            "OR coalesce(last_vacuum < %s, true))", (since,)).all())


def test_after_erasing_a_childs_name_no_row_and_no_old_version_holds_it(pg_demo_database):
    url = pg_demo_database
    assert found(url, "Jamie")["Jamie"] and indexed(url, NAME)  # there to be erased
    since = now(url)
    said = run("erase", "name", NAME, db=url)
    assert "Erased the name marked as CYP-03 for good" in ok(said)
    assert "WAL files and backups keep the old content" in said.stderr
    assert found(url, "Jamie", NAME) == {"Jamie": 0, NAME: 0}
    assert indexed(url, NAME) == set()
    assert not_cleared(url, since) == {}


def test_a_client_mid_read_keeps_old_versions_until_compact_runs_again(pg_demo_database):
    """Another client's open transaction can still see the entry as it was: VACUUM keeps that
    version and the erase says so; `compact` once it has ended clears it."""
    store = Store.open(pg_demo_database)
    ins = inspections.all(store)[0].id
    entry = evidence.all(store, ins)[0].id
    other = create_engine(pg_demo_database, isolation_level="REPEATABLE READ")
    try:
        with other.connect() as reader:
            reader.exec_driver_sql("SELECT count(*) FROM evidence").scalar()  # a snapshot
            since = now(pg_demo_database)
            done = erase_evidence(store, ins, entry)
            assert done.rows and done.compacted is False
            assert "evidence" in not_cleared(pg_demo_database, since)
            reader.rollback()
        since = now(pg_demo_database)
        assert compact(store) is True
        assert not_cleared(pg_demo_database, since) == {}
    finally:
        other.dispose()
        store.close()


def sampled(url: str, word: str) -> list[tuple[str, str]]:
    """The columns whose statistics (the values ANALYZE sampled for the planner, which
    anyone who may read the table reads in pg_stats) hold `word`."""
    with connected(url) as conn:
        return [tuple(r) for r in conn.exec_driver_sql(
            "SELECT tablename, attname FROM pg_stats WHERE schemaname = current_schema() "
            "AND concat(most_common_vals::text, histogram_bounds::text, "
            "most_common_elems::text) ILIKE %s ORDER BY 1, 2", (f"%{word}%",))]


def analyzed(url: str) -> None:
    with connected(url, isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")


def test_the_planner_keeps_no_sample_of_what_people_wrote(pg_demo_database):
    """ANALYZE samples values for the planner, and an emptied table keeps its old sample (a
    purge would leave the children's names there): free text is never sampled (target 0),
    ids and codes are."""
    url = pg_demo_database
    analyzed(url)
    assert ("evidence", "source") in sampled(url, "meeting")  # ANALYZE did sample
    assert sampled(url, "Jamie") == [] and sampled(url, "helen") == []  # text, lower(name)
    ok(run("purge", "--yes", db=url))
    analyzed(url)
    assert sampled(url, "Jamie") == [] and sampled(url, "Wealdshire") == []


def test_an_owner_who_is_no_superuser_erases_and_the_store_is_cleared(pg_blank):
    """As a DBA sets it up: a role that owns the database, no superuser."""
    with connected(pg_blank, isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("DO $$ BEGIN CREATE ROLE sendtui_owner LOGIN; "
                             "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        conn.exec_driver_sql(f'ALTER DATABASE "{make_url(pg_blank).database}" '
                             "OWNER TO sendtui_owner")
    url = make_url(pg_blank).set(username="sendtui_owner").render_as_string(False)
    ok(run("demo", "--no-open", "--framework", "2016", db=url))
    analyzed(url)
    said = run("erase", "name", NAME, db=url)
    assert "Erased the name" in ok(said) and "other program" not in said.stderr
    assert found(url, "Jamie") == {"Jamie": 0} and sampled(url, "Jamie") == []


def test_a_sample_taken_before_is_deleted_or_the_store_is_not_cleared(pg_demo_database):
    """A store made before free text went unsampled keeps what was sampled: a superuser's
    compaction deletes it; another user's says the store is not cleared."""
    url = pg_demo_database
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    clerk = create_engine(make_url(url).set(username="sendtui_clerk"),
                          isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql("ALTER TABLE evidence ALTER COLUMN text SET STATISTICS 100")
            conn.exec_driver_sql("ANALYZE evidence")
            conn.exec_driver_sql("ALTER TABLE evidence ALTER COLUMN text SET STATISTICS 0")
            conn.exec_driver_sql("DO $$ BEGIN CREATE ROLE sendtui_clerk LOGIN; "
                                 "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
            conn.exec_driver_sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO sendtui_clerk")
        assert ("evidence", "text") in sampled(url, "Jamie")
        with clerk.connect() as conn:
            assert forget_old_samples(conn) is False
        with admin.connect() as conn:
            assert forget_old_samples(conn) is True
        assert sampled(url, "Jamie") == []
    finally:
        clerk.dispose()
        admin.dispose()


def test_the_command_says_when_another_clients_transaction_keeps_old_versions(pg_demo_database):
    url = pg_demo_database
    entry = ok(run("evidence", "add", "--line", "A1", "--source", "meeting", "--text",
                   "Quillfeather said so", db=url)).strip()
    other = create_engine(url, isolation_level="REPEATABLE READ")
    try:
        with other.connect() as reader:
            reader.exec_driver_sql("SELECT count(*) FROM evidence").scalar()  # a snapshot
            said = run("erase", "evidence", entry, db=url)
            reader.rollback()
    finally:
        other.dispose()
    assert "Erased" in ok(said)
    assert "another client's open transaction" in said.stderr
    assert "'sendtui erase compact' later" in said.stderr
    assert "The store's free space is cleared." in ok(run("erase", "compact", db=url))
