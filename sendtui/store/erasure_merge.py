"""An erasure that arrived in a bundle, carried out here as the other laptop did it: the
entry's text and versions, the event's details, the marked name in every text… leave this
store too (`store.merge` calls it, inside the merge's transaction; it compacts the file
after).
"""

from __future__ import annotations

from sqlmodel import Session

from sendtui.store import models as m
from sendtui.store.erasure import (
    PLAN_TEXTS, _erase_entry, _erase_event, _erase_finding, _erase_names, _erase_request)
from sendtui.store.erasure_rows import (
    drop_dead_drafts, forget_changes, rebuild_search_index, record_erasure)
from sendtui.store.merge_fixes import model_of
from sendtui.store.repo import Store

ERASERS = {
    "evidence": _erase_entry,
    "event": _erase_event,
    "finding": _erase_finding,
    "info_request": _erase_request,
    "protected_name": lambda store, s, row: _erase_names(store, s, row.inspection_id, [row]),
}
PLAN_FIELDS = {model.__tablename__: fields for model, fields in PLAN_TEXTS}


def erase_arrived(store: Store, s: Session, table: str, row_id: str) -> int:
    """1 when this store held the row and has now erased it, else 0."""
    if table not in ERASERS and table not in PLAN_FIELDS:
        return 0
    row = s.get(model_of(table), row_id)
    if row is None:
        return 0
    if table in ERASERS:
        ERASERS[table](store, s, row)
    else:
        _erase_plan_row(store, s, row, PLAN_FIELDS[table])
    drop_dead_drafts(s, row.inspection_id)
    rebuild_search_index(s)
    return 1


def _erase_plan_row(store: Store, s: Session, row: m.Tracked, fields) -> None:
    forget_changes(s, row.__tablename__, row.id)
    with store.change(s, None, row):
        for name in fields:
            setattr(row, name, "")
    record_erasure(store, s, row.inspection_id, row.__tablename__, row.id)
