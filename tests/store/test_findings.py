"""Findings in the store: added, edited, backed, removed and undone through the write path;
read with their security and contradicting entries; erased and purged with the evidence."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from sendtui.domain.clock import london_to_utc
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import EvidenceRow
from sendtui.store import evidence, findings, inspections, lines, names, undo
from sendtui.store import models as m
from sendtui.store.erasure import erase_deleted, erase_evidence, erase_name, purge
from tests.store.test_erasure import found_in_files

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

STATEMENT = "Families of children with ASD wait too long for a first assessment."


def at(hour: int) -> dt.datetime:
    return london_to_utc(dt.date(2026, 12, 1), dt.time(hour, 0))


@pytest.fixture
def ins(store):
    return inspections.create(store, "Wealdshire", "2016", dt.date(2026, 11, 23)).id


@pytest.fixture
def line(store, ins):
    return next(x for x in lines.all(store, ins) if x.code == "A1")


def entry(store, ins, source: str, judgement: str | None, hour: int, code: str = "A1",
          text: str = "") -> str:
    row = EvidenceRow(at(hour), code, source, text or f"{source} at {hour}", None, None,
                      judgement, "Nominated officer")
    return evidence.add(store, ins, [row]).ids[0]


def only(store, ins, threshold: int = 3):
    [found] = findings.all(store, ins, threshold)
    return found


def test_security_counts_source_kinds_and_contradictions_are_listed(store, ins, line):
    docs = [entry(store, ins, "document", "concern", h) for h in (9, 10)]
    visit = entry(store, ins, "visit", "concern", 11)
    praise = entry(store, ins, "focus-group", "strength", 12)
    entry(store, ins, "survey", None, 13)  # no judgement: contradicts nothing
    entry(store, ins, "meeting", "strength", 14, code="A2")  # another line
    fid = findings.add(store, ins, line.id, f"  {STATEMENT}  ", "concern", docs)
    found = only(store, ins)
    assert (found.id, found.line_code, found.text, found.polarity) == (
        fid, "A1", STATEMENT, "concern")
    assert found.security == "single source"  # two documents are one source
    assert [e.id for e in found.contradicting] == [praise]

    findings.attach(store, ins, fid, [visit])
    assert only(store, ins).security == "corroborated"
    assert only(store, ins, threshold=2).security == "secure"
    findings.attach(store, ins, fid, [praise])  # backing it, it no longer contradicts
    found = only(store, ins)
    assert found.security == "secure" and found.contradicting == ()
    assert [e.id for e in found.backing] == [*docs, visit, praise]  # oldest first

    findings.detach(store, ins, fid, [praise, visit])
    assert only(store, ins).security == "single source"


def test_edit_changes_statement_polarity_and_backing_in_one_undo(store, ins, line):
    doc = entry(store, ins, "document", "strength", 9)
    visit = entry(store, ins, "visit", "concern", 10)
    fid = findings.add(store, ins, line.id, STATEMENT, "concern", [visit])
    findings.edit(store, ins, fid, "Leaders know the waits well.", "strength", [doc])
    found = only(store, ins)
    assert (found.text, found.polarity, [e.id for e in found.backing]) == (
        "Leaders know the waits well.", "strength", [doc])
    assert [e.id for e in found.contradicting] == [visit]

    assert undo.undo(store, ins) == "finding edited on line A1"
    found = only(store, ins)
    assert (found.text, found.polarity, [e.id for e in found.backing]) == (
        STATEMENT, "concern", [visit])
    assert undo.redo(store, ins) == "finding edited on line A1"
    assert only(store, ins).polarity == "strength"


def test_remove_is_a_tombstone_that_undo_brings_back(store, ins, line):
    doc = entry(store, ins, "document", "concern", 9)
    fid = findings.add(store, ins, line.id, STATEMENT, "concern", [doc])
    findings.remove(store, ins, fid)
    assert findings.all(store, ins) == []
    with store.session() as s:
        assert s.get(m.Finding, fid).deleted_at is not None
    assert undo.undo(store, ins) == "finding removed from line A1"
    assert [e.id for e in only(store, ins).backing] == [doc]
    assert undo.undo(store, ins) == "finding added on line A1"
    assert findings.all(store, ins) == []


def test_bad_input_changes_nothing(store, ins, line):
    other_line = entry(store, ins, "document", "concern", 9, code="A2")
    with pytest.raises(InvalidInput, match="needs a statement"):
        findings.add(store, ins, line.id, "   ", "concern")
    with pytest.raises(InvalidInput, match="polarity"):
        findings.add(store, ins, line.id, STATEMENT, "weakness")
    with pytest.raises(InvalidInput, match="its own line"):
        findings.add(store, ins, line.id, STATEMENT, "concern", [other_line])
    with pytest.raises(NotFound):
        findings.edit(store, ins, "no-such-finding", STATEMENT, "concern")
    assert findings.all(store, ins) == []
    assert undo.undo(store, ins) is None


def test_a_deleted_entry_no_longer_backs_and_a_removed_line_hides_its_findings(
        store, ins, line):
    doc = entry(store, ins, "document", "concern", 9)
    visit = entry(store, ins, "visit", "concern", 10)
    findings.add(store, ins, line.id, STATEMENT, "concern", [doc, visit])
    evidence.remove(store, ins, visit)
    assert only(store, ins).security == "single source"
    lines.remove(store, ins, line.id)
    assert findings.all(store, ins) == []


def test_erasing_an_entry_removes_its_links_for_good(store, ins, line):
    doc = entry(store, ins, "document", "concern", 9)
    visit = entry(store, ins, "visit", "concern", 10)
    fid = findings.add(store, ins, line.id, STATEMENT, "concern", [doc, visit])
    erase_evidence(store, ins, visit)
    with store.session() as s:
        links = s.exec(select(m.FindingEvidence.evidence_id)).all()
        logged = s.exec(select(m.Change).where(
            m.Change.table_name == "finding_evidence")).all()
    assert links == [doc]
    assert all(c.row_id != visit for c in logged)
    assert [e.id for e in only(store, ins).backing] == [doc]
    findings.detach(store, ins, fid, [doc])  # the erased entry is not in the way
    assert only(store, ins).security == "no evidence"


def test_erase_deleted_and_erase_name_blank_a_findings_text(store, ins, line, db_path):
    marked = names.add(store, ins, "Zoë Quillfeather")
    kept = findings.add(store, ins, line.id, "Zoë Quillfeather waited a year.", "concern")
    gone = findings.add(store, ins, line.id, "Xylophrax Vantablum had no plan.", "concern")
    findings.remove(store, ins, gone)
    erase_deleted(store, ins)
    erase_name(store, ins, marked.pseudonym)
    assert found_in_files(db_path, "Xylophrax", "Quillfeather") == {
        "Xylophrax": 0, "Quillfeather": 0}
    assert only(store, ins).id == kept
    assert only(store, ins).text == f"{marked.pseudonym} waited a year."


def test_purge_removes_findings(store, ins, line, db_path):
    doc = entry(store, ins, "document", "concern", 9)
    findings.add(store, ins, line.id, "Xylophrax Vantablum had no plan.", "concern", [doc])
    purge(store, ins)
    assert found_in_files(db_path, "Xylophrax") == {"Xylophrax": 0}
    with store.session() as s:
        assert s.exec(select(m.Finding)).all() == []
        assert s.exec(select(m.FindingEvidence)).all() == []
