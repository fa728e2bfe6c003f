"""Where each event sits in the week grid: its column, its rows, its lane. No Textual here.

Rows are quarter hours of London wall-clock time; events are stored in UTC. Events that
overlap in one column share its width in lanes, like a paper diary.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

from rich.cells import cell_len, set_cell_size

from sendtui.domain.kinds import event_kind_label
from sendtui.records import EventRecord

LONDON = ZoneInfo("Europe/London")
STEP = 15  # minutes a row stands for
DAY = 24 * 60
NARROW_LANE = 8  # cells; narrower lanes show one piece a row instead of wrapped words
SHORT_KINDS = {"case-file-review": "Case files", "team-meeting": "Team meeting",
               "webinar": "Webinar", "final-feedback": "Final feedback", "visit": "Visit"}


class ColumnKey(NamedTuple):
    """A column: a day, or one person's diary on a day."""

    day: dt.date
    person_id: str | None = None

    def holds(self, event: EventRecord) -> bool:
        return self.person_id is None or self.person_id in event.person_ids


@dataclass
class Block:
    event: EventRecord
    top: int  # first row
    bottom: int  # the row after the last
    lane: int = 0
    lanes: int = 1


def minutes_of_day(instant: dt.datetime) -> int:
    local = instant.astimezone(LONDON)
    return local.hour * 60 + local.minute


def local_day(instant: dt.datetime) -> dt.date:
    return instant.astimezone(LONDON).date()


def instant(day: dt.date, minutes: int) -> dt.datetime:
    """A London wall-clock time on a day as a UTC instant."""
    local = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=LONDON)
    return local.astimezone(dt.timezone.utc)


def span_minutes(event: EventRecord) -> tuple[int, int]:
    """The event's start and end in minutes after local midnight of its first day."""
    start = minutes_of_day(event.start)
    end = start + int((event.end - event.start).total_seconds() // 60)
    return start, min(max(end, start + 1), DAY)


def events_by_column(events: list[EventRecord], keys: list[ColumnKey]) -> list[list[EventRecord]]:
    by_day: dict[dt.date, list[EventRecord]] = {}
    for event in events:
        by_day.setdefault(local_day(event.start), []).append(event)
    return [[e for e in by_day.get(key.day, ()) if key.holds(e)] for key in keys]


def hours_shown(columns: list[list[EventRecord]], day_start: int, day_end: int) -> tuple[int, int]:
    """Working hours, widened to whole hours so that no event is out of sight."""
    spans = [span_minutes(e) for events in columns for e in events]
    first = min([day_start, *(s // 60 * 60 for s, _ in spans)])
    last = max([day_end, *(math.ceil(e / 60) * 60 for _, e in spans)])
    return first, min(last, DAY)


def blocks_of(events: list[EventRecord], first: int, rows: int) -> list[Block]:
    """The column's blocks, each in a lane; lanes are counted per run of overlapping blocks."""
    blocks = []
    for event in events:
        start, end = span_minutes(event)
        top = min(max((start - first) // STEP, 0), rows - 1)
        bottom = min(max(math.ceil((end - first) / STEP), top + 1), rows)
        blocks.append(Block(event, top, bottom))
    blocks.sort(key=lambda b: (b.top, -b.bottom, b.event.title))
    run: list[Block] = []
    lane_ends: list[int] = []
    for block in blocks:
        if run and block.top >= max(lane_ends):
            _close(run, len(lane_ends))
            run, lane_ends = [], []
        free = next((i for i, end in enumerate(lane_ends) if end <= block.top), None)
        if free is None:
            free = len(lane_ends)
            lane_ends.append(0)
        block.lane, lane_ends[free] = free, block.bottom
        run.append(block)
    _close(run, len(lane_ends))
    return blocks


def away_rows(periods, keys: list[ColumnKey], first: int, rows: int) -> list[frozenset[int]]:
    """For each column, the rows someone is unavailable in: the column's person in a
    person's column, anybody in a day's. A period over several days shades each of them."""
    shaded = []
    for key in keys:
        top = instant(key.day, first)
        quarters = [(top + dt.timedelta(minutes=STEP * n),
                     top + dt.timedelta(minutes=STEP * (n + 1))) for n in range(rows)]
        mine = [p for p in periods if key.person_id in (None, p.person_id)
                and p.start < quarters[-1][1] and top < p.end] if rows else []
        shaded.append(frozenset(n for n, (a, b) in enumerate(quarters)
                                if any(p.start < b and a < p.end for p in mine)))
    return shaded


def rows_covered(blocks: list[Block], rows: int) -> list[list[Block]]:
    """For each row of a column, the blocks over it, by lane."""
    covered: list[list[Block]] = [[] for _ in range(rows)]
    for block in sorted(blocks, key=lambda b: b.lane):
        for row in range(block.top, block.bottom):
            covered[row].append(block)
    return covered


def _close(run: list[Block], lanes: int) -> None:
    for block in run:
        block.lanes = lanes


def lane_span(lane: int, lanes: int, width: int) -> tuple[int, int]:
    """Where a lane starts and ends inside a column `width` cells wide."""
    return lane * width // lanes, (lane + 1) * width // lanes


def fit(text: str, width: int) -> str:
    """Exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def block_lines(event: EventRecord, width: int, rows: int) -> list[str]:
    """What a block says, row by row: kind, title, people; as much as fits.

    A narrow lane gets one piece a row, cut short: "Visit" then "Ashb…" reads better than
    words broken into three-letter shreds.
    """
    kind = SHORT_KINDS.get(event.kind) or event_kind_label(event.kind)
    if event.status == "cancelled":
        kind = f"Cancelled {kind.lower()}"
    title = _without_kind(event.title, kind, event_kind_label(event.kind))
    lines: list[str] = []
    if width < NARROW_LANE:
        lines = [kind, title, *event.people]
    else:
        for piece in filter(None, [kind, title, ", ".join(event.people)]):
            lines += textwrap.wrap(piece, width, break_on_hyphens=False) or [""]
    if len(lines) > rows:
        lines = lines[:rows]
        lines[-1] = fit(lines[-1] + " …", width) if width > 1 else lines[-1]
    lines += [""] * (rows - len(lines))
    return [fit(line, width) for line in lines]


def _without_kind(title: str, *kinds: str) -> str:
    """"Visit: Ashby Brook" under the kind "Visit" says "Ashby Brook"."""
    head, colon, rest = title.partition(":")
    if colon and rest.strip() and head.strip().lower() in {k.lower() for k in kinds}:
        return rest.strip()
    return title
