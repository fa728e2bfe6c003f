"""Evidence CSV: at,line,source,text,setting_urn,case_ref,judgement,author."""

from __future__ import annotations

from pathlib import Path

from sendtui.domain.clock import parse_london
from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.errors import BadFile, CalendarError, TimeError
from sendtui.importers.csvfile import DIGITS, read_rows, shown
from sendtui.records import EvidenceRow


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
            raise BadFile(f"{where}, column source: unknown source kind {shown(source)}")
        judgement = row.get("judgement").lower() or None
        if judgement and judgement not in JUDGEMENTS:
            raise BadFile(f"{where}, column judgement: unknown judgement {shown(judgement)}")
        if not row.get("text"):
            raise BadFile(f"{where}, column text: the entry has no text")
        urn = row.get("setting_urn")
        if urn and not DIGITS.fullmatch(urn):
            raise BadFile(f"{where}, column setting_urn: {shown(urn)} is not a URN")
        result.append(EvidenceRow(at, row.get("line").upper(), source, row.get("text"),
                                  row.get("setting_urn") or None, row.get("case_ref") or None,
                                  judgement, row.get("author")))
    return result
