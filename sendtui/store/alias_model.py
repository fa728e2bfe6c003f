"""The alias table (issue 17): beside `models.py`, which re-exports it, to keep that short."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from sendtui.domain.clock import utc_now
from sendtui.store.models import instant


class Alias(SQLModel, table=True):
    """A row that lost to another holding the same natural key (two laptops made "the same"
    person): references to `lost_id` now point at `kept_id` (store/aliases.py)."""

    __tablename__ = "alias"
    table_name: str = Field(primary_key=True)
    lost_id: str = Field(primary_key=True, max_length=36)
    kept_id: str = Field(max_length=36, index=True)
    inspection_id: str = Field(max_length=36, index=True)  # no foreign key, like Erasure
    at: dt.datetime = instant(default_factory=utc_now)
