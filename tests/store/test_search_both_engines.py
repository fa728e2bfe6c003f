"""Evidence search and the Evidence screen's facets give a user the same answers on SQLite
and on PostgreSQL: the same entries, the clear best match first, the same snippets (words,
marks and …), the same redaction, "lukasz" finding Łukasz, the same filters and counts per
day. Only the scores differ (bm25 and ts_rank), so only clear cases are compared in order."""

from __future__ import annotations

import json

import pytest

from sendtui.demo import add_demo
from sendtui.domain.redaction import CASE_REF, Protected, Redactor
from sendtui.records import EvidenceRow
from sendtui.store import evidence, evidence_browse, evidence_days, inspections
from sendtui.store.evidence_browse import Filter
from sendtui.store.repo import Store
from tests.pg_fixtures import TEMPLATE


NAMES = [("Łukasz Nowak", "lukasz"), ("Siân Evans", "sian"), ("Straße", "strasse"),
         ("Zoë Ward", "zoe"), ("Øyvind Berg", "oyvind")]
CLEAR = ("Respite was cancelled; respite hours cut again; families said respite is "
         "the one help that works.")
SEARCHES = ["camhs", "transit*", '"health advice"', "health advice", "plan*", "CYP-4217",
            "the", "respite", "waiting", "annual review*", "sian", "lukasz", "strasse",
            "zoe", "oyvind", "Łukasz", "Siân", "child's", "co-production", "post-16*"]


def _fill(store: Store) -> str:
    add_demo(store, "2016")
    ins = inspections.find(store).id
    at = evidence.all(store, ins)[0].at
    texts = [f"Spoke with {name} about the EHC plan." for name, _ in NAMES]
    texts += [CLEAR, "One respite evening a month.",
              "Seen with CYP-4217 at the annual review.", "CYP-0815 waited 4217 days, said Dad.",
              "The child's co-production log for post-16 transfers was kept."]
    rows = [EvidenceRow(at, "A1", "visit", t, None, "CR-7731" if "respite" in t else None,
                        None, "") for t in texts]
    evidence.add(store, ins, rows)
    return ins


@pytest.fixture(scope="module")
def targets(pg_server, tmp_path_factory) -> dict[str, str]:
    """Where the two stores are, as `--db` takes them (a database of the suite's server)."""
    name = pg_server.create(TEMPLATE)
    yield {"sqlite": str(tmp_path_factory.mktemp("lite") / "s.db"),
           "postgresql": pg_server.server.url(name)}
    pg_server.drop(name)


@pytest.fixture(scope="module")
def both(targets):
    """The same inspection in a SQLite file and a PostgreSQL database: {engine: (store, id)}."""
    stores = {engine: Store.open(target) for engine, target in targets.items()}
    found = {engine: (store, _fill(store)) for engine, store in stores.items()}
    yield found
    for store in stores.values():
        store.close()


def _seen(both, query: str, limit: int = 1000):
    """What a user sees on each engine: (text, snippet) of each hit, best first."""
    return {engine: [(h.entry.text, h.snippet) for h in evidence.search(store, ins, query,
                                                                        limit)]
            for engine, (store, ins) in both.items()}


@pytest.mark.parametrize("query", SEARCHES)
def test_the_same_entries_are_found_with_the_same_snippets(both, query):
    seen = _seen(both, query)
    lite, pg = seen["sqlite"], seen["postgresql"]
    assert lite, f"{query} finds nothing: the comparison would prove nothing"
    assert sorted(lite) == sorted(pg)  # each entry's snippet: the same words, marks and …


@pytest.mark.parametrize("name,typed", NAMES)
def test_a_name_is_found_typed_plainly_on_both(both, name, typed):
    for hits in _seen(both, typed).values():
        assert [t for t, _ in hits] == [f"Spoke with {name} about the EHC plan."]


def test_the_clear_best_match_comes_first_on_both(both):
    for hits in _seen(both, "respite").values():
        assert [t for t, _ in hits][:2] == [CLEAR, "One respite evening a month."]


