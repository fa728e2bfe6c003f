"""A week you can read: a visit's title says where, free slots come as a list, and an
unavailable period covers every day it touches."""

from __future__ import annotations

import datetime as dt

import pytest

from sendtui.domain.away import away_words, days_covered, periods_over
from sendtui.domain.events import follows_setting, short_name, title_of
from sendtui.domain.schedule import Unavailable, free_slot, free_slots
from tests.domain.test_schedule import MON, WEEK, at, ev, week

ASHBY = "Ashby Brook Primary School"


@pytest.mark.parametrize("name, short", [
    ("Ashby Brook Primary School", "Ashby Brook Primary"),
    ("St Mary's Church of England Primary School", "St Mary's CofE Primary"),
    ("St John's C of E Voluntary Aided Infant School", "St John's CofE Infant"),
    ("Little Oaks Nursery School", "Little Oaks Nursery"),
    ("Castle Hill School", "Castle Hill School"),
    ("Hollins Park Academy", "Hollins Park Academy"),
    ("Primary School", "Primary School"),
    ("  Wealdshire   College ", "Wealdshire College"),
])
def test_a_settings_short_name(name, short):
    assert short_name(name) == short


@pytest.mark.parametrize("title", ["", "Setting visit", "  setting  VISIT ", "Ashby Brook Primary"])
def test_a_visit_with_the_default_title_is_called_by_its_setting(title):
    assert follows_setting("visit", title, ASHBY)
    assert title_of("visit", title, ASHBY) == "Ashby Brook Primary"


def test_a_typed_title_is_kept_whatever_the_setting():
    assert not follows_setting("visit", "Visit: Ashby Brook (SEN support)", ASHBY)
    assert title_of("visit", "Visit: Ashby Brook (SEN support)", "Castle Hill School") == \
        "Visit: Ashby Brook (SEN support)"


def test_only_visits_take_their_settings_name():
    assert title_of("meeting", "", ASHBY) == "Meeting"
    assert title_of("meeting", "Meeting", ASHBY) == "Meeting"
    assert title_of("visit", "", None) == "Setting visit"  # no setting yet: nothing better


def test_free_slots_are_several_spread_over_the_week_and_never_overlap():
    plan = week(ev("a", "08:00", "12:00"), ev("b", "08:00", "18:00", day=WEEK[1]),
                unavailable=(Unavailable("helen", at(WEEK[2], "08:00"), at(WEEK[3], "18:00")),))
    slots = free_slots(plan, ("helen",), 120, at(MON, "07:00"))
    assert len(slots) == 8
    assert slots == sorted(slots)
    assert {s.date() for s, _ in slots} == {MON, WEEK[4]}  # Tue full, Wed–Thu away
    assert slots[0] == (at(MON, "12:00"), at(MON, "14:00"))
    assert all(a[1] <= b[0] for a, b in zip(slots, slots[1:]))
    assert slots[0] == free_slot(plan, ("helen",), 120, at(MON, "07:00"))


def test_free_slots_take_each_days_earliest_in_turn():
    slots = free_slots(week(), ("kwame",), 60, at(MON, "07:00"), most=5)
    assert slots == [(at(day, "08:00"), at(day, "09:00")) for day in WEEK]


def test_no_free_slots_in_a_full_week():
    assert free_slots(week(ev("a", "08:00", "18:00"), days=(MON,)), ("helen",), 30,
                      at(MON, "07:00")) == []


def test_a_two_day_period_covers_both_days_and_a_midnight_end_does_not_spill():
    assert days_covered(at(WEEK[1], "09:00"), at(WEEK[2], "17:00")) == [WEEK[1], WEEK[2]]
    assert days_covered(at(WEEK[1], "09:00"), at(WEEK[1], "12:00")) == [WEEK[1]]
    midnight = dt.datetime.combine(WEEK[2], dt.time(0), tzinfo=dt.timezone.utc)
    assert days_covered(at(WEEK[1], "09:00"), midnight) == [WEEK[1]]


def test_periods_over_a_quarter_hour_and_the_status_words():
    tribunal = Unavailable("priya", at(WEEK[1], "09:00"), at(WEEK[2], "17:00"), "Tribunal")
    leave = Unavailable("kwame", at(WEEK[2], "13:00"), at(WEEK[2], "14:00"))
    periods = [tribunal, leave]
    quarter = (at(WEEK[2], "13:00"), at(WEEK[2], "13:15"))
    assert periods_over(periods, *quarter) == [tribunal, leave]
    assert periods_over(periods, *quarter, person_id="priya") == [tribunal]
    assert periods_over(periods, at(WEEK[2], "17:00"), at(WEEK[2], "17:15")) == []
    names = {"priya": "Priya Shah", "kwame": "Kwame Mensah"}
    assert away_words([tribunal], names) == "Priya Shah · unavailable (Tribunal)"
    assert away_words([leave], names) == "Kwame Mensah · unavailable"
    assert away_words(periods, names) == "Priya Shah (Tribunal), Kwame Mensah · unavailable"
