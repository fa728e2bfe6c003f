"""Information requests: dues counted in working days, overdue, the order of the list, seeds."""

import datetime as dt
from dataclasses import dataclass

import pytest

from sendtui.domain import requests as rules
from sendtui.domain.clock import london_to_utc
from sendtui.domain.today import morning_of
from sendtui.errors import InvalidInput, TimeError

RULE = rules.DueRule("notified", 3, dt.time(12, 0))


@dataclass(frozen=True)
class Item:
    title: str
    status: str
    due_at: dt.datetime | None


def at(day: str, time: str = "12:00") -> dt.datetime:
    return london_to_utc(dt.date.fromisoformat(day), dt.time.fromisoformat(time))


def test_due_in_working_days_skips_easter_and_moves_with_its_key_date():
    # Wed 1 Apr 2026 + 3 working days: Thu 2, (Good Friday, weekend, Easter Monday), Tue 7,
    # Wed 8 Apr, at 12:00 London time (BST: 11:00 UTC)
    assert rules.due_by_rule(RULE, {"notified": dt.date(2026, 4, 1)}) == at("2026-04-08")
    assert at("2026-04-08").hour == 11
    # the key date moved back to Mon 30 Mar: Tue 31, Wed 1, Thu 2 Apr
    assert rules.due_by_rule(RULE, {"notified": dt.date(2026, 3, 30)}) == at("2026-04-02")


def test_due_across_christmas_skips_the_substitute_boxing_day():
    # Thu 24 Dec 2026: Christmas Day (Fri), weekend, substitute Boxing Day (Mon 28) skipped
    assert rules.due_by_rule(RULE, {"notified": dt.date(2026, 12, 24)}) == \
        at("2026-12-31")


def test_no_due_while_the_key_date_is_missing():
    assert rules.due_by_rule(RULE, {"published": dt.date(2026, 4, 1)}) is None


def test_not_held_and_sent_are_never_overdue():
    now = at("2026-11-25", "09:00")
    late = at("2026-11-24")
    assert rules.is_overdue(Item("a", "to-do", late), now)
    assert rules.is_overdue(Item("a", "in-progress", late), now)
    assert not rules.is_overdue(Item("a", "not-held", late), now)
    assert not rules.is_overdue(Item("a", "sent", late), now)
    assert not rules.is_overdue(Item("a", "to-do", None), now)
    assert not rules.is_overdue(Item("a", "to-do", at("2026-11-25", "10:00")), now)


def test_due_today_is_later_on_the_same_london_day():
    now = morning_of(dt.date(2026, 11, 25))
    assert rules.is_due_today(Item("a", "to-do", at("2026-11-25", "17:00")), now)
    assert not rules.is_due_today(Item("a", "to-do", at("2026-11-26", "09:00")), now)
    assert not rules.is_due_today(Item("a", "sent", at("2026-11-25", "17:00")), now)


def test_overdue_first_then_by_due_undated_and_finished_last():
    now = at("2026-11-25", "09:00")
    items = [Item("undated", "to-do", None), Item("later", "to-do", at("2026-11-27")),
             Item("done", "sent", at("2026-11-20")), Item("soon", "in-progress", at("2026-11-25")),
             Item("late", "to-do", at("2026-11-24")), Item("later still", "to-do", at("2026-12-01"))]
    assert [i.title for i in rules.ordered(items, now)] == [
        "late", "soon", "later", "later still", "undated", "done"]


def test_a_due_typed_as_a_date_is_17_00_london():
    assert rules.parse_due("2026-12-01") == at("2026-12-01", "17:00")
    assert rules.parse_due("2026-12-01 10:30") == at("2026-12-01", "10:30")
    assert rules.parse_due("  ") is None
    with pytest.raises(TimeError):
        rules.parse_due("2026-12-01 25:00")


def test_not_held_needs_a_reason_and_only_it_keeps_one():
    assert rules.checked_status("not-held", " not collected  locally ") == (
        "not-held", "not collected locally")
    assert rules.checked_status("Sent", "whatever") == ("sent", "")
    with pytest.raises(InvalidInput, match="needs a reason"):
        rules.checked_status("not-held", " ")
    with pytest.raises(InvalidInput, match="unknown request status"):
        rules.checked_status("done")
    with pytest.raises(InvalidInput, match="unknown request kind"):
        rules.checked_kind("spreadsheet")


def test_each_framework_seeds_its_list():
    titles_2016 = [s.title for s in rules.seeds("2016")]
    assert len(titles_2016) == 24  # BRIEF §6: data 5, documents 7, concerns 3, health 9
    assert {"Local offer", "JSNA", "Tribunal appeals", "Neonatal screening"} <= set(titles_2016)
    kinds_2023 = {s.title: s.kind for s in rules.seeds("2023")}
    assert kinds_2023 == {
        "Self-evaluation": "document", "Strategic plan": "document", "Data request": "data-set",
        "Person-level data template": "template", "Health commissioning template": "template",
        "Residential special school template": "template"}
    assert all(s.rule.anchor == "notified" and s.kind in rules.KINDS
               for f in ("2016", "2023") for s in rules.seeds(f))
    assert rules.seeds("revisit") == ()


def test_a_rule_reads_back_as_written():
    assert rules.parse_due_rule(RULE.words()) == RULE
    assert RULE.words() == "3 working days after notified, 12:00"
    assert rules.parse_due_rule("1 working day after final-feedback") == rules.DueRule(
        "final-feedback", 1, dt.time(17, 0))
    assert rules.parse_due_rule("2026-12-01 10:00") is None
    assert rules.parse_due_rule("2 working days after notified, 9am") == rules.DueRule(
        "notified", 2, dt.time(9, 0))
    with pytest.raises(TimeError):
        rules.parse_due_rule("2 working days after notified, noon")
