"""A problem in the plan, as `check` prints it and the week screen lists it."""

from __future__ import annotations

from dataclasses import dataclass

from sendtui.domain.clock import when
from sendtui.domain.kinds import event_kind_label

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    severity: str
    rule: str
    message: str
    events: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {"severity": self.severity, "rule": self.rule, "message": self.message,
                "events": list(self.events)}


def label(e) -> str:
    """An event (anything with kind, title, start and end) as a problem names it."""
    return f"{e.title or event_kind_label(e.kind)} ({when(e.start, e.end)})"
