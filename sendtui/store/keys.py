"""Natural keys in the store: ids made from them (`sendtui.domain.keys`) and the unique
indexes that hold them over live rows.

`natural(s, model, wanted)` gives the id a new row takes: the natural id, unless a row of
this store already has it (a tombstone, or a row whose key was edited since) or it was
erased for good; then a random id, as before (the merge aliases such a row if it meets its
twin). Stores made before natural ids keep their random ids.

`refused(exc)` turns a write that broke one of the live unique indexes (made at the same
time by another window, or by a merge) into the InvalidInput the app's own check gives,
so the user reads one line and nothing is changed.
"""

from __future__ import annotations

from sqlmodel import Session, select

from sendtui.errors import InvalidInput
from sendtui.store import models as m

CHUNK = 500  # ids per IN (…) query
# index → what the user is told (as the app's own checks say it, without the stored value)
MESSAGES = {
    "ix_line_of_enquiry_code_live": "that line code already exists",
    "ix_person_name_live": "there is already a person with that name",
    "ix_key_date_key_live": "that key date already exists",
    "ix_protected_name_name_live": "that name is already marked sensitive",
    "ix_protected_name_pseudonym_live": "that pseudonym is already in use",
    "ix_event_person_pair_live": "that person is already booked on the event",
}
# a table whose ids are made from the natural key: two people adding the same at once make
# the same id, so the primary key refuses the second before the live index can
NATURAL_IDS = {"person": MESSAGES["ix_person_name_live"],
               "line_of_enquiry": MESSAGES["ix_line_of_enquiry_code_live"],
               "key_date": MESSAGES["ix_key_date_key_live"],
               "event_person": MESSAGES["ix_event_person_pair_live"],
               "setting": "that setting (its URN) was added by someone else at the same moment",
               "inspection": "that inspection was made by someone else at the same moment"}
# SQLite names the columns, not the index, for an index over plain columns
COLUMNS = {
    "key_date.inspection_id, key_date.key": "ix_key_date_key_live",
    "event_person.event_id, event_person.person_id": "ix_event_person_pair_live",
}


def natural(s: Session, model: type[m.Tracked], wanted: str) -> str:
    """`wanted` (a natural id) if no row of `model` has it and it was never erased."""
    return naturals(s, model, [wanted])[0]


def naturals(s: Session, model: type[m.Tracked], wanted: list[str]) -> list[str]:
    """`natural` for many rows at once (an import): a few queries, not two per row."""
    taken: set[str] = set()
    for at in range(0, len(wanted), CHUNK):
        chunk = wanted[at:at + CHUNK]
        taken.update(s.exec(select(model.id).where(model.id.in_(chunk))).all())
        taken.update(s.exec(select(m.Erasure.row_id).where(
            m.Erasure.table_name == model.__tablename__, m.Erasure.row_id.in_(chunk))).all())
    return [m.new_id() if w in taken else w for w in wanted]


def refused(exc: BaseException) -> InvalidInput | None:
    """The InvalidInput for a write refused by a natural key's index, else None."""
    text = str(getattr(exc, "orig", exc))
    if "UNIQUE constraint failed" not in text and "duplicate key" not in text:
        return None
    for index, message in MESSAGES.items():
        if index in text:
            return InvalidInput(f"{message}: nothing was changed")
    for columns, index in COLUMNS.items():
        if columns in text:
            return InvalidInput(f"{MESSAGES[index]}: nothing was changed")
    for table, message in NATURAL_IDS.items():  # the same natural id made at the same time
        if f'"{table}_pkey"' in text or f"failed: {table}.id" in text:
            return InvalidInput(f"{message}: nothing was changed")
    return None
