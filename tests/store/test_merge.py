"""Two laptops that worked apart come together: what a coordinator would check by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlmodel import select

from sendtui.errors import BadFile
from sendtui.records import EvidenceRow
from sendtui.records.bundle import Bundle, TableRows
from sendtui.store import (
    conflicts, erasure, events, evidence, evidence_corrections, inspections, merge, names, people,
    settings, undo)
from sendtui.store.bundle_rows import bundle_rows, manifest_of
from sendtui.store import models as m
from tests.store.laptops import at, carry, content, laptop


BOTH_ENGINES = True
SQLITE_ONLY = {
    "test_an_entry_erased_on_one_laptop_is_erased_on_the_other_and_never_comes_back":
        "reads the store file's bytes for the erased name",
}


@pytest.fixture
def ada(new_target):
    store = laptop(new_target("Ada"), "Ada", 1)
    yield store
    store.close()


@pytest.fixture
def kwame(new_target):
    store = laptop(new_target("Kwame"), "Kwame", 2)
    yield store
    store.close()


@pytest.fixture
def ins(ada, kwame):
    """An inspection made on Ada's laptop, with a person, a visit and an entry, carried to
    Kwame's."""
    found = inspections.create(ada, "Wealdshire", "2023", dt.date(2026, 11, 23)).id
    priya = people.add(ada, found, "Priya Shah", "Inspector").id
    events.add(ada, found, events.EventInput("meeting", "SENCO meeting", at(25, 9), at(25, 10),
                                             person_ids=(priya,)))
    row = EvidenceRow(at(25, 10), "L1", "meeting", "Waiting lists for CAMHS have grown",
                      None, None, None, "PS")
    evidence.add(ada, found, [row])
    carry(ada, kwame, found)
    return found


def the_event(store, ins_id) -> m.Event:
    with store.session() as s:
        return s.exec(select(m.Event).where(m.Event.inspection_id == ins_id)).one()


def the_entry(store, ins_id) -> m.Evidence:
    with store.session() as s:
        return s.exec(select(m.Evidence).where(m.Evidence.inspection_id == ins_id)).one()


def moved(store, ins_id, **changes) -> None:
    event = events.all(store, ins_id)[0]
    events.edit(store, ins_id, event.id,
                dataclasses.replace(events.EventInput.of(event), **changes))


def rewritten(store, ins_id, text: str) -> None:
    entry = the_entry(store, ins_id)
    now = evidence_corrections.current(store, ins_id, entry.id)
    evidence_corrections.correct(store, ins_id, entry.id, dataclasses.replace(now, text=text))


def test_an_empty_laptop_takes_the_whole_inspection_and_a_second_import_changes_nothing(
        ada, kwame, ins):
    assert content(kwame, ins) == content(ada, ins)
    again = carry(ada, kwame, ins)
    assert again.nothing and again.origin == "Ada's laptop"
    assert content(kwame, ins) == content(ada, ins)


def test_a_preview_says_what_would_arrive_and_keeps_nothing(ada, kwame, ins):
    people.add(ada, ins, "Jo Bloggs")
    shown = carry(ada, kwame, ins, preview=True)
    assert shown.new["person"] == 1
    assert [p.name for p in people.all(kwame, ins)] == ["Priya Shah"]


def test_changes_to_different_fields_of_one_visit_are_both_kept(ada, kwame, ins):
    moved(ada, ins, start=at(25, 13), end=at(25, 14))  # Ada moves it
    moved(kwame, ins, location="Room 4")  # Kwame books a room
    before = max(the_event(ada, ins).sequence, the_event(kwame, ins).sequence)
    carry(kwame, ada, ins)
    carry(ada, kwame, ins)
    for store in (ada, kwame):
        event = events.all(store, ins)[0]
        assert (event.start, event.location) == (at(25, 13), "Room 4")
    assert content(ada, ins) == content(kwame, ins)
    assert the_event(ada, ins).sequence > before  # calendars take the change


def test_the_later_of_two_changes_to_one_field_wins_on_both_laptops(ada, kwame, ins):
    moved(ada, ins, location="Hall")
    moved(kwame, ins, location="Room 4")  # later
    carry(ada, kwame, ins)
    carry(kwame, ada, ins)
    assert {events.all(s, ins)[0].location for s in (ada, kwame)} == {"Room 4"}


