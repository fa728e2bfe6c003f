"""What erasing does to the rows around the one erased: its undo history, the drafts that hold
a copy, the `Erasure` record a merge follows, the audit line, the search index. Used by
`erasure`; like it, the one place outside `Store.change` where rows are deleted.
"""

from __future__ import annotations

import json

from sqlalchemy import delete
from sqlalchemy import text as sql
from sqlmodel import Session, select

from sendtui.domain.keys import natural_id
from sendtui.store import field_clocks
from sendtui.store import models as m
from sendtui.store.repo import Store


def delete_rows(s: Session, model: type, *where) -> int:
    """Rows deleted for good, and their field clocks with them."""
    result = s.exec(delete(model).where(*where).execution_options(synchronize_session=False))
    field_clocks.sweep(s, model)
    return result.rowcount or 0


def forget_changes(s: Session, table: str, row_id: str) -> int:
    """The row's undo history: its snapshots hold the content. It cannot be undone now."""
    return delete_rows(s, m.Change, m.Change.table_name == table, m.Change.row_id == row_id)


def drop_drafts_holding(s: Session, ins_id: str, texts: set[str]) -> int:
    """Drafts that hold a copy of the text (the entry as it was typed)."""
    wanted = {t.strip() for t in texts if t and t.strip()}
    ids = [d.id for d in s.exec(select(m.EvidenceDraft).where(
        m.EvidenceDraft.inspection_id == ins_id)).all()
        if str(json.loads(d.fields or "{}").get("text", "")).strip() in wanted]
    return delete_rows(s, m.EvidenceDraft, m.EvidenceDraft.id.in_(ids)) if ids else 0


def drop_dead_drafts(s: Session, ins_id: str) -> int:
    """Drafts thrown away or saved by an earlier version, which kept them as tombstones."""
    return delete_rows(s, m.EvidenceDraft, m.EvidenceDraft.inspection_id == ins_id,
                   m.EvidenceDraft.deleted_at.is_not(None))


def tombstones(s: Session, model: type, ins_id: str) -> list:
    """The tombstones of the inspection not erased yet."""
    erased = select(m.Erasure.row_id).where(m.Erasure.table_name == model.__tablename__)
    return s.exec(select(model).where(model.inspection_id == ins_id,
                                      model.deleted_at.is_not(None),
                                      model.id.not_in(erased))).all()


def is_erased(s: Session, row: m.Tracked) -> bool:
    return s.exec(select(m.Erasure.id).where(m.Erasure.table_name == row.__tablename__,
                                             m.Erasure.row_id == row.id)).first() is not None


def record_erasure(store: Store, s: Session, ins_id: str, table: str, row_id: str) -> None:
    if s.exec(select(m.Erasure.id).where(m.Erasure.table_name == table,
                                         m.Erasure.row_id == row_id)).first() is None:
        store.insert(s, None, m.Erasure(  # one id on every laptop that erases the row
            id=natural_id("erasure", table, row_id), inspection_id=ins_id, table_name=table,
            row_id=row_id))


def note_erasure(store: Store, s: Session, ins_id: str, what: str) -> None:
    """The audit log says what was erased (by id or pseudonym, never the content)."""
    store.insert(s, None, m.AuditEntry(inspection_id=ins_id, action="erased for good",
                                       detail=what))


def rebuild_search_index(s: Session) -> None:
    """Rebuild the search index from the evidence as it is now: no segment of it keeps a
    word of what was erased (a delete only adds a marker until segments are merged)."""
    if s.get_bind().dialect.name == "sqlite":
        s.exec(sql("INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')"))
