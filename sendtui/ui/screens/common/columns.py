"""Tables that fit the terminal: wide columns give way first, cut text ends in an ellipsis."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

SCROLLBAR = 2  # room kept for the table's vertical scrollbar


@dataclass(frozen=True)
class Column:
    label: str
    least: int  # narrower than this, the column is no use
    optional: bool = False  # left out when the terminal is too narrow for it


def cell(text: str) -> Text:
    """Shown as typed (never markup); cut with … when the column is narrower."""
    return Text(text, no_wrap=True, overflow="ellipsis", end="")


def fit(natural: list[int], least: list[int], room: int) -> list[int]:
    """Widths within room: the column furthest above its least width gives way first."""
    widths = list(natural)
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda n: widths[n] - least[n])
        if widths[i] <= least[i]:
            break
        widths[i] -= 1
    return widths


def fill(table: DataTable, columns: list[Column], rows: list[tuple[str, list[str]]],
         width: int, sizing: list[list[str]] | None = None) -> None:
    """Replace the table's columns and rows (key, cells) to fit a terminal `width` wide.

    The columns are as wide as the cells of `sizing` need (default: of `rows`), so that a
    filtered table keeps its shape. Optional columns are left out, last first, while the
    others would be cut too short.
    """
    shown = list(range(len(columns)))
    sizing = [r for _, r in rows] if sizing is None else sizing
    natural = [max([cell_len(c.label), *(cell_len(r[i]) for r in sizing)])
               for i, c in enumerate(columns)]
    least = [min(c.least, n) for c, n in zip(columns, natural)]

    def room() -> int:
        return width - SCROLLBAR - 2 * len(shown)  # one space either side of each cell

    for i in reversed(range(len(columns))):
        if columns[i].optional and sum(least[j] for j in shown) > room():
            shown.remove(i)
    widths = fit([natural[i] for i in shown], [least[i] for i in shown], room())
    table.clear(columns=True)
    for i, w in zip(shown, widths):
        table.add_column(columns[i].label, width=w, key=columns[i].label)
    for key, cells in rows:
        table.add_row(*(cell(cells[i]) for i in shown), key=key)
