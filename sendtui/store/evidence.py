"""Evidence: entries recorded (from the capture box, the command line or a file), read newest
first, searched (full text), edited keeping every version, deleted as tombstones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import select

from sendtui.domain.words import shown
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import EvidenceRecord, EvidenceRow, Loaded
from sendtui.store import models as m
from sendtui.store.drafts import discard_draft
from sendtui.store import evidence_search
from sendtui.store.evidence_search import (  # noqa: F401 - where callers find them
    MARK_END,
    MARK_START,
    Hit,
    snippet_shown,
)
from sendtui.store.repo import Store
from sendtui.store.rows import live_row

GONE = "that evidence entry"
@dataclass(frozen=True)
class Version:
    saved_at: dt.datetime
    text: str
    note: str = ""  # what else changed with it, e.g. "line B5 → B3"


def search(store: Store, inspection_id: str, query: str, limit: int = 50) -> list[Hit]:
    """Best match first. Any text is safe: it is turned into words, prefixes and phrases."""
    return first_page(store, inspection_id, query, limit)[0]


def first_page(store: Store, inspection_id: str, query: str, limit: int = 50,
               among: int | None = None) -> tuple[list[Hit], bool]:
    """The best matches among the newest `among` (all when None), and whether that was every
    match (`evidence_search.first_page`)."""
    with store.plain_reads() as rows:
        return evidence_search.first_page(rows, inspection_id, query, limit, among)


def all(store: Store, inspection_id: str,  # noqa: A001
        limit: int | None = None) -> list[EvidenceRecord]:
    """Newest first. Plain rows: ORM objects for 3,000 entries took 0.3 s of an export."""
    e = m.Evidence
    found = (select(e.id, m.LineOfEnquiry.code, e.source, e.text, e.at, m.Setting.urn,
                    m.Setting.name, e.case_ref, e.judgement, e.author)
             .join(m.LineOfEnquiry)
             .join(m.Setting, e.setting_id == m.Setting.id, isouter=True)
             .where(e.inspection_id == inspection_id, e.deleted_at.is_(None))
             .order_by(e.at.desc(), e.text.desc(), e.id))  # ties by content: every laptop alike
    if limit:
        found = found.limit(limit)
    with store.engine.connect() as conn:
        return [EvidenceRecord(*row) for row in conn.execute(found)]


def add(store: Store, inspection_id: str, rows: list[EvidenceRow],
        draft_id: str | None = None) -> Loaded:
    """New entries, each with its first version, all or nothing. `draft_id`: the capture box's
    draft the entry was typed in, thrown away in the same transaction."""
    with store.session() as s:
        lines = _line_ids(s, inspection_id)
        settings = _setting_ids(s, inspection_id, {r.setting_urn for r in rows if r.setting_urn})
        ids = tuple(_add_one(store, s, inspection_id, row, lines, settings).id for row in rows)
        if draft_id:
            discard_draft(store, draft_id)
    return Loaded(len(ids), ids=ids)


def _line_ids(s, inspection_id: str) -> dict[str, str]:
    """The live lines' ids by code (upper case); ids and codes only, not ORM objects: an
    entry added on a server pays for every object built while its transaction is open."""
    lo = m.LineOfEnquiry
    return {code.upper(): line_id for code, line_id in s.exec(select(lo.code, lo.id).where(
        lo.inspection_id == inspection_id, lo.deleted_at.is_(None)))}


def _setting_ids(s, inspection_id: str, urns: set[str]) -> dict[str, str]:
    """The ids of the settings with these URNs (none read when no entry names one)."""
    if not urns:
        return {}
    st = m.Setting
    return dict(s.exec(select(st.urn, st.id).where(st.inspection_id == inspection_id,
                                                    st.urn.in_(sorted(urns)))).all())


def _add_one(store: Store, s, inspection_id: str, row: EvidenceRow, lines: dict[str, str],
             settings: dict[str, str]) -> m.Evidence:
    line_id = lines.get(row.line.upper())
    if line_id is None:
        raise NotFound(f"no line of enquiry {shown(row.line)} (known: {', '.join(lines)})")
    setting_id = settings.get(row.setting_urn) if row.setting_urn else None
    if row.setting_urn and setting_id is None and not row.setting_id:
        raise NotFound(f"no setting with URN {row.setting_urn}")
    entry = store.insert(s, None, m.Evidence(
        inspection_id=inspection_id, line_id=line_id, source=row.source, text=row.text,
        at=row.at, setting_id=row.setting_id or setting_id,
        case_ref=row.case_ref, judgement=row.judgement, author=row.author,
        tracked_child_id=row.tracked_child_id, event_id=row.event_id))
    store.insert(s, None, m.EvidenceVersion(evidence_id=entry.id, text=row.text,
                                            saved_at=row.at))
    return entry


def edit(store: Store, inspection_id: str, evidence_id: str, text: str) -> None:
    """New text for an entry; the previous text is kept as a version."""
    if not text.strip():
        raise InvalidInput("the entry needs some text (delete it instead)")
    with store.session() as s:
        entry = live_row(s, m.Evidence, evidence_id, inspection_id, GONE)
        if entry.text == text:
            return
        with store.change(s, inspection_id, entry, "edited an evidence entry"):
            entry.text = text
            store.insert(s, None, m.EvidenceVersion(evidence_id=entry.id, text=text))


def remove(store: Store, inspection_id: str, evidence_id: str) -> None:
    """A tombstone: hidden from lists and search, back with undo."""
    with store.session() as s:
        entry = live_row(s, m.Evidence, evidence_id, inspection_id, GONE)
        store.tombstone(s, inspection_id, entry, "deleted an evidence entry")


def versions(store: Store, evidence_id: str) -> list[Version]:
    """Every text the entry has had and what else each correction changed, in order."""
    with store.session() as s:
        rows = s.exec(select(m.EvidenceVersion).where(
            m.EvidenceVersion.evidence_id == evidence_id)
            .order_by(m.EvidenceVersion.updated_at)).all()
        return [Version(v.saved_at, v.text, v.note) for v in rows]


def query(inspection_id: str):
    """Live entries with their line's code and their setting's URN and name (rows for
    `record`)."""
    return (select(m.Evidence, m.LineOfEnquiry.code, m.Setting.urn, m.Setting.name)
            .join(m.LineOfEnquiry)
            .join(m.Setting, m.Evidence.setting_id == m.Setting.id, isouter=True)
            .where(m.Evidence.inspection_id == inspection_id, m.Evidence.deleted_at.is_(None)))


def record(e: m.Evidence, code: str, urn: str | None, name: str | None) -> EvidenceRecord:
    return EvidenceRecord(e.id, code, e.source, e.text, e.at, urn, name, e.case_ref,
                          e.judgement, e.author)
