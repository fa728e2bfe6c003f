"""The capture box fills what the screen under it knows: the visit under the week's cursor
(source visit, its setting, the event), the setting highlighted on the Settings screen, and
a line hint in the open inspection's own codes."""

from __future__ import annotations

import pytest

from sendtui.demo import add_demo
from sendtui.store import events, evidence, inspections
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.settings import SettingsScreen
from sendtui.ui.screens.evidence import capture
from sendtui.ui.screens.evidence.capture import CaptureScreen, KeyChoice, LinePicker
from sendtui.ui.widgets.pickers import QueryInput, SettingPicker
from sendtui.ui.widgets.week_grid import WeekGrid
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, until
from tests.ui.test_capture import LATE, open_capture
from tests.ui.test_pilot import shown
from tests.ui.test_week import on_week


@pytest.fixture(autouse=True)
def late(monkeypatch):
    monkeypatch.setattr(capture, "utc_now", lambda: LATE)


async def test_capture_on_a_visit_is_from_the_visit_at_its_setting(demo_db, demo_store):
    ins = inspections.find(demo_store).id
    visit = next(e for e in events.all(demo_store, ins) if e.kind == "visit" and e.setting_id)
    app = make_app(str(demo_db), today=visit.start.date())
    async with app.run_test(size=(100, 40)) as pilot:
        week = await on_week(pilot)
        assert week.query_one(WeekGrid).select(visit.id)
        screen = await open_capture(pilot)
        assert screen.query_one("#source", KeyChoice).value == "visit"
        assert screen.query_one(SettingPicker).setting_id == visit.setting_id
        assert shown(screen.query_one("#capture-event")).startswith(f"At: {visit.title}")
        await pilot.press(*"The SENCo tracks every plan's outcomes.", "tab", "b", "5", "enter",
                          "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
    saved = evidence.all(demo_store, ins, limit=1)[0]
    assert saved.source == "visit" and saved.setting_name == visit.setting_name
    with demo_store.session() as s:
        from sendtui.store import models as m
        assert s.get(m.Evidence, saved.id).event_id == visit.id


async def test_capture_on_the_settings_screen_is_at_the_highlighted_setting(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot, "3", "down", "down")
        under = app.screen_stack[-2]
        assert isinstance(under, SettingsScreen)
        assert screen.query_one(SettingPicker).setting_id == under.selected().id
        assert screen.query_one("#source", KeyChoice).value is None
        assert not screen.query_one("#capture-event").display


async def test_the_line_hint_uses_the_2016_codes(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot)
        hint = screen.query_one(LinePicker).query_one(QueryInput).placeholder
        assert hint == "type a code or words, e.g. b5 or local offer"


async def test_the_line_hint_uses_e_codes_under_the_2023_framework(db_path):
    s = Store.open(str(db_path))
    add_demo(s)  # the 2023 framework
    s.close()
    app = make_app(str(db_path), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot)
        await settled(pilot)
        hint = screen.query_one(LinePicker).query_one(QueryInput).placeholder
        assert hint.startswith("type a code or words, e.g. e1 or ") and "b5" not in hint
