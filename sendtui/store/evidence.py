"""Evidence after capture: full-text search, edits that keep every version, tombstones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text as sql
from sqlmodel import select

from sendtui.domain.search_query import fts_query
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import EvidenceRecord
from sendtui.store import models as m
from sendtui.store.repo import Store

MARK_START, MARK_END = "«", "»"  # around matched words in a snippet

# One statement, plain rows: building ORM objects for the hits would cost more than the search.
SEARCH = sql(f"""
    SELECT e.id, l.code, e.source, e.text, e.at, s.urn, s.name, e.case_ref, e.judgement,
           e.author, snippet(evidence_fts, 0, '{MARK_START}', '{MARK_END}', '…', 12),
           bm25(evidence_fts)
    FROM evidence_fts
    JOIN evidence e ON e.rowid = evidence_fts.rowid
    JOIN line_of_enquiry l ON l.id = e.line_id
    LEFT JOIN setting s ON s.id = e.setting_id
    WHERE evidence_fts MATCH :query AND e.inspection_id = :inspection AND e.deleted_at IS NULL
    ORDER BY bm25(evidence_fts) LIMIT :limit
""")


@dataclass(frozen=True)
class Hit:
    entry: EvidenceRecord
    snippet: str  # matched words between « and »; never holds the case reference
    score: float  # bm25: lower is better


@dataclass(frozen=True)
class Version:
    saved_at: dt.datetime
    text: str


def search(store: Store, inspection_id: str, query: str, limit: int = 50) -> list[Hit]:
    """Best match first. Any text is safe: it is turned into words, prefixes and phrases."""
    match = fts_query(query)
    with store.engine.connect() as conn:
        rows = conn.execute(SEARCH, {"query": match, "inspection": inspection_id,
                                     "limit": limit}).all()
    return [Hit(EvidenceRecord(*row[:4], _utc(row[4]), *row[5:10]), row[10], row[11])
            for row in rows]


def snippet_shown(redact, snippet: str) -> str:
    """A snippet passed through `redact`: when a marked name is in it (perhaps split by the
    highlight, «Jamie» Holt), it comes back redacted and without its highlight marks."""
    plain = snippet.replace(MARK_START, "").replace(MARK_END, "")
    redacted = redact(plain)
    return snippet if redacted == plain else redacted


def _utc(stored: str | dt.datetime) -> dt.datetime:
    """SQLite hands back the stored naive UTC text; make it an aware instant."""
    at = stored if isinstance(stored, dt.datetime) else dt.datetime.fromisoformat(stored)
    return at.replace(tzinfo=dt.timezone.utc)


def edit_evidence(store: Store, inspection_id: str, evidence_id: str, text: str) -> None:
    """New text for an entry; the previous text is kept as a version."""
    if not text.strip():
        raise InvalidInput("the entry needs some text (delete it instead)")
    with store.session() as s:
        entry = _live(s, inspection_id, evidence_id)
        if entry.text == text:
            return
        with store.change(s, inspection_id, entry, "edited an evidence entry"):
            entry.text = text
            store.insert(s, None, m.EvidenceVersion(evidence_id=entry.id, text=text))


def remove_evidence(store: Store, inspection_id: str, evidence_id: str) -> None:
    """A tombstone: hidden from lists and search, back with undo."""
    with store.session() as s:
        entry = _live(s, inspection_id, evidence_id)
        store.tombstone(s, inspection_id, entry, "deleted an evidence entry")


def versions(store: Store, evidence_id: str) -> list[Version]:
    """Every text the entry has had, in the order it was saved."""
    with store.session() as s:
        rows = s.exec(select(m.EvidenceVersion).where(
            m.EvidenceVersion.evidence_id == evidence_id)
            .order_by(m.EvidenceVersion.updated_at)).all()
        return [Version(v.saved_at, v.text) for v in rows]


def _live(s, inspection_id: str, evidence_id: str) -> m.Evidence:
    entry = s.get(m.Evidence, evidence_id)
    if entry is None or entry.deleted_at or entry.inspection_id != inspection_id:
        raise NotFound("that evidence entry no longer exists")
    return entry
