"""Planning the week: add, change and remove events, each one undoable action."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sendtui.domain.events import ends_after_start, needs_setting, visitable
from sendtui.domain.kinds import (
    AUDIENCES,
    EVENT_KINDS,
    EVENT_STATUSES,
    event_kind_label,
)
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import EventRecord
from sendtui.store import models as m
from sendtui.store import undo
from sendtui.store.repo import Store


@dataclass(frozen=True)
class EventInput:
    kind: str
    title: str
    start: dt.datetime  # aware
    end: dt.datetime
    setting_id: str | None = None
    audience: str | None = None
    location: str = ""
    notes: str = ""
    status: str = "planned"
    person_ids: tuple[str, ...] = ()

    @classmethod
    def of(cls, event: EventRecord) -> "EventInput":
        return cls(event.kind, event.title, event.start, event.end, event.setting_id,
                   event.audience, event.location, event.notes, event.status,
                   event.person_ids)

    def moved(self, by: dt.timedelta) -> "EventInput":
        return replace(self, start=self.start + by, end=self.end + by)


def check(s, inspection_id: str, data: EventInput) -> EventInput:
    """The event as it will be stored, or InvalidInput saying what is wrong."""
    if data.kind not in EVENT_KINDS:
        raise InvalidInput(f"unknown event kind {data.kind!r}")
    title = " ".join(data.title.split()) or event_kind_label(data.kind)
    if data.start.tzinfo is None or data.end.tzinfo is None:
        raise InvalidInput("times must carry a time zone")
    if not ends_after_start(data.start, data.end):
        raise InvalidInput("the event must end after it starts")
    if data.status not in EVENT_STATUSES:
        raise InvalidInput(f"unknown status {data.status!r}")
    if data.audience and data.audience not in AUDIENCES:
        raise InvalidInput(f"unknown audience {data.audience!r}")
    if needs_setting(data.kind) and not data.setting_id:
        raise InvalidInput("a visit needs a setting")
    if data.setting_id:
        setting = s.get(m.Setting, data.setting_id)
        if setting is None or setting.deleted_at or setting.inspection_id != inspection_id:
            raise NotFound("that setting is not in this inspection")
        if not visitable(setting.status):
            raise InvalidInput(f"{setting.name} is {setting.status}: it cannot be visited")
    for person_id in data.person_ids:
        person = s.get(m.Person, person_id)
        if person is None or person.deleted_at or person.inspection_id != inspection_id:
            raise NotFound("a chosen person is not in this inspection")
    return replace(data, title=title, person_ids=tuple(dict.fromkeys(data.person_ids)))


def add_event(store: Store, inspection_id: str, data: EventInput) -> str:
    """A new event; its id."""
    with store.session() as s:
        data = check(s, inspection_id, data)
        event = m.Event(inspection_id=inspection_id, **_fields(data))
        with store.change(s, inspection_id, event, f"added {data.title}", new=True):
            s.flush()
            undo.set_people(store, s, event.id, list(data.person_ids))
        return event.id


def change_event(store: Store, inspection_id: str, event_id: str, data: EventInput,
                 summary: str = "") -> None:
    """Replace an event's details; its SEQUENCE rises (calendars see the change)."""
    with store.session() as s:
        event = _live_event(s, inspection_id, event_id)
        data = check(s, inspection_id, data)
        with store.change(s, inspection_id, event, summary or f"changed {data.title}"):
            for key, value in _fields(data).items():
                setattr(event, key, value)
            event.sequence += 1
            undo.set_people(store, s, event.id, list(data.person_ids))


def remove_event(store: Store, inspection_id: str, event_id: str) -> None:
    """A tombstone: the event leaves the week and can be brought back with undo."""
    with store.session() as s:
        event = _live_event(s, inspection_id, event_id)
        with store.change(s, inspection_id, event, f"removed {event.title}", remove=True):
            event.sequence += 1


def _live_event(s, inspection_id: str, event_id: str) -> m.Event:
    event = s.get(m.Event, event_id)
    if event is None or event.deleted_at or event.inspection_id != inspection_id:
        raise NotFound("that event no longer exists")
    return event


def _fields(data: EventInput) -> dict:
    return {"kind": data.kind, "title": data.title, "start": data.start, "end": data.end,
            "setting_id": data.setting_id, "audience": data.audience,
            "location": data.location, "notes": data.notes, "status": data.status}

