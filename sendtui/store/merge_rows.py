"""One table of a bundle merged into the store, field by field, by the fields' clocks.

    merge_table(conn, table, clocks, skip) -> Merged

For each row the bundle brings: a row this store lacks is added with its clocks; a row both
have takes, field by field, the value whose clock is later (the clock's stamp, then the
laptop's id, breaks every tie the same way on every laptop) and that clock. `deleted_at` is
a field like any other. A row that agrees in values and clocks is left alone, so importing
the same bundle twice writes nothing. Rows are read and written with plain SQL (50,000
evidence entries at a time); the search spelling of evidence (`text_plain`) is made again
from the text. Values are compared as the bundle carries them (SQLite's: a server's booleans,
dates and instants read back as 0/1 and text, `as_shipped`) and written as the store takes
them (`for_store`), so a bundle imported again on a server writes nothing either.

What a later step needs is kept in `Merged`: the evidence texts that lost (the merge keeps
them as versions), the events now made of both sides' fields (their SEQUENCE goes up).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlmodel import SQLModel

from sendtui.domain.matching import plain_spelling
from sendtui.records.bundle import TableRows
from sendtui.store.bundle_rows import as_shipped
from sendtui.store import field_clocks
from sendtui.store.engines import mark
from sendtui.store.field_clocks import clock_of

BOOKKEEPING = ("id", "updated_at", "updated_by", "hlc")
NOT_CONTENT = {*BOOKKEEPING, "sequence", "text_plain"}  # an event's content, for SEQUENCE
CHUNK = 5_000  # ids per query (SQLite takes 32,766 parameters, PostgreSQL 65,535)
Clock = tuple[str, str]  # (hlc, device id)
Clocks = dict[tuple[str, str], dict[str, Clock]]  # (table, row id) -> field -> clock


@dataclass(frozen=True)
class LostText:
    """An evidence text that lost to a later one: kept as a version unless it is one."""

    evidence_id: str
    text: str
    clock: Clock
    here: bool  # the text this store held (else the bundle's)


@dataclass
class Merged:
    new: Counter = field(default_factory=Counter)  # table -> rows added
    changed: Counter = field(default_factory=Counter)  # rows whose values changed
    removed: Counter = field(default_factory=Counter)  # rows that became tombstones here
    lost_texts: list[LostText] = field(default_factory=list)
    moved_events: dict[str, int] = field(default_factory=dict)  # id -> the higher SEQUENCE


def incoming_clocks(rows: TableRows | None) -> Clocks:
    found: Clocks = {}
    if rows is None:
        return found
    at = {c: rows.columns.index(c) for c in ("table_name", "row_id", "field", "hlc",
                                            "device_id")}
    for row in rows.rows:
        key = (row[at["table_name"]], row[at["row_id"]])
        found.setdefault(key, {})[row[at["field"]]] = (row[at["hlc"]], row[at["device_id"]])
    return found


def merge_table(conn, table: TableRows, clocks: Clocks, skip, done: Merged) -> None:
    """Merge `table`'s rows, a chunk at a time; `skip(row: dict) -> dict | None` says how a
    row arrives (None: not at all, an erased row)."""
    columns = _known(table)
    at = [table.columns.index(c) for c in columns]
    for start in range(0, len(table.rows), CHUNK):
        incoming = {}
        for raw in table.rows[start:start + CHUNK]:
            row = skip(dict(zip(columns, (raw[i] for i in at))))
            if row is not None:
                incoming[row["id"]] = row
        _merge_chunk(conn, table.name, columns, incoming, clocks, done)


def _merge_chunk(conn, name: str, columns: list[str], incoming: dict[str, dict],
                 clocks: Clocks, done: Merged) -> None:
    theirs = {i: clocks.get((name, i), {}) for i in incoming}
    local, ours = _differing(conn, name, columns, incoming, theirs)
    adopted: list[tuple] = []
    inserts = []
    for row_id, row in incoming.items():
        if row_id in ours and row_id not in local:
            continue  # the same clocks: the same values
        if row_id not in local:
            inserts.append(_arriving(name, row))
            adopted += [(name, row_id, f, *c) for f, c in theirs[row_id].items()]
            done.new[name] += 1
            continue
        _merge_row(conn, name, local[row_id], row, ours.get(row_id, {}), theirs[row_id],
                   adopted, done)
    _insert(conn, name, inserts)
    field_clocks.put(conn, sorted(adopted))


def take_row(conn, table: TableRows, row_id: str, clocks: Clocks) -> None:
    """This store's row becomes the bundle's, values and clocks (added if this store lacks
    it): a row the bundle's laptop erased, as it erased it (the same on every laptop,
    whichever bundle came first)."""
    at = table.columns.index("id")
    raw = next((r for r in table.rows if r[at] == row_id), None)
    if raw is None:
        return
    row = {c: raw[table.columns.index(c)] for c in _known(table)}
    if _local_rows(conn, table.name, ["id"], [row_id]):
        _update(conn, table.name, row_id, {c: v for c, v in row.items() if c != "id"})
    else:
        _insert(conn, table.name, [_arriving(table.name, row)])
    conn.exec_driver_sql(f"DELETE FROM field_clock WHERE table_name = {mark(conn)} AND "
                         f"row_id = {mark(conn)}", (table.name, row_id))
    field_clocks.put(conn, [(table.name, row_id, f, *c)
                            for f, c in clocks.get((table.name, row_id), {}).items()])


def _merge_row(conn, name: str, mine: dict, theirs: dict, my_clocks: dict,
               their_clocks: dict, adopted: list, done: Merged) -> None:
    if mine == theirs and my_clocks == their_clocks:
        return
    mine_row, their_row = _row_clock(mine), _row_clock(theirs)
    values: dict = {}
    mixed = False  # a field of this store's kept over a different one of the bundle's
    for column, value in theirs.items():
        if column in BOOKKEEPING:
            continue
        my_clock = clock_of(my_clocks, column, mine_row)
        their_clock = clock_of(their_clocks, column, their_row)
        if their_clock <= my_clock:
            mixed = mixed or (value != mine[column] and column not in NOT_CONTENT)
            if column == "text" and name == "evidence" and value != mine[column]:
                done.lost_texts.append(LostText(mine["id"], value, their_clock, False))
            continue
        adopted.append((name, mine["id"], column, *their_clock))
        if value != mine[column]:
            values[column] = value
            if column == "text" and name == "evidence":
                done.lost_texts.append(LostText(mine["id"], mine[column], my_clock, True))
    if their_row > mine_row:
        values.update({c: theirs[c] for c in ("hlc", "updated_by", "updated_at")})
    if not values:
        return
    if set(values) - set(BOOKKEEPING):
        _count_change(name, mine, theirs, values, mixed, done)
    _update(conn, name, mine["id"], values)


def _count_change(name: str, mine: dict, theirs: dict, values: dict, mixed: bool,
                  done: Merged) -> None:
    if values.get("deleted_at", mine.get("deleted_at")) and not mine.get("deleted_at"):
        done.removed[name] += 1
    else:
        done.changed[name] += 1
    if name == "event" and mixed and set(values) - NOT_CONTENT:
        # the event is now neither side's: past both SEQUENCEs (when it is the bundle's
        # whole, the bundle's SEQUENCE came with it)
        done.moved_events[mine["id"]] = max(mine.get("sequence") or 0,
                                            theirs.get("sequence") or 0)


def _row_clock(row: dict) -> Clock:
    return (row.get("hlc") or "", row.get("updated_by") or "")


def _arriving(name: str, row: dict) -> dict:
    if name == "evidence":
        return {**row, "text_plain": plain_spelling(row.get("text") or "")}
    return row


def _known(table: TableRows) -> list[str]:
    """The bundle's columns this store has (a bundle of an older schema lacks some)."""
    mine = SQLModel.metadata.tables[table.name].c
    return [c for c in table.columns if c in mine]


