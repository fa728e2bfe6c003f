"""How what a person types is matched against names: accents, case and apostrophes aside.

"sian" finds Siân, "lukasz" finds Łukasz and "St Mary's" finds "St Mary’s". The evidence
search has its own rule in the FTS index; this is for names held in memory.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

# Letters NFKD leaves whole (so do SQLite's full-text tokenizer's diacritics rules), and the
# apostrophes a phone or a word processor types.
_LETTERS = {"ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d",
            "þ": "th", "ı": "i"}
_WHOLE_LETTERS = str.maketrans({**_LETTERS, **{k.upper(): v.capitalize()
                                               for k, v in _LETTERS.items() if k != "ß"}})
_APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'", "`": "'"}
# Compared, apostrophes are left out: "st marys" finds St Mary’s, "obrien" O'Brien.
_PLAIN = str.maketrans({**_LETTERS, **dict.fromkeys([*_APOSTROPHES, "'"], "")})


def fold(text: str) -> str:
    """`text` as it is compared: casefolded, without diacritics or apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain_letters(text: str) -> str:
    """`text` with the letters no diacritics rule takes apart spelled plainly (Łukasz →
    Lukasz, Straße → Strasse) and one kind of apostrophe; case and accents are kept."""
    return text.translate(_WHOLE_LETTERS).translate(str.maketrans(_APOSTROPHES))


def plain_spelling(text: str) -> str:
    """What the search indexes beside `text`: its plain letters, or "" when they are the
    text itself (most entries: nothing more to index)."""
    plain = plain_letters(text)
    return "" if plain == text else plain


def folded_name(text: str) -> str:
    """A name as it is compared: folded, runs of spaces made one."""
    return " ".join(fold(text).split())


def called(items: Sequence[T], name: str, key: Callable[[T], str]) -> list[T]:
    """The items whose name is `name` (folded), else those whose name starts so."""
    wanted = folded_name(name)
    names = [folded_name(key(i)) for i in items]
    exact = [i for i, n in zip(items, names) if n == wanted]
    return exact or [i for i, n in zip(items, names) if n.startswith(wanted)]


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`: did you mean 'Siân Jones'?` with up to three close names, or "" when none is.

    A name is close when the typed text is like all of it, like its start or like one of
    its words ("pirya" is close to "Priya Shah").
    """
    wanted = folded_name(name)
    scores: dict[str, float] = {}
    for k in known:
        whole = folded_name(k)
        parts = {whole, whole[:len(wanted)], *whole.split()}
        scores.setdefault(k, max(_likeness(wanted, p) for p in parts))
    close = sorted((k for k, v in scores.items() if v >= 0.75), key=lambda k: -scores[k])[:3]
    return f": did you mean {' or '.join(repr(k) for k in close)}?" if close else ""


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio() if a and b else 0.0