def test_case_references_are_neither_found_nor_shown_and_names_are_redacted(both):
    redact = Redactor([Protected("Siân Evans", "CYP-02")], ["CR-7731"]).redact
    for engine, (store, ins) in both.items():
        assert evidence.search(store, ins, "CR-7731") == [], engine
        (hit,) = evidence.search(store, ins, "sian")
        assert evidence.snippet_shown(redact, hit.snippet) == (
            "Spoke with CYP-02 about the EHC plan."), engine
        assert CASE_REF not in evidence.snippet_shown(redact, hit.snippet)


def test_snippets_are_cut_with_an_ellipsis_on_both(both):
    for engine, hits in _seen(both, "waiting").items():
        long = [s for t, s in hits if len(t.split()) > 20]
        assert long and all("…" in s for s in long), engine


def test_the_first_page_says_whether_it_ranked_every_match_on_both(both):
    for engine, (store, ins) in both.items():
        every = evidence.search(store, ins, "plan*", limit=1000)
        some, whole = evidence.first_page(store, ins, "plan*", 1000, among=3)
        assert not whole and len(some) == 3, engine
        assert [h.score for h in some] == sorted(h.score for h in some)
        assert evidence.first_page(store, ins, "plan*", 1000, among=len(every))[1]


def test_the_filters_and_the_counts_per_day_are_the_same(both):
    seen = {}
    for engine, (store, ins) in both.items():
        evidence.remove(store, ins, evidence.all(store, ins)[-1].id)  # the oldest: one less
        facets = evidence_browse.facets(store, ins)
        days = evidence_days.per_day(store, ins)
        counts = [evidence_browse.count(store, ins, Filter(day=d)) for d in facets.days]
        judged = [evidence_browse.count(store, ins, Filter(judgement=j))
                  for j in facets.judgements]
        settings = [name for _, name in facets.settings]
        seen[engine] = (facets.lines, facets.sources, settings, facets.judgements,
                        facets.days, days, counts, judged)
        assert counts == list(days.values())
    assert seen["sqlite"] == seen["postgresql"]


def test_the_search_command_prints_the_same_on_both(both, targets):
    from sendtui.store import names
    from tests.cli.test_cli import ok, run

    printed = {}
    for engine, (store, ins) in both.items():
        names.add(store, ins, "Siân Evans", "CYP-02")
        found = json.loads(ok(run("search", "spoke sian", "--format", "json",
                                  db=targets[engine])))
        printed[engine] = sorted((f["at"], f["line"], f["snippet"], f["text"]) for f in found)
    assert printed["sqlite"] == printed["postgresql"]
    assert "Spoke with CYP-02 about the EHC plan." in {s for _, _, s, _ in printed["sqlite"]}


def _alembic(conn, action: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from sendtui.store.migrate import migrations_folder

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_folder()))
    cfg.attributes["connection"] = conn
    getattr(command, action)(cfg, revision)


def test_migration_0022_adds_the_search_column_on_postgresql_and_nothing_on_sqlite(
        pg_blank, tmp_path):
    import sqlalchemy as sa

    url = pg_blank
    lite = f"sqlite:///{tmp_path / 'm.db'}"
    for engine in (sa.create_engine(url), sa.create_engine(lite)):
        with engine.begin() as conn:
            _alembic(conn, "upgrade", "0021")
            before = sa.inspect(conn).get_columns("evidence")
            _alembic(conn, "upgrade", "0022")
            after = {c["name"] for c in sa.inspect(conn).get_columns("evidence")}
            indexes = {i["name"] for i in sa.inspect(conn).get_indexes("evidence")}
            _alembic(conn, "downgrade", "0021")
            again = sa.inspect(conn).get_columns("evidence")
        added = after - {c["name"] for c in before}
        if engine.dialect.name == "postgresql":
            assert added == {"search"} and "ix_evidence_search" in indexes
        else:
            assert added == set() and "ix_evidence_search" not in indexes
        assert [c["name"] for c in again] == [c["name"] for c in before]
        engine.dispose()