def test_a_removal_travels_and_undo_on_the_laptop_that_removed_brings_it_back(
        ada, kwame, ins):
    event = events.all(ada, ins)[0]
    events.remove(ada, ins, event.id)
    arrived = carry(ada, kwame, ins)
    assert arrived.removed["event"] == 1 and events.all(kwame, ins) == []
    undo.undo(ada, ins)
    carry(ada, kwame, ins)
    assert [e.id for e in events.all(kwame, ins)] == [event.id]


def test_the_same_person_added_on_two_laptops_is_one_person(ada, kwame, ins):
    people.add(ada, ins, "Jo Bloggs", "Parent carer forum")
    people.add(kwame, ins, "jo  bloggs", email="jo@example.org")
    carry(ada, kwame, ins)
    carry(kwame, ada, ins)
    for store in (ada, kwame):
        jo = [p for p in people.all(store, ins) if p.name.lower() == "jo bloggs"]
        assert len(jo) == 1
    assert content(ada, ins) == content(kwame, ins)


def test_a_person_added_again_after_a_removal_meets_the_other_laptops_as_one(
        ada, kwame, ins):
    jo = people.add(ada, ins, "Jo Bloggs").id
    people.remove(ada, ins, jo)
    again = people.add(ada, ins, "Jo Bloggs").id  # the natural id is taken: a random one
    assert again != jo
    people.add(kwame, ins, "Jo Bloggs")  # the natural id, live
    carry(kwame, ada, ins)
    carry(ada, kwame, ins)
    for store in (ada, kwame):
        assert [p.name for p in people.all(store, ins)].count("Jo Bloggs") == 1
    assert content(ada, ins) == content(kwame, ins)


def test_two_texts_written_at_the_same_time_are_both_kept_and_settled_once(
        ada, kwame, ins):
    rewritten(ada, ins, "Waiting lists for CAMHS have grown to 40 weeks")
    rewritten(kwame, ins, "CAMHS waits: 40 weeks, said the SENCO")
    arrived = carry(kwame, ada, ins)
    assert arrived.conflicts == 1
    carry(ada, kwame, ins)
    for store in (ada, kwame):
        [conflict] = conflicts.open_conflicts(store, ins)
        assert {conflict.entry_text, conflict.other_text} == {
            "Waiting lists for CAMHS have grown to 40 weeks",
            "CAMHS waits: 40 weeks, said the SENCO"}
    [conflict] = conflicts.open_conflicts(ada, ins)
    assert conflicts.settle(ada, ins, conflict.version_id, "both") == "kept both texts"
    carry(ada, kwame, ins)
    assert conflicts.open_conflicts(kwame, ins) == []
    assert the_entry(kwame, ins).text == f"{conflict.entry_text}\n\n{conflict.other_text}"


def test_a_text_corrected_after_reading_the_other_is_no_conflict(ada, kwame, ins):
    rewritten(ada, ins, "Waiting lists for CAMHS have grown to 40 weeks")
    carry(ada, kwame, ins)
    rewritten(kwame, ins, "Waiting lists for CAMHS have grown to 42 weeks")
    assert carry(kwame, ada, ins).conflicts == 0
    assert the_entry(ada, ins).text.endswith("42 weeks")


def test_an_entry_erased_on_one_laptop_is_erased_on_the_other_and_never_comes_back(
        ada, kwame, ins, tmp_path):
    entry = the_entry(ada, ins)
    rewritten(kwame, ins, "Waiting lists have grown, said Zephyrine's mother")
    erasure.erase_evidence(ada, ins, entry.id)
    assert carry(ada, kwame, ins).erased == 1
    carry(kwame, ada, ins)  # Kwame's edit was before he heard: it does not bring it back
    for store in (ada, kwame):
        assert the_entry(store, ins).text == ""
        with store.session() as s:
            assert s.exec(select(m.EvidenceVersion).where(
                m.EvidenceVersion.evidence_id == entry.id)).all() == []
    assert b"Zephyrine" not in (tmp_path / "Kwame.db").read_bytes()


