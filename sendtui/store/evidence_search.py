"""Full-text search over the evidence in plain SQL (SQLite FTS5): run through the store, or
by `sendtui search` with the sqlite3 module alone (`glance.plain_file`)."""

from __future__ import annotations

from dataclasses import dataclass

from sendtui.domain.search_query import fts_query
from sendtui.records import EvidenceRecord
from sendtui.store.glance import Rows, instant

MARK_START, MARK_END = "«", "»"  # around matched words in a snippet

# One statement, plain rows: building ORM objects for the hits would cost more than the search.
# Many matches: `ORDER BY rank` lets FTS5 sort them itself, and the snippet is made only for
# the rows returned (`ORDER BY bm25(...)` made one for every match before sorting). A page or
# less: ORDER BY bm25, which is then cheaper (FTS5's sorter goes over the matches twice).
# Parameters: the query, the lowest rowid ranked (0: every match), the inspection, the limit.
# CROSS JOIN: the full-text index first, always.
SEARCH = f"""
    SELECT e.id, l.code, e.source, e.text, e.at, s.urn, s.name, e.case_ref, e.judgement,
           e.author, snippet(evidence_fts, 0, '{MARK_START}', '{MARK_END}', '…', 12), {{score}}
    FROM evidence_fts
    CROSS JOIN evidence e ON e.rowid = evidence_fts.rowid
    JOIN line_of_enquiry l ON l.id = e.line_id
    LEFT JOIN setting s ON s.id = e.setting_id
    WHERE evidence_fts MATCH ? AND evidence_fts.rowid >= ?
      AND e.inspection_id = ? AND e.deleted_at IS NULL
    ORDER BY {{score}} LIMIT ?
"""
BY_RANK, BY_SCORE = (SEARCH.format(score=score)
                     for score in ("evidence_fts.rank", "bm25(evidence_fts)"))
# The newest matches, any inspection's: FTS5 walks its index backwards, cheaply.
NEWEST = ("SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? "
          "ORDER BY rowid DESC LIMIT ?")


@dataclass(frozen=True)
class Hit:
    entry: EvidenceRecord
    snippet: str  # matched words between « and »; never holds the case reference
    score: float  # bm25: lower is better


def first_page(rows: Rows, inspection_id: str, query: str, limit: int = 50,
               among: int | None = None) -> tuple[list[Hit], bool]:
    """The best matches among the newest `among` (all when None), and whether that was every
    match. Ranking costs about a microsecond a match: a common word matching tens of thousands
    of entries answers at once this way, and the whole ranking can follow."""
    match = fts_query(query)
    upto = max(among or 0, limit) + 1
    newest = [rowid for (rowid,) in rows(NEWEST, (match, upto))]
    whole = not among or len(newest) <= among
    statement = BY_SCORE if len(newest) <= limit else BY_RANK
    floor = 0 if whole else newest[among - 1]
    hits = [Hit(EvidenceRecord(*row[:4], instant(row[4]), *row[5:10]), row[10], row[11])
            for row in rows(statement, (match, floor, inspection_id, limit))]
    return hits, whole


def snippet_shown(redact, snippet: str) -> str:
    """A snippet passed through `redact`: when a marked name is in it (perhaps split by the
    highlight, «Jamie» Holt), it comes back redacted and without its highlight marks."""
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    redacted = redact(plain)
    return snippet if redacted == plain else redacted
