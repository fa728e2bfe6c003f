"""The Settings screen's visited mark follows the week: on Wed 2 Dec the settings visited on
Mon and Tue show ✓; v still marks one by hand, and says why a visited one keeps its mark."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Static

from sendtui.store import inspections, settings
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.settings import SettingsScreen
from tests.ui.test_area_screens import on_screen, selected, shown, typed
from tests.ui.test_week import notices

WEDNESDAY = dt.date(2026, 12, 2)


async def test_a_setting_visited_in_the_week_shows_visited(demo_db, demo_store):
    app = make_app(str(demo_db), today=WEDNESDAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        grid = screen.query_one("#settings", DataTable)
        ended = [s for s in screen.settings if s.visit_ended]
        assert "Ashby Brook Primary School" in {s.name for s in ended}
        summary = shown(screen.query_one("#settings-summary", Static))
        assert f"✓ visited {len(ended)}" in summary

        await typed(pilot, "slash", *"Ashby", "enter", "escape")
        assert selected(grid)["Marks"] == "✓ visited"
        assert "visited in the week" in shown(screen.query_one("#settings-detail"))
        await typed(pilot, "v")  # nothing to take off by hand: the mark follows the visit
        assert selected(grid)["Marks"] == "✓ visited"
        assert "cancel or move the visit" in notices(app)[-1]
    ins = inspections.find(demo_store)
    assert not any(s.visited for s in settings.all(demo_store, ins.id))


async def test_v_marks_a_setting_without_a_visit_by_hand(demo_db, demo_store):
    app = make_app(str(demo_db), today=WEDNESDAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "3", SettingsScreen)
        grid = screen.query_one("#settings", DataTable)
        row = next(i for i, s in enumerate(screen.shown) if not s.is_visited and not s.is_base)
        grid.move_cursor(row=row)
        await typed(pilot, "v")
        assert selected(grid)["Marks"].endswith("✓ visited")
        name = screen.shown[row].name
        assert notices(app)[-1] == f"{name} marked visited."
        await typed(pilot, "v")
        assert notices(app)[-1] == f"{name} no longer marked visited."
        assert "✓" not in selected(grid)["Marks"]
