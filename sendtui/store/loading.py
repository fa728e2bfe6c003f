"""Bulk writes from importers and the demo: one transaction per file, all or nothing."""

from __future__ import annotations

from sqlmodel import select

from sendtui.domain.events import needs_setting, visitable
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import EventRow, EvidenceRow, Loaded, PersonRow, SettingRow
from sendtui.store import models as m
from sendtui.store.drafts import discard_draft
from sendtui.store.repo import Store


def upsert_settings(store: Store, inspection_id: str, rows: list[SettingRow]) -> Loaded:
    """Add new URNs, update known ones; never duplicates."""
    added = updated = 0
    with store.session() as s:
        known = {r.urn: r for r in s.exec(select(m.Setting).where(
            m.Setting.inspection_id == inspection_id))}
        for row in rows:
            setting = known.get(row.urn)
            if setting is None:
                known[row.urn] = store.insert(s, None, m.Setting(inspection_id=inspection_id,
                                                                 **row.__dict__))
                added += 1
                continue
            with store.change(s, None, setting):
                for key, value in row.__dict__.items():
                    setattr(setting, key, value)
                setting.deleted_at = None
            updated += 1
    return Loaded(added, updated)


def upsert_people(store: Store, inspection_id: str, rows: list[PersonRow]) -> Loaded:
    """People matched by name (case-insensitive): added or updated."""
    added = updated = 0
    with store.session() as s:
        known = {p.name.lower(): p for p in s.exec(select(m.Person).where(
            m.Person.inspection_id == inspection_id, m.Person.deleted_at.is_(None)))}
        for row in rows:
            person = known.get(row.name.lower())
            if person is None:
                known[row.name.lower()] = store.insert(s, None, m.Person(
                    inspection_id=inspection_id, **row.__dict__))
                added += 1
                continue
            with store.change(s, None, person):
                for key, value in row.__dict__.items():
                    setattr(person, key, value)
            updated += 1
    return Loaded(added, updated)


def import_events(store: Store, inspection_id: str, rows: list[EventRow]) -> Loaded:
    """Events keyed by kind, title, start, end and setting: the same row twice is one event.

    People not yet known are added as new people (local contacts).
    """
    added = unchanged = 0
    with store.session() as s:
        settings = {r.urn: r for r in s.exec(select(m.Setting).where(
            m.Setting.inspection_id == inspection_id, m.Setting.deleted_at.is_(None)))}
        people = {p.name.lower(): p for p in s.exec(select(m.Person).where(
            m.Person.inspection_id == inspection_id, m.Person.deleted_at.is_(None)))}
        existing = {_event_key(e.kind, e.title, e.start, e.end, e.setting_id): e
                    for e in s.exec(select(m.Event).where(
                        m.Event.inspection_id == inspection_id, m.Event.deleted_at.is_(None)))}
        for n, row in enumerate(rows, start=1):
            setting = _setting_for(row, settings, n)
            key = _event_key(row.kind, row.title, row.start, row.end,
                             setting.id if setting else None)
            if key in existing:
                unchanged += 1
                continue
            event = store.insert(s, None, m.Event(
                inspection_id=inspection_id, kind=row.kind, title=row.title, start=row.start,
                end=row.end, setting_id=setting.id if setting else None, audience=row.audience,
                location=row.location, notes=row.notes, status=row.status))
            existing[key] = event
            for name in row.people:
                person = people.get(name.lower())
                if person is None:
                    person = store.insert(s, None, m.Person(inspection_id=inspection_id,
                                                            name=name))
                    people[name.lower()] = person
                    s.flush()  # the unit of work may insert event_person before person
                store.insert(s, None, m.EventPerson(event_id=event.id, person_id=person.id))
            added += 1
    return Loaded(added, unchanged=unchanged)


def _event_key(kind, title, start, end, setting_id) -> tuple:
    return (kind, title.lower(), start.timestamp(), end.timestamp(), setting_id)


def _setting_for(row: EventRow, settings: dict, n: int) -> m.Setting | None:
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


def add_evidence(store: Store, inspection_id: str, rows: list[EvidenceRow],
                 draft_id: str | None = None) -> Loaded:
    """New evidence entries, each with its first version; `draft_id`: the capture box's draft
    the entry was typed in, thrown away in the same transaction."""
    ids = []
    with store.session() as s:
        lines = {r.code.upper(): r for r in s.exec(select(m.LineOfEnquiry).where(
            m.LineOfEnquiry.inspection_id == inspection_id,
            m.LineOfEnquiry.deleted_at.is_(None)))}
        settings = {r.urn: r for r in s.exec(select(m.Setting).where(
            m.Setting.inspection_id == inspection_id))}
        for row in rows:
            line = lines.get(row.line.upper())
            if line is None:
                raise NotFound(f"no line of enquiry {row.line!r} (known: {', '.join(lines)})")
            setting = settings.get(row.setting_urn) if row.setting_urn else None
            if row.setting_urn and setting is None and not row.setting_id:
                raise NotFound(f"no setting with URN {row.setting_urn}")
            entry = store.insert(s, None, m.Evidence(
                inspection_id=inspection_id, line_id=line.id, source=row.source, text=row.text,
                at=row.at, setting_id=row.setting_id or (setting.id if setting else None),
                case_ref=row.case_ref, judgement=row.judgement, author=row.author))
            store.insert(s, None, m.EvidenceVersion(evidence_id=entry.id, text=row.text,
                                                    saved_at=row.at))
            ids.append(entry.id)
        if draft_id:
            discard_draft(store, draft_id)
    return Loaded(len(ids), ids=tuple(ids))
