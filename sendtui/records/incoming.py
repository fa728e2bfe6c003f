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


@dataclass(frozen=True)
class Planned:
    """What an import does to one row of its file: its outcome is new, updated, unchanged or
    skipped; `reason` says which fields change, or why the row is left out."""

    what: str  # the row in words: "URN 190001 Ashby Brook Primary School", a person's name
    outcome: str
    reason: str = ""


@dataclass(frozen=True)
class ImportPlan:
    """What an import will do, before anything is written (the preview), or has done."""

    rows: tuple[Planned, ...]
    skipped: int = 0  # rows left out by the importer, counted (listed in `rows` or not)
    warnings: tuple[str, ...] = ()

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    def summary(self) -> str:
        """'12 new, 3 updated, 40 unchanged, 2 skipped'."""
        return (f"{self.count('new')} new, {self.count('updated')} updated, "
                f"{self.count('unchanged')} unchanged, {self.skipped} skipped")
