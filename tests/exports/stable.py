"""A briefing with stable ids and stamps, for golden files.

The demo's ids are random (uuid4) and its stamps are the moment it was loaded. Golden files
need the same bytes on every run, so every id becomes a uuid5 of what the record *is* and
every "when it was saved" stamp becomes one fixed instant. Times that are data (event times,
when evidence was seen) are kept.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

from sendtui.records import Briefing, PersonRecord, SettingRecord, SheetEvent

STAMP = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


def stable_id(text: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, text))


def stable_person(p: PersonRecord) -> PersonRecord:
    return replace(p, id=stable_id(p.name))


def stable_setting(s: SettingRecord | None) -> SettingRecord | None:
    return replace(s, id=stable_id(s.name)) if s else None


def stable_event(e: SheetEvent) -> SheetEvent:
    return replace(e, id=stable_id(f"{e.title}|{e.start.isoformat()}"), changed_at=STAMP,
                   setting=stable_setting(e.setting),
                   people=tuple(stable_person(p) for p in e.people))


def stable_entry(x):
    return replace(x, id=stable_id(f"{x.at.isoformat()}|{x.line_code}|{x.text}"))


def stable_owned(x):
    """A request or an action: its id from what it says, its owner's as `stable_person`'s."""
    what = getattr(x, "title", None) or x.text
    return replace(x, id=stable_id(f"{type(x).__name__}|{what}"),
                   owner_id=x.owner_id and stable_id(x.owner))


def stable_plan(plan):
    if plan is None:
        return None
    return replace(plan, team_actions=tuple(map(stable_owned, plan.team_actions)),
                   weaknesses=tuple(replace(w, id=stable_id(w.title),
                                            actions=tuple(map(stable_owned, w.actions)))
                                    for w in plan.weaknesses))


def stable_briefing(b: Briefing) -> Briefing:
    """A copy of `b` whose ids and save stamps are the same on every run."""
    events = tuple(stable_event(e) for e in b.events)
    new_ids = {old.id: new.id for old, new in zip(b.events, events)}
    ins = b.inspection
    return replace(
        b,
        inspection=replace(ins, id=stable_id(ins.local_area),
                           last_opened_at=ins.last_opened_at and STAMP),
        events=events,
        people=tuple(stable_person(p) for p in b.people),
        problems=tuple(replace(p, events=tuple(new_ids.get(i, i) for i in p.events))
                       for p in b.problems),
        lines=tuple(replace(x, id=stable_id(x.code)) for x in b.lines),
        evidence=tuple(stable_entry(x) for x in b.evidence),
        findings=tuple(replace(f, backing=tuple(map(stable_entry, f.backing)),
                               contradicting=tuple(map(stable_entry, f.contradicting)))
                       for f in b.findings),
        as_of=STAMP,
        requests=tuple(map(stable_owned, b.requests)),
        plan=stable_plan(b.plan),
    )
