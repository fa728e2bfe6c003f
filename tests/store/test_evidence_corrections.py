"""Correcting an evidence entry: every field, each correction a version saying what changed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sendtui.errors import InvalidInput, NotFound
from sendtui.store import evidence, inspections, settings, undo
from sendtui.store.evidence_corrections import correct, current

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def ins(demo_store):
    return inspections.all(demo_store)[0].id


@pytest.fixture
def entry(demo_store, ins):
    return evidence.all(demo_store, ins)[0]


def test_a_correction_of_line_and_judgement_is_a_version_saying_so(demo_store, ins, entry):
    before = current(demo_store, ins, entry.id)
    line = "B3" if before.line != "B3" else "B5"
    judged = "strength" if before.judgement != "strength" else "concern"
    note = correct(demo_store, ins, entry.id, replace(before, line=line, judgement=judged))

    after = current(demo_store, ins, entry.id)
    assert (after.line, after.judgement) == (line, judged)
    assert f"line {before.line} → {line}" in note
    assert f"→ {judged.title()}" in note
    last = evidence.versions(demo_store, entry.id)[-1]
    assert last.note == note and last.text == before.text


def test_setting_source_and_case_ref_change_and_the_ref_is_never_written_in_the_note(
        demo_store, ins, entry):
    before = current(demo_store, ins, entry.id)
    oak = next(s for s in settings.all(demo_store, ins) if s.id != before.setting_id)
    note = correct(demo_store, ins, entry.id, replace(
        before, source="visit", setting_id=oak.id, case_ref="CASE-SECRET-77"))

    after = current(demo_store, ins, entry.id)
    assert (after.source, after.setting_id, after.case_ref) == ("visit", oak.id,
                                                                "CASE-SECRET-77")
    assert f"→ {oak.name}"[:20] in note and "→ Visit" in note
    assert "case ref added" in note and "SECRET" not in note


def test_nothing_changed_writes_no_version(demo_store, ins, entry):
    count = len(evidence.versions(demo_store, entry.id))
    assert correct(demo_store, ins, entry.id, current(demo_store, ins, entry.id)) == ""
    assert len(evidence.versions(demo_store, entry.id)) == count


def test_each_correction_is_its_own_version(demo_store, ins, entry):
    count = len(evidence.versions(demo_store, entry.id))
    now = current(demo_store, ins, entry.id)
    correct(demo_store, ins, entry.id, replace(now, judgement="strength"))
    correct(demo_store, ins, entry.id, replace(now, judgement="development", text="Fixed."))
    notes = [v.note for v in evidence.versions(demo_store, entry.id)][count:]
    assert len(notes) == 2 and notes[1].endswith("→ Area for development")
    assert evidence.versions(demo_store, entry.id)[-1].text == "Fixed."


def test_undo_puts_every_field_back(demo_store, ins, entry):
    before = current(demo_store, ins, entry.id)
    correct(demo_store, ins, entry.id, replace(before, line="B3" if before.line != "B3"
                                               else "B5", source="survey", judgement=None))
    assert undo.undo(demo_store, ins) == "corrected an evidence entry"
    assert current(demo_store, ins, entry.id) == before


def test_an_unknown_line_or_source_changes_nothing(demo_store, ins, entry):
    before = current(demo_store, ins, entry.id)
    with pytest.raises(NotFound, match="no line of enquiry"):
        correct(demo_store, ins, entry.id, replace(before, line="Z9", judgement="concern"))
    with pytest.raises(InvalidInput, match="no source"):
        correct(demo_store, ins, entry.id, replace(before, source="gossip"))
    with pytest.raises(InvalidInput, match="some text"):
        correct(demo_store, ins, entry.id, replace(before, text="  "))
    assert current(demo_store, ins, entry.id) == before
