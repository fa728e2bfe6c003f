"""Tracked children and sampled cases (2023): added, edited, consent and documents ticked,
removed; each change one undoable action. The child's name, date of birth and case
reference live only on its `protected_name` row (store.names), which also makes them
redacted in every view and export; `tracked_child` holds the pseudonym."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from sendtui.domain import tracking as rules
from sendtui.domain.clock import to_london
from sendtui.domain.words import plain_name, shown
from sendtui.errors import InvalidInput
from sendtui.records import Identity, Missing, TrackedChildRecord, TrackedEntry
from sendtui.store import audit, names
from sendtui.store import models as m
from sendtui.store import tracked_reads as reads
from sendtui.store.repo import Store
from sendtui.store.rows import live, live_row

GONE = "that child"
EDITABLE = ("kind", "selected_on", "consent", "consent_by", "documents_due",
            "documents_uploaded", "sectors", "professionals", "event_id")


def all(store: Store, inspection_id: str) -> list[TrackedChildRecord]:  # noqa: A001
    with store.plain_reads() as rows:
        return reads.children(rows, inspection_id)


def get(store: Store, inspection_id: str, child_id: str) -> TrackedChildRecord:
    """One child, read in the session (so within a larger transaction too)."""
    with store.session() as s:
        return _record(s, live_row(s, m.TrackedChild, child_id, inspection_id, GONE))


def meetings(store: Store, inspection_id: str) -> dict[str, str]:
    """The live events' ids by title, read in the session (the demo links its children)."""
    with store.session() as s:
        return {e.title: e.id for e in s.exec(live(m.Event, inspection_id))}


def add(store: Store, inspection_id: str, kind: str, name: str, selected_on: dt.date, *,
        pseudonym: str | None = None, born: dt.date | None = None, case_ref: str = "",
        documents_due: dt.datetime | None = None, **details) -> TrackedChildRecord:
    """A tracked child or sampled case; its name is marked sensitive (a name marked before
    keeps its pseudonym). `documents_due` None: two working days after selection."""
    with store.session() as s:
        children = list(s.exec(live(m.TrackedChild, inspection_id)))
        rules.check_room(kind, [c.pseudonym for c in children if c.kind == "tracked"])
        marked = _marked(store, s, inspection_id, name, pseudonym)
        if any(c.name_id == marked.id for c in children):
            raise InvalidInput(f"{marked.pseudonym} is already tracked or sampled")
        _identity(store, s, inspection_id, marked, born, case_ref)
        row = m.TrackedChild(
            inspection_id=inspection_id, kind=kind, pseudonym=marked.pseudonym,
            name_id=marked.id, selected_on=selected_on,
            documents_due=documents_due or rules.documents_due(selected_on))
        _put(s, inspection_id, row, details)
        store.insert(s, inspection_id, row, f"{row.pseudonym} added as a "
                     f"{rules.KINDS[kind].lower()}")
        return _record(s, row)


