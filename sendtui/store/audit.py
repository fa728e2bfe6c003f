"""The audit log (BRIEF §7): each time names or case references leave the store on request.

Entries hold what was done and the file's name, never the sensitive data itself.
"""

from __future__ import annotations

from sqlmodel import select

from sendtui.records import AuditRecord
from sendtui.store import models as m
from sendtui.store.repo import Store


def record(store: Store, inspection_id: str, action: str, detail: str = "") -> None:
    with store.session() as s:
        store.insert(s, None, m.AuditEntry(inspection_id=inspection_id, action=action,
                                           detail=detail))


def entries(store: Store, inspection_id: str) -> list[AuditRecord]:
    """Oldest first."""
    with store.session() as s:
        rows = s.exec(select(m.AuditEntry).where(m.AuditEntry.inspection_id == inspection_id)
                      .order_by(m.AuditEntry.updated_at, m.AuditEntry.id)).all()
        return [AuditRecord(r.updated_at, r.updated_by[:8], r.action, r.detail) for r in rows]
