"""A visit left with the default title is called by its setting's short name in every export
(the .ics SUMMARY, the schedule sheet, the briefing pack) and in the week's problems; a title
the user typed is kept."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from sendtui.exports import ExportRequest
from sendtui.exports import calendar, pack, sheets
from sendtui.records import EventRow
from sendtui.store import events, inspections, planning, settings
from sendtui.store.briefing import gather
from sendtui.store.events import EventInput
from tests.conftest import DEMO_TODAY

UTC = dt.timezone.utc
DAY = dt.date(2026, 12, 2)


def visit(store, title: str, hour: int, setting: str) -> str:
    ins = inspections.find(store).id
    place = next(s for s in settings.all(store, ins) if s.name == setting)
    start = dt.datetime.combine(DAY, dt.time(hour), tzinfo=UTC)
    return events.add(store, ins, EventInput("visit", title, start,
                                             start + dt.timedelta(hours=1), place.id))


def summaries(store) -> list[str]:
    briefing = gather(store, inspections.find(store).id, DEMO_TODAY)
    data = calendar.render(briefing, ExportRequest("ics", "ics"))
    return [str(e["SUMMARY"]) for e in Calendar.from_ical(data).walk("VEVENT")]


def test_the_ics_summary_says_where(demo_store):
    visit(demo_store, "", 7, "Castle Hill School")
    visit(demo_store, "Setting visit", 19, "Little Oaks Nursery School")
    visit(demo_store, "Transition review", 20, "Little Oaks Nursery School")
    found = summaries(demo_store)
    assert {"Castle Hill School", "Little Oaks Nursery", "Transition review"} <= set(found)
    assert "Setting visit" not in found


def test_a_visit_stored_before_titles_said_where_reads_by_its_setting(demo_store):
    """Stored with the kind's label (a schedule file, or the app before): shown by its
    setting on read, with no migration."""
    ins = inspections.find(demo_store).id
    start = dt.datetime.combine(DAY, dt.time(7), tzinfo=UTC)
    events.load(demo_store, ins, [EventRow("visit", "Setting visit", start,
                                           start + dt.timedelta(hours=1), "190001", (),
                                           "", "", None, "planned")])
    shown = [e.title for e in events.all(demo_store, ins) if e.start == start]
    assert shown == ["Ashby Brook Primary"]
    briefing = gather(demo_store, ins, DEMO_TODAY)
    sheet = sheets.render(briefing, ExportRequest("schedule", "md", start=DAY, end=DAY))
    assert b"| 07:00\xe2\x80\x9308:00 | Ashby Brook Primary<br>Setting visit |" in sheet
    assert b"Ashby Brook Primary<br>Setting visit" in pack.render(
        briefing, ExportRequest("pack", "html"))
    early = [p.message for p in planning.problems(demo_store, ins) if p.events]
    assert any(m.startswith("Ashby Brook Primary (Wed 2 Dec 07:00") for m in early)


def test_the_store_keeps_the_default_so_the_title_follows_the_setting(demo_store):
    ins = inspections.find(demo_store).id
    event_id = visit(demo_store, "Castle Hill School", 7, "Castle Hill School")
    event = next(e for e in events.all(demo_store, ins) if e.id == event_id)
    ashby = next(s for s in settings.all(demo_store, ins) if s.name.startswith("Ashby"))
    events.edit(demo_store, ins, event_id, EventInput(
        "visit", event.title, event.start, event.end, ashby.id))
    assert next(e.title for e in events.all(demo_store, ins) if e.id == event_id) == \
        "Ashby Brook Primary"
