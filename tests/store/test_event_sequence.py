"""An event's SEQUENCE (what calendars compare) only ever rises: on a change, a removal, and
on the undo or redo of either."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sendtui.store import events, inspections, people, undo
from sendtui.store.events import EventInput
from sendtui.store.models import Event

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)


def sequence(store, event_id: str) -> int:
    with store.session() as s:
        return s.get(Event, event_id).sequence


def test_undo_and_redo_raise_the_sequence_too(demo_store):
    ins = inspections.find(demo_store).id
    event = events.all(demo_store, ins)[0]
    assert sequence(demo_store, event.id) == 0
    events.edit(demo_store, ins, event.id, EventInput.of(event).moved(dt.timedelta(hours=1)))
    assert sequence(demo_store, event.id) == 1
    undo.undo(demo_store, ins)
    assert events.all(demo_store, ins)[0].start == event.start  # the time is back...
    assert sequence(demo_store, event.id) == 2  # ...and calendars see it as a new change
    undo.redo(demo_store, ins)
    assert sequence(demo_store, event.id) == 3
    events.remove(demo_store, ins, event.id)
    undo.undo(demo_store, ins)
    assert sequence(demo_store, event.id) == 5


def test_people_keep_the_order_they_were_picked_in(demo_store):
    ins = inspections.find(demo_store).id
    event = events.all(demo_store, ins)[1]
    ids = {p.name: p.id for p in people.all(demo_store, ins)}
    picked = ("Oliver Hastings", "Niamh Brennan", "Emma Kowalski")  # none there yet
    events.edit(demo_store, ins, event.id,
                replace(EventInput.of(event), person_ids=tuple(ids[n] for n in picked)))
    assert next(e for e in events.all(demo_store, ins) if e.id == event.id).people == picked
