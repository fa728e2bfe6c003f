"""Which phase of an inspection each kind of event belongs to, per framework: data.

A phase is named by a key date's key (its date..end is the phase). A kind listed under
several phases is normal in any of them; a kind listed under none (a meeting, keep-in-touch,
the team meeting) may fall on any day of the inspection. A framework not listed here keeps
everything to the on-site days, as the 2016 week does.
"""

from __future__ import annotations

from sendtui.domain.kinds import EVENT_KINDS

ON_SITE = "on-site"

PHASES: dict[str, dict[str, tuple[str, ...]]] = {
    "2016": {ON_SITE: tuple(EVENT_KINDS)},
    "revisit": {ON_SITE: tuple(EVENT_KINDS)},
    # Week 1 set-up and data request; week 2 tracking and case sampling (both may run on
    # into week 3); week 3 on site, ending in final feedback.
    "2023": {
        "set-up": ("set-up-meeting",),
        "tracking": ("tracking-meeting", "case-sampling"),
        ON_SITE: ("visit", "focus-group", "leaders-meeting", "pcf-meeting", "case-file-review",
                  "final-feedback", "tracking-meeting", "case-sampling"),
    },
}


def phases_of(framework_slug: str, event_kind: str) -> tuple[str, ...]:
    """Every phase in which an event of this kind is normal; () for any day."""
    phases = PHASES.get(framework_slug, {ON_SITE: (event_kind,)})
    return tuple(key for key, kinds in phases.items() if event_kind in kinds)


def phase_of(framework_slug: str, event_kind: str) -> str | None:
    """The phase an event of this kind belongs to (its first), None for any day."""
    return next(iter(phases_of(framework_slug, event_kind)), None)
