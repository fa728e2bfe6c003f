"""The store's bookkeeping: the undo log, erasures, field clocks, aliases and the laptops
(what a merge and an undo read); beside `models.py`, which re-exports them, to keep that short."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from sendtui.domain.clock import utc_now
from sendtui.store.models import OfInspection, Tracked, instant


class Alias(SQLModel, table=True):
    """A row that lost to another holding the same natural key (two laptops made "the same"
    person): references to `lost_id` now point at `kept_id` (store/aliases.py)."""

    __tablename__ = "alias"
    table_name: str = Field(primary_key=True)
    lost_id: str = Field(primary_key=True, max_length=36)
    kept_id: str = Field(max_length=36, index=True)
    inspection_id: str = Field(max_length=36, index=True)  # no foreign key, like Erasure
    at: dt.datetime = instant(default_factory=utc_now)


class FieldClock(SQLModel, table=True):
    """When each field of a row was last written, and by which laptop: a merge takes each
    field from the side whose clock is later. A row's own `hlc` is the latest of these."""

    __tablename__ = "field_clock"
    table_name: str = Field(primary_key=True)
    row_id: str = Field(primary_key=True, max_length=36)
    field: str = Field(primary_key=True)
    hlc: str = Field(max_length=40)
    device_id: str = Field(max_length=36)


class Change(OfInspection, table=True):
    """The undo log: one row per user change, with the row before and after (JSON)."""

    __tablename__ = "change"
    __table_args__ = (sa.Index("ix_change_seq", "seq"),  # the next number, read per action
                      sa.Index("ix_change_undo", "inspection_id", "undone", "seq"))  # u, redo
    table_name: str
    row_id: str
    before: str | None = None
    after: str | None = None
    summary: str = ""
    undone: bool = False
    group_id: str = Field(default="", max_length=36, index=True)  # one user action
    seq: int = 0  # order of actions in this store


class Erasure(Tracked, table=True):
    """A row erased for good: only its table and id remain, so that a merge erases it too."""

    __tablename__ = "erasure"
    __table_args__ = (sa.Index("ix_erasure_row", "table_name", "row_id", unique=True),)
    inspection_id: str = Field(max_length=36, index=True)  # no foreign key: purge outlives it
    table_name: str
    row_id: str = Field(max_length=36)


class DeviceRow(SQLModel, table=True):
    """A laptop whose changes this store holds, by the name its user gave it ("Kwame's
    laptop"). Not owned by an inspection: erasing or purging one leaves it."""

    __tablename__ = "device"
    id: str = Field(primary_key=True, max_length=36)
    name: str = ""
