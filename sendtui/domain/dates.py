"""How dates and times read on screen (Europe/London).

Formatted with the standard library and zoneinfo: these run once per row or entry on the
screens, where pendulum's conversion (~40 µs a call, and ~40 ms to import) was most of the
cost; `tests/domain/test_dates_read_as_pendulum.py` checks they read as pendulum's did.
"""

from __future__ import annotations

import datetime as dt

from sendtui.domain.calendar import ENGLAND
from sendtui.domain.clock import LONDON
from sendtui.domain.frameworks import KeyDate, inspection_day


def day(d: dt.date) -> str:
    """'Mon 30 Nov 2026'."""
    return f"{d:%a} {d.day} {d:%b %Y}"


def short_day(d: dt.date) -> str:
    """'Mon 30 Nov'."""
    return f"{d:%a} {d.day} {d:%b}"


def span(start: dt.date, end: dt.date | None) -> str:
    if end is None or end == start:
        return day(start)
    return f"{day(start)} – {day(end)}"


def _in_london(instant: dt.datetime) -> dt.datetime:
    """With zoneinfo, not pendulum: the week converts every event on each change (pendulum's
    in_tz costs ~100× more). A naive instant is UTC, as pendulum reads it."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.timezone.utc)
    return instant.astimezone(LONDON)


def clock(instant: dt.datetime) -> str:
    return f"{_in_london(instant):%H:%M}"


def local_date(instant: dt.datetime) -> dt.date:
    return _in_london(instant).date()


def period(start: dt.datetime, end: dt.datetime) -> str:
    """"Tue 1 Dec 09:00–12:00" in London; both days said when it runs over several."""
    first, last = local_date(start), local_date(end)
    until = clock(end) if first == last else f"{short_day(last)} {clock(end)}"
    return f"{short_day(first)} {clock(start)}–{until}"


def stamp(instant: dt.datetime) -> str:
    """When a document's data was last changed: 'Wed 25 Nov 2026 12:00' (London)."""
    local = _in_london(instant)
    return f"{day(local.date())} {local:%H:%M}"


def day_caption(dates: list[KeyDate], today: dt.date) -> str:
    """"Day 3 of 10", "On site in 4 working days", or where the inspection stands."""
    by_key = {k.key: k for k in dates}
    numbered = inspection_day(dates, today)
    on_site = by_key.get("on-site")
    if numbered:
        text = f"Day {numbered[0]} of {numbered[1]}"
        if on_site and today < on_site.date:
            n = ENGLAND.count(today, on_site.date)
            text += f" · on site in {n} working day{'s' if n != 1 else ''}"
        return f"{text} · {day(today)}"
    first = by_key.get("notified")
    if first and today < first.date:
        return f"Notification on {day(first.date)} · {day(today)}"
    return f"Fieldwork finished · {day(today)}"
