"""What a framework template is made of: date rules, key dates, lines, phases and outcomes.

Plain frozen data; the templates themselves are in `sendtui.domain.templates` and the rules
that use them in `sendtui.domain.frameworks`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Anchors a rule may count from besides an earlier rule's key: the notification, the
# publication, the day the final report was received, and "report" (received, else published).
NOTIFIED, PUBLISHED, RECEIVED, REPORT = "notified", "published", "report-received", "report"


@dataclass(frozen=True)
class DateRule:
    key: str
    label: str
    anchor: str  # "notified", "published", "report-received", "report" or an earlier key
    offset: int = 0  # working days after the anchor (0: the anchor itself)
    span: int = 1  # working days in the period (>1: a date range)
    months: int = 0  # calendar months after the anchor instead of working days
    at_end: bool = False  # counted from the last day of the anchor's period

    def describe(self) -> str:
        anchor = "report received (else published)" if self.anchor == REPORT else self.anchor
        if self.months:
            return f"about {self.months} months after {anchor}"
        if self.at_end:
            return f"last day of {anchor}"
        if not self.offset:
            return f"= {anchor}"
        return f"{anchor} + {self.offset} working days"

    def as_json(self) -> dict:
        return {"key": self.key, "label": self.label, "anchor": self.anchor,
                "offset": self.offset, "months": self.months}

    @classmethod
    def from_json(cls, data: dict) -> "DateRule":
        return cls(str(data["key"]), str(data["label"]), str(data["anchor"]),
                   offset=int(data.get("offset", 0)), months=int(data.get("months", 0)))


@dataclass(frozen=True)
class KeyDate:
    key: str
    label: str
    date: dt.date
    end: dt.date | None = None
    rule: str = ""

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "date": self.date.isoformat(),
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass(frozen=True)
class Line:
    code: str
    title: str
    strand: str  # A, B, C for 2016; E or L for 2023; W for revisit; P for monitoring


@dataclass(frozen=True)
class Phase:
    """A stretch of the inspection; `rule` spans it (its key is the key date that does, when
    the template has one: the coordinator's edits to that date move the phase)."""

    key: str
    label: str
    rule: DateRule
    kinds: tuple[str, ...] = ()  # the event kinds that belong in it


@dataclass(frozen=True)
class Outcome:
    """One outcome of the report, and the dates that follow it."""

    code: str
    label: str
    follows: tuple[DateRule, ...] = ()
    source: str = ""  # the guidance it comes from


@dataclass(frozen=True)
class Framework:
    slug: str
    name: str
    rules: tuple[DateRule, ...]
    lines: tuple[Line, ...]
    expected_setting_kinds: tuple[str, ...] = ()
    expected_audiences: tuple[str, ...] = ()
    notes: str = ""
    published_keys: frozenset[str] = field(default_factory=frozenset)
    phases: tuple[Phase, ...] = ()
    judgements: tuple[tuple[str, str], ...] = ()  # (polarity slug, the framework's words)
    outcomes: tuple[Outcome, ...] = ()
    pending: tuple[DateRule, ...] = ()  # after publication while the outcome is not recorded
    outcome_question: str = ""  # how the coordinator is asked for the outcome

    def outcome(self, code: str | None) -> Outcome | None:
        return next((o for o in self.outcomes if o.code == code), None)
