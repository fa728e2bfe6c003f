"""Checks that fit the phase and the framework, on a 2023 inspection with a bank holiday in
week 2 and on the 2016 week.

2023, notified Mon 18 May 2026 (key dates as the 2023 template gives them, Mon 25 May being the
spring bank holiday): week 1 Mon 18 – Fri 22 May; week 2 Tue 26 May – Mon 1 Jun; on site
Tue 2 – Mon 8 Jun, final feedback Mon 8 Jun.
"""

from __future__ import annotations

import datetime as dt

from sendtui.domain.calendar import ENGLAND
from sendtui.domain.frameworks import KeyDate
from sendtui.domain.kinds import EVENT_KINDS
from sendtui.domain.frameworks import phase_of
from sendtui.domain.phases import PHASES, phases_of
from sendtui.domain.schedule import Plan, find_problems
from tests.domain.test_schedule import NAMES, ev

D = dt.date
NOTIFIED = D(2026, 5, 18)
ON_SITE = tuple(ENGLAND.working_days(D(2026, 6, 2), D(2026, 6, 8)))
KEY_DATES_2023 = (
    KeyDate("notified", "Notification (Monday)", NOTIFIED),
    KeyDate("set-up", "Week 1: set-up discussion and data request", NOTIFIED, D(2026, 5, 22)),
    KeyDate("tracking", "Week 2: tracking and case sampling", D(2026, 5, 26), D(2026, 6, 1)),
    KeyDate("on-site", "Week 3: on site", D(2026, 6, 2), D(2026, 6, 8)),
    KeyDate("final-feedback", "Final feedback", D(2026, 6, 8)),
)
SURVEYS = KeyDate("surveys", "Surveys open", NOTIFIED, D(2026, 6, 5))


def plan_2023(*events, key_dates=KEY_DATES_2023, **kw) -> Plan:
    return Plan(events=tuple(events), names=NAMES, team=frozenset({"helen", "kwame"}),
                on_site_days=ON_SITE, framework="2023", key_dates=key_dates,
                expect_final_feedback=True, **kw)


def rules(plan: Plan, *only: str) -> list[str]:
    return [p.rule for p in find_problems(plan) if not only or p.rule in only]


PHASE_RULES = ("outside-on-site", "outside-phase", "outside-inspection", "visit-before-on-site")


def full_2023() -> list:
    """Every kind of event in the phase it belongs to: weeks 1, 2 and 3."""
    return [
        ev("setup", "10:00", "11:15", day=D(2026, 5, 19), kind="set-up-meeting"),
        ev("kit1", "16:00", "16:20", day=D(2026, 5, 20), kind="keep-in-touch"),
        *(ev(f"track{n}", f"{9 + n}:00", f"{9 + n}:59", day=D(2026, 5, 27),
             kind="tracking-meeting") for n in range(6)),
        ev("sample", "09:00", "11:30", ("kwame",), day=D(2026, 5, 28), kind="case-sampling"),
        ev("visit", "09:00", "12:00", day=D(2026, 6, 3), kind="visit"),
        ev("leaders", "13:00", "14:00", day=D(2026, 6, 3), kind="leaders-meeting"),
        ev("pcf", "15:00", "16:00", day=D(2026, 6, 3), kind="pcf-meeting"),
        ev("members", "16:15", "17:00", day=D(2026, 6, 3), kind="leaders-meeting",
           title="Elected members"),
        ev("feedback", "14:00", "15:00", day=D(2026, 6, 8), kind="final-feedback"),
    ]


def test_every_new_kind_has_a_label_and_minutes():
    for slug in ("set-up-meeting", "tracking-meeting", "case-sampling", "leaders-meeting",
                 "pcf-meeting"):
        label, minutes = EVENT_KINDS[slug]
        assert label and 45 <= minutes <= 180


def test_phase_data_names_only_known_kinds():
    for phases in PHASES.values():
        for kinds in phases.values():
            assert set(kinds) <= set(EVENT_KINDS)


