"""Evidence CSV: at,line,source,text,setting_urn,case_ref,judgement,author."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sendtui.domain.calendar import CalendarError
from sendtui.domain.clock import TimeError, parse_london
from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.importers.csvfile import BadFile, read_rows


@dataclass(frozen=True)
class EvidenceRow:
    at: dt.datetime
    line: str
    source: str
    text: str
    setting_urn: str | None
    case_ref: str | None
    judgement: str | None
    author: str


def read_evidence(path: Path) -> list[EvidenceRow]:
    _, rows = read_rows(path, ("at", "line", "source", "text"))
    result = []
    for row in rows:
        where = f"{path.name}: row {row.number}"
        try:
            at = parse_london(row.get("at"))
        except (CalendarError, TimeError) as exc:
            raise BadFile(f"{where}, column at: {exc}") from None
        source = row.get("source").lower()
        if source not in SOURCE_KINDS:
            raise BadFile(f"{where}, column source: unknown source kind {source!r}")
        judgement = row.get("judgement").lower() or None
        if judgement and judgement not in JUDGEMENTS:
            raise BadFile(f"{where}, column judgement: unknown judgement {judgement!r}")
        if not row.get("text"):
            raise BadFile(f"{where}, column text: the entry has no text")
        result.append(EvidenceRow(at, row.get("line").upper(), source, row.get("text"),
                                  row.get("setting_urn") or None, row.get("case_ref") or None,
                                  judgement, row.get("author")))
    return result
