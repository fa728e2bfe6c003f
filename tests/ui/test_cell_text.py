"""The list screens' table lays each cell's text out once: what it draws must be exactly what
Textual's DataTable draws, focused or not, under the cursor or not, cut short or not."""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.widgets import DataTable

from sendtui.ui.screens.common.base import PlainTable

ROWS = [("Mon 30 Nov 09:00", "A1", Text("the children said “no”", style="italic")),
        ("Tue 1 Dec 14:30", "B12", Text.assemble("a ", ("match", "bold reverse"), " here")),
        ("Wed 2 Dec 08:05", "", "a long line of text that the column cuts short " * 3)]


class Table(App):
    def compose(self):
        table = PlainTable(cursor_type="row", zebra_stripes=True)
        table.add_columns("when", "line", "text")
        for row in ROWS:
            table.add_row(*row)
        yield table


def drawn(table: PlainTable, mine: bool) -> list:
    """Every body cell at a few widths, cursor and hover each way, caches emptied."""
    cells = []
    for row in range(len(ROWS)):
        for column in range(3):
            for width in (4, 11, 40):
                for cursor, hover in ((False, False), (True, False), (False, True)):
                    table._cell_render_cache.clear()
                    render = table._render_cell if mine else (
                        lambda *a: DataTable._render_cell(table, *a))
                    cells.append(render(row, column, table._get_row_style(
                        row, table.rich_style), width, cursor, hover))
    return cells


async def test_cells_are_drawn_as_textual_draws_them():
    app = Table()
    async with app.run_test() as pilot:
        table = app.query_one(PlainTable)
        for focused in (True, False):
            if focused:
                table.focus()
            else:
                table.blur()
            await pilot.pause()
            assert table.has_focus is focused
            assert drawn(table, mine=True) == drawn(table, mine=False)
            assert table._text_layouts  # laid out once, kept
