"""The week as an iCalendar file (RFC 5545) for Outlook, Google, Apple and khal.

Always redacted: a calendar is synced to phones and shared, so there is no opt-in.
Stamps come from the data (DTSTAMP is the event's last change), so the same data gives the
same bytes and a calendar that imported an earlier file sees a change only where one was made.
"""

from __future__ import annotations

import datetime as dt

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
)

from sendtui.domain.clock import LONDON
from sendtui.exports import ExportRequest, calendar_deadlines
from sendtui.exports.selection import events_for, hosts, person_named
from sendtui.records import Briefing, SheetEvent

PRODID = "-//sendtui//Inspection schedule//EN"
TZID = "Europe/London"


def render(briefing: Briefing, request: ExportRequest) -> bytes:
    # Removed events go out as CANCELLED: a calendar that imported them then drops them or
    # shows them cancelled (a missing event would just stay put).
    events = sorted(events_for(briefing, request, include_cancelled=True),
                    key=lambda e: (e.start, e.title, e.id))
    name = f"{briefing.inspection.local_area} SEND inspection"
    if request.person:
        name += f" — {person_named(briefing, request.person).name}"

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_timezone())
    for e in events:
        cal.add_component(_event(briefing, e))
    if request.with_deadlines:
        for todo in calendar_deadlines.todos(briefing, request):
            cal.add_component(todo)
    return cal.to_ical()


def _timezone() -> Timezone:
    """Europe/London as tzurl.org publishes it: the EU rules (since 1996), valid every year.
    Both changes are at 01:00 UTC: 01:00 GMT in March, 02:00 BST in October.
    (icalendar's from_tzid puts the March change at 02:00 local, an hour late.)"""
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    for part, name, before, after, start, month in (
            (TimezoneDaylight, "BST", 0, 1, dt.datetime(1970, 3, 29, 1), 3),
            (TimezoneStandard, "GMT", 1, 0, dt.datetime(1970, 10, 25, 2), 10)):
        rule = part()
        rule.add("tzname", name)
        rule.add("tzoffsetfrom", dt.timedelta(hours=before))
        rule.add("tzoffsetto", dt.timedelta(hours=after))
        rule.add("dtstart", start)
        rule.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(rule)
    return tz


def _event(briefing: Briefing, e: SheetEvent) -> Event:
    redact = briefing.redactor.redact
    ev = Event()
    ev.add("uid", f"{e.id}@sendtui")
    ev.add("sequence", e.sequence)
    ev.add("dtstamp", e.changed_at.astimezone(dt.timezone.utc))
    ev.add("dtstart", e.start.astimezone(LONDON))
    ev.add("dtend", e.end.astimezone(LONDON))
    ev.add("summary", redact(e.title))
    where = _location(e)
    if where:
        ev.add("location", redact(where))
    description = _description(e)
    if description:
        ev.add("description", redact(description))
    ev.add("categories", [e.kind])
    ev.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
    for p in e.people:
        if not p.email:
            continue
        attendee = vCalAddress(f"mailto:{p.email}")
        attendee.params["CN"] = p.name
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = "ACCEPTED" if p.is_team else "NEEDS-ACTION"
        ev.add("attendee", attendee, encode=0)
    return ev


def _location(e: SheetEvent) -> str:
    if e.setting:
        s = e.setting
        return ", ".join(x for x in (s.name, s.address, s.postcode) if x)
    return e.location


def _description(e: SheetEvent) -> str:
    lines = [e.notes.strip()] if e.notes.strip() else []
    local = [f"{p.name} ({', '.join(x for x in (p.role, p.phone) if x)})"
             if p.role or p.phone else p.name for p in hosts(e)]
    if local:
        lines.append("Local hosts: " + "; ".join(local))
    return "\n".join(lines)
