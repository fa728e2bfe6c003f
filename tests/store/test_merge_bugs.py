"""The merge's bugs found by the three-laptop state machine, each kept as a plain test."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sendtui.demo import add_demo
from sendtui.store import erasure, events, evidence, names
from sendtui.store import models as m
from sendtui.store.merge import import_bundle
from tests.store.replicas import (
    FRESH, LAPTOPS, Shelf, bundle_of, content, differences, laptop, send, without_audit,
    without_pseudonyms)

BOTH_ENGINES = True


def _shelf(folder, engine, request) -> Shelf:
    return Shelf(folder, request.getfixturevalue("pg_server") if engine != "sqlite" else None)


@pytest.fixture(scope="module")
def made(tmp_path_factory, request):
    """made(engine) -> the demo on laptop A, and laptop B that took A's bundle (stores to
    copy, made once per engine)."""
    built = {}

    def on(engine):
        if engine not in built:
            shelf = _shelf(tmp_path_factory.mktemp("two"), engine, request)
            where = shelf.new("a", engine), shelf.new("b", engine)
            a, b = (laptop(w, which) for w, which in zip(where, LAPTOPS))
            ins_id = add_demo(a)[0].id
            send(a, b, ins_id)
            a.close(), b.close()
            built[engine] = shelf, *where, ins_id
        return built[engine]

    yield on
    for shelf, *_ in built.values():
        shelf.clear()


@pytest.fixture
def shelf(engine, tmp_path, request):
    """Where this test's stores go, on its engine."""
    made = _shelf(tmp_path, engine, request)
    yield made
    made.clear()


@pytest.fixture
def two(made, engine, shelf):
    _, *sources, ins_id = made(engine)
    stores = [laptop(shelf.copy(source, name), which)
              for source, name, which in zip(sources, "ab", LAPTOPS)]
    yield (*stores, ins_id)
    for store in stores:
        store.close()


def fresh_with(shelf, engine, name, bundles):
    store = laptop(shelf.new(name, engine), FRESH)
    for bundle in bundles:
        import_bundle(store, bundle)
    return store


def test_an_event_the_bundle_brings_whole_keeps_its_sequence(two, shelf, engine):
    a, b, ins_id = two
    event = events.all(a, ins_id)[0]
    events.edit(a, ins_id, event.id, events.EventInput.of(event).moved(dt.timedelta(hours=1)))
    edited = next(e for e in events.all(a, ins_id) if e.id == event.id)
    send(a, b, ins_id)
    assert next(e for e in events.all(b, ins_id) if e.id == event.id).sequence == \
        edited.sequence
    bundles = bundle_of(a, ins_id), bundle_of(b, ins_id)
    one = fresh_with(shelf, engine, "ab", bundles)
    other = fresh_with(shelf, engine, "ba", bundles[::-1])
    assert differences(content(one, ins_id, FRESH[0]), content(other, ins_id, FRESH[0])) == []


def test_an_event_changed_on_both_sides_goes_past_both_sequences(two):
    a, b, ins_id = two
    event = events.all(a, ins_id)[0]
    data = events.EventInput.of(event)
    events.edit(a, ins_id, event.id, data.moved(dt.timedelta(hours=1)))
    events.edit(b, ins_id, event.id, replace(data, notes="bring ID"))
    send(a, b, ins_id)
    merged = next(e for e in events.all(b, ins_id) if e.id == event.id)
    assert merged.sequence == event.sequence + 2 and merged.notes == "bring ID"
    assert merged.start == event.start + dt.timedelta(hours=1)


def test_an_erased_entry_arrives_as_its_laptop_erased_it_whichever_bundle_comes_first(
        two, shelf, engine):
    a, b, ins_id = two
    entry = evidence.all(a, ins_id)[0].id
    erasure.erase_evidence(b, ins_id, entry)
    bundles = bundle_of(a, ins_id), bundle_of(b, ins_id)
    one = fresh_with(shelf, engine, "ab", bundles)
    other = fresh_with(shelf, engine, "ba", bundles[::-1])
    assert differences(content(one, ins_id, FRESH[0]), content(other, ins_id, FRESH[0])) == []
    send(b, a, ins_id)
    assert differences(*(without_audit(content(s, ins_id)) for s in (a, b))) == []


