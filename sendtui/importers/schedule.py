"""Schedule CSV: date,start,end,kind,title,setting_urn,people,location,notes (+audience,status)."""

from __future__ import annotations

from pathlib import Path

from sendtui.domain.calendar import parse_date
from sendtui.domain.clock import london_to_utc, parse_time
from sendtui.domain.kinds import AUDIENCES, EVENT_KINDS, EVENT_STATUSES
from sendtui.errors import BadFile, CalendarError, TimeError
from sendtui.importers.csvfile import DIGITS, CsvRow, read_rows, shown
from sendtui.records import EventRow

COLUMNS = ("date", "start", "end", "kind", "title", "setting_urn", "people", "location", "notes")


def read_schedule(path: Path) -> list[EventRow]:
    _, rows = read_rows(path, COLUMNS)
    return [_event(row, path.name) for row in rows]


def _event(row: CsvRow, name: str) -> EventRow:
    def bad(column: str, why: str) -> BadFile:
        return BadFile(f"{name}: row {row.number}, column {column}: {why}")

    try:
        day = parse_date(row.get("date"))
    except CalendarError as exc:
        raise bad("date", str(exc)) from None
    times = {}
    for column in ("start", "end"):
        try:
            times[column] = london_to_utc(day, parse_time(row.get(column)))
        except TimeError as exc:
            raise bad(column, str(exc)) from None
    if times["end"] <= times["start"]:
        raise bad("end", "the event ends before it starts")
    kind = row.get("kind").lower()
    if kind not in EVENT_KINDS:
        raise bad("kind", f"unknown event kind {shown(kind)} (one of: {', '.join(EVENT_KINDS)})")
    title = " ".join(row.get("title").split())
    if not title:
        raise bad("title", "an event needs a title")
    audience = row.get("audience").lower() or None
    if audience and audience not in AUDIENCES:
        raise bad("audience", f"unknown audience {shown(audience)} "
                              f"(one of: {', '.join(AUDIENCES)})")
    status = row.get("status").lower() or "planned"
    if status not in EVENT_STATUSES:
        raise bad("status", f"unknown status {shown(status)} "
                            f"(one of: {', '.join(EVENT_STATUSES)})")
    urn = row.get("setting_urn")
    if urn and not DIGITS.fullmatch(urn):
        raise bad("setting_urn", f"{shown(urn)} is not a URN")
    people = tuple(p for p in (" ".join(x.split()) for x in row.get("people").split(";")) if p)
    return EventRow(kind, title, times["start"], times["end"], urn or None,
                    people, row.get("location"), row.get("notes"), audience, status)
