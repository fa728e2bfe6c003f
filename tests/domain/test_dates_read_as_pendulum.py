"""Dates and times on screen read exactly as pendulum's formats read them (the standard
library formats them now, for speed), in London time across the clock changes."""

import datetime as dt

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from sendtui.domain.dates import clock, day, local_date, short_day, stamp

UTC = dt.timezone.utc
instants = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2060, 12, 31),
                        timezones=st.just(UTC))


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)))
def test_days_read_as_pendulum_read_them(d):
    as_pendulum = pendulum.date(d.year, d.month, d.day)
    assert day(d) == as_pendulum.format("ddd D MMM YYYY")
    assert short_day(d) == as_pendulum.format("ddd D MMM")


@given(instants)
def test_times_read_in_london_as_pendulum_read_them(instant):
    london = pendulum.instance(instant).in_tz("Europe/London")
    assert clock(instant) == london.format("HH:mm")
    assert local_date(instant) == london.date()
    assert stamp(instant) == london.format("ddd D MMM YYYY HH:mm")


def test_the_clock_change_is_london_time():
    assert clock(dt.datetime(2026, 3, 29, 0, 30, tzinfo=UTC)) == "00:30"  # still GMT
    assert clock(dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)) == "02:30"  # BST
    assert local_date(dt.datetime(2026, 6, 1, 23, 30, tzinfo=UTC)) == dt.date(2026, 6, 2)
