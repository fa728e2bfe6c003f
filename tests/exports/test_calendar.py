"""The iCalendar export: fields, stability across exports, filters, redaction, a golden file
and a real calendar program (khal) reading it."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from icalendar import Calendar

from sendtui.domain.clock import LONDON
from sendtui.errors import ExportError
from sendtui.exports import ExportRequest
from sendtui.exports.calendar import render
from sendtui.exports.selection import day_of
from sendtui.store import events, inspections, repo
from sendtui.store.briefing import gather
from sendtui.store.events import EventInput
from tests.conftest import DEMO_TODAY
from tests.exports.stable import stable_briefing

GOLDEN = Path(__file__).parent / "golden" / "calendar.ics"
OPENING = "Opening meeting: leaders present the area's self-evaluation"
AFTER_THE_WEEK = dt.date(2027, 1, 10)


def ics(store, today=DEMO_TODAY, **request) -> bytes:
    return render(gather(store, inspections.find(store).id, today),
                  ExportRequest("ics", "ics", **request))


def vevents(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def by_uid(data: bytes) -> dict:
    return {str(e["UID"]): e for e in vevents(data)}


def opening(store):
    briefing = gather(store, inspections.find(store).id, DEMO_TODAY)
    return next(e for e in briefing.events if e.title == OPENING)


def attendees(ev) -> dict:
    found = ev.get("ATTENDEE", [])
    found = found if isinstance(found, list) else [found]
    return {str(a): a.params for a in found}


# --- the fields ---------------------------------------------------------------------------

def test_calendar_header_and_time_zone(demo_store):
    data = ics(demo_store)
    cal = Calendar.from_ical(data)
    assert str(cal["PRODID"]) == "-//sendtui//Inspection schedule//EN"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "Wealdshire SEND inspection"
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/London"
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/London"]
    assert len(cal.walk("VEVENT")) == 41
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_opening_meeting_field_by_field(demo_store):
    event = opening(demo_store)
    ev = by_uid(ics(demo_store))[f"{event.id}@sendtui"]
    assert str(ev["SUMMARY"]) == OPENING
    assert ev["DTSTART"].params["TZID"] == "Europe/London"
    assert ev["DTEND"].params["TZID"] == "Europe/London"
    assert ev.decoded("DTSTART") == dt.datetime(2026, 11, 30, 9, 0, tzinfo=LONDON)
    assert ev.decoded("DTEND") == dt.datetime(2026, 11, 30, 10, 15, tzinfo=LONDON)
    assert ev.decoded("DTSTART").replace(tzinfo=None) == dt.datetime(2026, 11, 30, 9, 0)
    assert ev.decoded("DTSTAMP") == event.changed_at.replace(microsecond=0)
    assert ev.decoded("SEQUENCE") == 0
    assert str(ev["STATUS"]) == "CONFIRMED"
    assert ev["CATEGORIES"].cats == ["meeting"]
    assert str(ev["LOCATION"]) == "Base room, County Hall, Markham"
    description = str(ev["DESCRIPTION"])
    assert description.startswith("Visitor bays 1-6 reserved at the rear of County Hall; "
                                  "sign in at main reception.\nLocal hosts: ")
    assert "Rachel Thornton (Nominated officer, 01632 960410)" in description
    assert "Helen Marsden" not in description  # the team are not local hosts

    people = attendees(ev)
    assert len(people) == 8
    helen = people["mailto:helen.marsden@ofsted.example.gov.uk"]
    assert (helen["CN"], helen["ROLE"], helen["PARTSTAT"]) == (
        "Helen Marsden", "REQ-PARTICIPANT", "ACCEPTED")
    rachel = people["mailto:rachel.thornton@wealdshire.example.gov.uk"]
    assert (rachel["CN"], rachel["PARTSTAT"]) == ("Rachel Thornton", "NEEDS-ACTION")


def test_a_visit_is_at_its_setting(demo_store):
    ev = next(e for e in vevents(ics(demo_store))
              if str(e["SUMMARY"]) == "Visit: Ashby Brook Primary School (SEN support)")
    assert str(ev["LOCATION"]) == "Ashby Brook Primary School, 1 School Lane, Ashby Brook, WD1 1AA"
    assert ev["CATEGORIES"].cats == ["visit"]
    assert "Emma Kowalski (SENCO, 01632 960001)" in str(ev["DESCRIPTION"])


def test_summer_times_carry_the_london_offset(demo_store):
    """An event in BST is written in London wall-clock time and the time zone covers it."""
    briefing = gather(demo_store, inspections.find(demo_store).id, DEMO_TODAY)
    first = replace(briefing.events[0], start=dt.datetime(2027, 6, 1, 8, 0, tzinfo=dt.UTC),
                    end=dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC))
    data = render(replace(briefing, events=(first,)), ExportRequest("ics", "ics"))
    assert b"DTSTART;TZID=Europe/London:20270601T090000\r\n" in data
    zone = Calendar.from_ical(data).walk("VTIMEZONE")[0]
    tz = zone.to_tz()
    assert tz.utcoffset(dt.datetime(2027, 6, 1, 9, 0)) == dt.timedelta(hours=1)
    assert tz.utcoffset(dt.datetime(2027, 1, 4, 9, 0)) == dt.timedelta(0)


def test_the_clocks_change_at_one_in_the_morning_utc_in_every_year():
    """The zone's rules give the same instants as the tz database, whatever the year."""
    from zoneinfo import ZoneInfo

    tz = Calendar.from_ical(render_zone()).walk("VTIMEZONE")[0].to_tz()
    london = ZoneInfo("Europe/London")
    for year in (2026, 2027, 2031):
        for month, day in ((3, 20), (3, 31), (10, 20), (10, 31)):
            for hour in (0, 3, 12):
                wall = dt.datetime(year, month, day, hour)
                assert tz.utcoffset(wall) == wall.replace(tzinfo=london).utcoffset(), wall


