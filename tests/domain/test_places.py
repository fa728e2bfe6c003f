"""A place added by hand: what is refused, in words, field by field."""

import pytest

from sendtui.domain.places import NewPlace, new_place, place_problems
from sendtui.errors import InvalidInput


def test_a_health_site_with_a_postcode():
    assert new_place(" Oak Lodge  CDC ", "other", "wd2 3zz") == NewPlace(
        "Oak Lodge CDC", "other", "WD2 3ZZ", None, None)


def test_a_nursery_with_a_grid_reference_and_no_postcode():
    assert new_place("Little Acorns", "early-years", "", "452000", " 305000") == NewPlace(
        "Little Acorns", "early-years", "", 452000, 305000)


@pytest.mark.parametrize("args, field, words", [
    (("", "other", "", None, None), "name", "needs a name"),
    (("X\nY", "other", "", None, None), "name", "one line"),
    (("X", "health", "", None, None), "kind", "not a kind of setting"),
    (("X", "other", "12345", None, None), "postcode", "not a UK postcode"),
    (("X", "other", "", "452000", None), "northing", "give both or neither"),
    (("X", "other", "", "", "305000"), "easting", "give both or neither"),
    (("X", "other", "", "700001", "305000"), "easting", "not in Great Britain's grid"),
    (("X", "other", "", "452000", "1300001"), "northing", "not in Great Britain's grid"),
    (("X", "other", "", "-5", "305000"), "easting", "not in Great Britain's grid"),
    (("X", "other", "", "45.2", "305000"), "easting", "not in Great Britain's grid"),
    (("X", "other", "", "４５２０００", "305000"), "easting", "not in Great Britain's grid"),
])
def test_bad_input_is_named_by_its_field(args, field, words):
    problems = place_problems(*args)
    assert list(problems) == [field] and words in problems[field]
    with pytest.raises(InvalidInput, match=words):
        new_place(*args)
