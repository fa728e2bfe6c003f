"""SQLite engines for a store file, and the one way a database error is told to the user.

Two programs on one file (the app and the CLI, two apps): the everyday engine leaves
pysqlite's transaction handling alone, and that is what keeps them from failing. Reads run
outside any transaction (each SELECT sees the latest commit); a transaction begins right
before the first INSERT/UPDATE/DELETE, and that statement takes the write lock at once, so
every write transaction starts with its write, as `BEGIN IMMEDIATE` would. A deferred
transaction that read first would fail with SQLITE_BUSY the moment it wrote after another
program's commit (the busy timeout does not cover that upgrade); here no transaction ever
holds a read snapshot when it asks to write. A writer waits up to BUSY_WAIT_S for another
program's write transaction (an import, an erase) and then fails with one line
(`error_line`). The migration engine takes transactions over: `BEGIN IMMEDIATE` is sent by
us, so the DDL of a whole upgrade is inside one transaction and a kill leaves either the old
revision or head.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Engine

from sendtui.store.plain import to_format
from sendtui.store.storefile import APPLICATION_ID, SQLITE_MAGIC, side_files  # noqa: F401
from sendtui.store.watch import Watch, watches

BUSY_WAIT_S = 10  # how long a writer waits for another program's write (an import, an erase)
PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_WAIT_S * 1000}",
    "PRAGMA secure_delete=ON",
)
MIGRATION_WAIT_S = 20  # another sendtui may be upgrading the same store
BUSY = ("database is locked", "database is busy", "database table is locked",
        "canceling statement due to lock timeout")


def sqlite_engine(path: Path, *, migrating: bool = False) -> Engine:
    """An engine on the store file; `migrating`: one explicit transaction per connection
    use, DDL included, and WAL switched on before it (it cannot change inside one)."""
    watcher = None if migrating else Watch(path)
    factory = {"factory": watcher.connection_class()} if watcher else {}
    engine = create_engine(
        URL.create("sqlite", database=str(path)), hide_parameters=True,
        connect_args={"timeout": MIGRATION_WAIT_S if migrating else BUSY_WAIT_S,
                      "check_same_thread": False, **factory})
    if watcher:
        watches(engine, watcher)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):
        if migrating:
            dbapi_conn.isolation_level = None
        for pragma in PRAGMAS:
            dbapi_conn.execute(pragma)
        if migrating:
            dbapi_conn.execute(f"PRAGMA busy_timeout={MIGRATION_WAIT_S * 1000}")
            dbapi_conn.execute("PRAGMA journal_mode=WAL")

    if migrating:
        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def error_line(exc: BaseException) -> str:
    """What the database said, on one line, without the statement or its parameters (they
    may hold evidence text or case references): the DBAPI error's own message only."""
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split())
    if text.startswith(BUSY):
        return ("another program kept it busy too long (another sendtui importing, erasing "
                "or upgrading?); try again when it has finished")
    # pysqlite quotes the undecodable stored text after "with text"
    cut = text.find(" with text ")
    if text.startswith("Could not decode") and cut > 0:
        text = text[:cut]
    # PostgreSQL's DETAIL and CONTEXT quote the values of the row ("Key (name)=(…)")
    for part in (" DETAIL:", " CONTEXT:", " HINT:"):
        text = text.split(part)[0]
    return text[:200] or type(orig).__name__


def create_file(path: Path) -> list[Path]:
    """A new empty file readable by its owner only (0600), in folders made 0700 when
    missing; what was made, first made first."""
    made = [p for p in reversed(path.parents) if not p.exists()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError:
        for folder in reversed(made):  # nothing is left half made
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    os.close(fd)
    return [*made, path]




def mark(conn) -> str:
    """The driver's parameter mark: ? for sqlite3, %s for psycopg."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def plain_runner(conn):
    """run(sql with ? marks, parameters) -> rows as tuples, on `conn` whatever its driver
    (sqlite3 takes ? itself; psycopg takes %s, so a literal % is doubled); `run.dialect`
    names the engine."""
    convert = mark(conn) != "?"

    def run(sql: str, params) -> list[tuple]:
        return [tuple(r) for r in conn.exec_driver_sql(
            to_format(sql) if convert else sql, tuple(params))]
    run.dialect = conn.dialect.name  # the engine, for the queries that differ by it
    return run
