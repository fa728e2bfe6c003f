"""Plain frozen records shared by the store, the exports, the CLI and the UI: no SQL, no Textual.

The store reads rows into these and never hands out live ORM rows; the exports are pure
functions of them; the importers read files into the `incoming` rows the store writes.
"""

from sendtui.records.area import (
    Counts,
    InspectionRecord,
    LineRecord,
    PersonRecord,
    SettingRecord,
)
from sendtui.records.audit import AuditRecord
from sendtui.records.briefing import EPOCH, Briefing, SheetEvent
from sendtui.records.evidence import EvidenceRecord
from sendtui.records.incoming import (
    EventRow,
    EvidenceRow,
    Loaded,
    PersonRow,
    SettingRow,
)
from sendtui.records.week import EventRecord

__all__ = [
    "AuditRecord", "Briefing", "Counts", "EPOCH", "EventRow", "EventRecord", "EvidenceRow",
    "EvidenceRecord", "InspectionRecord", "LineRecord", "Loaded", "PersonRow", "PersonRecord",
    "SettingRow", "SettingRecord", "SheetEvent",
]
