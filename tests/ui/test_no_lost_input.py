"""Issue 16's traps, each pressed as a tired coordinator would: quitting with a form half
typed, Enter in a form's first field, Tab in the Export dialog."""

from __future__ import annotations

from textual.widgets import Input, Static

from sendtui.ui.app import make_app
from sendtui.ui.screens.area.people import PeopleScreen
from sendtui.ui.screens.area.people_forms import PersonForm
from sendtui.ui.screens.common.confirm import UnsavedScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import store_open
from tests.ui.test_area_screens import on_screen, typed


async def test_quitting_with_a_form_half_typed_asks_and_keep_goes_back_to_it(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"Priya Shah", "ctrl+q")
        assert isinstance(app.screen, UnsavedScreen)
        assert "before you quit?" in str(app.screen.query_one("#question", Static).render())
        await typed(pilot, "k")
        assert isinstance(app.screen, PersonForm)
        assert app.screen.query_one("#name", Input).value == "Priya Shah"
        await typed(pilot, "ctrl+q", "d")  # discard: the app closes
        assert app.return_code is not None or not app.is_running


async def test_enter_in_the_first_field_of_add_person_goes_to_the_next(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"Priya Shah", "enter")
        assert isinstance(app.screen, PersonForm)  # not saved
        assert app.focused is app.screen.query_one("#role", Input)


async def test_tab_in_the_export_dialog_stops_only_on_fields_one_can_see(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("x")
        await pilot.pause()
        seen = []
        for _ in range(7):
            field = app.focused
            assert field.display and field.visible and field.region.height >= 1
            seen.append(field.id)
            await pilot.press("tab")
            await pilot.pause()
        assert seen[:6] == ["what", "format", "who", "days", "sensitive", "path"]
        assert seen[6] == "what"  # round again, nothing invisible on the way


async def test_escape_on_a_form_with_changes_asks_and_s_saves_what_was_typed(demo_db):
    from sendtui.store import inspections, people
    from sendtui.store.repo import Store

    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"Siân Jones", "escape")
        assert isinstance(app.screen, UnsavedScreen)
        assert "before you close the form?" in str(app.screen.query_one("#question",
                                                                          Static).render())
        await typed(pilot, "escape")  # a second escape keeps editing: nothing lost
        assert app.screen.query_one("#name", Input).value == "Siân Jones"
        await typed(pilot, "escape", "s")
        assert isinstance(app.screen, PeopleScreen)
    store = Store.open(str(demo_db))
    try:
        ins = inspections.find(store)
        assert "Siân Jones" in {p.name for p in people.all(store, ins.id)}
    finally:
        store.close()
