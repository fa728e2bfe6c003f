"""A clock per field: a write stamps only the fields it changed, and undo and redo put back
only the fields an action wrote, where they still hold what it left (a merge, or another
laptop's change brought in, is never overwritten by an undo here)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlmodel import select

from sendtui.records.incoming import PersonRow
from sendtui.store import events, field_clocks, inspections, people, undo
from sendtui.store import models as m
from sendtui.store.events import EventInput

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

PERSON_FIELDS = {"inspection_id", "name", "role", "organisation", "email", "phone",
                 "is_team", "deleted_at"}


def clocks(store, table: str, row_id: str) -> dict[str, str]:
    """Each field's clock (its own, or the row's first)."""
    with store.session() as s:
        raw = field_clocks.of_row(s, table, row_id)
    fields = (set(raw) - {field_clocks.EVERY}) | (PERSON_FIELDS if table == "person" else set())
    return {f: field_clocks.clock_of(raw, f, ("", ""))[0] for f in fields}


def all_clocks(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return list(conn.execute(text("SELECT * FROM field_clock ORDER BY 1, 2, 3")))


def a_person(store, ins: str) -> m.Person:
    with store.session() as s:
        return store.insert(s, ins, m.Person(inspection_id=ins, name="Tom Reed", role="SENCO"),
                            "added Tom Reed")


def edit(store, model, row_id: str, summary: str | None = "changed", **values) -> None:
    with store.session() as s:
        row = s.get(model, row_id)
        with store.change(s, row.inspection_id, row, summary) as row:
            for key, value in values.items():
                setattr(row, key, value)


def stored(store, model, row_id: str):
    with store.session() as s:
        return s.get(model, row_id)


def test_a_new_row_is_stamped_once_for_all_its_fields_with_its_own_clock(demo_store):
    ins = inspections.find(demo_store).id
    person = a_person(demo_store, ins)
    with demo_store.session() as s:
        stamped = field_clocks.of_row(s, "person", person.id)
    assert {f: hlc for f, (hlc, _) in stamped.items()} == {
        field_clocks.EVERY: stored(demo_store, m.Person, person.id).hlc}
    assert set(clocks(demo_store, "person", person.id).values()) == {
        stored(demo_store, m.Person, person.id).hlc}


def test_a_change_stamps_only_the_fields_it_changed(demo_store):
    ins = inspections.find(demo_store).id
    person = a_person(demo_store, ins)
    was = clocks(demo_store, "person", person.id)
    edit(demo_store, m.Person, person.id, role="Head of SEND", name="Tom Reed")  # name same
    now = clocks(demo_store, "person", person.id)
    assert [f for f in now if now[f] != was[f]] == ["role"]
    assert now["role"] > was["role"]
    assert stored(demo_store, m.Person, person.id).hlc == now["role"] == max(now.values())


def test_a_write_that_changes_nothing_stamps_nothing(demo_store):
    ins = inspections.find(demo_store).id
    person = a_person(demo_store, ins)
    before = all_clocks(demo_store)
    edit(demo_store, m.Person, person.id, role="SENCO", name="Tom Reed")
    assert all_clocks(demo_store) == before
    assert stored(demo_store, m.Person, person.id).hlc == person.hlc


def test_a_reimport_of_an_unchanged_file_stamps_nothing(demo_store):
    ins = inspections.find(demo_store).id
    rows = [PersonRow("Priya Shah", "SENCO", "Hillside", "", "", False),
            PersonRow("Sam Okafor", "Lead", "Ofsted", "", "", True)]
    people.load(demo_store, ins, rows)
    before = all_clocks(demo_store)
    assert people.load(demo_store, ins, rows).unchanged == 2
    assert all_clocks(demo_store) == before
    people.load(demo_store, ins, [replace(rows[0], role="Head")])  # one field changed
    changed = {(t, r, f) for t, r, f, *_ in set(all_clocks(demo_store)) - set(before)}
    assert [f for _, _, f in changed] == ["role"]


def test_a_removal_stamps_only_deleted_at(demo_store):
    ins = inspections.find(demo_store).id
    person = a_person(demo_store, ins)
    was = clocks(demo_store, "person", person.id)
    with demo_store.session() as s:
        demo_store.tombstone(s, ins, s.get(m.Person, person.id), "removed Tom Reed")
    now = clocks(demo_store, "person", person.id)
    assert [f for f in now if now[f] != was[f]] == ["deleted_at"]
    undo.undo(demo_store, ins)
    back = clocks(demo_store, "person", person.id)
    assert [f for f in back if back[f] != now[f]] == ["deleted_at"]  # undo stamps anew
    assert stored(demo_store, m.Person, person.id).deleted_at is None


def test_undo_puts_back_only_the_fields_the_action_wrote(demo_store):
    ins = inspections.find(demo_store).id
    event = events.all(demo_store, ins)[0]
    events.edit(demo_store, ins, event.id, EventInput.of(event).moved(dt.timedelta(hours=1)),
                "moved the visit")
    edit(demo_store, m.Event, event.id, None, notes="Bring the consent forms")  # a merge
    assert undo.undo(demo_store, ins) == "moved the visit"
    row = stored(demo_store, m.Event, event.id)
    assert (row.start, row.end) == (event.start, event.end)
    assert row.notes == "Bring the consent forms"


def test_undo_keeps_a_field_changed_since_and_says_so(demo_store):
    ins = inspections.find(demo_store).id
    event = events.all(demo_store, ins)[0]
    moved = replace(EventInput.of(event).moved(dt.timedelta(hours=1)), title="Moved visit")
    events.edit(demo_store, ins, event.id, moved, "moved the visit")
    edit(demo_store, m.Event, event.id, None, title="Visit (Kwame)")  # another laptop's
    assert undo.undo(demo_store, ins) == "moved the visit; the title was changed since, kept"
    row = stored(demo_store, m.Event, event.id)
    assert row.start == event.start and row.title == "Visit (Kwame)"
    assert undo.redo(demo_store, ins) == "moved the visit; the title was changed since, kept"
    row = stored(demo_store, m.Event, event.id)
    assert row.start == moved.start and row.title == "Visit (Kwame)"


def test_redo_puts_the_fields_back_with_new_clocks(demo_store):
    ins = inspections.find(demo_store).id
    person = a_person(demo_store, ins)
    edit(demo_store, m.Person, person.id, "role changed", role="Head of SEND")
    changed = clocks(demo_store, "person", person.id)
    assert undo.undo(demo_store, ins) == "role changed"
    assert stored(demo_store, m.Person, person.id).role == "SENCO"
    assert undo.redo(demo_store, ins) == "role changed"
    redone = clocks(demo_store, "person", person.id)
    assert stored(demo_store, m.Person, person.id).role == "Head of SEND"
    assert redone["role"] > changed["role"] and redone["name"] == changed["name"]


def test_undo_of_a_removal_kept_when_brought_back_since(demo_store):
    ins = inspections.find(demo_store).id
    person = a_person(demo_store, ins)
    with demo_store.session() as s:
        demo_store.tombstone(s, ins, s.get(m.Person, person.id), "removed Tom Reed")
    edit(demo_store, m.Person, person.id, None, deleted_at=None)  # back on another laptop
    edit(demo_store, m.Person, person.id, None, deleted_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    assert undo.undo(demo_store, ins) == ("removed Tom Reed; it was removed or brought back "
                                          "since, left so")
    assert stored(demo_store, m.Person, person.id).deleted_at is not None


def test_a_log_written_before_field_clocks_still_undoes(demo_store):
    """Old logs hold whole rows (and no `after` for a removal)."""
    ins = inspections.find(demo_store).id
    person = a_person(demo_store, ins)
    with demo_store.session() as s:
        row = s.get(m.Person, person.id)
        whole = undo.snapshot(s, row)
        row.role, row.deleted_at = "Head", dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
        s.add(row)
        for seq, (before, after) in enumerate(
                [(whole, {**whole, "role": "Head"}), ({**whole, "role": "Head"}, None)], 10):
            s.add(m.Change(inspection_id=ins, table_name="person", row_id=person.id,
                           before=json.dumps(before),
                           after=json.dumps(after) if after else None,
                           summary=f"old {seq}", group_id=f"g{seq}", seq=seq))
    assert undo.undo(demo_store, ins) == "old 11"
    assert stored(demo_store, m.Person, person.id).deleted_at is None
    assert undo.undo(demo_store, ins) == "old 10"
    assert stored(demo_store, m.Person, person.id).role == "SENCO"


def rows_off_their_clocks(store) -> list[tuple]:
    """Rows whose own hlc is not the latest of their fields' clocks."""
    off = []
    with store.engine.connect() as conn:
        for table in undo.TABLES:
            off += conn.execute(text(
                f'SELECT :t, r.id, r.hlc, max(c.hlc) FROM "{table}" r JOIN field_clock c '
                f"ON c.table_name = :t AND c.row_id = r.id GROUP BY r.id "
                f"HAVING r.hlc != max(c.hlc)"), {"t": table}).all()
    return off


