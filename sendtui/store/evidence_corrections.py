"""Correcting an evidence entry: its text, line, source, setting, event, judgement and case
reference; each correction is a new version that says what changed ("line B5 → B3")."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.domain.words import shown
from sendtui.errors import InvalidInput, NotFound
from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.rows import live, live_row

GONE = "that evidence entry"
NOTHING = "—"


@dataclass(frozen=True)
class Correction:
    """What an entry says, as the correction form shows and saves it."""

    text: str
    line: str  # a line of enquiry's code
    source: str  # a source slug
    setting_id: str | None = None
    event_id: str | None = None
    judgement: str | None = None  # a judgement slug
    case_ref: str | None = None  # sensitive: never named in a version's note


def current(store: Store, inspection_id: str, evidence_id: str) -> Correction:
    """The entry as it is now (NotFound when it has gone)."""
    with store.session() as s:
        return current_in(s, live_row(s, m.Evidence, evidence_id, inspection_id, GONE))


def correct(store: Store, inspection_id: str, evidence_id: str, new: Correction) -> str:
    """Save what differs as a new version (u undoes the entry's fields); returns what
    changed in words, "" when nothing did. InvalidInput/NotFound: nothing written."""
    new = _tidy(new)
    with store.session() as s:
        entry = live_row(s, m.Evidence, evidence_id, inspection_id, GONE)
        line = _line(s, inspection_id, new.line)
        setting = _row(s, m.Setting, new.setting_id, inspection_id, "that setting")
        event = _row(s, m.Event, new.event_id, inspection_id, "that event")
        old = current_in(s, entry)
        note = describe(s, old, new)
        if not note and old.text == new.text:
            return ""
        summary = "corrected an evidence entry" if note else "edited an evidence entry"
        with store.change(s, inspection_id, entry, summary):
            entry.text, entry.line_id, entry.source = new.text, line.id, new.source
            entry.setting_id = setting.id if setting else None
            entry.event_id = event.id if event else None
            entry.judgement, entry.case_ref = new.judgement, new.case_ref
            store.insert(s, None, m.EvidenceVersion(evidence_id=entry.id, text=new.text,
                                                    note=note))
    return note or "text"


def current_in(s, entry: m.Evidence) -> Correction:
    line = s.get(m.LineOfEnquiry, entry.line_id)
    return Correction(entry.text, line.code if line else "", entry.source, entry.setting_id,
                      entry.event_id, entry.judgement, entry.case_ref)


def _tidy(c: Correction) -> Correction:
    if not c.text.strip():
        raise InvalidInput("the entry needs some text (delete it instead)")
    if c.source not in SOURCE_KINDS:
        raise InvalidInput(f"no source {shown(c.source)} (known: {', '.join(SOURCE_KINDS)})")
    if c.judgement and c.judgement not in JUDGEMENTS:
        raise InvalidInput(f"no judgement {shown(c.judgement)} "
                           f"(known: {', '.join(JUDGEMENTS)})")
    ref = (c.case_ref or "").strip() or None
    return Correction(c.text, c.line.strip().upper(), c.source, c.setting_id or None,
                      c.event_id or None, c.judgement or None, ref)


def _line(s, inspection_id: str, code: str) -> m.LineOfEnquiry:
    lines = {r.code.upper(): r for r in s.exec(live(m.LineOfEnquiry, inspection_id))}
    if code not in lines:
        raise NotFound(f"no line of enquiry {shown(code)} (known: {', '.join(lines)})")
    return lines[code]


def _row(s, model, row_id: str | None, inspection_id: str, what: str):
    return live_row(s, model, row_id, inspection_id, what) if row_id else None


def describe(s, old: Correction, new: Correction) -> str:
    """What changed besides the text, in words: "line B5 → B3 · judgement Strength →
    Concern". A case reference is said to have changed, never what it was or is."""
    parts = []
    for field in fields(Correction):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if field.name == "text" or before == after:
            continue
        if field.name == "case_ref":
            parts.append("case ref " + ("added" if not before else
                                        "removed" if not after else "changed"))
            continue
        name = LABELS[field.name]
        parts.append(f"{name} {_said(s, field.name, before)} → {_said(s, field.name, after)}")
    return " · ".join(parts)


LABELS = {"line": "line", "source": "source", "setting_id": "setting", "event_id": "event",
          "judgement": "judgement"}


def _said(s, name: str, value: str | None) -> str:
    if not value:
        return NOTHING
    if name == "source":
        return SOURCE_KINDS.get(value, value)
    if name == "judgement":
        return JUDGEMENTS.get(value, value)
    if name == "setting_id":
        row = s.get(m.Setting, value)
        return _short(row.name) if row else "?"
    if name == "event_id":
        row = s.get(m.Event, value)
        return _short(row.title) if row else "?"
    return value


def _short(name: str, limit: int = 40) -> str:
    name = " ".join(name.split())
    return name if len(name) <= limit else name[:limit] + "…"


def events_of(store: Store, inspection_id: str) -> list[tuple[str, str, object]]:
    """(id, title, start) of the inspection's live events, in time order: what an entry
    can be against."""
    with store.session() as s:
        rows = s.exec(live(m.Event, inspection_id).order_by(m.Event.start)).all()
        return [(e.id, e.title, e.start) for e in rows]

