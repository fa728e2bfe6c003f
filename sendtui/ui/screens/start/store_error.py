"""The store cannot be used: say why in words, change nothing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class StoreErrorScreen(Screen):
    BINDINGS = [Binding("q,escape", "app.quit", "Quit", id="quit")]

    def __init__(self, reason: str):
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="store-error", classes="panel"):
            yield Static("The store cannot be used", classes="heading")
            yield Static(self.reason, id="store-error-reason", markup=False)
            yield Static("Nothing in the file was changed. Start sendtui with --db to open "
                         "another store, or run 'sendtui doctor' for details.", classes="hint")
        yield Footer()
