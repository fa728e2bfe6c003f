"""Names marked sensitive (children, parents) and the redactor built from them."""

from __future__ import annotations

import re
from dataclasses import replace

from sqlmodel import select

from sendtui.domain.redaction import Protected, Redactor
from sendtui.domain.words import plain_name, shown
from sendtui.errors import InvalidInput, NotFound
from sendtui.store import models as m
from sendtui.store import week_reads as reads
from sendtui.store.repo import Store
from sendtui.store.rows import live

PSEUDONYM = re.compile(r"CYP-([0-9]+)$")


def all(store: Store, inspection_id: str) -> list[Protected]:  # noqa: A001
    with store.session() as s:
        return [_protected(r) for r in _rows(s, inspection_id)]


def add(store: Store, inspection_id: str, name: str, pseudonym: str | None = None,
        undoable: bool = True, is_child: bool = True,
        first_name: bool | None = None) -> Protected:
    """Mark a name sensitive; its pseudonym is the next free CYP-NN unless one is given.
    `first_name`: also withhold the first name on its own (default: for a child only)."""
    name = plain_name(name, "a name to protect")
    pseudonym = plain_name(pseudonym or "", "a pseudonym", limit=40)
    if len(name) < 2:
        raise InvalidInput("a name to protect has at least two letters")
    match_first = is_child if first_name is None else first_name
    with store.session() as s:
        rows = _rows(s, inspection_id)
        if any(r.name.casefold() == name.casefold() for r in rows):
            raise InvalidInput("that name is already marked sensitive")
        if PSEUDONYM.match(name.upper()) or any(
                r.pseudonym.casefold() == name.casefold() for r in rows):
            raise InvalidInput("that name is the pseudonym of a marked name: choose another")
        if pseudonym:
            _check_pseudonym(pseudonym, Protected(name, pseudonym, match_first), rows)
        pseudonym = pseudonym or _next_pseudonym(s, inspection_id)
        store.insert(s, inspection_id, m.ProtectedName(
            inspection_id=inspection_id, name=name, pseudonym=pseudonym, is_child=is_child,
            match_first_name=match_first),
            f"name marked sensitive as {pseudonym}" if undoable else None)
        return Protected(name, pseudonym, match_first, is_child)


def _check_pseudonym(pseudonym: str, new: Protected, rows: list[m.ProtectedName]) -> None:
    """A pseudonym stands in for a name, so it must not be one: not this name or its first
    name, not another marked name or first name (matched or not), not another pseudonym."""
    if any(r.pseudonym.casefold() == pseudonym.casefold() for r in rows):
        raise InvalidInput(f"the pseudonym {pseudonym} is already in use")
    if Redactor([replace(new, first_name=True)]).mentions(pseudonym):
        raise InvalidInput("a pseudonym must not hold the name it stands for: choose a label "
                           "such as CYP-03")
    if Redactor([replace(_protected(r), first_name=True) for r in rows]).mentions(pseudonym):
        raise InvalidInput("that pseudonym is a marked name: choose another")


def remove(store: Store, inspection_id: str, pseudonym: str) -> None:
    with store.session() as s:
        row = next((r for r in _rows(s, inspection_id)
                    if r.pseudonym.casefold() == pseudonym.strip().casefold()), None)
        if row is None:
            raise NotFound(f"no name is marked sensitive as {shown(pseudonym)}")
        store.tombstone(s, inspection_id, row, f"{row.pseudonym} no longer marked sensitive")


def redactor(store: Store, inspection_id: str) -> Redactor:
    """Marked names and every case reference recorded in this inspection's evidence."""
    with store.plain_reads() as rows:
        return reads.redactor(rows, inspection_id)


def _protected(row: m.ProtectedName) -> Protected:
    return Protected(row.name, row.pseudonym, row.match_first_name, row.is_child)


def _rows(s, inspection_id: str) -> list[m.ProtectedName]:
    return list(s.exec(live(m.ProtectedName, inspection_id).order_by(m.ProtectedName.pseudonym)))


def _next_pseudonym(s, inspection_id: str) -> str:
    """Never one given before, even to a name removed or erased since: texts still say it."""
    given = s.exec(select(m.ProtectedName.pseudonym).where(
        m.ProtectedName.inspection_id == inspection_id)).all()
    used = [int(found.group(1)) for p in given if (found := PSEUDONYM.match(p))]
    return f"CYP-{max(used, default=0) + 1:02d}"
