"""What makes a store whole again once a bundle's rows are in (`store.merge`).

- `drop_live_keys` / `restore_live_keys`: the natural keys' unique indexes are set aside
  while rows arrive (two laptops may each have made "Jo Smith"); then rows that hold one
  key are folded into one (the smaller id is kept, on every laptop: `aliases`), a pseudonym
  given twice is kept by the earlier name and the later renumbered, and the indexes return.
- `settle_aliases`: every row folded into another, here or on the other laptop, stays a
  tombstone and nothing points at it; its alias names the row its chain ends at (laptops
  that folded in other orders hold the same aliases).
- `keep_lost_texts`: an evidence text that lost to one written without knowing it: its
  version is marked as a conflict for a person to settle (the same row on every laptop).
- `bump_sequences`: an event whose content changed here goes past the SEQUENCEs its
  calendars have seen.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from sendtui.domain import hlc
from sendtui.domain.keys import natural_id
from sendtui.store import aliases, field_clocks
from sendtui.store import models as m
from sendtui.store.merge_rows import LostText
from sendtui.store.names import _next_pseudonym
from sendtui.store.repo import Store

PSEUDONYM_KEY = "ix_protected_name_pseudonym_live"


def model_of(table: str) -> type[m.Tracked]:
    return next(mp.class_ for mp in SQLModel._sa_registry.mappers
                if getattr(mp.class_, "__tablename__", None) == table)


def live_keys(tables) -> list[sa.Index]:
    """The natural keys' unique indexes (over live rows) of these tables."""
    return [index for name in tables for index in SQLModel.metadata.tables[name].indexes
            if index.unique and index.dialect_options["sqlite"]["where"] is not None]


def drop_live_keys(conn, indexes: list[sa.Index]) -> None:
    for index in indexes:
        conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index.name}"')


def restore_live_keys(store: Store, s: Session, ins_id: str, indexes: list[sa.Index],
                      notices: list[str]) -> None:
    """Fold or renumber what holds a key twice, then build the indexes again. A name marked
    on two laptops is folded first: its two pseudonyms are then one row's, not a collision."""
    for index in sorted(indexes, key=lambda i: i.name == PSEUDONYM_KEY):
        for ids in _twice(s, index):
            if index.name == PSEUDONYM_KEY:
                notices += _renumber(store, s, ins_id, ids)
            else:
                kept = min(ids)
                for lost in sorted(set(ids) - {kept}):
                    fold(store, s, ins_id, model_of(index.table.name), lost, kept)
        s.flush()
    conn = s.connection()
    for index in indexes:
        index.create(conn)


def _twice(s: Session, index: sa.Index) -> list[list[str]]:
    """Groups of live rows that hold the same key, each a list of ids."""
    parts = [f'"{e.name}"' if isinstance(e, sa.Column) else str(e) for e in index.expressions]
    key = ", ".join(parts)
    rows = s.connection().exec_driver_sql(
        f'SELECT id, {key} FROM "{index.table.name}" WHERE id IN (SELECT id FROM '
        f'"{index.table.name}" WHERE deleted_at IS NULL) ORDER BY {key}, id').all()
    groups: dict[tuple, list[str]] = {}
    for row in rows:
        groups.setdefault(tuple(row[1:]), []).append(row[0])
    return [ids for ids in groups.values() if len(ids) > 1]


def fold(store: Store, s: Session, ins_id: str, model: type[m.Tracked], lost: str,
         kept: str) -> None:
    """`lost` folded into `kept`: a tombstone, pointed at by nothing, an alias."""
    if s.get(m.Alias, (model.__tablename__, lost)) is None:
        aliases.merge(store, s, ins_id, model, lost, kept)
        return
    row = s.get(model, lost)
    if row is not None and row.deleted_at is None:
        store.tombstone(s, None, row)
    _repoint(store, s, model.__tablename__, lost, kept)


def settle_aliases(store: Store, s: Session, ins_id: str) -> None:
    for alias in s.exec(select(m.Alias).where(m.Alias.inspection_id == ins_id)).all():
        kept = aliases.resolve(s, alias.table_name, alias.lost_id)
        if kept != alias.kept_id:  # L→K here, K→J from the other laptop: L→J, as there
            alias.kept_id = kept
        if kept != alias.lost_id:
            fold(store, s, ins_id, model_of(alias.table_name), alias.lost_id, kept)


def _repoint(store: Store, s: Session, table: str, lost: str, kept: str) -> None:
    for referring, column in aliases.references(table):
        for row in s.exec(select(referring).where(getattr(referring, column) == lost)).all():
            aliases._point(store, s, row, column, kept)


def _renumber(store: Store, s: Session, ins_id: str, ids: list[str]) -> list[str]:
    """One pseudonym on several marked names: the earliest given keeps it."""
    rows = [s.get(m.ProtectedName, i) for i in ids]
    rows.sort(key=lambda r: (field_clocks.clock_of(field_clocks.of_row(
        s, "protected_name", r.id), "pseudonym", (r.hlc, r.updated_by)), r.id))
    said = []
    for row in rows[1:]:
        was = row.pseudonym
        with store.change(s, None, row):
            row.pseudonym = _next_pseudonym(s, ins_id)
        s.flush()
        said.append(f"the pseudonym {was} was given on two laptops to different names: "
                    f"the later is now {row.pseudonym}")
    return said


def keep_lost_texts(store: Store, s: Session, lost: list[LostText], here: set[str],
                    there: set[str], laptops: dict[str, str]) -> int:
    """Mark as conflicts the texts that lost to one written without knowing them; how many.

    A text is known to a side when that side holds its version (every saved text is one):
    `here` and `there` are the version ids this store and the bundle held before the merge.
    A text with no version (saved before versions were kept) gets one."""
    made = 0
    for text in lost:
        entry = s.get(m.Evidence, text.evidence_id)
        if entry is None or text.text == entry.text:
            continue
        versions = s.exec(select(m.EvidenceVersion).where(
            m.EvidenceVersion.evidence_id == text.evidence_id,
            m.EvidenceVersion.text == text.text)).all()
        losers = [v for v in versions if v.id in (here if text.here else there)]
        if any(v.id in (there if text.here else here) for v in losers):
            continue  # the later text was written by someone who had read this one
        for version in losers:
            with store.change(s, None, version):
                version.conflict = True
        if not losers and not versions:
            store.insert(s, None, m.EvidenceVersion(
                id=natural_id("conflict", text.evidence_id, *text.clock),
                evidence_id=text.evidence_id, text=text.text, conflict=True,
                saved_at=_instant(text.clock[0]),
                note="written at the same time on "
                     f"{laptops.get(text.clock[1]) or 'another laptop'}"))
        made += 1
    return made


def bump_sequences(store: Store, s: Session, moved: dict[str, int]) -> None:
    """An event made of both sides' fields goes past both SEQUENCEs, so that calendars that
    had either take it (one brought whole keeps the SEQUENCE it came with)."""
    for event_id, higher in moved.items():
        event = s.get(m.Event, event_id)
        if event is not None and event.sequence <= higher:
            with store.change(s, None, event):
                event.sequence = higher + 1


def _instant(stamp: str) -> dt.datetime:
    try:
        ms = hlc.parse(stamp).time
    except ValueError:
        return dt.datetime.now(dt.timezone.utc)
    return dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc)
