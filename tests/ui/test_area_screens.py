"""The settings and people screens, driven by the keys a coordinator presses.

What each test asserts is what the screen shows and what the store holds afterwards.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select
from textual.widgets import DataTable, Input, Static

from sendtui.store import events, inspections, people, settings
from sendtui.store import models as m
from sendtui.store.availability import all as unavailability
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.people import PeopleScreen
from sendtui.ui.screens.area.people_forms import PersonForm, UnavailableForm
from sendtui.ui.screens.area.settings import SettingsScreen
from sendtui.ui.screens.common.columns import fit
from sendtui.ui.screens.common.confirm import ConfirmScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled
from tests.ui.test_snapshots import SIZE, store_open

UTC = dt.timezone.utc


def shown(widget: Static) -> str:
    return str(widget.render())


def rows(table: DataTable) -> list[dict[str, str]]:
    labels = [str(c.label) for c in table.ordered_columns]
    return [dict(zip(labels, map(str, table.get_row_at(i)))) for i in range(table.row_count)]


def selected(table: DataTable) -> dict[str, str]:
    return rows(table)[table.cursor_row]


async def on_screen(pilot, key: str, kind):
    await store_open(pilot)
    await pilot.press(key)
    await settled(pilot)
    assert isinstance(pilot.app.screen, kind)
    return pilot.app.screen


async def typed(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settled(pilot)


# --- settings ----------------------------------------------------------------------------

async def test_k_cycles_through_the_kinds_and_back_to_all(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        grid = screen.query_one("#settings", DataTable)
        summary = screen.query_one("#settings-summary", Static)
        assert "Showing all kinds: 19 of 19" in shown(summary)

        await typed(pilot, "k")
        assert [r["Kind"] for r in rows(grid)] == ["Early years"]
        assert "Showing Early years: 1 of 19" in shown(summary)
        await typed(pilot, "k")
        assert {r["Kind"] for r in rows(grid)} == {"Primary"} and grid.row_count == 6
        assert "Showing Primary: 6 of 19" in shown(summary)
        await typed(pilot, *"kkkkk")
        assert {r["Kind"] for r in rows(grid)} == {"Alt. provision"}
        await typed(pilot, "k")
        assert grid.row_count == 19 and "Showing all kinds" in shown(summary)


async def test_search_by_postcode_as_you_type_then_escape(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        grid = screen.query_one("#settings", DataTable)
        search = screen.query_one("#settings-search", Input)

        await typed(pilot, "slash")
        assert app.focused is search
        await typed(pilot, "w")
        assert grid.row_count == 19  # every postcode has a W
        await typed(pilot, "d", "2")
        postcodes = [r["Postcode"] for r in rows(grid)]
        assert len(postcodes) == 6 and all(p.startswith("WD2 ") for p in postcodes)
        summary = shown(screen.query_one("#settings-summary", Static))
        assert "Showing all kinds matching “wd2”: 6 of 19" in summary

        await typed(pilot, "escape")
        assert search.value == "" and app.focused is grid and grid.row_count == 19


async def test_search_by_urn_and_name_any_case_within_a_kind(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        grid = screen.query_one("#settings", DataTable)
        await typed(pilot, "slash", *"190014")
        assert [r["Name"] for r in rows(grid)] == ["Meadowbank Independent Specialist School"]
        detail = shown(screen.query_one("#settings-detail", Static))
        assert detail.startswith("190014 Meadowbank Independent Specialist School · "
                                 "Independent special school · WD6 4PP")
        await typed(pilot, "ctrl+u", *"190012")
        assert [r["Kind"] for r in rows(grid)] == ["Non-maint. special"]
        assert "Harrowden House School · Non-maintained special school · " in shown(
            screen.query_one("#settings-detail", Static))

        await typed(pilot, "enter")  # enter keeps the search and goes back to the table
        assert app.focused is grid and grid.row_count == 1
        await typed(pilot, "slash", "ctrl+u", *"ACADEMY", "enter", "k", "k")
        assert [r["Name"] for r in rows(grid)] == ["Hollins Park Academy"]
        assert "Showing Primary matching “ACADEMY”: 1 of 19" in shown(
            screen.query_one("#settings-summary", Static))


async def test_shortlist_and_visited_marks_are_stored_shown_and_undone(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        grid = screen.query_one("#settings", DataTable)
        await typed(pilot, "slash", *"Ashby", "enter", "escape")
        assert grid.row_count == 19
        assert selected(grid)["Name"] == "Ashby Brook Primary School"  # found, then kept

        await typed(pilot, "s")
        assert selected(grid)["Marks"] == "★ shortlist"
        await typed(pilot, "v")
        assert selected(grid)["Marks"] == "★ ✓ visited"
        assert "★ shortlisted 1 · ✓ visited 1" in shown(
            screen.query_one("#settings-summary", Static))
        ashby = next(s for s in settings.all(demo_store, ins.id) if s.urn == "190001")
        assert ashby.shortlisted and ashby.visited

        await typed(pilot, "v")
        assert selected(grid)["Marks"] == "★ shortlist"
        await typed(pilot, "u")
        assert selected(grid)["Marks"] == "★ ✓ visited"
        await typed(pilot, "u", "u")
        assert selected(grid)["Marks"] == ""
    assert not any(s.shortlisted or s.visited for s in settings.all(demo_store, ins.id))


async def test_out_of_area_and_closing_settings_say_so(demo_db, demo_store):
    ins = inspections.find(demo_store)
    with demo_store.session() as s:
        found = {r.urn: r for r in s.exec(select(m.Setting).where(
            m.Setting.inspection_id == ins.id))}
        found["190001"].status = "Open, but proposed to close"
        found["190002"].la_name = "Fenmarch"
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        status = {r["URN"]: r["Status"] for r in rows(screen.query_one("#settings", DataTable))}
        assert status["190001"] == "⚠ closing"
        assert status["190002"] == "⚠ out of area"
        assert status["190003"] == "Open"
        await typed(pilot, "slash", *"190001")
        assert "proposed to close: visit only with good reason" in shown(
            screen.query_one("#settings-detail", Static))


# --- people ------------------------------------------------------------------------------

async def test_add_a_person_through_the_form(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a")
        assert isinstance(app.screen, PersonForm)
        await typed(pilot, *"Priya Shah", "tab", *"Head of inclusion", "tab",
                    *"Wealdshire County Council", "tab", *"priya.shah@example.org", "tab",
                    *"01632 960999", "ctrl+s")
        assert app.screen is screen
        grid = screen.query_one("#people", DataTable)
        added = selected(grid)  # the cursor is on the new person
        assert (added["Name"], added["Side"], added["Role"]) == (
            "Priya Shah", "Local", "Head of inclusion")
        assert shown(screen.query_one("#people-summary", Static)) == (
            "Inspection team 3 · local contacts 12")
        assert "priya.shah@example.org · 01632 960999" in shown(
            screen.query_one("#people-detail", Static))
    priya = next(p for p in people.all(demo_store, ins.id) if p.name == "Priya Shah")
    assert (priya.organisation, priya.email, priya.phone, priya.is_team) == (
        "Wealdshire County Council", "priya.shah@example.org", "01632 960999", False)


@pytest.mark.parametrize("email", ["priya.example.org", "priya@"])
async def test_a_bad_email_is_refused_in_words(demo_db, demo_store, email):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"Priya Shah", "tab", "tab", "tab", *email)
        form = app.screen
        message = form.query_one("#form-message", Static)
        assert shown(message) == ("An email needs a name, an @ and a domain, "
                                  "e.g. jo.bloggs@example.org.")
        assert message.has_class("error")
        await typed(pilot, "ctrl+s")
        assert app.screen is form  # not saved
        await typed(pilot, "escape", "d")  # asked first (issue 16), then discarded
        assert isinstance(app.screen, PeopleScreen)
    assert len(people.all(demo_store, ins.id)) == 14


@pytest.mark.parametrize("email, phone, says", [
    ("priya@example", "", ("An email needs a name, an @ and a domain, "
                           "e.g. jo.bloggs@example.org.")),
    ("", "01632 9609", ("A UK phone number has 10 or 11 digits starting 0 or +44, "
                        "e.g. 01632 960001.")),
])
async def test_an_email_or_phone_an_invitation_cannot_use_is_refused(demo_db, demo_store,
                                                                     email, phone, says):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"Priya Shah", "tab", "tab", "tab", *email, "tab", *phone)
        form = app.screen
        message = form.query_one("#form-message", Static)
        assert shown(message) == says
        assert message.has_class("error")
        await typed(pilot, "ctrl+s")
        assert app.screen is form  # not saved
    assert len(people.all(demo_store, ins.id)) == 14


async def test_a_name_already_listed_is_refused_as_you_type(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"helen marsden")
        assert shown(app.screen.query_one("#form-message", Static)) == (
            "There is already a person called helen marsden.")
        await typed(pilot, "tab", "tab", "tab", "tab", "tab", "ctrl+u", *"maybe")
        assert shown(app.screen.query_one("#form-message", Static)) == (
            "There is already a person called helen marsden.")
        await typed(pilot, "shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab",
                    *"x")
        assert shown(app.screen.query_one("#form-message", Static)) == (
            "Say yes or no: is this person on the inspection team?")


async def test_edit_a_person_with_e_and_enter(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "4", PeopleScreen)
        grid = screen.query_one("#people", DataTable)
        await typed(pilot, "down", "enter")
        form = app.screen
        assert isinstance(form, PersonForm)
        assert shown(form.query_one(".heading", Static)) == "Edit Helen Marsden"
        assert form.query_one("#team", Input).value == "yes"
        await typed(pilot, "escape")
        assert app.screen is screen

        await typed(pilot, "e", "tab", *"Lead HMI", "ctrl+s")  # tab selects the role
        assert selected(grid)["Role"] == "Lead HMI"
    helen = next(p for p in people.all(demo_store, ins.id) if p.name == "Helen Marsden")
    assert helen.role == "Lead HMI" and helen.is_team


async def test_remove_a_person_after_yes_and_undo_brings_them_back(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "4", PeopleScreen)
        grid = screen.query_one("#people", DataTable)
        await typed(pilot, "down", "d")
        assert isinstance(app.screen, ConfirmScreen)
        question = shown(app.screen.query_one("#question", Static))
        assert question.startswith("Remove Helen Marsden? The ")
        assert question.endswith(" events they are booked on keep them.")
        await typed(pilot, "n")
        assert grid.row_count == 14

        await typed(pilot, "d", "y")
        assert app.screen is screen
        assert "Helen Marsden" not in {r["Name"] for r in rows(grid)}
        assert "Helen Marsden" not in {p.name for p in people.all(demo_store, ins.id)}
        assert any("Helen Marsden" in e.people for e in events.all(demo_store, ins.id))

        await typed(pilot, "u")
        assert "Helen Marsden" in {r["Name"] for r in rows(grid)}
    assert len(people.all(demo_store, ins.id)) == 14


async def test_add_and_remove_an_unavailable_period(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "4", PeopleScreen)
        grid = screen.query_one("#people", DataTable)
        await typed(pilot, "b")  # Fiona Gallagher, the first row
        form = app.screen
        assert isinstance(form, UnavailableForm)
        assert form.query_one("#day", Input).value == "2026-11-30"  # the first on-site day
        await typed(pilot, *"2026-12-01", "tab", *"13:30", "tab")
        assert form.query_one("#end_day", Input).value == "2026-12-01"  # follows the day
        await typed(pilot, "tab", *"12:00")
        assert shown(form.query_one("#form-message", Static)) == (
            "The end must be after the start.")
        await typed(pilot, "ctrl+u", *"16:00", "tab", *"Training")
        reason = form.query_one("#reason", Input)  # what is typed shows (issue 16)
        assert reason.content_region.height == 1 and "Training" in reason.render_line(0).text
        await typed(pilot, "enter")
        assert app.screen is screen

        assert selected(grid)["Unavailable"] == "Tue 1 Dec 13:30–16:00"
        assert "Unavailable: Tue 1 Dec 13:30–16:00 (Training)" in shown(
            screen.query_one("#people-detail", Static))
        fiona = next(p for p in people.all(demo_store, ins.id) if p.name == "Fiona Gallagher")
        (period,) = unavailability(demo_store, ins.id)[fiona.id]
        assert (period.start, period.end, period.reason) == (
            dt.datetime(2026, 12, 1, 13, 30, tzinfo=UTC),
            dt.datetime(2026, 12, 1, 16, 0, tzinfo=UTC), "Training")

        await typed(pilot, "b", *"2026-12-02", "ctrl+s")
        assert selected(grid)["Unavailable"] == "2 periods from Tue 1 Dec"

        await typed(pilot, "B")
        assert shown(app.screen.query_one("#question", Static)) == (
            "Remove Fiona Gallagher's unavailable period Wed 2 Dec 09:00–17:00?")
        await typed(pilot, "y")
        assert selected(grid)["Unavailable"] == "Tue 1 Dec 13:30–16:00"
        assert len(unavailability(demo_store, ins.id)[fiona.id]) == 1


async def test_london_summer_time_is_taken_into_account(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "b", *"2027-06-01", "ctrl+s")
    (period,) = next(iter(unavailability(demo_store, ins.id).values()))
    assert period.start == dt.datetime(2027, 6, 1, 8, 0, tzinfo=UTC)  # 09:00 BST


async def test_every_key_is_a_binding_with_an_id_and_words():
    for screen in (SettingsScreen, PeopleScreen):
        for binding in screen.BINDINGS:
            assert binding.id and binding.description, binding


# --- how they look at 80×24 --------------------------------------------------------------

async def settings_marked_primary(pilot) -> None:
    await store_open(pilot)
    await pilot.press("3")
    await settled(pilot)
    await pilot.press("k", "k", "s", "down", "down", "s", "v")
    await settled(pilot)
    pilot.app.clear_notifications()
    await settled(pilot)


async def people_with_a_period(pilot) -> None:
    await store_open(pilot)
    await pilot.press("4")
    await settled(pilot)
    await pilot.press("down", "b", "tab", "tab", "tab", *"12:30", "tab", *"training", "enter")
    await settled(pilot)
    pilot.app.clear_notifications()
    await settled(pilot)


def test_settings_primary_with_marks_snapshot(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=settings_marked_primary)


def test_people_with_a_period_snapshot(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=people_with_a_period)


# --- columns that fit the terminal -------------------------------------------------------

def test_the_widest_column_gives_way_first_but_not_below_its_least():
    assert fit([6, 40, 14], [6, 16, 10], 60) == [6, 40, 14]
    assert fit([6, 40, 14], [6, 16, 10], 40) == [6, 20, 14]
    assert fit([6, 40, 14], [6, 16, 10], 20) == [6, 16, 10]  # too narrow: a scrollbar


async def test_email_and_phone_columns_come_when_there_is_room(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await on_screen(pilot, "4", PeopleScreen)
        grid = screen.query_one("#people", DataTable)
        labels = [str(c.label) for c in grid.ordered_columns]
        assert labels == ["Name", "Side", "Role", "Organisation", "Unavailable"]
        assert sum(c.get_render_width(grid) for c in grid.ordered_columns) <= 78
        await pilot.resize_terminal(160, 30)
        await settled(pilot)
        labels = [str(c.label) for c in grid.ordered_columns]
        assert labels == ["Name", "Side", "Role", "Organisation", "Email", "Phone",
                          "Unavailable"]
        assert selected(grid)["Email"] == "fiona.gallagher@ofsted.example.gov.uk"
