"""Which phases each kind of event belongs to, per framework, from the framework templates
(`templates.py`: a phase is named by the key date that spans it).

A kind listed under several phases is normal in any of them; a kind listed under none (in
2023 a meeting, keep-in-touch, the team meeting) may fall on any day of the inspection.
"""

from __future__ import annotations

from sendtui.domain.frameworks import FRAMEWORKS, phase_kinds

ON_SITE = "on-site"

# framework slug -> phase key -> kinds, for the phases that hold events (not the notice)
PHASES: dict[str, dict[str, tuple[str, ...]]] = {
    slug: {key: kinds for key, kinds in phase_kinds(slug).items() if kinds}
    for slug in FRAMEWORKS}


def phases_of(framework_slug: str, event_kind: str) -> tuple[str, ...]:
    """Every phase in which an event of this kind is normal; () for any day."""
    phases = PHASES.get(framework_slug, {ON_SITE: (event_kind,)})
    return tuple(key for key, kinds in phases.items() if event_kind in kinds)
