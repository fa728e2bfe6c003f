"""Three laptops that work apart and exchange bundles in any order, any number of times.

A Hypothesis state machine: three stores (three files, three devices) start from one demo
(made on A, bundled to B and C); on PostgreSQL, B is the office's server (a PostgreSQL
database) and A and C are laptops (files) that exchange bundles with it and with each other; each step is a change a coordinator makes through the
store's own functions on one laptop, or a bundle carried from one laptop to another. After
every step every file is sound and no evidence text ever written is missing from the union
of the three stores' entries and versions (unless its entry was erased for good). At the end
the bundles merged into a new store in any order give the same rows; then everyone exchanges
with everyone until nothing new arrives, and the three show the same lists, exports and
searches, as does a store built from scratch from the same rows.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test)

from sendtui.demo import add_demo
from sendtui.errors import UserError
from sendtui.importers.gias import read_gias
from sendtui.records import EvidenceRow
from sendtui.store import (
    conflicts, erasure, events, evidence, evidence_corrections, names, people, undo)
from sendtui.store import settings as places
from sendtui.store.events import EventInput
from sendtui.store.engines import plain_runner
from sendtui.store.merge import import_bundle
from tests.conftest import FIXTURES
from tests.store.replicas import (
    FRESH, LAPTOPS, WORDS, Shelf, bundle_of, checked, content, differences, laptop, seen, send,
    without_audit, without_pseudonyms)

BOTH_ENGINES = True
# 15 histories of 15 steps in about 40 s (a server among the laptops: 10, as long);
# MERGE_EXAMPLES=200 for a longer search
EXAMPLES = {"sqlite": int(os.environ.get("MERGE_EXAMPLES", 15)),
            "postgresql": int(os.environ.get("MERGE_EXAMPLES", 10))}
MAX_ROUNDS = 3
NAMES = ("Jo Smith", "Sam Patel", "Ola Nowak")  # two laptops may add the same person
MARKED = ("Zara Quinn", "Tomasz Wren", "Leila Haddad")  # and mark names: pseudonyms collide
ROUNDS_SEEN: list[int] = []
replica = st.integers(0, 2)
pick = st.integers(0, 7)  # a few rows: two laptops often change the same one


@pytest.fixture(scope="module")
def templates(tmp_path_factory, request):
    """templates(engine) -> (their shelf, the three laptops' stores, an empty store, the
    inspection): 0.db with the demo, then B and C that took A's bundle, B a PostgreSQL
    database on that engine. Made once per engine."""
    built = {}

    def on(engine):
        if engine not in built:
            cluster = request.getfixturevalue("pg_server") if engine != "sqlite" else None
            shelf = Shelf(tmp_path_factory.mktemp("replicas"), cluster)
            where = [shelf.new("0"), shelf.new("1", engine), shelf.new("2")]
            a = laptop(where[0], LAPTOPS[0])
            inspection = add_demo(a)[0]
            for i in (1, 2):
                other = laptop(where[i], LAPTOPS[i])
                send(a, other, inspection.id)
                other.close()
            a.close()
            laptop(shelf.new("empty"), FRESH).close()
            built[engine] = shelf, where, shelf.new("empty"), inspection.id
        return built[engine]

    yield on
    for shelf, *_ in built.values():
        shelf.clear()


class Laptops(RuleBasedStateMachine):
    made: tuple  # templates(engine)

    @initialize()
    def start(self):
        made, sources, self.empty, self.ins = self.made
        self.shelf = Shelf(Path(tempfile.mkdtemp(dir=made.folder)), made.cluster)
        self.targets = [self.shelf.copy(source, str(i)) for i, source in enumerate(sources)]
        self.stores = [laptop(t, which) for t, which in zip(self.targets, LAPTOPS)]
        self.written = set(self._texts(self.stores[0]))  # (entry id, text)
        self.erased: set[str] = set()
        self.made = 0

    def _texts(self, store) -> list[tuple[str, str]]:
        with store.engine.connect() as conn:
            return list(conn.exec_driver_sql(
                "SELECT id, text FROM evidence UNION SELECT evidence_id, text "
                "FROM evidence_version"))

    def _ids(self, store, sql: str) -> list[str]:
        with store.engine.connect() as conn:
            return [r[0] for r in plain_runner(conn)(sql, (self.ins,))]

    def _one(self, store, table: str, n: int) -> str | None:
        found = self._ids(store, f"SELECT id FROM {table} WHERE inspection_id = ? "
                                 "AND deleted_at IS NULL ORDER BY id")
        return found[n % len(found)] if found else None

    def _text(self, word: str) -> str:
        self.made += 1
        return f"note {self.made} about the {word} group"

    # --- changes on one laptop -------------------------------------------------------

    @rule(r=replica, hours=st.integers(1, 60), word=st.sampled_from(WORDS))
    def add_event(self, r, hours, word):
        start = dt.datetime(2026, 11, 23, 8, tzinfo=dt.timezone.utc) + dt.timedelta(hours=hours)
        events.add(self.stores[r], self.ins, EventInput(
            "meeting", f"{word} meeting", start, start + dt.timedelta(hours=1)))

    @rule(r=replica, n=pick, word=st.sampled_from(WORDS))
    def edit_event(self, r, n, word):
        self._event(r, n, lambda e: replace(EventInput.of(e), notes=f"ask the {word} lead"))

    @rule(r=replica, n=pick, hours=st.integers(-3, 3))
    def move_event(self, r, n, hours):
        self._event(r, n, lambda e: EventInput.of(e).moved(dt.timedelta(hours=hours)))

    def _event(self, r, n, changed):
        found = events.all(self.stores[r], self.ins)
        if found:
            event = found[n % len(found)]
            try:
                events.edit(self.stores[r], self.ins, event.id, changed(event))
            except UserError:
                pass  # refused (a setting closed meanwhile…): nothing written

    @rule(r=replica, n=pick)
    def remove_event(self, r, n):
        found = self._one(self.stores[r], "event", n)
        if found:
            events.remove(self.stores[r], self.ins, found)

    @rule(r=replica, name=st.sampled_from(NAMES))
    def add_person(self, r, name):
        try:
            people.add(self.stores[r], self.ins, name, "SENCO")
        except UserError:
            pass  # already there

    @rule(r=replica, n=pick)
    def remove_person(self, r, n):
        found = self._one(self.stores[r], "person", n)
        if found:
            people.remove(self.stores[r], self.ins, found)

    @rule(r=replica, n=pick, shortlisted=st.booleans(), visited=st.booleans())
    def mark_setting(self, r, n, shortlisted, visited):
        found = self._one(self.stores[r], "setting", n)
        if found:
            places.mark(self.stores[r], self.ins, found, shortlisted, visited)

    @rule(r=replica, word=st.sampled_from(WORDS), n=pick)
    def capture(self, r, word, n):
        line = self._ids(self.stores[r], "SELECT code FROM line_of_enquiry WHERE "
                                         "inspection_id = ? AND deleted_at IS NULL")
        text = self._text(word)
        at = dt.datetime(2026, 11, 25, 10, tzinfo=dt.timezone.utc)
        done = evidence.add(self.stores[r], self.ins, [EvidenceRow(
            at, sorted(line)[n % len(line)], "meeting", text, None, None, None, "AB")])
        self.written.add((done.ids[0], text))

    @rule(r=replica, n=pick, word=st.sampled_from(WORDS))
    def edit_text(self, r, n, word):
        found = self._one(self.stores[r], "evidence", n)
        if found:
            store, text = self.stores[r], self._text(word)
            now = evidence_corrections.current(store, self.ins, found)
            evidence_corrections.correct(store, self.ins, found, replace(now, text=text))
            self.written.add((found, text))

    @rule(r=replica, n=pick)
    def remove_entry(self, r, n):
        found = self._one(self.stores[r], "evidence", n)
        if found:
            evidence.remove(self.stores[r], self.ins, found)

    @rule(r=replica, n=pick)
    def erase_entry(self, r, n):
        found = self._one(self.stores[r], "evidence", n)
        if found:
            erasure.erase_evidence(self.stores[r], self.ins, found)
            self.erased.add(found)

    @rule(r=replica, again=st.booleans())
    def undo_redo(self, r, again):
        (undo.redo if again else undo.undo)(self.stores[r], self.ins)

    @rule(r=replica)
    def reimport_gias(self, r):
        found = read_gias(FIXTURES / "gias_wealdshire.csv", "Wealdshire")
        places.load(self.stores[r], self.ins, found.settings, found.points)

    @rule(r=replica, name=st.sampled_from(MARKED))
    def mark_name(self, r, name):
        try:
            names.add(self.stores[r], self.ins, name)
        except UserError:
            pass  # marked already

    # --- exchanges ------------------------------------------------------------------

    @rule(x=replica, y=replica, twice=st.booleans())
    def exchange(self, x, y, twice):
        if x == y:
            return
        bundle = bundle_of(self.stores[x], self.ins)
        import_bundle(self.stores[y], bundle)
        if twice:  # the same bundle again changes nothing
            before = content(self.stores[y], self.ins)
            again = import_bundle(self.stores[y], bundle)
            assert again.nothing, again
            assert differences(before, content(self.stores[y], self.ins)) == []

    @rule(x=replica, y=replica)
    def both_ways(self, x, y):
        """A←B then B←A: the two hold the same rows (but the audit line each import wrote)."""
        if x == y:
            return
        send(self.stores[x], self.stores[y], self.ins)
        send(self.stores[y], self.stores[x], self.ins)
        one, other = (without_audit(content(self.stores[i], self.ins)) for i in (x, y))
        assert differences(one, other) == []

    # --- after every step -----------------------------------------------------------

    @invariant()
    def sound(self):
        for store in self.stores:
            assert checked(store) == []

    @invariant()
    def no_text_lost(self):
        held = {pair for store in self.stores for pair in self._texts(store)}
        missing = {(i, t) for i, t in self.written - held if i not in self.erased}
        assert not missing, sorted(missing)[:3]

    # --- at the end -----------------------------------------------------------------

    def teardown(self):
        try:
            if hasattr(self, "stores"):
                self._any_order()
                self._converge()
        finally:
            for store in getattr(self, "stores", []):
                store.close()
            if hasattr(self, "shelf"):
                self.shelf.clear()

    def _fresh(self, name: str):
        return laptop(self.shelf.copy(self.empty, name), FRESH)

    def _any_order(self):
        """The three bundles into a new store: any order, or two merged first, same rows."""
        bundles = [bundle_of(s, self.ins) for s in self.stores]
        made = []
        for name, order in (("abc", (0, 1, 2)), ("cab", (2, 0, 1))):
            fresh = self._fresh(name)
            for i in order:
                import_bundle(fresh, bundles[i])
            made.append(fresh)
        pair = self._fresh("bc")
        for i in (1, 2):
            import_bundle(pair, bundles[i])
        grouped = self._fresh("a_bc")
        import_bundle(grouped, bundles[0])
        import_bundle(grouped, bundle_of(pair, self.ins))
        made += [grouped]
        first, *others = (without_pseudonyms(content(s, self.ins, leave_out=FRESH[0]))
                          for s in made)
        for other in others:
            assert differences(first, other) == []
        for store in (*made, pair):
            store.close()

    def _converge(self):
        """Everyone with everyone, round after round, until a round brings nothing."""
        told = 0  # the last round in which an import told of something (not bookkeeping)
        for rounds in range(1, MAX_ROUNDS + 2):
            before = [content(s, self.ins) for s in self.stores]
            for x in range(3):
                for y in range(3):
                    if x != y and not send(self.stores[x], self.stores[y], self.ins).nothing:
                        told = rounds
            if all(differences(b, content(s, self.ins)) == []
                   for b, s in zip(before, self.stores)):
                break
        ROUNDS_SEEN.append((rounds - 1, told))
        assert rounds <= MAX_ROUNDS, f"still changing after {MAX_ROUNDS} rounds"
        rows = [content(s, self.ins) for s in self.stores]
        assert differences(rows[0], rows[1]) == [] and differences(rows[0], rows[2]) == []
        listed = [conflicts.open_conflicts(s, self.ins) for s in self.stores]
        assert listed[1] == listed[0] and listed[2] == listed[0]
        scratch = self._fresh("scratch")
        send(self.stores[0], scratch, self.ins)
        for store in (*self.stores, scratch):
            store.close()
        shown = [seen(target) for target in self.targets]
        assert shown[1] == shown[0] and shown[2] == shown[0]
        searches = [args for args in shown[0] if args[0] == "search"]
        built = seen(self.shelf.folder / "scratch.db", searches)
        assert [built[a] for a in searches] == [shown[0][a] for a in searches]


def test_three_laptops_converge_with_nothing_lost(templates, engine):
    Laptops.made = templates(engine)
    ROUNDS_SEEN.clear()
    run_state_machine_as_test(Laptops, settings=settings(
        max_examples=EXAMPLES[engine], stateful_step_count=15, deadline=None,
        suppress_health_check=list(HealthCheck)))
    rounds = [n for n, _ in ROUNDS_SEEN]
    told = [n for _, n in ROUNDS_SEEN]
    print(f"histories tried: {len(ROUNDS_SEEN)}; rounds that changed a store (then one that "
          f"changed nothing): {_counted(rounds)}; the last that brought news: {_counted(told)}")


def _counted(values: list[int]) -> dict[int, int]:
    return {n: values.count(n) for n in sorted(set(values))}
