"""Everything this store knows about one inspection, table by table, for a bundle.

    bundle_rows(store, inspection_id) -> tuple[TableRows, ...]   in foreign-key order
    manifest_of(store, inspection_id, tables) -> Manifest        origin, schema, high water
    stream(store, inspection_id) -> Rows      the same as payload lines, never all at once:
        Rows.lines() yields them; Rows.manifest() after the last (what an export uses)

`SHIPPED` says which rows of each table belong to the inspection; a new table is one line
there (or in `NEVER_SHIPPED`, with why): tests/store/test_bundle_rows.py fails on a table
that is in neither, and on a table listed before a table it refers to. Rows go as SQLite holds
them (stamps, tombstones and erasure rows included): plain SQL, no ORM objects, in one read
transaction (one moment of the store), a table's rows in the order SQLite keeps them (rowid).
Each row comes with its field clocks, made into JSON by SQLite in the same query (a million
clocks for 50,000 entries: most of an export's time is reading them).

On a server (PostgreSQL) the same lines come another way (`_ServerRead`): one REPEATABLE READ
transaction through SQLAlchemy, rows in primary-key order, the clocks of a chunk of rows
read in one query and made into JSON here, and each value as SQLite holds it (`as_shipped`:
booleans 0/1, dates and instants as SQLite's text), so a server's bundle holds what a
laptop's would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import SQLModel

from sendtui.domain.clock import utc_now
from sendtui.records import bundle_lines as lines
from sendtui.records.bundle import Manifest, TableRows
from sendtui.store import models as m  # noqa: F401 - the tables, in SQLModel.metadata
from sendtui.store.repo import Store

OWN = "inspection_id = :ins"


def via(parent: str, column: str) -> str:
    """Rows tied to the inspection through a parent row of `parent`."""
    return f"{column} IN (SELECT id FROM {parent} WHERE inspection_id = :ins)"


@dataclass(frozen=True)
class Part:
    table: str
    where: str | None = OWN  # None: every row (a table of the whole store)
    leave_out: tuple[str, ...] = ()  # columns that are this laptop's own business


SHIPPED = (  # foreign-key order: a table comes after every table it refers to
    Part("device", None),
    Part("inspection", "id = :ins", leave_out=("last_opened_at",)),
    Part("key_date"),
    Part("setting"),
    Part("postcode_point"),
    Part("person"),
    Part("availability", via("person", "person_id")),
    Part("event"),
    Part("event_person", via("event", "event_id")),
    Part("line_of_enquiry"),
    Part("protected_name"),
    Part("weakness"),
    Part("tracked_child"),
    Part("info_request"),
    Part("evidence", leave_out=("text_plain",)),  # the search spelling: made again on arrival
    Part("evidence_version", via("evidence", "evidence_id")),
    Part("finding"),
    Part("finding_evidence"),
    Part("action"),
    Part("plan_version"),
    Part("report_back"),
    Part("erasure"),
    Part("audit"),
    Part("alias"),
)


def _clocks_of(parts: tuple[Part, ...]) -> str:
    """The field clocks of every row shipped (of the tables that stamp their rows)."""
    return " OR ".join(
        f"(table_name = '{p.table}' AND row_id IN (SELECT id FROM {p.table} WHERE {p.where}))"
        for p in parts if p.where is not None and "hlc" in SQLModel.metadata.tables[p.table].c)


# not read as a table: each clocked row's clocks come with it (`_clocked`), and a reader makes
# the table again from them (records.bundle_lines)
SHIPPED += (Part("field_clock", _clocks_of(SHIPPED)),)
CHUNK = 2000  # rows per line
_CLOCKS_OF_T = "FROM field_clock AS c WHERE c.table_name = '{table}' AND c.row_id = t.id"
CLOCKS = ("(SELECT json_group_array(CASE WHEN c.hlc = t.hlc AND c.device_id = t.updated_by "
          "THEN c.field ELSE json_array(c.field, c.hlc, c.device_id) END) "
          + _CLOCKS_OF_T + ")")  # as records.bundle_lines says: a row's own clock is its field
COUNTED = "(SELECT count(*) " + _CLOCKS_OF_T + ")"  # the index alone: no row is read
NEVER_SHIPPED = {
    "change": "the undo log: each laptop undoes only its own actions",
    "evidence_draft": "what is being typed on this laptop",
    "store_info": "this file's own facts",
    "alembic_version": "the schema revision goes in the manifest",
    "evidence_fts": "the search index, rebuilt from evidence by its triggers",
}


def bundle_rows(store: Store, inspection_id: str) -> tuple[TableRows, ...]:
    """Every shipped table's rows of the inspection, in `SHIPPED` order (the same store gives
    the same rows in the same order), field_clock last: what a reader of its bundle gets."""
    reader = lines.Reader()
    for line in stream(store, inspection_id).lines():
        reader.feed(line)
    return tuple(TableRows(*t) for t in reader.tables())


def manifest_of(store: Store, inspection_id: str, tables: tuple[TableRows, ...]) -> Manifest:
    """The manifest's facts; its counts and sha256 are filled in when the bundle is encoded."""
    with store.engine.connect() as conn:
        schema = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return _manifest(store, inspection_id, schema, high_water(tables))