STEPS = st.lists(st.one_of(
    st.tuples(st.just("role"), st.integers(0, 2), st.sampled_from(["SENCO", "Head", "Lead"])),
    st.tuples(st.just("merge"), st.integers(0, 2), st.sampled_from(["SENCO", "Head", "Kwame"])),
    st.tuples(st.just("remove"), st.integers(0, 2), st.booleans()),
    st.tuples(st.just("undo"), st.just(0), st.just(None)),
    st.tuples(st.just("redo"), st.just(0), st.just(None))), max_size=25)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_any_history_leaves_each_rows_hlc_the_latest_of_its_fields(demo_store, steps):
    ins = inspections.find(demo_store).id
    with demo_store.session() as s:
        ids = [p.id for p in s.exec(select(m.Person).where(m.Person.inspection_id == ins))][:3]
    for kind, n, value in steps:
        if kind == "role":
            edit(demo_store, m.Person, ids[n], "role changed", role=value)
        elif kind == "merge":  # a change that is not this laptop's action
            edit(demo_store, m.Person, ids[n], None, role=value)
        elif kind == "remove":
            gone = dt.datetime(2026, 1, 5, tzinfo=dt.UTC) if value else None
            edit(demo_store, m.Person, ids[n], "removed or back", deleted_at=gone)
        else:
            getattr(undo, kind)(demo_store, ins)
        assert rows_off_their_clocks(demo_store) == []


def orphan_clocks(store) -> int:
    with store.engine.connect() as conn:
        return sum(conn.execute(text(
            f'SELECT count(*) FROM field_clock WHERE table_name = :t AND row_id NOT IN '
            f'(SELECT id FROM "{t}")'), {"t": t}).scalar() for t in [*undo.TABLES,
                                                                  "evidence_version"])


def test_rows_erased_for_good_take_their_clocks_with_them(demo_store):
    from sendtui.store import erasure

    ins = inspections.find(demo_store).id
    with demo_store.session() as s:
        entry = s.exec(select(m.Evidence).where(m.Evidence.inspection_id == ins)).first()
    assert clocks(demo_store, "evidence_version", "x") == {}
    erasure.erase_evidence(demo_store, ins, entry.id)
    assert orphan_clocks(demo_store) == 0
    assert clocks(demo_store, "evidence", entry.id)["text"]  # the blanked text is stamped
    erasure.purge(demo_store, ins)
    assert all_clocks(demo_store) == []  # the inspection is gone, clocks and all
