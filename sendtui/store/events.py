"""The week's events: read with their settings and people; added, changed and removed one
undoable action at a time, or loaded from a schedule file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sendtui.domain import keys
from sendtui.domain.clock import to_london
from sendtui.domain.events import (
    ends_after_start,
    follows_setting,
    needs_setting,
    title_of,
    visitable,
)
from sendtui.domain.kinds import (
    AUDIENCES,
    EVENT_KINDS,
    EVENT_STATUSES,
    event_kind_label,
)
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import EventRecord, EventRow, Loaded, Planned
from sendtui.store import models as m
from sendtui.store import undo
from sendtui.store import week_reads as reads
from sendtui.store.import_plan import NEW, PROGRESS_EVERY, UNCHANGED, loaded
from sendtui.store.keys import natural
from sendtui.store.repo import Store
from sendtui.store.rows import held_row, live

GONE = "that event"


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


def check(s, inspection_id: str, data: EventInput, was_at: str | None = None) -> EventInput:
    """The event as it will be stored, or InvalidInput saying what is wrong. A visit's title
    that is its setting's short name (or, for an edit, the short name of the setting it
    `was_at`) is stored as the default, so that it follows the setting."""
    _check_fields(data)
    setting = None
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
    title = " ".join(data.title.split())
    if not title or any(follows_setting(data.kind, title, name)
                        for name in (setting and setting.name, was_at)):
        title = event_kind_label(data.kind)  # shown as the setting's short name (title_of)
    return replace(data, title=title, person_ids=tuple(dict.fromkeys(data.person_ids)))


def _check_fields(data: EventInput) -> None:
    if data.kind not in EVENT_KINDS:
        raise InvalidInput(f"unknown event kind {data.kind!r}")
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


def all(store: Store, inspection_id: str) -> list[EventRecord]:  # noqa: A001
    """The live events, earliest first, with their setting and people (in the order picked)."""
    with store.plain_reads() as rows:
        return reads.events(rows, inspection_id)


def add(store: Store, inspection_id: str, data: EventInput) -> str:
    """A new event; its id."""
    with store.session() as s:
        data = check(s, inspection_id, data)
        event = m.Event(inspection_id=inspection_id, **_fields(data))
        with store.change(s, inspection_id, event, f"added {_shown(s, data)}", new=True):
            s.flush()
            undo.set_people(store, s, event.id, list(data.person_ids))
        return event.id


def edit(store: Store, inspection_id: str, event_id: str, data: EventInput,
         summary: str = "") -> None:
    """Replace an event's details; its SEQUENCE rises (calendars see the change)."""
    with store.session() as s:
        event = held_row(s, m.Event, event_id, inspection_id, GONE)
        was_at = s.get(m.Setting, event.setting_id) if event.setting_id else None
        data = check(s, inspection_id, data, was_at and was_at.name)
        with store.change(s, inspection_id, event, summary or f"changed {_shown(s, data)}"):
            # the people first: their read would flush the new times as an UPDATE of its own
            undo.set_people(store, s, event.id, list(data.person_ids))
            for key, value in _fields(data).items():
                setattr(event, key, value)
            event.sequence += 1


def _shown(s, data) -> str:
    """The title as the week shows it (an EventInput or an event row)."""
    setting = s.get(m.Setting, data.setting_id) if data.setting_id else None
    return title_of(data.kind, data.title, setting and setting.name)


def remove(store: Store, inspection_id: str, event_id: str) -> None:
    """A tombstone: the event leaves the week and can be brought back with undo."""
    with store.session() as s:
        event = held_row(s, m.Event, event_id, inspection_id, GONE)
        with store.change(s, inspection_id, event, f"removed {_shown(s, event)}", remove=True):
            event.sequence += 1


def load(store: Store, inspection_id: str, rows: list[EventRow],
         progress: Callable[[int], None] | None = None) -> Loaded:
    """Events from a schedule file, keyed by kind, title, start, end and setting: the same row
    twice is one event. People not yet known are added as new people (local contacts)."""
    with store.session() as s:
        people = {p.name.lower(): p for p in s.exec(live(m.Person, inspection_id))}
        steps = _steps(s, inspection_id, rows)
        for n, (row, (setting, step)) in enumerate(zip(rows, steps), start=1):
            if step.outcome == NEW:
                _load_one(store, s, inspection_id, row, setting, people)
            if progress and n % PROGRESS_EVERY == 0:
                progress(n)
    return loaded([step for _, step in steps])


