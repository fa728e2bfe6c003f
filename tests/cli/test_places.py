"""`sendtui places add`: a place GIAS does not list; bad input is one line, exit 2, no change."""

import json

import pytest

from tests.cli.test_cli import GIAS, UUID, ok, own_error, run
from tests.fingerprint import fingerprint

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def db(store_target):
    path = store_target
    ok(run("inspection", "new", "--la", "Wealdshire", "--framework", "2016", "--notified",
           "2026-11-23", db=path))
    ok(run("import", "settings", GIAS, db=path))
    return path


def places_listed(db):
    listed = json.loads(ok(run("list", "settings", "--format", "json", db=db)))
    return [s for s in listed if s["urn"] is None]


def test_a_health_site_by_postcode_prints_its_id(db):
    out = ok(run("places", "add", "--name", "Oak Lodge child development centre",
                 "--postcode", "wd2 3zz", db=db))
    assert UUID.fullmatch(out.strip())
    [place] = places_listed(db)
    assert (place["id"], place["name"], place["kind"], place["postcode"]) == (
        out.strip(), "Oak Lodge child development centre", "other", "WD2 3ZZ")
    assert (place["easting"], place["northing"], place["located_by"], place["base"]) == (
        452310, 305880, "sector", False)


def test_a_nursery_with_a_grid_reference_and_the_base_room(db):
    ok(run("places", "add", "--name", "Little Acorns Day Nursery", "--kind", "early-years",
           "--easting", "452000", "--northing", "305000", db=db))
    ok(run("places", "add", "--name", "Base room, County Hall", "--postcode", "WD1 1AA",
           "--base", db=db))
    assert {(p["name"], p["kind"], p["located_by"], p["base"]) for p in places_listed(db)} == {
        ("Little Acorns Day Nursery", "early-years", "typed", False),
        ("Base room, County Hall", "other", "postcode", True)}


@pytest.mark.parametrize("args, words", [
    (["--name", "X", "--kind", "health"], "'health' is not a kind of setting"),
    (["--name", "X", "--easting", "452000"], "give both or neither"),
    (["--name", "X", "--northing", "305000"], "give both or neither"),
    (["--name", "X", "--postcode", "12345"], "not a UK postcode"),
    (["--name", "X", "--postcode", "WD2"], "not a UK postcode"),
    (["--name", "X", "--easting", "800000", "--northing", "305000"], "Great Britain's grid"),
    (["--name", "X", "--easting", "452000", "--northing", "-1"], "Great Britain's grid"),
    (["--name", "X", "--easting", "4.5e5", "--northing", "305000"], "Great Britain's grid"),
    (["--name", " "], "needs a name"),
])
def test_bad_input_exits_2_in_one_line_with_the_store_unchanged(db, args, words):
    before = fingerprint(db)
    line = own_error(run("places", "add", *args, db=db), 2)
    assert words in line
    assert fingerprint(db) == before
    assert places_listed(db) == []
