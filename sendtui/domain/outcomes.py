"""What the report said, and the dates that follow it: the recorded outcome, the template
parts an inspection may edit (outcome labels and intervals), and the countdown to each date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass

from sendtui.domain.calendar import ENGLAND, WorkingCalendar
from sendtui.domain.frameworks import after_report_keys
from sendtui.domain.template_parts import (
    PUBLISHED, RECEIVED, DateRule, Framework, KeyDate, Outcome)
from sendtui.errors import InvalidInput

WSOA, NO_WSOA, SUFFICIENT, APP = "wsoa", "no-wsoa", "sufficient", "app"
FAR_OFF_DAYS = 92  # calendar days: further off than this, a countdown reads in months


@dataclass(frozen=True)
class Recorded:
    """The outcome recorded on an inspection: its code in the framework (2023: "1"–"3";
    2016: "wsoa"/"no-wsoa"; revisit: "sufficient"/"app", from the verdicts)."""

    outcome: str | None = None
    verdicts: tuple[tuple[str, bool], ...] = ()  # revisit: weakness line -> sufficient?

    def to_json(self) -> str:
        if self.outcome is None:
            return "{}"
        return json.dumps({"outcome": self.outcome, "verdicts": dict(self.verdicts)},
                          sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> "Recorded":
        try:
            data = json.loads(text or "{}")
            verdicts = tuple(sorted((str(k), bool(v))
                                    for k, v in (data.get("verdicts") or {}).items()))
            outcome = data.get("outcome")
            return cls(None if outcome is None else str(outcome), verdicts)
        except (ValueError, AttributeError, TypeError):
            return cls()


def recorded(framework: Framework, *, outcome: int | str | None = None,
             wsoa: bool | None = None,
             verdicts: dict[str, bool] | None = None) -> Recorded:
    """The outcome as the framework knows it; a combination that does not fit it is refused
    (an outcome 1–3 is a 2023 report's, a WSOA a 2016 one's, verdicts a revisit's)."""
    slug = framework.slug
    if outcome is not None:
        if slug != "2023":
            raise InvalidInput(f"an outcome (1–3) belongs to a 2023 inspection, not {slug}"
                               + (": a 2016 report says whether a WSOA is required"
                                  if slug == "2016" else ""))
        if str(outcome) not in ("1", "2", "3"):
            raise InvalidInput(f"the outcome is 1, 2 or 3, not {str(outcome)[:10]!r}")
    if wsoa is not None and slug != "2016":
        raise InvalidInput(f"a written statement of action belongs to a 2016 inspection, "
                           f"not {slug}")
    if verdicts and slug != "revisit":
        raise InvalidInput(f"verdicts per weakness belong to a revisit, not {slug}")
    if outcome is not None:
        return Recorded(str(outcome))
    if wsoa is not None:
        return Recorded(WSOA if wsoa else NO_WSOA)
    if verdicts:
        return Recorded(SUFFICIENT if all(verdicts.values()) else APP,
                        tuple(sorted(verdicts.items())))
    return Recorded()


# --- the parts of a template an inspection keeps and may edit --------------------------------

def editable(framework: Framework) -> str:
    """The outcome labels and the rules that follow them, as JSON copied onto a new
    inspection (the coordinator may change the wording and the intervals)."""
    return json.dumps({
        "outcomes": [{"code": o.code, "label": o.label,
                      "follows": [r.as_json() for r in o.follows]}
                     for o in framework.outcomes],
        "pending": [r.as_json() for r in framework.pending],
    }, sort_keys=True)


def with_edits(framework: Framework, text: str | None) -> Framework:
    """The framework with an inspection's own outcome labels and intervals; the template's
    when it has none (an inspection made before they were kept) or they do not read."""
    if not text:
        return framework
    try:
        data = json.loads(text)
        outcomes = tuple(Outcome(str(o["code"]), str(o["label"]),
                                 tuple(DateRule.from_json(r) for r in o["follows"]),
                                 _source(framework, str(o["code"])))
                         for o in data["outcomes"])
        pending = tuple(DateRule.from_json(r) for r in data["pending"])
    except (ValueError, KeyError, TypeError):
        return framework
    return dataclasses.replace(framework, outcomes=outcomes, pending=pending)


LONGEST_LABEL = 300
LONGEST_INTERVAL = {"working days": 250, "months": 120}


def unit(rule: DateRule) -> str:
    """What a rule's interval counts: months or working days."""
    return "months" if rule.months else "working days"


def wording_problems(framework: Framework, labels: dict[str, str],
                     intervals: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """What is wrong with new outcome wording, keyed (code, "") for a label and (code, rule
    key) for an interval; empty when all is well."""
    errors = {}
    for o in framework.outcomes:
        label = " ".join(labels.get(o.code, o.label).split())
        if not label or len(label) > LONGEST_LABEL:
            errors[(o.code, "")] = f"outcome {o.code}'s wording must be 1 to {LONGEST_LABEL} characters"
        for rule in o.follows:
            text = str(intervals.get((o.code, rule.key), _interval(rule))).strip()
            most = LONGEST_INTERVAL[unit(rule)]
            if not text.isdigit() or not 1 <= int(text) <= most:
                errors[(o.code, rule.key)] = (f"“{rule.label}” after outcome {o.code} must be "
                                              f"1 to {most} {unit(rule)}, not {text[:10]!r}")
    return errors


def reworded(framework: Framework, labels: dict[str, str],
             intervals: dict[tuple[str, str], str]) -> Framework:
    """The framework with new outcome labels (by code) and new intervals (by outcome code
    and rule key, in the rule's own unit); refused whole if any is wrong."""
    if errors := wording_problems(framework, labels, intervals):
        raise InvalidInput("; ".join(errors.values()))

    def follows(o: Outcome) -> tuple[DateRule, ...]:
        return tuple(dataclasses.replace(rule, **{"months" if rule.months else "offset": int(
            str(intervals.get((o.code, rule.key), _interval(rule))).strip())})
                     for rule in o.follows)

    return dataclasses.replace(framework, outcomes=tuple(
        dataclasses.replace(o, label=" ".join(labels.get(o.code, o.label).split()),
                            follows=follows(o)) for o in framework.outcomes))


def _interval(rule: DateRule) -> int:
    return rule.months or rule.offset


def _source(framework: Framework, code: str) -> str:
    found = framework.outcome(code)
    return found.source if found else ""


# --- after the report --------------------------------------------------------------------

# A deadline after the report is met by the plan's version: (plan kind, which of its dates)
MET_BY = {"wsoa-due": ("wsoa", 1), "wsoa-review-due": ("wsoa", 2),
          "wsoa-resubmission-due": ("wsoa", 3),
          "priority-action-plan": ("priority-action-plan", 1)}


def met(versions: list[tuple]) -> dict[str, dt.date]:
    """When each deadline was met, from the plan's versions as (kind, submitted on, decided
    on, resubmitted on): the earliest such date."""
    found: dict[str, dt.date] = {}
    for key, (kind, at) in MET_BY.items():
        days = [v[at] for v in versions if v[0] == kind and v[at] is not None]
        if days:
            found[key] = min(days)
    return found


@dataclass(frozen=True)
class AfterReport:
    """What the dashboard's "After the report" panel shows."""

    outcome_label: str | None
    dates: tuple[KeyDate, ...]
    recorded: Recorded = Recorded()
    met: tuple[tuple[str, dt.date], ...] = ()  # deadlines met (key, on), from the plan


def after_report(framework: Framework, outcome: Recorded, dates: list[KeyDate],
                 versions: list[tuple] = ()) -> AfterReport | None:
    """None until there is an outcome or a publication (or receipt) date."""
    keys = after_report_keys(framework)
    shown = tuple(k for k in dates if k.key in keys)
    found = framework.outcome(outcome.outcome)
    if found is None and not any(k.key in (PUBLISHED, RECEIVED) for k in shown):
        return None
    return AfterReport(found.label if found else None, shown, outcome,
                       tuple(sorted(met(list(versions)).items())))


def countdown(kd: KeyDate, today: dt.date, calendar: WorkingCalendar = ENGLAND,
              met_on: dt.date | None = None) -> tuple[str, bool]:
    """How far off a date is, in working days (months when far off), and whether it is
    overdue. The report's own dates are facts, never overdue; a deadline met is done."""
    if met_on is not None:
        return f"done {met_on:%a} {met_on.day} {met_on:%b %Y}", False
    fact = kd.key in (PUBLISHED, RECEIVED)
    if kd.date == today:
        return ("today" if fact else "due today"), False
    gap = abs((kd.date - today).days)
    if gap > FAR_OFF_DAYS:
        amount = f"about {round(gap / 30.44)} months"
    else:
        days = abs(calendar.count(today, kd.date))
        amount = f"{days} working day{'s' if days != 1 else ''}"
    if kd.date > today:
        return (f"in {amount}" if gap > FAR_OFF_DAYS else f"{amount} to go"), False
    return (f"{amount} ago", False) if fact else (f"overdue by {amount}", True)
