"""Everything this store knows about one inspection, table by table, for a bundle.

    bundle_rows(store, inspection_id) -> tuple[TableRows, ...]   in foreign-key order
    manifest_of(store, inspection_id, tables) -> Manifest        origin, schema, high water

`SHIPPED` says which rows of each table belong to the inspection; a new table is one line
there (or in `NEVER_SHIPPED`, with why): tests/store/test_bundle_rows.py fails on a table
that is in neither, and on a table listed before a table it refers to. Rows go as SQLite holds
them (stamps, tombstones and erasure rows included): plain SQL, no ORM objects, so 50,000
evidence entries are read in well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import SQLModel

from sendtui.domain.clock import utc_now
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


SHIPPED += (Part("field_clock", _clocks_of(SHIPPED)),)
NEVER_SHIPPED = {
    "change": "the undo log: each laptop undoes only its own actions",
    "evidence_draft": "what is being typed on this laptop",
    "store_info": "this file's own facts",
    "alembic_version": "the schema revision goes in the manifest",
    "evidence_fts": "the search index, rebuilt from evidence by its triggers",
}


def bundle_rows(store: Store, inspection_id: str) -> tuple[TableRows, ...]:
    """Every shipped table's rows of the inspection, in `SHIPPED` order, each ordered by its
    primary key (the same store gives the same rows in the same order)."""
    with store.engine.connect() as conn:
        return tuple(_read(conn, part, inspection_id) for part in SHIPPED)


def manifest_of(store: Store, inspection_id: str, tables: tuple[TableRows, ...]) -> Manifest:
    """The manifest's facts; its counts and sha256 are filled in when the bundle is encoded."""
    with store.engine.connect() as conn:
        schema = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return Manifest(schema=schema or "", origin=store.device_id, inspection_id=inspection_id,
                    high_water=high_water(tables), created_at=utc_now().isoformat())


def high_water(tables: tuple[TableRows, ...]) -> dict[str, str]:
    """Per device (`updated_by`), the highest hybrid clock stamp among its rows."""
    marks: dict[str, str] = {}
    for table in tables:
        if "hlc" not in table.columns or "updated_by" not in table.columns:
            continue
        by, hlc = table.columns.index("updated_by"), table.columns.index("hlc")
        for row in table.rows:
            device, stamp = row[by], row[hlc]
            if device and stamp and stamp > marks.get(device, ""):
                marks[device] = stamp
    return dict(sorted(marks.items()))


def _read(conn, part: Part, inspection_id: str) -> TableRows:
    table = SQLModel.metadata.tables[part.table]
    columns = tuple(c.name for c in table.columns if c.name not in part.leave_out)
    order = ", ".join(_quoted(c.name) for c in table.primary_key.columns)
    sql = f"SELECT {', '.join(map(_quoted, columns))} FROM {_quoted(part.table)}"
    if part.where is not None:
        sql += f" WHERE {part.where}"
    rows = conn.exec_driver_sql(f"{sql} ORDER BY {order}", {"ins": inspection_id})
    return TableRows(part.table, columns, tuple(rows.cursor.fetchall()))


def _quoted(name: str) -> str:
    return f'"{name}"'
