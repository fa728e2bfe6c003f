"""What the list screens share (settings, people, lines, evidence): a summary over a table
of things, the selected one in full under it, the cursor kept on its thing through a refresh.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from sendtui.ui.screens.common import base
from sendtui.ui.screens.common.base import TaskScreen
from sendtui.ui.screens.common.copy import copy_row


def search_binding(prefix: str, tooltip: str) -> Binding:
    return Binding("slash", "search", "Search", id=f"{prefix}-search", key_display="/",
                   tooltip=tooltip)


def clear_search_binding(prefix: str) -> Binding:
    return Binding("escape", "clear_search", "Clear search", id=f"{prefix}-clear-search")


class ListScreen(TaskScreen):
    """Subclasses read the store in `refresh_data()` and fill the table in `show()`."""

    TABLE = ""  # the table's id; "#TABLE-summary" is above it, "#TABLE-detail" under it
    EMPTY = ""  # the summary while the inspection has none of these yet
    DETAIL = "detail"  # the classes of the line under the table
    COPIES = "row"  # what `y` says it copied: the word for one thing of the table

    def __init__(self) -> None:
        super().__init__()
        self.width_shown = 0  # the terminal width the columns were fitted to

    def body(self) -> ComposeResult:
        yield Static("", id=f"{self.TABLE}-summary", classes="hint", markup=False)
        yield from self.above_table()
        yield self.new_table()
        yield Static("", id=f"{self.TABLE}-detail", classes=self.DETAIL, markup=False)
        yield from self.below_table()

    def above_table(self) -> ComposeResult:
        yield from ()

    def below_table(self) -> ComposeResult:
        yield from ()

    def new_table(self) -> DataTable:
        return base.table(self.TABLE)

    @property
    def table(self) -> DataTable:
        return self.query_one(f"#{self.TABLE}", DataTable)

    @property
    def showing(self) -> bool:
        """Whether the screen still has its table: a read finishing as the app closes (or as
        another program's change is read again) finds none, and has nothing to show."""
        return self.is_mounted and bool(self.query(f"#{self.TABLE}"))

    def on_mount(self) -> None:
        self.refresh_data()
        self.table.focus()

    def on_resize(self) -> None:
        if self.is_mounted and self.app.size.width != self.width_shown:
            self.show()

    # --- what subclasses give ------------------------------------------------------------

    def listed(self) -> list:
        """The things in the table, in its order (each with an id, the row's key)."""
        raise NotImplementedError

    def show(self) -> None:
        """Fill the table from what was read last (the terminal may have changed width)."""
        raise NotImplementedError

    def summary(self) -> str:
        return ""

    def describe(self, thing) -> str:
        return ""

    def is_empty(self) -> bool:
        return not self.listed()

    def open_selected(self) -> None:
        """enter on a row."""

    def copy_text(self, thing) -> str:
        """What `y` puts on the clipboard: the thing in full as under the table, one line."""
        return " · ".join(line for line in self.describe(thing).splitlines() if line.strip())

    # --- shared --------------------------------------------------------------------------

    def selected(self):
        things, row = self.listed(), self.table.cursor_row
        return things[row] if 0 <= row < len(things) else None

    def refresh_kept(self) -> None:
        thing = self.selected()
        self._kept = thing.id if thing else None  # read before the new rows replace it
        self.refresh_data()

    def put_cursor(self, key: str | None, row: int = 0) -> None:
        """On the row of the thing `key` if it is listed (else the thing kept by
        `refresh_kept`), else on `row` (or the last)."""
        kept, self._kept = getattr(self, "_kept", None), None
        key = key or kept
        keys = [thing.id for thing in self.listed()]
        self.table.move_cursor(row=keys.index(key) if key in keys
                               else min(row, max(len(keys) - 1, 0)))

    def show_summary(self) -> None:
        self.query_one(f"#{self.TABLE}-summary", Static).update(
            self.EMPTY if self.is_empty() and self.EMPTY else self.summary())

    def show_detail(self) -> None:
        thing = self.selected()
        self.query_one(f"#{self.TABLE}-detail", Static).update(
            self.describe(thing) if thing else "")

    def action_copy_row(self) -> None:
        thing = self.selected()
        copy_row(self, self.COPIES, self.copy_text(thing) if thing else None)

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """enter on a row (the table takes the key before the screen does)."""
        event.stop()
        self.open_selected()

    # --- the search box, on the screens that have one --------------------------------------

    def search_box(self, placeholder: str) -> Input:
        return Input(placeholder=placeholder, id=f"{self.TABLE}-search", compact=True)

    @property
    def search(self) -> str:
        boxes = self.query(f"#{self.TABLE}-search").results(Input)
        return next((box.value for box in boxes), "")

    def action_search(self) -> None:
        self.query_one(f"#{self.TABLE}-search").focus()

    def check_action(self, action: str, parameters) -> bool | None:
        """escape is offered only while there is a search to clear or leave."""
        if action == "clear_search":
            return bool(self.search) or self.focused is self.query_one(f"#{self.TABLE}-search")
        return True
