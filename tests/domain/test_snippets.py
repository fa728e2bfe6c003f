"""A snippet cut as SQLite's FTS5 cuts it (what PostgreSQL's search shows)."""

from sendtui.domain.snippets import cut

TEXT = ("In this batch 7 of 10 plans had health advice from at least one professional; "
        "CAMHS advice was present in only 2 of the 6 files where it was relevant.")


def test_a_match_mid_text_is_centred_with_an_ellipsis_each_side():
    assert cut(TEXT, [(0, 15, 1)]) == (
        "…from at least one professional; «CAMHS» advice was present in only 2…")


def test_a_window_starting_a_sentence_wins_when_it_holds_the_match():
    text = "Parents waited. The panel met in May and the plan was issued late again."
    assert cut(text, [(0, 9, 1)], size=8) == "…The panel met in May and the «plan»…"


def test_a_short_text_is_whole_and_a_phrase_is_one_mark():
    assert cut("Seen with CYP-4217 at the review.", [(0, 2, 2)]) == (
        "Seen with «CYP-4217» at the review.")


def test_each_term_counts_once_more_than_its_repeats():
    text = " ".join(["camhs"] * 3 + ["filler"] * 20 + ["camhs", "waiting"])
    assert cut(text, [(0, 0, 1), (0, 1, 1), (0, 2, 1), (0, 23, 1), (1, 24, 1)], size=4) == (
        "…filler filler «camhs» «waiting»")
