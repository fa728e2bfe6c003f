import datetime as dt

import pytest

from sendtui.domain.frameworks import KeyDate, get_framework, key_dates
from sendtui.domain.retention import erasure_due, months_from
from sendtui.errors import InvalidInput

DATES = key_dates(get_framework("2016"), dt.date(2026, 11, 23))  # final feedback Fri 4 Dec


def test_due_months_after_final_feedback():
    assert erasure_due(DATES, 6) == dt.date(2027, 6, 4)
    assert erasure_due(DATES, 12) == dt.date(2027, 12, 4)
    assert erasure_due(DATES, None) is None


def test_the_end_of_the_month_is_kept_short_and_on_site_stands_in():
    end_jan = [KeyDate("final-feedback", "Final feedback", dt.date(2027, 1, 31))]
    assert erasure_due(end_jan, 1) == dt.date(2027, 2, 28)
    on_site = [KeyDate("on-site", "On site", dt.date(2027, 3, 1), dt.date(2027, 3, 5))]
    assert erasure_due(on_site, 3) == dt.date(2027, 6, 5)
    assert erasure_due([KeyDate("notified", "Notified", dt.date(2027, 3, 1))], 3) is None


@pytest.mark.parametrize("text,months", [("6", 6), (" 12 ", 12), ("none", None), ("0", None),
                                         ("OFF", None), ("120", 120)])
def test_months_as_typed(text, months):
    assert months_from(text) == months


@pytest.mark.parametrize("text", ["six", "-1", "1.5", "121", "²", "٣"])
def test_months_refused(text):
    with pytest.raises(InvalidInput):
        months_from(text)
