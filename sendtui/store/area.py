"""The area's settings and people: marks on settings, people kept up to date, times away.

Each change is one transaction and one undoable action, as the repo's own are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from sqlmodel import Session, select

from sendtui.domain.clock import when
from sendtui.domain.events import ends_after_start
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import PersonRecord, SettingRecord
from sendtui.store import models as m
from sendtui.store.repo import Store, _person_view, _setting_view

MARK_WORDS = {
    ("shortlisted", True): "shortlisted",
    ("shortlisted", False): "taken off the shortlist",
    ("visited", True): "marked visited",
    ("visited", False): "no longer marked visited",
}
EXAMPLE_EMAIL = "jo.bloggs@example.org"


class Unavailable(NamedTuple):
    """A time a person cannot be booked: aware UTC instants, the end after the start."""

    id: str
    start: dt.datetime
    end: dt.datetime
    reason: str


# --- settings ----------------------------------------------------------------------------

def mark_setting(store: Store, inspection_id: str, setting_id: str,
                 shortlisted: bool | None = None, visited: bool | None = None) -> SettingRecord:
    """Shortlist a setting or mark it visited; None leaves that mark as it is."""
    with store.session() as s:
        row = _live(s, m.Setting, setting_id, inspection_id, "that setting")
        wanted = {"shortlisted": shortlisted, "visited": visited}
        changes = {k: v for k, v in wanted.items() if v is not None and getattr(row, k) != v}
        words = " and ".join(MARK_WORDS[item] for item in changes.items())
        with store.change(s, inspection_id, row, f"{row.name} {words}"):
            for key, value in changes.items():
                setattr(row, key, value)
        return _setting_view(row)


# --- people ------------------------------------------------------------------------------

def tidy_person(name: str, role: str = "", organisation: str = "", email: str = "",
                phone: str = "", taken: Iterable[str] = ()) -> dict:
    """A person's details as they will be stored, or InvalidInput saying what is wrong.

    `taken`: the names already used by other people (compared whatever the case).
    """
    details = {"name": name, "role": role, "organisation": organisation, "phone": phone}
    details = {key: " ".join(value.split()) for key, value in details.items()}
    details["email"] = email.strip()
    if not details["name"]:
        raise InvalidInput("a person needs a name")
    if details["name"].lower() in {t.lower() for t in taken}:
        raise InvalidInput(f"there is already a person called {details['name']}")
    local, _, domain = details["email"].rpartition("@")
    if details["email"] and (not local or not domain or " " in details["email"]):
        raise InvalidInput(f"an email needs a name, an @ and a domain, e.g. {EXAMPLE_EMAIL}")
    return details


def add_person(store: Store, inspection_id: str, name: str, role: str = "",
               organisation: str = "", email: str = "", phone: str = "",
               is_team: bool = False) -> PersonRecord:
    with store.session() as s:
        details = tidy_person(name, role, organisation, email, phone,
                              _names(s, inspection_id))
        row = store.insert(s, inspection_id, m.Person(
            inspection_id=inspection_id, is_team=is_team, **details), f"added {details['name']}")
        return _person_view(row)


def change_person(store: Store, inspection_id: str, person_id: str, name: str,
                  role: str = "", organisation: str = "", email: str = "", phone: str = "",
                  is_team: bool = False) -> PersonRecord:
    with store.session() as s:
        row = _live(s, m.Person, person_id, inspection_id, "that person")
        details = tidy_person(name, role, organisation, email, phone,
                              _names(s, inspection_id, but=person_id))
        with store.change(s, inspection_id, row, f"changed {details['name']}"):
            for key, value in details.items():
                setattr(row, key, value)
            row.is_team = is_team
        return _person_view(row)


def remove_person(store: Store, inspection_id: str, person_id: str) -> None:
    """A tombstone: the person leaves the list; events they were booked on keep them."""
    with store.session() as s:
        row = _live(s, m.Person, person_id, inspection_id, "that person")
        store.tombstone(s, inspection_id, row, f"removed {row.name}")


# --- times people cannot be booked -------------------------------------------------------

def add_unavailability(store: Store, inspection_id: str, person_id: str, start: dt.datetime,
                       end: dt.datetime, reason: str = "") -> str:
    """A period the person is unavailable; its id."""
    if start.tzinfo is None or end.tzinfo is None:
        raise InvalidInput("times must carry a time zone")
    if not ends_after_start(start, end):
        raise InvalidInput("an unavailable period must end after it starts")
    with store.session() as s:
        person = _live(s, m.Person, person_id, inspection_id, "that person")
        row = store.insert(s, inspection_id, m.Availability(
            person_id=person.id, start=start, end=end, reason=" ".join(reason.split())),
            f"{person.name} unavailable {when(start, end)}")
        return row.id


def remove_unavailability(store: Store, inspection_id: str, unavailable_id: str) -> None:
    with store.session() as s:
        row = s.get(m.Availability, unavailable_id)
        person = row and s.get(m.Person, row.person_id)
        if row is None or row.deleted_at or person.inspection_id != inspection_id:
            raise NotFound("that unavailable period no longer exists")
        store.tombstone(s, inspection_id, row,
                        f"{person.name} available again {when(row.start, row.end)}")


def unavailability(store: Store, inspection_id: str) -> dict[str, list[Unavailable]]:
    """Each listed person's unavailable periods, earliest first (people with none left out)."""
    with store.session() as s:
        rows = s.exec(select(m.Availability).join(m.Person).where(
            m.Person.inspection_id == inspection_id, m.Person.deleted_at.is_(None),
            m.Availability.deleted_at.is_(None)).order_by(m.Availability.start)).all()
    periods: dict[str, list[Unavailable]] = {}
    for r in rows:
        periods.setdefault(r.person_id, []).append(Unavailable(r.id, r.start, r.end, r.reason))
    return periods


# --- helpers -----------------------------------------------------------------------------

def _live(s: Session, model, row_id: str, inspection_id: str, what: str):
    row = s.get(model, row_id)
    if row is None or row.deleted_at or row.inspection_id != inspection_id:
        raise NotFound(f"{what} no longer exists")
    return row


def _names(s: Session, inspection_id: str, but: str | None = None) -> set[str]:
    """The names of the listed people (but one: the person being changed)."""
    query = select(m.Person.name).where(m.Person.inspection_id == inspection_id,
                                        m.Person.deleted_at.is_(None))
    if but:
        query = query.where(m.Person.id != but)
    return set(s.exec(query).all())

