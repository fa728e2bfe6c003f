"""The trackers' tables: information requests, tracked children and sampled cases, actions
and the plan after the report (weaknesses, its versions, report-backs to scrutiny)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field

from sendtui.domain.clock import utc_now
from sendtui.store.models import OfInspection, instant

class Weakness(OfInspection, table=True):
    """A weakness the report named (2016: significant weakness; 2023: area for priority
    action or for improvement), with the verdict of the revisit or monitoring on it."""

    __tablename__ = "weakness"
    kind: str = "priority"  # domain.plan.WEAKNESS_KINDS
    title: str
    position: int = 0
    verdict: str = ""  # "", sufficient, not-sufficient
    verdict_on: dt.date | None = None

class Action(OfInspection, table=True):
    """Something to be done by someone by when: from a keep-in-touch meeting (event), an
    evidence entry, a weakness of the plan, or the team's own (no source)."""

    __tablename__ = "action"
    text: str
    owner_id: str | None = Field(default=None, foreign_key="person.id")
    due_at: dt.datetime | None = instant(nullable=True, default=None)
    status: str = "open"  # domain.actions.STATUSES
    rag: str = ""  # red, amber, green or ""
    event_id: str | None = Field(default=None, foreign_key="event.id")
    evidence_id: str | None = Field(default=None, foreign_key="evidence.id")
    weakness_id: str | None = Field(default=None, foreign_key="weakness.id", index=True)
    created_at: dt.datetime = instant(default_factory=utc_now)  # the order under a weakness

class PlanVersion(OfInspection, table=True):
    """A version of the WSOA, APP or priority action plan and what became of it."""

    __tablename__ = "plan_version"
    kind: str  # domain.plan.PLAN_KINDS
    version: str = "1"
    submitted_on: dt.date | None = None
    decided_on: dt.date | None = None  # the fitness decision
    fit: bool | None = None
    resubmitted_on: dt.date | None = None
    notes: str = ""

class ReportBack(OfInspection, table=True):
    """Progress reported to scrutiny (a committee, a board): when, to whom, what was said."""

    __tablename__ = "report_back"
    on: dt.date
    to: str
    notes: str = ""

class TrackedChild(OfInspection, table=True):
    """A tracked child or sampled case (2023), by pseudonym; the identity is `name_id`'s
    protected row. The professionals to invite are sector flags (`sectors`, comma-separated
    slugs of domain.tracking.SECTORS) and a free text naming them."""

    __tablename__ = "tracked_child"
    kind: str  # tracked, sampled
    pseudonym: str
    name_id: str = Field(foreign_key="protected_name.id", index=True)
    selected_on: dt.date
    consent: str = ""  # "" (not asked), asked, given, refused
    consent_by: str = ""
    documents_due: dt.datetime = instant()
    documents_uploaded: dt.date | None = None
    sectors: str = ""
    professionals: str = ""
    event_id: str | None = Field(default=None, foreign_key="event.id")

class InfoRequest(OfInspection, table=True):
    """Something the inspectors asked the area for: a data set, a document, a template, an
    access; due at a typed instant or counted from a key date (`due_anchor`)."""

    __tablename__ = "info_request"
    title: str
    kind: str = "document"
    owner_id: str | None = Field(default=None, foreign_key="person.id")
    due_at: dt.datetime | None = instant(nullable=True, default=None)
    due_anchor: str = ""  # a key date's key: due_days working days after it, at due_time
    due_days: int = 0
    due_time: str = ""  # HH:MM London time
    status: str = "to-do"
    reason: str = ""  # why it is not held
    where: str = ""
    notes: str = ""
