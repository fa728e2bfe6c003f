"""Evidence search (FTS5), versions and tombstones on the demo store."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sendtui.domain.search_query import fts_query
from sendtui.errors import QueryError
from sendtui.store import evidence, inspections, undo
from sendtui.records import EvidenceRow
from sendtui.store.evidence import first_page, search, versions
from tests.cli.test_cli import ok, own_error, run


@pytest.fixture
def ins(demo_store):
    return inspections.find(demo_store)


def test_words_prefixes_and_phrases(demo_store, ins):
    camhs = search(demo_store, ins.id, "camhs")
    assert camhs and all("camhs" in h.entry.text.lower() for h in camhs)
    assert all("«" in h.snippet and "»" in h.snippet for h in camhs)
    prefix = search(demo_store, ins.id, "transit*")
    assert prefix and all("transit" in h.entry.text.lower() for h in prefix)
    phrase = search(demo_store, ins.id, '"health advice"')
    assert phrase and all("health advice" in h.entry.text.lower() for h in phrase)
    both = search(demo_store, ins.id, "camhs waiting")
    assert all({"camhs", "waiting"} <= set(h.entry.text.lower().replace(".", " ").split())
               or "wait" in h.entry.text.lower() for h in both)


def test_best_match_first(demo_store, ins):
    hits = search(demo_store, ins.id, "plan*")
    scores = [h.score for h in hits]
    assert len(hits) > 3 and scores == sorted(scores)


def test_case_references_are_not_searchable_nor_in_snippets(demo_store, ins):
    with_refs = [e for e in evidence.all(demo_store, ins.id) if e.case_ref]
    assert with_refs
    for entry in with_refs:
        assert search(demo_store, ins.id, entry.case_ref) == []
        word = max(entry.text.replace(".", " ").split(), key=len)  # found by its own text
        hits = search(demo_store, ins.id, f'"{word}"')
        assert entry.id in {h.entry.id for h in hits}
        assert not any(entry.case_ref in h.snippet for h in hits)


def test_edits_keep_every_version_and_search_follows(demo_store, ins):
    entry = search(demo_store, ins.id, "camhs")[0].entry
    evidence.edit(demo_store, ins.id, entry.id, entry.text + " Reviewed fortnightly.")
    assert [v.text for v in versions(demo_store, entry.id)] == [
        entry.text, entry.text + " Reviewed fortnightly."]
    assert [h.entry.id for h in search(demo_store, ins.id, "fortnightly")] == [entry.id]
    assert undo.undo(demo_store, ins.id) == "edited an evidence entry"
    assert search(demo_store, ins.id, "fortnightly") == []
    assert len(versions(demo_store, entry.id)) == 2  # history is never lost


def test_delete_is_a_tombstone_with_undo(demo_store, ins):
    entry = search(demo_store, ins.id, "camhs")[0].entry
    evidence.remove(demo_store, ins.id, entry.id)
    assert entry.id not in {h.entry.id for h in search(demo_store, ins.id, "camhs")}
    assert entry.id not in {e.id for e in evidence.all(demo_store, ins.id)}
    undo.undo(demo_store, ins.id)
    assert entry.id in {h.entry.id for h in search(demo_store, ins.id, "camhs")}


@pytest.mark.parametrize("query", ['"', "*", "()", "AND", 'NEAR("a" "b")', "'; DROP TABLE evidence; --",
                                   "a OR", "-x", "col:word", "\x00", "🙂", "^start"])
def test_any_text_is_safe(demo_store, ins, query):
    try:
        hits = search(demo_store, ins.id, query)
    except QueryError:
        return
    assert isinstance(hits, list)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_string_returns_or_raises_the_clean_error(demo_store, query):
    ins = inspections.find(demo_store)
    try:
        assert isinstance(search(demo_store, ins.id, query), list)
    except QueryError as exc:
        assert "give a word" in str(exc) or "too short to search for" in str(exc)


def test_fts_query_quotes_every_word():
    assert fts_query('ehc "waiting times" transit* AND (x)') == \
        '"ehc" "waiting times" "transit"* "AND" "x"'


def test_search_command(demo_db):
    out = ok(run("search", "camhs", db=demo_db))
    assert "«CAMHS»" in out
    result = run("search", "*", db=demo_db)
    assert result.exit_code == 2 and "give a word" in result.stderr
    assert ok(run("search", "zzzznothing", db=demo_db)).strip() == "No evidence matches."


@pytest.mark.parametrize("query, says", [
    (" ".join(["a*"] * 2000), "a search is at most 500 characters; this one has 5,999"),
    ("a*", "'a*' is too short to search for: give at least 2 letters before the *"),
    ("camhs x*", "too short to search for"),
    (" ".join(["word"] * 33), "a search takes up to 32 words; this one has 33"),
    ('"' + " ".join(["word"] * 20) + '" ' + " ".join(["more"] * 13), "this one has 33"),
])
def test_a_search_too_broad_to_run_quickly_is_refused_with_the_reason(query, says):
    with pytest.raises(QueryError, match=re.escape(says)):
        fts_query(query)


def test_the_broadest_search_allowed_still_runs(demo_store, ins):
    assert fts_query(" ".join(["ab*"] * 32)) == " ".join(['"ab"*'] * 32)
    assert search(demo_store, ins.id, " ".join(["th*"] * 32))
    assert search(demo_store, ins.id, "x" * 499 + "*") == []


def test_the_search_command_refuses_a_hostile_query_in_one_line(demo_db):
    line = own_error(run("search", " ".join(["a*"] * 2000), db=demo_db), 2)
    assert "at most 500 characters" in line


def test_a_pseudonym_typed_with_its_hyphen_finds_that_child_only(demo_store, ins):
    at = evidence.all(demo_store, ins.id)[0].at
    seen, other = (evidence.add(demo_store, ins.id, [EvidenceRow(
        at, "A1", "visit", text, None, None, None, "")]).ids[0] for text in (
        "Seen with CYP-4217 at the annual review.", "CYP-0815 waited 4217 days, said Dad."))
    assert fts_query("CYP-4217 post-16*") == '"CYP 4217" "post 16"*'
    assert [h.entry.id for h in search(demo_store, ins.id, "CYP-4217")] == [seen]
    assert [h.entry.id for h in search(demo_store, ins.id, '"cyp 4217"')] == [seen]
    assert {h.entry.id for h in search(demo_store, ins.id, "4217")} == {seen, other}


def test_a_first_page_ranks_the_newest_matches_and_says_so(demo_store, ins):
    every = search(demo_store, ins.id, "plan*", limit=1000)
    assert len(every) > 5
    some, whole = first_page(demo_store, ins.id, "plan*", limit=1000, among=3)
    assert not whole and len(some) == 3 and {h.entry.id for h in some} <= {
        h.entry.id for h in every}
    assert [h.score for h in some] == sorted(h.score for h in some)
    assert first_page(demo_store, ins.id, "plan*", 1000, among=len(every)) == (every, True)
    assert not first_page(demo_store, ins.id, "plan*", 1000, among=len(every) - 1)[1]


SPELLINGS = [("Łukasz Nowak", "lukasz"), ("Øyvind", "oyvind"), ("Straße", "strasse"),
             ("Siân", "sian"), ("St Mary’s", "\"st mary's\""), ("Æsa", "aesa"),
             ("Zoë", "zoe")]


def _entry(store, ins, text):
    at = evidence.all(store, ins.id)[0].at
    return evidence.add(store, ins.id, [EvidenceRow(at, "A1", "visit", text, None, None,
                                                    None, "")]).ids[0]


@pytest.mark.parametrize("written,typed", SPELLINGS)
def test_a_name_is_found_typed_without_its_accents_or_special_letters(demo_store, ins,
                                                                      written, typed):
    entry = _entry(demo_store, ins, f"Spoke with {written} about the EHC plan.")
    assert entry in {h.entry.id for h in search(demo_store, ins.id, typed)}
    assert entry in {h.entry.id for h in search(demo_store, ins.id, written)}


def test_an_edit_and_its_undo_keep_the_plain_spelling_in_step(demo_store, ins):
    entry = _entry(demo_store, ins, "Łukasz said the bus was late.")
    evidence.edit(demo_store, ins.id, entry, "Bartłomiej said the bus was late.")
    assert [h.entry.id for h in search(demo_store, ins.id, "bartlomiej")] == [entry]
    assert search(demo_store, ins.id, "lukasz") == []
    undo.undo(demo_store, ins.id)
    assert [h.entry.id for h in search(demo_store, ins.id, "lukasz")] == [entry]
    assert search(demo_store, ins.id, "bartlomiej") == []


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(st.lists(st.sampled_from("łøßæœđðþıéèêëáàâäãåçñöóòôõúùûüíìîïýÿ"), min_size=1,
                max_size=3), st.text("bcdfghkmnprstvwz", min_size=2, max_size=4))
def test_any_name_with_special_letters_is_found_by_its_ascii_folding(demo_store, ins,
                                                                     letters, rest):
    from sendtui.domain.matching import fold

    name = "".join(letters) + rest
    entry = _entry(demo_store, ins, f"Met {name.capitalize()} at the review.")
    assert entry in {h.entry.id for h in search(demo_store, ins.id, fold(name))}
