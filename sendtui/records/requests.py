"""Information requests as plain frozen records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestRecord:
    id: str
    title: str
    kind: str  # domain.requests.KINDS
    owner_id: str | None
    owner: str  # the owner's name, "" for nobody
    due_at: dt.datetime | None  # UTC
    due_anchor: str  # the key date it counts from, "" when typed
    due_days: int  # working days after the key date
    due_time: str  # HH:MM London time, with an anchor
    status: str  # domain.requests.STATUSES
    reason: str  # why it is not held
    where: str  # a path, a link, "given to HMI on paper"
    notes: str


@dataclass(frozen=True)
class RequestRow:
    """A request read from a CSV file, checked but for its owner (a name the store knows)."""

    number: int  # the row's line in the file, for messages
    title: str
    kind: str
    owner: str  # a person's name, "" for nobody
    due_at: dt.datetime | None
    status: str
    reason: str
    where: str
    notes: str
