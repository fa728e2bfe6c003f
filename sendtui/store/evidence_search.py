"""Full-text search over the evidence in plain SQL: run through the store, or by `sendtui
search` with the sqlite3 module alone (`plain.plain_file`). The statements of each engine
(SQLite FTS5, PostgreSQL tsvector) are in `sendtui.store.dialects`; a `Rows` runner says
its engine in `rows.dialect` (none: SQLite)."""

from __future__ import annotations

from dataclasses import dataclass

from sendtui.records import EvidenceRecord
from sendtui.store.dialects import MARK_END, MARK_START, query_for, search_statements
from sendtui.store.dialects import shown_snippet
from sendtui.store.glance import Rows, instant

# SQLite. One statement, plain rows: building ORM objects for the hits would cost more than
# the search. Many matches: `ORDER BY rank` lets FTS5 sort them itself, and the snippet is
# made only for the rows returned (`ORDER BY bm25(...)` made one for every match before
# sorting). A page or less: ORDER BY bm25, which is then cheaper (FTS5's sorter goes over the
# matches twice). CROSS JOIN: the full-text index first, always.


@dataclass(frozen=True)
class Hit:
    entry: EvidenceRecord
    snippet: str  # matched words between « and »; never holds the case reference
    score: float  # bm25 (SQLite) or -ts_rank (PostgreSQL): lower is better


def first_page(rows: Rows, inspection_id: str, query: str, limit: int = 50,
               among: int | None = None) -> tuple[list[Hit], bool]:
    """The best matches among the newest `among` (all when None), and whether that was every
    match. Ranking costs about a microsecond a match: a common word matching tens of thousands
    of entries answers at once this way, and the whole ranking can follow."""
    dialect = getattr(rows, "dialect", "sqlite")
    sql, match = search_statements(dialect), query_for(dialect, query)
    upto = max(among or 0, limit) + 1
    if dialect == "sqlite":
        newest = [rowid for (rowid,) in rows(sql["newest"], (match, upto))]
        whole = not among or len(newest) <= among
        statement = sql["by_score"] if len(newest) <= limit else sql["by_rank"]
        params = (match, 0 if whole else newest[among - 1], inspection_id, limit)
    elif not among:  # every match ranked: no count needed
        whole, statement, params = True, sql["by_score"], (match, inspection_id, limit)
    else:
        whole = rows(sql["newest"], (match, inspection_id, upto))[0][0] <= among
        statement, params = ((sql["by_score"], (match, inspection_id, limit)) if whole
                             else (sql["by_rank"], (match, inspection_id, among, limit)))
    hits = [Hit(EvidenceRecord(*row[:4], instant(row[4]), *row[5:10]),
                shown_snippet(dialect, row[3], row[10], query), row[11])
            for row in rows(statement, params)]
    return hits, whole


def snippet_shown(redact, snippet: str) -> str:
    """A snippet passed through `redact`: when a marked name is in it (perhaps split by the
    highlight, «Jamie» Holt), it comes back redacted and without its highlight marks."""
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    redacted = redact(plain)
    return snippet if redacted == plain else redacted
