"""Times a person cannot be booked (training, leave, another commitment)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlmodel import select

from sendtui.domain.clock import when
from sendtui.domain.events import ends_after_start
from sendtui.errors import InvalidInput, NotFound
from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.rows import live_row


class Unavailable(NamedTuple):
    """A time a person cannot be booked: aware UTC instants, the end after the start."""

    id: str
    start: dt.datetime
    end: dt.datetime
    reason: str


def all(store: Store, inspection_id: str) -> dict[str, list[Unavailable]]:  # noqa: A001
    """Each listed person's unavailable periods, earliest first (people with none left out)."""
    with store.session() as s:
        rows = s.exec(select(m.Availability).join(m.Person).where(
            m.Person.inspection_id == inspection_id, m.Person.deleted_at.is_(None),
            m.Availability.deleted_at.is_(None)).order_by(m.Availability.start)).all()
    periods: dict[str, list[Unavailable]] = {}
    for r in rows:
        periods.setdefault(r.person_id, []).append(Unavailable(r.id, r.start, r.end, r.reason))
    return periods


def add(store: Store, inspection_id: str, person_id: str, start: dt.datetime,
        end: dt.datetime, reason: str = "") -> str:
    """A period the person is unavailable; its id."""
    if start.tzinfo is None or end.tzinfo is None:
        raise InvalidInput("times must carry a time zone")
    if not ends_after_start(start, end):
        raise InvalidInput("an unavailable period must end after it starts")
    with store.session() as s:
        person = live_row(s, m.Person, person_id, inspection_id, "that person")
        row = store.insert(s, inspection_id, m.Availability(
            person_id=person.id, start=start, end=end, reason=" ".join(reason.split())),
            f"{person.name} unavailable {when(start, end)}")
        return row.id


def remove(store: Store, inspection_id: str, unavailable_id: str) -> None:
    with store.session() as s:
        row = s.get(m.Availability, unavailable_id)
        person = row and s.get(m.Person, row.person_id)
        if row is None or row.deleted_at or person.inspection_id != inspection_id:
            raise NotFound("that unavailable period no longer exists")
        store.tombstone(s, inspection_id, row,
                        f"{person.name} available again {when(row.start, row.end)}")
