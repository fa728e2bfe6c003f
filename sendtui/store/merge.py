"""A bundle from another laptop merged into this store: `import_bundle(store, bundle)`.

In one transaction (foreign keys checked at its end): the bundle's tables in their order,
each row field by field by the fields' clocks (`merge_rows`); then the natural keys, the
aliases, the erasures that arrived, the evidence texts that lost (kept as versions, on the
conflicts list) and the SEQUENCE of the events that changed (`merge_fixes`). Rows erased
here never come back. Importing the same bundle again changes nothing; `preview=True` works
it all out and keeps nothing (what the Exchange screen shows before asking).
"""

from __future__ import annotations

import time
from contextlib import contextmanager

from sqlmodel import Session, SQLModel, select

from sendtui.domain import hlc
from sendtui.errors import BadFile, InvalidInput
from sendtui.records.bundle import Bundle, TableRows
from sendtui.store import field_clocks
from sendtui.store import merge_fixes as fixes
from sendtui.store import models as m
from sendtui.store.aliases import UNLINKED
from sendtui.store.bundle_rows import SHIPPED
from sendtui.store.engines import mark
from sendtui.store import exchanged
from sendtui.store.erasure_merge import erase_arrived
from sendtui.store.merge_report import Arrived, said
from sendtui.store.merge_rows import Merged, for_store, incoming_clocks, merge_table, take_row
from sendtui.store.repo import Store

KEYED = {"postcode_point", "alias"}  # no `id`: a row arrives once, then stays as it is
PLAIN = {str, int, float, bool, type(None)}
MANY = 2_000  # new entries from which the search index is rebuilt once
YEAR_MS = 366 * 24 * 3600 * 1000


class _Preview(Exception):
    def __init__(self, arrived: Arrived):
        self.arrived = arrived


def import_bundle(store: Store, bundle: Bundle, preview: bool = False) -> Arrived:
    """Merge `bundle` into the store (see the module's docstring); what arrived. A bundle
    merged before (`exchanged.merged`, its rows not even read) brings nothing: every field it
    holds is here already, with that clock or a later one."""
    if not bundle.read or bundle.manifest.sha256 in exchanged.merged(store):
        with store.session() as s:
            arrived = Arrived(exchanged.origin(s, bundle.manifest))
            if not preview:
                _remember(store, s, bundle, arrived)
        return arrived
    highest = _check(store, bundle)
    try:
        with store.session() as s:
            arrived = _merge(store, s, bundle, highest)
            if preview:
                raise _Preview(arrived)
            _remember(store, s, bundle, arrived)
    except _Preview as shown:
        return shown.arrived
    if arrived.erased:
        from sendtui.store.compaction import compact

        compact(store)
    return arrived


def _check(store: Store, bundle: Bundle) -> str:
    """BadFile/InvalidInput for a bundle that must not be merged; its highest clock stamp."""
    ins_id = bundle.manifest.inspection_id
    shipped = {part.table for part in SHIPPED}
    if any(t.name not in shipped for t in bundle.tables):
        raise BadFile("the bundle holds a table this sendtui does not take: nothing was "
                      "imported")
    for table in bundle.tables:
        _only_this_inspection(table, ins_id)
    with store.session() as s:
        if s.exec(select(m.Erasure.id).where(m.Erasure.table_name == "inspection",
                                             m.Erasure.row_id == ins_id)).first():
            raise InvalidInput("that inspection was erased for good on this laptop: "
                               "nothing was imported")
    clocks = bundle.table("field_clock")
    at = clocks.columns.index("hlc") if clocks is not None else 0
    highest = max((row[at] for row in clocks.rows), default="") if clocks is not None else ""
    try:
        too_late = bool(highest) and hlc.parse(highest).time > time.time() * 1000 + YEAR_MS
    except ValueError:
        raise BadFile("the bundle is damaged: a clock stamp cannot be read") from None
    if too_late:
        raise BadFile("the bundle's changes are dated more than a year ahead: its laptop's "
                      "clock is wrong; nothing was imported")
    return highest


def _only_this_inspection(table: TableRows, ins_id: str) -> None:
    """Every row of the bundle's inspection, each value a plain one (text, number, null)."""
    own = table.columns.index("inspection_id") if "inspection_id" in table.columns else None
    if table.name == "inspection":
        own = table.columns.index("id")
    if own is not None and {row[own] for row in table.rows} - {ins_id}:
        raise BadFile("the bundle holds rows of another inspection: nothing was imported")
    if {type(v) for row in table.rows for v in row} - PLAIN:
        raise BadFile("the bundle is damaged: a value cannot be read")


def _merge(store: Store, s: Session, bundle: Bundle, highest: str) -> Arrived:
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        # pysqlite would run the indexes' DROP/CREATE outside any transaction (it begins one
        # only before a write): begun here, a preview or a failure leaves the file as it was
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    # a server: a plain transaction; keys not DEFERRABLE, kept by SHIPPED's order (parents first)
    ins_id = bundle.manifest.inspection_id
    clocks = incoming_clocks(bundle.table("field_clock"))
    if highest:
        store.clock.receive(highest)
    erased_before = _erased(s)
    versions_here = set(s.exec(select(m.EvidenceVersion.id)).all())
    arriving = _erasures_in(bundle)
    erased = erased_before | arriving
    keys = fixes.live_keys([t.name for t in bundle.tables if t.name in SQLModel.metadata.tables])
    fixes.drop_live_keys(conn, keys)
    done = Merged()
    with _search_index_after(conn, bundle):
        for table in bundle.tables:
            if table.name in KEYED:
                _add_missing(conn, table, done)
            elif table.name != "field_clock":
                merge_table(conn, table, clocks, _arrival(
                    s, table.name, erased, erased_before, arriving & erased_before), done)
    _name_origin(conn, bundle)
    s.expire_all()  # the rows changed under the session
    arrived = Arrived(exchanged.origin(s, bundle.manifest), done.new, done.changed, done.removed)
    fixes.settle_aliases(store, s, ins_id)
    fixes.restore_live_keys(store, s, ins_id, keys, arrived.notices)
    for table, row_id in sorted(arriving - erased_before):
        arrived.erased += erase_arrived(store, s, table, row_id)
        if bundle.table(table) is not None:
            field_clocks.write(s)  # then the row as the bundle's laptop erased it, whoever
            # came first: its values and clocks
            take_row(conn, bundle.table(table), row_id, clocks)
            s.expire_all()
    arrived.conflicts = fixes.keep_lost_texts(store, s, done.lost_texts, versions_here,
                                              _ids(bundle.table("evidence_version")),
                                              exchanged.laptops(s))
    fixes.bump_sequences(store, s, done.moved_events)
    return arrived


