"""Adding a place GIAS does not list from the Settings screen, by the keys a coordinator
presses: a, the fields, ctrl+s; the new place is in the list with the cursor on it."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static

from sendtui.store import inspections, settings
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.place_form import PlaceForm
from sendtui.ui.screens.area.settings import SettingsScreen
from tests.conftest import DEMO_TODAY
from tests.ui.test_area_screens import on_screen, rows, selected, shown, typed


async def test_a_adds_a_health_site_by_postcode_and_it_is_listed(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        await typed(pilot, "a")
        assert isinstance(app.screen, PlaceForm)
        # an empty form is not shouted at: its problems show once something is typed
        assert not app.screen.query_one("#form-message", Static).display
        await typed(pilot, "x", "backspace")
        assert shown(app.screen.query_one("#form-message", Static)) == "A place needs a name."
        await typed(pilot, *"Oak Lodge child development centre", "tab", "tab",
                    *"wd2 3zz", "ctrl+s")
        assert app.screen is screen
        grid = screen.query_one("#settings", DataTable)
        added = selected(grid)  # the cursor is on the new place
        assert (added["URN"], added["Kind"], added["Postcode"]) == ("—", "Other", "WD2 3ZZ")
        assert "Oak Lodge child development centre" in added["Name"]
        assert grid.row_count == 20
        detail = shown(screen.query_one("#settings-detail", Static))
        assert "no URN" in detail
        assert "estimated from the postcode sector centroid of WD2 3" in detail
    cdc = next(s for s in settings.all(demo_store, ins.id) if s.urn is None)
    assert (cdc.kind, cdc.located_by, cdc.easting, cdc.northing) == (
        "other", "sector", 452310, 305880)


async def test_the_base_room_with_a_grid_reference_and_a_kind_chosen(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        await typed(pilot, "a", *"Base room, County Hall", "tab")
        form = app.screen
        assert form.query_one("#kind", Select).value == "other"
        await typed(pilot, "tab", "tab", *"452000", "tab", *"305000", "tab",
                    "backspace", "backspace", *"yes", "ctrl+s")
        assert app.screen is screen
        added = selected(screen.query_one("#settings", DataTable))
        assert added["Marks"] == "⌂ base room"
        assert "the inspection's base room" in shown(screen.query_one("#settings-detail",
                                                                      Static))
    [base] = [s for s in settings.all(demo_store, ins.id) if s.is_base]
    assert (base.name, base.easting, base.northing, base.located_by) == (
        "Base room, County Hall", 452000, 305000, "typed")


async def test_bad_input_is_marked_and_nothing_is_saved(demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        await typed(pilot, "a", *"Little Acorns", "tab", "tab", *"12345", "tab",
                    *"452000", "ctrl+s")
        form = app.screen
        assert isinstance(form, PlaceForm)
        message = shown(form.query_one("#form-message", Static))
        assert "'12345' is not a UK postcode" in message
        assert "give both or neither" in message
        assert form.query_one("#postcode", Input).has_class("-invalid")
        await typed(pilot, "escape", "d")  # asked first, then discarded
        assert app.screen is screen
        assert len(rows(screen.query_one("#settings", DataTable))) == 19
    assert all(s.urn for s in settings.all(demo_store, ins.id))


async def test_b_makes_the_highlighted_school_the_base_room_and_again_unmakes_it(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        grid = screen.query_one("#settings", DataTable)
        await typed(pilot, "slash", *"190012", "enter", "b")
        assert selected(grid)["Marks"] == "⌂ base room"
        assert "Harrowden House School is the base room (u undoes)." in [
            n.message for n in app._notifications]
        assert "the inspection's base room" in shown(screen.query_one("#settings-detail", Static))
        await typed(pilot, "b")
        assert selected(grid)["Marks"] == ""
