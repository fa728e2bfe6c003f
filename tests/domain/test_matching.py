"""Names are found whatever the accents, case and apostrophes of what was typed."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sendtui.domain.matching import called, did_you_mean, fold

NAMES = ["Siân Jones", "Łukasz Nowak", "St Mary’s CE Primary", "Zoë Brontë", "Søren Ærø",
         "Ms O‘Brien", "Straße School", "Đorđe Petrović"]


@pytest.mark.parametrize("typed, found", [
    ("sian", "Siân Jones"),
    ("lukasz", "Łukasz Nowak"),
    ("St Mary's", "St Mary’s CE Primary"),
    ("st mary`s", "St Mary’s CE Primary"),
    ("ZOE", "Zoë Brontë"),
    ("soren aero", "Søren Ærø"),
    ("ms o'brien", "Ms O‘Brien"),
    ("strasse", "Straße School"),
    ("dorde petrovic", "Đorđe Petrović"),
    ("Siân  jones", "Siân Jones"),
])
def test_what_is_typed_finds_the_name(typed, found):
    assert called(NAMES, typed, key=str) == [found]


def test_an_exact_name_wins_over_longer_names_starting_so():
    assert called(["Sian", "Siân Jones"], "sian", key=str) == ["Sian"]


def test_a_name_not_there_finds_nothing():
    assert called(NAMES, "sean", key=str) == []


def test_fold_keeps_plain_text_and_leaves_apostrophes_out():
    assert fold("Priya Shah 09:00") == "priya shah 09:00"
    assert fold("St Mary’s, O'Brien, Dunn‘s") == "st marys, obrien, dunns"


@pytest.mark.parametrize("typed", ["st marys", "St Mary's", "st mary’s", "ST MARYʼS"])
def test_any_apostrophe_or_none_finds_the_name(typed):
    assert called(["St Mary’s CE Primary"], typed, key=str) == ["St Mary’s CE Primary"]


_ACCENTS = "\u0300\u0301\u0302\u0303\u0308\u030a\u030c\u0327\u0328"


@given(st.lists(st.tuples(st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
                          st.sampled_from(["", *_ACCENTS])), min_size=1, max_size=20))
def test_any_name_with_diacritics_is_found_by_its_ascii_folding(letters):
    name = unicodedata.normalize("NFC", "".join(a + mark for a, mark in letters)).title()
    plain = "".join(a for a, _ in letters)
    assert called([name], plain, key=str) == [name]
    assert called([name], plain[: len(plain) // 2 + 1], key=str) == [name]


@pytest.mark.parametrize("typed, said", [
    ("pirya", ": did you mean 'Priya Shah'?"),
    ("sian jnoes", ": did you mean 'Siân Jones'?"),
    ("lucas", ": did you mean 'Łukasz Nowak'?"),
    ("zzz", ""),
])
def test_an_unknown_name_suggests_close_ones(typed, said):
    assert did_you_mean(typed, ["Priya Shah", "Siân Jones", "Łukasz Nowak", "Tom Reed"]) == said


def test_at_most_three_suggestions():
    said = did_you_mean("sam", ["Sam A", "Sam B", "Sam C", "Sam D"])
    assert said.count("'Sam") == 3
