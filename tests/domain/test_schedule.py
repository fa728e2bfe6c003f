"""The problem rules and their edges, on small hand-made weeks."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from sendtui.domain.clock import london_to_utc
from sendtui.domain.schedule import (
    Plan,
    PlanEvent,
    Rules,
    Unavailable,
    find_problems,
    free_slot,
    overlapping_pairs,
)
from sendtui.domain.travel import Place, TravelRules, minutes_needed

MON = dt.date(2026, 11, 30)
WEEK = tuple(MON + dt.timedelta(days=i) for i in range(5))
NAMES = {"helen": "Helen Marsden", "kwame": "Kwame Mensah", "rachel": "Rachel Thornton"}
SCHOOL_A, SCHOOL_B = Place(445120, 312040), Place(452310, 305880)  # about 9.5 km apart


def at(day: dt.date, hhmm: str) -> dt.datetime:
    h, m = map(int, hhmm.split(":"))
    return london_to_utc(day, dt.time(h, m))


def ev(id, start, end, people=("helen",), day=MON, **kw) -> PlanEvent:
    return PlanEvent(id, kw.pop("kind", "meeting"), kw.pop("title", id.title()),
                     at(day, start), at(day, end), tuple(people), **kw)


def week(*events, **kw) -> Plan:
    return Plan(events=tuple(events), names=NAMES, team=frozenset({"helen", "kwame"}),
                on_site_days=kw.pop("days", WEEK), **kw)


def rules_of(plan: Plan) -> list[str]:
    return [p.rule for p in find_problems(plan)]


def test_a_person_in_two_events_at_once_is_an_error_naming_both():
    found = find_problems(week(ev("a", "10:00", "11:00"), ev("b", "10:30", "11:30")))
    assert [(p.rule, p.severity, p.events) for p in found] == [("person-clash", "error", ("a", "b"))]
    assert "Helen Marsden is in two places at once" in found[0].message
    assert "A (Mon 30 Nov 10:00–11:00)" in found[0].message


def test_touching_events_do_not_clash():
    assert rules_of(week(ev("a", "10:00", "11:00"), ev("b", "11:00", "12:00"))) == []


def test_cancelled_events_are_ignored():
    plan = week(ev("a", "10:00", "11:00"), ev("b", "10:30", "11:30", status="cancelled"))
    assert rules_of(plan) == []


def test_different_people_at_the_same_time_do_not_clash():
    assert rules_of(week(ev("a", "10:00", "11:00"), ev("b", "10:00", "11:00", ("kwame",)))) == []


def test_two_visits_to_one_setting_at_once():
    a = ev("a", "09:00", "12:00", kind="visit", setting_id="s1")
    b = ev("b", "11:00", "13:00", ("kwame",), kind="visit", setting_id="s1")
    assert rules_of(week(a, b)) == ["setting-clash"]


def test_not_enough_travel_time_between_two_places():
    need = minutes_needed(SCHOOL_A, SCHOOL_B)
    a = ev("a", "09:00", "12:00", kind="visit", setting_id="s1", place_key="s1", place=SCHOOL_A)
    b = ev("b", "12:15", "14:00", kind="visit", setting_id="s2", place_key="s2", place=SCHOOL_B)
    found = find_problems(week(a, b))
    assert [p.rule for p in found] == ["travel-time"] and 15 < need
    assert "has 15 min" in found[0].message and "road factor" in found[0].message


def test_enough_travel_time_or_same_place_or_unknown_place_is_fine():
    a = ev("a", "09:00", "12:00", place_key="s1", place=SCHOOL_A)
    later = ev("b", "13:00", "14:00", place_key="s2", place=SCHOOL_B)
    same = ev("c", "12:00", "13:00", place_key="s1", place=SCHOOL_A, day=WEEK[1])
    unknown = ev("d", "12:05", "13:00", place_key="hall", place=None)
    assert rules_of(week(a, later)) == []
    assert rules_of(week(a, unknown)) == []
    assert rules_of(week(ev("a2", "09:00", "12:00", place_key="s1", place=SCHOOL_A, day=WEEK[1]),
                         same)) == []


def test_travel_assumptions_are_configurable():
    a = ev("a", "09:00", "12:00", place_key="s1", place=SCHOOL_A)
    b = ev("b", "12:45", "14:00", place_key="s2", place=SCHOOL_B)
    assert rules_of(week(a, b)) == []  # 45 min is enough at 30 km/h
    slow = Rules(travel=TravelRules(speed_kmh=15, buffer_minutes=20))
    assert rules_of(week(a, b, rules=slow)) == ["travel-time"]


def test_weekend_and_bank_holiday_are_errors():
    saturday = ev("a", "10:00", "11:00", day=dt.date(2026, 12, 5))
    christmas = ev("b", "10:00", "11:00", day=dt.date(2026, 12, 25))
    found = find_problems(week(saturday, christmas))
    assert [p.rule for p in found] == ["non-working-day", "non-working-day"]
    assert "Saturday" in found[0].message and "Christmas Day" in found[1].message


def test_outside_the_on_site_days_and_hours_are_warnings():
    early = ev("a", "07:30", "08:30")
    late = ev("b", "17:30", "18:15")
    before = ev("c", "10:00", "11:00", day=dt.date(2026, 11, 27))
    assert sorted(rules_of(week(early, late, before))) == [
        "outside-hours", "outside-hours", "outside-on-site"]


def test_working_hours_are_configurable():
    late = ev("b", "17:30", "18:15")
    assert rules_of(week(late, rules=Rules(day_end=dt.time(19, 0)))) == []


def test_the_week_the_clocks_change_uses_london_hours():
    # Sun 29 Mar 2026 the clocks go forward: 08:00 London on Mon 30 Mar is 07:00 UTC.
    monday = dt.date(2026, 3, 30)
    e = ev("a", "08:00", "09:00", day=monday)
    assert e.start.hour == 7
    assert rules_of(week(e, days=(monday,))) == []
    autumn = dt.date(2026, 10, 26)  # the Monday after the clocks go back
    assert rules_of(week(ev("b", "08:00", "17:59", day=autumn), days=(autumn,))) == []


def test_booked_while_unavailable():
    away = Unavailable("helen", at(MON, "13:00"), at(MON, "17:00"), "dentist")
    found = find_problems(week(ev("a", "16:00", "17:00"), unavailable=(away,)))
    assert [p.rule for p in found] == ["unavailable"] and "dentist" in found[0].message


def test_team_meeting_with_a_local_person_is_a_warning():
    meeting = ev("a", "17:00", "17:45", ("helen", "rachel"), kind="team-meeting")
    found = find_problems(week(meeting))
    assert [p.rule for p in found] == ["team-meeting-guest"]
    assert "Rachel Thornton" in found[0].message


def test_coverage_names_what_the_framework_expects_and_is_missing():
    plan = week(ev("v", "09:00", "12:00", kind="visit", setting_id="p1"),
                ev("f", "13:00", "14:00", kind="focus-group", audience="sencos"),
                setting_kinds={"p1": "primary", "sp": "special"},
                expected_kinds=("primary", "special", "secondary"),
                expected_audiences=("sencos", "parents-carers"), expect_final_feedback=True)
    messages = [p.message for p in find_problems(plan) if p.rule == "coverage"]
    assert messages == [
        "No visit to a setting of kind special school (the area has 1)",
        "No focus group with parents and carers",
        "No parent/carer webinar",
        "No final feedback on the last on-site day (Fri 04 Dec)",
    ]


def test_errors_come_before_warnings():
    plan = week(ev("late", "17:30", "18:30"), ev("a", "10:00", "11:00"),
                ev("b", "10:30", "11:30"))
    assert [p.severity for p in find_problems(plan)] == ["error", "warning"]


def test_free_slot_skips_bookings_and_unavailability():
    plan = week(ev("a", "08:00", "10:00"), ev("b", "10:00", "11:30", ("kwame",)),
                unavailable=(Unavailable("helen", at(MON, "11:30"), at(MON, "12:00")),))
    assert free_slot(plan, ("helen", "kwame"), 60, at(MON, "07:00")) == (
        at(MON, "12:00"), at(MON, "13:00"))
    assert free_slot(plan, ("helen",), 60, at(MON, "08:10")) == (at(MON, "10:00"), at(MON, "11:00"))
    assert free_slot(plan, ("helen",), 120, at(MON, "08:10")) == (at(MON, "12:00"), at(MON, "14:00"))
    assert free_slot(plan, ("rachel",), 60, at(MON, "09:07")) == (at(MON, "09:15"), at(MON, "10:15"))


def test_free_slot_moves_to_the_next_day_or_says_none():
    full = week(ev("a", "08:00", "18:00"), days=(MON,))
    assert free_slot(full, ("helen",), 30, at(MON, "08:00")) is None
    two_days = week(ev("a", "08:00", "18:00"), days=WEEK[:2])
    assert free_slot(two_days, ("helen",), 30, at(MON, "08:00")) == (
        at(WEEK[1], "08:00"), at(WEEK[1], "08:30"))


# --- the clash finder agrees with the obvious all-pairs check ------------------------------

quarter = st.integers(min_value=0, max_value=40)


@st.composite
def random_week(draw):
    n = draw(st.integers(min_value=0, max_value=25))
    events = []
    for i in range(n):
        start = draw(quarter)
        length = draw(st.integers(min_value=1, max_value=12))
        people = draw(st.sets(st.sampled_from(sorted(NAMES)), min_size=1, max_size=2))
        cancelled = draw(st.booleans()) and draw(st.booleans())
        base = at(MON, "08:00") + dt.timedelta(minutes=15 * start)
        events.append(PlanEvent(f"e{i}", "meeting", f"E{i}", base,
                                base + dt.timedelta(minutes=15 * length), tuple(sorted(people)),
                                status="cancelled" if cancelled else "planned"))
    return events


def brute_force(events) -> set[tuple[str, frozenset]]:
    live = [e for e in events if e.status != "cancelled"]
    return {(person, frozenset({a.id, b.id}))
            for a, b in combinations(live, 2) if a.start < b.end and b.start < a.end
            for person in set(a.people) & set(b.people)}


@settings(max_examples=200, deadline=None)
@given(random_week())
def test_clash_finder_equals_all_pairs(events):
    plan = Plan(events=tuple(events), names={k: k for k in NAMES})
    found = {(p.message.split(" is in")[0], frozenset(p.events))
             for p in find_problems(plan) if p.rule == "person-clash"}
    assert found == brute_force(events)


@settings(max_examples=100, deadline=None)
@given(random_week())
def test_overlapping_pairs_never_pairs_touching_events(events):
    ordered = sorted(events, key=lambda e: (e.start, e.end))
    for a, b in overlapping_pairs(ordered):
        assert a.start < b.end and b.start < a.end
