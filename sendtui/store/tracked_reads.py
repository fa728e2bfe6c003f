"""Tracked children and sampled cases read with plain SQL (the Children screen, the
dashboard's Today panel): pseudonyms and dates only, never the protected identity."""

from __future__ import annotations

import datetime as dt

from sendtui.records import TrackedChildRecord, TrackedEntry
from sendtui.store.glance import Rows, instant

CHILDREN = (
    "SELECT t.id, t.kind, t.pseudonym, t.selected_on, t.consent, t.consent_by, "
    "t.documents_due, t.documents_uploaded, t.sectors, t.professionals, t.event_id, e.title, "
    "e.start FROM tracked_child t LEFT JOIN event e ON e.id = t.event_id AND e.deleted_at IS "
    "NULL WHERE t.inspection_id = ? AND t.deleted_at IS NULL "
    "ORDER BY t.kind = 'sampled', t.pseudonym")
ENTRIES = (
    "SELECT v.tracked_child_id, v.id, v.at, l.code, v.text FROM evidence v "
    "JOIN line_of_enquiry l ON l.id = v.line_id WHERE v.inspection_id = ? AND "
    "v.deleted_at IS NULL AND v.tracked_child_id IS NOT NULL ORDER BY v.at DESC, v.id")


def children(rows: Rows, ins: str) -> list[TrackedChildRecord]:
    """Tracked children first, then sampled cases, each by pseudonym; with their evidence."""
    entries: dict[str, list[TrackedEntry]] = {}
    for child_id, entry_id, at, code, text in rows(ENTRIES, (ins,)):
        entries.setdefault(child_id, []).append(TrackedEntry(entry_id, instant(at), code, text))
    return [TrackedChildRecord(
        i, kind, pseudonym, _date(selected), consent, by, instant(due), _date(uploaded),
        tuple(s for s in sectors.split(",") if s), professionals, event_id, title or "",
        instant(start), tuple(entries.get(i, ())))
        for (i, kind, pseudonym, selected, consent, by, due, uploaded, sectors, professionals,
             event_id, title, start) in rows(CHILDREN, (ins,))]


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)
