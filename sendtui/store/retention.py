"""An inspection's retention period: set, read, and the day its evidence falls due for
erasure (the rule is `sendtui.domain.retention`)."""

from __future__ import annotations

from sendtui.domain import retention as rule
from sendtui.errors import NotFound
from sendtui.records import Retention
from sendtui.store import glance
from sendtui.store import models as m
from sendtui.store.repo import Store


def get(store: Store, ins_id: str) -> Retention:
    with store.plain_reads() as rows:
        return glance.retention(rows, ins_id)


def set_months(store: Store, ins_id: str, months: int | None) -> Retention:
    """Keep the evidence `months` after final feedback (None: no retention period)."""
    months = rule.checked(months)
    with store.session() as s:
        row = s.get(m.Inspection, ins_id)
        if row is None or row.deleted_at:
            raise NotFound("that inspection no longer exists")
        summary = (f"retention set to {months} months" if months
                   else "retention period removed")
        with store.change(s, ins_id, row, summary):
            row.retention_months = months
    return get(store, ins_id)
