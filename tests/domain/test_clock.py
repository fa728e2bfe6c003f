"""Instants: now in UTC, and how a time or a period reads (London)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sendtui.domain.clock import format_london, parse_london, parse_time, utc_now, when
from sendtui.errors import TimeError

UTC = dt.timezone.utc


def test_now_is_an_aware_utc_instant():
    now = utc_now()
    assert now.tzinfo is UTC
    assert abs(now - dt.datetime.now(UTC)) < dt.timedelta(seconds=5)


def test_a_time_reads_in_london():
    assert when(dt.datetime(2026, 11, 30, 9, 0, tzinfo=UTC)) == "Mon 30 Nov 09:00"  # GMT
    assert when(dt.datetime(2026, 6, 1, 8, 30, tzinfo=UTC)) == "Mon 1 Jun 09:30"  # BST


def test_a_listed_time_reads_in_london_and_parses_back():
    summer = dt.datetime(2026, 6, 1, 8, 30, tzinfo=UTC)
    assert format_london(summer) == "2026-06-01 09:30"
    assert parse_london(format_london(summer)) == summer


def test_a_period_names_its_day_once_unless_it_spans_two():
    nine = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert when(nine, nine + dt.timedelta(hours=3)) == "Tue 1 Dec 09:00–12:00"
    assert when(nine, nine + dt.timedelta(days=1)) == "Tue 1 Dec 09:00–Wed 2 Dec 09:00"


def test_when_spells_days_and_months_as_strftime_does_all_year_round():
    start = dt.datetime(2026, 1, 1, 0, 7, tzinfo=dt.timezone.utc)
    for hours in range(0, 366 * 24, 5):  # every weekday, month and both sides of each change
        instant = start + dt.timedelta(hours=hours)
        local = instant.astimezone(ZoneInfo("Europe/London"))
        assert when(instant) == f"{local:%a} {local.day} {local:%b %H:%M}"


@pytest.mark.parametrize("text, at", [
    ("9", dt.time(9)), ("09", dt.time(9)), ("0930", dt.time(9, 30)), ("930", dt.time(9, 30)),
    ("9:30", dt.time(9, 30)), ("9.30", dt.time(9, 30)), ("19:00", dt.time(19)),
    ("23:59", dt.time(23, 59)), ("0:00", dt.time(0)), ("7pm", dt.time(19)),
    ("7.30pm", dt.time(19, 30)), ("7:30 PM", dt.time(19, 30)), ("11am", dt.time(11)),
    ("12pm", dt.time(12)), ("12am", dt.time(0)), ("12.15a.m.", dt.time(0, 15)),
    (" 08:00 ", dt.time(8)),
])
def test_parse_time_reads_times_as_typed(text, at):
    assert parse_time(text) == at


@pytest.mark.parametrize("text", [
    "", "24:00", "9:60", "99", "13pm", "0am", "9:3", "12345", "930x", "nine", "9 30", "7p",
])
def test_parse_time_refuses_other_text(text):
    with pytest.raises(TimeError, match=r"not a time: .* \(expected HH:MM\)"):
        parse_time(text)
