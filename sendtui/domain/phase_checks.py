"""The checks that depend on the framework: each event against the phase its kind belongs to,
what the framework expects to see planned, and the notification itself.

Each rule has its own slug, so that a script reading `check --format json` can tell them
apart. The plan is duck-typed (schedule.Plan): framework, key_dates, on_site_days.
"""

from __future__ import annotations

import datetime as dt

from sendtui.domain.phases import ON_SITE, PHASES, phases_of
from sendtui.domain.problems import WARNING, Problem, label

NO_WEBINAR = frozenset({"2023", "2023-monitoring"})  # surveys replaced the webinar
MONDAY_NOTIFIED = frozenset({"2016", "2023"})
# The area SEND framework replaced the 2016 one in January 2023.
IN_USE: dict[str, tuple[dt.date | None, dt.date | None]] = {  # first, last notification
    "2016": (None, dt.date(2023, 1, 31)),
    "2023": (dt.date(2023, 1, 1), None),
    "2023-monitoring": (dt.date(2023, 1, 1), None),
}
MOST_TRACKED = 6  # children tracked in week 2 (one tracking meeting each)
# 2023: rule, the event kind that covers it, what is missing
EXPECTED_2023 = (
    ("coverage-tracking", "tracking-meeting",
     "No tracking meeting (inspectors track up to six children in week 2)"),
    ("coverage-case-sampling", "case-sampling", "No case sampling"),
    ("coverage-leaders", "leaders-meeting", "No meeting with leaders"),
    ("coverage-pcf", "pcf-meeting", "No meeting with the parent carer forum"),
)
ELECTED_WORDS = ("elected member", "councillor", "lead member")


def expects_webinar(framework: str) -> bool:
    return framework not in NO_WEBINAR


def final_feedback_rule(framework: str) -> str:
    return "coverage-final-feedback" if framework == "2023" else "coverage"


def _spans(plan) -> dict[str, tuple[dt.date, dt.date]]:
    return {k.key: (k.date, k.end or k.date) for k in plan.key_dates}


def _inspection_span(plan) -> tuple[dt.date, dt.date] | None:
    """From the notification to the last day of the last phase, when the key dates say."""
    spans = _spans(plan)
    ends = [spans[k][1] for k in (*PHASES.get(plan.framework, {}), "final-feedback")
            if k in spans] + list(plan.on_site_days)
    if not ends:
        return None
    starts = [s for s, _ in spans.values()] + list(plan.on_site_days)
    return spans["notified"][0] if "notified" in spans else min(starts), max(ends)


def _within(phase: str, day: dt.date, plan) -> bool | None:
    """Whether the day is in the phase; None when the key dates do not say."""
    if phase == ON_SITE:
        return day in plan.on_site_days if plan.on_site_days else None
    span = _spans(plan).get(phase)
    return None if span is None else span[0] <= day <= span[1]


def outside_phase(e, day: dt.date, plan) -> Problem | None:
    """A problem when the event falls outside every phase its kind belongs to."""
    phases = phases_of(plan.framework, e.kind)
    if not phases:
        span = _inspection_span(plan)
        if span is None or span[0] <= day <= span[1]:
            return None
        return Problem(WARNING, "outside-inspection", f"{label(e)} is outside the inspection "
                       f"({span[0]:%a %d %b} – {span[1]:%a %d %b})", (e.id,))
    known = [inside for inside in (_within(p, day, plan) for p in phases) if inside is not None]
    if not known or any(known):
        return None
    if ON_SITE not in phases:
        names = {k.key: k.label for k in plan.key_dates}
        where = " or ".join(names.get(p, p) for p in phases)
        return Problem(WARNING, "outside-phase", f"{label(e)} is outside its phase ({where})",
                       (e.id,))
    early = len(PHASES.get(plan.framework, {})) > 1  # phases before the on-site week
    span = _inspection_span(plan) if e.kind == "visit" and early else None
    if span and span[0] <= day < min(plan.on_site_days):
        return Problem(WARNING, "visit-before-on-site", f"{label(e)} is a setting visit before "
                       "the on-site week: settings are visited in week 3", (e.id,))
    return Problem(WARNING, "outside-on-site", f"{label(e)} is outside the on-site days",
                   (e.id,))


def expected_events(events, plan) -> list[Problem]:
    """What a 2023 inspection expects planned besides settings and focus groups."""
    if plan.framework != "2023":
        return []
    found = []
    if not any(k.key.startswith("survey") for k in plan.key_dates):
        found.append(Problem(WARNING, "coverage-surveys",
                             "No key date for the surveys of children and young people, "
                             "parents and carers and practitioners: add it, and a task to "
                             "promote them"))
    kinds = {e.kind for e in events}
    found += [Problem(WARNING, rule, missing) for rule, kind, missing in EXPECTED_2023
              if kind not in kinds]
    tracking = [e.id for e in events if e.kind == "tracking-meeting"]
    if len(tracking) > MOST_TRACKED:
        found.append(Problem(WARNING, "tracking-over-six",
                             f"{len(tracking)} tracking meetings: inspectors track up to "
                             f"{MOST_TRACKED} children", tuple(tracking)))
    if not any(_meets_elected_members(e) for e in events):
        found.append(Problem(WARNING, "coverage-elected-members",
                             "No meeting with elected members (audience 'elected members', "
                             "or 'elected members' or 'councillors' in its title)"))
    return found


def _meets_elected_members(e) -> bool:
    title = (e.title or "").lower()
    return e.audience == "elected-members" or any(w in title for w in ELECTED_WORDS)


def notification(plan) -> list[Problem]:
    """The notification day against the framework: a Monday, and the framework then in use."""
    notified = next((k.date for k in plan.key_dates if k.key == "notified"), None)
    if notified is None:
        return []
    found = []
    if plan.framework in MONDAY_NOTIFIED and notified.weekday() != 0:
        found.append(Problem(WARNING, "notified-not-monday",
                             f"Notified on {notified:%A %d %b %Y}: {plan.framework} inspections "
                             "are notified on a Monday; check the notification date"))
    first, last = IN_USE.get(plan.framework, (None, None))
    if (first and notified < first) or (last and notified > last):
        when = f"before {first:%B %Y}" if first and notified < first else f"after {last:%B %Y}"
        found.append(Problem(WARNING, "framework-period",
                             f"Notified on {notified:%d %b %Y}, {when}: the {plan.framework} "
                             "framework was not in use then (the area SEND framework replaced "
                             "the 2016 one in January 2023)"))
    return found
