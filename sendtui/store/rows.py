"""An inspection's rows that are not tombstones: the query for them, and one of them."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import Session, select, update

from sendtui.errors import NotFound
from sendtui.store import models as m

T = TypeVar("T", bound=m.OfInspection)


def live(model: type[T], inspection_id: str):
    """The query for an inspection's rows of `model` that are not tombstones."""
    return select(model).where(model.inspection_id == inspection_id,
                               model.deleted_at.is_(None))


def live_row(s: Session, model: type[T], row_id: str, inspection_id: str, what: str) -> T:
    """One row of this inspection, or NotFound: "{what} no longer exists"."""
    return _live(s.get(model, row_id), inspection_id, what)


def held_row(s: Session, model: type[T], row_id: str, inspection_id: str, what: str) -> T:
    """`live_row`, read once this transaction holds it: for a write computed from what the
    row holds (an event's SEQUENCE rises by one), so that two people moving one event at the
    same moment count twice, not once. The UPDATE that changes nothing takes the row's lock
    on a server (the other's commit is waited for, then read) and the file's write lock on
    SQLite (where reads run outside any transaction: `store/engines.py`)."""
    s.execute(update(model).where(model.id == row_id).values(hlc=model.hlc)
              .execution_options(synchronize_session=False))
    return _live(s.get(model, row_id, populate_existing=True), inspection_id, what)


def _live(row, inspection_id: str, what: str):
    if row is None or row.deleted_at or row.inspection_id != inspection_id:
        raise NotFound(f"{what} no longer exists")
    return row


def differs(row: m.Tracked, values: dict) -> bool:
    """Whether writing `values` (field → value) would change the row, or bring back a
    tombstone: an import leaves a row it would not change alone (no stamp)."""
    return row.deleted_at is not None or any(
        getattr(row, key) != value for key, value in values.items())
