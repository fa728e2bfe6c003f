"""Printing records as a table, JSON or CSV for the command line."""

from __future__ import annotations

import csv
import io
import json
import sys

FORMATS = ("table", "json", "csv")


def emit(rows: list[dict], fmt: str, columns: list[str] | None = None) -> None:
    columns = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _csv_cell(r.get(k)) for k in columns} for r in rows)
        sys.stdout.write(out.getvalue())
    else:
        print_table(rows, columns)


def print_table(rows: list[dict], columns: list[str]) -> None:
    if not rows:
        print("(none)")
        return
    cells = [[_table_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    widths[-1] = 0  # the last column is never padded
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def _csv_cell(value) -> str:
    """As in a table, but text a spreadsheet would run as a formula is kept as text; numbers
    (a negative one too) stay numbers."""
    from sendtui.exports.spreadsheet import safe_cell

    return _cell(value) if isinstance(value, (int, float)) else safe_cell(_cell(value))


def _table_cell(value) -> str:
    """One line for the terminal: line breaks as spaces, and no other control character
    (an escape code in imported text must not reach the terminal)."""
    return _cell(value).translate(_CONTROLS)


_CONTROLS = {c: " " if chr(c) in "\t\n\r" else "\ufffd" for c in
             (*range(32), *range(127, 160))}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
