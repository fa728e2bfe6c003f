"""`y` copies the focused row to the clipboard (OSC 52, so it works over ssh too)."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen


def copy_binding(what: str) -> Binding:
    """The `y` key of a screen whose rows are `what` (a word: setting, person, event…)."""
    return Binding("y", "copy_row", "Copy", id=f"copy-{what}", show=False,
                   tooltip=f"Copy the highlighted {what} to the clipboard, as one line of text")


def copy_row(screen: Screen, what: str, text: str | None) -> None:
    """Put `text` on the clipboard and say so; the notice names only the kind of row, not
    what was copied (it may be a child's name). A bell when no row is focused."""
    if not text:
        screen.app.bell()
        return
    screen.app.copy_to_clipboard(text)
    screen.notify(f"Copied the {what} to the clipboard.")
