"""The payload of a bundle, format 2: JSON lines, written and read a piece at a time.

    line 1     {"tables": [[name, [column, …]], …]}     every table, in foreign-key order
    then       [name, [row, …]]                         a table's rows, a chunk per line
    or         [name, [row, …], [clocks, …]]            …with each row's field clocks

A table's lines come together, tables in the order of line 1. Each row is a list of the values
SQLite holds. `clocks[i]` are the field clocks of `rows[i]`, each a field name alone when its
clock is the row's own (`hlc`, `updated_by`: a row written once has only these) or
[field, hlc, device]. The field_clock table is not written as rows of its own (it is most of
a store's rows): a reader makes it again, (table_name, row_id, field, hlc, device_id) in the
order of the rows and their clocks. JSON strings hold no raw line break, so lines split on
b"\\n".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

CLOCKS = "field_clock"
CLOCK_COLUMNS = ("table_name", "row_id", "field", "hlc", "device_id")
OWN = ("id", "hlc", "updated_by")  # what a clocked table must have


def dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def head_line(tables: Iterable[tuple[str, tuple[str, ...]]]) -> bytes:
    return dumps({"tables": [[name, list(columns)] for name, columns in tables]}) + b"\n"


def rows_line(name: str, rows, clocks: list[str] | None = None) -> bytes:
    """A chunk of a table's rows; `clocks`: each row's clocks as JSON text (from SQLite's
    json_group_array, or `clocks_text`), when the table has them."""
    head = dumps([name, rows])[:-1]
    if clocks is None:
        return head + b"]\n"
    return head + b",[" + ",".join(clocks).encode("utf-8") + b"]]\n"


def clocks_text(row, own: tuple[int, int], clocks: list[tuple]) -> str:
    """A row's clocks [(field, hlc, device_id), …] as its line holds them."""
    hlc, by = row[own[0]], row[own[1]]
    return json.dumps([f if (h, d) == (hlc, by) else [f, h, d] for f, h, d in clocks],
                      ensure_ascii=False, separators=(",", ":"))


def lines_of(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Whole lines out of pieces of bytes (the last line ends with b"\\n" too)."""
    rest = b""
    for chunk in chunks:
        parts = (rest + chunk).split(b"\n")
        rest = parts.pop()
        yield from parts
    if rest:
        raise ValueError("the last line is cut short")


class Reader:
    """Tables out of lines: `feed(line)` each line in order, then `tables()`.
    ValueError (or KeyError, TypeError) on anything that does not fit."""

    def __init__(self) -> None:
        self.order: list[str] | None = None
        self.columns: dict[str, tuple[str, ...]] = {}
        self.rows: dict[str, list[tuple]] = {}
        self.clocks: list[tuple] = []
        self._done: set[str] = set()
        self._current: str | None = None
        self._names: dict[str, str] = {}  # one str per field or table name, not a million

    def feed(self, line: bytes) -> None:
        found = json.loads(line.decode("utf-8"))
        if self.order is None:
            self._head(found["tables"])
        else:
            self._chunk(*found)

    def tables(self) -> list[tuple[str, tuple[str, ...], tuple[tuple, ...]]]:
        if self.order is None:
            raise ValueError("no tables")
        self.rows[CLOCKS] = self.clocks
        return [(n, self.columns[n], tuple(self.rows[n])) for n in self.order]

    def _head(self, tables: list) -> None:
        self.order = [str(name) for name, _ in tables]
        self.columns = {str(name): tuple(columns) for name, columns in tables}
        if len(self.columns) != len(tables) or self.columns.get(CLOCKS, CLOCK_COLUMNS) != \
                CLOCK_COLUMNS or not all(isinstance(c, str) for cs in self.columns.values()
                                         for c in cs):
            raise ValueError("the tables do not fit")
        self.rows = {name: [] for name in self.order}

    def _chunk(self, name: str, rows: list, clocks: list | None = None) -> None:
        if name != self._current:  # a table's lines come together
            if name in self._done or name not in self.rows or name == CLOCKS:
                raise ValueError("a table out of place")
            self._done.add(name)
            self._current = name
        width, kept = len(self.columns[name]), self.rows[name]
        for row in rows:
            if len(row) != width:
                raise ValueError("a row does not fit its table")
            kept.append(tuple(row))
        if clocks is not None:
            self._clocks(name, kept[len(kept) - len(rows):], clocks)

    def _clocks(self, name: str, rows: list[tuple], clocks: list) -> None:
        columns = self.columns[name]
        if len(clocks) != len(rows) or not set(OWN) <= set(columns):
            raise ValueError("clocks that do not fit their rows")
        at = [columns.index(c) for c in OWN]
        names, out = self._names, self.clocks
        table = names.setdefault(name, name)
        for row, stamps in zip(rows, clocks):
            row_id, hlc, by = (row[i] for i in at)
            for stamp in stamps:
                if isinstance(stamp, str):
                    out.append((table, row_id, names.setdefault(stamp, stamp), hlc, by))
                else:
                    field, hlc_, by_ = stamp
                    out.append((table, row_id, names.setdefault(field, field), hlc_, by_))
