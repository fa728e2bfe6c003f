"""The briefing pack's "Outstanding requests and actions": what each owner still has to send
or do, by due, overdue said in words, those nobody owns last.

Overdue is judged at the briefing's moment: 09:00 London on the day the pack is made (as the
plan's exports judge it), so the same data on the same day gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sendtui.domain import actions as action_rules
from sendtui.domain import requests as request_rules
from sendtui.domain.dates import clock, local_date, short_day, stamp
from sendtui.domain.redaction import Redact
from sendtui.exports.docs import docx_heading, docx_paragraph, docx_table, esc, html_table
from sendtui.records import Briefing

HEADING = "Outstanding requests and actions"
HEADER = ["What", "Due"]
NO_OWNER = "No owner"
NOTHING = "No request or action is outstanding."


@dataclass(frozen=True)
class Outstanding:
    what: str  # "Request" or "Action"
    text: str
    due_at: dt.datetime | None
    overdue: bool


def moment(briefing: Briefing) -> dt.datetime:
    """When overdue is judged: the plan's moment (09:00 on the day made), else the data's."""
    plan = briefing.plan
    return plan.now if plan is not None and plan.now is not None else briefing.as_of


def by_owner(briefing: Briefing) -> list[tuple[str, list[Outstanding]]]:
    """(owner, what they have outstanding by due) for each owner by name, "No owner" last."""
    now = moment(briefing)
    groups: dict[str, list[Outstanding]] = {}
    for r in briefing.requests:
        if r.status not in request_rules.FINISHED:
            groups.setdefault(r.owner, []).append(
                Outstanding("Request", r.title, r.due_at, request_rules.is_overdue(r, now)))
    for a in _actions(briefing):
        if a.status not in action_rules.FINISHED:
            groups.setdefault(a.owner, []).append(
                Outstanding("Action", a.text, a.due_at, action_rules.is_overdue(a, now)))
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    owners = sorted(groups, key=lambda name: (name == "", name.casefold()))
    return [(name or NO_OWNER,
             sorted(groups[name], key=lambda x: (x.due_at or far, x.what, x.text.casefold())))
            for name in owners]


def _actions(briefing: Briefing) -> list:
    plan = briefing.plan
    if plan is None:
        return []
    return list(plan.team_actions) + [a for w in plan.weaknesses for a in w.actions]


def due_words(item: Outstanding, now: dt.datetime) -> str:
    """'Tue 1 Dec 10:00' (the year too when it is not now's), with ' — overdue' when it is;
    'no due date' when it has none."""
    if item.due_at is None:
        return "no due date"
    day = local_date(item.due_at)
    when = short_day(day) + (f" {day.year}" if day.year != local_date(now).year else "")
    when += f" {clock(item.due_at)}"
    return f"{when} — overdue" if item.overdue else when


def rows(briefing: Briefing, items: list[Outstanding], redact: Redact) -> list[list[str]]:
    now = moment(briefing)
    return [[f"{x.what}: {redact(x.text)}", due_words(x, now)] for x in items]


def summary(briefing: Briefing, groups: list[tuple[str, list[Outstanding]]]) -> str:
    items = [x for _, found in groups for x in found]
    late = sum(x.overdue for x in items)
    return f"{len(items)} outstanding, {late} overdue, as at {stamp(moment(briefing))}."


def html_section(briefing: Briefing, redact: Redact) -> str:
    groups = by_owner(briefing)
    parts = [f'<section class="page">\n<h1>{esc(HEADING)}</h1>\n']
    if not groups:
        parts.append(f"<p>{esc(NOTHING)}</p>\n")
    else:
        parts.append(f'<p class="meta">{esc(summary(briefing, groups))}</p>\n')
    for owner, items in groups:
        parts += [f"<h2>{esc(redact(owner))}</h2>\n", html_table(HEADER, rows(briefing, items, redact))]
    parts.append("</section>\n")
    return "".join(parts)


def docx_section(doc, briefing: Briefing, redact: Redact) -> None:
    groups = by_owner(briefing)
    docx_heading(doc, HEADING, 1)
    docx_paragraph(doc, (summary(briefing, groups) if groups else NOTHING, ""))
    for owner, items in groups:
        docx_heading(doc, redact(owner), 2)
        docx_table(doc, HEADER, rows(briefing, items, redact))
