"""Where SQLite and PostgreSQL differ, decided in one place: the evidence search's statements
and query, its snippet, and the few SQL constructs the Evidence screen's facets need.

Search. SQLite: FTS5 over text and text_plain (porter stemmer, diacritics removed),
`MATCH`, bm25, `snippet()`. PostgreSQL (migration 0022): a generated tsvector column
`evidence.search` over the same two columns in the `sendtui` text search configuration
(the English Snowball stemmer with no stop words, as the porter tokenizer has none), a GIN
index, `to_tsquery` written from the same parsed search (`domain.search_query.terms`),
`ts_rank` and `ts_headline`. PostgreSQL has no unaccent here (the pgserver build lacks it),
so accents are taken off with `translate()` by the table `FOLD_FROM` → `FOLD_TO`, in the
index, in the query and in the text the headline is made from; the headline marks every
match, its marks are put back on the text as written (`translate` keeps every letter where
it was), phrases are marked as FTS5 marks them and the text is cut by FTS5's own rule
(`domain.snippets`): a user sees the same snippet on either engine.

API: `search_statements(dialect)`, `query_for(dialect, text)`, `shown_snippet(dialect, text,
headline, query)`, `distinct_list(column)` (group_concat / string_agg), `unindexed(column,
dialect)` (SQLite's `+at`).
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from functools import cache

from sendtui.domain.search_query import terms
from sendtui.domain.snippets import WORD, cut

MARK_START, MARK_END = "«", "»"  # around matched words in a snippet
ELLIPSIS = "…"
SNIPPET_WORDS = 12
CONFIG = "sendtui"  # the text search configuration made by migration 0022


SEPARATORS = "-./@+_"  # unicode61 splits words there; PostgreSQL's parser reads "-16",
# "2.5", "a@b.org" or "CYP-4217" as one token (a phrase "cyp 4217" would not find it)


def _fold_table() -> tuple[str, str]:
    """Latin letters with diacritics and their plain letter, as SQLite's remove_diacritics
    takes them apart (ł, ø, ß... stay whole, as there: text_plain spells them plainly), and
    the separators as spaces. One character for one: the headline's marks map back."""
    pairs = dict.fromkeys(SEPARATORS, " ")
    for cp in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        letter = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", letter)
                       if not unicodedata.combining(c))
        if len(base) == 1 and base != letter and base.isascii() and base.isalpha():
            pairs[letter] = base
    return "".join(pairs), "".join(pairs.values())


# Changing the table changes what migration 0022 indexed: it needs a migration of its own.
FOLD_FROM, FOLD_TO = _fold_table()
_FOLD = str.maketrans(FOLD_FROM, FOLD_TO)


def _folded(column: str) -> str:
    """SQL: `translate(column, FOLD_FROM, FOLD_TO)`, the same text, cheaper. translate() looks
    each character up in its list one by one (0.3 ms for an entry against the 450 of the
    table, most of a search's headlines); here the separators are swapped by a list of six,
    and the letters only in a text that holds one of them (a regular expression finds that)."""
    n = len(SEPARATORS)
    letters, plain = FOLD_FROM[n:], FOLD_TO[n:]
    return (f"translate(CASE WHEN {column} ~ '[{letters}]' THEN translate({column}, "
            f"'{letters}', '{plain}') ELSE {column} END, '{FOLD_FROM[:n]}', '{FOLD_TO[:n]}')")

