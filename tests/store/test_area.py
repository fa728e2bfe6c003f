"""The area in the store: setting marks, people, unavailable periods; refusals and undo."""

import datetime as dt

import pytest

from sendtui.errors import InvalidInput, NotFound
from sendtui.store import availability, events, inspections, people, settings, undo
from sendtui.store.repo import Store

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

UTC = dt.timezone.utc
NINE = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NOON = dt.datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def ins(demo_store):
    return inspections.find(demo_store)


def by_name(store: Store, inspection_id: str) -> dict:
    return {p.name: p for p in people.all(store, inspection_id)}


def setting(store: Store, inspection_id: str, urn: str):
    return next(s for s in settings.all(store, inspection_id) if s.urn == urn)


# --- settings ------------------------------------------------------------------------------

def test_marks_are_stored_and_undone_one_at_a_time(demo_store, ins):
    first = setting(demo_store, ins.id, "190001")
    assert not first.shortlisted and not first.visited

    view = settings.mark(demo_store, ins.id, first.id, shortlisted=True)
    assert view.shortlisted and not view.visited
    settings.mark(demo_store, ins.id, first.id, visited=True)
    again = setting(demo_store, ins.id, "190001")
    assert again.shortlisted and again.visited

    assert undo.undo(demo_store, ins.id) == "Ashby Brook Primary School marked visited"
    assert (setting(demo_store, ins.id, "190001").shortlisted,
            setting(demo_store, ins.id, "190001").visited) == (True, False)
    assert undo.undo(demo_store, ins.id) == "Ashby Brook Primary School shortlisted"
    assert not setting(demo_store, ins.id, "190001").shortlisted


def test_a_mark_already_there_is_not_an_action(demo_store, ins):
    first = setting(demo_store, ins.id, "190001")
    settings.mark(demo_store, ins.id, first.id, shortlisted=False)
    assert undo.undo(demo_store, ins.id) is None


def test_marking_an_unknown_setting_is_refused(demo_store, ins):
    with pytest.raises(NotFound, match="that setting no longer exists"):
        settings.mark(demo_store, ins.id, "no-such-id", visited=True)


# --- people --------------------------------------------------------------------------------

def test_add_change_remove_a_person_round_trip(demo_target, demo_store, ins):
    added = people.add(demo_store, ins.id, "  Priya   Shah ", "Head of inclusion",
                       "Wealdshire County Council", " priya.shah@example.org ",
                       "01632 960999", False)
    assert (added.name, added.email) == ("Priya Shah", "priya.shah@example.org")

    people.edit(demo_store, ins.id, added.id, "Priya Shah", "Assistant director",
                "Wealdshire County Council", "p.shah@example.org", "", True)
    reopened = Store.open(demo_target)
    try:
        priya = by_name(reopened, ins.id)["Priya Shah"]
        assert (priya.role, priya.email, priya.phone, priya.is_team) == (
            "Assistant director", "p.shah@example.org", "", True)
    finally:
        reopened.close()

    people.remove(demo_store, ins.id, added.id)
    assert "Priya Shah" not in by_name(demo_store, ins.id)
    assert len(people.all(demo_store, ins.id)) == 14


def test_removed_person_stays_on_their_events(demo_store, ins):
    helen = by_name(demo_store, ins.id)["Helen Marsden"]
    booked = [e.id for e in events.all(demo_store, ins.id) if helen.id in e.person_ids]
    assert booked
    people.remove(demo_store, ins.id, helen.id)
    still = [e for e in events.all(demo_store, ins.id) if e.id in booked]
    assert len(still) == len(booked)
    assert all("Helen Marsden" in e.people for e in still)

    assert undo.undo(demo_store, ins.id) == "removed Helen Marsden"
    assert "Helen Marsden" in by_name(demo_store, ins.id)


@pytest.mark.parametrize("name, email, words", [
    ("", "", "a person needs a name"),
    ("   ", "", "a person needs a name"),
    ("helen MARSDEN", "", "there is already a person called helen MARSDEN"),
    ("Priya Shah", "priya.shah.example.org", "an email needs a name, an @ and a domain"),
    ("Priya Shah", "priya@", "an email needs a name, an @ and a domain"),
    ("Priya Shah", "priya shah@example.org", "an email needs a name, an @ and a domain"),
])
def test_bad_people_are_refused_in_words_and_nothing_changes(demo_store, ins, name, email,
                                                             words):
    before = people.all(demo_store, ins.id)
    with pytest.raises(InvalidInput, match=words):
        people.add(demo_store, ins.id, name, "", "", email, "", False)
    assert people.all(demo_store, ins.id) == before
    assert undo.undo(demo_store, ins.id) is None


