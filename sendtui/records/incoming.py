"""Rows read from files (GIAS, people, schedule, evidence) on their way into the store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SettingRow:
    urn: str
    name: str
    kind: str
    gias_type: str
    phase: str
    status: str
    la_name: str
    address: str
    postcode: str
    easting: int | None
    northing: int | None
    is_specialist: bool
    phone: str = ""
    head: str = ""


@dataclass(frozen=True)
class PersonRow:
    name: str
    role: str
    organisation: str
    email: str
    phone: str
    is_team: bool


@dataclass(frozen=True)
class EventRow:
    kind: str
    title: str
    start: dt.datetime  # UTC
    end: dt.datetime
    setting_urn: str | None
    people: tuple[str, ...]
    location: str
    notes: str
    audience: str | None
    status: str
    setting_id: str | None = None  # a place without a URN (a health site), known by its id


@dataclass(frozen=True)
class EvidenceRow:
    at: dt.datetime
    line: str
    source: str
    text: str
    setting_urn: str | None
    case_ref: str | None
    judgement: str | None
    author: str
    setting_id: str | None = None  # a setting picked on screen (early years ones have no URN)
    tracked_child_id: str | None = None  # captured against a tracked child or sampled case
    event_id: str | None = None  # captured at an event (the one under the week's cursor)


@dataclass(frozen=True)
class Loaded:
    added: int
    updated: int = 0
    unchanged: int = 0
    ids: tuple[str, ...] = ()
