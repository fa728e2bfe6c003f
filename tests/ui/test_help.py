"""The help screen (?): named in words, every key's id shown in full at 80×24."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from sendtui.ui.app import make_app
from sendtui.ui.screens.common.help import HelpScreen
from sendtui.ui.screens.start.welcome import WelcomeScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open, until


def lines_shown(table: DataTable) -> list[str]:
    """Every row as the terminal shows it, scrolled through from top to bottom."""
    shown = []
    for row in range(table.row_count):
        table.move_cursor(row=row, animate=False)
        table.refresh()
        y = row - round(table.scroll_y) + 1  # under the header line
        shown.append("".join(s.text for s in table.render_line(y)))
    return shown


async def open_help(pilot) -> HelpScreen:
    await pilot.press("question_mark")
    await settled(pilot)
    await pilot.pause(0.1)
    assert isinstance(pilot.app.screen, HelpScreen)
    return pilot.app.screen


@pytest.mark.parametrize("key,title", [("1", "Keys: Dashboard"), ("2", "Keys: Week"),
                                       ("3", "Keys: Settings"), ("6", "Keys: Evidence")])
async def test_every_id_is_shown_in_full_at_80_by_24(demo_db, key, title):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await store_open(pilot)
        await pilot.press(key)
        await settled(pilot)
        screen = await open_help(pilot)
        assert screen.title_text == title
        table = screen.query_one("#help-keys", DataTable)
        for (_, _, binding_id), line in zip(screen.keys, lines_shown(table), strict=True):
            assert line.rstrip().endswith(f" {binding_id}".rstrip()), line


async def test_the_welcome_screens_help_is_named_in_words(db_path):
    app = make_app(str(db_path), today=DEMO_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        screen = await open_help(pilot)
        assert screen.title_text == "Keys: Welcome"
