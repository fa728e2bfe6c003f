"""Findings: statements against a line of enquiry, backed by chosen evidence entries.

Every write goes through `Store.insert/change/tombstone`, so undo takes a finding back,
with its backing. Removing a finding makes it a tombstone; detaching an entry tombstones
its link. Read back as `FindingRecord`s with their security and contradicting entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import or_
from sqlmodel import Session, select

from sendtui.domain import findings as rules
from sendtui.domain.triangulation import DEFAULT_THRESHOLD
from sendtui.errors import InvalidInput
from sendtui.records import EvidenceRecord
from sendtui.records.findings import FindingRecord
from sendtui.store import evidence
from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.rows import live_row

GONE = "that finding"
LINE_GONE = "that line"


def add(store: Store, inspection_id: str, line_id: str, text: str, polarity: str,
        evidence_ids: Sequence[str] = ()) -> str:
    """A new finding on a line, backed by entries of that line; its id."""
    text = _checked(text, polarity)
    with store.session() as s:
        line = live_row(s, m.LineOfEnquiry, line_id, inspection_id, LINE_GONE)
        summary = f"finding added on line {line.code}"
        row = store.insert(s, inspection_id, m.Finding(
            inspection_id=inspection_id, line_id=line.id, text=text, polarity=polarity),
            summary)
        _back(store, s, row, evidence_ids, summary)
        return row.id


def edit(store: Store, inspection_id: str, finding_id: str, text: str, polarity: str,
         evidence_ids: Sequence[str] | None = None) -> None:
    """New statement and polarity; with `evidence_ids`, exactly those entries back it."""
    text = _checked(text, polarity)
    with store.session() as s:
        row = live_row(s, m.Finding, finding_id, inspection_id, GONE)
        summary = f"finding edited on line {_code(s, row)}"
        with store.change(s, inspection_id, row, summary):
            row.text, row.polarity = text, polarity
        if evidence_ids is not None:
            _back(store, s, row, evidence_ids, summary)


def attach(store: Store, inspection_id: str, finding_id: str,
           evidence_ids: Iterable[str]) -> None:
    """These entries back the finding too."""
    with store.session() as s:
        row = live_row(s, m.Finding, finding_id, inspection_id, GONE)
        now = _backing_ids(s, row.id)
        _back(store, s, row, [*now, *evidence_ids], f"evidence attached to a finding on line "
                                                    f"{_code(s, row)}")


def detach(store: Store, inspection_id: str, finding_id: str,
           evidence_ids: Iterable[str]) -> None:
    """These entries no longer back the finding."""
    gone = set(evidence_ids)
    with store.session() as s:
        row = live_row(s, m.Finding, finding_id, inspection_id, GONE)
        kept = [e for e in _backing_ids(s, row.id) if e not in gone]
        _back(store, s, row, kept, f"evidence detached from a finding on line "
                                   f"{_code(s, row)}")


def remove(store: Store, inspection_id: str, finding_id: str) -> None:
    """A tombstone: gone from the lists and exports, back with undo."""
    with store.session() as s:
        row = live_row(s, m.Finding, finding_id, inspection_id, GONE)
        store.tombstone(s, inspection_id, row, f"finding removed from line {_code(s, row)}")


def all(store: Store, inspection_id: str,  # noqa: A001
        threshold: int = DEFAULT_THRESHOLD) -> list[FindingRecord]:
    """The live findings of live lines, in the lines' order then as added, each with its
    security at `threshold` and the entries contradicting it."""
    with store.session() as s:
        found = s.exec(select(m.Finding, m.LineOfEnquiry.code).join(m.LineOfEnquiry).where(
            m.Finding.inspection_id == inspection_id, m.Finding.deleted_at.is_(None),
            m.LineOfEnquiry.deleted_at.is_(None))
            .order_by(m.LineOfEnquiry.position, m.LineOfEnquiry.code,
                      m.Finding.created_at, m.Finding.id)).all()
        if not found:
            return []
        links = _links(s, inspection_id)
        entries = _entries(s, inspection_id, {f.line_id for f, _ in found},
                           {e for ids in links.values() for e in ids})
    on_line: dict[str, list[EvidenceRecord]] = {}
    for line_id, entry in entries:
        on_line.setdefault(line_id, []).append(entry)
    by_id = {entry.id: entry for _, entry in entries}
    return [_record(f, code, links.get(f.id, []), by_id, on_line.get(f.line_id, []),
                    threshold) for f, code in found]


def entries_on(store: Store, inspection_id: str, line_id: str) -> list[EvidenceRecord]:
    """The live entries of a line, oldest first: what a finding on it may be backed by."""
    with store.session() as s:
        return [entry for _, entry in _entries(s, inspection_id, {line_id}, set())]


def _record(f: m.Finding, code: str, ids: list[str], by_id: dict, on_line: list,
            threshold: int) -> FindingRecord:
    backing = sorted((by_id[i] for i in ids if i in by_id), key=lambda e: (e.at, e.id))
    return FindingRecord(
        f.id, f.line_id, code, f.text, f.polarity,
        rules.security([e.source for e in backing], threshold), tuple(backing),
        tuple(rules.contradicting(f.polarity, ids, on_line)))


def _entries(s: Session, inspection_id: str, line_ids: set[str],
             linked: set[str]) -> list[tuple[str, EvidenceRecord]]:
    """Live entries on these lines or backing a finding, oldest first, with their line."""
    rows = s.exec(evidence.query(inspection_id).where(
        or_(m.Evidence.line_id.in_(line_ids), m.Evidence.id.in_(linked)))
        .order_by(m.Evidence.at, m.Evidence.id)).all()
    return [(e.line_id, evidence.record(e, code, urn, name)) for e, code, urn, name in rows]


def _links(s: Session, inspection_id: str) -> dict[str, list[str]]:
    rows = s.exec(select(m.FindingEvidence.finding_id, m.FindingEvidence.evidence_id).where(
        m.FindingEvidence.inspection_id == inspection_id,
        m.FindingEvidence.deleted_at.is_(None))).all()
    out: dict[str, list[str]] = {}
    for finding_id, evidence_id in rows:
        out.setdefault(finding_id, []).append(evidence_id)
    return out


def _back(store: Store, s: Session, row: m.Finding, evidence_ids: Iterable[str],
          summary: str) -> None:
    """Make exactly these entries (live, on the finding's line) back the finding."""
    wanted = dict.fromkeys(evidence_ids)
    links = s.exec(select(m.FindingEvidence).where(
        m.FindingEvidence.finding_id == row.id)).all()
    kept = {link.evidence_id for link in links if link.deleted_at is None}
    _check_entries(s, row, [e for e in wanted if e not in kept])
    for link in links:
        if link.evidence_id in wanted:
            wanted.pop(link.evidence_id)
            if link.deleted_at is not None:
                with store.change(s, row.inspection_id, link, summary):
                    link.deleted_at = None
        elif link.deleted_at is None:
            store.tombstone(s, row.inspection_id, link, summary)
    for evidence_id in wanted:
        store.insert(s, row.inspection_id, m.FindingEvidence(
            inspection_id=row.inspection_id, finding_id=row.id, evidence_id=evidence_id),
            summary)


def _check_entries(s: Session, row: m.Finding, new: list[str]) -> None:
    """Entries newly backing a finding are live and on its line."""
    if not new:
        return
    ok = set(s.exec(select(m.Evidence.id).where(
        m.Evidence.id.in_(new), m.Evidence.inspection_id == row.inspection_id,
        m.Evidence.line_id == row.line_id, m.Evidence.deleted_at.is_(None))).all())
    if len(ok) != len(new):
        raise InvalidInput("a finding is backed only by live evidence entries of its own line")


def _backing_ids(s: Session, finding_id: str) -> list[str]:
    return list(s.exec(select(m.FindingEvidence.evidence_id).where(
        m.FindingEvidence.finding_id == finding_id,
        m.FindingEvidence.deleted_at.is_(None))).all())


def _code(s: Session, row: m.Finding) -> str:
    line = s.get(m.LineOfEnquiry, row.line_id)
    return line.code if line else "?"


def _checked(text: str, polarity: str) -> str:
    problem = rules.statement_problem(text) or rules.polarity_problem(polarity)
    if problem:
        raise InvalidInput(problem)
    return rules.tidy_statement(text)