def test_each_kind_belongs_to_its_phase():
    assert phase_of("2023", "set-up-meeting") == "set-up"
    assert phase_of("2023", "tracking-meeting") == "tracking"
    assert phases_of("2023", "case-sampling") == ("tracking", "on-site")
    assert phase_of("2023", "visit") == "on-site"
    assert phase_of("2023", "keep-in-touch") is None  # any day of the inspection
    assert phase_of("2016", "tracking-meeting") == "on-site"
    assert phase_of("2023-monitoring", "visit") == "on-site"  # not described: on site


def test_a_2023_schedule_in_its_phases_has_no_phase_problem_and_no_webinar_demand():
    plan = plan_2023(*full_2023(), key_dates=(*KEY_DATES_2023, SURVEYS),
                     expected_audiences=("parents-carers",))
    found = find_problems(plan)
    assert [p for p in found if p.rule in PHASE_RULES] == []
    assert not any("webinar" in p.message for p in found)
    assert [p.rule for p in found] == ["coverage"]  # the focus group with parents alone
    assert found[0].message == "No focus group with parents and carers"


def test_a_setting_visit_before_week_3_is_its_own_warning():
    week_2 = ev("early", "09:00", "12:00", day=D(2026, 5, 28), kind="visit")
    found = [p for p in find_problems(plan_2023(week_2)) if p.rule in PHASE_RULES]
    assert [(p.rule, p.severity, p.events) for p in found] == [
        ("visit-before-on-site", "warning", ("early",))]
    assert "Early (Thu 28 May 09:00–12:00) is a setting visit before the on-site" in (
        found[0].message)


def test_a_set_up_meeting_in_week_3_is_outside_its_phase():
    late = ev("setup", "10:00", "11:00", day=D(2026, 6, 4), kind="set-up-meeting")
    found = [p for p in find_problems(plan_2023(late)) if p.rule in PHASE_RULES]
    assert [p.rule for p in found] == ["outside-phase"]
    assert "(Week 1: set-up discussion and data request)" in found[0].message


def test_a_focus_group_in_week_2_is_outside_the_on_site_days():
    early = ev("fg", "10:00", "11:00", day=D(2026, 5, 27), kind="focus-group")
    assert rules(plan_2023(early), *PHASE_RULES) == ["outside-on-site"]


def test_a_meeting_is_fine_any_day_of_the_inspection_but_not_before_it():
    week_1 = ev("a", "10:00", "11:00", day=D(2026, 5, 19))
    before = ev("b", "10:00", "11:00", day=D(2026, 5, 15))
    after = ev("c", "10:00", "11:00", day=D(2026, 6, 9))
    found = [p for p in find_problems(plan_2023(week_1, before, after))
             if p.rule in PHASE_RULES]
    assert [(p.rule, p.events) for p in found] == [
        ("outside-inspection", ("b",)), ("outside-inspection", ("c",))]
    assert "outside the inspection (Mon 18 May – Mon 08 Jun)" in found[0].message


def test_2016_is_unchanged_every_kind_on_site():
    call = D(2020, 3, 2)  # BRIEF §2.3: on site Mon 9 – Fri 13 Mar 2020
    days = tuple(ENGLAND.working_days(D(2020, 3, 9), D(2020, 3, 13)))
    plan = Plan(events=(ev("t", "10:00", "11:00", day=D(2020, 3, 4), kind="tracking-meeting"),
                        ev("v", "09:00", "12:00", day=D(2020, 3, 5), kind="visit")),
                on_site_days=days, framework="2016",
                key_dates=(KeyDate("notified", "Notification call (day 1)", call),))
    assert rules(plan) == ["outside-on-site", "outside-on-site"]


