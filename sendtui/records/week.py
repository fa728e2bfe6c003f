"""Events as plain frozen records: for the week's screens and the exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class EventRecord:
    id: str
    kind: str
    title: str
    start: dt.datetime
    end: dt.datetime
    setting_id: str | None = None
    setting_urn: str | None = None
    setting_name: str | None = None
    audience: str | None = None
    location: str = ""
    notes: str = ""
    status: str = "planned"
    people: tuple[str, ...] = ()  # names, in the order added
    person_ids: tuple[str, ...] = ()
    sequence: int = 0
