"""Framework templates: the key dates of an inspection (BRIEF §2.3–2.4) and its lines (§6)."""

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendtui.domain import frameworks as fw
from sendtui.domain.template_parts import DateRule

D = dt.date


def dates_2016(notified, published=None):
    return fw.key_dates(fw.get_framework("2016"), notified, published)


def test_2016_worked_example():
    dates = dates_2016(D(2020, 3, 2), D(2020, 5, 5))
    assert [(k.key, k.date, k.end) for k in dates] == [
        ("notified", D(2020, 3, 2), None),
        ("on-site", D(2020, 3, 9), D(2020, 3, 13)),
        ("final-feedback", D(2020, 3, 13), None),
        ("published", D(2020, 5, 5), None),
        ("wsoa-due", D(2020, 8, 13), None),
        ("wsoa-review-due", D(2020, 8, 27), None),
    ]


def test_2016_without_publication_stops_at_final_feedback():
    keys = [k.key for k in dates_2016(D(2020, 3, 2))]
    assert keys == ["notified", "on-site", "final-feedback"]


def test_key_date_as_json():
    on_site = dates_2016(D(2020, 3, 2))[1]
    assert on_site.as_json() == {"key": "on-site", "label": on_site.label,
                                 "date": "2020-03-09", "end": "2020-03-13"}


def test_key_dates_are_in_date_order():
    for slug in fw.FRAMEWORKS:
        dates = fw.key_dates(fw.get_framework(slug), D(2024, 1, 8), D(2024, 6, 3))
        assert [k.date for k in dates] == sorted(k.date for k in dates)


def test_2023_template_produces_its_keys():
    dates = fw.key_dates(fw.get_framework("2023"), D(2024, 1, 8), D(2024, 6, 3))
    by_key = {k.key: k for k in dates}
    assert set(by_key) == {r.key for r in fw.get_framework("2023").rules
                           if r.key != "report-received"} | {"monitoring-inspection",
                                                              "next-full-inspection"}
    assert (by_key["set-up"].date, by_key["set-up"].end) == (D(2024, 1, 8), D(2024, 1, 12))
    assert (by_key["tracking"].date, by_key["tracking"].end) == (D(2024, 1, 15), D(2024, 1, 19))
    assert (by_key["on-site"].date, by_key["on-site"].end) == (D(2024, 1, 22), D(2024, 1, 26))
    assert by_key["final-feedback"].date == D(2024, 1, 26)
    assert by_key["monitoring-inspection"].date == D(2025, 12, 3)  # about 18 months
    assert by_key["next-full-inspection"].date == D(2029, 6, 4)  # Sun 3 June moves on


def test_revisit_template_produces_its_keys():
    dates = fw.key_dates(fw.get_framework("revisit"), D(2022, 10, 31))
    by_key = {k.key: k for k in dates}
    assert list(by_key) == ["notified", "on-site", "final-feedback"]
    # Leicestershire: on site Mon 14 – Wed 16 Nov 2022 after ten working days' notice.
    assert (by_key["on-site"].date, by_key["on-site"].end) == (D(2022, 11, 14), D(2022, 11, 16))
    assert by_key["final-feedback"].date == D(2022, 11, 16)


def test_month_offsets_clamp_to_the_end_of_the_month_then_move_to_a_working_day():
    dates = fw.key_dates(fw.get_framework("2023"), D(2024, 1, 8), D(2024, 8, 31))
    by_key = {k.key: k.date for k in dates}
    assert by_key["monitoring-inspection"] == D(2026, 3, 2)  # Sat 28 Feb 2026 moves on
    dates = fw.key_dates(fw.get_framework("2023"), D(2023, 1, 9), D(2023, 8, 31))
    assert {k.key: k.date for k in dates}["monitoring-inspection"] == D(2025, 2, 28)  # a Friday


@given(st.dates(dt.date(2016, 1, 1), dt.date(2030, 12, 31)), st.sampled_from([6, 18, 36, 60]))
def test_a_date_months_after_the_report_is_a_working_day_within_four_days(report, months):
    from sendtui.domain.calendar import ENGLAND

    rule = DateRule("later", "Later", "published", months=months)
    framework = dataclasses.replace(fw.get_framework("2023"), rules=(
        DateRule("notified", "Notified", "notified"), rule))
    day = {k.key: k.date for k in fw.key_dates(framework, report - dt.timedelta(days=30),
                                                 report)}["later"]
    assert ENGLAND.is_working_day(day)
    assert 0 <= (day - fw._add_months(report, months)).days <= 4  # Christmas at most


def test_warnings_when_a_bank_holiday_splits_the_week():
    warnings = fw.timeline_warnings(dates_2016(D(2024, 5, 20)))
    text = "\n".join(warnings)
    assert "Spring Bank Holiday" in text and "27 May 2024" in text
    assert "split" in text


def test_no_warnings_for_an_ordinary_week():
    assert fw.timeline_warnings(dates_2016(D(2020, 3, 2), D(2020, 5, 5))) == []


def test_warning_for_years_whose_holidays_are_not_announced():
    late = D(fw.ENGLAND.known_until_year + 1, 3, 5)
    assert any("may not be announced" in w for w in fw.timeline_warnings(dates_2016(late)))


@pytest.mark.parametrize("today, expected", [
    (D(2020, 3, 2), (1, 10)),
    (D(2020, 3, 6), (5, 10)),
    (D(2020, 3, 9), (6, 10)),
    (D(2020, 3, 13), (10, 10)),
    (D(2020, 3, 1), None),
    (D(2020, 3, 16), None),
])
def test_inspection_day(today, expected):
    assert fw.inspection_day(dates_2016(D(2020, 3, 2)), today) == expected


def test_inspection_day_across_a_bank_holiday():
    dates = dates_2016(D(2024, 5, 20))
    assert fw.inspection_day(dates, D(2024, 5, 28)) == (6, 10)
    assert fw.inspection_day(dates, D(2024, 6, 3)) == (10, 10)


def test_on_site_days_skip_the_bank_holiday():
    assert fw.on_site_days(dates_2016(D(2024, 5, 20))) == [
        D(2024, 5, 28), D(2024, 5, 29), D(2024, 5, 30), D(2024, 5, 31), D(2024, 6, 3)]


def test_every_2016_line_is_present():
    codes = [line.code for line in fw.get_framework("2016").lines]
    assert codes == ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "B6",
                     "C1", "C2", "C3"]
    assert all(line.title for line in fw.get_framework("2016").lines)
    assert {line.strand for line in fw.get_framework("2016").lines} == {"A", "B", "C"}


def test_unknown_framework_names_the_choices():
    with pytest.raises(fw.FrameworkError, match="2016"):
        fw.get_framework("2017")