def test_2023_coverage_each_rule_its_own_slug():
    plan = plan_2023(expected_audiences=("parents-carers",))
    found = [p for p in find_problems(plan) if p.rule != "coverage"]
    assert [p.rule for p in found] == [
        "coverage-final-feedback", "coverage-surveys", "coverage-tracking",
        "coverage-case-sampling", "coverage-leaders", "coverage-pcf",
        "coverage-elected-members"]
    assert all(p.severity == "warning" and p.events == () for p in found)
    assert found[0].message == "No final feedback on the last on-site day (Mon 08 Jun)"
    assert not any("webinar" in p.message for p in find_problems(plan))


def test_2023_covered_by_a_survey_key_date_and_the_events():
    plan = plan_2023(*full_2023(), key_dates=(*KEY_DATES_2023, SURVEYS))
    assert rules(plan) == []


def test_elected_members_by_audience_or_by_title():
    events = [e for e in full_2023() if e.id != "members"]
    plan = plan_2023(*events, key_dates=(*KEY_DATES_2023, SURVEYS))
    assert rules(plan) == ["coverage-elected-members"]
    by_audience = ev("fg", "10:00", "11:00", day=D(2026, 6, 4), kind="focus-group",
                     audience="elected-members")
    assert rules(plan_2023(*events, by_audience, key_dates=(*KEY_DATES_2023, SURVEYS))) == []
    councillors = ev("m", "10:00", "11:00", day=D(2026, 6, 4), title="Councillors' scrutiny")
    assert rules(plan_2023(*events, councillors, key_dates=(*KEY_DATES_2023, SURVEYS))) == []


def test_up_to_six_tracking_meetings_then_a_warning():
    seventh = ev("track6", "16:00", "16:59", day=D(2026, 5, 28), kind="tracking-meeting")
    found = [p for p in find_problems(plan_2023(*full_2023(), seventh,
                                                key_dates=(*KEY_DATES_2023, SURVEYS)))]
    assert [p.rule for p in found] == ["tracking-over-six"]
    assert found[0].message == "7 tracking meetings: inspectors track up to 6 children"
    assert len(found[0].events) == 7


def test_2016_still_demands_the_webinar_under_coverage():
    plan = Plan(events=(), on_site_days=ON_SITE, framework="2016",
                expected_audiences=("parents-carers",))
    assert "No parent/carer webinar" in [p.message for p in find_problems(plan)
                                         if p.rule == "coverage"]


def notified(framework: str, day: dt.date) -> list[str]:
    plan = Plan(events=(), framework=framework,
                key_dates=(KeyDate("notified", "Notification", day),))
    return rules(plan, "notified-not-monday", "framework-period")


def message_of(framework: str, day: dt.date, rule: str) -> str:
    plan = Plan(events=(), framework=framework,
                key_dates=(KeyDate("notified", "Notification", day),))
    return next(p.message for p in find_problems(plan) if p.rule == rule)


def test_a_notification_on_a_day_other_than_monday_is_a_warning():
    assert notified("2023", D(2026, 5, 18)) == []
    assert notified("2023", D(2026, 5, 19)) == ["notified-not-monday"]
    assert notified("2016", D(2020, 3, 4)) == ["notified-not-monday"]
    assert notified("revisit", D(2022, 11, 1)) == []  # a revisit has no usual day
    assert message_of("2023", D(2026, 5, 19), "notified-not-monday").startswith("Notified on Tuesday 19 May 2026: 2023 inspections "
                                       "are notified on a Monday")


def test_a_framework_notified_outside_its_years_is_a_warning():
    assert notified("2016", D(2023, 1, 30)) == []  # the last month of the 2016 framework
    assert notified("2016", D(2023, 2, 6)) == ["framework-period"]
    assert notified("2016", D(2026, 11, 23)) == ["framework-period"]
    assert notified("2023", D(2023, 1, 9)) == []
    assert notified("2023", D(2022, 12, 12)) == ["framework-period"]
    assert notified("revisit", D(2024, 3, 4)) == []  # revisits ran on after 2023
    assert "before January 2023: the 2023 framework was not in use then" in message_of(
        "2023", D(2022, 12, 12), "framework-period")
