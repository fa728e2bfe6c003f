"""An event's SEQUENCE (what calendars compare) only ever rises: on a change, a removal, and
on the undo or redo of either."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sendtui.store.events import EventInput, change_event, remove_event
from sendtui.store.models import Event


def sequence(store, event_id: str) -> int:
    with store.session() as s:
        return s.get(Event, event_id).sequence


def test_undo_and_redo_raise_the_sequence_too(demo_store):
    ins = demo_store.find_inspection().id
    event = demo_store.events(ins)[0]
    assert sequence(demo_store, event.id) == 0
    change_event(demo_store, ins, event.id, EventInput.of(event).moved(dt.timedelta(hours=1)))
    assert sequence(demo_store, event.id) == 1
    demo_store.undo(ins)
    assert demo_store.events(ins)[0].start == event.start  # the time is back...
    assert sequence(demo_store, event.id) == 2  # ...and calendars see it as a new change
    demo_store.redo(ins)
    assert sequence(demo_store, event.id) == 3
    remove_event(demo_store, ins, event.id)
    demo_store.undo(ins)
    assert sequence(demo_store, event.id) == 5


def test_people_keep_the_order_they_were_picked_in(demo_store):
    ins = demo_store.find_inspection().id
    event = demo_store.events(ins)[1]
    people = {p.name: p.id for p in demo_store.people(ins)}
    picked = ("Oliver Hastings", "Niamh Brennan", "Emma Kowalski")  # none there yet
    change_event(demo_store, ins, event.id,
                 replace(EventInput.of(event), person_ids=tuple(people[n] for n in picked)))
    assert next(e for e in demo_store.events(ins) if e.id == event.id).people == picked
