"""Information requests: what the inspectors asked the area for, who is getting it and by when.

A request is due at an instant (UTC), typed or counted: "N working days after a key date, at
HH:MM" (London time), which moves when its key date moves. `sent` and `not-held` are finished
and never overdue; `not-held` says why. Each framework's template seeds the list (`SEEDS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sendtui.domain.calendar import ENGLAND, WorkingCalendar, parse_date
from sendtui.domain.clock import DAY_ENDS, london_to_utc, parse_time, to_london
from sendtui.domain.words import shown
from sendtui.errors import InvalidInput, TimeError

KINDS = ("data-set", "document", "template", "access")
STATUSES = ("to-do", "in-progress", "sent", "not-held")
FINISHED = frozenset({"sent", "not-held"})
NOT_HELD = "not-held"


@dataclass(frozen=True)
class DueRule:
    """Due `days` working days after the key date `anchor` (a key date's key), at `at`."""

    anchor: str
    days: int
    at: dt.time = DAY_ENDS

    def words(self) -> str:
        day = "working day" if abs(self.days) == 1 else "working days"
        return f"{self.days} {day} after {self.anchor}, {self.at:%H:%M}"


@dataclass(frozen=True)
class Seed:
    """A request a framework's template starts the list with."""

    title: str
    kind: str
    rule: DueRule
    notes: str = ""


class Tracked(Protocol):
    status: str
    due_at: dt.datetime | None


T = TypeVar("T", bound=Tracked)


def due_by_rule(rule: DueRule, key_dates: Mapping[str, dt.date],
                calendar: WorkingCalendar = ENGLAND) -> dt.datetime | None:
    """The instant a counted due falls on; None while the inspection lacks that key date."""
    day = key_dates.get(rule.anchor)
    if day is None:
        return None
    return london_to_utc(calendar.add(day, rule.days), rule.at)


def is_overdue(item: Tracked, now: dt.datetime) -> bool:
    """Due before now and not finished (sent, or not held, is never overdue)."""
    return item.status not in FINISHED and item.due_at is not None and item.due_at < now


def is_due_today(item: Tracked, now: dt.datetime) -> bool:
    """Not finished, due later on now's London day."""
    return (item.status not in FINISHED and item.due_at is not None
            and item.due_at >= now and to_london(item.due_at).date() == to_london(now).date())


def ordered(items: Iterable[T], now: dt.datetime) -> list[T]:
    """Overdue first, then by due instant, the undated last; finished ones after the rest."""
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    return sorted(items, key=lambda r: (r.status in FINISHED, not is_overdue(r, now),
                                        r.due_at is None, r.due_at or far,
                                        getattr(r, "title", "").casefold()))


# --- what a user types ---------------------------------------------------------------------


def parse_due(text: str) -> dt.datetime | None:
    """`YYYY-MM-DD HH:MM` or `YYYY-MM-DD` (17:00) in London, as UTC; '' is no due."""
    parts = text.split()
    if not parts:
        return None
    if len(parts) > 2:
        raise TimeError(f"not a due date: {shown(text)} (expected YYYY-MM-DD or "
                        "YYYY-MM-DD HH:MM)")
    day = parse_date(parts[0])
    return london_to_utc(day, parse_time(parts[1]) if len(parts) == 2 else DAY_ENDS)


_RULE = re.compile(r"(-?\d{1,3}) working days? after ([a-z0-9-]+),? *(\S+)?")


def parse_due_rule(text: str) -> DueRule | None:
    """`N working days after KEY, HH:MM` (as `DueRule.words` says it), or None when the
    text is not a rule; the time defaults to 17:00."""
    match = _RULE.fullmatch(" ".join(text.lower().split()))
    if not match:
        return None
    at = parse_time(match[3]) if match[3] else DAY_ENDS
    return DueRule(match[2], int(match[1]), at)


def checked_kind(kind: str) -> str:
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise InvalidInput(f"unknown request kind {shown(kind)}: use {', '.join(KINDS)}")
    return kind


def checked_status(status: str, reason: str = "") -> tuple[str, str]:
    """(status, reason) as stored: a reason only for not-held, where it is needed."""
    status = status.strip().lower()
    if status not in STATUSES:
        raise InvalidInput(f"unknown request status {shown(status)}: use {', '.join(STATUSES)}")
    reason = " ".join(reason.split())
    if status == NOT_HELD and not reason:
        raise InvalidInput("a request marked not-held needs a reason")
    return status, reason if status == NOT_HELD else ""


def checked_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidInput("a request needs a title")
    return title


# --- what each framework's template starts with ----------------------------------------------

NOTIFIED = "notified"


def _seeds(group: str, kind: str, days: int, at: dt.time, titles: Iterable[str],
           kinds: Mapping[str, str] | None = None) -> tuple[Seed, ...]:
    rule = DueRule(NOTIFIED, days, at)
    return tuple(Seed(t, (kinds or {}).get(t, kind), rule, f"Pre-inspection list: {group}")
                 for t in titles)


NOON = dt.time(12, 0)

# 2016 (BRIEF §6, from 003): the pre-inspection evidence, gathered in the five days' notice.
SEEDS_2016 = (
    _seeds("data", "data-set", 2, NOON, (
        "Outcomes, attendance and exclusions", "Identification at SEN support and EHC plan",
        "Destinations and NEET", "Assessment timeliness",
        "DfE and Department of Health figures"))
    + _seeds("documents", "document", 2, DAY_ENDS, (
        "Inspection reports", "Local offer", "Short breaks statement",
        "SEN information reports", "JSNA", "Health and wellbeing strategy", "SEND plans"))
    + _seeds("concerns", "data-set", 3, DAY_ENDS, (
        "Tribunal appeals", "Complaints to Ofsted and CQC", "Serious case reviews"),
        {"Serious case reviews": "document"})
    + _seeds("health", "data-set", 3, DAY_ENDS, (
        "Healthy child programme and school nursing (12 months)", "Neonatal screening",
        "0–25 CAMHS and therapies", "Health user feedback",
        "Looked-after children's health assessments", "Health referral pathways and waits",
        "Health attendance at EHC meetings", "16–25 health specifications",
        "Transfer-of-responsibility guidance"),
        {"Health user feedback": "document", "16–25 health specifications": "document",
         "Transfer-of-responsibility guidance": "document"})
)

# 2023: the week-1 data request, its three templates, the self-evaluation and the plan.
SEEDS_2023 = (
    Seed("Self-evaluation", "document", DueRule(NOTIFIED, 1, NOON), "Week 1"),
    Seed("Strategic plan", "document", DueRule(NOTIFIED, 1, NOON), "Week 1"),
    Seed("Data request", "data-set", DueRule(NOTIFIED, 2, NOON), "Week 1"),
    Seed("Person-level data template", "template", DueRule(NOTIFIED, 2, NOON),
         "Week 1: all children and young people with SEND, those placed out of area too"),
    Seed("Health commissioning template", "template", DueRule(NOTIFIED, 3, DAY_ENDS),
         "Week 1"),
    Seed("Residential special school template", "template", DueRule(NOTIFIED, 3, DAY_ENDS),
         "Week 1"),
)

SEEDS: dict[str, tuple[Seed, ...]] = {"2016": SEEDS_2016, "2023": SEEDS_2023}


def seeds(framework: str) -> tuple[Seed, ...]:
    """The requests an inspection of this framework starts with (none for a revisit)."""
    return SEEDS.get(framework, ())
