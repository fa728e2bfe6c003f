"""Plain frozen records shared by the store, the exports, the CLI and the UI: no SQL, no Textual.

The store reads rows into these and never hands out live ORM rows; the exports are pure
functions of them; the importers read files into the `incoming` rows the store writes.
Each is imported from its module when first asked for (`from sendtui.records import Counts`
loads `records.area` only): the dashboard's first frame needs a few, not the briefing's.
"""

from __future__ import annotations

from importlib import import_module

_MODULES = {
    "area": ("Counts", "InspectionRecord", "LineRecord", "PersonRecord", "Retention",
             "SettingRecord"),
    "audit": ("AuditRecord",),
    "bundle": ("Bundle", "Manifest", "TableRows"),
    "briefing": ("EPOCH", "Briefing", "SheetEvent"),
    "evidence": ("EvidenceRecord",),
    "findings": ("FindingRecord",),
    "incoming": ("EventRow", "EvidenceRow", "ImportPlan", "Loaded", "PersonRow", "Planned",
                 "SettingRow"),
    "week": ("EventRecord",),
    "requests": ("RequestRecord", "RequestRow"),
    "tracking": ("Identity", "Missing", "TrackedChildRecord", "TrackedEntry"),
    "plan": ("ActionRecord", "PlanRecord", "PlanVersionRecord", "ReportBackRecord", "WeaknessRecord"),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
