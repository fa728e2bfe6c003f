"""Actions and the plan by keys: t on a keep-in-touch meeting in the Week adds an action
from it; 9 shows the plan, space ticks an action, u takes it back."""

from __future__ import annotations

from textual.widgets import Input

from sendtui.store import actions, inspections
from sendtui.ui.app import make_app
from sendtui.ui.screens.plan.forms import ActionForm
from sendtui.ui.screens.plan.plan import PlanScreen
from sendtui.ui.widgets.week_grid import WeekGrid
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled
from tests.ui.test_week import event_titled, notices, on_week, press


async def test_t_on_a_keep_in_touch_meeting_adds_an_action_from_it(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_week(pilot)
        meeting = event_titled(app.store, "Keep-in-touch")
        screen.query_one(WeekGrid).select(meeting.id)
        await press(pilot, "t")
        form = app.screen
        assert isinstance(form, ActionForm)
        assert "Keep-in-touch" in form.heading
        form.query_one("#text", Input).value = "Send the EHC plan audit to the lead inspector"
        form.query_one("#owner", Input).value = "rachel"
        form.query_one("#due", Input).value = "2026-12-03 10:00"
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        added = [a for a in actions.all(app.store, inspections.find(app.store).id)
                 if a.text.startswith("Send the EHC plan audit")]
        assert len(added) == 1
        action = added[0]
        assert (action.source, action.source_id, action.owner) == (
            "event", meeting.id, "Rachel Thornton")
        assert action.status == "open"
        assert "Action added" in notices(app)[-1]
        await press(pilot, "u")
        assert not [a for a in actions.all(app.store, inspections.find(app.store).id)
                    if a.text.startswith("Send the EHC plan audit")]


async def test_t_with_no_event_under_the_cursor_says_so(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_week(pilot)
        screen.query_one(WeekGrid).move_to(screen.grid.cursor_key, screen.grid.cursor_start
                                           .replace(hour=7))
        before = len(actions.all(app.store, inspections.find(app.store).id))
        await press(pilot, "t")
        assert app.screen is screen
        assert "No event under the cursor" in notices(app)[-1]
        assert len(actions.all(app.store, inspections.find(app.store).id)) == before


async def test_9_shows_the_plan_and_space_ticks_an_action(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        await press(pilot, "9")
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        kinds = [row.kind for row in screen.rows]
        assert kinds[0] == "weakness" and "heading" in kinds
        label = screen.table.get_row_at(0)[0].plain
        assert label.startswith("Significant weakness: No joint commissioning")
        target = next(i for i, row in enumerate(screen.rows) if row.kind == "action"
                      and row.record.text.startswith("Send the updated self-evaluation"))
        assert screen.table.get_row_at(target)[3].plain == "Overdue"
        screen.table.move_cursor(row=target)
        await press(pilot, "space")
        ins = inspections.find(app.store).id
        ticked = next(a for a in actions.all(app.store, ins) if a.id == screen.rows[target].id)
        assert ticked.status == "done"
        assert screen.table.cursor_row == target
        assert screen.table.get_row_at(target)[3].plain == "Done"
        await press(pilot, "u")
        assert next(a for a in actions.all(app.store, ins) if a.id == ticked.id).status == "open"
        await press(pilot, "t")  # t ticks as on the Requests screen
        assert next(a for a in actions.all(app.store, ins) if a.id == ticked.id).status == "done"
