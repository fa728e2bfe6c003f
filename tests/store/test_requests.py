"""Information requests in the store: seeded at set-up, added, ticked, reopened, edited and
undone; dues that follow their key date; what is due today; erased and purged."""

from __future__ import annotations

import datetime as dt

import pytest

from sendtui.domain import requests as rules
from sendtui.domain.clock import london_to_utc
from sendtui.errors import BadFile, InvalidInput, NotFound
from sendtui.records import RequestRow
from sendtui.store import inspections, people, requests, undo
from sendtui.store.erasure import erase_deleted, purge
from tests.store.test_erasure import found_in_files

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

NOTIFIED = dt.date(2026, 11, 23)  # Monday


def at(day: str, time: str = "17:00") -> dt.datetime:
    return london_to_utc(dt.date.fromisoformat(day), dt.time.fromisoformat(time))


MORNING = at("2026-11-25", "09:00")  # Wed: day 3


@pytest.fixture
def ins(store):
    ins = inspections.create(store, "Wealdshire", "2016", NOTIFIED).id
    people.add(store, ins, "Rachel Thornton", "Nominated officer")
    return ins


def titled(store, ins, title):
    return next(r for r in requests.all(store, ins, MORNING) if r.title == title)


def test_a_new_inspection_starts_with_its_frameworks_requests_due_by_rule(store, ins):
    listed = requests.all(store, ins, MORNING)
    assert len(listed) == len(rules.seeds("2016")) == 24
    offer = titled(store, ins, "Local offer")
    assert (offer.kind, offer.status, offer.due_anchor, offer.due_days) == (
        "document", "to-do", "notified", 2)
    assert offer.due_at == at("2026-11-25")  # Mon + 2 working days, 17:00
    assert undo.undo(store, ins) is not None  # the person added; the seeds are not undoable
    assert undo.undo(store, ins) is None
    other = inspections.create(store, "Fenmarch", "2023", NOTIFIED).id
    assert {r.title for r in requests.all(store, other, MORNING)} >= {
        "Data request", "Person-level data template"}


def test_dues_follow_their_key_date_and_undo_takes_both_back(store, ins):
    inspections.set_key_date(store, ins, "notified", dt.date(2026, 12, 23))
    # Wed 23 Dec + 2: Thu 24, (Christmas, weekend, substitute Boxing Day 28) Tue 29 Dec
    assert titled(store, ins, "Local offer").due_at == at("2026-12-29")
    typed = requests.add(store, ins, "EHC plan audit", due_at=at("2026-12-01", "10:00"))
    inspections.set_key_date(store, ins, "notified", dt.date(2026, 11, 30))
    assert titled(store, ins, "Local offer").due_at == at("2026-12-02")
    assert requests.by_id(store, ins, typed.id).due_at == at("2026-12-01", "10:00")  # typed
    undo.undo(store, ins)
    assert titled(store, ins, "Local offer").due_at == at("2026-12-29")


def test_add_tick_reopen_and_undo(store, ins):
    new = requests.add(store, ins, "Case-file logins for HMI", "access", "rachel thornton",
                       at("2026-11-24", "10:00"), "IT service desk ticket 4411")
    assert (new.owner, new.kind) == ("Rachel Thornton", "access")
    assert requests.all(store, ins, MORNING)[0].id == new.id  # overdue: first
    offer = titled(store, ins, "Local offer")
    assert requests.tick(store, ins, [new.id, offer.id]) == 2
    assert {requests.by_id(store, ins, i).status for i in (new.id, offer.id)} == {"sent"}
    assert requests.all(store, ins, MORNING)[-1].status == "sent"  # finished: last
    assert undo.undo(store, ins) == "2 requests marked sent"  # one action, both back
    assert {requests.by_id(store, ins, i).status for i in (new.id, offer.id)} == {"to-do"}
    requests.set_status(store, ins, [new.id], "not-held", "not collected")
    assert requests.by_id(store, ins, new.id).reason == "not collected"
    assert requests.reopen(store, ins, [new.id]) == 1
    assert (requests.by_id(store, ins, new.id).status,
            requests.by_id(store, ins, new.id).reason) == ("to-do", "")


