"""The app on the office's PostgreSQL database, driven by the keys a coordinator presses: it
opens on the dashboard with the demo inspection, takes an evidence entry, finds it again by
search with its words highlighted, and `u` brings it back after it was deleted."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import DataTable, Static

from sendtui.store import evidence, inspections
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.evidence import EvidenceScreen
from sendtui.ui.screens.start.dashboard import DashboardScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open, until
from tests.ui.test_capture import late, open_capture  # noqa: F401 - late: a fixture
from tests.ui.test_pilot import row_keys, shown

TEXT = "Parents said the otterbrook hub answered within a week."


@pytest.fixture
def server(pg_demo_database):
    """(the database's URL, a store on it as the test's own reader)"""
    store = Store.open(pg_demo_database)
    yield pg_demo_database, store
    store.close()


def summary(screen) -> str:
    return shown(screen.query_one("#evidence-summary", Static))


def marked_words(note: Text) -> list[str]:
    return [note.plain[s.start:s.end] for s in note.spans if "reverse" in str(s.style)]


async def test_the_app_opens_on_the_dashboard_with_the_demo(server):
    url, _ = server
    app = make_app(url, today=DEMO_TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await store_open(pilot)
        assert isinstance(app.screen, DashboardScreen)
        counts = shown(app.screen.query_one("#counts", Static))
        assert "Settings  19" in counts and "Evidence  60" in counts
        assert "People    14 (team 3, local 11)" in counts


@pytest.mark.usefixtures("late")  # the new entry is the newest
async def test_an_entry_taken_by_keys_is_found_highlighted_and_undo_brings_it_back(server):
    url, store = server
    ins = inspections.find(store).id
    app = make_app(url, today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_capture(pilot)
        await pilot.press(*TEXT, "tab", *"local offer")
        await pilot.pause()
        await pilot.press("enter", "tab", "w", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert screen.is_attached is False
        added = evidence.all(store, ins, limit=1)[0]
        assert (added.text, added.line_code, added.source) == (TEXT, "B5", "webinar")

        await pilot.press("6")
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, EvidenceScreen) and summary(screen) == (
            "61 entries, newest first")
        grid = screen.query_one("#evidence", DataTable)
        assert row_keys(grid)[0] == added.id

        await pilot.press("slash", *"otterbrook")
        await until(pilot, lambda: row_keys(grid) == [added.id])
        assert summary(screen) == "1 of 61 entries match “otterbrook”, best first"
        note = grid.get_row_at(0)[-1]
        assert isinstance(note, Text) and "«" not in note.plain
        assert marked_words(note) == ["otterbrook"]
        await pilot.press("escape")
        await settled(pilot)

        assert row_keys(grid)[0] == added.id  # the search cleared, newest first again
        await pilot.press("d", "y")  # a capture is a record: deleting it is what undo takes
        await settled(pilot)
        assert summary(screen) == "60 entries, newest first"
        assert added.id not in {e.id for e in evidence.all(store, ins)}
        await pilot.press("u")
        await settled(pilot)
        assert summary(screen) == "61 entries, newest first" and row_keys(grid)[0] == added.id
        assert added.id in {e.id for e in evidence.all(store, ins)}


async def test_a_search_shows_the_servers_best_hits_with_their_words_marked(server):
    url, store = server
    hits = evidence.search(store, inspections.find(store).id, "camhs")
    assert len(hits) >= 2
    app = make_app(url, today=DEMO_TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("6")
        await settled(pilot)
        grid = app.screen.query_one("#evidence", DataTable)
        await pilot.press("slash", *"camhs")
        await until(pilot, lambda: row_keys(grid) == [h.entry.id for h in hits])
        assert summary(app.screen) == f"{len(hits)} of 60 entries match “camhs”, best first"
        for i in range(grid.row_count):
            marked = marked_words(grid.get_row_at(i)[-1])
            assert marked and {word.lower() for word in marked} == {"camhs"}
