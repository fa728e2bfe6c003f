"""The rules an event keeps, whichever face it is typed in (each face words them its own way)."""

from __future__ import annotations

import datetime as dt

CLOSED_STATUSES = frozenset({"closed", "proposed to open"})  # GIAS establishment statuses


def visitable(status: str) -> bool:
    """A setting can be visited unless it is closed or not open yet."""
    return " ".join(status.split()).lower() not in CLOSED_STATUSES


def needs_setting(kind: str) -> bool:
    """A visit is always to a setting; other events may have one or not."""
    return kind == "visit"


def ends_after_start(start: dt.datetime, end: dt.datetime) -> bool:
    return end > start
