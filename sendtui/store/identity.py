"""Who writes to this store, and which copy of it this is: settled once as a store opens.

- The **device** is this laptop (`sendtui.config.load_device`, kept in the config folder, so
  a copied store or a restored backup never carries it to another laptop). Every stamp and
  every row's `updated_by` says it; the `device` table gives it a name other laptops show.
- The **file id** (store_info 'file_id') tells apart copies of one store file on one laptop.
  Copying the file (a backup restored beside the original, a second copy on a memory stick)
  gives two stores with the same device and the same clock high-water mark: from then on
  each would stamp the same times for different changes, and a merge could not order them
  (a tie with nothing to break it). Seeding the clock "above both" cannot help, as the two
  copies only part after the copy. So the first 8 characters of the file id are part of every
  stamp (`sendtui.domain.hlc`), and a copy gets a new file id: the file's (st_dev, st_ino) is
  kept beside the id, and when the file opened is not the one that was recorded, a new id is
  made, silently (written with the store's first change, as the other bookkeeping here:
  opening alone never changes the file). A file that merely moved (another disk, a memory
  stick mounted elsewhere) also gets a new id; that costs nothing, as the clock itself goes
  on from the high-water mark. A server database has one file id for good (its clients are
  different laptops).
- The **high-water mark** (store_info 'hlc_high') is the highest stamp the store holds,
  kept up to date in the same transaction as every stamped write (`HybridClock.persist`);
  a store written before it existed has it computed once, from its stamped tables.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from sendtui.store import models as m

FILE_ID, FILE_PLACE, HLC_HIGH = "file_id", "file_place", "hlc_high"


@dataclass(frozen=True)
class Identity:
    device_id: str
    file_id: str
    high: str  # the highest stamp the store holds ("" for a new store)
    unsaved: tuple[tuple[str, str], ...] = ()  # store_info keys and values not yet written
    device_name: str | None = None  # this laptop's name, when `device` lacks or misnames it


def settle(s: Session, engine: Engine, device_id: str, device_name: str) -> Identity:
    """The file's id (a new one for a copy), the high-water mark and this laptop's name,
    read; what is missing or changed comes back in `unsaved`/`device_name` for `save`, which
    the store calls with its first change: opening alone (a listing, a refused command)
    leaves the file as it was."""
    unsaved: dict[str, str] = {}
    file_id = _file_id(s, file_place(engine), unsaved)
    high = _high(s)
    row = s.get(m.DeviceRow, device_id)
    named = None if row is not None and row.name == device_name else device_name
    return Identity(device_id, file_id, high, tuple(unsaved.items()), named)


def save(s: Session, found: Identity) -> None:
    """Write what `settle` found missing (idempotent: several threads may)."""
    for key, value in found.unsaved:
        put_info(s, key, value)
    if found.device_name is not None:
        name_device(s, found.device_id, found.device_name)


def name_device(s: Session, device_id: str, name: str) -> None:
    """Add or rename a laptop in `device` (an upsert, never a delete-and-insert)."""
    s.execute(sa.text("INSERT INTO device (id, name) VALUES (:id, :name) "
                      "ON CONFLICT (id) DO UPDATE SET name = excluded.name"),
              {"id": device_id, "name": name})


def file_place(engine: Engine) -> str | None:
    """Where the store's file is, as "st_dev:st_ino" (None: a server database)."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    found = os.stat(url.database)
    return f"{found.st_dev}:{found.st_ino}"


def _file_id(s: Session, place: str | None, unsaved: dict[str, str]) -> str:
    ident, recorded = s.get(m.StoreInfo, FILE_ID), s.get(m.StoreInfo, FILE_PLACE)
    if ident is not None and (place is None or (recorded and recorded.value == place)):
        return ident.value
    unsaved[FILE_ID] = str(uuid.uuid4())
    if place is not None:
        unsaved[FILE_PLACE] = place
    return unsaved[FILE_ID]


def _high(s: Session) -> str:
    row = s.get(m.StoreInfo, HLC_HIGH)
    if row is not None:
        return row.value
    highest = max((s.execute(sa.select(sa.func.max(t.c.hlc))).scalar() or ""
                   for t in SQLModel.metadata.sorted_tables if "hlc" in t.c), default="")
    return highest  # written by the first change's `raise_high`


def put_info(s: Session, key: str, value: str) -> None:
    """A fact of this file in store_info, made or replaced."""
    row = s.get(m.StoreInfo, key)
    if row is None:
        s.add(m.StoreInfo(key=key, value=value))
    else:
        row.value = value


def raise_high(s: Session, stamp: str) -> str:
    """Keep the high-water mark at `stamp` or above, in this transaction; the mark as it
    now is (higher than `stamp` when another process stamped more meanwhile). One statement,
    not a read then a write: on a server, clients commit at once, and a mark read before
    another client's commit would be written back lower (a lost update)."""
    s.flush()
    return s.execute(sa.text(
        "INSERT INTO store_info (key, value) VALUES (:key, :stamp) ON CONFLICT (key) DO UPDATE "
        "SET value = CASE WHEN store_info.value < excluded.value THEN excluded.value "
        "ELSE store_info.value END RETURNING value"), {"stamp": stamp, "key": HLC_HIGH}).scalar()
