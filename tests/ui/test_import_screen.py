"""Importing from the app: what a coordinator presses to bring in the GIAS extract, people
and a schedule, what the preview says, and what the store holds before and after."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from textual.widgets import DataTable, Input, Select, Static

from sendtui.store import inspections, people, settings
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.settings import SettingsScreen
from sendtui.ui.screens.setup.imports import ImportScreen
from tests.conftest import DEMO_TODAY, FIXTURES
from tests.ui.conftest import settled, store_open

GIAS = FIXTURES / "gias_wealdshire.csv"
AREA_SETTINGS = 19  # Wealdshire's open establishments in the fixture that a visit can go to


@pytest.fixture
def new_store(tmp_path):
    """A store holding a new Wealdshire inspection: no settings, no people yet."""
    path = tmp_path / "new.db"
    store = Store.open(str(path))
    inspections.create(store, "Wealdshire", "2016", dt.date(2026, 11, 23))
    store.close()
    return path


@pytest.fixture
def gias(tmp_path):
    return shutil.copy(GIAS, tmp_path / "gias.csv")


def held(path) -> tuple[list, list]:
    store = Store.open(str(path))
    try:
        ins = inspections.find(store)
        return settings.all(store, ins.id), people.all(store, ins.id)
    finally:
        store.close()


def text(pilot, selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


def table_rows(pilot) -> list[tuple[str, ...]]:
    grid = pilot.app.screen.query_one("#import-rows", DataTable)
    return [tuple(map(str, grid.get_row_at(i))) for i in range(grid.row_count)]


async def type_path(pilot, path) -> None:
    """The path pasted, as a path mostly is (key by key, each key asks for a completion)."""
    await paste(pilot, str(path))
    await pilot.press("enter")
    await settled(pilot)


async def paste(pilot, text: str) -> None:
    from textual import events

    pilot.app.focused.post_message(events.Paste(text))
    await settled(pilot)


async def test_settings_preview_changes_nothing_and_ctrl_s_imports(new_store, gias):
    app = make_app(str(new_store), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("3", "i")
        await settled(pilot)
        assert isinstance(app.screen, ImportScreen)
        await type_path(pilot, gias)
        counts = text(pilot, "#import-counts")
        assert f"{AREA_SETTINGS} new, 0 updated, 0 unchanged" in counts
        assert app.screen.query_one("#import-la", Select).value == "Wealdshire"
        rows = table_rows(pilot)
        assert ("URN 190001 Ashby Brook Primary School", "new", "") in rows
        assert ("1 establishment elsewhere", "skipped", "other local authority") in rows
        assert held(new_store) == ([], [])  # the preview wrote nothing

        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert len(held(new_store)[0]) == AREA_SETTINGS
        assert any(f"{AREA_SETTINGS} new, 0 updated, 0 unchanged" in str(n.message)
                   for n in app._notifications)
        assert app.screen.query_one("#settings", DataTable).row_count == AREA_SETTINGS

        await pilot.press("i")  # the same file again: nothing to change
        await settled(pilot)
        await type_path(pilot, gias)
        assert f"0 new, 0 updated, {AREA_SETTINGS} unchanged" in text(pilot, "#import-counts")


async def test_escape_backs_out_with_nothing_changed(new_store, gias):
    app = make_app(str(new_store), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await store_open(pilot)
        assert "I imports the settings (GIAS)" in text(pilot, "#counts")  # where to start
        await pilot.press("I")  # from the dashboard: choose what first
        await settled(pilot)
        await pilot.press("s")
        await type_path(pilot, gias)
        assert "new" in text(pilot, "#import-counts")
        await pilot.press("escape")
        await settled(pilot)
        assert not isinstance(app.screen, ImportScreen)
        assert held(new_store) == ([], [])


@pytest.mark.parametrize("where, words", [
    ("missing.csv", "cannot read"), ("", "is a folder, not a file to read")])
async def test_a_missing_path_or_a_folder_is_said_in_one_line(new_store, tmp_path, where, words):
    app = make_app(str(new_store), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("3", "i")
        await settled(pilot)
        await type_path(pilot, tmp_path / where if where else tmp_path)
        assert words in text(pilot, "#import-message")
        await pilot.press("ctrl+s")  # no preview: ctrl+s reads again, imports nothing
        await settled(pilot)
        assert isinstance(app.screen, ImportScreen)
        assert words in text(pilot, "#import-message")
        assert held(new_store) == ([], [])


async def test_people_preview_shows_the_warnings_then_imports(new_store, tmp_path):
    listed = tmp_path / "people.csv"
    listed.write_text("name,role,organisation,email,phone\n"
                      "Priya Shah,SENCO,Wealdshire Council,priya@example,01632 960001\n"
                      "Sam Okafor,Lead inspector,Ofsted,sam@example.org,\n")
    app = make_app(str(new_store), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("4", "i")
        await settled(pilot)
        await type_path(pilot, listed)
        assert "2 new, 0 updated, 0 unchanged, 0 skipped" in text(pilot, "#import-counts")
        assert "1 warning: row 2: email" in text(pilot, "#import-warnings")
        assert [row[:2] for row in table_rows(pilot)] == [("Priya Shah", "new"),
                                                          ("Sam Okafor", "new")]
        assert held(new_store)[1] == []
        await pilot.press("enter")  # enter on the preview confirms too
        await settled(pilot)
        assert sorted(p.name for p in held(new_store)[1]) == ["Priya Shah", "Sam Okafor"]


async def test_tab_completes_the_path_from_the_folder(new_store, gias, tmp_path):
    app = make_app(str(new_store), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("3", "i")
        await settled(pilot)
        await paste(pilot, f"{tmp_path}/")
        await pilot.press("g", "i")
        await settled(pilot)
        await pilot.press("tab")
        assert app.screen.query_one("#import-path", Input).value == str(gias)


def test_snapshot_of_the_settings_preview(snap_compare, demo_db, monkeypatch):
    """The preview at 80×24, over the demo (which holds most of the fixture's settings)."""
    from tests.conftest import ROOT
    from tests.ui.test_snapshots import SIZE

    monkeypatch.chdir(ROOT)  # the path typed is relative: the same picture on any machine

    async def preview(pilot) -> None:
        await store_open(pilot)
        await pilot.press("3", "i")
        await settled(pilot)
        pilot.app.screen.query_one("#import-path", Input).cursor_blink = False
        await type_path(pilot, "tests/fixtures/gias_wealdshire.csv")

    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=preview)


async def test_a_schedule_from_the_week_already_there_is_unchanged(demo_db):
    from tests.conftest import ROOT

    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("2", "i")
        await settled(pilot)
        await type_path(pilot, ROOT / "db" / "demo" / "schedule.csv")
        counts = text(pilot, "#import-counts")
        assert counts.startswith("schedule.csv: 0 new, 0 updated, ")
        assert table_rows(pilot)[0][1:] == ("unchanged", "already in the week")


async def test_a_long_file_is_imported_in_a_worker_to_the_end(new_store, tmp_path):
    listed = tmp_path / "many.csv"
    listed.write_text("name,role,organisation,email,phone\n" + "".join(
        f"Person {n:03d},SENCO,School {n},,\n" for n in range(180)))
    app = make_app(str(new_store), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("4", "i")
        await settled(pilot)
        await type_path(pilot, listed)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert len(held(new_store)[1]) == 180
        assert any("180 new, 0 updated, 0 unchanged, 0 skipped" in str(n.message)
                   for n in app._notifications)
