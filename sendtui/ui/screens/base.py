"""What every task screen shares: the header, a title line, the footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static


class TaskScreen(Screen):
    """A screen over the open inspection. Subclasses yield their body from `body()`."""

    HEADING = ""

    @property
    def store(self):
        return self.app.store

    @property
    def inspection(self):
        return self.app.inspection

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._tabs(), classes="tabs")
        yield from self.body()
        yield Footer()

    def _tabs(self) -> str:
        """The screens and their number keys; the current one marked in words, not colour."""
        from sendtui.ui.app import SCREEN_KEYS

        return "  ".join(
            f"[b reverse] {key} {label} [/]" if label == self.HEADING.split()[0]
            else f"[dim]{key}[/] {label}"
            for key, (_, label) in SCREEN_KEYS.items())

    def body(self) -> ComposeResult:
        yield from ()


def table(id: str, *columns: str) -> DataTable:
    """A row-cursor table with zebra stripes (meaning never by colour alone)."""
    t = DataTable(id=id, cursor_type="row", zebra_stripes=True)
    t.add_columns(*columns)
    return t