def edit(store: Store, inspection_id: str, child_id: str, *, born: dt.date | None = None,
         case_ref: str = "", **changes) -> TrackedChildRecord:
    """New values for the fields given (EDITABLE); `documents_due` None with a new
    selection date: two working days after it. Born and case ref: given ones replace."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
    with store.session() as s:
        row = live_row(s, m.TrackedChild, child_id, inspection_id, GONE)
        if changes.get("kind") == "tracked" and row.kind != "tracked":
            rules.check_room("tracked", [c.pseudonym for c in s.exec(live(
                m.TrackedChild, inspection_id)) if c.kind == "tracked"])
        if "documents_due" in changes and changes["documents_due"] is None:
            changes["documents_due"] = rules.documents_due(
                changes.get("selected_on", row.selected_on))
        if born or case_ref.strip():
            marked = live_row(s, m.ProtectedName, row.name_id, inspection_id, GONE)
            _identity(store, s, inspection_id, marked, born, case_ref)
        with store.change(s, inspection_id, row, f"{row.pseudonym} edited"):
            _put(s, inspection_id, row, changes)
        return _record(s, row)


def cycle_consent(store: Store, inspection_id: str, child_id: str) -> TrackedChildRecord:
    """Consent moves on: not asked → asked → given → refused → not asked."""
    with store.session() as s:
        row = live_row(s, m.TrackedChild, child_id, inspection_id, GONE)
        consent = rules.next_consent(row.consent)
        with store.change(s, inspection_id, row,
                          f"{row.pseudonym}: consent {rules.CONSENT[consent]}"):
            row.consent = consent
        return _record(s, row)


def uploaded(store: Store, inspection_id: str, child_id: str,
             day: dt.date | None) -> TrackedChildRecord:
    """The documents uploaded on `day`, or not yet (None)."""
    with store.session() as s:
        row = live_row(s, m.TrackedChild, child_id, inspection_id, GONE)
        words = f"uploaded {day:%d %b}" if day else "not uploaded"
        with store.change(s, inspection_id, row, f"{row.pseudonym}: documents {words}"):
            row.documents_uploaded = day
        return _record(s, row)


def remove(store: Store, inspection_id: str, child_id: str) -> None:
    """No longer tracked or sampled; the name stays marked (texts may still name it)."""
    with store.session() as s:
        row = live_row(s, m.TrackedChild, child_id, inspection_id, GONE)
        store.tombstone(s, inspection_id, row, f"{row.pseudonym} removed")


def identity(store: Store, inspection_id: str, child_id: str, where: str) -> Identity:
    """The child's name, date of birth and case reference, shown on request: the audit log
    notes it (by pseudonym)."""
    with store.session() as s:
        row = live_row(s, m.TrackedChild, child_id, inspection_id, GONE)
        marked = s.get(m.ProtectedName, row.name_id)
        audit.record(store, inspection_id, "identity shown", f"{row.pseudonym} {where}")
        return Identity(marked.name if marked else "", marked.born if marked else None,
                        marked.case_ref if marked else None)


def due_today_and_overdue(store: Store, inspection_id: str,
                          now: dt.datetime) -> list[Missing]:
    """What is missing for the tracked children and sampled cases whose documents are due
    today (London) or overdue: consent not given yet, documents not uploaded."""
    today = to_london(now).date()
    found = []
    for child in all(store, inspection_id):
        if not (rules.is_overdue(child, now) or rules.due_on(child, today)
                or rules.consent_missing(child)):
            continue
        overdue = rules.is_overdue(child, now)
        if rules.consent_missing(child):
            found.append(Missing(child.id, child.pseudonym, child.kind, "consent",
                                 child.documents_due, overdue))
        if rules.documents_outstanding(child) and (overdue or rules.due_on(child, today)):
            found.append(Missing(child.id, child.pseudonym, child.kind, "documents",
                                 child.documents_due, overdue))
    return sorted(found, key=lambda x: (not x.overdue, x.due, x.pseudonym))


# --- the rows ----------------------------------------------------------------------------


def _record(s, row: m.TrackedChild) -> TrackedChildRecord:
    event = s.get(m.Event, row.event_id) if row.event_id else None
    event = event if event is not None and event.deleted_at is None else None
    entries = s.exec(select(m.Evidence, m.LineOfEnquiry.code).join(
        m.LineOfEnquiry, m.LineOfEnquiry.id == m.Evidence.line_id).where(
        m.Evidence.tracked_child_id == row.id, m.Evidence.deleted_at.is_(None))
        .order_by(m.Evidence.at.desc(), m.Evidence.id)).all()
    return TrackedChildRecord(
        row.id, row.kind, row.pseudonym, row.selected_on, row.consent, row.consent_by,
        row.documents_due, row.documents_uploaded,
        tuple(x for x in row.sectors.split(",") if x), row.professionals, row.event_id,
        event.title if event else "", event.start if event else None,
        tuple(TrackedEntry(e.id, e.at, code, e.text) for e, code in entries))


def _marked(store: Store, s, inspection_id: str, name: str,
            pseudonym: str | None) -> m.ProtectedName:
    """The protected row of this name: the one marked before, else a new one."""
    key = " ".join(name.split()).casefold()
    if not key:
        raise InvalidInput("a tracked child needs a name (kept in the protected table)")
    for row in s.exec(live(m.ProtectedName, inspection_id)):
        if " ".join(row.name.split()).casefold() == key:
            return row
    given = names.add(store, inspection_id, name, pseudonym, is_child=True)
    return next(r for r in s.exec(live(m.ProtectedName, inspection_id))
                if r.pseudonym == given.pseudonym)


def _identity(store: Store, s, inspection_id: str, row: m.ProtectedName,
              born: dt.date | None, case_ref: str) -> None:
    case_ref = plain_name(case_ref or "", "a case reference", limit=40)
    if not (born or case_ref):
        return
    with store.change(s, inspection_id, row, f"{row.pseudonym}: identity recorded"):
        row.born = born or row.born
        row.case_ref = case_ref or row.case_ref


def _put(s, inspection_id: str, row: m.TrackedChild, values: dict) -> None:
    """Checked values onto the row (nothing written until the block ends)."""
    for key, value in values.items():
        if key == "kind" and value not in rules.KINDS:
            raise InvalidInput(f"{shown(value)} is not a kind: tracked or sampled")
        if key == "consent" and value not in rules.CONSENT:
            raise InvalidInput(f"{shown(value)} is not a consent: asked, given or refused")
        if key in ("consent_by", "professionals"):
            value = plain_name(value, key.replace("_", " "), limit=200)
        if key == "sectors":
            value = ",".join(rules.parse_sectors(value) if isinstance(value, str)
                             else (x for x in rules.SECTORS if x in value))
        if key == "event_id" and value:
            live_row(s, m.Event, value, inspection_id, "that tracking meeting")
        setattr(row, key, value if value or key != "event_id" else None)
