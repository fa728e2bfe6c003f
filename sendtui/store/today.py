"""What the dashboard's Today panel reads: the day's events and everything with a deadline."""

from __future__ import annotations

import datetime as dt

from sendtui.domain import actions as acted
from sendtui.domain import requests as asked
from sendtui.domain import today as td
from sendtui.store import actions, events, outcomes, requests, tracked
from sendtui.store.repo import Store


def today(store: Store, inspection_id: str, now: dt.datetime) -> td.Today:
    return td.today(now, events.all(store, inspection_id), due_items(store, inspection_id, now))


def due_items(store: Store, inspection_id: str, now: dt.datetime) -> list[td.DueItem]:
    """Requests, actions and tracked children due today or overdue, in the panel's words."""
    items = [td.DueItem("Request", r.title, r.due_at, r.owner, asked.is_overdue(r, now))
             for r in requests.due_today_and_overdue(store, inspection_id, now)]
    items += [td.DueItem("Action", a.text, a.due_at, a.owner, acted.is_overdue(a, now))
              for a in actions.due_today_and_overdue(store, inspection_id, now)]
    for m in tracked.due_today_and_overdue(store, inspection_id, now):
        missing = "consent not given yet" if m.what == "consent" else "documents not in"
        items.append(td.DueItem("Child", f"{m.pseudonym}: {missing}",
                                m.due if m.what == "documents" or m.overdue else None,
                                overdue=m.overdue))
    return items + td.deadline_items(outcomes.after_report(store, inspection_id), now)