def _manifest(store: Store, inspection_id: str, schema: str | None, marks: dict[str, str],
              counts: dict[str, int] | None = None) -> Manifest:
    """This laptop's manifest of the inspection (the sha256 is the writer's to fill in)."""
    return Manifest(schema=schema or "", origin=store.device_id, inspection_id=inspection_id,
                    high_water=dict(sorted(marks.items())), created_at=utc_now().isoformat(),
                    counts=counts or {}, origin_name=store.device_name)


def high_water(tables: tuple[TableRows, ...]) -> dict[str, str]:
    """Per device (`updated_by`), the highest hybrid clock stamp among its rows."""
    marks: dict[str, str] = {}
    for table in tables:
        if "hlc" in table.columns and "updated_by" in table.columns:
            _mark(marks, table.rows, table.columns.index("updated_by"),
                  table.columns.index("hlc"))
    return dict(sorted(marks.items()))


def _mark(marks: dict[str, str], rows, by: int, hlc: int) -> None:
    for row in rows:
        device, stamp = row[by], row[hlc]
        if device and stamp and stamp > marks.get(device, ""):
            marks[device] = stamp


class Rows:
    """An inspection's payload lines, read as they are asked for: `lines()` once, then
    `manifest()` (counts and high water of what was read; the sha256 is the writer's)."""

    def __init__(self, store: Store, inspection_id: str) -> None:
        self.store, self.inspection_id = store, inspection_id
        self.counts: dict[str, int] = {}
        self.marks: dict[str, str] = {}
        self.schema = ""

    def lines(self) -> Iterator[bytes]:
        yield lines.head_line((p.table, _columns(p)) for p in SHIPPED)
        if self.store.engine.dialect.name != "sqlite":
            yield from _ServerRead(self).lines()
            return
        with self.store.engine.connect() as conn:
            raw = conn.connection.driver_connection
            began = not raw.in_transaction
            if began:
                raw.execute("BEGIN")  # every table from the same moment
            try:
                self.schema = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
                for part in SHIPPED[:-1]:
                    yield from self._table(raw, part)
            finally:
                if began:
                    raw.execute("ROLLBACK")

    def manifest(self) -> Manifest:
        return _manifest(self.store, self.inspection_id, self.schema, self.marks,
                         {p.table: self.counts.get(p.table, 0) for p in SHIPPED})

    def _table(self, raw, part: Part) -> Iterator[bytes]:
        columns = _columns(part)
        clocked = _clocked(part)
        sql = f"SELECT {', '.join('t.' + _quoted(c) for c in columns)}"
        if clocked:
            sql += f", {CLOCKS.format(table=part.table)}, {COUNTED.format(table=part.table)}"
        sql += f" FROM {_quoted(part.table)} AS t"
        if part.where is not None:
            sql += f" WHERE {part.where}"
        cursor = raw.execute(f"{sql} ORDER BY t.rowid", {"ins": self.inspection_id})
        count = clocks = 0
        while rows := cursor.fetchmany(CHUNK):
            count += len(rows)
            if not clocked:
                yield lines.rows_line(part.table, rows)
                continue
            stamps = [r[-2] for r in rows]
            clocks += sum(r[-1] for r in rows)
            rows = [r[:-2] for r in rows]
            _mark(self.marks, rows, columns.index("updated_by"), columns.index("hlc"))
            yield lines.rows_line(part.table, rows, stamps)
        self._counted(part, count, clocks)

    def _counted(self, part: Part, rows: int, clocks: int) -> None:
        self.counts[part.table] = rows
        if _clocked(part):
            self.counts[lines.CLOCKS] = self.counts.get(lines.CLOCKS, 0) + clocks


