"""Every key of the screen underneath, in words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="close-help")]

    def __init__(self, under: Screen):
        super().__init__()
        self.keys = _keys(under)
        self.title_text = f"Keys: {getattr(under, 'HEADING', '') or type(under).__name__}"

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="form"):
            yield Static(self.title_text, classes="heading")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static("escape or ? closes · ctrl+p searches every action", classes="hint")

    def on_mount(self) -> None:
        grid = self.query_one("#help-keys", DataTable)
        grid.add_columns("Key", "Does", "Id")
        for row in self.keys:
            grid.add_row(*row)
        grid.focus()


def _keys(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for each action that works on screen, the screen's own first."""
    by_action: dict[str, tuple[list[str], str, bool]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description:
            continue
        shown = binding.key_display or screen.app.get_key_display(binding)
        keys, _, own = by_action.setdefault(binding.action,
                                            ([], binding.description, active.node is not screen.app))
        if shown not in keys:
            keys.append(shown)
    rows = sorted(by_action.values(), key=lambda v: not v[2])
    return [(" / ".join(keys), description) for keys, description, _ in rows] + [
        ("ctrl+p", "Command palette: every action"),
    ]
