"""A DataTable that lays out each cell's text once, not on every repaint, and does not
measure cells for columns of a set width.

Textual renders every visible cell again (its text through rich: ~0.15 ms a cell, 35–45 ms
for a screenful) whenever the table's look changes — focus (the table is tinted while
focused), the rows replaced by a search — though the text of most cells is the same. Here a
cell's text is laid out once per content and width, and only the table's styles (zebra,
cursor, focus tint) are laid over it again: the same segments as Textual's own rendering.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.widgets import DataTable


def text_key(cell) -> tuple | None:
    """What a text cell's layout depends on; None for anything else (laid out each time)."""
    if type(cell) is not Text:
        return None
    return (cell.plain, tuple(cell.spans), cell.style, cell.justify, cell.overflow,
            cell.no_wrap, cell.end, cell.tab_size)


def shortened(cell, width: int):
    """A long text cut to what one line of `width` shows, if that lays out the same: rich
    measures the whole text (~0.1 ms for a paragraph) to show its first cells."""
    if type(cell) is not Text or cell.justify not in (None, "default", "left"):
        return cell
    keep = 2 * width + 8
    if len(cell.plain) <= keep or "\n" in cell.plain or "\t" in cell.plain:
        return cell
    short = cell[:keep]
    return short if cell_len(short.plain) > width else cell  # cut short both ways


class CellTextOnce(DataTable):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._text_layouts: LRUCache[tuple, list[Segment]] = LRUCache(20_000)

    def _update_dimensions(self, new_rows) -> None:
        # Textual measures every cell of every new row to size the columns that fit their
        # content (200 rows: 15–20 ms a search key); the app's columns have set widths, so
        # only the rows that need more than that (a label, an automatic height) go through.
        if not any(column.auto_width for column in self.columns.values()):
            new_rows = [key for key in new_rows if (row := self.rows.get(key)) is not None
                        and (row.label is not None or row.auto_height)]
        super()._update_dimensions(new_rows)

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False):
        plain = (row_index >= self.fixed_rows and column_index >= self.fixed_columns
                 and row_index >= 0 and column_index >= 0)
        row_key = self._row_locations.get_key(row_index) if plain else None
        if not plain or self.rows[row_key].height != 1:
            return super()._render_cell(row_index, column_index, base_style, width, cursor,
                                        hover)
        column_key = self._column_locations.get_key(column_index)
        key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor,
               self._update_count, self._pseudo_class_state)  # Textual's own cache key
        if key not in self._cell_render_cache:
            self._cell_render_cache[key] = self._cell_lines(
                row_index, column_index, base_style, width, cursor, hover)
        return self._cell_render_cache[key]

    def _cell_lines(self, row_index: int, column_index: int, base_style: Style, width: int,
                    cursor: bool, hover: bool) -> list[list[Segment]]:
        """As DataTable._render_cell for a one-line body cell, the text laid out (and cut to
        the width) once; only the styles are laid over it again."""
        cell = self._get_row_renderables(row_index)[1][column_index]
        key = text_key(cell)
        line = None if key is None else self._text_layouts.get(
            (key, width, self.cell_padding))
        if line is None:
            cell = shortened(cell, width)
            options = self.app.console_options.update_dimensions(width, 1).update(
                no_wrap=True)
            layout = self.app.console.render(Padding(cell, (0, self.cell_padding)), options)
            line = next(Segment.split_and_crop_lines(layout, width, include_new_lines=False,
                                                     pad=True), None)
            if key is not None:
                self._text_layouts[(key, width, self.cell_padding)] = line
        if line is None:
            return [[Segment(" " * width)]]
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        return [list(Segment.apply_style(line, pre_style + component_style, post_style))]