def render_zone() -> bytes:
    from icalendar import Calendar as Cal

    from sendtui.exports.calendar import _timezone

    cal = Cal()
    cal.add_component(_timezone())
    return cal.to_ical()


# --- stable across exports ----------------------------------------------------------------

def test_same_data_same_bytes(demo_store):
    assert ics(demo_store) == ics(demo_store)


def test_a_change_raises_the_sequence_and_keeps_the_uid(demo_store, monkeypatch):
    event = opening(demo_store)
    uid = f"{event.id}@sendtui"
    before = ics(demo_store)
    later = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.timezone.utc)
    monkeypatch.setattr(repo, "utc_now", lambda: later)
    ins = inspections.find(demo_store)
    view = next(e for e in events.all(demo_store, ins.id) if e.id == event.id)
    events.edit(demo_store, ins.id, event.id,
                EventInput.of(view).moved(dt.timedelta(minutes=15)))
    after = ics(demo_store)

    before, after = by_uid(before), by_uid(after)
    old, new = before.pop(uid), after.pop(uid)
    assert (old.decoded("SEQUENCE"), new.decoded("SEQUENCE")) == (0, 1)
    assert new.decoded("DTSTAMP") == later != old.decoded("DTSTAMP")
    assert new.decoded("DTSTART") == dt.datetime(2026, 11, 30, 9, 15, tzinfo=LONDON)
    assert {u: e.to_ical() for u, e in after.items()} == {
        u: e.to_ical() for u, e in before.items()}  # the others are untouched


def test_a_removed_event_is_cancelled_until_the_week_is_over(demo_store):
    event = opening(demo_store)
    uid = f"{event.id}@sendtui"
    events.remove(demo_store, inspections.find(demo_store).id, event.id)

    during = by_uid(ics(demo_store))
    assert len(during) == 41
    assert str(during[uid]["STATUS"]) == "CANCELLED"
    assert during[uid].decoded("SEQUENCE") == 1
    assert sum(str(e["STATUS"]) == "CANCELLED" for e in during.values()) == 1

    after = by_uid(ics(demo_store, today=AFTER_THE_WEEK))
    assert uid not in after and len(after) == 40


# --- filters --------------------------------------------------------------------------------

def test_one_persons_events(demo_store):
    briefing = gather(demo_store, inspections.find(demo_store).id, DEMO_TODAY)
    expected = {f"{e.id}@sendtui" for e in briefing.events
                if "Kwame Mensah" in {p.name for p in e.people}}
    data = ics(demo_store, person="Kwame")
    assert str(Calendar.from_ical(data)["X-WR-CALNAME"]) == (
        "Wealdshire SEND inspection — Kwame Mensah")
    found = by_uid(data)
    assert set(found) == expected and 0 < len(found) < 41
    assert all("mailto:kwame.mensah@cqc.example.org.uk" in attendees(e)
               for e in found.values())


def test_a_range_of_days(demo_store):
    day = dt.date(2026, 12, 2)
    briefing = gather(demo_store, inspections.find(demo_store).id, DEMO_TODAY)
    expected = sum(day_of(e) == day for e in briefing.events)
    found = vevents(ics(demo_store, start=day, end=day))
    assert len(found) == expected == 10
    assert {e.decoded("DTSTART").date() for e in found} == {day}

    two = vevents(ics(demo_store, start=dt.date(2026, 12, 3), end=dt.date(2026, 12, 4)))
    assert {e.decoded("DTSTART").date() for e in two} == {dt.date(2026, 12, 3),
                                                          dt.date(2026, 12, 4)}


