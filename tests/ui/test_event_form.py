"""The event and free-slot forms, each mounted in a tiny app and driven by a coordinator's keys.

What the form dismisses with is recorded by the push_screen callback and checked as data:
setting and people ids, UTC instants from London wall-clock times, or None on escape.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, Select, Static

from sendtui.domain.clock import london_to_utc
from sendtui.store import events, inspections, people, settings
from sendtui.store.events import EventInput
from sendtui.ui.screens.week.event_form import EventForm
from sendtui.ui.screens.week.free_slots import FreeSlotForm
from sendtui.ui.widgets.pickers import PeoplePicker, SettingPicker

APP_CSS = Path(__file__).resolve().parents[2] / "sendtui" / "ui" / "app.tcss"
UTC = dt.timezone.utc


class FormApp(App):
    """Pushes one form and records what it dismisses with."""

    CSS_PATH = APP_CSS

    def __init__(self, form) -> None:
        super().__init__()
        self.form = form
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(self.form, self.results.append)


@pytest.fixture
def area(demo_store):
    """The demo inspection's settings, people and events."""
    ins = inspections.find(demo_store)
    return (settings.all(demo_store, ins.id), people.all(demo_store, ins.id),
            events.all(demo_store, ins.id))


def person_id(people, name: str) -> str:
    return next(p.id for p in people if p.name == name)


def setting_id(settings, name: str) -> str:
    return next(s.id for s in settings if s.name == name)


def new_event(kind: str, day: dt.date, start: str, minutes: int) -> EventInput:
    """What the week screen hands the form for a new event."""
    begin = london_to_utc(day, dt.time.fromisoformat(start))
    return EventInput(kind, "", begin, begin + dt.timedelta(minutes=minutes))


def event_form(area, initial: EventInput, heading: str = "Add an event") -> FormApp:
    settings, people, _ = area
    return FormApp(EventForm(initial, settings, people, heading))


def shown(app, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


def value(app, selector: str) -> str:
    return app.screen.query_one(selector, Input).value


async def steady(pilot) -> None:
    """Cursors that do not blink: the same picture however slow the run."""
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


WINTER_DAY = dt.date(2026, 12, 1)
ASHBY = "Ashby Brook Primary School (190001, WD1 1AA)"


# --- the event form ----------------------------------------------------------------------------

async def test_add_a_visit_by_keys(area):
    settings, people, _ = area
    app = event_form(area, new_event("visit", WINTER_DAY, "09:00", 180))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen
        assert app.focused is form.query_one("#kind", Select)
        assert shown(app, "#duration") == "180 min"
        assert "A visit needs a setting" in shown(app, "#setting-message")

        # title, then date, start and end (each field's text is selected on arrival)
        await pilot.press("tab", "tab", *"Visit: Ashby Brook (SEN support)")
        await pilot.press("tab", *"2026-12-01", "tab", *"09:30", "tab", *"12:15")
        await pilot.pause()
        assert shown(app, "#duration") == "165 min"

        await pilot.press("tab", *"ash")
        await pilot.pause()
        picker = form.query_one(SettingPicker)
        assert picker.is_open
        assert str(picker.matches.get_option_at_index(0).prompt) == ASHBY
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#setting-picker .picked") == ASHBY
        assert shown(app, "#setting-message") == "" and not picker.is_open

        await pilot.press("tab", *"hel", "enter", *"emma", "enter")
        await pilot.pause()
        assert shown(app, "#people-picker .picked") == "Helen Marsden ×   Emma Kowalski ×"

        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = app.results
    assert saved == EventInput(
        kind="visit", title="Visit: Ashby Brook (SEN support)",
        start=dt.datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        end=dt.datetime(2026, 12, 1, 12, 15, tzinfo=UTC),
        setting_id=setting_id(settings, "Ashby Brook Primary School"),
        person_ids=(person_id(people, "Helen Marsden"), person_id(people, "Emma Kowalski")))


@pytest.mark.parametrize(("day", "utc_hour"), [
    (dt.date(2026, 6, 10), 8),   # summer time: London is an hour ahead of UTC
    (dt.date(2026, 3, 29), 8),   # the day the clocks go forward
    (dt.date(2026, 10, 25), 9),  # the day they go back
    (WINTER_DAY, 9),
])
async def test_london_times_are_saved_as_utc(area, day, utc_hour):
    app = event_form(area, new_event("meeting", WINTER_DAY, "14:00", 60))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *day.isoformat(), "tab", *"09:00", "tab",
                          *"10:00", "ctrl+s")
        await pilot.pause()
    [saved] = app.results
    assert saved.start == dt.datetime(day.year, day.month, day.day, utc_hour, tzinfo=UTC)
    assert saved.end - saved.start == dt.timedelta(hours=1)
    assert saved.title == "Meeting"  # a blank title is the kind's name


@pytest.mark.parametrize(("day", "length"), [
    ("2026-03-29", "90 min"),   # 01:00–02:00 never happens
    ("2026-10-25", "210 min"),  # 01:00–02:00 happens twice
])
async def test_a_night_the_clocks_change_has_its_true_length(area, day, length):
    app = event_form(area, new_event("meeting", WINTER_DAY, "14:00", 60))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *day, "tab", *"00:30", "tab", *"03:00")
        await pilot.pause()
        assert shown(app, "#duration") == length


