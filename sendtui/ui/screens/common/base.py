"""What every task screen shares: the header, a title line, the footer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static


class TaskScreen(Screen):
    """A screen over the open inspection. Subclasses yield their body from `body()` and
    read the store again in `refresh_data()` (after an undo, a capture, a return to it)."""

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

    def refresh_data(self) -> None:
        raise NotImplementedError

    def ready_for_undo(self) -> bool:
        """False (having said why) while a change is half made."""
        return True


class PlainTable(DataTable):
    """A table whose text cells are shown as typed, never read as markup."""

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(Text(c) if isinstance(c, str) else c for c in cells), **kwargs)


def table(id: str, *columns: str) -> PlainTable:
    """A row-cursor table with zebra stripes (meaning never by colour alone)."""
    t = PlainTable(id=id, cursor_type="row", zebra_stripes=True)
    t.add_columns(*columns)
    return t
