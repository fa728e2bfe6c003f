"""Which events an export covers, and the plain words every format shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sendtui.domain.clock import to_london
from sendtui.domain.matching import called, did_you_mean
from sendtui.domain.travel import Place, minutes_needed
from sendtui.domain.words import shown
from sendtui.errors import ExportError
from sendtui.exports import ExportRequest
from sendtui.records import Briefing, PersonRecord, SheetEvent


def person_named(briefing: Briefing, name: str) -> PersonRecord:
    """A person by exact name, else by the unique start of a name (any case or accents)."""
    found = called(briefing.people, name, key=lambda p: p.name)
    if not found:
        raise ExportError(f"no person is called {shown(name)}"
                          f"{did_you_mean(name, (p.name for p in briefing.people))}")
    if len(found) > 1:
        raise ExportError(f"{shown(name)} could be {', '.join(p.name for p in found)}: "
                          "give more of the name")
    return found[0]


def events_for(briefing: Briefing, request: ExportRequest,
               include_cancelled: bool = False) -> list[SheetEvent]:
    """The request's events in time order: by person and London day range."""
    person = person_named(briefing, request.person) if request.person else None
    chosen = []
    for e in briefing.events:
        day = day_of(e)
        if e.cancelled and not include_cancelled:
            continue
        if request.start and day < request.start or request.end and day > request.end:
            continue
        if person and person.id not in {p.id for p in e.people}:
            continue
        chosen.append(e)
    return chosen


def day_of(e: SheetEvent) -> dt.date:
    return to_london(e.start).date()


def by_day(events: Iterable[SheetEvent]) -> dict[dt.date, list[SheetEvent]]:
    days: dict[dt.date, list[SheetEvent]] = {}
    for e in events:
        days.setdefault(day_of(e), []).append(e)
    return days


def times(e: SheetEvent) -> str:
    return f"{to_london(e.start):%H:%M}–{to_london(e.end):%H:%M}"


def place(e: SheetEvent) -> str:
    """Where: the setting's name and postcode, else the typed location."""
    if e.setting:
        return ", ".join(x for x in (e.setting.name, e.setting.postcode) if x)
    return e.location


def hosts(e: SheetEvent) -> list[PersonRecord]:
    """The local people at an event (not the inspection team): who to ask for."""
    return [p for p in e.people if not p.is_team]


def contact(p: PersonRecord) -> str:
    return ", ".join(x for x in (p.name, p.role, p.phone, p.email) if x)


def setting_contact(e: SheetEvent) -> str:
    if not e.setting:
        return ""
    return ", ".join(x for x in (e.setting.head, e.setting.phone) if x)


def travel_notes(briefing: Briefing, e: SheetEvent) -> list[str]:
    """For each team member coming from another place earlier that day: the time needed."""
    here = _place_of(e)
    if here is None:
        return []
    notes = []
    for person in e.people:
        if not person.is_team:
            continue
        before = [x for x in briefing.events if not x.cancelled and x.end <= e.start
                  and day_of(x) == day_of(e) and person.id in {p.id for p in x.people}]
        if not before:
            continue
        prev = max(before, key=lambda x: x.end)
        there = _place_of(prev)
        if there is None or there == here or (prev.setting and prev.setting == e.setting):
            continue
        need = round(minutes_needed(there, here, briefing.rules.travel))
        gap = int((e.start - prev.end).total_seconds() // 60)
        warn = "" if gap >= need else f" — only {gap} min between"
        notes.append(f"{person.name}: from {place(prev)}, about {need} min{warn}")
    return notes


def _place_of(e: SheetEvent) -> Place | None:
    s = e.setting
    if s and s.easting is not None and s.northing is not None:
        return Place(s.easting, s.northing)
    return None


def redaction_notice(include_sensitive: bool) -> str:
    """What every export says at its top about names and case references."""
    if include_sensitive:
        return ("CONTAINS SENSITIVE DATA: names marked sensitive and case references are "
                "included. Handle under UK GDPR; do not forward.")
    return "Names marked sensitive and case references are withheld."


def markdown_file(lines: list[str]) -> str:
    """The lines of a Markdown export as a file that ends with exactly one newline (POSIX
    tools and `git diff` expect one; a blank last line would differ between exports)."""
    return "\n".join(lines).rstrip("\n") + "\n"