def test_a_change_to_another_persons_name_is_refused(demo_store, ins):
    listed = by_name(demo_store, ins.id)
    kwame = listed["Kwame Mensah"]
    with pytest.raises(InvalidInput, match="already a person called Helen Marsden"):
        people.edit(demo_store, ins.id, kwame.id, "Helen Marsden", kwame.role)
    assert by_name(demo_store, ins.id)["Kwame Mensah"] == kwame
    # keeping one's own name is fine
    people.edit(demo_store, ins.id, kwame.id, "Kwame Mensah", "CQC inspector")
    assert by_name(demo_store, ins.id)["Kwame Mensah"].role == "CQC inspector"


def test_undo_brings_back_the_person_as_they_were(demo_store, ins):
    emma = by_name(demo_store, ins.id)["Emma Kowalski"]
    people.edit(demo_store, ins.id, emma.id, "Emma Kowalski-Reid", "SENCO",
                emma.organisation, emma.email, emma.phone, False)
    assert undo.undo(demo_store, ins.id) == "changed Emma Kowalski-Reid"
    assert by_name(demo_store, ins.id)["Emma Kowalski"] == emma

    added = people.add(demo_store, ins.id, "Tom Reed", "Headteacher")
    assert undo.undo(demo_store, ins.id) == "added Tom Reed"
    assert "Tom Reed" not in by_name(demo_store, ins.id)
    assert undo.redo(demo_store, ins.id) == "added Tom Reed"
    assert by_name(demo_store, ins.id)["Tom Reed"].id == added.id


# --- unavailable periods -------------------------------------------------------------------

def test_unavailable_periods_round_trip_and_undo(demo_store, ins):
    fiona = by_name(demo_store, ins.id)["Fiona Gallagher"]
    assert availability.all(demo_store, ins.id) == {}

    later = availability.add(demo_store, ins.id, fiona.id, NINE + dt.timedelta(days=1),
                             NOON + dt.timedelta(days=1), " dentist ")
    first = availability.add(demo_store, ins.id, fiona.id, NINE, NOON, "training")
    periods = availability.all(demo_store, ins.id)
    assert list(periods) == [fiona.id]
    assert periods[fiona.id] == [
        (first, NINE, NOON, "training"),
        (later, NINE + dt.timedelta(days=1), NOON + dt.timedelta(days=1), "dentist")]
    assert periods[fiona.id][0].start.tzinfo is not None

    availability.remove(demo_store, ins.id, first)
    assert [p.id for p in availability.all(demo_store, ins.id)[fiona.id]] == [later]
    assert undo.undo(demo_store, ins.id) == "Fiona Gallagher available again Tue 1 Dec 09:00–12:00"
    assert len(availability.all(demo_store, ins.id)[fiona.id]) == 2
    assert undo.undo(demo_store, ins.id) == "Fiona Gallagher unavailable Tue 1 Dec 09:00–12:00"
    assert [p.id for p in availability.all(demo_store, ins.id)[fiona.id]] == [later]


def test_a_removed_persons_periods_are_not_listed(demo_store, ins):
    fiona = by_name(demo_store, ins.id)["Fiona Gallagher"]
    availability.add(demo_store, ins.id, fiona.id, NINE, NOON, "")
    people.remove(demo_store, ins.id, fiona.id)
    assert availability.all(demo_store, ins.id) == {}


@pytest.mark.parametrize("start, end, words", [
    (NOON, NINE, "must end after it starts"),
    (NINE, NINE, "must end after it starts"),
    (NINE.replace(tzinfo=None), NOON.replace(tzinfo=None), "time zone"),
])
def test_bad_periods_are_refused_and_nothing_changes(demo_store, ins, start, end, words):
    fiona = by_name(demo_store, ins.id)["Fiona Gallagher"]
    with pytest.raises(InvalidInput, match=words):
        availability.add(demo_store, ins.id, fiona.id, start, end, "")
    assert availability.all(demo_store, ins.id) == {}
    assert undo.undo(demo_store, ins.id) is None


def test_periods_of_unknown_people_or_periods_are_refused(demo_store, ins):
    with pytest.raises(NotFound, match="that person no longer exists"):
        availability.add(demo_store, ins.id, "nobody", NINE, NOON, "")
    with pytest.raises(NotFound, match="that unavailable period no longer exists"):
        availability.remove(demo_store, ins.id, "nothing")