_SQLITE = f"""
    SELECT e.id, l.code, e.source, e.text, e.at, s.urn, s.name, e.case_ref, e.judgement,
           e.author, snippet(evidence_fts, 0, '{MARK_START}', '{MARK_END}', '{ELLIPSIS}',
           {SNIPPET_WORDS}), {{score}}
    FROM evidence_fts
    CROSS JOIN evidence e ON e.rowid = evidence_fts.rowid
    JOIN line_of_enquiry l ON l.id = e.line_id
    LEFT JOIN setting s ON s.id = e.setting_id
    WHERE evidence_fts MATCH ? AND evidence_fts.rowid >= ?
      AND e.inspection_id = ? AND e.deleted_at IS NULL
    ORDER BY {{score}} LIMIT ?
"""
# The headline marks the folded text (so "sian" marks Siân), all of it: `shown_snippet` puts
# the marks back on the text as written and cuts it. The score is -ts_rank so that lower is
# better, as bm25. The page is chosen from the entries alone (ranked, top-N sorted) and only
# its rows are joined to their line and setting and given a headline: joined before the
# sort, every match was. `q` is not materialized, so the planner sees the query's words (a
# materialized one hid them: it guessed 500 matches for 60,000). `among`: the ranking is over
# the newest matches only; without it no newest-first sort of every match is made.
# `?` in turn: the query, the inspection, the newest matches to rank among (by_rank only),
# the limit.
_HEADLINE = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
_POSTGRES = f"""
    WITH q AS NOT MATERIALIZED (
        SELECT to_tsquery('{CONFIG}', ?) AS q, CAST(? AS text) AS inspection)
    SELECT e.id, l.code, e.source, e.text, e.at, s.urn, s.name, e.case_ref, e.judgement,
           e.author, ts_headline('{CONFIG}', {_folded("e.text")}, q.q, '{_HEADLINE}'),
           e.score
    FROM q CROSS JOIN (
        SELECT m.id, m.line_id, m.setting_id, m.source, m.text, m.at, m.case_ref,
               m.judgement, m.author, -ts_rank(m.search, q.q) AS score
        FROM q CROSS JOIN {{matches}}
        ORDER BY score, m.at DESC, m.id LIMIT CAST(? AS bigint)) e
    JOIN line_of_enquiry l ON l.id = e.line_id
    LEFT JOIN setting s ON s.id = e.setting_id
    ORDER BY e.score, e.at DESC, e.id
"""
_MATCH = "{t}.search @@ q.q AND {t}.inspection_id = q.inspection AND {t}.deleted_at IS NULL"
_POSTGRES_ALL = _POSTGRES.format(matches=f"evidence m WHERE {_MATCH.format(t='m')}")
_POSTGRES_AMONG = _POSTGRES.format(matches=f"""(
            SELECT n.* FROM q CROSS JOIN evidence n WHERE {_MATCH.format(t='n')}
            ORDER BY n.at DESC, n.id DESC LIMIT CAST(? AS bigint)) m""")
_POSTGRES_NEWEST = f"""
    SELECT count(*) FROM (SELECT 1 FROM evidence
        WHERE search @@ to_tsquery('{CONFIG}', ?) AND inspection_id = ? AND deleted_at IS NULL
        LIMIT CAST(? AS bigint)) AS found
"""


@cache
def search_statements(dialect: str) -> dict[str, str]:
    """The statements of `evidence_search.first_page` for an engine, parameters as `?`:
    `newest` (the matches to rank among), `by_rank` and `by_score` (the ranked page; on
    PostgreSQL, `by_rank` among the newest matches, `by_score` among all)."""
    if dialect == "sqlite":
        by_rank, by_score = (_SQLITE.format(score=score)
                             for score in ("evidence_fts.rank", "bm25(evidence_fts)"))
        # The newest matches, any inspection's: FTS5 walks its index backwards, cheaply.
        newest = ("SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? "
                  "ORDER BY rowid DESC LIMIT ?")
        return {"newest": newest, "by_rank": by_rank, "by_score": by_score}
    if dialect == "postgresql":
        return {"newest": _POSTGRES_NEWEST, "by_rank": _POSTGRES_AMONG,
                "by_score": _POSTGRES_ALL}
    raise ValueError(f"no evidence search on {dialect}")


def query_for(dialect: str, text: str) -> str:
    """What the user typed as the engine's full-text query: FTS5 MATCH text, or tsquery
    text (each term a phrase of quoted words, `:*` on a prefix, all joined by &)."""
    if dialect == "sqlite":
        return " ".join('"' + " ".join(words) + '"' + ("*" if prefix else "")
                        for words, prefix in terms(text))
    parts = []
    for words, prefix in _split(terms(text)):
        quoted = [f"'{w.translate(_FOLD)}'" for w in words]
        if prefix:
            quoted[-1] += ":*"
        parts.append("(" + " <-> ".join(quoted) + ")")
    return " & ".join(parts)


def _split(query: list[tuple[tuple[str, ...], bool]]) -> list[tuple[tuple[str, ...], bool]]:
    """The terms with their words split at apostrophes, as both indexes split them
    ("child's": child, s)."""
    return [(tuple(w for word in words for w in word.split("'") if w), prefix)
            for words, prefix in query]


def shown_snippet(dialect: str, text: str, headline: str, query: str) -> str:
    """The snippet as a user sees it: FTS5's as it is; on PostgreSQL, the text marked by
    ts_headline (every match, on the folded text) with its marks put back on the text as
    written, a phrase marked as FTS5 marks it, and cut as FTS5 cuts it."""
    if dialect == "sqlite":
        return headline
    if headline.replace(MARK_START, "").replace(MARK_END, "") != text.translate(_FOLD):
        return headline  # not expected: show it as it came
    out, at = [], 0
    for char in headline:
        if char in (MARK_START, MARK_END):
            out.append(char)
        else:
            out.append(text[at])
            at += 1
    query_terms = _split(terms(query))
    marked = _as_phrases("".join(out), query_terms)
    return cut(text, _hits(text, marked, query_terms), SNIPPET_WORDS,
               (MARK_START, MARK_END), ELLIPSIS)


