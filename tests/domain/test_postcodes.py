"""Where a typed postcode is, from the GIAS file's establishments (every row: geography)."""

import csv

import pytest

from sendtui.domain.postcodes import (
    BY_POSTCODE,
    BY_SECTOR,
    Point,
    centroids,
    locate,
    located_words,
    normalise,
    sector,
)
from tests.conftest import FIXTURES


def fixture_rows():
    with open(FIXTURES / "gias_wealdshire.csv", encoding="utf-8-sig") as f:
        return [(r["Postcode"], int(r["Easting"]) if r["Easting"] else None,
                 int(r["Northing"]) if r["Northing"] else None) for r in csv.DictReader(f)]


@pytest.mark.parametrize("typed, postcode", [
    ("WD2 3BB", "WD2 3BB"), ("wd23bb", "WD2 3BB"), ("  wd2   3bb ", "WD2 3BB"),
    ("M1 1AE", "M1 1AE"), ("B33 8TH", "B33 8TH"), ("CR2 6XH", "CR2 6XH"),
    ("DN55 1PT", "DN55 1PT"), ("W1A 0AX", "W1A 0AX"), ("EC1A 1BB", "EC1A 1BB"),
])
def test_a_uk_postcode_is_written_the_usual_way(typed, postcode):
    assert normalise(typed) == postcode


@pytest.mark.parametrize("typed", ["", "12345", "WD2", "WD2 3B", "WD2 3BBB", "2WD 3BB",
                                   "WD2-3BB", "ZZZZ 1AA", "WD2 BB3"])
def test_what_is_not_the_shape_of_a_postcode_is_refused(typed):
    assert normalise(typed) is None


def test_the_sector_is_the_outward_code_and_the_inward_digit():
    assert sector("WD2 3BB") == "WD2 3"
    assert sector("EC1A 1BB") == "EC1A 1"


def test_sector_centroids_are_the_mean_of_every_establishment_other_areas_and_closed_too():
    points = centroids(fixture_rows())
    # WD2 3 holds one establishment (URN 190002, Markham)
    assert points["WD2 3BB"] == Point(452310, 305880, 1)
    assert points["WD2 3"] == Point(452310, 305880, 1)
    # WD7 4UU is a closed school: still geography; WD7 5XX has no easting: left out
    assert points["WD7 4UU"] == Point(456900, 314800, 1)
    assert "WD7 5XX" not in points
    assert points["WD7 2"] == Point(457300, 315200, 1)
    # Fenmarch is another local authority: still on the map
    assert points["FM1 1"] == Point(520100, 290300, 1)


def test_a_sector_with_several_establishments_is_their_mean():
    points = centroids([("WD2 3BB", 452000, 305000), ("wd2 3cc", 453000, 306001),
                        ("WD2 4AA", 1, 1), ("not a postcode", 5, 5), ("WD2 3DD", None, 7)])
    assert points["WD2 3"] == Point(452500, 305500, 2)
    assert points["WD2 3CC"] == Point(453000, 306001, 1)
    assert len(points) == 5  # three postcodes, two sectors


def test_the_exact_postcode_is_used_when_an_establishment_stands_there():
    points = centroids(fixture_rows())
    found = locate("wd2 3bb", points)
    assert (found.easting, found.northing, found.by) == (452310, 305880, BY_POSTCODE)


def test_else_the_sector_centroid():
    points = centroids([("WD2 3BB", 452000, 305000), ("WD2 3CC", 453000, 306000)])
    found = locate("WD2 3ZZ", points)
    assert (found.easting, found.northing, found.by) == (452500, 305500, BY_SECTOR)


def test_an_unknown_sector_or_a_bad_postcode_is_not_placed():
    points = centroids(fixture_rows())
    assert locate("WD9 9ZZ", points) is None
    assert locate("nowhere", points) is None


def test_the_words_say_which_source_was_used():
    assert located_words(BY_SECTOR, "wd2 3zz", "Oak Lodge CDC") == (
        "the postcode sector centroid of WD2 3 (Oak Lodge CDC)")
    assert located_words(BY_POSTCODE, "WD2 3BB", "Base room") == (
        "the GIAS establishments at WD2 3BB (Base room)")
    assert located_words("typed", "WD2 3BB", "Base room") == ""
    assert located_words("", "", "Ashby Brook Primary School") == ""
