"""Evidence per London day (the Lines screen's daily strip, the Evidence day filter), counted
by SQLite in the index: right across the clock changes, deleted entries left out."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import text as sql

from sendtui.domain.dates import local_date
from sendtui.records import EvidenceRow
from sendtui.store import evidence, evidence_browse, evidence_days, inspections, lines
from sendtui.store.evidence_browse import Filter
from sendtui.store.evidence_days import per_day

BOTH_ENGINES = True
SQLITE_ONLY = {
    "test_counts_are_read_from_indexes_not_rows": "reads SQLite's EXPLAIN QUERY PLAN",
}

UTC = dt.timezone.utc


@pytest.fixture
def ins(demo_store):
    return inspections.all(demo_store)[0].id


def add(store, ins_id: str, *instants: dt.datetime) -> list[str]:
    rows = [EvidenceRow(at, "A1", "meeting", f"Seen at {at:%H:%M}", None, None, None, "")
            for at in instants]
    return list(evidence.add(store, ins_id, rows).ids)


def test_the_same_utc_hour_falls_on_other_london_days_across_the_spring_change(demo_store, ins):
    # 23:30 UTC on Sat 28 March 2026 is 23:30 in London (GMT); the clocks go forward that
    # night, so 23:30 UTC on Sun 29 March is 00:30 on Monday 30 March (BST).
    add(demo_store, ins, dt.datetime(2026, 3, 28, 23, 30, tzinfo=UTC),
        dt.datetime(2026, 3, 29, 23, 30, tzinfo=UTC))
    days = per_day(demo_store, ins)
    assert days[dt.date(2026, 3, 28)] == 1
    assert dt.date(2026, 3, 29) not in days
    assert days[dt.date(2026, 3, 30)] == 1


def test_the_autumn_day_of_25_hours_holds_both_ends(demo_store, ins):
    # Sun 25 October 2026 runs from 23:00 UTC on the 24th to 00:00 UTC on the 26th.
    add(demo_store, ins, dt.datetime(2026, 10, 24, 23, 0, tzinfo=UTC),
        dt.datetime(2026, 10, 25, 23, 59, tzinfo=UTC),
        dt.datetime(2026, 10, 24, 22, 59, tzinfo=UTC))
    days = per_day(demo_store, ins)
    assert days[dt.date(2026, 10, 25)] == 2
    assert days[dt.date(2026, 10, 24)] == 1
    assert dt.date(2026, 10, 26) not in days


def test_deleted_entries_are_not_counted(demo_store, ins):
    gone, _ = add(demo_store, ins, dt.datetime(2026, 3, 28, 12, tzinfo=UTC),
                     dt.datetime(2026, 3, 29, 12, tzinfo=UTC))
    lone = add(demo_store, ins, dt.datetime(2026, 3, 29, 13, tzinfo=UTC))[0]
    evidence.remove(demo_store, ins, gone)
    evidence.remove(demo_store, ins, lone)
    days = per_day(demo_store, ins)
    assert dt.date(2026, 3, 28) not in days
    assert days[dt.date(2026, 3, 29)] == 1


def test_the_counts_are_those_of_every_live_entry_read_one_by_one(demo_store, ins):
    add(demo_store, ins, dt.datetime(2026, 3, 29, 23, 30, tzinfo=UTC))
    evidence.remove(demo_store, ins, evidence.all(demo_store, ins)[-1].id)
    one_by_one = Counter(local_date(e.at) for e in evidence.all(demo_store, ins))
    assert per_day(demo_store, ins) == dict(sorted(one_by_one.items()))
    assert list(per_day(demo_store, ins)) == sorted(one_by_one)


def test_the_day_filter_and_its_choices_follow_london_days(demo_store, ins):
    late = add(demo_store, ins, dt.datetime(2026, 3, 29, 23, 30, tzinfo=UTC))[0]
    facets = evidence_browse.facets(demo_store, ins)
    assert dt.date(2026, 3, 30) in facets.days and dt.date(2026, 3, 29) not in facets.days
    monday = evidence_browse.page(demo_store, ins, Filter(day=dt.date(2026, 3, 30)))
    assert [e.id for e in monday] == [late]
    assert evidence_browse.count(demo_store, ins, Filter(day=dt.date(2026, 3, 29))) == 0
    assert evidence_browse.count(demo_store, ins, Filter(day=dt.date(2026, 3, 30))) == 1
    evidence.remove(demo_store, ins, late)
    assert evidence_browse.count(demo_store, ins, Filter(day=dt.date(2026, 3, 30))) == 0


def test_a_day_counted_from_the_index_is_the_day_counted_from_the_rows(demo_store, ins):
    every = evidence.all(demo_store, ins)
    evidence.remove(demo_store, ins, every[0].id)
    for day, n in per_day(demo_store, ins).items():
        assert evidence_browse.count(demo_store, ins, Filter(day=day)) == n
        assert evidence_browse.count(demo_store, ins, Filter(day=day), upto=1000) == n


def plan(store, statement, **params) -> str:
    with store.engine.connect() as conn:
        return " | ".join(row[-1] for row in conn.execute(sql(f"EXPLAIN QUERY PLAN {statement}"),
                                                          params))


def test_counts_are_read_from_indexes_not_rows(demo_store, ins):
    """A million entries count in a fraction of a second only while no row is read."""
    days = plan(demo_store, evidence_days.IN_RANGE.text, inspection=ins, start="a", end="b")
    assert "COVERING INDEX ix_evidence_inspection_at" in days
    gone = plan(demo_store, evidence_days.DELETED_IN_RANGE["sqlite"].text, inspection=ins, start="a",
                end="b")
    assert "ix_evidence_counts" in gone
    first = plan(demo_store, evidence_days.FIRST_FROM.text, inspection=ins, start="a")
    assert "ix_evidence_inspection_at" in first
    from_index = str(evidence_browse.FROM_INDEX.compile(demo_store.engine))
    facets = plan(demo_store, from_index.replace("?", ":inspection"), inspection=ins)
    assert "COVERING INDEX ix_evidence_counts" in facets
    query = lines.counts_query(ins).compile(demo_store.engine,
                                           compile_kwargs={"literal_binds": True})
    by_line = plan(demo_store, str(query))
    assert "COVERING INDEX ix_evidence_counts" in by_line


def test_filter_values_from_the_indexes_first_then_those_read_from_the_rows(demo_store, ins):
    quick, full = (evidence_browse.facets(demo_store, ins, rows) for rows in (False, True))
    assert quick.partial and quick.settings is None and quick.judgements is None
    assert not full.partial and full.settings and full.judgements
    assert (quick.lines, quick.sources, quick.days) == (full.lines, full.sources, full.days)
