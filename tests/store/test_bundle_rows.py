"""What a bundle takes from the store: every row of the inspection, table by table, parents
first, tombstones and stamps included; never the undo log, drafts or this file's own facts."""

from __future__ import annotations

import sqlite3

from sqlmodel import SQLModel

from sendtui.store.bundle_rows import NEVER_SHIPPED, SHIPPED, bundle_rows, manifest_of
from sendtui.store.revisions import head_revision
from tests.store.bundled import SECRET, tiny_store


def test_every_table_of_the_store_is_shipped_or_says_why_not(store, db_path):
    tiny_store(store)
    with sqlite3.connect(db_path) as conn:
        tables = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    derived = {t for t in tables if t.startswith("evidence_fts_")}  # the FTS index's own
    assert tables - derived == {p.table for p in SHIPPED} | set(NEVER_SHIPPED)


def test_tables_come_after_the_tables_they_refer_to():
    seen: set[str] = set()
    for part in SHIPPED:
        parents = {fk.column.table.name for fk in SQLModel.metadata.tables[part.table]
                   .foreign_keys} - {part.table}
        assert parents <= seen, f"{part.table} comes before {parents - seen}"
        seen.add(part.table)


def test_the_rows_are_the_inspections_own_with_their_tombstones_and_stamps(store):
    ins_id = tiny_store(store)
    tables = {t.name: t for t in bundle_rows(store, ins_id)}
    assert [t.name for t in bundle_rows(store, ins_id)] == [p.table for p in SHIPPED]
    people = tables["person"]
    assert [r[people.columns.index("name")] for r in people.rows] == ["Ada Okafor"]
    entries = tables["evidence"]
    deleted = [r[entries.columns.index("deleted_at")] for r in entries.rows]
    assert len(deleted) == 2 and sum(d is not None for d in deleted) == 1
    assert len(tables["evidence_version"].rows) == 3  # two first versions and one edit
    for column in ("updated_at", "updated_by", "hlc"):
        assert all(r[entries.columns.index(column)] for r in entries.rows)
    assert "last_opened_at" not in tables["inspection"].columns
    assert [r[0] for r in tables["inspection"].rows] == [ins_id]


def test_drafts_and_the_undo_log_never_go(store):
    ins_id = tiny_store(store)
    names = {t.name for t in bundle_rows(store, ins_id)}
    assert not names & {"change", "evidence_draft", "store_info"}
    texts = [v for t in bundle_rows(store, ins_id) for r in t.rows for v in r
             if isinstance(v, str)]
    assert not any(v.startswith("a draft") for v in texts) and SECRET in texts


def test_the_same_store_gives_the_same_rows(store):
    ins_id = tiny_store(store)
    assert bundle_rows(store, ins_id) == bundle_rows(store, ins_id)


def test_the_manifest_names_the_schema_the_origin_and_each_devices_high_water(store):
    ins_id = tiny_store(store)
    tables = bundle_rows(store, ins_id)
    facts = manifest_of(store, ins_id, tables)
    assert (facts.schema, facts.origin, facts.inspection_id) == (
        head_revision(), store.device_id, ins_id)
    stamps = [r[t.columns.index("hlc")] for t in tables for r in t.rows if "hlc" in t.columns]
    assert facts.high_water == {store.device_id: max(stamps)}


def test_the_field_clocks_are_the_stores_own_for_the_rows_shipped(store, db_path):
    ins_id = tiny_store(store)
    tables = {t.name: t for t in bundle_rows(store, ins_id)}
    shipped = {(t.name, r[t.columns.index("id")]) for t in tables.values()
               if t.name != "field_clock" and "hlc" in t.columns for r in t.rows}
    with sqlite3.connect(db_path) as conn:
        stored = [r for r in conn.execute("SELECT * FROM field_clock") if r[:2] in shipped]
    clocks = tables["field_clock"]
    assert clocks.columns == ("table_name", "row_id", "field", "hlc", "device_id")
    assert sorted(clocks.rows) == sorted(stored)
    assert len({r[3] for r in clocks.rows if r[0] == "evidence"}) > 1  # an edit: newer text


def test_a_streamed_export_reads_back_as_the_rows(store, tmp_path):
    from sendtui.exports.bundle import write_stream
    from sendtui.importers.bundle import read_bundle
    from sendtui.store.bundle_rows import stream
    from sendtui.store.revisions import all_revisions

    ins_id = tiny_store(store)
    done = write_stream(tmp_path / "b", stream(store, ins_id), "pw")
    back = read_bundle(done.path, "pw", all_revisions())
    tables = bundle_rows(store, ins_id)
    assert back.tables == tables
    assert back.manifest.high_water == manifest_of(store, ins_id, tables).high_water
    assert back.manifest.counts == {t.name: len(t.rows) for t in tables} == done.counts
