"""Findings (BRIEF §7): a statement against a line of enquiry, backed by evidence entries.

How secure a finding is comes from the distinct source kinds of the entries backing it
(ten documents are one source): single source, corroborated (two kinds), secure at the
threshold (house rule 3, configurable, never below 2). Entries on the same line whose
judgement points the other way, and which do not back it, contradict it. Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from sendtui.domain.kinds import JUDGEMENTS
from sendtui.domain.triangulation import DEFAULT_THRESHOLD, Status, status

POLARITIES = JUDGEMENTS  # a finding's polarity is one of the evidence judgements
STRENGTH = "strength"
LONGEST_STATEMENT = 2000


class Security:
    """The security labels, weakest first."""

    NONE, SINGLE, CORROBORATED = Status.NONE, Status.SINGLE, Status.CORROBORATED
    SECURE = "secure"

    ALL = (NONE, SINGLE, CORROBORATED, SECURE)


def security(sources: Iterable[str], threshold: int = DEFAULT_THRESHOLD) -> str:
    """One of Security.ALL for a finding backed by entries of these source kinds (one slug
    per entry: repeats count once): a line's triangulation rule, its top step called secure."""
    found = status(dict.fromkeys(sources, 1), threshold)
    return Security.SECURE if found == Status.TRIANGULATED else found


def rank(label: str) -> int:
    """Where a security label stands, weakest 0."""
    return Security.ALL.index(label)


def opposes(polarity: str, judgement: str | None) -> bool:
    """A judgement pointing the other way: a strength against a development area or concern,
    and the reverse. An entry without a judgement opposes nothing."""
    if not judgement or judgement not in POLARITIES:
        return False
    return (polarity == STRENGTH) != (judgement == STRENGTH)


class _Judged(Protocol):
    id: str
    judgement: str | None


E = TypeVar("E", bound=_Judged)


def contradicting(polarity: str, backing: Iterable[str], on_line: Sequence[E]) -> list[E]:
    """The entries of the finding's line, in their order, that oppose its polarity and do not
    back it."""
    backing = set(backing)
    return [e for e in on_line if e.id not in backing and opposes(polarity, e.judgement)]


def tidy_statement(text: str) -> str:
    """The statement as stored: its lines kept, spaces at either end dropped."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def statement_problem(text: str) -> str | None:
    """What is wrong with a statement, in words, or None."""
    if not tidy_statement(text):
        return "a finding needs a statement"
    if len(text) > LONGEST_STATEMENT:
        return f"a statement is at most {LONGEST_STATEMENT} characters"
    return None


def polarity_problem(polarity: str) -> str | None:
    if polarity not in POLARITIES:
        return f"a finding's polarity is one of: {', '.join(POLARITIES)}"
    return None
