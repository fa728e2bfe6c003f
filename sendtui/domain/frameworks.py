"""Inspection frameworks as templates: key dates, phases, lines of enquiry, outcomes.

Templates are a starting point (`sendtui.domain.templates`): an inspection stores its own key
dates, lines and editable template parts, and the coordinator may edit them. Offsets are
working days unless a rule says months.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sendtui.domain.calendar import ENGLAND, WorkingCalendar
from sendtui.domain.template_parts import (  # noqa: F401  (re-exported)
    NOTIFIED, PUBLISHED, RECEIVED, REPORT, DateRule, Framework, KeyDate, Line, Outcome, Phase)
from sendtui.domain.templates import TEMPLATES
from sendtui.errors import CalendarError, FrameworkError

FRAMEWORKS: dict[str, Framework] = {f.slug: f for f in TEMPLATES}


def get_framework(slug: str) -> Framework:
    try:
        return FRAMEWORKS[slug]
    except KeyError:
        known = ", ".join(FRAMEWORKS)
        raise FrameworkError(f"unknown framework {slug!r} (choose one of: {known})") from None


Span = tuple[dt.date, "dt.date | None"]


def key_dates(framework: Framework, notified: dt.date, published: dt.date | None = None,
              calendar: WorkingCalendar = ENGLAND, *, received: dt.date | None = None,
              outcome: str | None = None, fixed: dict[str, Span] | None = None) -> list[KeyDate]:
    """The framework's key dates for an inspection, in date order: the template's own, then
    what follows the report (the outcome's dates; while none is recorded, the template's
    pending ones). `fixed` holds dates set by hand: kept as they are, and counted from."""
    fixed = fixed or {}
    spans: dict[str, Span] = {NOTIFIED: (notified, None)}
    if published:
        spans[PUBLISHED] = (published, None)
    if received:
        spans[RECEIVED] = (received, None)
    result = []
    for rule in framework.rules + follows(framework, outcome):
        anchor = _anchor(rule, spans)
        if anchor is None:
            continue
        if rule.key in fixed:
            (start, end), how = fixed[rule.key], "set by hand"
        else:
            (start, end), how = _apply(rule, anchor, calendar), rule.describe()
        spans[rule.key] = (start, end)
        result.append(KeyDate(rule.key, rule.label, start, end, how))
    return sorted(result, key=lambda k: k.date)


def follows(framework: Framework, outcome: str | None) -> tuple[DateRule, ...]:
    """The rules of the dates that follow the report, given the outcome (None: not yet known)."""
    if outcome is None:
        return framework.pending
    found = framework.outcome(outcome)
    return found.follows if found else ()


def after_report_keys(framework: Framework) -> frozenset[str]:
    """Every key that can follow the report, whatever the outcome (and the report's own)."""
    keys = {PUBLISHED, RECEIVED} | {r.key for r in framework.pending}
    return frozenset(keys | {r.key for o in framework.outcomes for r in o.follows})


def _anchor(rule: DateRule, spans: dict[str, Span]) -> Span | None:
    if rule.anchor == REPORT:
        return spans.get(RECEIVED) or spans.get(PUBLISHED)
    return spans.get(rule.anchor)


def _apply(rule: DateRule, anchor: Span, calendar: WorkingCalendar) -> Span:
    start, end = anchor
    base = (end or start) if rule.at_end else start
    if rule.months:  # "about N months": a date that falls when no one works moves on to one
        day = _add_months(base, rule.months)
        while not calendar.is_working_day(day):
            day += dt.timedelta(days=1)
    else:
        day = calendar.add(base, rule.offset)
    return day, calendar.add(day, rule.span - 1) if rule.span > 1 else None


# --- phases --------------------------------------------------------------------------------

class PhaseSpan(NamedTuple):
    key: str
    label: str
    first: dt.date
    last: dt.date


def _framework(framework: Framework | str) -> Framework:
    return framework if isinstance(framework, Framework) else get_framework(framework)


def phases(framework: Framework | str, dates: list[KeyDate],
           calendar: WorkingCalendar = ENGLAND) -> list[PhaseSpan]:
    """The inspection's phases, first and last day each: from the key date that spans a phase
    (as the coordinator set it) or, when there is none, from the notification."""
    by_key = {k.key: k for k in dates}
    notified = by_key.get(NOTIFIED)
    result = []
    for phase in _framework(framework).phases:
        kd = by_key.get(phase.rule.key)
        if kd is not None:
            first, end = kd.date, kd.end
        elif notified is not None:
            first, end = _apply(phase.rule, (notified.date, None), calendar)
        else:
            continue
        result.append(PhaseSpan(phase.key, phase.label, first, end or first))
    return result


def phase_of(framework: Framework | str, event_kind: str) -> str | None:
    """The phase an event of this kind belongs to (None: no phase expects it)."""
    return next((p.key for p in _framework(framework).phases if event_kind in p.kinds), None)


def phase_kinds(framework: Framework | str) -> dict[str, tuple[str, ...]]:
    return {p.key: p.kinds for p in _framework(framework).phases}


def judgement_label(framework: Framework | str, polarity: str) -> str:
    """The framework's words for a polarity (`strength`, `development`, `concern`)."""
    return dict(_framework(framework).judgements).get(polarity, polarity)


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise CalendarError(f"{day.isoformat()} is outside the calendar: {months} months "
                            "later is not a date")
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def timeline_warnings(dates: list[KeyDate], calendar: WorkingCalendar = ENGLAND) -> list[str]:
    """What a coordinator must know: bank holidays that move or split the week, unknown years."""
    by_key = {k.key: k for k in dates}
    warnings = []
    if "notified" in by_key and "final-feedback" in by_key:
        first, last = by_key["notified"].date, by_key["final-feedback"].date
        for day, name in calendar.holidays_between(first, last):
            warnings.append(f"{name} on {day:%a %d %b %Y} falls inside the inspection: "
                            "the days after it move on")
    for kd in dates:
        working = len(calendar.working_days(kd.date, kd.end)) if kd.end else 0
        if kd.end and (kd.end - kd.date).days + 1 > working and working <= 5:  # a week split
            warnings.append(f"{kd.label} is split: {kd.date:%a %d %b} – {kd.end:%a %d %b %Y} "
                            "includes days that are not working days")
        last_day = kd.end or kd.date
        if calendar.is_provisional(last_day):
            warnings.append(f"{kd.label} ({last_day.isoformat()}) is after "
                            f"{calendar.known_until_year}: bank holidays for that year may not "
                            "be announced yet")
    return warnings


def inspection_day(dates: list[KeyDate], today: dt.date,
                   calendar: WorkingCalendar = ENGLAND) -> tuple[int, int] | None:
    """(day number, total days) counting the notification as day 1, or None outside."""
    by_key = {k.key: k for k in dates}
    if "notified" not in by_key or "final-feedback" not in by_key:
        return None
    first, last = by_key["notified"].date, by_key["final-feedback"].date
    if not first <= today <= last:
        return None
    total = calendar.count(first, last) + 1
    return calendar.count(first, today) + 1, total


def on_site_days(dates: list[KeyDate], calendar: WorkingCalendar = ENGLAND) -> list[dt.date]:
    by_key = {k.key: k for k in dates}
    on_site = by_key.get("on-site")
    if not on_site:
        return []
    return calendar.working_days(on_site.date, on_site.end or on_site.date)
