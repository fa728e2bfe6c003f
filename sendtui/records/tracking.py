"""Tracked children and sampled cases as plain records: pseudonyms only, never identities."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TrackedEntry:
    """An evidence entry captured against a tracked child (its text as stored)."""

    id: str
    at: dt.datetime
    line_code: str
    text: str


@dataclass(frozen=True)
class TrackedChildRecord:
    id: str
    kind: str  # domain.tracking.KINDS: tracked, sampled
    pseudonym: str
    selected_on: dt.date
    consent: str  # domain.tracking.CONSENT: "" (not asked), asked, given, refused
    consent_by: str  # free text ("mother", "the young person"): redacted on screen
    documents_due: dt.datetime  # UTC
    documents_uploaded: dt.date | None
    sectors: tuple[str, ...]  # domain.tracking.SECTORS slugs
    professionals: str  # free text: who is invited
    event_id: str | None  # the tracking meeting
    event_title: str = ""
    event_start: dt.datetime | None = None
    entries: tuple[TrackedEntry, ...] = ()  # newest first


@dataclass(frozen=True)
class Identity:
    """What the protected table holds for a child: shown on request only, audited."""

    name: str
    born: dt.date | None
    case_ref: str | None


@dataclass(frozen=True)
class Missing:
    """What is missing for a tracked child this morning (the dashboard's Today panel)."""

    child_id: str
    pseudonym: str
    kind: str
    what: str  # "consent" or "documents"
    due: dt.datetime  # the documents' due instant (UTC)
    overdue: bool
