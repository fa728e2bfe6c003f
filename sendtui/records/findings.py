"""Findings as plain frozen records: the statement, its backing and what contradicts it."""

from __future__ import annotations

from dataclasses import dataclass

from sendtui.records.evidence import EvidenceRecord


@dataclass(frozen=True)
class FindingRecord:
    id: str
    line_id: str
    line_code: str
    text: str
    polarity: str  # strength, development, concern (the evidence judgement slugs)
    security: str  # domain.findings.Security, at the threshold it was read with
    backing: tuple[EvidenceRecord, ...] = ()  # oldest first
    contradicting: tuple[EvidenceRecord, ...] = ()  # oldest first

    @property
    def sources(self) -> list[str]:
        """The source kind of each backing entry (repeats and all)."""
        return [e.source for e in self.backing]
