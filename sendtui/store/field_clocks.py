"""A clock per field: when each field of a row was last written, and by which laptop.

`Store.change` stamps only the fields a write changed, each with the same new clock value,
and gives the row that value as its `hlc`: a row's `hlc` is always the latest of its fields'
clocks. A new row gets one clock, under the field name `EVERY` ("*"): the clock of each of
its fields that has none of its own (`clock_of`); a 50,000-entry inspection holds about
one clock per row, not one per field. A merge compares two stores field by field with these.

The stamps of a transaction are gathered on its session (`s.info`) and written together just
before it commits (one `INSERT … ON CONFLICT DO UPDATE` executemany); `of_row` and `sweep`
write them first, so they see their own transaction's stamps. The undo log and drafts never
leave the laptop and have no clocks.

- `stamp(s, row, fields, hlc, device_id)`: what `Store.change` calls.
- `write(s)`: the gathered stamps into the table (`Store.session` calls it before commit).
- `of_row(s, table, row_id)`: {field: (hlc, device_id)}.
- `sweep(s, model)`: forget the clocks of the table's rows deleted for good (erasure).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from sendtui.store import models as m
from sendtui.store.engines import mark

EVERY = "*"  # the field name of a row's first clock: every field without a clock of its own
# never leave this laptop (the undo log, drafts), or are never changed (an erasure's record)
UNCLOCKED = {"change", "evidence_draft", "store_info", "erasure"}
Pending = dict[tuple[str, str, str], tuple[str, str]]  # (table, row, field) -> (hlc, device)

_UPSERT = ("INSERT INTO field_clock (table_name, row_id, field, hlc, device_id) "
           "VALUES ({p}, {p}, {p}, {p}, {p}) ON CONFLICT (table_name, row_id, field) "
           "DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id")


def clocked(row: m.Tracked) -> bool:
    return row.__tablename__ not in UNCLOCKED


def stamp(s: Session, row: m.Tracked, fields, hlc: str, device_id: str) -> None:
    pending: Pending = s.info.setdefault("field_clocks", {})
    table = row.__tablename__
    for field in fields:
        pending[(table, row.id, field)] = (hlc, device_id)


def write(s: Session) -> None:
    pending: Pending = s.info.get("field_clocks") or {}
    if not pending:
        return
    s.flush()  # the rows first, then their clocks
    put(s.connection(), [(*key, *clock) for key, clock in pending.items()])
    pending.clear()


def put(conn, clocks: list[tuple]) -> None:
    """Clocks (table, row, field, hlc, device) into the table, made or replaced: the
    driver's own executemany, thousands of stamps at a time."""
    if clocks:
        conn.exec_driver_sql(_UPSERT.format(p=mark(conn)), clocks)


def clock_of(clocks: dict[str, tuple[str, str]], field: str,
             row: tuple[str, str]) -> tuple[str, str]:
    """A field's clock from a row's clocks ({field: (hlc, device)}): its own, else the row's
    first (`EVERY`), else `row` (the row's hlc and updated_by: a row older than clocks)."""
    return clocks.get(field) or clocks.get(EVERY) or row


def of_row(s: Session, table: str, row_id: str) -> dict[str, tuple[str, str]]:
    """The row's field clocks: {field: (hlc, device_id)}."""
    write(s)
    rows = s.connection().execute(sa.select(
        m.FieldClock.field, m.FieldClock.hlc, m.FieldClock.device_id).where(
        m.FieldClock.table_name == table, m.FieldClock.row_id == row_id))
    return {field: (hlc, device) for field, hlc, device in rows}


def sweep(s: Session, model: type) -> int:
    """The clocks of the table's rows that were deleted for good; how many."""
    table = model.__tablename__
    if table in UNCLOCKED or "hlc" not in model.model_fields:
        return 0
    write(s)
    result = s.connection().execute(sa.text(
        f'DELETE FROM field_clock WHERE table_name = :t AND row_id NOT IN '
        f'(SELECT id FROM "{table}")'), {"t": table})
    return result.rowcount or 0
