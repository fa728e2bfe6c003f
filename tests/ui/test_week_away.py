"""Unavailable periods in the week: shaded on every day they cover, named on the status line,
and any of them (not only the latest) edited with e or removed with d on a shaded cell."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input

from sendtui.store import availability, inspections, people
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.people import PeopleScreen
from sendtui.ui.screens.area.people_forms import UnavailableForm
from sendtui.ui.widgets.week_layout import ColumnKey, instant
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open
from tests.ui.test_week import detail, grid_text, notices, on_week, press

UTC = dt.timezone.utc
TUE, WED, THU = dt.date(2026, 12, 1), dt.date(2026, 12, 2), dt.date(2026, 12, 3)


def with_priya(demo_store) -> str:
    """A local contact with nothing booked, and an older period (Monday afternoon)."""
    ins = inspections.find(demo_store).id
    priya = people.add(demo_store, ins, "Priya Shah", "Head of SEND", "Wealdshire Council")
    availability.add(demo_store, ins, priya.id, instant(dt.date(2026, 11, 30), 13 * 60),
                     instant(dt.date(2026, 11, 30), 15 * 60), "Leave")
    return priya.id


async def two_days_away(pilot, priya: str) -> None:
    """Through the People screen: Priya away Tue 09:00 to Wed 17:00 for a tribunal."""
    await store_open(pilot)
    await press(pilot, "4")
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    table = screen.query_one("#people", DataTable)
    table.move_cursor(row=[p.id for p in screen.people].index(priya))
    await press(pilot, "b", *"2026-12-01", "tab", "tab")
    assert isinstance(pilot.app.screen, UnavailableForm)
    await press(pilot, *"2026-12-02", "tab", *"17:00", "tab", *"Tribunal", "ctrl+s")
    assert pilot.app.screen is screen


async def test_a_two_day_period_is_shaded_on_both_days_and_named(demo_db, demo_store):
    priya = with_priya(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await two_days_away(pilot, priya)
        (_, tribunal) = availability.all(app.store, app.inspection.id)[priya]
        assert (tribunal.start, tribunal.end) == (dt.datetime(2026, 12, 1, 9, tzinfo=UTC),
                                                  dt.datetime(2026, 12, 2, 17, tzinfo=UTC))
        screen = await on_week(pilot)
        days = [key.day for key, _ in screen.grid._columns]
        shaded = {day for day, rows in zip(days, screen.grid._away) if rows}
        assert {TUE, WED} <= shaded and THU not in shaded

        await press(pilot, "v")  # one column per person: Priya's is hatched all day Tue
        screen.day = TUE
        await settled(pilot)
        assert screen.grid.move_to(ColumnKey(TUE, priya), instant(TUE, 11 * 60))
        await settled(pilot)
        assert detail(screen).startswith(
            "Priya Shah · unavailable (Tribunal) · Tue 1 Dec 09:00–Wed 2 Dec 17:00")
        assert any("╱╱╱" in line for line in grid_text(screen))
        screen.day = WED
        await settled(pilot)
        assert screen.grid.move_to(ColumnKey(WED, priya), instant(WED, 16 * 60 + 45))
        await settled(pilot)
        assert detail(screen).startswith("Priya Shah · unavailable (Tribunal)")
        assert screen.grid.move_to(ColumnKey(WED, priya), instant(WED, 17 * 60))
        await settled(pilot)
        assert "unavailable" not in detail(screen)


async def test_an_older_period_is_edited_then_removed_from_the_week(demo_db, demo_store):
    priya = with_priya(demo_store)
    ins = inspections.find(demo_store).id
    availability.add(demo_store, ins, priya, instant(THU, 9 * 60), instant(THU, 12 * 60),
                     "Training")  # the latest: the older Monday one is edited
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_week(pilot)
        await press(pilot, "v")
        monday = dt.date(2026, 11, 30)
        assert screen.grid.move_to(ColumnKey(monday, priya), instant(monday, 14 * 60))
        await settled(pilot)
        assert detail(screen).startswith("Priya Shah · unavailable (Leave) · Mon 30 Nov")
        await press(pilot, "e")
        form = app.screen
        assert isinstance(form, UnavailableForm)
        assert [form.query_one(f"#{k}", Input).value for k in
                ("day", "start", "end_day", "end", "reason")] == [
            "2026-11-30", "13:00", "2026-11-30", "15:00", "Leave"]
        form.query_one("#end", Input).focus()
        await press(pilot, "end", "ctrl+u", *"16:30", "ctrl+s")
        assert app.screen is screen
        periods = availability.all(app.store, ins)[priya]
        assert [(p.end, p.reason) for p in periods] == [
            (instant(monday, 16 * 60 + 30), "Leave"), (instant(THU, 12 * 60), "Training")]
        assert notices(app)[-1] == ("Priya Shah unavailable Mon 30 Nov 13:00–16:30  "
                                    "(u to undo)")

        await press(pilot, "d")
        assert [p.reason for p in availability.all(app.store, ins)[priya]] == ["Training"]
        assert "unavailable" not in detail(screen)
        await press(pilot, "u")
        assert len(availability.all(app.store, ins)[priya]) == 2


# --- how the hatching looks at 80×24, dark and light ----------------------------------------

def hatched(theme_key: tuple[str, ...]):
    async def run_before(pilot) -> None:
        await store_open(pilot)
        await pilot.press(*theme_key, "2")
        await settled(pilot)
        await pilot.press("v")
        await settled(pilot)
        pilot.app.screen.grid.move_to(ColumnKey(dt.date(2026, 11, 30), PRIYA[0]),
                                      instant(dt.date(2026, 11, 30), 13 * 60 + 30))
        await settled(pilot)
    return run_before


PRIYA: list[str] = []


def test_hatched_period_snapshot(snap_compare, demo_db, demo_store):
    PRIYA[:] = [with_priya(demo_store)]
    demo_store.close()
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=(80, 24),
                        run_before=hatched(()))


def test_hatched_period_light_snapshot(snap_compare, demo_db, demo_store):
    PRIYA[:] = [with_priya(demo_store)]
    demo_store.close()
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=(80, 24),
                        run_before=hatched(("ctrl+t",)))
