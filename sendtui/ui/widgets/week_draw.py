"""How the week grid draws itself: the header, the time gutter and each row as a strip,
cached per row, with the cursor drawn over the row it is on."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from sendtui.ui.widgets.week_layout import STEP, block_lines, fit, lane_span

GUTTER = 6  # "09:00 "
NARROWEST = 12  # a column never gets narrower than this; the grid scrolls instead
LANE = 4  # the narrowest lane: an edge and "Vi…"; many overlaps widen every column
CURSOR, MOVING, PROBLEM, EDGE, AWAY = "▶", "✥", "!", "▎", "╱"


class GridDrawing:
    """The drawing half of WeekGrid; the grid holds the state it reads."""

    def _style(self, name: str) -> Style:
        if name not in self._styles:
            self._styles[name] = self.rich_style if name == "base" else \
                self.get_component_rich_style(f"week-grid--{name}")
        return self._styles[name]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            body = self._header()
            gutter = Segment(fit(self._corner, GUTTER), self._style("header"))
        else:
            row = y - 1 + int(self.scroll_y)
            if row >= self._rows:
                return Strip.blank(width, self._style("base"))
            body = self._row_strip(row)
            gutter = self._gutter(row)
        body = body.crop_extend(int(self.scroll_x), int(self.scroll_x) + width - GUTTER,
                                self._style("base"))
        return Strip.join([Strip([gutter], GUTTER), body])

    def _gutter(self, row: int) -> Segment:
        minutes = self._first + row * STEP
        text = f"{minutes // 60:02d}:{minutes % 60:02d}"
        if row == self._row and self._columns:
            return Segment(text + " ", self._style("cursor"))
        return Segment(f"{text} " if minutes % 60 == 0 else " " * GUTTER, self._style("gutter"))

    def _header(self) -> Strip:
        segments = []
        for col, (_, label) in enumerate(self._columns):
            style = self._style("cursor" if col == self._col else "header")
            segments += [Segment(fit(label, self._width - 1), style),
                         Segment("│", self._style("rule"))]
        return Strip(segments, self._width * len(self._columns))

    def _row_strip(self, row: int) -> Strip:
        if row == self._row:
            return self._draw_row(row, cursor=True)
        if row not in self._row_cache:
            self._row_cache[row] = self._draw_row(row, cursor=False)
        return self._row_cache[row]

    def _draw_row(self, row: int, cursor: bool) -> Strip:
        segments = []
        for col in range(len(self._columns)):
            lanes = self._lanes_at(col, row)
            for lane in range(lanes):
                x0, x1 = lane_span(lane, lanes, self._width - 1)
                pieces = self._piece(col, row, lane, x1 - x0)
                if cursor and col == self._col and lane == self._lane and pieces:
                    pieces = self._with_cursor(pieces)
                segments += [Segment(text, style) for text, style in pieces]
            segments.append(Segment("│", self._style("rule")))
        return Strip(segments, self._width * len(self._columns))

    def _with_cursor(self, pieces: list[tuple[str, Style]]) -> list[tuple[str, Style]]:
        """The marker first, the lane's text one cell on, all reversed."""
        mark = MOVING if self.moving else CURSOR
        text = mark + "".join(t for t, _ in pieces)[:-1]
        return [(text, pieces[-1][1] + self._style("cursor"))]

    def _piece(self, col: int, row: int, lane: int, width: int) -> list[tuple[str, Style]]:
        """A lane of a row: a slice of a block, or free time (a dot on the hour)."""
        if width <= 0:
            return []
        block = self._block_at(col, row, lane)
        if block is None and row in self._away[col]:
            return [(AWAY * width, self._style("away"))]  # hatched: not colour alone
        if block is None:
            on_hour = (self._first + row * STEP) % 60 == 0
            return [(fit("·" if on_hour else "", width), self._style("rule"))]
        event = block.event
        key = (col, event.id)
        if key not in self._text_cache:
            self._text_cache[key] = block_lines(event, width - 1, block.bottom - block.top)
        text = self._text_cache[key][row - block.top]
        problem = event.id in self._problems
        style = self._style("problem" if problem else "block")
        edge = (EDGE, style if problem else self._style("edge"))
        if row != block.top:
            return [edge, (text, style)]
        style += Style(bold=True)
        return [(PROBLEM, style) if problem else edge, (text, style)]
