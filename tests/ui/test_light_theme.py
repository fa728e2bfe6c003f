"""Every main screen in the light theme: meaning must not hang on dark-theme colours."""

from __future__ import annotations

import pytest

from sendtui.ui.app import make_app
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import after, store_open

SIZE = (80, 24)


async def light(pilot) -> None:
    await store_open(pilot)
    await pilot.press("ctrl+t")  # the theme key: dark ↔ light
    await pilot.pause()
    assert pilot.app.theme == "textual-light"


@pytest.mark.parametrize("screen, keys", [
    ("dashboard", []), ("week", ["2"]), ("settings", ["3"]), ("people", ["4"]),
    ("lines", ["5"]), ("evidence", ["6"]), ("capture", ["n"]), ("requests", ["7"]),
])
def test_screen_in_light_theme(snap_compare, demo_db, screen, keys):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after(*keys, before=light))
