"""What the dashboard's Today panel reads: the day's events and everything with a deadline."""

from __future__ import annotations

import datetime as dt

from sendtui.domain import today as td
from sendtui.store import events
from sendtui.store.repo import Store


def today(store: Store, inspection_id: str, now: dt.datetime) -> td.Today:
    return td.today(now, events.all(store, inspection_id), due_items(store, inspection_id, now))


def due_items(store: Store, inspection_id: str, now: dt.datetime) -> list[td.DueItem]:
    """Requests, actions and tracked children due today or overdue, in the panel's words."""
    return []
