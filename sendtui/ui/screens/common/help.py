"""Every key of the screen underneath, in words: the screen's own, then the app's."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from sendtui.ui.widgets.dimmed import DimmedModal

SCROLLBAR = 2  # the table scrolls when the keys outgrow it
MOVING = ("↑ ↓ pgup pgdn", "Move; enter opens the row", "")


class HelpScreen(DimmedModal):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="close-help")]

    def __init__(self, under: Screen):
        super().__init__()
        self.keys = keys_of(under)
        self.title_text = f"Keys: {screen_name(under)}"

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="form"):
            yield Static(self.title_text, classes="heading", markup=False)
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static("escape or ? closes · the id names the key in config.toml",
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one("#help-keys", DataTable).focus()
        self.call_after_refresh(self.fill)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill)

    def fill(self) -> None:
        """The keys and ids in full; the description takes the width that is left and is
        cut (with …) only when the terminal is narrow: the id is what config.toml needs."""
        grid = self.query_one("#help-keys", DataTable)
        key_width, id_width = (max(len(row[i]) for row in self.keys) for i in (0, 2))
        room = grid.scrollable_content_region.width - SCROLLBAR - 2 * grid.cell_padding * 3
        does_width = max(room - key_width - id_width, 8)
        row = grid.cursor_row
        grid.clear(columns=True)
        grid.add_column("Key", width=key_width)
        grid.add_column("Does", width=does_width)
        grid.add_column("Id", width=id_width)
        for keys, does, binding_id in self.keys:
            grid.add_row(Text(keys), Text(does, overflow="ellipsis", no_wrap=True),
                         Text(binding_id))
        grid.move_cursor(row=row)


def screen_name(screen: Screen) -> str:
    """The screen in words: its heading, else its class ("EvidenceDetail": "Evidence
    detail", "WelcomeScreen": "Welcome")."""
    name = getattr(screen, "HEADING", "") or getattr(screen, "heading", "")
    if name:
        return name
    words = re.findall(r"[A-Z][a-z0-9]*", type(screen).__name__.removesuffix("Screen"))
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else "this screen"


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
