"""A clock per field: when each field of a row was last written, and by which laptop.

`Store.change` stamps only the fields a write changed (all of them for a new row), each with
the same new clock value, and gives the row that value as its `hlc`: a row's `hlc` is always
the latest of its fields' clocks. A merge compares two stores field by field with these.

The stamps of a transaction are gathered and written together, just before it commits (one
`INSERT … ON CONFLICT DO UPDATE` for all); `of_row` writes them first, so it sees its own
transaction's stamps. The undo log and drafts never leave the laptop and have no clocks.

- `stamp(pending, row, fields, hlc, device_id)`: what `Store.change` calls.
- `write(s, pending)`: the gathered stamps into the table (`Store.session` calls it).
- `of_row(store, s, table, row_id)`: {field: (hlc, device_id)}.
- `sweep(store, s, table)`: forget the clocks of rows deleted for good (erasure).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from sendtui.store import models as m

UNCLOCKED = {"change", "evidence_draft", "store_info"}  # never leave this laptop
Pending = dict[tuple[str, str, str], tuple[str, str]]  # (table, row, field) -> (hlc, device)

_UPSERT = ("INSERT INTO field_clock (table_name, row_id, field, hlc, device_id) "
           "VALUES ({p}, {p}, {p}, {p}, {p}) ON CONFLICT (table_name, row_id, field) "
           "DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id")
MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def clocked(row: m.Tracked) -> bool:
    return row.__tablename__ not in UNCLOCKED


def stamp(pending: Pending, row: m.Tracked, fields, hlc: str, device_id: str) -> None:
    table = row.__tablename__
    for field in fields:
        pending[(table, row.id, field)] = (hlc, device_id)


def write(s: Session, pending: Pending) -> None:
    if not pending:
        return
    s.flush()  # the rows first, then their clocks
    conn = s.connection()  # the driver's own executemany: thousands of stamps at a time
    conn.exec_driver_sql(_UPSERT.format(p=MARKS[conn.dialect.paramstyle]),
                         [(*key, *clock) for key, clock in pending.items()])
    pending.clear()


def of_row(store, s: Session, table: str, row_id: str) -> dict[str, tuple[str, str]]:
    """The row's field clocks: {field: (hlc, device_id)}."""
    store.write_clocks(s)
    rows = s.connection().execute(sa.select(
        m.FieldClock.field, m.FieldClock.hlc, m.FieldClock.device_id).where(
        m.FieldClock.table_name == table, m.FieldClock.row_id == row_id))
    return {field: (hlc, device) for field, hlc, device in rows}


def sweep(store, s: Session, table: str) -> int:
    """The clocks of the table's rows that were deleted for good; how many."""
    if table in UNCLOCKED:
        return 0
    store.write_clocks(s)
    result = s.connection().execute(sa.text(
        f'DELETE FROM field_clock WHERE table_name = :t AND row_id NOT IN '
        f'(SELECT id FROM "{table}")'), {"t": table})
    return result.rowcount or 0