@contextmanager
def _search_index_after(conn, bundle: Bundle):
    """Many new entries (a first import): the search index and the entries' and events'
    other indexes are built once at the end, not row by row (50,000 entries: 0.3 s instead
    of 3 s for the search). The triggers and indexes are taken from the store itself and put
    back as they were, in the same transaction."""
    entries = bundle.table("evidence")
    here = conn.exec_driver_sql(
        "SELECT count(*) FROM evidence WHERE inspection_id = ?",
        (bundle.manifest.inspection_id,)).scalar() if conn.dialect.name == "sqlite" else 0
    if conn.dialect.name != "sqlite" or entries is None or len(entries.rows) - here < MANY:
        yield
        return
    held = conn.exec_driver_sql(  # the search triggers, and the indexes that are no key
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN "
        "('evidence', 'evidence_version', 'event') AND (type = 'trigger' AND name LIKE "
        "'evidence_fts_%' OR type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%')").all()
    for kind, name, _ in held:
        conn.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    yield
    conn.exec_driver_sql("INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')")
    for _, _, sql in held:
        conn.exec_driver_sql(sql)


def _arrival(s: Session, name: str, erased: set, erased_here: set, both: set):
    """How a row of `name` arrives: None for a row erased (but one erased on both laptops,
    merged like any), or erased here (an erasure the bundle holds twice, under another id);
    a reference to an erased row is let go of
    (a nullable one) or the row does not arrive."""
    if not erased:
        return lambda row: row  # nothing erased anywhere: every row arrives as it is
    links = _links(name)

    def arrive(row: dict) -> dict | None:
        if (name, row["id"]) in erased and (name, row["id"]) not in both:
            return None
        if name == "erasure" and (row.get("table_name"), row.get("row_id")) in erased_here and \
                s.get(m.Erasure, row["id"]) is None:
            return None
        for column, parent, nullable in links:
            if row.get(column) is not None and (parent, row[column]) in erased:
                if not nullable:
                    return None
                row = {**row, column: None}
        return row
    return arrive


def _links(name: str) -> list[tuple[str, str, bool]]:
    table = SQLModel.metadata.tables[name]
    found = [(c.name, key.column.table.name, c.nullable) for c in table.columns
             for key in c.foreign_keys]
    for parent, unlinked in UNLINKED.items():
        found += [(column, parent, True) for model, column in unlinked
                  if model.__tablename__ == name]
    return found


def _ids(table: TableRows | None) -> set[str]:
    if table is None:
        return set()
    at = table.columns.index("id")
    return {row[at] for row in table.rows}


def _erased(s: Session) -> set[tuple[str, str]]:
    return set(s.exec(select(m.Erasure.table_name, m.Erasure.row_id)).all())


def _erasures_in(bundle: Bundle) -> set[tuple[str, str]]:
    table = bundle.table("erasure")
    if table is None:
        return set()
    name, row = table.columns.index("table_name"), table.columns.index("row_id")
    return {(r[name], r[row]) for r in table.rows}


def _add_missing(conn, table: TableRows, done: Merged) -> None:
    """Rows of a table without an id (postcode points, aliases): added when missing."""
    keys = [c.name for c in SQLModel.metadata.tables[table.name].primary_key.columns]
    columns = [c for c in table.columns if c in SQLModel.metadata.tables[table.name].c]
    at = [table.columns.index(c) for c in columns]
    stored = for_store(conn, table.name)
    sql = (f'INSERT INTO "{table.name}" ({", ".join(columns)}) VALUES '
           f'({", ".join(mark(conn) for _ in columns)}) ON CONFLICT ({", ".join(keys)}) '
           f'DO NOTHING')
    for raw in table.rows:
        row = stored(dict(zip(columns, (raw[i] for i in at))))
        if conn.exec_driver_sql(sql, row).rowcount:
            done.new[table.name] += 1


def _name_origin(conn, bundle: Bundle) -> None:
    """The laptop that made the bundle is known here by the name it gives itself."""
    name = bundle.manifest.origin_name
    if name:
        conn.exec_driver_sql(f"INSERT INTO device (id, name) VALUES ({mark(conn)}, "
                             f"{mark(conn)}) ON CONFLICT (id) DO UPDATE SET name = "
                             f"excluded.name",
                             (bundle.manifest.origin, name))


def _remember(store: Store, s: Session, bundle: Bundle, arrived: Arrived) -> None:
    """When this store last took a bundle from that laptop; the audit log when it changed
    anything."""
    exchanged.remember(s, bundle.manifest.origin, bundle.manifest.sha256)
    if not arrived.nothing:
        store.insert(s, None, m.AuditEntry(
            inspection_id=bundle.manifest.inspection_id, action="bundle imported",
            detail=f"from {arrived.origin}: {said(arrived)}"))
