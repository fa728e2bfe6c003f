"""Audit log entries as plain records: what left the store, never the data itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class AuditRecord:
    at: dt.datetime
    laptop: str
    action: str
    detail: str
