"""Deadlines as to-dos (VTODO) in the iCalendar export: information requests, actions, and
the plan's key dates after the report.

Like the events: always redacted, UIDs that stay put when a title changes (they are made of
ids, and differ from the events' own), DTSTAMP from the data (the briefing's latest change),
so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Todo

from sendtui.domain import frameworks as fw
from sendtui.domain.clock import LONDON, to_london
from sendtui.exports import ExportRequest
from sendtui.exports.selection import person_named
from sendtui.records import ActionRecord, Briefing, RequestRecord

REQUEST_STATUS = {"to-do": "NEEDS-ACTION", "in-progress": "IN-PROCESS", "sent": "COMPLETED",
                  "not-held": "CANCELLED"}
ACTION_STATUS = {"open": "NEEDS-ACTION", "in-progress": "IN-PROCESS", "done": "COMPLETED",
                 "dropped": "CANCELLED"}
REPORT_ITSELF = frozenset({fw.PUBLISHED, fw.RECEIVED})  # the report, not a deadline after it


def todos(briefing: Briefing, request: ExportRequest) -> list[Todo]:
    """The request's deadlines: requests, then actions, then the plan's dates, each by due.
    With a person, only the deadlines they own (the plan's dates have no owner)."""
    owner = person_named(briefing, request.person).id if request.person else None
    found = [_request(briefing, r) for r in _chosen(briefing.requests, request, owner)]
    found += [_action(briefing, a) for a in _chosen(actions(briefing), request, owner)]
    if owner is None:
        found += [_key_date(briefing, k) for k in plan_dates(briefing)
                  if _in_range(_last_day(k), request)]
    return found


def actions(briefing: Briefing) -> list[ActionRecord]:
    """Every action (the team's and the plan's) with a due, by due then text."""
    plan = briefing.plan
    if plan is None:
        return []
    every = list(plan.team_actions) + [a for w in plan.weaknesses for a in w.actions]
    return sorted((a for a in every if a.due_at is not None),
                  key=lambda a: (a.due_at, a.text.casefold(), a.id))


def plan_dates(briefing: Briefing) -> list[fw.KeyDate]:
    """The inspection's key dates that follow the report (the report's own left out)."""
    after = fw.after_report_keys(fw.get_framework(briefing.inspection.framework))
    return [k for k in briefing.key_dates if k.key in after - REPORT_ITSELF]


def _chosen(items: Iterable, request: ExportRequest, owner: str | None) -> list:
    return [x for x in items if x.due_at is not None
            and (owner is None or x.owner_id == owner)
            and _in_range(to_london(x.due_at).date(), request)]


def _in_range(day: dt.date, request: ExportRequest) -> bool:
    return not (request.start and day < request.start or request.end and day > request.end)


def _last_day(k: fw.KeyDate) -> dt.date:
    return k.end or k.date


def _todo(briefing: Briefing, uid: str, summary: str, status: str, category: str) -> Todo:
    todo = Todo()
    todo.add("uid", uid)
    todo.add("dtstamp", briefing.as_of.astimezone(dt.timezone.utc))
    todo.add("summary", briefing.redactor.redact(summary))
    todo.add("status", status)
    todo.add("categories", [category])
    return todo


def _describe(briefing: Briefing, todo: Todo, lines: list[tuple[str, str]]) -> None:
    text = "\n".join(f"{label}: {value}" for label, value in lines if value)
    if text:
        todo.add("description", briefing.redactor.redact(text))


def _request(briefing: Briefing, r: RequestRecord) -> Todo:
    todo = _todo(briefing, f"request-{r.id}@sendtui", f"Request: {r.title}",
                 REQUEST_STATUS.get(r.status, "NEEDS-ACTION"), "request")
    todo.add("due", r.due_at.astimezone(LONDON))
    _describe(briefing, todo, [("Kind", r.kind.replace("-", " ")), ("Owner", r.owner),
                               ("Where", r.where), ("Not held", r.reason)])
    return todo


def _action(briefing: Briefing, a: ActionRecord) -> Todo:
    todo = _todo(briefing, f"action-{a.id}@sendtui", f"Action: {a.text}",
                 ACTION_STATUS.get(a.status, "NEEDS-ACTION"), "action")
    todo.add("due", a.due_at.astimezone(LONDON))
    _describe(briefing, todo, [("Owner", a.owner), ("From", a.source_title)])
    return todo


def _key_date(briefing: Briefing, k: fw.KeyDate) -> Todo:
    """An all-day to-do: due on the date (the last day of a span, which starts on its first)."""
    todo = _todo(briefing, f"deadline-{k.key}-{briefing.inspection.id}@sendtui",
                 f"Plan: {k.label}", "NEEDS-ACTION", "plan")
    if k.end and k.end != k.date:
        todo.add("dtstart", k.date)
    todo.add("due", _last_day(k))
    if k.rule:
        _describe(briefing, todo, [("When", k.rule)])
    return todo
