"""The on-site week as a planner grid: add, move, resize, copy and remove events by key.

The grid only draws; this screen reads the store, writes through sendtui.store.events (each
change one undoable action) and, after every change, reads the events and problems again.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from sendtui.domain.dates import local_date, short_day
from sendtui.domain.frameworks import on_site_days
from sendtui.domain.schedule import Problem, Rules
from sendtui.records import EventRecord, PersonRecord, SettingRecord
from sendtui.store import planning
from sendtui.store.week_reads import Away
from sendtui.ui.screens.common.base import TaskScreen
from sendtui.ui.screens.common.copy import copy_binding, copy_row
from sendtui.ui.screens.common.erase import erase_binding
from sendtui.ui.screens.week import text as words
from sendtui.ui.screens.week.action import ActionFromEvent
from sendtui.ui.screens.week.away import AwayPeriods
from sendtui.ui.screens.week.changes import EventChanges
from sendtui.ui.screens.week.free_slots import FreeSlots
from sendtui.ui.screens.week.move import MoveMode
from sendtui.ui.widgets.week_grid import WeekGrid
from sendtui.ui.widgets.week_layout import ColumnKey, instant, minutes_of_day

MOST_PROBLEMS = 100  # each one wraps in the panel: thousands would slow every change


@dataclass(frozen=True)
class WeekRead:
    """Everything the week shows, read in one go off the UI thread."""

    rules: Rules
    events: list[EventRecord]
    people: list[PersonRecord]
    problems: list[Problem]
    on_site: list[dt.date]
    settings: list[SettingRecord]
    away: tuple[Away, ...]


class WeekScreen(MoveMode, ActionFromEvent, FreeSlots, AwayPeriods, EventChanges, TaskScreen):
    HEADING = "Week"
    BINDINGS = [
        Binding("a", "add", "Add", id="add-event"),
        Binding("enter", "place", "Place here", id="place-event"),  # only while moving
        Binding("escape", "put_back", "Put back", id="put-back-event"),  # only while moving
        Binding("enter,e", "edit", "Edit", id="edit-event"),
        Binding("m", "move", "Move", id="move-event"),
        Binding("shift+up", "resize(-15)", "End 15 min earlier", id="shorten-event", show=False),
        Binding("shift+down", "resize(15)", "End 15 min later", id="lengthen-event", show=False),
        Binding("c", "duplicate", "Copy straight after", id="duplicate-event", show=False),
        Binding("d", "remove", "Delete", id="remove-event"),
        erase_binding("erase-event", "Erase"),  # short: the planner's footer is full
        Binding("v", "toggle_view", "Day/person", id="toggle-view"),
        Binding("left_square_bracket", "day(-1)", "Day before", id="previous-day",
                key_display="[", show=False),
        Binding("right_square_bracket", "day(1)", "Next day", id="next-day",
                key_display="]", show=False),
        Binding("f", "free_slot", "Free slot", id="find-free-slot"),
        Binding("t", "add_action", "Action from event", id="action-from-event", show=False,
                tooltip="An action from the event under the cursor (a keep-in-touch request)"),
        Binding("i", "import_schedule", "Import", id="week-import", show=False,
                tooltip="Import a schedule from a CSV file (a preview first)"),
        copy_binding("event"),
    ]

    by_person = reactive(False, init=False)  # one column per person for `day`, or the week
    day: reactive[dt.date | None] = reactive(None, init=False)  # of the by-person view

    def __init__(self) -> None:
        super().__init__()
        self.move = None
        self.days: list[dt.date] = []
        self.events: list[EventRecord] = []
        self.people: list[PersonRecord] = []
        self.problems: list[Problem] = []
        self.settings: list[SettingRecord] = []  # for the event form
        self.away: tuple[Away, ...] = ()  # unavailable periods, shaded in the grid
        self.listed: list[Problem] | None = None  # the problems the panel shows

    def body(self) -> ComposeResult:
        yield WeekGrid(id="grid")  # its working hours come with the first read
        yield Static("", id="week-detail", markup=False)
        yield OptionList(id="problems")

    @property
    def grid(self) -> WeekGrid:
        return self.query_one("#grid", WeekGrid)

    def on_mount(self) -> None:
        self.query_one(Footer).compact = True  # room for every key of the planner
        self.refresh_data(first=True)

    def _first_shown(self, rules) -> None:
        """Before the first read is drawn: the grid's hours; after it: today at 09:00."""
        if rules is not None:
            self.grid.set_hours(rules.day_start, rules.day_end)
            return
        if self.app.today in self.days:
            self.day = self.app.today
        self.grid.move_to(ColumnKey(self.day), instant(self.day, 9 * 60))
        self.grid.focus()

    # --- reading and showing ----------------------------------------------------------

    def watch_by_person(self) -> None:
        self._show()

    def watch_day(self) -> None:
        if self.by_person:
            self._show()

    def ready_for_undo(self) -> bool:
        return not self.busy()

    def read_in_thread(self) -> WeekRead:
        week = planning.week(self.store, self.inspection.id)
        return WeekRead(week.rules, week.events, week.people, week.problems,
                        on_site_days(week.key_dates), week.settings, week.away)

    def loaded(self, read: WeekRead, select: str | None = None,
               column: ColumnKey | None = None, first: bool = False) -> None:
        """The grid, panel and detail from what was read. The cursor goes to `select` (in
        `column` if given), else follows the event it was on if that moved (undo)."""
        if first:
            self._first_shown(read.rules)
        under = self.grid.event_under_cursor
        self.events, self.people, self.problems = read.events, read.people, read.problems
        self.settings, self.away = read.settings, read.away
        event_days = {local_date(e.start) for e in self.events}
        self.days = sorted(set(read.on_site) | event_days) or [self.app.today]
        if self.day not in self.days:
            self.set_reactive(WeekScreen.day, self.days[0])  # shown just below
        self._show()
        now_under = self.grid.event_under_cursor
        if select is None and under and (now_under is None or now_under.id != under.id):
            select = under.id
        if select:
            self.grid.select(select, column or self.grid.cursor_key)
        self._fill_problems()
        self._describe()
        if first:
            self._first_shown(None)

    def _show(self) -> None:
        events = self.events
        if self.move:
            pending = self.move.pending
            events = [pending if e.id == pending.id else e for e in events]
        flagged = {i for p in self.problems for i in p.events}
        if self.by_person:
            self.grid.show(events, words.person_columns(self.day, self.people), flagged,
                           corner=words.corner(self.day), away=self.away)
        else:
            self.grid.show(events, words.day_columns(self.days), flagged, away=self.away)

    def _fill_problems(self) -> None:
        if self.problems == self.listed:
            return
        self.listed = self.problems
        panel = self.query_one("#problems", OptionList)
        highlighted = panel.highlighted
        panel.clear_options()
        shown = self.problems[:MOST_PROBLEMS]
        if shown:
            panel.add_options(Option(words.problem_line(p.severity, p.message), id=str(n))
                              for n, p in enumerate(shown))
            panel.highlighted = min(highlighted or 0, len(shown) - 1)
        else:
            panel.add_option(Option(words.NO_PROBLEMS, disabled=True))
        panel.border_title = words.problems_title(len(self.problems), len(shown))

    def _describe(self) -> None:
        grid = self.grid
        event = grid.event_under_cursor
        if self.move:
            text = words.moving_detail(self.move.pending)
        elif event:
            text = words.event_detail(event, sum(event.id in p.events for p in self.problems))
        elif here := self.away_here():
            text = words.away_detail(here, self.people)
        elif grid.cursor_start:
            person = grid.cursor_key.person_id
            text = words.free_detail(grid.cursor_start,
                                     words.names_of((person,), self.people) if person else None)
        else:
            text = ""
        # One line of fixed size: no layout pass, so it repaints in the grid's frame.
        self.query_one("#week-detail", Static).update(text, layout=False)

    @on(WeekGrid.CursorMoved)
    async def _cursor_moved(self, message: WeekGrid.CursorMoved) -> None:
        if self.move and message.column_key and message.start:
            self._carry(message.column_key, message.start)
        self._describe()
        # Let the detail line post its repaint now, so it lands in the grid's frame
        # instead of one or two frames later.
        await asyncio.sleep(0)

    @on(OptionList.OptionSelected, "#problems")
    def _problem_chosen(self, message: OptionList.OptionSelected) -> None:
        if self.busy():
            return
        problem = self.problems[int(message.option.id)]
        if not problem.events:
            self.notify("This problem is about the week as a whole, not one event.")
            return
        self.show_event(problem.events[0])
        self.grid.focus()

    def show_event(self, event_id: str) -> None:
        """The cursor on an event, changing the day or the view if it is not in sight."""
        event = next((e for e in self.events if e.id == event_id), None)
        if event is None:
            return
        if self.by_person and not event.person_ids:
            self.by_person = False
        self.day = local_date(event.start)
        key = ColumnKey(self.day, event.person_ids[0]) if self.by_person else None
        self.grid.select(event_id, key)

    # --- views and finding -------------------------------------------------------------

    def action_import_schedule(self) -> None:
        from sendtui.ui.screens.setup.imports import open_import

        if not self.busy():
            open_import(self.app, "schedule")

    def action_toggle_view(self) -> None:
        if self.busy():
            return
        grid = self.grid
        event, key, start = grid.event_under_cursor, grid.cursor_key, grid.cursor_start
        self.day = key.day
        self.by_person = not self.by_person
        if event and (event.person_ids or not self.by_person):
            self.show_event(event.id)
            return
        first = self.people[0].id if self.people and self.by_person else None
        self.grid.move_to(ColumnKey(key.day, first), start)

    def action_day(self, step: int) -> None:
        if self.busy():
            return
        key, start = self.grid.cursor_key, self.grid.cursor_start
        index = self.days.index(key.day) + step
        if not 0 <= index < len(self.days):
            self.notify(f"{short_day(key.day)} is the {'first' if step < 0 else 'last'} "
                        "day shown.")
            return
        self.day = self.days[index]
        self.grid.move_to(key._replace(day=self.day), instant(self.day, minutes_of_day(start)))

    def action_copy_row(self) -> None:
        event = self.grid.event_under_cursor
        copy_row(self, "event", words.event_detail(event, 0) if event else None)
