"""Tracked children and sampled cases in the store: added with their identity in the
protected table only, ticked, edited, removed and undone; what is missing this morning."""

from __future__ import annotations

import datetime as dt

import pytest

from sendtui.domain.clock import london_to_utc
from sendtui.errors import InvalidInput
from sendtui.records import EvidenceRow
from sendtui.store import audit, evidence, inspections, names, tracked, undo
from sendtui.store.erasure import erase_name, purge
from tests.store.test_erasure import found_in_files

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

THU = dt.date(2026, 11, 19)


@pytest.fixture
def ins(store):
    return inspections.create(store, "Wealdshire", "2023", dt.date(2026, 11, 16)).id


def add(store, ins, name="Xanthe Quorley", kind="tracked", **kw):
    return tracked.add(store, ins, kind, name, THU, **kw)


def test_the_identity_lives_in_the_protected_table_only(store, ins):
    child = add(store, ins, born=dt.date(2015, 3, 2), case_ref="EHC-77123",
                sectors=("education", "health"), consent_by="Mother")
    assert (child.pseudonym, child.kind, child.sectors) == ("CYP-01", "tracked",
                                                            ("education", "health"))
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT * FROM tracked_child").one()
    assert not any(w in " ".join(map(str, row)) for w in ("Xanthe", "Quorley", "77123",
                                                          "2015-03-02"))
    assert tracked.identity(store, ins, child.id, "on the Children screen") == (
        tracked.Identity("Xanthe Quorley", dt.date(2015, 3, 2), "EHC-77123"))
    assert [(e.action, e.detail) for e in audit.entries(store, ins)] == [
        ("identity shown", "CYP-01 on the Children screen")]
    redact = names.redactor(store, ins).redact
    assert redact("Xanthe Quorley EHC-77123") == "CYP-01 [case ref withheld]"


def test_adding_is_one_undoable_action_and_a_name_marked_before_keeps_its_pseudonym(
        store, ins):
    names.add(store, ins, "Bram Ellory", "CYP-04")
    add(store, ins)
    assert undo.undo(store, ins) == "CYP-05 added as a tracked child"
    assert tracked.all(store, ins) == []
    assert [p.pseudonym for p in names.all(store, ins)] == ["CYP-04"]
    sampled = add(store, ins, "bram  ellory", kind="sampled")
    assert (sampled.pseudonym, sampled.kind) == ("CYP-04", "sampled")
    with pytest.raises(InvalidInput, match="CYP-04 is already tracked"):
        add(store, ins, "Bram Ellory")


def test_a_seventh_tracked_child_is_refused_and_nothing_is_written(store, ins):
    for n in range(6):
        add(store, ins, f"Child Number{'abcdef'[n]}")
    with pytest.raises(InvalidInput, match="track up to 6"):
        add(store, ins, "Seventh Childname")
    assert len(tracked.all(store, ins)) == 6
    assert "Seventh Childname" not in {p.name for p in names.all(store, ins)}
    add(store, ins, "Seventh Childname", kind="sampled")
    child = tracked.all(store, ins)[-1]
    with pytest.raises(InvalidInput, match="track up to 6"):
        tracked.edit(store, ins, child.id, kind="tracked")


def test_consent_documents_and_edits_each_undo(store, ins):
    child = add(store, ins)
    assert tracked.cycle_consent(store, ins, child.id).consent == "asked"
    assert tracked.uploaded(store, ins, child.id, dt.date(2026, 11, 20)).documents_uploaded \
        == dt.date(2026, 11, 20)
    moved = tracked.edit(store, ins, child.id, selected_on=dt.date(2026, 4, 30),
                         documents_due=None, sectors="health, social care")
    assert moved.documents_due == london_to_utc(dt.date(2026, 5, 5), dt.time(17))
    assert moved.sectors == ("health", "social-care")
    assert undo.undo(store, ins) == "CYP-01 edited"
    assert undo.undo(store, ins) == "CYP-01: documents uploaded 20 Nov"
    assert tracked.get(store, ins, child.id).documents_uploaded is None
    assert undo.undo(store, ins) == "CYP-01: consent asked"
    tracked.remove(store, ins, child.id)
    assert tracked.all(store, ins) == []
    undo.undo(store, ins)
    assert tracked.get(store, ins, child.id).consent == ""


def test_evidence_captured_against_a_child_is_listed_newest_first(store, ins):
    child = add(store, ins)
    at = london_to_utc(dt.date(2026, 11, 23), dt.time(11))
    for hours, text in ((0, "first"), (2, "second")):
        evidence.add(store, ins, [EvidenceRow(at + dt.timedelta(hours=hours), "E1",
                                              "tracking", text, None, None, None, "",
                                              tracked_child_id=child.id)])
    assert [e.text for e in tracked.get(store, ins, child.id).entries] == ["second", "first"]


def test_due_today_and_overdue_names_what_is_missing(store, ins):
    late = add(store, ins, "Alpha Childone")  # due Mon 23 Nov 17:00
    tracked.cycle_consent(store, ins, late.id)
    done = add(store, ins, "Beta Childtwo", consent="given")
    tracked.uploaded(store, ins, done.id, THU)
    today = tracked.edit(store, ins, add(store, ins, "Gamma Childthree").id,
                         consent="given",
                         documents_due=london_to_utc(dt.date(2026, 11, 24), dt.time(12)))
    now = london_to_utc(dt.date(2026, 11, 24), dt.time(9))
    missing = tracked.due_today_and_overdue(store, ins, now)
    assert [(x.pseudonym, x.what, x.overdue) for x in missing] == [
        ("CYP-01", "consent", True), ("CYP-01", "documents", True),
        (today.pseudonym, "documents", False)]


def test_erasing_the_name_and_purging_leave_no_identity(store, ins, db_path):
    child = add(store, ins, case_ref="EHC-77123", consent_by="Xanthe's grandmother")
    erase_name(store, ins, child.pseudonym)
    assert tracked.get(store, ins, child.id).consent_by == "CYP-01's grandmother"
    assert found_in_files(db_path, "Xanthe", "77123") == {"Xanthe": 0, "77123": 0}
    purge(store, ins)
    assert found_in_files(db_path, "CYP-01") == {"CYP-01": 0}
