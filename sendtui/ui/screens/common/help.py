"""Every key of the screen underneath, in words: the screen's own, then the app's."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from sendtui.ui.widgets.dimmed import DimmedModal

MOVING = ("arrows pgup pgdn", "Move; enter opens the row", "")


class HelpScreen(DimmedModal):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="close-help")]

    def __init__(self, under: Screen):
        super().__init__()
        self.keys = keys_of(under)
        name = getattr(under, "HEADING", "") or getattr(under, "heading", "")
        self.title_text = f"Keys: {name or type(under).__name__}"

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="form"):
            yield Static(self.title_text, classes="heading", markup=False)
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static("escape or ? closes · the id names the key in config.toml",
                         classes="hint")

    def on_mount(self) -> None:
        grid = self.query_one("#help-keys", DataTable)
        grid.add_columns("Key", "Does", "Id")
        for row in self.keys:
            grid.add_row(*(Text(cell) for cell in row))
        grid.focus()


def keys_of(screen: Screen) -> list[tuple[str, str, str]]:
    """(keys, description, binding id): the screen's actions, the app's, Textual's own.

    A widget's own keys are listed when they have an id (the week grid's); the rest (a
    table's cursor keys) are summed up in one line.
    """
    def rank(active) -> int:
        return (0 if active.node is screen else 1) if active.binding.id else 2  # ours have ids

    by_action: dict[str, tuple[list[str], str, str, int]] = {}
    for active in sorted(screen.active_bindings.values(), key=rank):
        binding, node = active.binding, active.node
        if not binding.description or (node not in (screen, screen.app) and not binding.id):
            continue
        shown = binding.key_display or screen.app.get_key_display(binding)
        keys, *_ = by_action.setdefault(binding.action, (
            [], binding.description, binding.id or "", rank(active)))
        if shown not in keys:
            keys.append(shown)
    rows = sorted(by_action.values(), key=lambda v: v[3])
    return [(" / ".join(k), d, i) for k, d, i, _ in rows] + [MOVING]
