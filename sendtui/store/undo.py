"""The undo log: each user action is a group of row changes with the state before and after.

Undo puts the `before` states back, redo the `after` states. A new action discards what
could still be redone. The log lives in the store, so undo survives a restart. The faces call
`undo(store, inspection_id)` and `redo(store, inspection_id)`; `Store.change` writes the log.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from sendtui.domain.keys import event_person_id
from sendtui.store import models as m
from sendtui.store.keys import natural

TABLES: dict[str, type[SQLModel]] = {
    "event": m.Event,
    "line_of_enquiry": m.LineOfEnquiry,
    "key_date": m.KeyDateRow,
    "person": m.Person,
    "setting": m.Setting,
    "availability": m.Availability,
    "evidence": m.Evidence,
    "finding": m.Finding,
    "finding_evidence": m.FindingEvidence,
    "protected_name": m.ProtectedName,
    "info_request": m.InfoRequest,
    "tracked_child": m.TrackedChild,
    "action": m.Action,
    "weakness": m.Weakness,
    "plan_version": m.PlanVersion,
    "report_back": m.ReportBack,
    "inspection": m.Inspection,  # its retention period
}
KEEP = {"id", "updated_at", "updated_by", "hlc"}  # bookkeeping is stamped anew, not restored


def snapshot(s: Session, row: SQLModel) -> dict:
    """A row's state as JSON-able data (an event with the ids of its people)."""
    state = row.model_dump(mode="json")
    if isinstance(row, m.Event):
        state["people"] = sorted(ep.person_id for ep in s.exec(select(m.EventPerson).where(
            m.EventPerson.event_id == row.id, m.EventPerson.deleted_at.is_(None))))
    return state


def log(store, s: Session, inspection_id: str, group: str, table: str, row_id: str,
        before: dict | None, after: dict | None, summary: str) -> None:
    seq = (s.exec(select(func.max(m.Change.seq))).one() or 0) + 1
    store.insert(s, None, m.Change(
        inspection_id=inspection_id, table_name=table, row_id=row_id, group_id=group, seq=seq,
        before=json.dumps(before) if before is not None else None,
        after=json.dumps(after) if after is not None else None, summary=summary))


def discard_redo(store, s: Session, inspection_id: str) -> None:
    """A new action: what was undone can no longer be redone."""
    for change in s.exec(select(m.Change).where(
            m.Change.inspection_id == inspection_id, m.Change.undone.is_(True),
            m.Change.deleted_at.is_(None))):
        store.tombstone(s, None, change)


def forget(store, s: Session, inspection_id: str) -> None:
    """Nothing of the inspection so far can be undone, nor was logged (a demo just set up is
    where it starts, not a user's action): its undo log is emptied."""
    s.flush()
    s.execute(sa.delete(m.Change).where(m.Change.inspection_id == inspection_id))


def step(store, s: Session, inspection_id: str, redo: bool) -> str | None:
    """Undo the latest action (or redo the last undone one); its summary, or None."""
    live = select(m.Change).where(m.Change.inspection_id == inspection_id,
                                  m.Change.deleted_at.is_(None),
                                  m.Change.undone.is_(redo))
    first = s.exec(live.order_by(m.Change.seq if redo else m.Change.seq.desc())).first()
    if first is None:
        return None
    changes = s.exec(live.where(m.Change.group_id == first.group_id)
                     .order_by(m.Change.seq if redo else m.Change.seq.desc())).all()
    for change in changes:
        state = change.after if redo else change.before
        restore(store, s, change.table_name, change.row_id,
                json.loads(state) if state else None)
        with store.change(s, None, change):
            change.undone = not redo
    return first.summary


def restore(store, s: Session, table: str, row_id: str, state: dict | None) -> None:
    model = TABLES[table]
    row = s.get(model, row_id)
    if state is None:  # the row did not exist: tombstone it
        if row is not None and row.deleted_at is None:
            store.tombstone(s, None, row)
        return
    people = state.pop("people", None)
    parsed = model.model_validate(state)
    if row is None:
        row = store.insert(s, None, parsed)
    else:
        with store.change(s, None, row):
            _put_back(row, parsed)
    if people is not None:
        set_people(store, s, row_id, people)


def _put_back(row: SQLModel, parsed: SQLModel) -> None:
    sequence = getattr(row, "sequence", None)
    for field in type(row).model_fields:
        if field not in KEEP:
            setattr(row, field, getattr(parsed, field))
    if sequence is not None:  # calendars only take a change whose SEQUENCE rises
        row.sequence = max(sequence, row.sequence) + 1


def set_people(store, s: Session, event_id: str, person_ids: list[str]) -> None:
    """Make the event's attendees exactly person_ids (tombstoning the others)."""
    wanted = set(person_ids)
    for ep in s.exec(select(m.EventPerson).where(m.EventPerson.event_id == event_id)):
        if ep.person_id in wanted:
            wanted.discard(ep.person_id)
            with store.change(s, None, ep):
                ep.deleted_at = None
        elif ep.deleted_at is None:
            store.tombstone(s, None, ep)
    for person_id in (p for p in dict.fromkeys(person_ids) if p in wanted):  # as picked
        store.insert(s, None, m.EventPerson(
            id=natural(s, m.EventPerson, event_person_id(event_id, person_id)),
            event_id=event_id, person_id=person_id))


def undo(store, inspection_id: str) -> str | None:
    """Undo the latest action; what it was, or None when there is nothing to undo."""
    with store.session() as s:
        return step(store, s, inspection_id, redo=False)


def redo(store, inspection_id: str) -> str | None:
    """Redo the action undone last; what it was, or None when there is nothing to redo."""
    with store.session() as s:
        return step(store, s, inspection_id, redo=True)
