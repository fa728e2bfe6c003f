"""Places added by hand: stored, placed on the map by the GIAS file's postcodes, and checked
for travel like any setting (the base room too, for events held there)."""

import datetime as dt

import pytest

from sendtui.errors import InvalidInput
from sendtui.importers.gias import read_gias
from sendtui.store import events, inspections, people, places, planning, settings
from sendtui.store.events import EventInput
from tests.conftest import FIXTURES

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

GIAS = FIXTURES / "gias_wealdshire.csv"
UTC = dt.timezone.utc  # London is on UTC in late November


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def ins(store):
    return inspections.create(store, "Wealdshire", "2016", dt.date(2026, 11, 23)).id


def import_gias(store, ins):
    result = read_gias(GIAS, "Wealdshire")
    return settings.load(store, ins, result.settings, result.points)


def by_name(store, ins, name):
    return next(s for s in settings.all(store, ins) if s.name == name)


def test_a_place_typed_by_postcode_is_put_at_its_sector_centroid(store, ins):
    import_gias(store, ins)
    cdc = places.add(store, ins, "Oak Lodge CDC", "other", "wd2 3zz")
    assert (cdc.urn, cdc.kind, cdc.postcode) == (None, "other", "WD2 3ZZ")
    assert (cdc.easting, cdc.northing, cdc.located_by) == (452310, 305880, "sector")
    assert by_name(store, ins, "Oak Lodge CDC") == cdc


def test_the_exact_postcode_wins_over_the_sector_and_typed_coordinates_over_both(store, ins):
    import_gias(store, ins)
    exact = places.add(store, ins, "Room 4, County Hall", "other", "WD1 1AA")
    assert (exact.easting, exact.northing, exact.located_by) == (445120, 312040, "postcode")
    typed = places.add(store, ins, "Little Acorns", "early-years", "WD1 1AA", "445000", "312000")
    assert (typed.easting, typed.northing, typed.located_by) == (445000, 312000, "typed")


def test_a_place_added_before_the_gias_import_is_placed_by_it(store, ins):
    early = places.add(store, ins, "Short breaks base", "other", "WD7 4ZZ")
    assert (early.easting, early.located_by) == (None, "")
    typed = places.add(store, ins, "Childminder", "early-years", "WD7 4ZZ", 1000, 2000)
    import_gias(store, ins)
    # WD7 4 has only a closed school: geography all the same
    assert by_name(store, ins, "Short breaks base").easting == 456900
    assert by_name(store, ins, "Short breaks base").located_by == "sector"
    assert by_name(store, ins, "Childminder") == typed
    # re-importing changes nothing and never duplicates
    import_gias(store, ins)
    assert len([s for s in settings.all(store, ins) if s.urn is None]) == 2


def test_an_unknown_sector_leaves_the_place_off_the_map(store, ins):
    import_gias(store, ins)
    far = places.add(store, ins, "CAMHS, Fenmarch Road", "other", "ZZ9 9ZZ")
    assert (far.easting, far.northing, far.located_by) == (None, None, "")


def test_one_base_room_per_inspection(store, ins):
    first = places.add(store, ins, "Base room, County Hall", is_base=True)
    second = places.add(store, ins, "Base room, Civic Centre", is_base=True)
    bases = [s.id for s in settings.all(store, ins) if s.is_base]
    assert bases == [second.id] and first.id != second.id


@pytest.mark.parametrize("args", [
    {"name": ""}, {"name": "X", "kind": "health"}, {"name": "X", "postcode": "12345"},
    {"name": "X", "easting": "1"}, {"name": "X", "easting": "800000", "northing": "1"},
])
def test_bad_input_changes_nothing(store, ins, args):
    before = settings.all(store, ins)
    with pytest.raises(InvalidInput):
        places.add(store, ins, **args)
    assert settings.all(store, ins) == before


def test_travel_to_a_place_by_postcode_sector_and_to_the_base_is_checked(store, ins):
    import_gias(store, ins)
    cdc = places.add(store, ins, "Oak Lodge CDC", "other", "WD2 3ZZ")
    places.add(store, ins, "Room 4, County Hall", "other", "WD1 1AA", is_base=True)
    helen = people.add(store, ins, "Helen Marsden", "Lead inspector", is_team=True).id
    ashby = next(s for s in settings.all(store, ins) if s.urn == "190001")
    for data in [
        EventInput("visit", "Visit: Ashby Brook", at(30, 9), at(30, 11), ashby.id),
        EventInput("visit", "Visit: Oak Lodge CDC", at(30, 11, 15), at(30, 12), cdc.id),
        EventInput("team-meeting", "Team meeting", at(30, 12, 10), at(30, 13),
                   location="Base room"),
    ]:
        events.add(store, ins, EventInput(**{**data.__dict__, "person_ids": (helen,)}))
    travel = [p.message for p in planning.problems(store, ins) if p.rule == "travel-time"]
    assert len(travel) == 2
    sector = "the postcode sector centroid of WD2 3 (Oak Lodge CDC)"
    assert travel[0].endswith(f"; travel estimated from {sector}")
    assert travel[1].endswith(f"; travel estimated from {sector} and the GIAS "
                              "establishments at WD1 1AA (Room 4, County Hall)")


def test_a_store_from_before_places_opens_with_its_settings_neither_base_nor_estimated(
        tmp_path):
    from sendtui.store.repo import Store
    from tests.store.old_stores import make_store_at

    path = tmp_path / "old.db"
    make_store_at(path, "0009", entries=5)
    store = Store.open(str(path))
    try:
        ins = inspections.all(store)[0].id
        old = settings.all(store, ins)
        assert old and not any(s.is_base or s.located_by for s in old)
        import_gias(store, ins)
        base = places.add(store, ins, "Base room", postcode="WD2 3ZZ", is_base=True)
        assert (base.is_base, base.located_by) == (True, "sector")
    finally:
        store.close()


def test_adding_a_place_and_a_new_base_undo_in_one_step(store, ins):
    from sendtui.store.undo import undo

    first = places.add(store, ins, "Base room, County Hall", is_base=True)
    places.add(store, ins, "Base room, Civic Centre", is_base=True)
    undo(store, ins)
    assert [(s.id, s.is_base) for s in settings.all(store, ins)] == [(first.id, True)]


def test_a_setting_from_gias_can_be_made_the_base_and_undo_puts_the_old_base_back(store, ins):
    from sendtui.store.undo import undo

    import_gias(store, ins)
    hall = places.add(store, ins, "Base room, County Hall", is_base=True)
    school = settings.all(store, ins)[0]
    assert places.make_base(store, ins, school.id).is_base
    assert [s.id for s in settings.all(store, ins) if s.is_base] == [school.id]
    undo(store, ins)
    assert [s.id for s in settings.all(store, ins) if s.is_base] == [hall.id]
    assert not places.make_base(store, ins, hall.id, base=False).is_base
    assert not any(s.is_base for s in settings.all(store, ins))
