"""Working days in England (BRIEF §2.1–2.2): the worked examples and the rules behind them."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sendtui.domain.calendar import ENGLAND, parse_date
from sendtui.errors import CalendarError

D = dt.date


@pytest.mark.parametrize("start, n, expected", [
    (D(2020, 3, 27), 70, D(2020, 7, 9)),    # skips 10 & 13 Apr, 8 & 25 May
    (D(2026, 3, 30), 10, D(2026, 4, 15)),   # skips Good Friday and Easter Monday
    (D(2020, 3, 2), 5, D(2020, 3, 9)),      # call day 1 → day 6
    (D(2020, 3, 2), 9, D(2020, 3, 13)),     # call day 1 → day 10
    (D(2024, 5, 20), 5, D(2024, 5, 28)),    # the spring bank holiday moves day 6
    (D(2024, 5, 20), 9, D(2024, 6, 3)),     # ... and day 10
])
def test_worked_examples(start, n, expected):
    assert ENGLAND.add(start, n) == expected


def test_ve_day_2020_is_not_also_skipping_4_may():
    # Regression: treating Mon 4 May 2020 as a holiday as well gives Fri 10 Jul.
    assert ENGLAND.add(D(2020, 3, 27), 70) != D(2020, 7, 10)


@pytest.mark.parametrize("day", [
    D(2020, 5, 8),    # VE Day, replacing the early May holiday
    D(2022, 6, 2),    # moved spring bank holiday
    D(2022, 6, 3),    # Platinum Jubilee
    D(2022, 9, 19),   # state funeral
    D(2023, 5, 8),    # Coronation
    D(2020, 12, 28),  # substitute for Boxing Day
    D(2022, 1, 3),    # substitute for New Year's Day
    D(2022, 12, 27),  # substitute for Christmas Day
    D(2023, 1, 2),    # substitute for New Year's Day
])
def test_one_off_and_substitute_days_are_holidays(day):
    assert day.weekday() < 5
    assert ENGLAND.is_bank_holiday(day)
    assert not ENGLAND.is_working_day(day)


@pytest.mark.parametrize("day", [D(2020, 5, 4), D(2022, 5, 30)])
def test_moved_holidays_leave_a_working_day(day):
    assert ENGLAND.is_working_day(day)


def test_weekends_are_not_working_days():
    assert not ENGLAND.is_working_day(D(2026, 4, 11))  # Saturday
    assert not ENGLAND.is_working_day(D(2026, 4, 12))  # Sunday


def test_start_need_not_be_a_working_day():
    # Sat 4 Apr 2026: the next working day is Tue 7 Apr (Easter Monday is 6 Apr).
    assert ENGLAND.add(D(2026, 4, 4), 1) == D(2026, 4, 7)


def test_zero_days_is_the_start_itself():
    assert ENGLAND.add(D(2026, 4, 4), 0) == D(2026, 4, 4)


@pytest.mark.parametrize("start, n, expected", [
    (D(2026, 4, 7), -1, D(2026, 4, 2)),    # back over Easter Monday and Good Friday
    (D(2020, 7, 9), -70, D(2020, 3, 27)),
    (D(2020, 3, 9), -5, D(2020, 3, 2)),
])
def test_negative_n_counts_back(start, n, expected):
    assert ENGLAND.add(start, n) == expected


def test_count_is_working_days_after_start_up_to_end():
    assert ENGLAND.count(D(2020, 3, 27), D(2020, 7, 9)) == 70
    assert ENGLAND.count(D(2020, 7, 9), D(2020, 3, 27)) == -70
    assert ENGLAND.count(D(2026, 4, 3), D(2026, 4, 6)) == 0


def test_dates_outside_the_calendar_are_refused():
    with pytest.raises(CalendarError):
        ENGLAND.is_working_day(D(1900, 1, 2))


def test_parse_date_accepts_iso_dates():
    assert parse_date("2020-03-02") == D(2020, 3, 2)
    assert parse_date(" 2020-03-02 ") == D(2020, 3, 2)


@pytest.mark.parametrize("text", [
    "", "2020-3-2", "02/03/2020", "2020-02-30", "2020-13-01", "yesterday", "2020-03-02x",
])
def test_parse_date_refuses_other_text(text):
    with pytest.raises(CalendarError, match="not a date"):
        parse_date(text)


# --- properties ----------------------------------------------------------------------------

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))
counts = st.integers(min_value=1, max_value=300)


def latest_working_day_on_or_before(day):
    while not ENGLAND.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


@settings(max_examples=150, deadline=None)
@given(dates, counts)
def test_the_answer_is_always_a_working_day(start, n):
    result = ENGLAND.add(start, n)
    assert result > start
    assert result.weekday() < 5
    assert not ENGLAND.is_bank_holiday(result)


@settings(max_examples=150, deadline=None)
@given(dates, st.integers(min_value=0, max_value=299))
def test_more_days_is_always_later(start, n):
    assert ENGLAND.add(start, n) < ENGLAND.add(start, n + 1)


@settings(max_examples=150, deadline=None)
@given(dates, counts)
def test_counting_back_and_forth_agree(start, n):
    end = ENGLAND.add(start, n)
    assert ENGLAND.count(start, end) == n
    assert ENGLAND.count(end, start) == -n
    # Back n working days from the answer: the start if it is a working day, else the
    # working day before it.
    assert ENGLAND.add(end, -n) == latest_working_day_on_or_before(start)


MONDAY = D(2026, 11, 30)


@pytest.mark.parametrize("text, day", [
    ("today", MONDAY), ("Today", MONDAY), ("tomorrow", D(2026, 12, 1)),
    ("monday", MONDAY), ("mon", MONDAY), ("Tuesday", D(2026, 12, 1)),
    ("thurs", D(2026, 12, 3)), ("fri", D(2026, 12, 4)), ("sunday", D(2026, 12, 6)),
    (" 2026-12-25 ", D(2026, 12, 25)),
])
def test_parse_date_reads_words_from_today(text, day):
    assert parse_date(text, today=MONDAY) == day


@pytest.mark.parametrize("text", [
    "yesterday", "next friday", "fridays", "30/11", "", "2026-02-30"])
def test_parse_date_refuses_other_words_with_the_same_message(text):
    with pytest.raises(CalendarError, match=r"not a date: .* \(expected YYYY-MM-DD\)"):
        parse_date(text, today=MONDAY)


@pytest.mark.parametrize("text", ["today", "tomorrow", "friday"])
def test_parse_date_without_today_reads_only_dates(text):
    with pytest.raises(CalendarError, match="not a date"):
        parse_date(text)
