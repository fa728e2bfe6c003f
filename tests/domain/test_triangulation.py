"""Triangulation: kinds are counted, not items; the threshold is configurable, minimum 2."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from sendtui.domain.triangulation import Status, attention_order, status


@dataclass
class Line:
    code: str
    by_source: dict[str, int] = field(default_factory=dict)


def test_no_evidence():
    assert status({}) == Status.NONE == "no evidence"


def test_ten_documents_are_one_kind():
    assert status({"document": 10}) == Status.SINGLE == "single source"


def test_two_kinds_corroborate():
    assert status({"document": 4, "visit": 1}) == Status.CORROBORATED == "corroborated"


def test_exactly_at_the_threshold_is_triangulated():
    three = {"document": 1, "visit": 1, "survey": 1}
    assert status(three) == Status.TRIANGULATED == "triangulated"
    assert status(three, threshold=4) == Status.CORROBORATED
    assert status({**three, "data": 2}, threshold=4) == Status.TRIANGULATED


def test_threshold_two():
    assert status({"document": 3}, threshold=2) == Status.SINGLE
    assert status({"document": 3, "meeting": 1}, threshold=2) == Status.TRIANGULATED


def test_zero_counts_are_not_a_kind():
    assert status({"document": 0, "visit": 2}) == Status.SINGLE


@pytest.mark.parametrize("threshold", [1, 0, -3])
def test_threshold_below_two_is_refused(threshold):
    with pytest.raises(ValueError):
        status({"document": 1}, threshold)
    with pytest.raises(ValueError):
        attention_order([], threshold)


def test_attention_order_thin_lines_first_framework_order_within():
    lines = [
        Line("A1", {"document": 1, "visit": 1, "data": 1}),
        Line("A2", {"document": 5}),
        Line("A3"),
        Line("B1", {"meeting": 1, "survey": 1}),
        Line("B2", {"document": 1, "visit": 1, "survey": 1, "data": 1}),
        Line("X1"),
    ]
    assert [x.code for x in attention_order(lines)] == ["A3", "X1", "A2", "B1", "A1", "B2"]
    assert [x.code for x in attention_order(lines, 2)] == ["A3", "X1", "A2", "A1", "B1", "B2"]
    assert [x.code for x in attention_order(lines, 4)] == ["A3", "X1", "A1", "A2", "B1", "B2"]
    assert [x.code for x in lines] == ["A1", "A2", "A3", "B1", "B2", "X1"]  # not reordered
