"""Actions: keep-in-touch requests, team actions and the plan's actions, in one table.

Every write goes through `Store.insert/change/tombstone` (one undoable action each); reads
hand out `ActionRecord`s with the owner's name and a few words about where each came from.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from sendtui.domain import actions as rules
from sendtui.domain.clock import when
from sendtui.domain.matching import called, did_you_mean
from sendtui.errors import Ambiguous, NotFound
from sendtui.records.plan import ActionRecord
from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.rows import live, live_row

GONE = "that action"
SOURCE_GONE = {"event": "that event", "evidence": "that evidence entry",
               "weakness": "that weakness"}
SOURCE_MODELS = {"event": m.Event, "evidence": m.Evidence, "weakness": m.Weakness}


def add(store: Store, inspection_id: str, text: str, owner_id: str | None = None,
        due_at: dt.datetime | None = None, *, status: str = "open", rag: str = "",
        event_id: str | None = None, evidence_id: str | None = None,
        weakness_id: str | None = None) -> str:
    """A new action; its id. Its source (at most one) must be a live row of the inspection."""
    text, status, rag = rules.tidy_text(text), rules.check_status(status), rules.check_rag(rag)
    source = rules.source_of(event_id, evidence_id, weakness_id)
    with store.session() as s:
        _check_owner(s, inspection_id, owner_id)
        if source:
            live_row(s, SOURCE_MODELS[source[0]], source[1], inspection_id, SOURCE_GONE[source[0]])
        row = store.insert(s, inspection_id, m.Action(
            inspection_id=inspection_id, text=text, owner_id=owner_id, due_at=due_at,
            status=status, rag=rag, event_id=event_id, evidence_id=evidence_id,
            weakness_id=weakness_id), f"action added{_from(source)}")
        return row.id


def edit(store: Store, inspection_id: str, action_id: str, text: str,
         owner_id: str | None, due_at: dt.datetime | None, status: str, rag: str) -> None:
    """New text, owner, due, status and RAG; its source stays."""
    text, status, rag = rules.tidy_text(text), rules.check_status(status), rules.check_rag(rag)
    with store.session() as s:
        _check_owner(s, inspection_id, owner_id)
        row = live_row(s, m.Action, action_id, inspection_id, GONE)
        with store.change(s, inspection_id, row, "action edited"):
            row.text, row.owner_id, row.due_at = text, owner_id, due_at
            row.status, row.rag = status, rag


def set_status(store: Store, inspection_id: str, action_id: str, status: str) -> None:
    status = rules.check_status(status)
    with store.session() as s:
        row = live_row(s, m.Action, action_id, inspection_id, GONE)
        with store.change(s, inspection_id, row, f"action marked {status}"):
            row.status = status


def set_rag(store: Store, inspection_id: str, action_id: str, rag: str) -> None:
    rag = rules.check_rag(rag)
    with store.session() as s:
        row = live_row(s, m.Action, action_id, inspection_id, GONE)
        with store.change(s, inspection_id, row, f"action rated {rag or 'none'}"):
            row.rag = rag


def remove(store: Store, inspection_id: str, action_id: str) -> None:
    with store.session() as s:
        row = live_row(s, m.Action, action_id, inspection_id, GONE)
        store.tombstone(s, inspection_id, row, "action removed")


def all(store: Store, inspection_id: str) -> list[ActionRecord]:  # noqa: A001
    """The live actions, by due (none last) then as added."""
    with store.session() as s:
        return read(s, inspection_id)


def due_today_and_overdue(store: Store, inspection_id: str,
                          now: dt.datetime) -> list[ActionRecord]:
    """For the Today panel: unfinished actions overdue at `now` (first) or due later today
    (London), each group by due time."""
    found = all(store, inspection_id)
    overdue = [a for a in found if rules.is_overdue(a, now)]
    return overdue + [a for a in found if rules.is_due_today(a, now)]


def owner_named(store: Store, inspection_id: str, name: str) -> str | None:
    """The id of the person called `name` (or the one whose name starts so); "" is none."""
    if not name.split():
        return None
    with store.session() as s:
        people = s.exec(live(m.Person, inspection_id)).all()
    found = called(people, name, key=lambda p: p.name)
    if not found:
        raise NotFound("no person of that name: add them on the People screen first"
                       f"{did_you_mean(name, (p.name for p in people))}")
    if len(found) > 1:
        raise Ambiguous("several people have names starting so: give more of the name")
    return found[0].id


def read(s: Session, inspection_id: str) -> list[ActionRecord]:
    rows = s.exec(live(m.Action, inspection_id).order_by(
        m.Action.due_at.is_(None), m.Action.due_at, m.Action.created_at, m.Action.id)).all()
    names = dict(s.exec(select(m.Person.id, m.Person.name).where(
        m.Person.inspection_id == inspection_id)).all())
    return [record(s, r, names) for r in rows]


def record(s: Session, r: m.Action, names: dict[str, str]) -> ActionRecord:
    source = rules.source_of(r.event_id, r.evidence_id, r.weakness_id)
    return ActionRecord(r.id, r.text, r.owner_id, names.get(r.owner_id or "", ""), r.due_at,
                        r.status, r.rag, source[0] if source else "",
                        source[1] if source else None, _source_title(s, source),
                        r.weakness_id)


def _source_title(s: Session, source: tuple[str, str] | None) -> str:
    if source is None:
        return ""
    row = s.get(SOURCE_MODELS[source[0]], source[1])
    if row is None:
        return ""
    if source[0] == "event":
        return f"{row.title} ({when(row.start)})"
    if source[0] == "evidence":
        return f"evidence entry of {when(row.at)}"
    return row.title


def _check_owner(s: Session, inspection_id: str, owner_id: str | None) -> None:
    if owner_id is not None:
        live_row(s, m.Person, owner_id, inspection_id, "that person")


def _from(source: tuple[str, str] | None) -> str:
    return f" from {'an' if source[0] in ('event', 'evidence') else 'a'} {source[0]}" \
        if source else ""

