"""The inspection switcher: `s` on the dashboard, ctrl+o or the palette anywhere; enter opens
the highlighted inspection on every screen, `n` starts a new one, escape closes."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, Static

from sendtui.store import inspections
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.start.dashboard import DashboardScreen
from sendtui.ui.screens.start.new_inspection import NewInspectionScreen
from sendtui.ui.screens.start.switcher import InspectionSwitcher
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import after, settled, store_open, until


@pytest.fixture
def two_db(demo_db):
    """The 2016 demo (Wealdshire, opened last) and Fenmarch (2023), never opened."""
    store = Store.open(str(demo_db))
    inspections.create(store, "Fenmarch", "2023", dt.date(2026, 11, 16), opened=False)
    store.close()
    return demo_db


def listed(grid: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in grid.get_row_at(i)] for i in range(grid.row_count)]


def lines_shown(app) -> list[str]:
    grid = app.screen.query_one("#lines", DataTable)
    return [str(grid.get_row_at(i)[0]) for i in range(grid.row_count)]


async def test_s_on_the_dashboard_lists_them_and_enter_opens_the_other(two_db):
    app = make_app(str(two_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        assert "Wealdshire (2016) · 2 inspections" in app.title
        await pilot.press("5")  # a screen made for Wealdshire: its 2016 lines
        await settled(pilot)
        assert "A1" in " ".join(lines_shown(app))
        await pilot.press("1", "s")
        await settled(pilot)
        assert isinstance(app.screen, InspectionSwitcher)
        grid = app.screen.query_one("#switcher", DataTable)
        rows = listed(grid)
        assert [r[1] for r in rows] == ["Fenmarch", "Wealdshire"]
        assert rows[1][0] == "▶ open" and rows[0][0] == ""
        assert rows == [["", "Fenmarch", "2023", "30 Nov – 4 Dec 2026", "0", "0"],
                        ["▶ open", "Wealdshire", "2016", "30 Nov – 4 Dec 2026", "41", "60"]]
        assert grid.cursor_row == 1  # on the one open now

        await pilot.press("up", "enter")
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.inspection.local_area == "Fenmarch"
        assert "Fenmarch (2023) · 2 inspections" in app.title
        assert str(app.screen.query_one("#today", Static).render()).startswith("Fenmarch")
        assert inspections.find(app.store).local_area == "Fenmarch"  # the commands' too
        await pilot.press("5")  # made again for Fenmarch: the 2023 lines, not the old ones
        await settled(pilot)
        assert lines_shown(app)[0].startswith("E1")
        assert not any(code.startswith("A1") for code in lines_shown(app))


async def test_escape_closes_and_enter_on_the_open_one_changes_nothing(two_db):
    app = make_app(str(two_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        dashboard = app.screen
        await pilot.press("s")
        await settled(pilot)
        await pilot.press("escape")
        await settled(pilot)
        assert app.screen is dashboard
        await pilot.press("s")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is dashboard and app.inspection.local_area == "Wealdshire"


async def test_n_in_the_switcher_creates_one_and_it_opens(two_db):
    app = make_app(str(two_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("s")
        await settled(pilot)
        await pilot.press("n")
        await settled(pilot)
        assert isinstance(app.screen, NewInspectionScreen)
        await pilot.press("escape")  # nothing typed: back to the list
        await settled(pilot)
        assert isinstance(app.screen, InspectionSwitcher)
        await pilot.press("n")
        await settled(pilot)
        await pilot.press(*"Marshfield", "tab", "tab")
        app.screen.query_one("#notified", Input).value = "2026-11-23"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen_stack == [app.screen]
        assert app.inspection.local_area == "Marshfield"
        assert "Marshfield (2023) · 3 inspections" in app.title
        assert str(app.screen.query_one("#today", Static).render()).startswith("Marshfield")
        await pilot.press("s")
        await settled(pilot)
        rows = listed(app.screen.query_one("#switcher", DataTable))
        assert [(r[0], r[1]) for r in rows] == [
            ("", "Fenmarch"), ("▶ open", "Marshfield"), ("", "Wealdshire")]


async def test_the_palette_offers_it_from_any_screen(two_db):
    app = make_app(str(two_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("2")
        await settled(pilot)
        await pilot.press("ctrl+p")
        await settled(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Switch insp")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 0)
        offered = [str(commands.get_option_at_index(i).prompt)
                   for i in range(commands.option_count)]
        assert any(o.startswith("Switch inspection") and "key ^o" in o for o in offered), \
            offered
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, InspectionSwitcher))
        await settled(pilot)
        await pilot.press("up", "enter")  # Fenmarch, from the Week
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.inspection.local_area == "Fenmarch"


async def test_the_app_opened_without_remembering_leaves_the_last_opened(two_db):
    """`sendtui demo` beside another inspection opens the app this way."""
    store = Store.open(str(two_db))
    fen = next(i for i in inspections.all(store) if i.local_area == "Fenmarch")
    store.close()
    app = make_app(str(two_db), fen.id, today=DEMO_TODAY, remember=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        assert app.inspection.id == fen.id
        assert inspections.find(app.store).local_area == "Wealdshire"


def test_switcher_snapshot(snap_compare, two_db):
    assert snap_compare(make_app(str(two_db), today=DEMO_TODAY), terminal_size=(80, 24),
                        run_before=after("s"))


def test_the_header_says_which_when_several_are_in_the_store():
    from sendtui.records import InspectionRecord
    from sendtui.ui.app import inspection_title

    weald = InspectionRecord("a", "Wealdshire", "2023", dt.date(2026, 11, 16), None)
    assert inspection_title(weald, [weald]) == "sendtui — Wealdshire (2023)"
    fen = InspectionRecord("b", "Fenmarch", "2016", dt.date(2026, 11, 23), None)
    assert inspection_title(weald, [fen, weald]) == "Wealdshire (2023) · 2 inspections"
    again = InspectionRecord("c", "Wealdshire", "2023", dt.date(2027, 3, 1), None)
    assert inspection_title(weald, [fen, weald, again]) == (
        "Wealdshire (2023, 16 Nov 2026) · 3 inspections")


async def test_a_form_is_never_closed_by_the_switcher_key(two_db):
    from sendtui.ui.screens.lines.form import LineForm

    app = make_app(str(two_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("5")
        await settled(pilot)
        await pilot.press("a")
        await settled(pilot)
        assert isinstance(app.screen, LineForm)
        await pilot.press("tab", *"Joined-up plans", "ctrl+o")
        await settled(pilot)
        assert isinstance(app.screen, LineForm) and app.inspection.local_area == "Wealdshire"
        assert any("Joined-up plans" in field.value for field in app.screen.query(Input))