def test_refused_changes_change_nothing(store, ins):
    offer = titled(store, ins, "Local offer")
    with pytest.raises(InvalidInput, match="needs a reason"):
        requests.set_status(store, ins, [offer.id], "not-held")
    with pytest.raises(NotFound):
        requests.add(store, ins, "Audit", owner="Nobody Known")
    with pytest.raises(InvalidInput):
        requests.edit(store, ins, offer.id, "", "document", "", None, "", "", "to-do")
    assert titled(store, ins, "Local offer") == offer


def test_edit_counts_from_another_key_date_or_takes_a_typed_due(store, ins):
    offer = titled(store, ins, "Local offer")
    edited = requests.edit(store, ins, offer.id, "Local offer (web pages)", "document",
                           "Rachel Thornton", rules.DueRule("final-feedback", 1,
                                                            dt.time(10, 0)),
                           "https://example.org/offer", "", "in-progress")
    # final feedback Fri 4 Dec 2026 + 1 working day: Mon 7 Dec 10:00
    assert (edited.due_at, edited.due_anchor, edited.owner) == (
        at("2026-12-07", "10:00"), "final-feedback", "Rachel Thornton")
    typed = requests.edit(store, ins, offer.id, "Local offer", "document", "",
                          at("2026-11-26"), "", "", "to-do")
    assert (typed.due_at, typed.due_anchor, typed.owner_id) == (at("2026-11-26"), "", None)


def test_due_today_and_overdue(store, ins):
    late = requests.add(store, ins, "Late", due_at=at("2026-11-24", "10:00"))
    requests.add(store, ins, "Tomorrow", due_at=at("2026-11-26", "10:00"))
    done = requests.add(store, ins, "Done late", due_at=at("2026-11-24"), status="sent")
    found = requests.due_today_and_overdue(store, ins, MORNING)
    assert found[0].id == late.id
    assert {r.title for r in found[1:]} == {  # due Wed 25 Nov 12:00 and 17:00
        s.title for s in rules.seeds("2016") if s.rule.days == 2}
    assert done.id not in {r.id for r in found}


def test_listed_by_owner_and_status(store, ins):
    mine = requests.add(store, ins, "Mine", owner="Rachel Thornton")
    assert [r.id for r in requests.listed(store, ins, MORNING, owner="RACHEL THORNTON")] == [
        mine.id]
    assert requests.listed(store, ins, MORNING, status="sent") == []
    with pytest.raises(NotFound):
        requests.listed(store, ins, MORNING, owner="Someone Else")
    with pytest.raises(InvalidInput):
        requests.listed(store, ins, MORNING, status="done")


def test_load_is_all_or_nothing_and_names_the_row(store, ins):
    good = RequestRow(2, "A", "document", "Rachel Thornton", None, "to-do", "", "", "")
    bad = RequestRow(3, "B", "document", "Nobody", None, "to-do", "", "", "")
    before = requests.all(store, ins, MORNING)
    with pytest.raises(BadFile, match="row 3, column owner"):
        requests.load(store, ins, [good, bad], "r.csv")
    assert requests.all(store, ins, MORNING) == before
    assert requests.load(store, ins, [good]) == 1


def test_removed_requests_are_erased_and_purged_for_good(store, ins, db_path):
    gone = requests.add(store, ins, "Zanzibarquux audit", notes="Quuxnotes")
    requests.remove(store, ins, gone.id)
    erase_deleted(store, ins)
    assert found_in_files(db_path, "zanzibarquux", "quuxnotes") == {
        "zanzibarquux": 0, "quuxnotes": 0}
    requests.add(store, ins, "Xylophonequux plan")
    purge(store, ins)
    assert found_in_files(db_path, "xylophonequux") == {"xylophonequux": 0}


def test_a_store_from_before_requests_opens_with_none_and_takes_new_ones(tmp_path):
    from sendtui.store.repo import Store
    from tests.store.old_stores import make_store_at

    path = tmp_path / "old.db"
    make_store_at(path, "0012", entries=5)
    store = Store.open(str(path))
    try:
        ins = inspections.all(store)[0].id
        assert requests.all(store, ins, MORNING) == []  # an inspection set up before: none
        added = requests.add(store, ins, "Data request", "data-set",
                             due_at=at("2026-11-24", "12:00"))
        assert [r.id for r in requests.due_today_and_overdue(store, ins, MORNING)] == [
            added.id]
    finally:
        store.close()
