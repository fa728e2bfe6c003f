"""`export ics --with-deadlines`: information requests, actions and the plan's dates after the
report as to-dos (VTODO) beside the events — fields, stable UIDs, one owner's, redaction, a
golden file, the command line, and khal (which has no to-dos) still reading the events."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from icalendar import Calendar

from sendtui.domain import frameworks as fw
from sendtui.domain.clock import LONDON
from sendtui.exports import ExportRequest
from sendtui.exports.calendar import render
from sendtui.store import actions, inspections, repo
from sendtui.store import requests as info_requests
from sendtui.store.briefing import gather
from tests.cli.test_cli import ok, run
from tests.conftest import DEMO_TODAY
from tests.exports.conftest import matches_golden
from tests.exports.stable import stable_briefing
from tests.exports.test_calendar import OPENING, Khal, opening

PUBLISHED = dt.date(2027, 1, 20)  # the demo has no report yet: the plan's dates need one
AUDIT = "EHC plan audit"
ROOM = "Confirm the room and attendees for Thursday's focus group"


def briefing_of(store, today=DEMO_TODAY):
    return gather(store, inspections.find(store).id, today)


def ics(store, **request) -> bytes:
    return render(briefing_of(store), ExportRequest("ics", "ics", with_deadlines=True,
                                                    **request))


def todos(data: bytes) -> dict:
    return {str(t["UID"]): t for t in Calendar.from_ical(data).walk("VTODO")}


def by_summary(data: bytes) -> dict:
    return {str(t["SUMMARY"]): t for t in todos(data).values()}


def reported(briefing):
    """The briefing as it will be once the report is published: the plan's dates follow."""
    ins = briefing.inspection
    dates = fw.key_dates(fw.get_framework(ins.framework), ins.notified, PUBLISHED)
    return replace(briefing, key_dates=tuple(dates))


# --- the fields -----------------------------------------------------------------------------

def test_a_todo_per_dated_request_and_action_besides_the_events(demo_store):
    briefing = briefing_of(demo_store)
    data = ics(demo_store)
    cal = Calendar.from_ical(data)
    assert len(cal.walk("VEVENT")) == 41
    dated = [r for r in briefing.requests if r.due_at] + [
        a for a in actions.all(demo_store, briefing.inspection.id) if a.due_at]
    assert len(cal.walk("VTODO")) == len(dated) == 34
    assert {str(t["CATEGORIES"].cats[0]) for t in cal.walk("VTODO")} == {"request", "action"}
    assert b"BEGIN:VTODO" not in render(briefing, ExportRequest("ics", "ics"))


def test_a_request_field_by_field(demo_store):
    audit = next(r for r in briefing_of(demo_store).requests if r.title == AUDIT)
    todo = todos(ics(demo_store))[f"request-{audit.id}@sendtui"]
    assert str(todo["SUMMARY"]) == f"Request: {AUDIT}"
    assert todo["DUE"].params["TZID"] == "Europe/London"
    assert todo.decoded("DUE") == dt.datetime(2026, 12, 3, 10, 0, tzinfo=LONDON)
    assert str(todo["STATUS"]) == "NEEDS-ACTION"
    assert str(todo["DESCRIPTION"]) == "Kind: document\nOwner: Joanne Whitaker"
    assert todo.decoded("DTSTAMP") == briefing_of(demo_store).as_of.replace(microsecond=0)


def test_each_status_in_calendar_words(demo_store):
    found = by_summary(ics(demo_store))
    assert str(found["Request: Neonatal screening"]["STATUS"]) == "IN-PROCESS"
    sent = found["Request: JSNA"]
    assert str(sent["STATUS"]) == "COMPLETED"
    assert "Where: Shared folder: Inspection/Documents/JSNA 2026.pdf" in str(sent["DESCRIPTION"])
    not_held = found["Request: Serious case reviews"]
    assert str(not_held["STATUS"]) == "CANCELLED"
    assert "Not held: " in str(not_held["DESCRIPTION"])
    assert str(found["Action: Map health services commissioned for young people aged 19 "
                     "to 25"]["STATUS"]) == "COMPLETED"
    room = found[f"Action: {ROOM}"]
    assert (str(room["STATUS"]), room.decoded("DUE")) == (
        "NEEDS-ACTION", dt.datetime(2026, 12, 1, 10, 0, tzinfo=LONDON))
    assert str(room["DESCRIPTION"]).startswith("Owner: Joanne Whitaker\nFrom: ")


def test_the_plans_dates_after_the_report_are_all_day_todos(demo_store):
    briefing = reported(briefing_of(demo_store))
    data = render(briefing, ExportRequest("ics", "ics", with_deadlines=True))
    plan = {u: t for u, t in todos(data).items() if u.startswith("deadline-")}
    ins = briefing.inspection.id
    assert sorted(plan) == [f"deadline-{k}-{ins}@sendtui"
                            for k in ("wsoa-due", "wsoa-review-due")]
    wsoa = plan[f"deadline-wsoa-due-{ins}@sendtui"]
    assert str(wsoa["SUMMARY"]) == "Plan: Written statement of action due"
    assert wsoa["DUE"].params["VALUE"] == "DATE"
    assert wsoa.decoded("DUE") == next(k.date for k in briefing.key_dates
                                       if k.key == "wsoa-due")
    summaries = {str(t["SUMMARY"]) for t in todos(data).values()}
    assert "Plan: Letter published" not in summaries  # the report itself is no deadline
    assert not any(s.startswith("Plan: On site") for s in summaries)


# --- stable ---------------------------------------------------------------------------------

def test_same_data_same_bytes(demo_store):
    assert ics(demo_store) == ics(demo_store)


