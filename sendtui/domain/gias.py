"""Get Information About Schools: establishment type and phase → setting kind (BRIEF §5).

The mapping is a data table matched case-insensitively after trimming; unknown values fall
back to `other`, and some types are not settings at all (not visitable).
"""

from __future__ import annotations

from dataclasses import dataclass

MAINSTREAM = {
    "community school", "voluntary aided school", "voluntary controlled school",
    "foundation school", "academy converter", "academy sponsor led", "free schools",
}
SECONDARY_ONLY = {"city technology college", "university technical college", "studio schools"}
PRIMARY_PHASES = {"primary", "middle deemed primary"}
SECONDARY_PHASES = {"secondary", "middle deemed secondary", "all-through"}

BY_TYPE: dict[str, str] = {
    "la nursery school": "early-years",
    "local authority nursery school": "early-years",
    "community special school": "special",
    "foundation special school": "special",
    "academy special converter": "special",
    "academy special sponsor led": "special",
    "free schools special": "special",
    "further education": "further-education",
    "sixth form centres": "further-education",
    "academy 16-19 converter": "further-education",
    "academy 16-19 sponsor led": "further-education",
    "academy 16 to 19 sponsor led": "further-education",
    "free schools 16 to 19": "further-education",
    "special post 16 institution": "further-education",
    "other independent school": "independent",
    "other independent special school": "independent",
    "non-maintained special school": "independent",
    "pupil referral unit": "alternative-provision",
    "academy alternative provision converter": "alternative-provision",
    "academy alternative provision sponsor led": "alternative-provision",
    "free schools alternative provision": "alternative-provision",
    "secure units": "other",
    "service children's education": "other",
    "online provider": "other",
    "higher education institutions": "other",
    "miscellaneous": "other",
    "other establishment": "other",
}
SPECIALIST = {"other independent special school", "non-maintained special school"}
OUTSIDE_ENGLAND = {"welsh establishment", "british schools overseas", "offshore schools"}
NOT_SETTINGS = {"children's centre", "children's centre linked site", "institution funded by other government department"}


def specialist_label(gias_type: str) -> str:
    """What a specialist independent-kind setting is: a non-maintained special school
    (charitable, approved by the DfE) is not an independent one, nor the other way round."""
    if _norm(gias_type) == "non-maintained special school":
        return "Non-maintained special school"
    return "Independent special school"


@dataclass(frozen=True)
class KindResult:
    kind: str | None  # None: not a setting at all
    is_specialist: bool = False
    known: bool = True  # False when the fallback `other` was used
    reason: str = ""


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).lower()


def setting_kind(type_name: str, phase: str, low_age: int | None = None,
                 high_age: int | None = None) -> KindResult:
    """The setting kind for a GIAS type and phase of education."""
    t, p = _norm(type_name), _norm(phase)
    if t in OUTSIDE_ENGLAND:
        return KindResult(None, reason=f"not visitable ({type_name})")
    if t in NOT_SETTINGS:
        return KindResult(None, reason=f"not a setting ({type_name})")
    if p == "nursery":
        return KindResult("early-years")
    if t in BY_TYPE:
        return KindResult(BY_TYPE[t], is_specialist=t in SPECIALIST)
    if t in MAINSTREAM or t in SECONDARY_ONLY:
        if p in PRIMARY_PHASES and t not in SECONDARY_ONLY:
            return KindResult("primary")
        if p in SECONDARY_PHASES or t in SECONDARY_ONLY:
            return KindResult("secondary")
        if p == "16 plus":
            return KindResult("further-education")
        return _by_age(low_age, high_age)
    return KindResult("other", known=False, reason=f"unknown type {type_name!r}")


def _by_age(low: int | None, high: int | None) -> KindResult:
    """Mainstream with phase "Not applicable": the statutory age range decides."""
    if low is None or high is None:
        return KindResult("other", known=False, reason="no phase or age range")
    if high <= 5:
        return KindResult("early-years")
    if high <= 11:
        return KindResult("primary")
    if low >= 16:
        return KindResult("further-education")
    return KindResult("secondary")
