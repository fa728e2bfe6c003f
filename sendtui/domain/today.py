"""What matters this morning: the day's events still to come, and what is due today or
overdue across requests, actions and tracked children, in one list a coordinator reads first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendtui.domain.clock import DAY_ENDS, london_to_utc, london_today, to_london, utc_now

MORNING = dt.time(9, 0)  # a pretended day (SENDTUI_TODAY) is read as at 09:00 in London


def morning_of(day: dt.date) -> dt.datetime:
    return london_to_utc(day, MORNING)


def moment(today: dt.date, pretended: bool = False) -> dt.datetime:
    """Now (UTC), or 09:00 London on a pretended day (demos, rehearsals, tests — even when
    it is the real date): when overdue is judged, on every screen and in the CLI."""
    return morning_of(today) if pretended or today != london_today() else utc_now()


@dataclass(frozen=True)
class DueItem:
    """One thing with a deadline: a request, an action, a child's consent or documents."""

    what: str  # "Request", "Action", "Child", … as the panel names it
    text: str
    due: dt.datetime | None  # UTC; None: to do, no deadline (listed as due today)
    owner: str = ""
    overdue: bool = False


def due_on_day(item: DueItem, now: dt.datetime) -> bool:
    """Due later on now's London day (or to do with no deadline), and not overdue."""
    return not item.overdue and (item.due is None
                                 or to_london(item.due).date() == to_london(now).date())


def sorted_by_due(items: list[DueItem]) -> list[DueItem]:
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    return sorted(items, key=lambda i: (i.due or far, i.what, i.text))




def deadline_items(after, now: dt.datetime) -> list[DueItem]:
    """The dates after the report (an `outcomes.AfterReport`) still to meet that are due
    today or overdue: the plan's, the reviews'; never the report's own dates."""
    from sendtui.domain.template_parts import PUBLISHED, RECEIVED

    if after is None:
        return []
    met, items = dict(after.met), []
    for kd in after.dates:
        if kd.key in (PUBLISHED, RECEIVED) or kd.key in met:
            continue
        due = london_to_utc(kd.date, DAY_ENDS)
        item = DueItem("Plan", kd.label, due, overdue=due < now)
        if item.overdue or due_on_day(item, now):
            items.append(item)
    return items


@dataclass(frozen=True)
class Today:
    now: dt.datetime
    events: tuple = ()  # EventRecords still to come today, in time order
    overdue: tuple[DueItem, ...] = ()  # oldest deadline first
    due_today: tuple[DueItem, ...] = ()


def today(now: dt.datetime, events: list, items: list[DueItem]) -> Today:
    """The panel's content from the inspection's events and everything with a deadline."""
    day = to_london(now).date()
    left = sorted((e for e in events if e.status != "cancelled" and e.end > now
                   and to_london(e.start).date() <= day <= to_london(e.end).date()),
                  key=lambda e: e.start)
    return Today(now, tuple(left),
                 tuple(sorted_by_due([i for i in items if i.overdue])),
                 tuple(sorted_by_due([i for i in items if due_on_day(i, now)])))
