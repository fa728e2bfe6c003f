"""A setting shows as visited once its visit in the week has ended (not if cancelled); the
coordinator's own mark (v) is kept apart and shows too."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sendtui.store import events, inspections, settings
from sendtui.store.events import EventInput

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

UTC = dt.timezone.utc


def ashby(store, now):
    ins = inspections.find(store)
    return next(s for s in settings.all(store, ins.id, now=now) if s.urn == "190001")


def the_visit(store):
    ins = inspections.find(store)
    return next(e for e in events.all(store, ins.id) if e.title.startswith("Visit: Ashby"))


def test_visited_once_the_visit_has_ended(demo_store):
    visit = the_visit(demo_store)  # Tue 1 Dec 09:00–12:00 UTC
    assert visit.end == dt.datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    during, after = visit.end - dt.timedelta(minutes=1), visit.end
    assert not ashby(demo_store, during).is_visited
    seen = ashby(demo_store, after)
    assert seen.visit_ended and seen.is_visited and not seen.visited  # the mark is not stored


def test_a_cancelled_visit_does_not_count(demo_store):
    ins = inspections.find(demo_store)
    visit = the_visit(demo_store)
    events.edit(demo_store, ins.id, visit.id, replace(EventInput.of(visit), status="cancelled"))
    assert not ashby(demo_store, visit.end + dt.timedelta(days=1)).is_visited


def test_the_coordinators_own_mark_shows_without_a_visit(demo_store):
    ins = inspections.find(demo_store)
    before = ashby(demo_store, dt.datetime(2026, 11, 25, 9, tzinfo=UTC))
    settings.mark(demo_store, ins.id, before.id, visited=True)
    marked = ashby(demo_store, dt.datetime(2026, 11, 25, 9, tzinfo=UTC))
    assert marked.is_visited and marked.visited and not marked.visit_ended


def test_without_now_nothing_is_read_from_the_week(demo_store):
    ins = inspections.find(demo_store)
    assert not any(s.visit_ended for s in settings.all(demo_store, ins.id))
