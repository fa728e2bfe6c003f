"""The week planner grid: columns of days (or of people on one day), rows of quarter hours.

Line API: a screen line is a cached strip of the row, cropped to the scroll position, with
the cursor drawn on top, so moving the cursor repaints cheaply. Data flows down with
`show`; the cursor flows up as `CursorMoved`. Meaning never rests on colour: the cursor is
reversed and starts with ▶ (✥ while moving an event), a block with a problem starts with !.
"""

from __future__ import annotations

import datetime as dt

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sendtui.records import EventRecord
from sendtui.ui.widgets.week_draw import GUTTER, LANE, NARROWEST, GridDrawing
from sendtui.ui.widgets.week_layout import (
    STEP,
    Block,
    ColumnKey,
    away_rows,
    blocks_of,
    events_by_column,
    hours_shown,
    instant,
    lane_span,
    rows_covered,
)


class WeekGrid(GridDrawing, ScrollView, can_focus=True):
    DEFAULT_CSS = """
    WeekGrid {
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        scrollbar-size-horizontal: 1;
        height: 1fr;
    }
    WeekGrid > .week-grid--header { text-style: bold; background: $panel; }
    WeekGrid > .week-grid--gutter { color: $text-muted; }
    WeekGrid > .week-grid--rule { color: $text-muted; }
    WeekGrid > .week-grid--block { background: $primary-muted; color: $text; }
    WeekGrid > .week-grid--problem { background: $error-muted; color: $text; }
    WeekGrid > .week-grid--edge { background: $primary-muted; color: $primary; }
    WeekGrid > .week-grid--cursor { text-style: reverse bold; }
    WeekGrid > .week-grid--away { background: $warning-muted; color: $text-warning; }
    """
    COMPONENT_CLASSES = {"week-grid--header", "week-grid--gutter", "week-grid--rule",
                         "week-grid--block", "week-grid--problem", "week-grid--cursor",
                         "week-grid--edge", "week-grid--away"}
    BINDINGS = [
        Binding("up,k", "cursor(0, -1)", "15 min earlier", id="grid-up", show=False),
        Binding("down,j", "cursor(0, 1)", "15 min later", id="grid-down", show=False),
        Binding("left,h", "cursor(-1, 0)", "Left: lane or column", id="grid-left", show=False),
        Binding("right,l", "cursor(1, 0)", "Right: lane or column", id="grid-right", show=False),
        Binding("pageup", "cursor(0, -4)", "An hour earlier", id="grid-hour-up", show=False),
        Binding("pagedown", "cursor(0, 4)", "An hour later", id="grid-hour-down",
                show=False),
    ]

    class CursorMoved(Message):
        """The cursor is on another cell, or another event is under it."""

        def __init__(self, grid: "WeekGrid", column_key: ColumnKey | None,
                     start: dt.datetime | None, event_id: str | None):
            super().__init__()
            self.grid = grid
            self.column_key = column_key
            self.start = start  # UTC
            self.event_id = event_id

        @property
        def control(self) -> "WeekGrid":
            return self.grid

    def __init__(self, day_start: dt.time = dt.time(8), day_end: dt.time = dt.time(18),
                 *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.moving = False  # arrows step whole columns; the cursor shows ✥
        self._columns: list[tuple[ColumnKey, str]] = []
        self._blocks: list[list[Block]] = []
        self._covering: list[list[list[Block]]] = []  # [column][row] → blocks there
        self._problems: set[str] = set()
        self._away: list[frozenset[int]] = []  # [column] → rows someone is unavailable in
        self._corner = ""
        self._rows = 0
        self.set_hours(day_start, day_end)  # and the first row shown
        self._most_lanes = 1
        self._width = NARROWEST
        self._col, self._row, self._lane = 0, 4, 0
        self._posted: tuple | None = None
        self._row_cache: dict[int, Strip] = {}
        self._text_cache: dict[tuple[int, str], list[str]] = {}
        self._styles: dict[str, Style] = {}

    # --- data down ----------------------------------------------------------------------

    def set_hours(self, day_start: dt.time, day_end: dt.time) -> None:
        """The working day shown at least (before the first `show`)."""
        self.working_hours = (day_start.hour * 60 + day_start.minute,
                              day_end.hour * 60 + day_end.minute)
        self._first = self.working_hours[0]

    def show(self, events: list[EventRecord], columns: list[tuple[ColumnKey, str]],
             problem_event_ids: set[str], corner: str = "", away=()) -> None:
        """Draw these events in these columns; blocks of problem events are marked, the
        free time of unavailable periods (`away`: person_id, start, end) is shaded."""
        placed = events_by_column(events, [key for key, _ in columns])
        first, last = hours_shown(placed, *self.working_hours)
        cursor_minutes = self._first + self._row * STEP  # the cursor keeps its time of day
        self._columns, self._problems, self._corner = list(columns), set(problem_event_ids), corner
        self._first, self._rows = first, (last - first) // STEP
        self._blocks = [blocks_of(column, first, self._rows) for column in placed]
        self._covering = [rows_covered(blocks, self._rows) for blocks in self._blocks]
        self._away = away_rows(away, [key for key, _ in columns], first, self._rows)
        self._most_lanes = max((b.lanes for bs in self._blocks for b in bs), default=1)
        self._relayout()
        self._place(self._col, (cursor_minutes - first) // STEP, self._lane)

    # --- where the cursor is ------------------------------------------------------------

    @property
    def cursor_key(self) -> ColumnKey | None:
        return self._columns[self._col][0] if self._columns else None

    @property
    def cursor_start(self) -> dt.datetime | None:
        key = self.cursor_key
        return instant(key.day, self._first + self._row * STEP) if key else None

    @property
    def event_under_cursor(self) -> EventRecord | None:
        block = self._block_at(self._col, self._row, self._lane)
        return block.event if block else None

    def select(self, event_id: str, column_key: ColumnKey | None = None) -> bool:
        """Put the cursor on the event's first row (in column_key when it shows there)."""
        found = [(c, b) for c, blocks in enumerate(self._blocks)
                 for b in blocks if b.event.id == event_id]
        if not found:
            return False
        col, block = next(((c, b) for c, b in found
                           if self._columns[c][0] == column_key), found[0])
        self._place(col, block.top, block.lane)
        return True

    def move_to(self, column_key: ColumnKey, start: dt.datetime) -> bool:
        """Put the cursor on a column at a time (the row holding that instant)."""
        keys = [key for key, _ in self._columns]
        if column_key not in keys:
            return False
        minutes = (start - instant(column_key.day, self._first)).total_seconds() // 60
        self._place(keys.index(column_key), int(minutes // STEP), 0)
        return True

    def action_cursor(self, columns: int, rows: int) -> None:
        if not self._columns:
            return
        if columns:
            self._step_sideways(columns)
        else:
            lanes = self._lanes_at(self._col, self._row + rows)
            self._place(self._col, self._row + rows, min(self._lane, lanes - 1))

    def _step_sideways(self, step: int) -> None:
        lane = self._lane + step
        if not self.moving and 0 <= lane < self._lanes_at(self._col, self._row):
            self._place(self._col, self._row, lane)
            return
        col = self._col + step
        if 0 <= col < len(self._columns):
            self._place(col, self._row, 0 if step > 0 else self._lanes_at(col, self._row) - 1)

    def _place(self, col: int, row: int, lane: int) -> None:
        if not self._columns:
            self._posted = None
            self.refresh()
            return
        self._col = min(max(col, 0), len(self._columns) - 1)
        self._row = min(max(row, 0), self._rows - 1)
        self._lane = min(max(lane, 0), self._lanes_at(self._col, self._row) - 1)
        self._scroll_to_cursor()
        self.refresh()
        event = self.event_under_cursor
        now = (self.cursor_key, self.cursor_start, event.id if event else None)
        if now != self._posted:
            self._posted = now
            self.post_message(self.CursorMoved(self, *now))

    def _scroll_to_cursor(self) -> None:
        if not self.size:  # not laid out yet: on_resize scrolls
            return
        x0, x1 = self._lane_x(self._col, self._row, self._lane)
        region = Region(GUTTER + x0, self._row + 1, x1 - x0, 1)
        self.scroll_to_region(region, animate=False, force=True,
                              spacing=Spacing(top=1, left=GUTTER))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.x < GUTTER or offset.y < 1 or not self._columns:
            return
        x = offset.x - GUTTER + int(self.scroll_x)
        col, row = x // self._width, offset.y - 1 + int(self.scroll_y)
        if col >= len(self._columns) or row >= self._rows:
            return
        lanes = self._lanes_at(col, row)
        within = x - col * self._width
        lane = next((n for n in range(lanes)
                     if within < lane_span(n, lanes, self._width - 1)[1]), lanes - 1)
        self.focus()
        self._place(col, row, lane)

    # --- geometry -----------------------------------------------------------------------

    def _relayout(self) -> None:
        room = self.scrollable_content_region.width - GUTTER
        self._width = max(NARROWEST, room // max(len(self._columns), 1),
                          self._most_lanes * LANE + 1)
        self.virtual_size = Size(GUTTER + self._width * len(self._columns), self._rows + 1)
        self._row_cache.clear()
        self._text_cache.clear()

    def on_resize(self) -> None:
        if self._columns:
            self._relayout()
            self._place(self._col, self._row, self._lane)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._row_cache.clear()
        self.refresh()

    def _lanes_at(self, col: int, row: int) -> int:
        if not 0 <= row < self._rows:
            return 1
        covering = self._covering[col][row]
        return covering[0].lanes if covering else 1

    def _block_at(self, col: int, row: int, lane: int) -> Block | None:
        if not self._columns or not 0 <= row < self._rows:
            return None
        return next((b for b in self._covering[col][row] if b.lane == lane), None)

    def _lane_x(self, col: int, row: int, lane: int) -> tuple[int, int]:
        x0, x1 = lane_span(lane, self._lanes_at(col, row), self._width - 1)
        return col * self._width + x0, col * self._width + x1
