"""The inspection, its area and its lines as the store hands them out: plain frozen records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class InspectionRecord:
    id: str
    local_area: str
    framework: str
    notified: dt.date
    published: dt.date | None
    last_opened_at: dt.datetime | None = None


@dataclass(frozen=True)
class LineRecord:
    id: str
    code: str
    title: str
    strand: str
    is_bespoke: bool
    evidence_count: int = 0
    by_source: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SettingRecord:
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
    is_base: bool = False  # the inspection's base room
    located_by: str = ""  # "typed", "postcode", "sector" for a place added by hand
    gias_type: str = ""  # the establishment type GIAS gives ("" for a place added by hand)
    # `visited` is the coordinator's own mark (v); this is read from the week: a visit to the
    # setting that has ended and was not cancelled. Either shows the setting as visited.
    visit_ended: bool = False

    @property
    def is_visited(self) -> bool:
        return self.visited or self.visit_ended


@dataclass(frozen=True)
class PersonRecord:
    id: str
    name: str
    role: str
    organisation: str = ""
    email: str = ""
    phone: str = ""
    is_team: bool = False


@dataclass(frozen=True)
class Counts:
    settings: int
    settings_by_kind: dict[str, int]
    people: int
    team: int
    events: int
    evidence: int
    evidence_by_line: dict[str, int]


@dataclass(frozen=True)
class Retention:
    months: int | None  # None: kept until erased by hand
    due: dt.date | None  # when the evidence falls due for erasure
