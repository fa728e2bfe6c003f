"""The shipped bank-holiday table is the `holidays` package's answer for every year it holds,
and the user's closure days count like bank holidays."""

import datetime as dt

import holidays
import pytest

from sendtui.domain import calendar
from sendtui.domain.bank_holidays import FIRST_YEAR, LAST_YEAR, TABLE
from sendtui.domain.calendar import ENGLAND


def test_the_table_is_what_holidays_says_for_every_year():
    source = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    assert list(TABLE) == list(range(FIRST_YEAR, LAST_YEAR + 1))
    assert calendar.BANK_HOLIDAYS == dict(source.items())


@pytest.fixture
def closures():
    yield calendar.use_local_closures
    calendar.use_local_closures({})


def test_a_closure_day_is_not_a_working_day(closures):
    eve = dt.date(2026, 12, 24)  # a Thursday
    assert ENGLAND.add(dt.date(2026, 12, 23), 1) == eve
    closures({eve: "Council closure"})
    assert not ENGLAND.is_working_day(eve)
    assert ENGLAND.holiday_name(eve) == "Council closure"
    assert ENGLAND.add(dt.date(2026, 12, 23), 1) == dt.date(2026, 12, 29)
