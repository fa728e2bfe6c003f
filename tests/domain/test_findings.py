"""Findings: security from distinct source kinds, contradictions from opposite judgements."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendtui.domain.findings import (
    Security,
    contradicting,
    opposes,
    polarity_problem,
    rank,
    security,
    statement_problem,
    tidy_statement,
)
from sendtui.domain.kinds import SOURCE_KINDS


@dataclass(frozen=True)
class Entry:
    id: str
    judgement: str | None


def test_no_backing_is_no_evidence():
    assert security([]) == Security.NONE == "no evidence"


def test_ten_documents_are_a_single_source():
    assert security(["document"] * 10) == Security.SINGLE == "single source"


def test_two_kinds_corroborate_three_are_secure():
    assert security(["document", "visit", "document"]) == Security.CORROBORATED
    assert security(["document", "visit", "survey"]) == Security.SECURE == "secure"


def test_the_threshold_is_configurable():
    three = ["document", "visit", "survey"]
    assert security(three, threshold=4) == Security.CORROBORATED
    assert security(["document", "meeting"], threshold=2) == Security.SECURE
    assert security(["document"], threshold=2) == Security.SINGLE


@pytest.mark.parametrize("threshold", [1, 0, -1])
def test_a_threshold_below_two_is_refused(threshold):
    with pytest.raises(ValueError):
        security(["document"], threshold)


def test_a_strength_is_contradicted_by_development_and_concern_not_backing_it():
    on_line = [Entry("a", "strength"), Entry("b", "development"), Entry("c", "concern"),
               Entry("d", None), Entry("e", "concern")]
    assert [e.id for e in contradicting("strength", {"a", "e"}, on_line)] == ["b", "c"]


def test_a_concern_is_contradicted_by_strengths_only():
    on_line = [Entry("a", "strength"), Entry("b", "development"), Entry("c", "strength")]
    assert [e.id for e in contradicting("concern", set(), on_line)] == ["a", "c"]
    assert [e.id for e in contradicting("development", {"c"}, on_line)] == ["a"]


def test_an_entry_without_judgement_opposes_nothing():
    assert not opposes("strength", None)
    assert not opposes("concern", "")
    assert not opposes("development", "concern")  # the same side
    assert opposes("development", "strength")


def test_statements_and_polarities_are_checked():
    assert statement_problem("   \n ") == "a finding needs a statement"
    assert statement_problem("x" * 2001)
    assert statement_problem("Waiting times for ASD assessment are long.") is None
    assert tidy_statement("  first  \nsecond \n") == "first\nsecond"
    assert polarity_problem("strength") is None
    assert polarity_problem("weakness")


kinds = st.sampled_from(sorted(SOURCE_KINDS))


@given(st.lists(kinds, max_size=12), kinds, st.integers(min_value=2, max_value=6))
def test_an_entry_of_a_new_source_kind_never_lowers_security(sources, new, threshold):
    before = security(sources, threshold)
    after = security([*sources, new], threshold)
    assert rank(after) >= rank(before)
    if new not in sources and len(set(sources)) + 1 == threshold:
        assert after == Security.SECURE  # the kind that reaches the threshold


@given(st.lists(kinds, max_size=12), st.integers(min_value=2, max_value=6))
def test_repeating_a_kind_never_changes_security(sources, threshold):
    assert security(sources + sources, threshold) == security(sources, threshold)
