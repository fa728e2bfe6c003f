"""Rows read without SQLAlchemy (half a second to load), for the read-only commands and the
app's first look: a store file with the sqlite3 module alone, a server database with psycopg
alone, each only when it is a store at the current schema; anything else gives None, and the
full opening looks first (it says why, upgrades, or narrows a file's mode with a notice).

    with plain_reads(target) as rows:   # rows(sql with ?, parameters) -> [tuple]; or None
"""

from __future__ import annotations

import sqlite3
import stat
import urllib.parse
from contextlib import contextmanager
from pathlib import Path

from sendtui.errors import StoreError
from sendtui.store import storefile
from sendtui.store.revisions import head_revision, known_revisions


def to_format(sql: str) -> str:
    """`sql` with its ? marks as %s and its % doubled, leaving quoted text's ? alone."""
    out, quote = [], None
    for ch in sql:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            ch = "%s"
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


@contextmanager
def plain_reads(target: str):
    """Rows for the read-only commands and the app's first look without SQLAlchemy (half a
    second to load): from a store file with the sqlite3 module (`plain_file`), from a server
    database with psycopg alone (`plain_server`); None when the full opening must look first."""
    with (plain_server if "://" in target else plain_file)(target) as rows:
        yield rows


@contextmanager
def plain_server(url: str):
    """Rows from a PostgreSQL store at the current schema, read-only, with psycopg alone;
    None for anything else (another engine or driver, no psycopg, a server that cannot be
    reached, another schema): the full opening then says what, with the password hidden."""
    conn = _server(url)
    if conn is None:
        yield None
        return
    try:
        def run(sql: str, params) -> list[tuple]:
            return conn.execute(to_format(sql), tuple(params)).fetchall()
        run.dialect = "postgresql"
        yield run
    finally:
        conn.close()


def _server(url: str):
    scheme, _, rest = url.partition("://")
    if scheme not in ("postgresql", "postgresql+psycopg"):
        return None
    try:
        import psycopg
    except ImportError:
        return None
    try:
        conn = psycopg.connect("postgresql://" + rest, connect_timeout=10,
                               application_name="sendtui", autocommit=True)
    except (psycopg.Error, ValueError):
        return None
    try:
        conn.execute("SET default_transaction_read_only = on")  # these reads never write
        found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if found == [(head_revision(),)]:
            return conn
    except psycopg.Error:
        pass
    conn.close()
    return None


@contextmanager
def plain_file(target: str):
    """Rows from a store file at the current schema with the sqlite3 module alone, read-only
    (the read-only commands: no SQLAlchemy to load); None when the full opening must look at
    it first (a URL, a file that is not a usable store, an older schema, a read-only file, a
    mode others can read: it says why, or upgrades or narrows with a notice)."""
    conn = _connect(target) if _plain(target) else None
    try:
        yield None if conn is None else (
            lambda sql, params: conn.execute(sql, params).fetchall())
    finally:
        if conn is not None:
            conn.close()


def _plain(target: str) -> bool:
    if "://" in target or not target.strip() or "\x00" in target:
        return False
    path = Path(target)
    try:
        if not stat.S_ISREG(path.stat().st_mode) or any(
                each.stat().st_mode & 0o077 for each in (path, *storefile.side_files(path))
                if each.exists()):
            return False  # the full opening makes it owner-only, and says so
        if storefile.writable_problem(path):
            return False  # ... or refuses it, as for every command
        found = storefile.inspect_file(path, known_revisions(), head_revision())
    except (OSError, StoreError):
        return False
    return found.revision == head_revision()


def _connect(target: str) -> sqlite3.Connection | None:
    try:  # read-only: these reads never write
        return sqlite3.connect("file:" + urllib.parse.quote(target) + "?mode=ro", uri=True)
    except (sqlite3.Error, OSError):
        return None
