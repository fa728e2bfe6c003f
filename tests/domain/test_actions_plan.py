"""Actions (overdue, due, progress) and the plan's rules (the framework's words)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from sendtui.domain import actions as act
from sendtui.domain import plan
from sendtui.errors import InvalidInput, UserError

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 25, 9, tzinfo=UTC)


@dataclass(frozen=True)
class A:
    status: str
    due_at: dt.datetime | None
    rag: str = ""


def test_overdue_only_when_due_before_now_and_not_finished():
    yesterday = NOW - dt.timedelta(days=1)
    assert act.is_overdue(A("open", yesterday), NOW)
    assert act.is_overdue(A("in-progress", yesterday), NOW)
    assert not act.is_overdue(A("done", yesterday), NOW)
    assert not act.is_overdue(A("dropped", yesterday), NOW)
    assert not act.is_overdue(A("open", None), NOW)
    assert not act.is_overdue(A("open", NOW), NOW)  # due this minute: not yet late


def test_due_today_is_later_today_in_london():
    assert act.is_due_today(A("open", NOW + dt.timedelta(hours=8)), NOW)
    assert not act.is_due_today(A("open", NOW + dt.timedelta(hours=16)), NOW)  # tomorrow
    assert not act.is_due_today(A("done", NOW + dt.timedelta(hours=1)), NOW)


def test_a_date_alone_is_due_at_five_in_london_time():
    assert act.parse_due("2026-11-24") == dt.datetime(2026, 11, 24, 17, tzinfo=UTC)
    assert act.parse_due("2026-06-24") == dt.datetime(2026, 6, 24, 16, tzinfo=UTC)  # BST
    assert act.parse_due("2026-12-03 10:00") == dt.datetime(2026, 12, 3, 10, tzinfo=UTC)
    assert act.parse_due("  ") is None
    assert act.format_due(act.parse_due("2026-06-24")) == "2026-06-24"
    assert act.format_due(act.parse_due("2026-06-24 08:30")) == "2026-06-24 08:30"
    for bad in ("24/11/2026", "2026-11-24 25:00", "2026-11-24 10:00 pm"):
        with pytest.raises(UserError):
            act.parse_due(bad)


def test_text_status_rag_and_source_are_checked():
    assert act.tidy_text("  send   the audit ") == "send the audit"
    with pytest.raises(InvalidInput):
        act.tidy_text("   ")
    with pytest.raises(InvalidInput):
        act.check_status("sent")
    assert act.check_rag(" Amber ") == "amber"
    with pytest.raises(InvalidInput):
        act.check_rag("blue")
    assert act.source_of("e1", None, None) == ("event", "e1")
    assert act.source_of(None, None, None) is None
    with pytest.raises(InvalidInput):
        act.source_of("e1", None, "w1")


def test_tick_closes_an_open_action_and_opens_a_finished_one():
    assert act.next_status("open") == act.next_status("in-progress") == "done"
    assert act.next_status("done") == act.next_status("dropped") == "open"


def test_progress_leaves_dropped_actions_out():
    late = NOW - dt.timedelta(days=2)
    p = act.progress([A("done", late, "green"), A("open", late, "red"),
                      A("in-progress", None, "amber"), A("dropped", late, "red")], NOW)
    assert (p.done, p.total, p.overdue) == (1, 3, 1)
    assert p.rag == {"red": 1, "amber": 1, "green": 1, "": 0}
    assert p.words() == "1/3 done · 1 red, 1 amber, 1 green · 1 overdue"


def test_weaknesses_in_each_frameworks_words():
    assert plan.weakness_label("2016", "priority") == "Significant weakness"
    assert plan.weakness_label("revisit", "priority") == "Significant weakness"
    assert plan.weakness_label("2023", "priority") == "Area for priority action"
    assert plan.weakness_label("2023", "improvement") == "Area for improvement"
    assert plan.weakness_label("2023-monitoring", "priority") == "Area for priority action"
    assert list(plan.weakness_kinds("2016")) == ["priority"]
    with pytest.raises(InvalidInput):
        plan.check_kind("2016", "improvement")
    assert plan.check_kind("2023", "improvement") == "improvement"


def test_a_plan_versions_dates_follow_each_other():
    d = dt.date
    plan.check_version_dates(d(2027, 3, 26), d(2027, 4, 23), d(2027, 5, 14))
    with pytest.raises(InvalidInput):
        plan.check_version_dates(d(2027, 3, 26), d(2027, 3, 1), None)
    with pytest.raises(InvalidInput):
        plan.check_version_dates(d(2027, 3, 26), None, d(2027, 5, 14))
    assert plan.fitness_words(None, None) == "awaiting a fitness decision"
    assert plan.fitness_words(d(2027, 4, 23), False) == "not fit for purpose"


def test_summary_per_weakness():
    @dataclass(frozen=True)
    class W:
        title: str
        kind: str
        verdict: str
        actions: tuple

    rows = plan.summary([W("Joint commissioning", "priority", "sufficient",
                           (A("done", None, "green"), A("open", NOW - dt.timedelta(1))))],
                        "2016", NOW)
    assert rows[0].label == "Significant weakness"
    assert (rows[0].progress.done, rows[0].progress.total, rows[0].progress.overdue) == (1, 2, 1)