def test_a_pseudonym_given_on_two_laptops_is_renumbered_on_the_later_with_a_notice(
        ada, kwame, ins):
    names.add(ada, ins, "Amara Jones")  # CYP-01 on Ada's laptop
    names.add(kwame, ins, "Leo Smith")  # CYP-01 on Kwame's, later
    arrived = carry(kwame, ada, ins)
    assert any("CYP-01" in notice and "CYP-02" in notice for notice in arrived.notices)
    carry(ada, kwame, ins)
    for store in (ada, kwame):
        marked = {p.name: p.pseudonym for p in names.all(store, ins)}
        assert marked == {"Amara Jones": "CYP-01", "Leo Smith": "CYP-02"}


def test_undo_after_a_merge_undoes_only_this_laptops_fields_and_keeps_the_others(
        ada, kwame, ins):
    moved(ada, ins, title="SENCO meeting (moved)", location="Hall")
    carry(ada, kwame, ins)
    moved(kwame, ins, title="SENCO meeting (moved)", location="Room 4")
    carry(kwame, ada, ins)
    said = undo.undo(ada, ins)  # Ada's move: the title goes back, the room stays Kwame's
    event = events.all(ada, ins)[0]
    assert (event.title, event.location) == ("SENCO meeting", "Room 4")
    assert "location was changed since, kept" in said


@pytest.mark.parametrize("tamper", ["a table it does not take", "another inspection's row",
                                    "a value that is not plain"])
def test_a_bundle_that_reaches_beyond_its_inspection_is_refused_and_changes_nothing(
        ada, kwame, ins, tamper):
    tables = list(bundle_rows(ada, ins))
    if tamper == "a table it does not take":
        tables.append(TableRows("change", ("id",), (("x",),)))
    else:
        at_ = next(i for i, t in enumerate(tables) if t.name == "person")
        person = tables[at_]
        row = list(person.rows[0])
        column = person.columns.index("inspection_id" if tamper.startswith("another")
                                      else "name")
        row[column] = "0" * 36 if tamper.startswith("another") else ["Jo"]
        tables[at_] = TableRows("person", person.columns, (tuple(row),))
    before = content(kwame, ins)
    with pytest.raises(BadFile):
        merge.import_bundle(kwame, Bundle(manifest_of(ada, ins, tuple(tables)), tuple(tables)))
    assert content(kwame, ins) == before


def test_a_change_made_after_a_merge_wins_even_over_a_laptop_whose_clock_runs_fast(
        ada, kwame, ins, monkeypatch):
    fast = kwame.clock._now_ms() + 3_600_000  # Kwame's laptop is an hour ahead
    monkeypatch.setattr(kwame.clock, "_now_ms", lambda: fast)
    moved(kwame, ins, location="Room 4")
    carry(kwame, ada, ins)
    moved(ada, ins, location="Hall")  # after Ada has seen Kwame's change
    assert the_event(ada, ins).hlc > the_event(kwame, ins).hlc
    carry(ada, kwame, ins)
    assert events.all(kwame, ins)[0].location == "Hall"


def test_a_server_and_a_laptop_exchange_bundles_as_two_laptops_do(pg_demo_database, tmp_path):
    """The demo inspection on a PostgreSQL store goes to a SQLite laptop and back: its
    booleans, dates and instants arrive as they left, and a second exchange changes nothing."""
    server = laptop(pg_demo_database, "Server", 3)
    ada = laptop(tmp_path, "Ada", 1)
    try:
        ins_id = inspections.all(server)[0].id
        carry(server, ada, ins_id)
        assert content(ada, ins_id) == content(server, ins_id)
        chosen = next(s.id for s in settings.all(ada, ins_id) if not s.visited)
        settings.mark(ada, ins_id, chosen, shortlisted=True, visited=True)
        moved(ada, ins_id, location="Room 4")
        assert carry(ada, server, ins_id).changed
        assert content(server, ins_id) == content(ada, ins_id)
        mark = next(s for s in settings.all(server, ins_id) if s.id == chosen)
        assert (mark.shortlisted, mark.visited) == (True, True)
        assert carry(server, ada, ins_id).nothing and carry(ada, server, ins_id).nothing
        assert content(server, ins_id) == content(ada, ins_id)
    finally:
        server.close()
        ada.close()