async def test_a_visit_without_a_setting_is_refused_in_words(area):
    settings, _, _ = area
    app = event_form(area, new_event("visit", WINTER_DAY, "09:00", 180))
    async with app.run_test() as pilot:
        await pilot.pause()
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and app.results == []
        assert shown(app, "#setting-message") == (
            "A visit needs a setting: type part of its name, URN or postcode.")
        assert shown(app, "#form-message") == "Fix the fields marked in red first: setting."
        assert form.query_one("#setting-label").has_class("error")

        # picked, then cleared with backspace in the empty setting input
        form.query_one(SettingPicker).focus()
        await pilot.press(*"190001", "enter")
        await pilot.pause()
        assert shown(app, "#form-message") == ""  # nothing left to fix
        await pilot.press("backspace")
        await pilot.pause()
        assert shown(app, "#setting-picker .picked") == ""
        assert "A visit needs a setting" in shown(app, "#setting-message")
        await pilot.press("enter")  # no matches open: enter moves on, saving nothing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and app.results == []


async def test_closed_settings_are_not_offered(area):
    settings, people, _ = area
    closed = type(settings[0])("closed-1", "190019", "Brook Lane Primary School", "primary",
                               "WD1 9ZZ", status="Closed")
    app = FormApp(EventForm(new_event("visit", WINTER_DAY, "09:00", 180), [*settings, closed],
                            people, "Add an event"))
    async with app.run_test() as pilot:
        await pilot.pause()
        app.screen.query_one(SettingPicker).focus()
        await pilot.press(*"brook")
        await pilot.pause()
        matches = app.screen.query_one(SettingPicker).matches
        offered = [str(matches.get_option_at_index(i).prompt) for i in range(matches.option_count)]
        assert offered == [ASHBY]


async def test_a_day_and_times_typed_as_people_say_them(area, monkeypatch):
    monkeypatch.setenv("SENDTUI_TODAY", "2026-11-30")  # a Monday
    app = event_form(area, new_event("meeting", WINTER_DAY, "14:00", 60))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *"wednesday", "tab", *"3pm", "tab", *"4.30pm")
        await pilot.pause()
        assert shown(app, "#when-message") == ""
        assert shown(app, "#duration") == "90 min"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = app.results
    assert (saved.start, saved.end) == (dt.datetime(2026, 12, 2, 15, tzinfo=UTC),
                                        dt.datetime(2026, 12, 2, 16, 30, tzinfo=UTC))


async def test_bad_times_are_refused_in_words(area):
    app = event_form(area, new_event("meeting", WINTER_DAY, "14:00", 60))
    async with app.run_test() as pilot:
        await pilot.pause()
        form = app.screen
        await pilot.press("tab", "tab", "tab", "tab", "tab", *"13:30")
        await pilot.pause()
        assert value(app, "#end") == "13:30"
        assert shown(app, "#when-message") == "The end must be after the start."
        assert shown(app, "#duration") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and app.results == []
        assert shown(app, "#form-message") == "Fix the fields marked in red first: end."

        await pilot.press("shift+tab", "shift+tab", *"2026-13-01", "tab", *"9h30")
        await pilot.pause()
        assert shown(app, "#when-message") == (
            "The date must be a real day written YYYY-MM-DD, e.g. 2026-12-01. "
            "The start must be a time written HH:MM, e.g. 09:30.")
        assert shown(app, "#form-message") == (
            "Fix the fields marked in red first: date, start.")

        await pilot.press("ctrl+u", *"15:00", "shift+tab", "ctrl+u", *"2026-12-02")
        await pilot.pause()
        assert shown(app, "#when-message") == "The end must be after the start."
        form.query_one("#end", Input).focus()
        await pilot.press("ctrl+u", *"16:00", "ctrl+s")  # typed in before: cursor after it
        await pilot.pause()
    [saved] = app.results
    assert (saved.start, saved.end) == (dt.datetime(2026, 12, 2, 15, tzinfo=UTC),
                                        dt.datetime(2026, 12, 2, 16, tzinfo=UTC))


async def test_escape_returns_none(area):
    app = event_form(area, new_event("meeting", WINTER_DAY, "14:00", 60))
    async with app.run_test() as pilot:
        await pilot.pause()
        form = app.screen
        form.query_one(PeoplePicker).focus()
        await pilot.press(*"hel")
        await pilot.pause()
        await pilot.press("escape")  # the first escape only closes the open list
        await pilot.pause()
        assert app.screen is form and not form.query_one(PeoplePicker).is_open
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_editing_shows_the_event_and_saves_it_unchanged(area):
    _, _, events = area
    visit = next(e for e in events if e.title.startswith("Visit: Ashby Brook"))
    app = event_form(area, EventInput.of(visit), heading="Edit event")
    async with app.run_test() as pilot:
        await pilot.pause()
        form = app.screen
        assert form.query_one("#kind", Select).value == "visit"
        assert form.query_one("#status", Select).value == "planned"
        assert value(app, "#title") == visit.title
        assert (value(app, "#date"), value(app, "#start"), value(app, "#end")) == (
            "2026-12-01", "09:00", "12:00")
        assert shown(app, "#setting-picker .picked") == ASHBY
        assert shown(app, "#people-picker .picked") == "Helen Marsden ×   Emma Kowalski ×"
        assert value(app, "#notes") == visit.notes
        assert shown(app, "#form-message") == "" and shown(app, "#when-message") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [EventInput.of(visit)]


