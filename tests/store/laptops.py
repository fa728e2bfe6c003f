"""Laptops for the merge tests: stores on temp files, each with its own device, and a bundle
carried from one to another (encoded and decoded, as a file would be)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sendtui.config import Device
from sendtui.records.bundle import decode, encode
from sendtui.store import merge
from sendtui.store.merge_report import Arrived
from sendtui.store.bundle_rows import bundle_rows, manifest_of
from sendtui.store.db import open_store
from sendtui.store.repo import Store

BOOKKEEPING = {"hlc", "updated_at", "updated_by"}
LEDGER = {"field_clock", "audit", "device"}


def laptop(where: Path | str, name: str, number: int) -> Store:
    """`where`: a folder (the store is NAME.db in it) or a store target (a URL)."""
    opened = open_store(str(where / f"{name}.db") if isinstance(where, Path) else where)
    return Store(opened.engine, opened, Device(f"{number:08d}-0000-4000-8000-{number:012d}",
                                               f"{name}'s laptop"))


def carry(source: Store, target: Store, inspection_id: str,
          preview: bool = False) -> Arrived:
    tables = bundle_rows(source, inspection_id)
    manifest, payload = encode(manifest_of(source, inspection_id, tables), tables)
    return merge.import_bundle(target, decode(manifest, payload), preview=preview)


def content(store: Store, inspection_id: str) -> dict[str, set]:
    """What the inspection holds, table by table, without the clocks and laptops' names."""
    found = {}
    for table in bundle_rows(store, inspection_id):
        if table.name in LEDGER:
            continue
        keep = [i for i, c in enumerate(table.columns) if c not in BOOKKEEPING]
        found[table.name] = {tuple(row[i] for i in keep) for row in table.rows}
    return found


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.timezone.utc)
