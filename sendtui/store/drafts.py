"""Evidence drafts: the capture box is written here as the inspector types (from a worker
thread, debounced by the UI), so nothing typed is lost to escape, a crash or kill -9.

A draft saved as evidence or thrown away is deleted, not tombstoned: nothing can bring it
back, and no undo log holds it (draft writes are never logged)."""

from __future__ import annotations

import json

from sqlalchemy import delete

from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.rows import live


def save_draft(store: Store, inspection_id: str, fields: dict[str, str],
               draft_id: str | None = None) -> str:
    """Write the draft (one transaction, committed at once); its id."""
    with store.session() as s:
        draft = s.get(m.EvidenceDraft, draft_id) if draft_id else None
        text = json.dumps(fields, sort_keys=True)
        if draft is None or draft.deleted_at:
            return store.insert(s, None, m.EvidenceDraft(inspection_id=inspection_id,
                                                         fields=text)).id
        with store.change(s, None, draft):
            draft.fields = text
        return draft.id


def latest_draft(store: Store, inspection_id: str) -> tuple[str, dict[str, str]] | None:
    """The most recent draft with something in it: (id, fields)."""
    with store.session() as s:
        draft = s.exec(live(m.EvidenceDraft, inspection_id)
                       .order_by(m.EvidenceDraft.updated_at.desc())).first()
        return (draft.id, json.loads(draft.fields)) if draft else None


def discard_draft(store: Store, draft_id: str) -> None:
    """The draft was saved as evidence or thrown away on purpose: its row goes, with any
    draft an earlier version kept as a tombstone."""
    with store.session() as s:
        draft = s.get(m.EvidenceDraft, draft_id)
        if draft is None:
            return
        s.exec(delete(m.EvidenceDraft).where(
            (m.EvidenceDraft.id == draft_id) | (
                (m.EvidenceDraft.inspection_id == draft.inspection_id)
                & m.EvidenceDraft.deleted_at.is_not(None)))
            .execution_options(synchronize_session=False))
        s.expunge(draft)
