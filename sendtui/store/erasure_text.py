"""Where a marked name may have been written, and rewriting all of it: the texts of every
table, evidence versions, availability reasons, and the JSON of drafts and undo snapshots."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlmodel import Session, select

from sendtui.domain.redaction import Protected
from sendtui.store import models as m
from sendtui.store.repo import Store

# Free text where a marked name may have been typed, table by table (JSON columns apart).
TEXTS: tuple[tuple[type, tuple[str, ...]], ...] = (
    (m.Evidence, ("text", "case_ref")),
    (m.Finding, ("text",)),
    (m.InfoRequest, ("title", "reason", "where", "notes")),
    (m.TrackedChild, ("consent_by", "professionals")),
    (m.Action, ("text",)),
    (m.Weakness, ("title",)),
    (m.PlanVersion, ("notes",)),
    (m.ReportBack, ("to", "notes")),
    (m.Event, ("title", "location", "notes")),
    (m.Person, ("name", "role", "organisation")),
    (m.KeyDateRow, ("label",)),
    (m.LineOfEnquiry, ("title",)),
    (m.AuditEntry, ("detail",)),
    (m.Change, ("summary",)),
)
JSON_TEXTS: tuple[tuple[type, str, bool], ...] = (  # (model, column, keys sorted)
    (m.Change, "before", False),
    (m.Change, "after", False),
    (m.EvidenceDraft, "fields", True),
)

def spellings(row: m.ProtectedName) -> list[Protected]:
    """The name, and its first name alone when the name is marked to match it."""
    found = [Protected(row.name, row.pseudonym)]
    first = row.name.split()[0]
    if row.match_first_name and first != row.name.strip() and len(first) >= 2:
        found.append(Protected(first, row.pseudonym))
    return found


def rewrite(store: Store, s: Session, ins_id: str, redact: Callable[[str], str]) -> int:
    """Every free text of the inspection passed through `redact`; the rows changed."""
    changed: set[tuple[str, str]] = set()
    for model, columns in TEXTS:
        for row in s.exec(select(model).where(model.inspection_id == ins_id)).all():
            _put(store, s, row, {c: redact(getattr(row, c)) for c in columns}, changed)
    for row in _versions(s, ins_id):
        _put(store, s, row, {"text": redact(row.text)}, changed)
    for row in _reasons(s, ins_id):
        _put(store, s, row, {"reason": redact(row.reason)}, changed)
    for model, column, sort_keys in JSON_TEXTS:
        for row in s.exec(select(model).where(model.inspection_id == ins_id)).all():
            value = _redact_json(getattr(row, column), redact, sort_keys)
            _put(store, s, row, {column: value}, changed)
    return len(changed)


def _put(store: Store, s: Session, row: m.Tracked, values: dict, changed: set) -> None:
    if all(getattr(row, k) == v for k, v in values.items()):
        return
    with store.change(s, None, row):
        for key, value in values.items():
            setattr(row, key, value)
    changed.add((row.__tablename__, row.id))


def _redact_json(text: str | None, redact: Callable[[str], str], sort_keys: bool):
    if not text:
        return text
    data = json.loads(text)
    redacted = _walk(data, redact)
    return text if redacted == data else json.dumps(redacted, sort_keys=sort_keys)


def _walk(value, redact: Callable[[str], str]):
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_walk(v, redact) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, redact) for k, v in value.items()}
    return value


def _versions(s: Session, ins_id: str) -> list[m.EvidenceVersion]:
    return s.exec(select(m.EvidenceVersion).join(m.Evidence).where(
        m.Evidence.inspection_id == ins_id)).all()


def _reasons(s: Session, ins_id: str) -> list[m.Availability]:
    return s.exec(select(m.Availability).join(m.Person).where(
        m.Person.inspection_id == ins_id)).all()


def folded(text: str) -> str:
    return " ".join(text.split()).casefold()
