"""`y` copies the focused row to the clipboard (Textual keeps the copied text in
`app.clipboard`); the notice says what kind of row, never what it holds."""

from __future__ import annotations

from textual.widgets import DataTable

from sendtui.ui.app import make_app
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open, until
from tests.ui.test_week import event_titled, notices


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settled(pilot)


async def test_y_copies_the_event_under_the_cursor(demo_db, demo_store):
    visit = event_titled(demo_store, "Visit: Ashby")
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        await press(pilot, "2")
        app.screen.show_event(visit.id)
        await press(pilot, "y")
        copied = app.clipboard
        assert copied.startswith("Tue 1 Dec 09:00–12:00 · Setting visit · Visit: Ashby")
        assert all(name in copied for name in visit.people)
        assert notices(app)[-1] == "Copied the event to the clipboard."
        assert "Ashby" not in notices(app)[-1]


async def test_y_copies_the_highlighted_setting_person_and_request(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        for key, what in (("3", "setting"), ("4", "person"), ("7", "request")):
            await press(pilot, key, "down", "y")
            screen = app.screen
            thing = screen.selected()
            assert app.clipboard == screen.copy_text(thing) and app.clipboard
            assert "\n" not in app.clipboard
            assert notices(app)[-1] == f"Copied the {what} to the clipboard."
        assert thing.title in app.clipboard  # the request's title, kind and owner
        assert thing.kind in app.clipboard


async def test_y_copies_evidence_redacted_unless_revealed(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(160, 50)) as pilot:
        await store_open(pilot)
        await press(pilot, "6", "slash", *"jamie")
        screen = app.screen
        await until(pilot, lambda: len(screen.entries) == 1)
        await press(pilot, "escape")
        screen.query_one("#evidence", DataTable).focus()
        await press(pilot, "y")
        assert "CYP-03" in app.clipboard and "Jamie" not in app.clipboard
        assert notices(app)[-1] == "Copied the evidence entry to the clipboard."
        await press(pilot, "r", "y")
        assert "Jamie Holt" in app.clipboard


async def test_y_with_no_row_copies_nothing(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        await press(pilot, "3", "slash", *"zzqq", "enter")
        assert app.screen.selected() is None
        await press(pilot, "y")
        assert app.clipboard == "" and not notices(app)
