"""A search snippet cut as SQLite's FTS5 `snippet()` cuts it, for an engine that marks the
matches but chooses its window otherwise (PostgreSQL's ts_headline): the same words, the
same `…`, on either engine.

FTS5's rule (sqlite/ext/fts5/fts5_aux.c): a window of `size` words is scored for each match
— 1000 for each search term first seen in it, 1 for each further match — and centred on the
matches it holds; a window starting at a sentence (after `.` or `:`) scores 100 more, 120 at
the start of the text. The best window wins; `…` stands for text left out at either end.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+")  # a word as unicode61 reads it: letters and digits


def cut(text: str, hits: list[tuple[int, int, int]], size: int = 12, marks=("«", "»"),
        ellipsis: str = "…") -> str:
    """`text` cut to `size` words around its best window, each hit marked. A hit is (term,
    first word, words): which search term matched, where (words counted from 0) and how long."""
    words = [m.span() for m in WORD.finditer(text)]
    hits = sorted(hits, key=lambda h: h[1])
    start = _best_start(text, words, hits, size)
    end = min(start + size, len(words)) - 1
    if not words:
        return text
    opens = {first for _, first, _ in hits if start <= first <= end}
    closes = {first + n - 1 for _, first, n in hits if start <= first <= end}
    out = [ellipsis] if start > 0 else []
    at = words[start][0] if start > 0 else 0
    is_open = False
    for i in range(start, end + 1):
        begin, finish = words[i]
        out.append(text[at:begin])
        if i in opens and not is_open:
            out.append(marks[0])
            is_open = True
        out.append(text[begin:finish])
        if i in closes and is_open:
            out.append(marks[1])
            is_open = False
        at = finish
    if is_open:
        out.append(marks[1])
    out.append(text[at:] if end >= len(words) - 1 else ellipsis)
    return "".join(out)


def _best_start(text: str, words: list[tuple[int, int]], hits: list[tuple[int, int, int]],
                size: int) -> int:
    sentences = _sentences(text, words)
    best, best_start = 0, 0
    for _, first, _ in hits:
        score, adjusted = _score(words, hits, first, size)
        if score > best:
            best, best_start = score, adjusted
        if sentences and len(words) > size:
            before = [s for s in sentences if s <= first]
            sentence = before[-1] if before else sentences[0]
            if sentence < first:
                score = _score(words, hits, sentence, size)[0] + (120 if sentence == 0 else 100)
                if score > best:
                    best, best_start = score, sentence
    return best_start


def _score(words, hits, start: int, size: int) -> tuple[int, int]:
    seen, score, first, last = set(), 0, -1, 0
    for term, at, n in hits:
        if start <= at < start + size:
            score += 1 if term in seen else 1000
            seen.add(term)
            first = at if first < 0 else first
            last = at + n
    adjusted = first - int((size - (last - first)) / 2)  # C's division: toward zero
    adjusted = max(0, min(adjusted, len(words) - size))
    return score, adjusted


def _sentences(text: str, words: list[tuple[int, int]]) -> list[int]:
    """The words that start a sentence: the first, and any after `.` or `:` and a space."""
    found = []
    for i, (begin, _) in enumerate(words):
        at = begin - 1
        while at >= 0 and text[at] in " \t\r\n":
            at -= 1
        if i == 0 or (at < begin - 1 and at >= 0 and text[at] in ".:"):
            found.append(i)
    return found
