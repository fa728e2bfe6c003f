"""Triangulation (BRIEF §7): how securely a line of enquiry is evidenced.

A line is triangulated when its evidence spans at least `threshold` distinct source kinds
(house rule 3, configurable, never below 2). Kinds are counted, not items: ten documents are
one source. Pure functions: no store, no screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

DEFAULT_THRESHOLD = 3
MIN_THRESHOLD = 2


class Status:
    """The status labels, in the order a line moves through them."""

    NONE = "no evidence"
    SINGLE = "single source"
    CORROBORATED = "corroborated"
    TRIANGULATED = "triangulated"

    ALL = (NONE, SINGLE, CORROBORATED, TRIANGULATED)


def check_threshold(threshold: int) -> int:
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the triangulation threshold is at least {MIN_THRESHOLD} source kinds,"
                         f" not {threshold}")
    return threshold


def kinds(by_source: dict[str, int]) -> int:
    """How many distinct source kinds hold at least one item."""
    return sum(1 for n in by_source.values() if n > 0)


def status(by_source: dict[str, int], threshold: int = DEFAULT_THRESHOLD) -> str:
    """One of Status.ALL for a line whose evidence counts per source kind are `by_source`."""
    check_threshold(threshold)
    n = kinds(by_source)
    if n == 0:
        return Status.NONE
    if n >= threshold:
        return Status.TRIANGULATED
    if n == 1:
        return Status.SINGLE
    return Status.CORROBORATED


class _HasSources(Protocol):
    by_source: dict[str, int]


L = TypeVar("L", bound=_HasSources)


def attention_order(lines: Sequence[L], threshold: int = DEFAULT_THRESHOLD) -> list[L]:
    """Lines without evidence first, then those not yet triangulated, then the triangulated;
    framework order kept within each group (a stable sort)."""
    check_threshold(threshold)

    def group(line: L) -> int:
        s = status(line.by_source, threshold)
        return 0 if s == Status.NONE else 2 if s == Status.TRIANGULATED else 1

    return sorted(lines, key=group)
