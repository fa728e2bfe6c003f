"""How a setting reads on the settings screen: its row, its warnings, the search it matches."""

from __future__ import annotations

from sendtui.domain.gias import specialist_label
from sendtui.domain.kinds import SETTING_KINDS
from sendtui.domain.matching import fold
from sendtui.domain.postcodes import located_words
from sendtui.records import SettingRecord

SHORT_KINDS = {"alternative-provision": "Alt. provision"}


def matches(s: SettingRecord, kind: str, search: str) -> bool:
    """Of that kind ("" any) and with the search in its name, URN or postcode (any case,
    accents or apostrophe style: "st mary's" finds St Mary’s)."""
    if kind and s.kind != kind:
        return False
    needle = fold(search.strip())
    return not needle or needle in fold(s.name) or needle in (s.urn or "") or (
        needle.replace(" ", "") in s.postcode.replace(" ", "").lower())


def cells(s: SettingRecord, local_area: str) -> list[str]:
    kind = SHORT_KINDS.get(s.kind, SETTING_KINDS.get(s.kind, s.kind))
    if s.is_specialist:  # independent or non-maintained: neither is the other
        kind = specialist_label(s.gias_type).removesuffix(" school").replace(
            "Non-maintained", "Non-maint.").replace("Independent", "Indep.")
    return [s.urn or "—", s.name, kind, s.postcode, status(s, local_area), marks(s)]


def status(s: SettingRecord, local_area: str) -> str:
    """The GIAS status, or what to beware of when choosing the setting for a visit."""
    warnings = [word for word, applies in [
        ("out of area", is_out_of_area(s, local_area)),
        ("closing", "proposed to close" in s.status.lower())] if applies]
    return "⚠ " + ", ".join(warnings) if warnings else s.status


def marks(s: SettingRecord) -> str:
    if s.is_base:
        return "⌂ base room"
    if s.shortlisted and s.is_visited:
        return "★ ✓ visited"
    return "★ shortlist" if s.shortlisted else "✓ visited" if s.is_visited else ""


def is_out_of_area(s: SettingRecord, local_area: str) -> bool:
    return s.out_of_area or (bool(s.la_name) and s.la_name.lower() != local_area.lower())


def describe(s: SettingRecord, local_area: str) -> str:
    """The selected setting in full, with its warnings in words."""
    kind = specialist_label(s.gias_type) if s.is_specialist else SETTING_KINDS.get(s.kind, s.kind)
    parts = [f"{s.urn or 'no URN'} {s.name}", kind, s.postcode, s.status]
    if is_out_of_area(s, local_area):
        parts.append(f"out of the area ({s.la_name or 'flagged'})")
    if "proposed to close" in s.status.lower():
        parts.append("proposed to close: visit only with good reason")
    if s.visit_ended:
        parts.append("visited in the week")
    elif s.visited:
        parts.append("marked visited")
    if s.is_base:
        parts.append("the inspection's base room")
    if s.urn is None:
        parts.append(whereabouts(s))
    return " · ".join(p for p in parts if p)


def whereabouts(s: SettingRecord) -> str:
    """Where a place added by hand is on the map, and how that was found."""
    if s.easting is None or s.northing is None:
        return "not on the map: travel to it is not checked"
    how = located_words(s.located_by, s.postcode, s.name).removesuffix(f" ({s.name})")
    return f"grid {s.easting}, {s.northing}" + (f", estimated from {how}" if how else "")
