"""The undo log: each user action is a group of row changes, each with the fields the action
wrote and their values before and after.

Undo puts back the `before` value of each field the action wrote, redo the `after` value,
but only where the field still holds what the action (or its undo) left: a field changed
since (on this laptop or by a merge) is kept, and the summary says so ("moved the visit;
the title was changed since, kept"). A new row is undone as a tombstone, a removal by
bringing the row back (`deleted_at` is a field like any). Writes go through `Store.change`,
so what undo and redo put back is stamped anew. A new action discards what could still be
redone. The log lives in the store, so undo survives a restart. The faces call
`undo(store, inspection_id)` and `redo(store, inspection_id)`; `Store.change` writes the log.

A logged change: `before` None for a new row, else {field: value}; `after` {field: value}
(the whole row for a new row). Logs written before field clocks hold whole rows (and `after`
None for a removal); they are read the same way: the fields written are those that differ.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from pydantic_core import to_jsonable_python
from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from sendtui.domain.clock import utc_now
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
    "evidence_version": m.EvidenceVersion,  # a conflict settled (its `conflict` mark)
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
DERIVED = {"text_plain"}  # worked out from another field on every write
RISING = {"sequence"}  # an event's SEQUENCE only rises: any undo or redo of an event adds 1
REMOVED = "removed"  # an old log's removal: `after` was None, the instant unknown
WORDS = {"start": "time", "end": "time", "setting_id": "place", "line_id": "line",
         "event_id": "event", "person_id": "person", "case_ref": "case reference",
         "tracked_child_id": "child", "is_team": "team", "la_name": "local authority"}


def snapshot(s: Session, row: SQLModel) -> dict:
    """A row's state as JSON-able data (an event with the ids of its people)."""
    state = row.model_dump(mode="json")
    people = people_of(s, row)
    if people is not None:
        state["people"] = people
    return state


def people_of(s: Session, row: SQLModel) -> list[str] | None:
    """An event's people (ids, sorted); None for any other row."""
    if not isinstance(row, m.Event):
        return None
    return sorted(ep.person_id for ep in s.exec(select(m.EventPerson).where(
        m.EventPerson.event_id == row.id, m.EventPerson.deleted_at.is_(None))))


def written(s: Session, row: SQLModel, fields: list[str], before: dict | None,
            people: list | None, now_people: list | None) -> tuple[dict | None, dict]:
    """What the log keeps of a change: the fields written, before and after (JSON-able); a
    new row whole."""
    if before is None:
        return None, snapshot(s, row)
    now = row.model_dump(mode="json", include=set(fields))
    was = {f: to_jsonable_python(before[f]) for f in fields}
    if now_people != people:
        was["people"], now["people"] = people, now_people
    return was, now


def log(store, s: Session, inspection_id: str, group: str, table: str, row_id: str,
        before: dict | None, after: dict | None, summary: str) -> None:
    seq = (s.exec(select(func.max(m.Change.seq))).one() or 0) + 1
    store.insert(s, None, m.Change(
        inspection_id=inspection_id, table_name=table, row_id=row_id, group_id=group, seq=seq,
        before=json.dumps(before) if before is not None else None,
        after=json.dumps(after) if after is not None else None, summary=summary))


def mine(store):
    """The undo log rows of this laptop (user): written by it, or by no laptop the store knows
    (a log from before laptops had names, whose rows carry an id of the store's own). On a
    server database each user undoes and redoes only their own actions; a field another user
    changed since is kept, as after a merge."""
    return sa.or_(m.Change.updated_by == store.device_id,
                  m.Change.updated_by.not_in(select(m.DeviceRow.id)))


def discard_redo(store, s: Session, inspection_id: str) -> None:
    """A new action: what this user undid can no longer be redone."""
    for change in s.exec(select(m.Change).where(
            m.Change.inspection_id == inspection_id, m.Change.undone.is_(True),
            m.Change.deleted_at.is_(None), mine(store))):
        store.tombstone(s, None, change)


def forget(store, s: Session, inspection_id: str) -> None:
    """Nothing of the inspection so far can be undone, nor was logged (a demo just set up is
    where it starts, not a user's action): its undo log is emptied."""
    s.flush()
    s.execute(sa.delete(m.Change).where(m.Change.inspection_id == inspection_id))