class _ServerRead:
    """`Rows.lines()` on a server: see the module's docstring."""

    def __init__(self, rows: Rows) -> None:
        self.rows = rows

    def lines(self) -> Iterator[bytes]:
        with self.rows.store.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():  # every table from the same moment; nothing is written
                self.rows.schema = conn.exec_driver_sql(
                    "SELECT version_num FROM alembic_version").scalar()
                for part in SHIPPED[:-1]:
                    yield from self._table(conn, part)

    def _table(self, conn, part: Part) -> Iterator[bytes]:
        columns = _columns(part)
        keys = SQLModel.metadata.tables[part.table].primary_key.columns
        sql = (f"SELECT {', '.join('t.' + _quoted(c) for c in columns)} "
               f"FROM {_quoted(part.table)} AS t")
        if part.where is not None:
            sql += f" WHERE {part.where}"
        sql += f" ORDER BY {', '.join('t.' + _quoted(k.name) for k in keys)}"
        result = conn.execution_options(stream_results=True, max_row_buffer=CHUNK).execute(
            text(sql), {"ins": self.rows.inspection_id} if part.where else {})
        count = clocks = 0
        while found := result.fetchmany(CHUNK):
            rows = [tuple(as_shipped(v) for v in row) for row in found]
            count += len(rows)
            if not _clocked(part):
                yield lines.rows_line(part.table, rows)
                continue
            own = (columns.index("hlc"), columns.index("updated_by"))
            held = _clocks_by_row(conn, part.table, [r[columns.index("id")] for r in rows])
            stamps = [lines.clocks_text(r, own, held.get(r[columns.index("id")], []))
                      for r in rows]
            clocks += sum(len(held.get(r[columns.index("id")], [])) for r in rows)
            _mark(self.rows.marks, rows, own[1], own[0])
            yield lines.rows_line(part.table, rows, stamps)
        self.rows._counted(part, count, clocks)


def _clocks_by_row(conn, table: str, ids: list[str]) -> dict[str, list[tuple]]:
    """row id -> its field clocks [(field, hlc, device_id), …] in field order (as SQLite's
    index gives them: byte order, hence COLLATE "C")."""
    found: dict[str, list[tuple]] = {}
    for row_id, field, stamp, device in conn.execute(text(
            'SELECT row_id, field, hlc, device_id FROM field_clock WHERE table_name = :t '
            'AND row_id = ANY(:ids) ORDER BY row_id, field COLLATE "C"'),
            {"t": table, "ids": ids}):
        found.setdefault(row_id, []).append((field, stamp, device))
    return found


def as_shipped(value):
    """A value as SQLite holds it (what a bundle carries): booleans 0/1, dates and instants
    as text (a server gives them as Python objects)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def stream(store: Store, inspection_id: str) -> Rows:
    return Rows(store, inspection_id)


def _columns(part: Part) -> tuple[str, ...]:
    if part.table == lines.CLOCKS:
        return lines.CLOCK_COLUMNS
    table = SQLModel.metadata.tables[part.table]
    return tuple(c.name for c in table.columns if c.name not in part.leave_out)


def _clocked(part: Part) -> bool:
    return part.where is not None and "hlc" in SQLModel.metadata.tables[part.table].c


def _quoted(name: str) -> str:
    return f'"{name}"'
