"""The week planner driven by the keys a coordinator presses, checked on screen and in the store.

The demo week (Mon 30 Nov – Fri 4 Dec 2026) is in London winter time, so London clock
times equal UTC. The grid opens on Monday 09:00, the cursor on the opening meeting.
"""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList, Static

from sendtui.store import events, inspections, people, planning
from sendtui.store.events import EventInput
from sendtui.ui.app import make_app
from sendtui.ui.screens.week.event_form import EventForm
from sendtui.ui.screens.week.free_slots import FreeSlotForm, FreeSlotList
from sendtui.ui.screens.week.week import WeekScreen
from sendtui.ui.widgets.week_grid import WeekGrid
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open
from tests.ui.test_pilot import shown

UTC = dt.timezone.utc


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A time in the demo week: Mon 30 Nov is day 30, Tue 1 Dec is day 1, …"""
    month = 11 if day == 30 else 12
    return dt.datetime(2026, month, day, hour, minute, tzinfo=UTC)


async def on_week(pilot) -> WeekScreen:
    await store_open(pilot)
    await pilot.press("2")
    await settled(pilot)
    assert isinstance(pilot.app.screen, WeekScreen)
    return pilot.app.screen


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settled(pilot)


def detail(screen) -> str:
    return shown(screen.query_one("#week-detail", Static))


def grid_text(screen) -> list[str]:
    """The lines the terminal shows for the grid."""
    grid = screen.query_one(WeekGrid)
    return ["".join(s.text for s in grid.render_line(y)) for y in range(grid.size.height)]


def problems_listed(screen) -> list[str]:
    panel = screen.query_one("#problems", OptionList)
    return [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


def event_titled(store, title: str):
    ins = inspections.find(store)
    return next(e for e in events.all(store, ins.id) if e.title.startswith(title))


async def test_cursor_moves_and_the_detail_line_follows(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        assert app.focused is screen.query_one(WeekGrid)
        assert detail(screen).startswith(
            "Mon 30 Nov 09:00–10:15 · Meeting · Opening meeting: leaders present")
        header = grid_text(screen)[0]
        assert ["Mon 30 Nov", "Tue 1 Dec", "Fri 4 Dec"] == [
            label for label in ("Mon 30 Nov", "Tue 1 Dec", "Fri 4 Dec") if label in header]
        assert "▶" in grid_text(screen)[5]  # 09:00 is the fifth row after 08:00

        await press(pilot, *"jjjjjjjjjjjj")  # down three hours: a free lane at 12:00
        assert detail(screen).startswith("Mon 30 Nov 12:00 · free · a adds an event here")
        await press(pilot, "l")  # overlapping events share the column: right steps lanes
        await press(pilot, "l")
        assert "Case file review batch 1" in detail(screen)
        await press(pilot, "right")  # then on to the next day
        assert detail(screen).startswith("Tue 1 Dec 12:00 · free")
        await press(pilot, "up", "up", "up", "up")
        assert detail(screen).startswith("Tue 1 Dec 09:00–12:00 · Setting visit · Visit: Ashby")
        await press(pilot, "k", "h")  # Monday 10:45, the last lane: free until 11:00
        assert detail(screen).startswith("Mon 30 Nov 10:45 · free")
        await press(pilot, "h", "h")
        assert "Head of SEND services" in detail(screen)


async def test_a_click_moves_the_cursor(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        grid = screen.query_one(WeekGrid)
        column = (grid.size.width - 6) // 5
        await pilot.click(WeekGrid, offset=(6 + column + 1, 5))  # Tuesday 09:00, lane 1
        await settled(pilot)
        assert detail(screen).startswith("Tue 1 Dec 09:00–12:00 · Setting visit · Visit:")
        assert grid.cursor_start == at(1, 9)


async def test_add_an_event_on_a_free_slot(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        await press(pilot, *"jjjjjjjjjjjj", "a")
        form = app.screen
        assert isinstance(form, EventForm)
        assert form.initial.start == at(30, 12) and form.initial.end == at(30, 13)
        title = form.query_one("#title", Input)
        title.focus()
        await press(pilot, *"Virtual school head")
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        added = event_titled(app.store, "Virtual school head")
        assert (added.start, added.end, added.kind) == (at(30, 12), at(30, 13), "meeting")
        assert screen.query_one(WeekGrid).event_under_cursor.id == added.id
        assert "Virtual school head" in detail(screen)
        assert any(n.startswith("Added Virtual school head") for n in notices(app))


async def test_escape_on_the_form_adds_nothing(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_week(pilot)
        await press(pilot, *"jjjjjjjjjjjj", "a", "escape")
        assert len(events.all(app.store, app.inspection.id)) == 41


async def test_edit_the_event_under_the_cursor(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        await press(pilot, "e")
        form = app.screen
        assert isinstance(form, EventForm)
        assert form.initial.title.startswith("Opening meeting")
        form.query_one("#end", Input).value = "10:30"
        await press(pilot, "ctrl+s")
        opening = event_titled(app.store, "Opening meeting")
        assert opening.end == at(30, 10, 30)
        assert detail(screen).startswith("Mon 30 Nov 09:00–10:30")


async def move_case_files_to_helen(pilot) -> WeekScreen:
    """By person on Monday: Fiona's case file review (11:00) into Helen's column."""
    screen = await on_week(pilot)
    await press(pilot, "v")  # the opening meeting, in Helen's column (she is first on it)
    await press(pilot, "h", *"jjjjjjjj")  # Fiona, 11:00
    assert "Case file review batch 1" in detail(screen)
    await press(pilot, "m", "l")
    assert detail(screen).startswith("Moving Case file review batch 1")
    await press(pilot, "enter")
    return screen


async def test_a_move_onto_a_colleague_shows_a_clash_until_undone(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await move_case_files_to_helen(pilot)
        store, names = app.store, {p.id: p.name for p in people.all(app.store, app.inspection.id)}
        moved = event_titled(store, "Case file review batch 1")
        assert [names[i] for i in moved.person_ids] == ["Helen Marsden"]
        assert moved.start == at(30, 11)
        panel = screen.query_one("#problems", OptionList)
        assert panel.border_title == "Problems (2)"  # and the demo's standing warning:
        clash, period = problems_listed(screen)  # a 2016 inspection dated in 2026
        assert period.startswith("▲ warning  Notified on 23 Nov 2026, after January 2023")
        assert clash.startswith("✖ error  Helen Marsden is in two places at once")
        assert "Case file review batch 1" in clash and "Head of SEND services" in clash
        # Both blocks, in Helen's column, start with "!" (meaning without colour).
        assert sum(line.count("!") for line in grid_text(screen)) == 2
        assert "! 1 problem" in detail(screen)

        await press(pilot, "u")
        back = event_titled(store, "Case file review batch 1")
        assert [names[i] for i in back.person_ids] == ["Fiona Gallagher"]
        assert panel.border_title == "Problems (1)"
        assert not any("!" in line for line in grid_text(screen))
        assert screen.query_one(WeekGrid).event_under_cursor.id == moved.id
        assert notices(app)[-1].startswith("Undone: moved Case file review batch 1")
        assert notices(app)[-2].endswith("to Mon 30 Nov 11:00–13:30, Helen Marsden  (u to undo)")

        await press(pilot, "ctrl+y")
        assert event_titled(store, "Case file review batch 1").person_ids == moved.person_ids
        assert panel.border_title == "Problems (2)"


async def test_moving_by_day_and_escape_puts_it_back(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        grid = screen.query_one(WeekGrid)
        await press(pilot, "m", "down", "l")
        assert detail(screen).startswith("Moving Opening meeting")
        assert grid.cursor_start == at(1, 9, 15)  # the event went a day on, 15 minutes later
        await press(pilot, "escape")
        assert event_titled(app.store, "Opening meeting").start == at(30, 9)
        assert grid.cursor_start == at(30, 9) and not grid.moving
        await press(pilot, "m", "j", "j", "m")
        assert event_titled(app.store, "Opening meeting").start == at(30, 9, 30)
        assert detail(screen).startswith("! 2 problems (tab) · Mon 30 Nov 09:30–10:45")


async def test_remove_then_undo(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        await press(pilot, "d")
        ins = app.inspection.id
        assert len(events.all(app.store, ins)) == 40
        assert notices(app)[-1] == (
            "Removed Opening meeting: leaders present the area's self-evaluation  (u to undo)")
        assert detail(screen).startswith("Mon 30 Nov 09:00 · free")
        await press(pilot, "u")
        assert len(events.all(app.store, ins)) == 41
        assert detail(screen).startswith("Mon 30 Nov 09:00–10:15 · Meeting · Opening")


async def test_undo_works_after_a_restart(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_week(pilot)
        await press(pilot, "shift+down")
    again = make_app(str(demo_db), today=DEMO_TODAY)
    async with again.run_test() as pilot:
        screen = await on_week(pilot)
        assert detail(screen).startswith("Mon 30 Nov 09:00–10:30")
        await press(pilot, "u")
        assert event_titled(again.store, "Opening meeting").end == at(30, 10, 15)
        assert detail(screen).startswith("Mon 30 Nov 09:00–10:15")


async def test_resize_by_quarter_hours_never_below_fifteen_minutes(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        await press(pilot, "shift+down")
        assert event_titled(app.store, "Opening meeting").end == at(30, 10, 30)
        assert notices(app)[-1].endswith("now ends at 10:30  (u to undo)")
        await press(pilot, "shift+up", "shift+up")
        assert event_titled(app.store, "Opening meeting").end == at(30, 10)
        # The keep-in-touch (16:30–16:50) cannot lose another quarter hour.
        screen.query_one(WeekGrid).select(event_titled(app.store, "Keep-in-touch").id)
        await press(pilot, "shift+up")
        assert "as short as it can be (15 minutes)" in notices(app)[-1]
        assert event_titled(app.store, "Keep-in-touch").end == at(30, 16, 50)


async def test_copy_goes_straight_after_the_original(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        await press(pilot, "c")
        copies = [e for e in events.all(app.store, app.inspection.id)
                  if e.title.startswith("Opening meeting")]
        assert [(e.start, e.end) for e in copies] == [(at(30, 9), at(30, 10, 15)),
                                                       (at(30, 10, 15), at(30, 11, 30))]
        assert set(copies[0].person_ids) == set(copies[1].person_ids)
        assert screen.query_one(WeekGrid).event_under_cursor.id == copies[1].id


async def test_by_person_view_has_a_column_per_person(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(220, 30)) as pilot:
        screen = await on_week(pilot)
        await press(pilot, "v")
        header = grid_text(screen)[0]
        listed = people.all(app.store, app.inspection.id)
        assert len(listed) == 14 and header.startswith("Mon30 ")
        positions = [header.index(p.name[:9]) for p in listed]
        assert positions == sorted(positions)  # in the store's order: the team first
        assert [p.name for p in listed[:3]] == [
            "Fiona Gallagher", "Helen Marsden", "Kwame Mensah"]
        grid = screen.query_one(WeekGrid)
        assert grid.cursor_key.person_id == listed[1].id  # Helen: first on the opening meeting
        await press(pilot, "right_square_bracket")
        assert grid.cursor_key.day == dt.date(2026, 12, 1) and header != grid_text(screen)[0]
        assert grid_text(screen)[0].startswith("Tue 1 ")
        await press(pilot, "v")
        assert grid.cursor_key.person_id is None and "Mon 30 Nov" in grid_text(screen)[0]


async def test_choosing_a_problem_puts_the_cursor_on_its_event(demo_db, demo_store):
    ins = inspections.find(demo_store)
    week = events.all(demo_store, ins.id)
    team = next(e for e in week if e.title.startswith("Team meeting: day 8"))
    webinar = next(e for e in week if e.kind == "webinar")
    events.edit(demo_store, ins.id, webinar.id, EventInput.of(webinar).moved(
        team.start - webinar.start))  # onto Wednesday's team meeting
    [clash, *_] = planning.problems(demo_store, ins.id)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        panel = screen.query_one("#problems", OptionList)
        await press(pilot, "tab")
        assert app.focused is panel
        await press(pilot, "enter")
        grid = screen.query_one(WeekGrid)
        assert app.focused is grid
        assert grid.event_under_cursor.id == clash.events[0]
        assert grid.cursor_key.day == dt.date(2026, 12, 2)


async def test_free_slots_are_listed_and_enter_opens_the_event_form_there(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        ins = app.inspection.id
        await press(pilot, "f")
        form = app.screen
        assert isinstance(form, FreeSlotForm)
        opening = event_titled(app.store, "Opening meeting")
        assert form.preselected == opening.person_ids
        form.query_one("#minutes", Input).value = "90"
        await press(pilot, "ctrl+s")  # 90 minutes for everyone at the opening meeting
        listed = app.screen
        assert isinstance(listed, FreeSlotList)
        expected = planning.free_slots(app.store, ins, opening.person_ids, 90, at(30, 0))
        assert listed.slots == expected and 1 < len(expected) <= 8  # the team is busy
        panel = listed.query_one("#free-slots", OptionList)
        assert str(panel.get_option_at_index(0).prompt) == (
            f"{expected[0][0]:%a} {expected[0][0].day} {expected[0][0]:%b}  "
            f"{expected[0][0]:%H:%M}–{expected[0][1]:%H:%M}")
        await press(pilot, "down", "enter")  # the second slot
        event_form = app.screen
        assert isinstance(event_form, EventForm)
        start, end = expected[1]
        assert event_form.query_one("#date", Input).value == start.date().isoformat()
        assert event_form.query_one("#start", Input).value == f"{start:%H:%M}"
        assert event_form.query_one("#end", Input).value == f"{end:%H:%M}"
        assert event_form.initial.person_ids == opening.person_ids
        event_form.query_one("#title", Input).focus()
        await press(pilot, *"Catch-up", "ctrl+s")
        added = event_titled(app.store, "Catch-up")
        assert (added.start, added.end, added.person_ids) == (start, end, opening.person_ids)
        assert screen.grid.event_under_cursor.id == added.id


async def test_escape_closes_the_free_slot_list_with_nothing_changed(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        before = events.all(app.store, app.inspection.id)
        await press(pilot, "f", "ctrl+s")
        assert isinstance(app.screen, FreeSlotList)
        await press(pilot, "escape")
        assert app.screen is screen
        assert events.all(app.store, app.inspection.id) == before

        await press(pilot, *"kkkk", "f")  # on a free cell nobody is chosen yet: pick Helen
        assert app.screen.preselected == ()
        await press(pilot, *"Helen", "enter")
        app.screen.query_one("#minutes", Input).value = "600"
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        assert notices(app)[-1] == ("No 600 free minutes for Helen Marsden in working hours "
                                    "from now to the end of the on-site week.")


async def test_keys_without_an_event_say_so(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        await press(pilot, *"kkkk", "d")  # 08:00 on Monday is free
        assert notices(app)[-1] == "No event under the cursor to remove: move onto one first."
        await press(pilot, "m", "e")
        assert app.screen is screen and len(events.all(app.store, app.inspection.id)) == 41


async def test_errors_come_before_warnings_in_words(demo_db, demo_store):
    ins = inspections.find(demo_store)
    week = events.all(demo_store, ins.id)
    team = next(e for e in week if e.title.startswith("Team meeting: day 8"))
    webinar = next(e for e in week if e.kind == "webinar")
    late = next(e for e in week if e.title.startswith("Team meeting: close-down"))
    events.edit(demo_store, ins.id, webinar.id, EventInput.of(webinar).moved(
        team.start - webinar.start))
    events.edit(demo_store, ins.id, late.id, EventInput.of(late).moved(dt.timedelta(hours=2)))
    events.remove(demo_store, ins.id, next(e.id for e in week if e.kind == "final-feedback"))
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        listed = problems_listed(screen)
        marks = [line.split("  ")[0] for line in listed]
        assert marks == sorted(marks, key=lambda m: m != "✖ error") and len(set(marks)) == 2
        assert any(line.startswith("▲ warning  Team meeting: close-down") for line in listed)
        assert screen.query_one("#problems", OptionList).border_title == (
            f"Problems ({len(listed)})")
        # The grid grows past 18:00 so that the late team meeting is in sight.
        grid = screen.query_one(WeekGrid)
        assert grid.select(late.id) and grid.cursor_start == at(4, 19)

        await press(pilot, "tab", "end", "enter")  # a problem of the week as a whole
        assert any(line.startswith("▲ warning  No final feedback on the last on-site day")
                   for line in listed)
        assert listed[-1].startswith("▲ warning  Notified on 23 Nov 2026")  # the demo's date
        assert notices(app)[-1] == "This problem is about the week as a whole, not one event."


def test_overlapping_events_share_a_column_in_lanes():
    from sendtui.records import EventRecord
    from sendtui.ui.widgets.week_layout import block_lines, blocks_of

    def event(name: str, start: tuple[int, int], end: tuple[int, int]) -> EventRecord:
        return EventRecord(name, "meeting", name, at(30, *start), at(30, *end))

    blocks = blocks_of([event("a", (9, 0), (10, 0)), event("b", (9, 30), (11, 0)),
                        event("c", (10, 0), (10, 30)), event("d", (11, 0), (12, 0))],
                       8 * 60, 40)
    lanes = {b.event.id: (b.top, b.bottom, b.lane, b.lanes) for b in blocks}
    assert lanes == {"a": (4, 8, 0, 2), "b": (6, 12, 1, 2), "c": (8, 10, 0, 2),
                     "d": (12, 16, 0, 1)}  # c reuses a's lane; d touches b: no overlap
    long = EventRecord("x", "visit", "Visit: Ashby Brook Primary School", at(30, 9), at(30, 10),
                     people=("Helen Marsden", "Emma Kowalski"))
    assert block_lines(long, 11, 3) == ["Visit      ", "Ashby Brook", "Primary …  "]
    assert block_lines(long, 3, 4) == ["Vi…", "As…", "He…", "Em…"]
