"""Travel to and from places placed by estimate: the warning says how they were placed."""

import datetime as dt

from sendtui.domain.schedule import Plan, PlanEvent, find_problems
from sendtui.domain.travel import Place, estimated, held_at_base

UTC = dt.timezone.utc
SECTOR = "the postcode sector centroid of WD2 3 (Oak Lodge CDC)"


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 30, hour, minute, tzinfo=UTC)


def test_the_estimate_is_named_once_each():
    assert estimated(Place(1, 1), Place(2, 2)) == ""
    assert estimated(Place(1, 1, SECTOR), Place(2, 2)) == f"; travel estimated from {SECTOR}"
    assert estimated(Place(1, 1, SECTOR), Place(1, 1, SECTOR), Place(3, 3, "x")) == (
        f"; travel estimated from {SECTOR} and x")


def test_a_squeezed_journey_to_a_place_placed_by_its_sector_says_so():
    school = PlanEvent("a", "visit", "Ashby Brook", at(9), at(11), ("p",), "s1", "s1",
                       Place(445120, 312040))
    cdc = PlanEvent("b", "visit", "Oak Lodge CDC", at(11, 15), at(12), ("p",), "s2", "s2",
                    Place(452500, 305500, SECTOR))
    [problem] = find_problems(Plan((school, cdc), names={"p": "Helen"}))
    assert problem.rule == "travel-time"
    assert problem.message.endswith(f"; travel estimated from {SECTOR}")


def test_an_event_is_at_the_base_when_its_location_names_it():
    assert held_at_base("Base room, County Hall, Markham", "Room 4, County Hall")
    assert held_at_base("Secure base room, County Hall", "")
    assert held_at_base("Room 4,  county hall", "Room 4, County Hall")
    assert not held_at_base("Markham Library", "Room 4, County Hall")
    assert not held_at_base("Database training suite", "")
    assert not held_at_base("", "Room 4, County Hall")
