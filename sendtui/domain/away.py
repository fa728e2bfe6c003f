"""When people are unavailable, as the week shows it: the days a period covers, the periods
over a quarter hour of the grid, and how the status line says it. Pure."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from sendtui.domain.clock import to_london


class Period(Protocol):
    person_id: str
    start: dt.datetime  # aware
    end: dt.datetime
    reason: str


def days_covered(start: dt.datetime, end: dt.datetime) -> list[dt.date]:
    """The London days a period touches: Tue 09:00 to Wed 17:00 is Tue and Wed; a period
    ending at midnight does not reach the next day."""
    first = to_london(start).date()
    last = to_london(end - dt.timedelta(microseconds=1)).date()
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def periods_over(periods: list[Period], start: dt.datetime, end: dt.datetime,
                 person_id: str | None = None) -> list[Period]:
    """The periods overlapping [start, end), of one person or of anybody."""
    return [p for p in periods if p.start < end and start < p.end
            and (person_id is None or p.person_id == person_id)]


def away_words(periods: list[Period], names: dict[str, str]) -> str:
    """"Priya Shah · unavailable (Tribunal)"; several: "Priya Shah (Tribunal), Kwame
    Mensah · unavailable"."""
    said = [(names.get(p.person_id, "Someone removed"), p.reason) for p in periods]
    if len(said) == 1:
        name, reason = said[0]
        return f"{name} · unavailable" + (f" ({reason})" if reason else "")
    return ", ".join(f"{n} ({r})" if r else n for n, r in dict.fromkeys(said)) + \
        " · unavailable"
