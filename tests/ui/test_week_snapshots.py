"""What the week planner looks like at 80×24 (pytest-textual-snapshot).

Update after a deliberate change of look with
`pytest tests/ui/test_week_snapshots.py --snapshot-update`, then check the SVGs in
tests/ui/__snapshots__/test_week_snapshots/ by eye.
"""

from __future__ import annotations

from sendtui.ui.app import make_app
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open

SIZE = (80, 24)


async def on_week(pilot) -> None:
    await store_open(pilot)
    await pilot.press("2")
    await settled(pilot)


async def by_person(pilot) -> None:
    await on_week(pilot)
    await pilot.press("v")
    await settled(pilot)


async def clash_then_problems(pilot) -> None:
    """Fiona's case file review moved into Helen's column, onto her meeting; then tab."""
    await by_person(pilot)
    await pilot.press("h", *"jjjjjjjj", "m", "l", "enter")
    await settled(pilot)
    await pilot.press("tab")
    await settled(pilot)
    pilot.app.clear_notifications()  # the toast would hide the grid
    await pilot.pause()


def test_week_grid(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=on_week)


def test_week_by_person(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=by_person)


def test_week_problems_focused(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=clash_then_problems)
