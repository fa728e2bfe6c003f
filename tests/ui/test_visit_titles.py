"""A visit's title follows its setting in the event form until the user types their own."""

from __future__ import annotations

from textual.widgets import Input, Select

from sendtui.store import events
from sendtui.ui.app import make_app
from sendtui.ui.screens.week.event_form import EventForm
from tests.conftest import DEMO_TODAY
from tests.ui.test_week import detail, on_week, press


def title(app) -> str:
    return app.screen.query_one("#title", Input).value


async def pick_setting(pilot, typed: str) -> None:
    pilot.app.screen.query_one("#setting-picker").focus()
    await press(pilot, "backspace", *typed, "enter")


async def test_a_new_visit_is_called_by_its_setting_until_a_title_is_typed(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_week(pilot)
        await press(pilot, *"kkkk", "a")  # Monday 08:00 is free
        form = app.screen
        assert isinstance(form, EventForm)
        await press(pilot, "enter", "up", "up", "up", "enter")  # the kind: Setting visit
        assert form.query_one("#kind", Select).value == "visit"
        assert title(app) == ""
        await pick_setting(pilot, "castle")
        assert title(app) == "Castle Hill School"
        await pick_setting(pilot, "ashby brook pri")
        assert title(app) == "Ashby Brook Primary"  # kept in step with the setting
        await press(pilot, "ctrl+s")
        assert app.screen is not form
        assert detail(app.screen).startswith("Mon 30 Nov 08:00–11:00 · Setting visit · "
                                             "Ashby Brook Primary · ")
        stored = [e for e in events.all(app.store, app.inspection.id)
                  if e.title == "Ashby Brook Primary"]
        assert len(stored) == 1

        await press(pilot, "e")  # the title typed by the user stays whatever the setting
        assert title(app) == "Ashby Brook Primary"
        app.screen.query_one("#title", Input).focus()
        await press(pilot, "end", "ctrl+u", *"Transition review")  # ctrl+u: clear to the left
        assert title(app) == "Transition review"
        await pick_setting(pilot, "castle")
        assert title(app) == "Transition review"
        await press(pilot, "ctrl+s")
        assert detail(app.screen).startswith("Mon 30 Nov 08:00–11:00 · Setting visit · "
                                             "Transition review · ")
