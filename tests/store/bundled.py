"""A tiny store for the bundle tests: one inspection with a person, two evidence entries (one
edited, one removed), a draft and an undo log; and a second inspection that must stay out."""

from __future__ import annotations

import datetime as dt

from sendtui.records import EvidenceRow
from sendtui.store import drafts, evidence, inspections, people
from sendtui.store.repo import Store

SECRET = "Zephyrine told us about her EHC plan"  # text that must never be in a message


def tiny_store(store: Store) -> str:
    ins = inspections.create(store, "Wealdshire", "2023", dt.date(2026, 11, 23))
    people.add(store, ins.id, "Ada Okafor", "SENCO")
    at = dt.datetime(2026, 11, 25, 10, tzinfo=dt.timezone.utc)
    row = EvidenceRow(at, "L1", "meeting", SECRET, None, None, None, "AO")
    kept, gone = evidence.add(store, ins.id, [row, row]).ids
    evidence.edit(store, ins.id, kept, SECRET + ", twice")
    evidence.remove(store, ins.id, gone)
    drafts.save_draft(store, ins.id, {"text": "a draft " + SECRET})
    other = inspections.create(store, "Otherton", "2023", dt.date(2026, 11, 23))
    people.add(store, other.id, "Someone Else")
    return ins.id
