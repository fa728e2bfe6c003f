"""The people of an inspection: the team and the area's contacts, kept up to date."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlmodel import Session, select

from sendtui.domain.contacts import contact_problems
from sendtui.domain.keys import person_id
from sendtui.errors import InvalidInput
from sendtui.records import Loaded, PersonRecord, PersonRow, Planned
from sendtui.store import models as m
from sendtui.store import week_reads as reads
from sendtui.store.import_plan import carry_out, loaded, plan_rows
from sendtui.store.keys import natural
from sendtui.store.repo import Store
from sendtui.store.rows import live, live_row

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
            id=natural(s, m.Person, person_id(inspection_id, details["name"])),
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


def load(store: Store, inspection_id: str, rows: list[PersonRow],
         progress: Callable[[int], None] | None = None) -> Loaded:
    """People from a file, matched by name (whatever the case): added, updated, or left
    alone (not stamped) when the file says what the store already holds."""
    with store.session() as s:
        known = _by_name(s, inspection_id)
        planned = _plan(known, rows)
        carry_out(store, s, inspection_id, m.Person, known, rows, planned,
                  lambda row: row.name.lower(), lambda row: person_id(inspection_id, row.name),
                  progress)
    return loaded(planned)


def plan(store: Store, inspection_id: str, rows: list[PersonRow]) -> list[Planned]:
    """What `load` would do to each row, nothing written (the import's preview)."""
    with store.session() as s:
        return _plan(_by_name(s, inspection_id), rows)


def _by_name(s: Session, inspection_id: str) -> dict[str, m.Person]:
    return {p.name.lower(): p for p in s.exec(live(m.Person, inspection_id))}


def _plan(known: dict[str, m.Person], rows: list[PersonRow]) -> list[Planned]:
    return plan_rows(known, rows, lambda row: row.name.lower(), lambda row: row.name)


def record(r: m.Person) -> PersonRecord:
    return PersonRecord(r.id, r.name, r.role, r.organisation, r.email, r.phone, r.is_team)


def _names(s: Session, inspection_id: str, but: str | None = None) -> set[str]:
    """The names of the listed people (but one: the person being changed)."""
    query = select(m.Person.name).where(m.Person.inspection_id == inspection_id,
                                        m.Person.deleted_at.is_(None))
    if but:
        query = query.where(m.Person.id != but)
    return set(s.exec(query).all())