def step(store, s: Session, inspection_id: str, redo: bool) -> str | None:
    """Undo the latest action (or redo the last undone one); its summary, with the fields
    kept because they changed since, or None."""
    live = select(m.Change).where(m.Change.inspection_id == inspection_id,
                                  m.Change.deleted_at.is_(None),
                                  m.Change.undone.is_(redo), mine(store))
    first = s.exec(live.order_by(m.Change.seq if redo else m.Change.seq.desc()).limit(1)).first()
    if first is None:
        return None
    changes = s.exec(live.where(m.Change.group_id == first.group_id)
                     .order_by(m.Change.seq if redo else m.Change.seq.desc())).all()
    kept: list[str] = []
    for change in changes:
        kept += apply(store, s, change, redo)
        with store.change(s, None, change):
            change.undone = not redo
    return first.summary + said(kept)


def apply(store, s: Session, change: m.Change, redo: bool) -> list[str]:
    """Put back one logged change's fields (undo: before; redo: after) where they still
    hold what the action (redo: its undo) left; the fields kept because they did not."""
    model = TABLES[change.table_name]
    before = json.loads(change.before) if change.before else None
    after = json.loads(change.after) if change.after else None
    row = s.get(model, change.row_id)
    if before is None:
        added(store, s, model, row, after, redo)
        return []
    if row is None:  # erased for good since
        return []
    if after is None:
        after = {**before, "deleted_at": REMOVED}
    expect, put = (before, after) if redo else (after, before)
    fields = [f for f in after if f not in KEEP | DERIVED | RISING
              and before.get(f) != after.get(f)]
    back = [f for f in fields if holds(s, model, row, f, expect[f])]
    values = {f: put[f] for f in back if f != "people"}
    if back:
        with store.change(s, None, row):
            put_back(model, row, values)
            if getattr(row, "sequence", None) is not None:  # calendars take it
                row.sequence += 1
    if "people" in back:
        set_people(store, s, row.id, put["people"])
    return [f for f in fields if f not in back]


def added(store, s: Session, model: type[SQLModel], row, after: dict, redo: bool) -> None:
    """Undo of a new row: a tombstone (unless removed since); redo: brought back."""
    if not redo:
        if row is not None and row.deleted_at is None:
            store.tombstone(s, None, row)
        return
    if row is None:
        state = dict(after)
        people = state.pop("people", None)
        store.insert(s, None, model.model_validate(state))
        if people is not None:
            set_people(store, s, state["id"], people)
    elif row.deleted_at is not None:
        with store.change(s, None, row):
            row.deleted_at = None
            if getattr(row, "sequence", None) is not None:
                row.sequence += 1


def holds(s: Session, model: type[SQLModel], row, field: str, value) -> bool:
    """The field holds `value` (as logged, JSON-able)."""
    if field == "people":
        return people_of(s, row) == sorted(value or [])
    if value == REMOVED and field == "deleted_at":
        return row.deleted_at is not None
    return getattr(row, field) == getattr(parsed(model, row, {field: value}), field)


def put_back(model: type[SQLModel], row, values: dict) -> None:
    known = parsed(model, row, {f: v for f, v in values.items() if v != REMOVED})
    for field, value in values.items():
        setattr(row, field, utc_now() if value == REMOVED else getattr(known, field))


def parsed(model: type[SQLModel], row, values: dict) -> SQLModel:
    """`values` (JSON-able, as logged) as the model's types, over the row as it is."""
    return model.model_validate({**row.model_dump(mode="json"), **values})


def said(kept: list[str]) -> str:
    """What an undo or redo kept: '; the title was changed since, kept'."""
    words = list(dict.fromkeys(WORDS.get(f, f.removesuffix("_id").replace("_", " "))
                               for f in kept if f != "deleted_at"))
    parts = []
    if words:
        listed = (words[0] if len(words) == 1
                  else ", the ".join(words[:-1]) + " and the " + words[-1])
        parts.append(f"the {listed} {'was' if len(words) == 1 else 'were'} changed since, kept")
    if "deleted_at" in kept:
        parts.append("it was removed or brought back since, left so")
    return "".join(f"; {p}" for p in parts)


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
