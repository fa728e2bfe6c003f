"""How a person reads on the people screen: their row, their details, their times away."""

from __future__ import annotations


from sendtui.domain.dates import local_date, period, short_day
from sendtui.records import PersonRecord
from sendtui.store.availability import Unavailable


def cells(p: PersonRecord, away: list[Unavailable]) -> list[str]:
    """Name, side, role, organisation, email, phone, when unavailable."""
    return [p.name, "Team" if p.is_team else "Local", p.role, p.organisation, p.email,
            p.phone, unavailable(away)]


def unavailable(away: list[Unavailable]) -> str:
    """The one period, or how many from which day: short enough for a column."""
    if len(away) == 1:
        return period(away[0].start, away[0].end)
    return f"{len(away)} periods from {short_day(local_date(away[0].start))}" if away else ""


def describe(p: PersonRecord, away: list[Unavailable]) -> str:
    """Three lines: who, how to reach them, when they are unavailable."""
    job = ", ".join(x for x in (p.role, p.organisation) if x)
    contact = " · ".join(x for x in (p.email, p.phone) if x)
    periods = "; ".join(period(a.start, a.end) + (f" ({a.reason})" if a.reason else "")
                        for a in away)
    return (f"{p.name}{' — ' + job if job else ''}\n{contact or 'no email or phone'}\n"
            f"Unavailable: {periods or 'no periods given'}")
