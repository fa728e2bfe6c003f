"""Everything an export needs, as plain records read from the store in one transaction.

The exports are pure functions of a `Briefing`: the same data gives the same bytes, so the
instant a document is stamped with (`as_of`) is the latest change in the data, never "now".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sendtui.domain import frameworks as fw
from sendtui.domain import schedule
from sendtui.domain.redaction import Redact, Redactor, keep
from sendtui.domain.triangulation import DEFAULT_THRESHOLD
from sendtui.records.area import (
    InspectionRecord,
    LineRecord,
    PersonRecord,
    SettingRecord,
)
from sendtui.records.evidence import EvidenceRecord
from sendtui.records.findings import FindingRecord
from sendtui.records.plan import PlanRecord
from sendtui.records.requests import RequestRecord

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class SheetEvent:
    id: str
    kind: str
    title: str
    start: dt.datetime
    end: dt.datetime
    setting: SettingRecord | None
    location: str
    notes: str
    people: tuple[PersonRecord, ...]
    sequence: int
    changed_at: dt.datetime
    cancelled: bool  # removed, or marked cancelled: calendars are told to drop it


@dataclass(frozen=True)
class Briefing:
    inspection: InspectionRecord
    key_dates: tuple[fw.KeyDate, ...]
    events: tuple[SheetEvent, ...]
    people: tuple[PersonRecord, ...]
    problems: tuple[schedule.Problem, ...]
    lines: tuple[LineRecord, ...]
    evidence: tuple[EvidenceRecord, ...]  # oldest first
    rules: schedule.Rules
    redactor: Redactor = field(default_factory=Redactor)
    threshold: int = DEFAULT_THRESHOLD
    as_of: dt.datetime = EPOCH  # the latest change in the data
    findings: tuple[FindingRecord, ...] = ()  # in the lines' order, then as added
    plan: PlanRecord | None = None  # actions and the plan after the report
    requests: tuple[RequestRecord, ...] = ()  # information requests, by due (undated last)

    def redaction(self, include_sensitive: bool) -> Redact:
        """The text filter for an export: the redactor, or nothing when the user opted in."""
        return keep if include_sensitive else self.redactor.redact

    @property
    def on_site_days(self) -> list[dt.date]:
        return fw.on_site_days(list(self.key_dates))
