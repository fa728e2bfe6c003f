"""Inspection frameworks as templates: key dates, lines of enquiry, expected coverage.

Templates are a starting point: an inspection stores its own key dates and lines, and the
coordinator may edit both. Offsets are working days unless a rule says months.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sendtui.domain.calendar import ENGLAND, WorkingCalendar
from sendtui.errors import CalendarError, FrameworkError


@dataclass(frozen=True)
class DateRule:
    key: str
    label: str
    anchor: str  # "notified", "published" or an earlier rule's key
    offset: int = 0  # working days after the anchor (0: the anchor itself)
    span: int = 1  # working days in the period (>1: a date range)
    months: int = 0  # calendar months after the anchor instead of working days

    def describe(self) -> str:
        if self.months:
            return f"about {self.months} months after {self.anchor}"
        if not self.offset:
            return f"= {self.anchor}"
        return f"{self.anchor} + {self.offset} working days"


@dataclass(frozen=True)
class KeyDate:
    key: str
    label: str
    date: dt.date
    end: dt.date | None = None
    rule: str = ""

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "date": self.date.isoformat(),
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass(frozen=True)
class Line:
    code: str
    title: str
    strand: str  # A, B, C for 2016; E or L for 2023; W for revisit


@dataclass(frozen=True)
class Framework:
    slug: str
    name: str
    rules: tuple[DateRule, ...]
    lines: tuple[Line, ...]
    expected_setting_kinds: tuple[str, ...] = ()
    expected_audiences: tuple[str, ...] = ()
    notes: str = ""
    published_keys: frozenset[str] = field(default_factory=frozenset)


def _lines(strand_rows: str) -> tuple[Line, ...]:
    rows = (r.split("|") for r in strand_rows.strip().splitlines())
    return tuple(Line(code.strip(), title.strip(), code.strip()[0]) for code, title in rows)


LINES_2016 = _lines("""
A1|Identification and assessment data set a baseline for targets across education, health, care and therapy
A2|The same data drives joint commissioning, forecasts demand and puts provision in place
A3|It shapes the planning of teaching and other support
A4|It is used to judge whether support works
B1|Engagement and co-production with children, young people and parents/carers
B2|Coordinated assessment across agencies; clear roles and accountability in joint commissioning
B3|Satisfaction of parents/carers and children and young people
B4|Suitability of EHC plans, including alignment with child-in-need and child-protection plans
B5|Local offer: development, accessibility, currency
B6|Planning suits children and young people on SEN support, not only those with plans
C1|Outcomes across education, health and care
C2|Accuracy of leaders' judgement of the area's impact
C3|The area understands its own effectiveness, including for particular groups
""")

LINES_2023 = _lines("""
E1|Needs are identified accurately and assessed in a timely and effective way
E2|Children, young people and families participate in decisions about their plans
E3|Children and young people receive the right help at the right time
E4|Children and young people are well prepared for their next steps and achieve strong outcomes
E5|Children and young people are valued, visible and included in their communities
L1|Leaders have an ambitious, shared strategy, informed by an accurate view of the area
L2|Leaders commission services jointly to meet needs and improve outcomes
L3|Leaders hold partners to account and evaluate the impact of their work
L4|Leaders oversee the quality of alternative provision
""")

LINES_REVISIT = _lines("""
W1|Progress against the first significant weakness in the written statement of action
W2|Progress against the second significant weakness in the written statement of action
""")

ALL_VISITABLE = ("early-years", "primary", "secondary", "special", "further-education",
                 "independent", "alternative-provision")
CORE_AUDIENCES = ("parents-carers", "children-young-people", "sencos", "health-practitioners")


def _area_inspection(slug: str, name: str, rules: tuple[DateRule, ...],
                     lines: tuple[Line, ...], notes: str) -> Framework:
    """A full inspection: every kind of setting is visited and the core audiences heard."""
    return Framework(slug, name, rules, lines, expected_setting_kinds=ALL_VISITABLE,
                     expected_audiences=CORE_AUDIENCES, notes=notes)


_TEMPLATES = (
    _area_inspection(
        "2016", "Local area SEND inspection (2016)",
        rules=(
            DateRule("notified", "Notification call (day 1)", "notified"),
            DateRule("on-site", "On site (days 6–10)", "notified", offset=5, span=5),
            DateRule("final-feedback", "Final feedback (day 10)", "notified", offset=9),
            DateRule("published", "Letter published", "published"),
            DateRule("wsoa-due", "Written statement of action due", "published", offset=70),
            DateRule("wsoa-review-due", "WSOA fitness decision due", "wsoa-due", offset=10),
        ),
        lines=LINES_2016,
        notes="Visits and focus groups on days 6–9; day 10 holds final feedback.",
    ),
    _area_inspection(
        "2023", "Area SEND inspection (2023)",
        rules=(
            DateRule("notified", "Notification (Monday)", "notified"),
            DateRule("set-up", "Week 1: set-up discussion and data request", "notified", span=5),
            DateRule("tracking", "Week 2: tracking and case sampling", "notified",
                     offset=5, span=5),
            DateRule("on-site", "Week 3: on site", "notified", offset=10, span=5),
            DateRule("final-feedback", "Final feedback", "notified", offset=14),
            DateRule("published", "Report published", "published"),
            DateRule("monitoring-inspection", "Monitoring inspection if outcome 3 (about)",
                     "published", months=18),
            DateRule("next-full-inspection", "Next full inspection at the latest",
                     "published", months=60),
        ),
        lines=LINES_2023,
        notes="Phase offsets are a template: edit the key dates to match the notification.",
    ),
    Framework(
        "revisit", "Revisit of a written statement of action (2016)",
        rules=(
            DateRule("notified", "Notification call", "notified"),
            DateRule("on-site", "On site (revisit)", "notified", offset=10, span=3),
            DateRule("final-feedback", "Final feedback", "on-site", offset=2),
            DateRule("published", "Letter published", "published"),
        ),
        lines=LINES_REVISIT,
        notes="2–4 days on site depending on the number of weaknesses; edit the key dates.",
    ),
)
FRAMEWORKS: dict[str, Framework] = {f.slug: f for f in _TEMPLATES}


def get_framework(slug: str) -> Framework:
    try:
        return FRAMEWORKS[slug]
    except KeyError:
        known = ", ".join(FRAMEWORKS)
        raise FrameworkError(f"unknown framework {slug!r} (choose one of: {known})") from None


def key_dates(framework: Framework, notified: dt.date, published: dt.date | None = None,
              calendar: WorkingCalendar = ENGLAND) -> list[KeyDate]:
    """The framework's key dates for an inspection, in date order."""
    anchors: dict[str, dt.date] = {"notified": notified}
    if published:
        anchors["published"] = published
    result = []
    for rule in framework.rules:
        if rule.anchor not in anchors:
            continue
        start = _apply(rule, anchors[rule.anchor], calendar)
        end = calendar.add(start, rule.span - 1) if rule.span > 1 else None
        anchors[rule.key] = start
        result.append(KeyDate(rule.key, rule.label, start, end, rule.describe()))
    return sorted(result, key=lambda k: k.date)


def _apply(rule: DateRule, anchor: dt.date, calendar: WorkingCalendar) -> dt.date:
    if rule.months:
        return _add_months(anchor, rule.months)
    return calendar.add(anchor, rule.offset)


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
        if kd.end and (kd.end - kd.date).days + 1 > len(calendar.working_days(kd.date, kd.end)):
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
