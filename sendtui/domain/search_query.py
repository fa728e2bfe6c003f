"""Whatever a user types becomes a safe full-text query: words (all must match), `prefix*`
and "phrases in quotes". Operators and punctuation are read as plain words, never as syntax,
so quotes, brackets, AND/OR/NEAR or SQL fragments cannot break a search."""

from __future__ import annotations

import re

from sendtui.domain.words import shown
from sendtui.errors import QueryError

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w[\w']*")


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression for text; QueryError when nothing is left to search for."""
    parts = []
    for phrase, word in _TOKEN.findall(text.replace("\x00", " ")):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = word.endswith("*")
        for found in _WORD.findall(word):
            parts.append(f'"{found}"')
        if prefix and parts and parts[-1].startswith('"') and _WORD.findall(word):
            parts[-1] += "*"
    if not parts:
        raise QueryError(f"nothing to search for in {shown(text)}: give a word")
    return " ".join(parts)
