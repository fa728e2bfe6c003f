"""A key set in config.toml reaches the running app (BRIEF: keys remappable by binding id)."""

from __future__ import annotations

import os
from pathlib import Path

from sendtui.ui.app import make_app
from sendtui.ui.screens.lines.lines import LinesScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open


def write_config(text: str) -> None:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "sendtui"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


async def test_a_key_override_in_config_toml_reaches_the_app(demo_db):
    write_config('[keys]\nadd-line = "A"\n')
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await store_open(pilot)
        await pilot.press("5")
        await settled(pilot)
        assert isinstance(app.screen, LinesScreen)
        await pilot.press("a")  # the old key no longer adds a line
        await settled(pilot)
        assert isinstance(app.screen, LinesScreen)
        await pilot.press("A")
        await settled(pilot)
        assert not isinstance(app.screen, LinesScreen)
        headings = [str(w.render()) for w in app.screen.query(".heading")]
        assert "Add a bespoke line of enquiry" in headings

