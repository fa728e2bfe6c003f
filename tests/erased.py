"""Where an erased word could still be read, on either engine.

SQLite: the raw bytes of the store file and its -wal and -shm, and the FTS5 index's terms.
PostgreSQL (no file to read): every column of every live row of every table, as text, and
the words the evidence's search column (tsvector) holds. The old row versions an erase
leaves on the server are tests/store/test_erasure_on_server.py's.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine

from sendtui.store.dialects import CONFIG, FOLD_FROM, FOLD_TO
from tests.fingerprint import fingerprint

TOKENIZER = "porter unicode61 remove_diacritics 2"  # the evidence_fts table's (0016)


@contextmanager
def connected(url: str, **options):
    """A connection to a PostgreSQL store, its engine disposed of afterwards."""
    engine = create_engine(url, **options)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def on_server(target: str | Path) -> bool:
    return "://" in str(target)


def spellings(word: str) -> set[bytes]:
    """The byte strings a word can be stored as: UTF-8, and JSON's \\u escapes (compared
    with ASCII letters folded, the other letters as spelled here)."""
    forms = {word, word.lower(), word.upper()}
    return {f.encode().lower() for f in forms} | {json.dumps(f)[1:-1].encode().lower()
                                                  for f in forms}


def found(target: str | Path, *words: str) -> dict[str, int]:
    """How often each word occurs in the store (compared case-insensitively)."""
    return found_in_rows(target, *words) if on_server(target) else \
        found_in_files(Path(target), *words)


def found_in_files(db: Path, *words: str) -> dict[str, int]:
    """How often each word occurs in the raw bytes of the store and its -wal and -shm."""
    data = b"".join(p.read_bytes() for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm"))
                    if p.exists()).lower()
    return {w: sum(data.count(form) for form in spellings(w)) for w in words}


def found_in_rows(url: str, *words: str) -> dict[str, int]:
    """How often each word occurs in the live rows of every table of the store's schema,
    every column read as text (the tsvector's lexemes and JSON's escapes too)."""
    values = [v.encode().lower() for v in _every_value(url) if v]
    return {w: sum(v.count(form) for v in values for form in spellings(w)) for w in words}


def _every_value(url: str) -> list[str]:
    with connected(url) as conn:
        columns: dict[str, list[str]] = {}
        for table, column in conn.exec_driver_sql(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() ORDER BY table_name"):
            columns.setdefault(table, []).append(f'"{column}"::text')
        return [value for table, cast in columns.items()
                for row in conn.exec_driver_sql(f'SELECT {", ".join(cast)} FROM "{table}"')
                for value in row]


def index_terms(target: str | Path) -> set[str]:
    """The words the search index holds: FTS5's terms (read through fts5vocab), or the
    lexemes of the live rows' search column."""
    if on_server(target):
        return _server_words(target, "SELECT word FROM ts_stat('SELECT search FROM evidence')")
    conn = sqlite3.connect(target)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, evidence_fts, row)")
        return {row[0] for row in conn.execute("SELECT term FROM temp.v")}
    finally:
        conn.close()


def terms_of(target: str | Path, text: str) -> set[str]:
    """The terms the index would hold for `text` (stemmed and folded as the engine does)."""
    if on_server(target):
        return _server_words(
            target, f"SELECT unnest(tsvector_to_array(to_tsvector('{CONFIG}', "
                    f"translate(%s, '{FOLD_FROM}', '{FOLD_TO}'))))", (text,))
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, row)")
        conn.execute("INSERT INTO t VALUES (?)", (text,))
        return {row[0] for row in conn.execute("SELECT term FROM v")}
    finally:
        conn.close()


def indexed(target: str | Path, *texts: str) -> set[str]:
    """Which terms of these texts the store's search index still holds."""
    held = index_terms(target)
    return {t for text in texts for t in terms_of(target, text)} & held


def _server_words(url: str, statement: str, params: tuple = ()) -> set[str]:
    with connected(url) as conn:
        return {r[0] for r in conn.exec_driver_sql(statement, params)}


def healthy(target: str | Path) -> None:
    """The file passes SQLite's integrity and foreign key checks and FTS5's own; a server
    checks its constraints at every statement, so a PostgreSQL store has nothing to add."""
    if on_server(target):
        return
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


def state(target: str | Path) -> str:
    """One hash of what the store holds, to check that nothing changed: the file and its WAL,
    or every row of every table on a server."""
    if on_server(target):
        return fingerprint(target)
    h = hashlib.sha256()
    for p in (Path(target), Path(f"{target}-wal")):
        h.update(p.read_bytes() if p.exists() else b"")
    return h.hexdigest()
