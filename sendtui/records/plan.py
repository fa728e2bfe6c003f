"""Actions and the plan after the report, as plain frozen records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ActionRecord:
    id: str
    text: str
    owner_id: str | None
    owner: str  # the owner's name, "" for none
    due_at: dt.datetime | None  # UTC
    status: str  # domain.actions.STATUSES
    rag: str  # red, amber, green or ""
    source: str  # event, evidence, weakness or "" (domain.actions.SOURCES)
    source_id: str | None
    source_title: str  # the event's title, the entry's time, the weakness's title
    weakness_id: str | None = None


@dataclass(frozen=True)
class WeaknessRecord:
    id: str
    kind: str  # domain.plan.WEAKNESS_KINDS
    title: str
    position: int
    verdict: str  # "", sufficient, not-sufficient
    verdict_on: dt.date | None
    actions: tuple[ActionRecord, ...] = ()


@dataclass(frozen=True)
class PlanVersionRecord:
    id: str
    kind: str  # domain.plan.PLAN_KINDS
    version: str
    submitted_on: dt.date | None
    decided_on: dt.date | None  # the fitness decision
    fit: bool | None
    resubmitted_on: dt.date | None
    notes: str


@dataclass(frozen=True)
class ReportBackRecord:
    id: str
    on: dt.date
    to: str  # to whom: a scrutiny committee, a board
    notes: str


@dataclass(frozen=True)
class PlanRecord:
    framework: str
    weaknesses: tuple[WeaknessRecord, ...] = ()
    team_actions: tuple[ActionRecord, ...] = ()  # no weakness: keep-in-touch and team
    versions: tuple[PlanVersionRecord, ...] = ()
    report_backs: tuple[ReportBackRecord, ...] = ()
    now: dt.datetime | None = None  # when overdue is counted from (exports: today 09:00)