def _hits(text: str, marked: str, query: list[tuple[tuple[str, ...], bool]]):
    """The marked spans as `domain.snippets.cut` takes them: (term, first word, words)."""
    starts = [m.start() for m in WORD.finditer(text)]
    parts, found, at = _SPAN.split(marked), [], 0
    for i, part in enumerate(parts):
        if i % 2:
            spoken = WORD.findall(part)
            term = next((t for t, (words, prefix) in enumerate(query) if len(words) ==
                         len(spoken) and all(_like(m, w, prefix) for m, w in zip(spoken, words))),
                        -1 - i)
            first = bisect.bisect_left(starts, at)
            found.append((term, first, bisect.bisect_left(starts, at + len(part)) - first))
        at += len(part)
    return found


_SPAN = re.compile(f"{MARK_START}([^{MARK_END}]*){MARK_END}")


def _as_phrases(snippet: str, query: list[tuple[tuple[str, ...], bool]]) -> str:
    """ts_headline marks every word of the query wherever it is; FTS5 marks a phrase where
    its words come together, as one span («CYP-4217»), and nowhere else."""
    phrases = [(words, prefix) for words, prefix in query if len(words) > 1]
    if not phrases:
        return snippet
    alone = [(words[0], prefix) for words, prefix in query if len(words) == 1]
    parts = _SPAN.split(snippet)  # text, marked, text, marked, ..., text
    marked, between = parts[1::2], parts[2::2]
    out, i = [parts[0]], 0
    while i < len(marked):
        n = max((len(words) for words, prefix in phrases
                 if _phrase_at(marked, between, i, words, prefix)), default=0)
        if n:
            inside = "".join(m + b for m, b in zip(marked[i:i + n - 1], between[i:]))
            out += [MARK_START + inside + marked[i + n - 1] + MARK_END, between[i + n - 1]]
            i += n
            continue
        word = marked[i]
        keep = any(_like(word, w, prefix) for w, prefix in alone)
        out += [MARK_START + word + MARK_END if keep else word, between[i]]
        i += 1
    return "".join(out)


def _phrase_at(marked: list[str], between: list[str], i: int, words: tuple[str, ...],
               prefix: bool) -> bool:
    n = len(words)
    return (i + n <= len(marked)
            and not any(re.search(r"\w", b) for b in between[i:i + n - 1])
            and all(_like(m, w, prefix and k == n - 1)
                    for k, (m, w) in enumerate(zip(marked[i:], words))))


def _like(marked: str, word: str, prefix: bool) -> bool:
    """Whether a marked word is this word of the search, stemmed or not ("waited" and
    "waiting"; "planning" and plan*)."""
    a, b = (x.casefold().translate(_FOLD) for x in (marked, word))
    if prefix:
        return a.startswith(b)
    common = len(os.path.commonprefix([a, b]))
    return a == b or common >= min(len(a), len(b), 4)


def distinct_list(column):
    """The distinct values of a column joined by commas: group_concat(DISTINCT x) on
    SQLite, string_agg(DISTINCT x, ',') on PostgreSQL."""
    return _distinct_list()(column)


@cache
def _distinct_list():
    # SQLAlchemy on first use only: `sendtui search` reads a store file with sqlite3 alone
    from sqlalchemy.ext.compiler import compiles
    from sqlalchemy.sql.functions import FunctionElement
    from sqlalchemy.types import String

    class DistinctList(FunctionElement):
        type = String()
        inherit_cache = True

    @compiles(DistinctList)
    def _group_concat(element, compiler, **kw) -> str:
        return f"group_concat(DISTINCT {compiler.process(element.clauses, **kw)})"

    @compiles(DistinctList, "postgresql")
    def _string_agg(element, compiler, **kw) -> str:
        return f"string_agg(DISTINCT {compiler.process(element.clauses, **kw)}, ',')"

    return DistinctList


def unindexed(column: str, dialect: str) -> str:
    """A column SQLite's planner must not look up by its index (`+at`); PostgreSQL's
    planner chooses well from its statistics and has no such operator."""
    return f"+{column}" if dialect == "sqlite" else column
