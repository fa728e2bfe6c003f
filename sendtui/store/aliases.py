"""Aliases: a row that lost to another holding the same natural key (two laptops each added
"Jo Smith", or line X1) is folded into it, and the store remembers so.

    kept, lost = canonical(a.id, b.id)          # the smaller id wins, on every laptop
    merge(store, s, inspection_id, m.Person, lost, kept)
    resolve(s, "person", some_id)               # an id as it is now known

`merge` points every reference at the kept row (the foreign keys of the models, and the
few references kept without one), tombstones the lost row, and records
`alias(table_name, lost_id, kept_id, at)`; a pair that would then appear twice (the same
person twice on one event) keeps one live row. The rows it changes are stamped but not put
in the undo log: folding two rows into one is not a user's action to undo. Merging the same
pair again does nothing.
"""

from __future__ import annotations

from sqlmodel import Session, SQLModel, select

from sendtui.store import models as m
from sendtui.store.repo import Store

# references without a foreign key (columns added by op.add_column on SQLite)
UNLINKED = {"tracked_child": ((m.Evidence, "tracked_child_id"),)}
# rows whose pair of references is a natural key: after a rewrite, one live row per pair
PAIRS = {m.EventPerson: ("event_id", "person_id")}


def canonical(a: str, b: str) -> tuple[str, str]:
    """(kept, lost): the same choice whichever laptop makes it."""
    return (a, b) if a < b else (b, a)


def resolve(s: Session, table: str, row_id: str) -> str:
    """The id `row_id` of `table` is now known by (itself if it never lost)."""
    seen = {row_id}
    while (alias := s.get(m.Alias, (table, row_id))) is not None and alias.kept_id not in seen:
        row_id = alias.kept_id
        seen.add(row_id)
    return row_id


def merge(store: Store, s: Session, inspection_id: str, model: type[m.Tracked],
          lost_id: str, kept_id: str) -> None:
    """Fold the row `lost_id` of `model` into `kept_id` (see the module's docstring)."""
    table = model.__tablename__
    if lost_id == kept_id or s.get(m.Alias, (table, lost_id)) is not None:
        return
    for referring, column in references(table):
        for row in s.exec(select(referring).where(getattr(referring, column) == lost_id)).all():
            _point(store, s, row, column, kept_id)
    for earlier in s.exec(select(m.Alias).where(m.Alias.table_name == table,
                                                m.Alias.kept_id == lost_id)).all():
        earlier.kept_id = kept_id
    lost = s.get(model, lost_id)
    if lost is not None and lost.deleted_at is None:
        store.tombstone(s, None, lost)
    s.add(m.Alias(table_name=table, lost_id=lost_id, kept_id=kept_id,
                  inspection_id=inspection_id))
    s.flush()


def references(table: str) -> list[tuple[type[SQLModel], str]]:
    """(model, column) of every column that holds an id of `table`."""
    found = [(mapper.class_, column.name)
             for mapper in SQLModel._sa_registry.mappers
             for column in mapper.class_.__table__.columns
             for key in column.foreign_keys
             if key.column.table.name == table and key.column.name == "id"]
    return sorted(found, key=lambda x: (x[0].__tablename__, x[1])) + list(
        UNLINKED.get(table, ()))


def _point(store: Store, s: Session, row: m.Tracked, column: str, kept_id: str) -> None:
    """`row`'s `column` to `kept_id`, unless that makes a pair twice: then the pair already
    there stays (live if either was) and `row` becomes a tombstone."""
    pair = PAIRS.get(type(row))
    twin = None
    if pair:
        wanted = {c: kept_id if c == column else getattr(row, c) for c in pair}
        twin = s.exec(select(type(row)).where(
            *(getattr(type(row), c) == v for c, v in wanted.items()))).first()
    if twin is None:
        with store.change(s, None, row):
            setattr(row, column, kept_id)
        return
    was_live = row.deleted_at is None
    if was_live:
        store.tombstone(s, None, row)
        s.flush()  # the index holds one live row per pair at every step
    if was_live and twin.deleted_at is not None:
        with store.change(s, None, twin):
            twin.deleted_at = None
