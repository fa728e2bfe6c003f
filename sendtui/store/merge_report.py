"""What a bundle brought, counted by table, and the words for it (one line, and a line per
kind of thing), never holding stored content: `sendtui bundle import` and the Exchange
screen say the same."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

LEDGER = {"device", "alias", "audit", "erasure", "postcode_point"}  # not told as "new"
KINDS = (  # a bundle's tables, in words, in the order a coordinator cares about them
    ("evidence", "evidence entries"), ("event", "visits and meetings"),
    ("info_request", "requests"), ("person", "people"), ("setting", "settings"),
    ("line_of_enquiry", "lines of enquiry"), ("finding", "findings"),
    ("finding_evidence", "evidence behind findings"), ("weakness", "weaknesses"),
    ("action", "actions"), ("plan_version", "plan versions"),
    ("report_back", "report-backs"), ("tracked_child", "children tracked"),
    ("protected_name", "marked names"), ("key_date", "key dates"),
    ("availability", "times away"), ("event_person", "people booked on visits"),
    ("evidence_version", "earlier versions of entries"),
    ("inspection", "the inspection's details"),
)


@dataclass
class Arrived:
    """What a bundle brought (counts per table), in words that never hold stored content."""

    origin: str  # the laptop's name
    new: Counter = field(default_factory=Counter)
    changed: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    conflicts: int = 0
    erased: int = 0
    notices: list[str] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        """Nothing arrived but bookkeeping (the other laptop's audit lines, its name…)."""
        return not (_total(self.new) or _total(self.changed) or _total(self.removed)
                    or self.conflicts or self.erased)


def by_kind(arrived: Arrived) -> list[str]:
    """One line per kind of thing that arrived: "evidence entries: 12 new, 2 changed"."""
    lines = []
    for table, words in KINDS:
        parts = [f"{n:,} {how}" for n, how in ((arrived.new[table], "new"),
                 (arrived.changed[table], "changed"), (arrived.removed[table], "removed"))
                 if n]
        if parts:
            lines.append(f"{words}: {', '.join(parts)}")
    return lines


def said(arrived: Arrived) -> str:
    """"12 new, 3 changed, 1 removed, 1 conflict" — or "nothing new"."""
    parts = [f"{n:,} {word}" for n, word in (
        (_total(arrived.new), "new"), (_total(arrived.changed), "changed"),
        (_total(arrived.removed), "removed"), (arrived.erased, "erased")) if n]
    if arrived.conflicts:
        parts.append(f"{arrived.conflicts} conflict{'s' if arrived.conflicts > 1 else ''} "
                     f"kept for review")
    return ", ".join(parts) or "nothing new"


def _total(counts: Counter) -> int:
    return sum(n for table, n in counts.items() if table not in LEDGER)
