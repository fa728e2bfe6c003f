"""Instants are stored in UTC and shown and typed in Europe/London."""

from __future__ import annotations

import datetime as dt
import re

import pendulum

LONDON = pendulum.timezone("Europe/London")
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


class TimeError(ValueError):
    pass


def parse_time(text: str) -> dt.time:
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise TimeError(f"not a time: {text!r} (expected HH:MM)")
    return dt.time(int(match[1]), int(match[2]))


def london_to_utc(day: dt.date, at: dt.time) -> dt.datetime:
    """A wall-clock time in London as a UTC instant (a time the clocks skip moves on)."""
    local = pendulum.datetime(day.year, day.month, day.day, at.hour, at.minute, tz=LONDON)
    return dt.datetime.fromtimestamp(local.timestamp(), dt.timezone.utc)


def to_london(instant: dt.datetime) -> pendulum.DateTime:
    return pendulum.instance(instant).in_tz(LONDON)


def parse_london(text: str) -> dt.datetime:
    """`YYYY-MM-DD HH:MM` in London as a UTC instant."""
    from sendtui.domain.calendar import parse_date

    parts = text.strip().split()
    if len(parts) != 2:
        raise TimeError(f"not a date-time: {text!r} (expected YYYY-MM-DD HH:MM)")
    return london_to_utc(parse_date(parts[0]), parse_time(parts[1]))
