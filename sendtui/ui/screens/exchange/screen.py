"""The Exchange screen (`X`, or "Exchange" in ctrl+p): how several laptops working on one
inspection keep the same copy. `e` saves a bundle (everything this laptop knows about the
inspection, encrypted) in a folder — a memory stick; `i` takes in a bundle another laptop
saved, after showing what it would change; the list below holds the evidence entries whose
text was changed on two laptops at once, each settled with enter (both texts side by side).

At the top: when this laptop last took in a bundle from each other laptop.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from sendtui.domain.clock import utc_now
from sendtui.ui.screens.common.base import TaskScreen, table
from sendtui.ui.screens.exchange.words import last_exchanged

FIRST_LINE = 60  # of an entry's text in the list: the whole of both shows on enter


@dataclass(frozen=True)
class Shown:
    laptop: str  # this laptop's name
    exchanges: list
    conflicts: list  # store.conflicts.Conflict


class ExchangeScreen(TaskScreen):
    HEADING = ""  # not one of the numbered screens: no tab is marked
    KEPT = False
    BINDINGS = [
        Binding("e", "send", "Save a bundle…", id="exchange-send",
                tooltip="Save everything this laptop knows, encrypted, for the other laptops"),
        Binding("i", "take_in", "Take in a bundle…", id="exchange-take-in",
                tooltip="Bring in what another laptop saved, after seeing what it changes"),
        Binding("enter", "settle", "Settle", id="exchange-settle",
                tooltip="Both texts of the selected entry side by side: keep one, both, or edit"),
        Binding("escape", "close", "Close", id="exchange-close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown: Shown | None = None  # None until read

    def body(self) -> ComposeResult:
        yield Static("Exchange with the other laptops", classes="heading")
        yield Static("", id="exchange-last", classes="message", markup=False)
        yield Static(Text.from_markup(
            "[b]e[/] saves a bundle for the others (on a memory stick) · [b]i[/] takes in "
            "a bundle from another laptop"), id="exchange-how", classes="message")
        yield Static("", id="exchange-conflicts-said", classes="message", markup=False)
        yield table("exchange-conflicts", "Line", "Other text written on", "The other text")

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#exchange-conflicts").focus()

    def read_in_thread(self) -> Shown:
        from sendtui.store.conflicts import open_conflicts
        from sendtui.store.exchanged import exchanges

        store = self.app.store  # its name as this laptop calls itself (the `device` row is
        # written with the first change, for other laptops)
        return Shown(store.device_name or "this laptop", exchanges(store),
                     open_conflicts(store, self.app.inspection.id))

    def loaded(self, data: Shown, select: str | None = None) -> None:
        self.shown = data
        self.query_one("#exchange-last", Static).update(
            f"This laptop: {data.laptop}. " + last_exchanged(data.exchanges, utc_now()))
        grid = self.query_one("#exchange-conflicts", DataTable)
        keep = select or _key_at(grid)
        grid.clear()
        for c in data.conflicts:
            first = " ".join(c.other_text.split())  # the entry's own text may be the same
            grid.add_row(c.line, c.note.removeprefix("written on "),
                         first if len(first) <= FIRST_LINE else first[:FIRST_LINE - 1] + "…",
                         key=c.version_id)
        grid.display = bool(data.conflicts)
        keys = [c.version_id for c in data.conflicts]
        if keep in keys:
            grid.move_cursor(row=keys.index(keep))
        n = len(data.conflicts)
        self.query_one("#exchange-conflicts-said", Static).update(
            "No conflicts: every entry's text is the same on the laptops exchanged with."
            if not n else
            f"{n} entr{'ies were' if n != 1 else 'y was'} changed on two laptops at once. "
            "Both texts are kept: press enter on one to choose what it should say.")
        self.app.conflict_words_from(n)

    def refresh_kept(self) -> None:
        self.refresh_data()

    def selected(self):
        grid = self.query_one("#exchange-conflicts", DataTable)
        if not self.shown or not self.shown.conflicts or grid.cursor_row < 0:
            return None
        return self.shown.conflicts[min(grid.cursor_row, len(self.shown.conflicts) - 1)]

    # --- keys --------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_settle()

    def action_settle(self) -> None:
        from sendtui.ui.screens.exchange.conflict import ConflictBox

        chosen = self.selected()
        if chosen is None:
            self.app.bell()
            return
        self.app.push_screen(ConflictBox(chosen), self._settled)

    def _settled(self, said: str | None) -> None:
        if said:
            self.app.notify(f"{said.capitalize()}. u undoes it.")
        self.refresh_data()

    def action_send(self) -> None:
        from sendtui.ui.screens.exchange.send import SendBox

        laptop = self.shown.laptop if self.shown else "this laptop"
        self.app.push_screen(SendBox(laptop), self._sent)

    def _sent(self, notice: str | None) -> None:
        if notice:
            self.app.notify(notice)

    def action_take_in(self) -> None:
        from sendtui.ui.screens.exchange.take_in import TakeInBox

        self.app.push_screen(TakeInBox(), self._taken_in)

    def _taken_in(self, notice: str | None) -> None:
        if notice:
            self.app.notify(notice)
            self.app.read_everything_again()

    def action_close(self) -> None:
        self.dismiss()


def _key_at(grid: DataTable) -> str | None:
    if not grid.row_count or grid.cursor_row < 0:
        return None
    return grid.coordinate_to_cell_key((grid.cursor_row, 0)).row_key.value