def _quoted(name: str) -> str:
    return f'"{name}"'


def _differing(conn, name: str, columns: list[str], incoming: dict[str, dict],
               theirs: Clocks) -> tuple[dict[str, dict], dict[str, dict[str, Clock]]]:
    """(the local rows that may differ from the bundle's, the clocks of every local row the
    bundle has). A row whose stamp and field clocks are the bundle's holds its values (a
    clock names the write that set a field), so its values are not even read: importing a
    bundle again reads stamps, not 50,000 texts."""
    if "hlc" not in columns:
        return _local_rows(conn, name, columns, list(incoming)), {}
    sql = f"SELECT id, hlc, updated_by FROM {_quoted(name)} WHERE id IN "
    heads = {row[0]: row[1:] for row in _chunked(conn, sql, (), list(incoming))}
    ours = _local_clocks(conn, name, list(heads))
    for row_id in heads:
        ours.setdefault(row_id, {})
    maybe = [i for i, head in heads.items() if ours[i] != theirs[i] or head != (
        incoming[i].get("hlc"), incoming[i].get("updated_by"))]
    return _local_rows(conn, name, columns, maybe), ours


def _local_rows(conn, name: str, columns: list[str], ids: list[str]) -> dict[str, dict]:
    at = columns.index("id")
    sql = f"SELECT {', '.join(map(_quoted, columns))} FROM {_quoted(name)} WHERE id IN "
    rows = _chunked(conn, sql, (), ids)
    if conn.dialect.name != "sqlite":
        rows = (tuple(map(as_shipped, row)) for row in rows)
    return {row[at]: dict(zip(columns, row)) for row in rows}


