"""Marking and unmarking a sensitive name from the app (Marked names box, M)."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from sendtui.store import inspections, names
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.evidence.name_form import MarkNameForm
from sendtui.ui.screens.evidence.names import MarkedNamesScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open


def marked(path) -> dict[str, str]:
    store = Store.open(str(path))
    try:
        return {p.pseudonym: p.name for p in names.all(store, inspections.find(store).id)}
    finally:
        store.close()


def listed(app) -> list[str]:
    grid = app.screen.query_one("#marked-names", DataTable)
    return [str(grid.get_row_at(i)[0]) for i in range(grid.row_count)]


async def open_marked_names(pilot) -> None:
    await store_open(pilot)
    await pilot.press("M")  # from the dashboard: the palette's "Marked names" too
    await settled(pilot)
    assert isinstance(pilot.app.screen, MarkedNamesScreen)


async def test_a_name_is_marked_then_unmarked_after_a_plain_question(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_marked_names(pilot)
        assert marked(demo_db) == {"CYP-03": "Jamie Holt", "CYP-07": "Priya Sandhu"}
        await pilot.press("a")
        await settled(pilot)
        assert isinstance(app.screen, MarkNameForm)
        await pilot.press(*"Alex Moss", "enter")  # enter moves on to the pseudonym
        assert isinstance(app.screen, MarkNameForm)
        await pilot.press("enter")  # blank pseudonym: the next CYP number
        await settled(pilot)
        assert isinstance(app.screen, MarkedNamesScreen)
        assert marked(demo_db)["CYP-08"] == "Alex Moss"
        assert listed(app) == ["CYP-03", "CYP-07", "CYP-08"]
        assert app.screen.query_one("#marked-names", DataTable).cursor_row == 2

        await pilot.press("d")
        await settled(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question", Static).render())
        assert "Unmark CYP-08?" in question and "show it as written" in question
        await pilot.press("y")
        await settled(pilot)
        assert listed(app) == ["CYP-03", "CYP-07"]
        assert "CYP-08" not in marked(demo_db)

        await pilot.press("u")  # undo marks it again
        await settled(pilot)
        assert listed(app) == ["CYP-03", "CYP-07", "CYP-08"]


async def test_a_name_already_marked_is_refused_in_the_form(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_marked_names(pilot)
        await pilot.press("a")
        await settled(pilot)
        await pilot.press(*"jamie holt", "ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, MarkNameForm)
        message = str(app.screen.query_one("#form-message", Static).render())
        assert message == "That name is already marked sensitive."
        await pilot.press("n")  # "no" to unmarking: escape and n change nothing
        assert len(marked(demo_db)) == 2
