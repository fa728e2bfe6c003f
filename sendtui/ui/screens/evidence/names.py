"""The names marked sensitive, by pseudonym (`M` on the evidence log): reveal them, or erase
one for good, which puts its pseudonym wherever it was written."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Footer, Static

from sendtui.ui.screens.common.base import Loads, table
from sendtui.ui.screens.common.erase import ask_and_erase, erase_binding
from sendtui.ui.widgets.dimmed import DimmedModal

HIDDEN = "hidden: r reveals"


class MarkedNamesScreen(Loads, DimmedModal):
    BINDINGS = [
        Binding("escape", "close", "Close", id="marked-names-close"),
        Binding("r", "reveal", "Reveal", id="marked-names-reveal",
                tooltip="Show the names behind the pseudonyms, or hide them again"),
        erase_binding("marked-names-erase"),
    ]

    revealed = reactive(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.marked: list | None = None  # None until read

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Names marked sensitive", classes="heading")
            yield Static("", id="marked-names-summary", classes="hint", markup=False)
            yield table("marked-names", "Pseudonym", "Name")
            yield Static("r reveals the names · E erases the selected name for good · "
                         "escape closes", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#marked-names").focus()

    def read_in_thread(self) -> list:
        from sendtui.store.names import all as protected_names

        return protected_names(self.app.store, self.app.inspection.id)

    def loaded(self, data: list) -> None:
        self.marked = data
        self.show()

    def show(self) -> None:
        grid = self.query_one("#marked-names")
        row = grid.cursor_row
        grid.clear()
        for p in self.marked or []:
            grid.add_row(p.pseudonym, p.name if self.revealed else HIDDEN, key=p.pseudonym)
        if self.marked:
            grid.move_cursor(row=min(row, len(self.marked) - 1))
        n = len(self.marked or [])
        self.query_one("#marked-names-summary", Static).update(
            "No names are marked sensitive." if not n else
            f"{n} name{'s' if n != 1 else ''}: exports and warnings use the pseudonyms.")

    def watch_revealed(self) -> None:
        self.show()

    def action_reveal(self) -> None:
        self.revealed = not self.revealed

    def action_close(self) -> None:
        self.dismiss(None)

    def action_erase(self) -> None:
        from sendtui.store.erasure import erase_name

        grid = self.query_one("#marked-names")
        if not self.marked or not 0 <= grid.cursor_row < len(self.marked):
            self.app.bell()
            return
        pseudonym = self.marked[grid.cursor_row].pseudonym
        app = self.app
        ask_and_erase(
            self, f"the name marked as {pseudonym}",
            f"Everywhere the name was written (evidence and its versions, events, people, "
            f"drafts, the undo log) will say {pseudonym} instead, and the name leaves the "
            "store; its first name alone too, where it is marked to match.",
            lambda: erase_name(app.store, app.inspection.id, pseudonym), self.refresh_data)
