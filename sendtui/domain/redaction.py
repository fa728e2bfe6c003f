"""Sensitive text (BRIEF §7): names marked sensitive and case references are replaced in
exports unless the user opts in, and typing one in free text earns a warning.

Matching is whole-word and case-insensitive, and any run of spaces in a name matches any
other. Only what the coordinator has marked is found: a first name alone is matched only
when it is marked on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

CASE_REF = "[case ref withheld]"
Redact = Callable[[str | None], str]  # a redactor's `redact`, or `keep`


@dataclass(frozen=True)
class Protected:
    name: str
    pseudonym: str


class Redactor:
    """Built once per export from the marked names and the known case references."""

    def __init__(self, names: Iterable[Protected] = (), case_refs: Iterable[str] = ()):
        self._by_key: dict[str, str] = {}
        spelled: list[str] = []  # as marked: the pattern must match the text as typed
        for p in names:
            if p.name.strip() and _key(p.name) not in self._by_key:
                self._by_key[_key(p.name)] = p.pseudonym or "[name withheld]"
                spelled.append(" ".join(p.name.split()))
        for ref in case_refs:
            if ref and ref.strip() and _key(ref) not in self._by_key:
                self._by_key[_key(ref)] = CASE_REF
                spelled.append(" ".join(ref.split()))
        terms = sorted(spelled, key=len, reverse=True)
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(_regex(t) for t in terms)
                                    + r")(?!\w)", re.IGNORECASE) if terms else None)

    def redact(self, text: str | None) -> str:
        if not text or self._pattern is None:
            return text or ""
        return self._pattern.sub(self._replacement, text)

    def mentions(self, text: str | None) -> list[str]:
        """What the text names, as the pseudonyms (never the names), first mention first."""
        if not text or self._pattern is None:
            return []
        found = (self._replacement(m) for m in self._pattern.finditer(text))
        return list(dict.fromkeys(found))


    def _replacement(self, match: re.Match) -> str:
        # IGNORECASE matches a few letters that casefold differently (e.g. "ſ"): fall back
        # to withholding rather than to a KeyError.
        return self._by_key.get(_key(match.group(0)), "[withheld]")


def keep(text: str | None) -> str:
    """No redaction: what a user who opted in to sensitive data sees."""
    return text or ""


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _regex(term: str) -> str:
    return r"\s+".join(re.escape(word) for word in term.split(" "))
