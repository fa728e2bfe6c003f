"""Plain frozen records the store hands to the CLI and the UI (never live ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class InspectionView:
    id: str
    local_area: str
    framework: str
    notified: dt.date
    published: dt.date | None
    last_opened_at: dt.datetime | None = None


@dataclass(frozen=True)
class LineView:
    id: str
    code: str
    title: str
    strand: str
    is_bespoke: bool
    evidence: int = 0
    by_source: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SettingView:
    id: str
    urn: str | None
    name: str
    kind: str
    postcode: str
    status: str = "Open"
    la_name: str = ""
    address: str = ""
    easting: int | None = None
    northing: int | None = None
    is_specialist: bool = False
    shortlisted: bool = False
    visited: bool = False
    out_of_area: bool = False  # flagged by hand: a setting beyond the area's border
    phone: str = ""
    head: str = ""


@dataclass(frozen=True)
class PersonView:
    id: str
    name: str
    role: str
    organisation: str = ""
    email: str = ""
    phone: str = ""
    is_team: bool = False


@dataclass(frozen=True)
class EventView:
    id: str
    kind: str
    title: str
    start: dt.datetime
    end: dt.datetime
    setting_id: str | None = None
    setting_urn: str | None = None
    setting_name: str | None = None
    audience: str | None = None
    location: str = ""
    notes: str = ""
    status: str = "planned"
    people: tuple[str, ...] = ()  # names, in the order added
    person_ids: tuple[str, ...] = ()
    sequence: int = 0


@dataclass(frozen=True)
class EvidenceView:
    id: str
    line: str
    source: str
    text: str
    at: dt.datetime
    setting_urn: str | None = None
    setting_name: str | None = None
    case_ref: str | None = None
    judgement: str | None = None
    author: str = ""


@dataclass(frozen=True)
class Counts:
    settings: int
    settings_by_kind: dict[str, int]
    people: int
    team: int
    events: int
    evidence: int
    evidence_by_line: dict[str, int]
