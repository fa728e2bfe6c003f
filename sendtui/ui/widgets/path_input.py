"""A file's path typed with completion from the folders and files on disk: the rest of the
first name that fits shows dimmed, and tab (or →) takes it; a folder ends in '/'."""

from __future__ import annotations

import os
from pathlib import Path

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

SHOWN_FIRST = (".csv", ".CSV")  # a folder or a CSV file is what an import wants


def completion(typed: str, first: tuple[str, ...] = SHOWN_FIRST) -> str | None:
    """`typed` completed to the first folder or file it starts (folders and files ending
    in one of `first` first, hidden ones only when a dot is typed), or None."""
    if not typed:
        return None
    path = Path(typed).expanduser()
    folder, start = (path, "") if typed.endswith(os.sep) else (path.parent, path.name)
    try:
        names = sorted(e.name for e in os.scandir(folder)
                       if e.name.startswith(start) and (start.startswith(".")
                                                        or not e.name.startswith(".")))
    except OSError:  # no such folder, not a folder, not readable: nothing to suggest
        return None

    def rank(name: str) -> tuple[bool, str]:
        return (not ((folder / name).is_dir() or name.endswith(first)), name)

    for name in sorted(names, key=rank):
        if name == start:
            continue
        whole = typed[:len(typed) - len(start)] + name
        return whole + (os.sep if (folder / name).is_dir() else "")
    return None


class PathSuggester(Suggester):
    def __init__(self, first: tuple[str, ...] = SHOWN_FIRST) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.first = first

    async def get_suggestion(self, value: str) -> str | None:
        return completion(value, self.first)


class PathInput(Input):
    """An Input for a path; tab takes the completion shown, else moves on as usual."""

    BINDINGS = [Binding("tab", "complete", "Complete the path", id="path-complete",
                        show=False)]

    def __init__(self, value: str = "", first: tuple[str, ...] = SHOWN_FIRST, **kwargs) -> None:
        """`first`: the endings of the files offered before others (CSV by default)."""
        super().__init__(value=value, suggester=PathSuggester(first), **kwargs)

    def action_complete(self) -> None:
        if self._suggestion and self._suggestion != self.value:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()
