"""England's working days: Monday to Friday less England and Wales bank holidays, less the
closures a coordinator lists in their config file (e.g. a council's Christmas closure days).

House rule: "N working days after D" starts counting on the day after D, counts working
days only, and the Nth is the answer. D need not be a working day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sendtui.domain.bank_holidays import FIRST_YEAR, LAST_YEAR, TABLE
from sendtui.domain.words import shown
from sendtui.errors import CalendarError

# Bank holidays are announced about two years ahead: past this year the package's rules
# may miss a one-off day, so results are flagged as provisional.
KNOWN_UNTIL_YEAR = 2028
BANK_HOLIDAYS: dict[dt.date, str] = {
    dt.date(year, month, day): name for year, days in TABLE.items() for month, day, name in days}
# The user's own closure days (config.toml [calendar] closures), set once at start.
LOCAL_CLOSURES: dict[dt.date, str] = {}


def use_local_closures(days: dict[dt.date, str]) -> None:
    """Every calendar counts these days as closed from now on (a running program's one
    config; tests reset it)."""
    LOCAL_CLOSURES.clear()
    LOCAL_CLOSURES.update(days)


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days in England. Extra closures and removed holidays are editable data."""

    extra_holidays: frozenset[dt.date] = frozenset()
    not_holidays: frozenset[dt.date] = frozenset()
    known_until_year: int = KNOWN_UNTIL_YEAR
    first_year: int = FIRST_YEAR
    last_year: int = LAST_YEAR

    def holiday_name(self, day: dt.date) -> str | None:
        if day in self.extra_holidays:
            return "Closure"
        if day in self.not_holidays:
            return None
        return BANK_HOLIDAYS.get(day) or LOCAL_CLOSURES.get(day)

    def is_bank_holiday(self, day: dt.date) -> bool:
        return self.holiday_name(day) is not None

    def is_working_day(self, day: dt.date) -> bool:
        self._check_range(day)
        return day.weekday() < 5 and not self.is_bank_holiday(day)

    def add(self, start: dt.date, n: int) -> dt.date:
        """The date n working days after start (before it when n is negative)."""
        step = 1 if n >= 0 else -1
        day, left = start, abs(n)
        while left:
            try:
                day += dt.timedelta(days=step)
            except OverflowError:  # past 9999-12-31 or before 0001-01-01
                raise CalendarError(f"{start.isoformat()} is outside the calendar "
                                    f"({self.first_year}–{self.last_year})") from None
            if self.is_working_day(day):
                left -= 1
        return day

    def count(self, start: dt.date, end: dt.date) -> int:
        """Working days after start up to and including end (negative if end is earlier)."""
        if end < start:
            return -self.count(end, start)
        return sum(
            1
            for i in range(1, (end - start).days + 1)
            if self.is_working_day(start + dt.timedelta(days=i))
        )

    def working_days(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Working days from start to end, both included."""
        days = (start + dt.timedelta(days=i) for i in range((end - start).days + 1))
        return [d for d in days if self.is_working_day(d)]

    def holidays_between(self, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
        days = (start + dt.timedelta(days=i) for i in range((end - start).days + 1))
        return [(d, self.holiday_name(d)) for d in days if d.weekday() < 5 and self.is_bank_holiday(d)]

    def is_provisional(self, day: dt.date) -> bool:
        """True when bank holidays for day's year may not be announced yet."""
        return day.year > self.known_until_year

    def _check_range(self, day: dt.date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise CalendarError(
                f"{day.isoformat()} is outside the calendar ({self.first_year}–{self.last_year})"
            )


ENGLAND = WorkingCalendar()
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


_WEEKDAYS = {name: n for n, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
    ("sunday", "sun"))) for name in names}


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """A YYYY-MM-DD date, or CalendarError naming what is wrong.

    Given `today`, also `today`, `tomorrow` and a weekday's name (`friday`, `fri`): the next
    such day on or after today, so `monday` typed on a Monday is that day.
    """
    word = text.strip().lower()
    if today is not None and (day := _relative(word, today)) is not None:
        return day
    try:
        if not _ISO_DATE.fullmatch(word):
            raise ValueError
        return dt.date.fromisoformat(word)
    except ValueError:
        raise CalendarError(f"not a date: {shown(text)} (expected YYYY-MM-DD)") from None


def _relative(word: str, today: dt.date) -> dt.date | None:
    if word in ("today", "tomorrow"):
        return today + dt.timedelta(days=word == "tomorrow")
    if word in _WEEKDAYS:
        return today + dt.timedelta(days=(_WEEKDAYS[word] - today.weekday()) % 7)
    return None