def test_nothing_chosen_is_still_a_calendar(demo_store):
    data = ics(demo_store, start=dt.date(2026, 12, 5), end=dt.date(2026, 12, 6))
    cal = Calendar.from_ical(data)
    assert cal.walk("VEVENT") == []
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/London"]


def test_an_unknown_person_is_refused(demo_store):
    with pytest.raises(ExportError, match="no person is called 'Nobody'"):
        ics(demo_store, person="Nobody")


# --- redaction ------------------------------------------------------------------------------

def test_child_names_and_case_references_never_reach_the_calendar(demo_store):
    data = ics(demo_store)
    text = Calendar.from_ical(data).to_ical().decode().replace("\r\n ", "").casefold()
    assert "jamie holt" not in text and "ehc-3107" not in text
    assert b"jamie" not in data.lower() and b"3107" not in data
    ev = next(e for e in vevents(data) if e.decoded("DTSTART") ==
              dt.datetime(2026, 12, 2, 16, 30, tzinfo=LONDON))
    description = str(ev["DESCRIPTION"])
    assert "the case files they chose for Thursday, CYP-03's ([case ref withheld]) among" in description


# --- golden file ----------------------------------------------------------------------------

def test_golden_file(demo_store):
    """The whole demo week, byte for byte. Refresh deliberately with SENDTUI_UPDATE_GOLDEN=1
    and review the diff."""
    briefing = stable_briefing(gather(demo_store, inspections.find(demo_store).id, DEMO_TODAY))
    data = render(briefing, ExportRequest("ics", "ics"))
    if os.environ.get("SENDTUI_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(data)
    assert data == GOLDEN.read_bytes()


# --- a real calendar program ------------------------------------------------------------------

KHAL_CONFIG = """\
[calendars]
[[inspection]]
path = {root}/cal
type = calendar

[sqlite]
path = {root}/khal.db

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/London
default_timezone = Europe/London

[default]
default_calendar = inspection
"""
FIELDS = ("uid", "start-date", "start-time", "end-time", "status", "title")


class Khal:
    def __init__(self, root: Path):
        exe = shutil.which("khal", path=os.path.dirname(sys.executable)) or shutil.which("khal")
        if exe is None:
            pytest.skip("khal is not installed")
        self.exe, self.root = exe, root
        (root / "cal").mkdir()
        (root / "home").mkdir()
        self.config = root / "khal.conf"
        self.config.write_text(KHAL_CONFIG.format(root=root))
        home = root / "home"
        self.env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
                    "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
                    "TZ": "Europe/London"}

    def run(self, *args) -> str:
        done = subprocess.run([self.exe, "-c", str(self.config), *args], env=self.env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def import_(self, data: bytes, name: str) -> None:
        path = self.root / name
        path.write_bytes(data)
        self.run("import", "--batch", "-a", "inspection", str(path))

    def week(self) -> list[dict]:
        """Every event khal lists for the on-site week (one JSON list per day)."""
        out = self.run("list", *[x for f in FIELDS for x in ("--json", f)],
                       "2026-11-30", "2026-12-05")
        return [e for line in out.splitlines() if line.strip() for e in json.loads(line)]


def test_khal_reads_the_week(demo_store, tmp_path):
    khal = Khal(tmp_path)
    event = opening(demo_store)
    uid = f"{event.id}@sendtui"
    khal.import_(ics(demo_store), "week.ics")

    listed = khal.week()
    assert len(listed) == 41 and len({e["uid"] for e in listed}) == 41
    first = next(e for e in listed if e["uid"] == uid)
    assert (first["start-date"], first["start-time"], first["end-time"], first["title"]) == (
        "2026-11-30", "09:00", "10:15", OPENING)
    assert {e["status"] for e in listed} == {"CONFIRMED"}

    # A later export with the event removed replaces the same UID in place: khal keeps the
    # event but shows it as CANCELLED (it has no way to drop an event on import).
    events.remove(demo_store, inspections.find(demo_store).id, event.id)
    khal.import_(ics(demo_store), "week-2.ics")
    listed = khal.week()
    assert len(listed) == 41
    assert [(e["uid"], e["status"]) for e in listed if e["status"] != "CONFIRMED"] == [
        (uid, "CANCELLED")]
    shown = khal.run("list", "--day-format", "", "--format", "{cancelled}{start-time} {title}",
                     "2026-11-30", "2026-11-30")
    assert f"CANCELLED 09:00 {OPENING}" in shown.splitlines()
    assert len(list((tmp_path / "cal").glob("*.ics"))) == 41
