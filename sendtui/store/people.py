"""The people of an inspection: the team and the area's contacts, kept up to date."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, select

from sendtui.domain.contacts import contact_problems
from sendtui.errors import InvalidInput
from sendtui.records import Loaded, PersonRecord, PersonRow
from sendtui.store import models as m
from sendtui.store import week_reads as reads
from sendtui.store.repo import Store
from sendtui.store.rows import differs, live, live_row

GONE = "that person"


def all(store: Store, inspection_id: str) -> list[PersonRecord]:  # noqa: A001
    """The team first, then by name."""
    with store.plain_reads() as rows:
        return reads.people(rows, inspection_id)


def tidy(name: str, role: str = "", organisation: str = "", email: str = "",
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
    for problem in contact_problems(details["email"], details["phone"]).values():
        raise InvalidInput(problem)
    return details


def add(store: Store, inspection_id: str, name: str, role: str = "", organisation: str = "",
        email: str = "", phone: str = "", is_team: bool = False) -> PersonRecord:
    with store.session() as s:
        details = tidy(name, role, organisation, email, phone, _names(s, inspection_id))
        row = store.insert(s, inspection_id, m.Person(
            inspection_id=inspection_id, is_team=is_team, **details), f"added {details['name']}")
        return record(row)


def edit(store: Store, inspection_id: str, person_id: str, name: str, role: str = "",
         organisation: str = "", email: str = "", phone: str = "",
         is_team: bool = False) -> PersonRecord:
    with store.session() as s:
        row = live_row(s, m.Person, person_id, inspection_id, GONE)
        details = tidy(name, role, organisation, email, phone,
                       _names(s, inspection_id, but=person_id))
        with store.change(s, inspection_id, row, f"changed {details['name']}"):
            for key, value in details.items():
                setattr(row, key, value)
            row.is_team = is_team
        return record(row)


def remove(store: Store, inspection_id: str, person_id: str) -> None:
    """A tombstone: the person leaves the list; events they were booked on keep them."""
    with store.session() as s:
        row = live_row(s, m.Person, person_id, inspection_id, GONE)
        store.tombstone(s, inspection_id, row, f"removed {row.name}")


def load(store: Store, inspection_id: str, rows: list[PersonRow]) -> Loaded:
    """People from a file, matched by name (whatever the case): added, updated, or left
    alone (not stamped) when the file says what the store already holds."""
    added = updated = unchanged = 0
    with store.session() as s:
        known = {p.name.lower(): p for p in s.exec(live(m.Person, inspection_id))}
        for row in rows:
            person = known.get(row.name.lower())
            if person is None:
                known[row.name.lower()] = store.insert(s, None, m.Person(
                    inspection_id=inspection_id, **row.__dict__))
                added += 1
                continue
            if not differs(person, row.__dict__):
                unchanged += 1
                continue
            with store.change(s, None, person):
                for key, value in row.__dict__.items():
                    setattr(person, key, value)
            updated += 1
    return Loaded(added, updated, unchanged)


def record(r: m.Person) -> PersonRecord:
    return PersonRecord(r.id, r.name, r.role, r.organisation, r.email, r.phone, r.is_team)


def _names(s: Session, inspection_id: str, but: str | None = None) -> set[str]:
    """The names of the listed people (but one: the person being changed)."""
    query = select(m.Person.name).where(m.Person.inspection_id == inspection_id,
                                        m.Person.deleted_at.is_(None))
    if but:
        query = query.where(m.Person.id != but)
    return set(s.exec(query).all())