INDEXES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_live'",
    "postgresql": "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_live'",
}


def test_a_preview_keeps_the_natural_keys_indexes(two):
    a, b, ins_id = two

    def indexes():
        with a.engine.connect() as conn:
            return sorted(r[0] for r in conn.exec_driver_sql(INDEXES[conn.dialect.name]))

    before = indexes()
    assert before and import_bundle(a, bundle_of(b, ins_id), preview=True) is not None
    assert indexes() == before


def test_a_name_marked_on_both_laptops_is_one_name_not_a_pseudonym_collision(two):
    a, b, ins_id = two
    for store in (a, b):
        names.add(store, ins_id, "Leila Haddad")
    arrived = send(a, b, ins_id)
    assert arrived.notices == []
    assert [n.name for n in names.all(b, ins_id) if n.name == "Leila Haddad"] == [
        "Leila Haddad"]


def test_a_name_marked_on_three_laptops_folds_into_one_alias_chain_everywhere(
        two, shelf, engine):
    """Laptop C has marked the name as the smallest id, B as the middle, A as the largest.
    B folds A's into its own; C then folds B's into its own and points A's at it too; when
    B takes C's bundle, its alias for A's row must point at C's, as C's does (it pointed at
    B's, the store's aliases differed for good)."""
    a, b, ins_id = two
    c = fresh_with(shelf, engine, "c", [bundle_of(a, ins_id)])
    for store, prefix in ((c, "0"), (b, "1"), (a, "2")):
        with store.session() as s:
            store.insert(s, ins_id, m.ProtectedName(
                id=prefix * 8 + "-0000-4000-8000-000000000000", inspection_id=ins_id,
                name="Tomasz Wren", pseudonym="CYP-90", is_child=True, match_first_name=True))
    send(a, b, ins_id)
    send(b, c, ins_id)
    send(c, b, ins_id)
    held = [{(r["lost_id"], r["kept_id"]) for r in content(s, ins_id)["alias"]
             if r["table_name"] == "protected_name"} for s in (b, c)]
    assert held[0] == held[1] and all(kept.startswith("0") for _, kept in held[0])
    assert differences(*(without_audit(content(s, ins_id)) for s in (b, c))) == []
    c.close()


def test_a_pseudonym_renumbered_by_a_laptop_or_by_the_store_itself_compares_alike(
        two, shelf, engine):
    """Zara (A) and Leila (C) both given CYP-01; A took C's bundle and renumbered Leila.
    A store that took A's bundle first holds A's renumbering; one that took B's and C's
    first renumbered Leila itself, then took the same number from A: the same content, but
    Leila's row carries its own stamp (a tombstone field read as a bool, the laptop's as an
    instant): the three-laptop state machine compared them as different."""
    a, b, ins_id = two
    c = fresh_with(shelf, engine, "c", [bundle_of(a, ins_id)])
    names.add(a, ins_id, "Zara Quinn")
    names.add(c, ins_id, "Leila Haddad")
    send(a, b, ins_id)
    send(c, a, ins_id)
    bundles = [bundle_of(s, ins_id) for s in (a, b, c)]
    one = fresh_with(shelf, engine, "abc", bundles)
    pair = fresh_with(shelf, engine, "bc", bundles[1:])
    grouped = fresh_with(shelf, engine, "a_bc", [bundles[0], bundle_of(pair, ins_id)])
    assert differences(*(without_pseudonyms(content(s, ins_id, FRESH[0]))
                         for s in (one, grouped))) == []
    for store in (c, one, pair, grouped):
        store.close()
