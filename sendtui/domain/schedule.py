"""Problems in a week's plan, in words, and free slots. Pure: plain data in, plain data out.

Problems never block a change: the coordinator sees them and fixes them in their own order.
Touching events (10:00–11:00 then 11:00–12:00) do not clash; cancelled events are ignored.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from sendtui.domain import phase_checks
from sendtui.domain.calendar import ENGLAND, WorkingCalendar
from sendtui.domain.clock import london_to_utc, to_london
from sendtui.domain.frameworks import KeyDate
from sendtui.domain.kinds import AUDIENCES, SETTING_KINDS
from sendtui.domain.problems import ERROR, WARNING, Problem, label
from sendtui.domain.travel import Place, TravelRules, distance_km, estimated, minutes_needed

__all__ = ["ERROR", "WARNING", "Plan", "PlanEvent", "Problem", "Rules", "Unavailable",
           "find_problems", "free_slot", "free_slots", "label"]
STEP = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class PlanEvent:
    id: str
    kind: str
    title: str
    start: dt.datetime  # aware UTC
    end: dt.datetime
    people: tuple[str, ...] = ()  # person ids
    setting_id: str | None = None
    place_key: str | None = None  # where it happens; None: online or nowhere in particular
    place: Place | None = None  # coordinates when known
    audience: str | None = None
    status: str = "planned"


@dataclass(frozen=True)
class Unavailable:
    person_id: str
    start: dt.datetime
    end: dt.datetime
    reason: str = ""


@dataclass(frozen=True)
class Rules:
    day_start: dt.time = dt.time(8, 0)
    day_end: dt.time = dt.time(18, 0)
    travel: TravelRules = TravelRules()


@dataclass(frozen=True)
class Plan:
    events: tuple[PlanEvent, ...]
    names: dict[str, str] = field(default_factory=dict)  # person id → name
    team: frozenset[str] = frozenset()  # person ids of the inspection team
    unavailable: tuple[Unavailable, ...] = ()
    on_site_days: tuple[dt.date, ...] = ()
    setting_kinds: dict[str, str] = field(default_factory=dict)  # setting id → kind
    expected_kinds: tuple[str, ...] = ()
    expected_audiences: tuple[str, ...] = ()
    expect_final_feedback: bool = False  # on the last on-site day
    framework: str = ""  # its slug: which phase each kind belongs to, what it expects
    key_dates: tuple[KeyDate, ...] = ()  # the phases' days, the notification, the surveys
    rules: Rules = Rules()
    calendar: WorkingCalendar = ENGLAND


def find_problems(plan: Plan) -> list[Problem]:
    """Every problem in the plan: errors first, then in the order of the week."""
    live = [e for e in plan.events if e.status != "cancelled"]
    by_person = _by_person(live)
    found = [
        *person_clashes(by_person, plan.names),
        *setting_clashes(live),
        *travel_squeezes(by_person, plan.names, plan.rules.travel),
        *calendar_problems(live, plan),
        *unavailable_bookings(by_person, plan),
        *team_meeting_guests(live, plan),
        *coverage_gaps(live, plan),
        *phase_checks.expected_events(live, plan),
        *phase_checks.notification(plan),
    ]
    first = {e.id: e.start for e in live}
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    return sorted(found, key=lambda p: (p.severity != ERROR,
                                        min((first[i] for i in p.events), default=far)))


def _by_person(events: list[PlanEvent]) -> dict[str, list[PlanEvent]]:
    by_person: dict[str, list[PlanEvent]] = defaultdict(list)
    for e in events:
        for person in e.people:
            by_person[person].append(e)
    for booked in by_person.values():
        booked.sort(key=lambda e: (e.start, e.end))
    return by_person


def overlapping_pairs(events: list[PlanEvent]) -> list[tuple[PlanEvent, PlanEvent]]:
    """Pairs that overlap in time, from events sorted by start (a sweep: n log n + pairs)."""
    pairs, active = [], []  # active: a heap of (end, n, event) still running
    for n, event in enumerate(events):
        while active and active[0][0] <= event.start:
            heapq.heappop(active)
        pairs.extend((other, event) for _, _, other in sorted(active, key=lambda a: a[1]))
        heapq.heappush(active, (event.end, n, event))
    return pairs


def person_clashes(by_person, names) -> list[Problem]:
    return [Problem(ERROR, "person-clash",
                    f"{names.get(person, 'Someone')} is in two places at once: "
                    f"{label(a)} and {label(b)}", (a.id, b.id))
            for person, booked in by_person.items() for a, b in overlapping_pairs(booked)]


def setting_clashes(events: list[PlanEvent]) -> list[Problem]:
    visits: dict[str, list[PlanEvent]] = defaultdict(list)
    for e in events:
        if e.kind == "visit" and e.setting_id:
            visits[e.setting_id].append(e)
    problems = []
    for booked in visits.values():
        booked.sort(key=lambda e: (e.start, e.end))
        problems += [Problem(ERROR, "setting-clash",
                             f"Two visits to the same setting at once: {label(a)} and {label(b)}",
                             (a.id, b.id)) for a, b in overlapping_pairs(booked)]
    return problems


def travel_squeezes(by_person, names, rules: TravelRules) -> list[Problem]:
    problems = []
    for person, booked in by_person.items():
        for a, b in pairwise(booked):
            if not _needs_travel(a, b):
                continue
            need = minutes_needed(a.place, b.place, rules)
            gap = (b.start - a.end).total_seconds() / 60
            if gap < need:
                km = distance_km(a.place, b.place)
                problems.append(Problem(
                    WARNING, "travel-time",
                    f"{names.get(person, 'Someone')} has {gap:.0f} min to get from {label(a)} "
                    f"to {label(b)} but needs about {need:.0f} min "
                    f"({rules.describe(km)}){estimated(a.place, b.place)}", (a.id, b.id)))
    return problems


def _needs_travel(a: PlanEvent, b: PlanEvent) -> bool:
    return (b.start >= a.end and a.place is not None and b.place is not None
            and a.place_key != b.place_key
            and to_london(a.end).date() == to_london(b.start).date())


def calendar_problems(events: list[PlanEvent], plan: Plan) -> list[Problem]:
    problems = []
    for e in events:
        start, end = to_london(e.start), to_london(e.end)
        day = start.date()
        holiday = plan.calendar.holiday_name(day)
        if day.weekday() >= 5 or holiday:
            why = holiday or f"a {start:%A}"
            problems.append(Problem(ERROR, "non-working-day",
                                    f"{label(e)} is on {why}, not a working day", (e.id,)))
        elif wrong_phase := phase_checks.outside_phase(e, day, plan):
            problems.append(wrong_phase)
        opens, closes = plan.rules.day_start, plan.rules.day_end
        if start.time() < opens or end.date() != day or end.time() > closes:
            problems.append(Problem(
                WARNING, "outside-hours",
                f"{label(e)} is outside working hours ({opens:%H:%M}–{closes:%H:%M})", (e.id,)))
    return problems


def unavailable_bookings(by_person, plan: Plan) -> list[Problem]:
    periods: dict[str, list[Unavailable]] = defaultdict(list)
    for u in plan.unavailable:
        periods[u.person_id].append(u)
    problems = []
    for person, away in periods.items():
        for e in by_person.get(person, []):
            for u in away:
                if e.start < u.end and u.start < e.end:
                    why = f" ({u.reason})" if u.reason else ""
                    problems.append(Problem(
                        ERROR, "unavailable",
                        f"{plan.names.get(person, 'Someone')} is booked for {label(e)} "
                        f"while unavailable{why}", (e.id,)))
    return problems


def team_meeting_guests(events: list[PlanEvent], plan: Plan) -> list[Problem]:
    problems = []
    for e in events:
        guests = [plan.names.get(p, "?") for p in e.people if p not in plan.team]
        if e.kind == "team-meeting" and plan.team and guests:
            problems.append(Problem(
                WARNING, "team-meeting-guest",
                f"{label(e)} is for inspectors only but includes {', '.join(guests)}", (e.id,)))
    return problems


def coverage_gaps(events: list[PlanEvent], plan: Plan) -> list[Problem]:
    """What the framework expects to see in the week and is not planned yet."""
    present = set(plan.setting_kinds.values())
    visited = {plan.setting_kinds.get(e.setting_id) for e in events if e.kind == "visit"}
    gaps = [f"No visit to a setting of kind {SETTING_KINDS[k].lower()} (the area has "
            f"{sum(1 for v in plan.setting_kinds.values() if v == k)})"
            for k in plan.expected_kinds if k in present and k not in visited]
    heard = {e.audience for e in events if e.kind == "focus-group"}
    gaps += [f"No focus group with {AUDIENCES[a].lower()}"
             for a in plan.expected_audiences if a not in heard]
    if (plan.expected_audiences and phase_checks.expects_webinar(plan.framework)
            and not any(e.kind == "webinar" for e in events)):
        gaps.append("No parent/carer webinar")
    found = [Problem(WARNING, "coverage", gap) for gap in gaps]
    if plan.expect_final_feedback and plan.on_site_days:
        last = plan.on_site_days[-1]
        if not any(e.kind == "final-feedback" and to_london(e.start).date() == last
                   for e in events):
            found.append(Problem(WARNING, phase_checks.final_feedback_rule(plan.framework),
                                 f"No final feedback on the last on-site day ({last:%a %d %b})"))
    return found


Slot = tuple[dt.datetime, dt.datetime]


def free_slot(plan: Plan, person_ids: tuple[str, ...], minutes: int,
              after: dt.datetime) -> Slot | None:
    """The first slot of `minutes` on a quarter hour, on or after `after`, in working hours
    of the on-site days, when none of the people is booked or unavailable."""
    for day in _working_days(plan):
        found = next(_day_slots(plan, person_ids, minutes, after, day), None)
        if found:
            return found
    return None


def free_slots(plan: Plan, person_ids: tuple[str, ...], minutes: int, after: dt.datetime,
               most: int = 8) -> list[Slot]:
    """Up to `most` slots that do not overlap, spread over the on-site working days (each
    day's earliest first, taken in turn from every day), in time order."""
    days = [list(_day_slots(plan, person_ids, minutes, after, day))
            for day in _working_days(plan)]
    chosen: list[Slot] = []
    for turn in range(max(map(len, days), default=0)):
        chosen += [slots[turn] for slots in days if turn < len(slots)][:most - len(chosen)]
    return sorted(chosen)


def _working_days(plan: Plan) -> list[dt.date]:
    return [day for day in plan.on_site_days if plan.calendar.is_working_day(day)]


def _day_slots(plan: Plan, person_ids: tuple[str, ...], minutes: int, after: dt.datetime,
               day: dt.date):
    """The day's free slots, each the earliest after the one before (they never overlap)."""
    wanted = set(person_ids)
    busy = sorted([(e.start, e.end) for e in plan.events
                   if e.status != "cancelled" and wanted & set(e.people)] +
                  [(u.start, u.end) for u in plan.unavailable if u.person_id in wanted])
    length = dt.timedelta(minutes=minutes)
    start = max(london_to_utc(day, plan.rules.day_start), _quarter(after))
    closes = london_to_utc(day, plan.rules.day_end)
    while start + length <= closes:
        clash = next((b for b in busy if b[0] < start + length and start < b[1]), None)
        if clash is None:
            yield start, start + length
            start += length
        else:
            start = max(start + STEP, _quarter(clash[1]))


def _quarter(t: dt.datetime) -> dt.datetime:
    """t, or the next quarter hour after it."""
    hour = t.replace(minute=0, second=0, microsecond=0)
    return hour + math.ceil((t - hour) / STEP) * STEP
