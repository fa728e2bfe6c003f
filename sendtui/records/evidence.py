"""Evidence entries as plain frozen records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class EvidenceRecord:
    id: str
    line_code: str
    source: str
    text: str
    at: dt.datetime
    setting_urn: str | None = None
    setting_name: str | None = None
    case_ref: str | None = None
    judgement: str | None = None
    author: str = ""