def plan(store: Store, inspection_id: str, rows: list[EventRow]) -> list[Planned]:
    """What `load` would do to each row, nothing written (the import's preview); the same
    refusal as `load` for a row whose setting is unknown."""
    with store.session() as s:
        return [step for _, step in _steps(s, inspection_id, rows)]


def _steps(s, inspection_id: str, rows: list[EventRow]) -> list[tuple[m.Setting | None, Planned]]:
    """Each row's setting and what loading it does: a new event, or one already there."""
    places = s.exec(live(m.Setting, inspection_id)).all()
    settings = {r.urn: r for r in places if r.urn} | {r.id: r for r in places}
    people = {p.name.lower() for p in s.exec(live(m.Person, inspection_id))}
    existing = {_key(e.kind, e.title, e.start, e.end, e.setting_id)
                for e in s.exec(live(m.Event, inspection_id))}
    steps = []
    for n, row in enumerate(rows, start=1):
        setting = _setting_for(row, settings, n)
        key = _key(row.kind, row.title, row.start, row.end, setting.id if setting else None)
        what = f"{london_label(row.start)} {row.title}"
        if key in existing:
            steps.append((setting, Planned(what, UNCHANGED, "already in the week")))
            continue
        existing.add(key)
        newcomers = [name for name in row.people if name.lower() not in people]
        people.update(name.lower() for name in newcomers)
        reason = f"adds {', '.join(newcomers)} to people" if newcomers else ""
        steps.append((setting, Planned(what, NEW, reason)))
    return steps


def london_label(at: dt.datetime) -> str:
    """'Mon 23 Nov 09:30' in London time."""
    return to_london(at).strftime("%a %d %b %H:%M")


def _load_one(store: Store, s, inspection_id: str, row: EventRow, setting: m.Setting | None,
              people: dict[str, m.Person]) -> None:
    event = store.insert(s, None, m.Event(
        inspection_id=inspection_id, kind=row.kind, title=row.title, start=row.start,
        end=row.end, setting_id=setting.id if setting else None, audience=row.audience,
        location=row.location, notes=row.notes, status=row.status))
    for name in row.people:
        person = people.get(name.lower())
        if person is None:
            person = store.insert(s, None, m.Person(
                id=natural(s, m.Person, keys.person_id(inspection_id, name)),
                inspection_id=inspection_id, name=name))
            people[name.lower()] = person
            s.flush()  # the unit of work may insert event_person before person
        store.insert(s, None, m.EventPerson(  # a new event's: its natural id is free
            id=keys.event_person_id(event.id, person.id),
            event_id=event.id, person_id=person.id))


def _key(kind, title, start, end, setting_id) -> tuple:
    return (kind, title.lower(), start.timestamp(), end.timestamp(), setting_id)


def _setting_for(row: EventRow, settings: dict, n: int) -> m.Setting | None:
    """The row's setting, by URN or (a place added by hand) by id; `settings` holds both."""
    if row.setting_id and row.setting_id in settings:
        return settings[row.setting_id]
    if not row.setting_urn:
        if needs_setting(row.kind):
            raise InvalidInput(f"event {n} ({row.title}): a visit needs a setting_urn")
        return None
    setting = settings.get(row.setting_urn)
    if setting is None:
        raise NotFound(f"event {n} ({row.title}): no setting with URN {row.setting_urn}; "
                       "import the settings first")
    if not visitable(setting.status):
        raise InvalidInput(f"event {n} ({row.title}): {setting.name} is {setting.status}")
    return setting


def _fields(data: EventInput) -> dict:
    return {"kind": data.kind, "title": data.title, "start": data.start, "end": data.end,
            "setting_id": data.setting_id, "audience": data.audience,
            "location": data.location, "notes": data.notes, "status": data.status}
