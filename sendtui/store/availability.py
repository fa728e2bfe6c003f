"""Times a person cannot be booked (training, leave, another commitment)."""

from __future__ import annotations

import datetime as dt


from sendtui.domain.clock import when
from sendtui.domain.events import ends_after_start
from sendtui.errors import InvalidInput, NotFound
from sendtui.store import models as m
from sendtui.store import week_reads as reads
from sendtui.store.repo import Store
from sendtui.store.week_reads import Unavailable
from sendtui.store.rows import live_row


def all(store: Store, inspection_id: str) -> dict[str, list[Unavailable]]:  # noqa: A001
    """Each listed person's unavailable periods, earliest first (people with none left out)."""
    with store.plain_reads() as rows:
        return reads.unavailable(rows, inspection_id)


def _check(start: dt.datetime, end: dt.datetime) -> None:
    if start.tzinfo is None or end.tzinfo is None:
        raise InvalidInput("times must carry a time zone")
    if not ends_after_start(start, end):
        raise InvalidInput("an unavailable period must end after it starts")


def add(store: Store, inspection_id: str, person_id: str, start: dt.datetime,
        end: dt.datetime, reason: str = "") -> str:
    """A period the person is unavailable (over several days if need be); its id."""
    _check(start, end)
    with store.session() as s:
        person = live_row(s, m.Person, person_id, inspection_id, "that person")
        row = store.insert(s, inspection_id, m.Availability(
            person_id=person.id, start=start, end=end, reason=" ".join(reason.split())),
            f"{person.name} unavailable {when(start, end)}")
        return row.id


def edit(store: Store, inspection_id: str, unavailable_id: str, start: dt.datetime,
         end: dt.datetime, reason: str = "") -> str:
    """Any period (not only the latest) moved, lengthened or given another reason."""
    _check(start, end)
    with store.session() as s:
        row, person = _period(s, inspection_id, unavailable_id)
        with store.change(s, inspection_id, row,
                          f"{person.name} unavailable {when(start, end)}"):
            row.start, row.end, row.reason = start, end, " ".join(reason.split())
        return row.id


def _period(s, inspection_id: str, unavailable_id: str):
    row = s.get(m.Availability, unavailable_id)
    person = row and s.get(m.Person, row.person_id)
    if row is None or row.deleted_at or person.inspection_id != inspection_id:
        raise NotFound("that unavailable period no longer exists")
    return row, person


def remove(store: Store, inspection_id: str, unavailable_id: str) -> None:
    with store.session() as s:
        row, person = _period(s, inspection_id, unavailable_id)
        store.tombstone(s, inspection_id, row,
                        f"{person.name} available again {when(row.start, row.end)}")