async def test_backspace_removes_the_last_person(area):
    _, people, events = area
    visit = next(e for e in events if e.title.startswith("Visit: Ashby Brook"))
    app = event_form(area, EventInput.of(visit), heading="Edit event")
    async with app.run_test() as pilot:
        await pilot.pause()
        app.screen.query_one(PeoplePicker).focus()
        await pilot.press(*"x", "backspace", "backspace")  # the typed x, then Emma
        await pilot.pause()
        assert shown(app, "#people-picker .picked") == "Helen Marsden ×"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].person_ids == (person_id(people, "Helen Marsden"),)


async def test_the_team_is_offered_first(area):
    settings, people, _ = area
    app = FormApp(EventForm(new_event("meeting", WINTER_DAY, "14:00", 60), settings,
                            people[::-1], "Add an event"))  # whatever order they come in
    async with app.run_test() as pilot:
        await pilot.pause()
        app.screen.query_one(PeoplePicker).focus()
        await pilot.press(*"ma")
        await pilot.pause()
        matches = app.screen.query_one(PeoplePicker).matches
        offered = [str(matches.get_option_at_index(i).prompt) for i in range(matches.option_count)]
        team = ["(team)" in o for o in offered]
        assert team == sorted(team, reverse=True) and 0 < sum(team) < len(team)
        assert "Helen Marsden (team) · Lead inspector (HMI)" in offered


async def test_audience_only_for_focus_groups_and_the_length_follows_the_kind(area):
    app = event_form(area, new_event("meeting", WINTER_DAY, "14:00", 60))
    async with app.run_test() as pilot:
        await pilot.pause()
        form = app.screen
        assert not form.query_one("#audience-row").display
        await pilot.press("enter", "up", "up", "enter")  # meeting → focus group
        await pilot.pause()
        assert form.query_one("#kind", Select).value == "focus-group"
        assert form.query_one("#audience-row").display
        assert value(app, "#end") == "15:15"  # a meeting's hour became a focus group's 75 min
        assert form.query_one("#title", Input).placeholder == "Focus group"

        form.query_one("#audience", Select).focus()
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert form.query_one("#audience", Select).value == "children-young-people"

        form.query_one("#end", Input).focus()
        await pilot.press(*"15:30")  # a length of one's own stays when the kind changes
        form.query_one("#kind", Select).focus()
        await pilot.press("enter", "down", "down", "enter")  # → meeting
        await pilot.pause()
        assert form.query_one("#kind", Select).value == "meeting"
        assert not form.query_one("#audience-row").display
        assert value(app, "#end") == "15:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = app.results
    assert saved.kind == "meeting" and saved.audience is None
    assert saved.end == dt.datetime(2026, 12, 1, 15, 30, tzinfo=UTC)


async def test_a_focus_group_keeps_its_audience(area):
    app = event_form(area, EventInput(
        "focus-group", "Focus group: SENCOs", london_to_utc(WINTER_DAY, dt.time(13)),
        london_to_utc(WINTER_DAY, dt.time(14, 30)), audience="sencos"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#audience-row").display
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].audience == "sencos"


# --- the free-slot form ------------------------------------------------------------------------

async def test_free_slot_returns_people_and_minutes(area):
    _, people, _ = area
    app = FormApp(FreeSlotForm(people, (person_id(people, "Helen Marsden"),)))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert shown(app, "#people-picker .picked") == "Helen Marsden ×"
        await pilot.press(*"kwa", "enter", "tab", *"90", "enter")
        await pilot.pause()
    assert app.results == [((person_id(people, "Helen Marsden"),
                             person_id(people, "Kwame Mensah")), 90)]


async def test_free_slot_refuses_no_people_and_odd_minutes(area):
    _, people, _ = area
    app = FormApp(FreeSlotForm(people, (person_id(people, "Helen Marsden"),)))
    async with app.run_test() as pilot:
        await pilot.pause()
        form = app.screen
        await pilot.press("backspace", "tab", *"5", "enter")
        await pilot.pause()
        assert app.screen is form and app.results == []
        assert shown(app, "#people-message") == (
            "Pick at least one person: type part of a name, then enter.")
        assert shown(app, "#minutes-message") == "Minutes must be a whole number from 15 to 600."
        assert shown(app, "#form-message") == (
            "Fix the fields marked in red first: people, minutes.")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


# --- how it looks --------------------------------------------------------------------------

def test_event_form_snapshot(snap_compare, area):
    _, _, events = area
    visit = next(e for e in events if e.title.startswith("Visit: Ashby Brook"))
    app = event_form(area, EventInput.of(visit), heading="Edit event: Tue 1 Dec 09:00")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steady)
