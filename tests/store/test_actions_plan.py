"""Actions and the plan on a store file: writes, reads, undo, the Today query, erasure."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from sendtui.domain.actions import parse_due
from sendtui.errors import Ambiguous, InvalidInput, NotFound
from sendtui.store import actions, erasure, events, inspections, people, plan, undo
from sendtui.store import models as m

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 25, 9, tzinfo=UTC)  # 09:00 London on the demo's today


@pytest.fixture
def ins(store) -> str:
    return inspections.create(store, "Fenmarch", "2016", dt.date(2026, 11, 23)).id


def test_an_action_from_an_event_with_its_owner(store, ins):
    people.add(store, ins, "Rachel Thornton")
    owner = actions.owner_named(store, ins, "rachel")
    kit = events.add(store, ins, events.EventInput(
        "keep-in-touch", "Keep-in-touch", dt.datetime(2026, 11, 23, 16, 30, tzinfo=UTC),
        dt.datetime(2026, 11, 23, 16, 50, tzinfo=UTC)))
    action_id = actions.add(store, ins, "  Send the   EHC plan audit ", owner,
                            parse_due("2026-11-26 10:00"), event_id=kit)
    [a] = actions.all(store, ins)
    assert (a.id, a.text, a.owner, a.status, a.source, a.source_id) == (
        action_id, "Send the EHC plan audit", "Rachel Thornton", "open", "event", kit)
    assert a.source_title.startswith("Keep-in-touch (Mon 23 Nov 16:30")


def test_bad_input_changes_nothing(store, ins):
    with pytest.raises(InvalidInput):
        actions.add(store, ins, "")
    with pytest.raises(InvalidInput):
        actions.add(store, ins, "Send it", status="sent")
    with pytest.raises(NotFound):
        actions.add(store, ins, "Send it", event_id="no-such-event")
    with pytest.raises(NotFound):
        actions.owner_named(store, ins, "Nobody")
    people.add(store, ins, "Sam Ray")
    people.add(store, ins, "Sam Reid")
    with pytest.raises(Ambiguous):
        actions.owner_named(store, ins, "sam")
    assert actions.all(store, ins) == []


def test_due_today_and_overdue_for_the_today_panel(store, ins):
    late = actions.add(store, ins, "Late", due_at=parse_due("2026-11-24"))
    later_today = actions.add(store, ins, "This afternoon", due_at=parse_due("2026-11-25 14:00"))
    actions.add(store, ins, "Tomorrow", due_at=parse_due("2026-11-26 10:00"))
    actions.add(store, ins, "No date")
    done = actions.add(store, ins, "Done late", due_at=parse_due("2026-11-20"))
    actions.set_status(store, ins, done, "done")
    found = actions.due_today_and_overdue(store, ins, NOW)
    assert [a.id for a in found] == [late, later_today]


def test_every_change_is_undone(store, ins):
    a = actions.add(store, ins, "Send the audit")
    actions.set_status(store, ins, a, "done")
    actions.set_rag(store, ins, a, "amber")
    assert undo.undo(store, ins)
    assert actions.all(store, ins)[0].rag == ""
    assert undo.undo(store, ins)
    assert actions.all(store, ins)[0].status == "open"
    assert undo.undo(store, ins)
    assert actions.all(store, ins) == []
    assert undo.redo(store, ins)
    assert [x.text for x in actions.all(store, ins)] == ["Send the audit"]


def test_the_plan_read_in_one_go(store, ins):
    w1 = plan.add_weakness(store, ins, "Joint commissioning")
    w2 = plan.add_weakness(store, ins, "EHC plan quality")
    actions.add(store, ins, "Agree a strategy", weakness_id=w1, rag="red")
    actions.add(store, ins, "A team action")
    plan.set_verdict(store, ins, w1, "sufficient", dt.date(2028, 11, 10))
    v = plan.add_version(store, ins, "wsoa", "1", dt.date(2027, 3, 26), dt.date(2027, 4, 23),
                         False, dt.date(2027, 5, 14), "Not fit: no measures")
    plan.add_report_back(store, ins, dt.date(2027, 9, 15), "Scrutiny committee")
    with pytest.raises(InvalidInput):
        plan.add_weakness(store, ins, "An area for improvement", "improvement")  # 2016
    with pytest.raises(InvalidInput):
        plan.add_version(store, ins, "wsoa", "2", dt.date(2027, 5, 14), dt.date(2027, 5, 1))
    read = plan.read(store, ins)
    assert [w.title for w in read.weaknesses] == ["Joint commissioning", "EHC plan quality"]
    assert [a.text for a in read.weaknesses[0].actions] == ["Agree a strategy"]
    assert read.weaknesses[0].verdict == "sufficient"
    assert [a.text for a in read.team_actions] == ["A team action"]
    assert read.versions[0].id == v and read.versions[0].fit is False
    assert read.report_backs[0].to == "Scrutiny committee"
    plan.remove_weakness(store, ins, w1)
    assert [w.id for w in plan.read(store, ins).weaknesses] == [w2]
    assert len(actions.all(store, ins)) == 1
    assert undo.undo(store, ins)  # the weakness and its action come back together
    assert len(plan.read(store, ins).weaknesses[0].actions) == 1


def test_removed_plan_rows_are_erased_and_purge_takes_everything(store, ins):
    a = actions.add(store, ins, "Secret words in an action")
    w = plan.add_weakness(store, ins, "A weakness")
    actions.remove(store, ins, a)
    erasure.erase_deleted(store, ins)
    with store.session() as s:
        assert s.get(m.Action, a).text == ""
        assert s.get(m.Weakness, w).title == "A weakness"  # live: kept
    actions.add(store, ins, "Another", weakness_id=w)
    plan.add_report_back(store, ins, dt.date(2027, 9, 15), "Scrutiny committee")
    erasure.purge(store, ins)
    with store.session() as s:
        for model in (m.Action, m.Weakness, m.PlanVersion, m.ReportBack):
            assert s.exec(select(model)).all() == []