def _local_clocks(conn, name: str, ids: list[str]) -> dict[str, dict[str, Clock]]:
    found: dict[str, dict[str, Clock]] = {}
    sql = (f"SELECT row_id, field, hlc, device_id FROM field_clock WHERE table_name = "
           f"{mark(conn)} AND row_id IN ")
    for row_id, column, stamp, device in _chunked(conn, sql, (name,), ids):
        found.setdefault(row_id, {})[column] = (stamp, device)
    return found


def _chunked(conn, sql: str, first: tuple, ids: list[str]):
    """The rows of `sql` + "(ids…)", a chunk of ids at a time, straight from the driver's
    cursor (a row through SQLAlchemy's result costs four times as much)."""
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            cursor.execute(f"{sql}({', '.join(mark(conn) for _ in chunk)})", (*first, *chunk))
            yield from cursor.fetchall()
    finally:
        cursor.close()


def _insert(conn, name: str, rows: list[dict]) -> None:
    by_columns: dict[tuple, list] = {}
    stored = for_store(conn, name)
    for row in rows:
        by_columns.setdefault(tuple(row), []).append(tuple(row.values()))
    for columns, values in by_columns.items():
        values.sort()  # in id order: each index grows at its end, not at random places
        values = [stored(dict(zip(columns, v))) for v in values]
        marks = ", ".join(mark(conn) for _ in columns)
        conn.exec_driver_sql(f"INSERT INTO {_quoted(name)} ({', '.join(map(_quoted, columns))})"
                             f" VALUES ({marks})", values)


def _update(conn, name: str, row_id: str, values: dict) -> None:
    if name == "evidence" and "text" in values:
        values = {**values, "text_plain": plain_spelling(values["text"] or "")}
    sets = ", ".join(f"{_quoted(c)} = {mark(conn)}" for c in values)
    conn.exec_driver_sql(f"UPDATE {_quoted(name)} SET {sets} WHERE id = {mark(conn)}",
                         (*for_store(conn, name)(values), row_id))


def for_store(conn, name: str):
    """row (a dict, as the bundle carries it) -> its values as this store takes them: on a
    server, 0/1 made booleans for its boolean columns (dates and instants go as SQLite's
    text, which PostgreSQL reads)."""
    if conn.dialect.name == "sqlite":
        return lambda row: tuple(row.values())
    flags = {c.name for c in SQLModel.metadata.tables[name].columns
             if isinstance(c.type, sa.Boolean)}
    return lambda row: tuple(bool(v) if c in flags and v is not None else v
                             for c, v in row.items())
