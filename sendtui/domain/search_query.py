"""Whatever a user types becomes a safe full-text query: words (all must match), `prefix*`
and "phrases in quotes". Operators and punctuation are read as plain words, never as syntax,
so quotes, brackets, AND/OR/NEAR or SQL fragments cannot break a search. Words joined by
punctuation (`CYP-4217`, `post-16`, `co-production`) are searched as a phrase: the index holds
them as two words, and "CYP" alone is in nearly every entry.

`terms` is the parsed search, the same for every engine: `fts_query` writes it for SQLite's
FTS5, `sendtui.store.dialects` for PostgreSQL's tsquery."""

from __future__ import annotations

import re

from sendtui.domain.matching import plain_letters
from sendtui.domain.words import shown
from sendtui.errors import QueryError

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w[\w']*")

# Bounds that keep the slowest search short (2,000 `a*` terms once took 17.8 s).
MAX_LENGTH = 500  # characters
MAX_WORDS = 32  # words, counting each word of a phrase
MIN_PREFIX = 2  # letters before a `*`


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for text; QueryError when nothing is left to search for,
    or when the search is too long, has too many words or too short a prefix."""
    return " ".join('"' + " ".join(words) + '"' + ("*" if prefix else "")
                    for words, prefix in terms(text))


def terms(text: str) -> list[tuple[tuple[str, ...], bool]]:
    """The search as terms that must all match: each a phrase (its words in order) and
    whether its last word is a prefix. QueryError as `fts_query` says."""
    if len(text) > MAX_LENGTH:
        raise QueryError(f"a search is at most {MAX_LENGTH} characters; this one has "
                         f"{len(text):,}")
    found: list[tuple[tuple[str, ...], bool]] = []
    # plain letters: "Łukasz" and "lukasz" both find the entry indexed as Lukasz
    for phrase, word in _TOKEN.findall(plain_letters(text).replace("\x00", " ")):
        words = tuple(_WORD.findall(phrase or word))
        if not words:
            continue
        prefix = not phrase and word.endswith("*")
        if prefix and len(words[-1]) < MIN_PREFIX:
            raise QueryError(f"{shown(word)} is too short to search for: give at least "
                             f"{MIN_PREFIX} letters before the *")
        found.append((words, prefix))
    if not found:
        raise QueryError(f"nothing to search for in {shown(text)}: give a word")
    count = sum(len(words) for words, _ in found)
    if count > MAX_WORDS:
        raise QueryError(f"a search takes up to {MAX_WORDS} words; this one has {count}")
    return found
