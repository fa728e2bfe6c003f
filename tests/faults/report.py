"""The campaign's table: one row per kind of fault, a count per way of failing, and the
failures themselves (command, input, what happened) grouped by what happened."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field

# The failure columns; any of them above 0 fails the campaign.
FAILURES = ("lost", "unopenable", "tracebacks", "bad_replies", "changed", "leaks")
HEADINGS = {"kind": "kind", "trials": "trials", "lost": "lost", "unopenable": "unopenable",
            "inputs": "inputs", "tracebacks": "tracebacks", "bad_replies": "bad replies",
            "changed": "changed stores", "leaks": "leaks", "seconds": "s", "note": "how"}


@dataclass
class Failure:
    kind: str
    column: str
    command: str
    input: str
    what: str


@dataclass
class Row:
    kind: str
    trials: int = 0  # faults made (kills, fills) or probes run
    inputs: int = 0  # bad inputs given (refused, or that should have been)
    lost: int = 0  # acknowledged entries not in the store afterwards
    unopenable: int = 0  # stores that would not open afterwards
    tracebacks: int = 0
    bad_replies: int = 0  # not exit 2/3, not exactly one line, hung, no clear message
    changed: int = 0  # refused commands that changed a file (or left a new one)
    leaks: int = 0  # sentinel found where it must not be
    seconds: float = 0.0  # the time its jobs took (added up when run side by side)
    note: str = ""
    failures: list[Failure] = field(default_factory=list)

    def fail(self, column: str, command: str, given: str, what: str, n: int = 1) -> None:
        setattr(self, column, getattr(self, column) + n)
        self.failures.append(Failure(self.kind, column, command, given[:300], what[:400]))

    @property
    def failed(self) -> bool:
        return any(getattr(self, c) for c in FAILURES)


def table(rows: list[Row]) -> str:
    columns = list(HEADINGS)
    cells = [[HEADINGS[c] for c in columns]]
    cells += [[_cell(getattr(r, c)) for c in columns] for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    lines = [" | ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() for line in cells]
    lines.insert(1, "-|-".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value) -> str:
    return f"{value:.0f}" if isinstance(value, float) else str(value)


def grouped(rows: list[Row], examples: int = 3) -> str:
    """Failures by kind and what happened, each with a count and a few commands."""
    groups: dict[tuple[str, str, str], list[Failure]] = defaultdict(list)
    for row in rows:
        for f in row.failures:
            groups[(f.kind, f.column, _class_of(f.what))].append(f)
    out = []
    for (kind, column, what), found in sorted(groups.items()):
        out.append(f"[{kind}] {HEADINGS[column]} ×{len(found)}: {what}")
        for f in found[:examples]:
            out.append(f"    $ {f.command}   ({f.input})\n      → {f.what}")
    return "\n".join(out)


def crash(err: str) -> str:
    """A traceback in words: its last line (the exception), for grouping."""
    lines = [line.strip() for line in err.strip().splitlines() if line.strip()]
    last = next((line for line in reversed(lines) if "Error" in line or "Exception" in line),
                lines[-1] if lines else "")
    return f"a traceback: {last[:160]}"


def _class_of(what: str) -> str:
    """A failure's class: what happened, without the parts that differ every time."""
    return what.split(" | ")[0][:120]


def to_json(rows: list[Row]) -> str:
    return json.dumps([asdict(r) for r in rows], indent=1, ensure_ascii=False)


def from_json(text: str) -> list[Row]:
    rows = []
    for data in json.loads(text):
        failures = [Failure(**f) for f in data.pop("failures")]
        rows.append(Row(**data, failures=failures))
    return rows
