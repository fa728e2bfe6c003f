"""Sensitive text (BRIEF §7): names marked sensitive and case references are replaced in
exports unless the user opts in, and typing one in free text earns a warning.

Matching is whole-word and case-insensitive, and any run of spaces in a name matches any
other. Only what the coordinator has marked is found, and, for a name marked with
`first_name` (a child's, by default), its first name on its own too ("Poppy was out of
school"): the full name wins where both match, and a first name two marked names share is
replaced by both pseudonyms ("CYP-01/CYP-04").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

CASE_REF = "[case ref withheld]"
Redact = Callable[[str | None], str]  # a redactor's `redact`, or `keep`


# Words before a first name that are not one ("Mrs Ann Lee" → "Ann").
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "master", "dr", "prof", "rev", "sir",
                    "dame", "lady", "lord"})


@dataclass(frozen=True)
class Protected:
    name: str
    pseudonym: str
    first_name: bool = False  # also withhold the first name on its own
    is_child: bool = True


def first_name(name: str) -> str | None:
    """The first name of a full name ("Poppy" of "Poppy Smith", "Ann" of "Mrs Ann Lee");
    None for a single word (it is matched as the name itself) or an initial."""
    words = name.split()
    while words and words[0].rstrip(".").casefold() in TITLES:
        words = words[1:]
    if len(words) < 2 or len(words[0].strip(".")) < 2:
        return None
    return words[0]


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
        shared: dict[str, list[str]] = {}  # a first name → the pseudonyms it may stand for
        for p in names:
            first = first_name(p.name) if p.first_name else None
            if first and _key(first) not in self._by_key:
                if _key(first) not in shared:
                    spelled.append(first)
                shared.setdefault(_key(first), []).append(p.pseudonym or "[name withheld]")
        for key, pseudonyms in shared.items():
            self._by_key[key] = "/".join(dict.fromkeys(pseudonyms))
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