def test_uids_stay_when_a_title_changes_and_differ_from_the_events(demo_store):
    ins = inspections.find(demo_store).id
    audit = next(r for r in briefing_of(demo_store).requests if r.title == AUDIT)
    uid = f"request-{audit.id}@sendtui"
    before = todos(ics(demo_store))
    info_requests.edit(demo_store, ins, audit.id, "EHC plan audit (sample of 30)", audit.kind,
                       audit.owner, audit.due_at, audit.where, audit.notes, audit.status)
    room = next(a for a in actions.all(demo_store, ins) if a.text == ROOM)
    actions.edit(demo_store, ins, room.id, "Book the room for Thursday", room.owner_id,
                 room.due_at, room.status, room.rag)
    data = ics(demo_store)
    after = todos(data)

    assert set(after) == set(before)
    assert str(after[uid]["SUMMARY"]) == "Request: EHC plan audit (sample of 30)"
    assert str(after[f"action-{room.id}@sendtui"]["SUMMARY"]) == (
        "Action: Book the room for Thursday")
    events = {str(e["UID"]) for e in Calendar.from_ical(data).walk("VEVENT")}
    assert not events & set(after)


def test_ticking_a_request_restamps_the_todos(demo_store, monkeypatch):
    """DTSTAMP is the data's latest change, which counts the requests: never "now"."""
    before = briefing_of(demo_store)
    later = before.as_of.replace(microsecond=0) + dt.timedelta(days=1)
    monkeypatch.setattr(repo, "utc_now", lambda: later)
    audit = next(r for r in before.requests if r.title == AUDIT)
    info_requests.tick(demo_store, inspections.find(demo_store).id, [audit.id])
    assert briefing_of(demo_store).as_of == later
    found = todos(ics(demo_store))
    assert str(found[f"request-{audit.id}@sendtui"]["STATUS"]) == "COMPLETED"
    assert {t.decoded("DTSTAMP") for t in found.values()} == {later}


# --- one person's, a range ------------------------------------------------------------------

def test_one_persons_deadlines(demo_store):
    found = by_summary(ics(demo_store, person="Joanne"))
    briefing = briefing_of(demo_store)
    hers = {r.title for r in briefing.requests if r.owner == "Joanne Whitaker" and r.due_at}
    assert {s.removeprefix("Request: ") for s in found if s.startswith("Request: ")} == hers
    assert f"Action: {ROOM}" in found
    assert all("Owner: Joanne Whitaker" in str(t["DESCRIPTION"]) for t in found.values())
    plan = by_summary(render(reported(briefing), ExportRequest(
        "ics", "ics", person="Joanne", with_deadlines=True)))
    assert not [s for s in plan if s.startswith("Plan: ")]  # the plan's dates have no owner


def test_a_range_of_days_keeps_the_deadlines_in_it(demo_store):
    found = todos(ics(demo_store, start=dt.date(2026, 12, 1), end=dt.date(2026, 12, 3)))
    assert {t.decoded("DUE").date() for t in found.values()} == {
        dt.date(2026, 12, 1), dt.date(2026, 12, 3)}


# --- redaction ------------------------------------------------------------------------------

def test_a_childs_name_or_case_ref_never_reaches_a_todo(demo_store):
    ins = inspections.find(demo_store).id
    info_requests.add(demo_store, ins, "Consent for Jamie Holt (EHC-3107)",
                      due_at=dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC),
                      where="Jamie Holt folder, EHC-3107")
    actions.add(demo_store, ins, "Call Jamie Holt's parent about EHC-3107",
                due_at=dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC))
    data = ics(demo_store)
    text = Calendar.from_ical(data).to_ical().decode().replace("\r\n ", "").casefold()
    assert "jamie" not in text and "3107" not in text
    assert len(todos(data)) == 36


# --- golden file ----------------------------------------------------------------------------

def test_golden_file(demo_store):
    """The demo's week with its deadlines (and the plan's dates once the report is out).
    Refresh deliberately with SENDTUI_UPDATE_GOLDEN=1 and review the diff."""
    briefing = reported(stable_briefing(briefing_of(demo_store)))
    data = render(briefing, ExportRequest("ics", "ics", with_deadlines=True))
    assert matches_golden("calendar-deadlines.ics", data), "calendar-deadlines.ics differs"


# --- the command line -----------------------------------------------------------------------

def test_cli_with_deadlines(demo_db, tmp_path):
    plain, with_todos = tmp_path / "week.ics", tmp_path / "deadlines.ics"
    ok(run("export", "ics", "-o", plain, db=demo_db))
    ok(run("export", "ics", "--with-deadlines", "-o", with_todos, db=demo_db))
    assert Calendar.from_ical(plain.read_bytes()).walk("VTODO") == []
    cal = Calendar.from_ical(with_todos.read_bytes())
    assert len(cal.walk("VTODO")) == 34 and len(cal.walk("VEVENT")) == 41
    mine = tmp_path / "rachel.ics"
    ok(run("export", "ics", "--with-deadlines", "--person", "Rachel Thornton", "-o", mine,
           db=demo_db))
    found = Calendar.from_ical(mine.read_bytes()).walk("VTODO")
    assert len(found) == 3  # two requests and an action
    assert all("Owner: Rachel Thornton" in str(t["DESCRIPTION"]) for t in found)


# --- a real calendar program ----------------------------------------------------------------

def test_khal_ignores_the_todos_and_reads_the_events(demo_store, tmp_path):
    khal = Khal(tmp_path)
    khal.import_(ics(demo_store), "deadlines.ics")
    listed = khal.week()
    assert len(listed) == 41 and len({e["uid"] for e in listed}) == 41
    uid = f"{opening(demo_store).id}@sendtui"
    assert next(e["title"] for e in listed if e["uid"] == uid) == OPENING
    assert not [e for e in listed if e["uid"].startswith(("request-", "action-"))]

