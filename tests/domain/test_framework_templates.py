"""The four templates as data (BRIEF §2.3–2.4, §10.3): phases and the event kinds in each,
the 2023 three weeks and survey window with worked dates, the revisit's final feedback on the
last day on site, judgement wording."""

import datetime as dt

import pytest

from sendtui.domain import frameworks as fw

D = dt.date


def by_key(slug, notified, **kw):
    return {k.key: k for k in fw.key_dates(fw.get_framework(slug), notified, **kw)}


def test_every_contract_framework_is_a_template():
    assert list(fw.FRAMEWORKS) == ["2016", "2023", "revisit", "2023-monitoring"]
    for template in fw.FRAMEWORKS.values():
        assert template.phases and template.lines and template.judgements and template.notes


def test_2023_three_weeks_with_a_bank_holiday_in_week_2():
    """Notified Mon 20 May 2024; Spring Bank Holiday Mon 27 May falls in week 2."""
    dates = by_key("2023", D(2024, 5, 20))
    assert (dates["set-up"].date, dates["set-up"].end) == (D(2024, 5, 20), D(2024, 5, 24))
    assert (dates["tracking"].date, dates["tracking"].end) == (D(2024, 5, 28), D(2024, 6, 3))
    assert (dates["on-site"].date, dates["on-site"].end) == (D(2024, 6, 4), D(2024, 6, 10))
    assert dates["final-feedback"].date == D(2024, 6, 10)
    assert (dates["surveys"].date, dates["surveys"].end) == (D(2024, 5, 20), D(2024, 6, 3))
    assert "Week 1: set-up and data request" == dates["set-up"].label
    assert "Week 2: tracking and case sampling" == dates["tracking"].label
    assert "on-site fieldwork ending in final feedback" in dates["on-site"].label
    warnings = "\n".join(fw.timeline_warnings(list(dates.values())))
    assert "Spring Bank Holiday on Mon 27 May 2024" in warnings


def test_2023_phases_and_the_kinds_in_each():
    dates = fw.key_dates(fw.get_framework("2023"), D(2024, 5, 20))
    assert fw.phases("2023", dates) == [
        ("set-up", "Week 1: set-up and data request", D(2024, 5, 20), D(2024, 5, 24)),
        ("tracking", "Week 2: tracking and case sampling", D(2024, 5, 28), D(2024, 6, 3)),
        ("on-site", "Week 3: on-site fieldwork ending in final feedback", D(2024, 6, 4),
         D(2024, 6, 10)),
    ]
    assert fw.phase_of("2023", "set-up-meeting") == "set-up"
    assert fw.phase_of("2023", "tracking-meeting") == "tracking"
    assert fw.phase_of("2023", "case-sampling") == "tracking"
    for kind in ("visit", "focus-group", "leaders-meeting", "pcf-meeting", "final-feedback"):
        assert fw.phase_of("2023", kind) == "on-site"
    for kind in ("meeting", "keep-in-touch", "team-meeting"):
        assert fw.phase_of("2023", kind) is None  # any day of the three weeks
    assert fw.phase_of("2023", "webinar") is None  # surveys replaced it
    assert fw.phase_kinds("2023")["tracking"] == ("tracking-meeting", "case-sampling")


def test_a_phase_follows_the_key_date_as_the_coordinator_set_it():
    dates = fw.key_dates(fw.get_framework("2023"), D(2024, 5, 20),
                         fixed={"tracking": (D(2024, 5, 28), D(2024, 5, 31))})
    assert ("tracking", D(2024, 5, 28), D(2024, 5, 31)) in [
        (p.key, p.first, p.last) for p in fw.phases("2023", dates)]


def test_2016_phases_notice_then_on_site():
    dates = fw.key_dates(fw.get_framework("2016"), D(2020, 3, 2))
    assert [(p.key, p.first, p.last) for p in fw.phases("2016", dates)] == [
        ("notice", D(2020, 3, 2), D(2020, 3, 6)), ("on-site", D(2020, 3, 9), D(2020, 3, 13))]
    assert fw.phase_of("2016", "webinar") == "on-site"
    assert fw.phase_of("2016", "tracking-meeting") == "on-site"  # 2016: all on site


@pytest.mark.parametrize("on_site, last", [
    ((D(2022, 11, 14), D(2022, 11, 15)), D(2022, 11, 15)),  # two days
    ((D(2022, 11, 14), D(2022, 11, 17)), D(2022, 11, 17)),  # four days
])
def test_revisit_final_feedback_is_on_the_last_day_on_site(on_site, last):
    dates = by_key("revisit", D(2022, 10, 31), fixed={"on-site": on_site})
    assert dates["final-feedback"].date == last


def test_monitoring_inspection_keeps_the_three_weeks():
    dates = by_key("2023-monitoring", D(2026, 3, 2))
    assert dates["on-site"].date == D(2026, 3, 16)
    assert [line.code for line in fw.get_framework("2023-monitoring").lines] == ["P1", "P2"]


def test_judgement_wording_per_framework():
    assert fw.judgement_label("2023", "development") == "Area for improvement"
    assert fw.judgement_label("2016", "development") == "Area for development"
    assert fw.judgement_label("2023", "concern") == "Area for priority action"
    assert fw.judgement_label("2016", "strength") == "Strength"
