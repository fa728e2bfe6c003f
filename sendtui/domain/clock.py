"""Instants are stored in UTC and shown and typed in Europe/London."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from sendtui.domain.words import shown
from sendtui.errors import TimeError

# The domain converts with the standard library (fast: the checks convert thousands of
# instants); the screens format with pendulum.
LONDON = ZoneInfo("Europe/London")
# 9:30, 19:00, 9.30, 0930, 930 or 9; then am/pm after an hour of 1 to 12 (7pm, 7.30pm).
DAY_ENDS = dt.time(17, 0)  # a deadline given as a date alone falls due at 17:00 that day
_TIME = re.compile(r"(?P<h>[0-9]{1,2})(?:[:.]?(?P<m>[0-9]{2}))?\s*(?P<half>[ap]\.?m\.?)?")


def parse_time(text: str) -> dt.time:
    """A time of day as people type it: `9`, `0930`, `9:30`, `19:00`, `7pm`, `7.30pm`."""
    match = _TIME.fullmatch(text.strip().lower())
    if not match or not _sensible(match):
        raise TimeError(f"not a time: {shown(text)} (expected HH:MM)")
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if match["half"]:
        hour = hour % 12 + (12 if match["half"][0] == "p" else 0)
    return dt.time(hour, minute)


def _sensible(match: re.Match[str]) -> bool:
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if match["half"]:
        return 1 <= hour <= 12 and minute < 60
    return hour < 24 and minute < 60


def london_to_utc(day: dt.date, at: dt.time) -> dt.datetime:
    """A wall-clock time in London as a UTC instant.

    A time the clocks skip (01:30 on the last Sunday of March) reads as GMT, so it lands
    an hour on (02:30 BST); a time that happens twice is taken the first time (BST).
    """
    return dt.datetime.combine(day, at, tzinfo=LONDON).astimezone(dt.timezone.utc)


def to_london(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(LONDON)


def format_london(instant: dt.datetime) -> str:
    """`YYYY-MM-DD HH:MM` in London, as `parse_london` reads it (lists and CSV exports)."""
    return f"{to_london(instant):%Y-%m-%d %H:%M}"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def when(start: dt.datetime, end: dt.datetime | None = None) -> str:
    """`Mon 30 Nov 09:00` in London; with an end, `Mon 30 Nov 09:00–12:00` (the end's day
    is spelt out too when it is another day)."""
    text = _day_time(start)
    if end is None:
        return text
    same_day = to_london(start).date() == to_london(end).date()
    return f"{text}–{to_london(end):%H:%M}" if same_day else f"{text}–{_day_time(end)}"


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # as %a and %b spell them
_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day_time(instant: dt.datetime) -> str:
    """Without strftime, a fifth of the time: an evidence export calls this 3,000 times."""
    local = to_london(instant)
    return (f"{_DAYS[local.weekday()]} {local.day} {_MONTHS[local.month]} "
            f"{local.hour:02d}:{local.minute:02d}")


def parse_london(text: str) -> dt.datetime:
    """`YYYY-MM-DD HH:MM` in London as a UTC instant."""
    from sendtui.domain.calendar import parse_date

    parts = text.strip().split()
    if len(parts) != 2:
        raise TimeError(f"not a date-time: {shown(text)} (expected YYYY-MM-DD HH:MM)")
    return london_to_utc(parse_date(parts[0]), parse_time(parts[1]))


def london_today() -> dt.date:
    return dt.datetime.now(LONDON).date()
