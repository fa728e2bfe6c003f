"""Issue 16's "done when": a new user sets up a whole inspection without leaving the app —
creates it, imports the area's settings and people, marks a child's name, starts a second
inspection and switches back — pressing only the keys the screens and help offer."""

from __future__ import annotations

import shutil

from textual.widgets import DataTable

from sendtui.config import shipped_data
from sendtui.store import inspections, names, people, settings
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from tests.conftest import DEMO_TODAY, FIXTURES
from tests.ui.conftest import settled, until
from tests.ui.test_import_screen import paste


async def _keys(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settled(pilot)


async def test_a_new_user_sets_up_an_inspection_without_leaving_the_app(tmp_path):
    gias = shutil.copy(FIXTURES / "gias_wealdshire.csv", tmp_path / "gias.csv")
    team = shutil.copy(shipped_data() / "demo" / "people.csv", tmp_path / "people.csv")
    db = tmp_path / "new.db"
    app = make_app(str(db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: type(app.screen).__name__ == "WelcomeScreen")
        await _keys(pilot, "n", *"Wealdshire", "tab", "tab", *"2026-11-23", "ctrl+s")
        await until(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")

        await _keys(pilot, "I", "s")  # settings: the file's path pasted, a preview, then import
        await paste(pilot, str(gias))
        await _keys(pilot, "enter")
        await until(pilot, lambda: app.screen.query("#import-counts"))
        await _keys(pilot, "ctrl+s")
        await until(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
        await _keys(pilot, "4", "i")  # people, from the People screen
        await paste(pilot, str(team))
        await _keys(pilot, "enter")
        await until(pilot, lambda: app.screen.query("#import-counts"))
        await _keys(pilot, "ctrl+s")
        await until(pilot, lambda: app.screen.query_one("#people", DataTable).row_count > 0)

        await _keys(pilot, "M", "a", *"Jamie Holt", "ctrl+s")  # a child's name, marked
        await _keys(pilot, "escape")

        await _keys(pilot, "ctrl+o", "n", *"Fenmarch", "tab", "tab", *"2026-11-16", "ctrl+s")
        await until(pilot, lambda: app.inspection and app.inspection.local_area == "Fenmarch")
        assert app.title == "Fenmarch (2023) · 2 inspections"  # the header says which
        await _keys(pilot, "ctrl+o")
        switcher = app.screen.query_one(DataTable)
        row = next(i for i in range(switcher.row_count)
                   if "Wealdshire" in map(str, switcher.get_row_at(i)))
        switcher.move_cursor(row=row)
        await _keys(pilot, "enter")
        await until(pilot, lambda: app.inspection.local_area == "Wealdshire")

    store = Store.open(str(db))
    try:
        found = {i.local_area: i for i in inspections.all(store)}
        area = found["Wealdshire"].id
        assert set(found) == {"Wealdshire", "Fenmarch"}
        assert len(settings.all(store, area)) == 19
        assert len(people.all(store, area)) == 14
        assert [p.name for p in names.all(store, area)] == ["Jamie Holt"]
        assert inspections.find(store).local_area == "Wealdshire"  # the one opened last
    finally:
        store.close()
