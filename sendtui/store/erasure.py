"""Erasing for good: an evidence entry, an event, a marked name or a whole inspection.

Deleting is a tombstone that undo can bring back; erasing is final. The content leaves every
table, the search index, the undo log, the drafts and the audit log, so that it cannot be read
back from the file. What remains is content-free: the row's id, its stamps and `deleted_at`,
and an `Erasure` row (table, id) so that a merge on another laptop erases it too. Then the WAL
is checkpointed and the file VACUUMed (secure_delete is on), so freed pages hold nothing; on
PostgreSQL the tables are VACUUMed (store/compaction.py: what the server still keeps).

These are the one place where rows are deleted or rewritten outside `Store.change`'s undo log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, delete, select

from sendtui.domain.clock import utc_now
from sendtui.domain.redaction import Redactor
from sendtui.errors import Ambiguous, NotFound
from sendtui.store import models as m
from sendtui.store.glance import OPENED
from sendtui.store.compaction import compact
from sendtui.store.erasure_rows import (
    delete_rows, drop_dead_drafts, drop_drafts_holding, forget_changes, is_erased, note_erasure,
    rebuild_search_index, record_erasure, tombstones)
from sendtui.store.erasure_text import TEXTS, folded, rewrite, spellings
from sendtui.store.repo import Store

SHORTEST_PREFIX = 4  # an id may be given by its first characters, as an inspection's may


@dataclass(frozen=True)
class Erased:
    """What an erase did, in words that never hold the content."""

    what: str  # "evidence entry 3f2a9c1e"
    rows: int  # rows erased, deleted or rewritten (0: it had been erased already)
    compacted: bool  # the free space was cleared (a file VACUUMed, a server's tables too)


# --- the four erasures ------------------------------------------------------------------


def erase_evidence(store: Store, ins_id: str, evidence_id: str) -> Erased:
    """The entry's text, case reference, versions, undo history and drafts, for good."""
    return _erase_one(store, ins_id, m.Evidence, evidence_id, "evidence entry", _erase_entry,
                      reindex=True)


def erase_event(store: Store, ins_id: str, event_id: str) -> Erased:
    """The event's title, place and notes, its people and its undo history, for good; the
    evidence recorded at it stays, no longer linked to it."""
    return _erase_one(store, ins_id, m.Event, event_id, "event", _erase_event, reindex=False)


def erase_name(store: Store, ins_id: str, name_or_pseudonym: str) -> Erased:
    """A marked name, for good: every place it was written (evidence and its versions,
    events, people, drafts, the undo log) now says its pseudonym, and the marked name's row
    keeps only the pseudonym. The record stays usable; the identity goes."""
    with store.session() as s:
        marked = _marked(s, ins_id, name_or_pseudonym)
        pseudonym = next((r.pseudonym for r in marked if r.name), marked[0].pseudonym)
        rows = _erase_names(store, s, ins_id, marked)
        rows += drop_dead_drafts(s, ins_id)
        if rows:
            note_erasure(store, s, ins_id, f"the name marked as {pseudonym}")
        rebuild_search_index(s)
    return Erased(f"the name marked as {pseudonym}", rows, compact(store))


def erase_deleted(store: Store, ins_id: str) -> Erased:
    """Everything of the inspection that was deleted and undo could still bring back, for
    good: evidence entries and events as `erase_evidence` and `erase_event` do, and removed
    marked names (their rows only: a name no longer marked is not replaced in the texts)."""
    with store.session() as s:
        rows = 0
        for entry in tombstones(s, m.Evidence, ins_id):
            rows += _erase_entry(store, s, entry)
        for event in tombstones(s, m.Event, ins_id):
            rows += _erase_event(store, s, event)
        for finding in tombstones(s, m.Finding, ins_id):
            rows += _erase_finding(store, s, finding)
        for request in tombstones(s, m.InfoRequest, ins_id):
            rows += _erase_request(store, s, request)
        rows += _erase_plan_rows(store, s, ins_id)
        for marked in tombstones(s, m.ProtectedName, ins_id):
            if marked.name:
                rows += forget_changes(s, "protected_name", marked.id)
                with store.change(s, None, marked):
                    marked.name, marked.case_ref, marked.born = "", None, None
                record_erasure(store, s, ins_id, "protected_name", marked.id)
                rows += 1
        rows += drop_dead_drafts(s, ins_id)
        if rows:
            note_erasure(store, s, ins_id, "everything deleted")
        rebuild_search_index(s)
    return Erased("everything deleted in this inspection", rows, compact(store))


def purge(store: Store, ins_id: str) -> Erased:
    """The whole inspection, every row of every table, for good; only an `Erasure` row for
    the inspection remains (a merge erases everything of it)."""
    with store.session() as s:
        if s.get(m.Inspection, ins_id) is None:
            raise NotFound("that inspection no longer exists")
        rows = _delete_inspection(s, ins_id)
        record_erasure(store, s, ins_id, "inspection", ins_id)
        rebuild_search_index(s)
    return Erased(f"inspection {ins_id[:8]}", rows, compact(store))


def find_id(store: Store, ins_id: str, model: type[m.OfInspection], ref: str,
            what: str) -> str:
    """The full id of a row of this inspection (a tombstone too) from its id or a unique
    prefix of it."""
    key = ref.strip().lower()
    with store.session() as s:
        row = s.get(model, key) if key else None
        if row is not None and row.inspection_id == ins_id:
            return row.id
        found = s.exec(select(model.id).where(
            model.inspection_id == ins_id, model.id.startswith(key, autoescape=True))
            .limit(3)).all() if len(key) >= SHORTEST_PREFIX else []
    if not found:
        raise NotFound(f"no {what} has the id {ref.strip()!r} in this inspection")
    if len(found) > 1:
        raise Ambiguous(f"several {what} ids start with {ref.strip()!r}: give more of it")
    return found[0]


# --- one entry, one event ------------------------------------------------------------------


def _erase_one(store: Store, ins_id: str, model: type[m.OfInspection], ref: str, what: str,
               erase: Callable[[Store, Session, m.Tracked], int], reindex: bool) -> Erased:
    row_id = find_id(store, ins_id, model, ref, what)
    said = f"{what} {row_id[:8]}"
    with store.session() as s:
        row = s.get(model, row_id)
        rows = 0 if is_erased(s, row) else erase(store, s, row)
        rows += drop_dead_drafts(s, ins_id)
        if rows:
            note_erasure(store, s, ins_id, said)
        if reindex:  # the entry's words leave the search index
            rebuild_search_index(s)
    return Erased(said, rows, compact(store))


def _erase_entry(store: Store, s: Session, entry: m.Evidence) -> int:
    texts = {entry.text, *s.exec(select(m.EvidenceVersion.text).where(
        m.EvidenceVersion.evidence_id == entry.id))}
    rows = delete_rows(s, m.EvidenceVersion, m.EvidenceVersion.evidence_id == entry.id)
    rows += _unlink_entry(s, entry.id)
    rows += forget_changes(s, "evidence", entry.id)
    rows += drop_drafts_holding(s, entry.inspection_id, texts)
    with store.change(s, None, entry):  # the text's UPDATE takes it out of the index
        entry.text, entry.case_ref, entry.judgement, entry.author = "", None, None, ""
        entry.setting_id = entry.event_id = None
        entry.deleted_at = entry.deleted_at or utc_now()
    record_erasure(store, s, entry.inspection_id, "evidence", entry.id)
    return rows + 1


def _erase_event(store: Store, s: Session, event: m.Event) -> int:
    rows = delete_rows(s, m.EventPerson, m.EventPerson.event_id == event.id)
    for entry in s.exec(select(m.Evidence).where(m.Evidence.event_id == event.id)).all():
        with store.change(s, None, entry):
            entry.event_id = None
        rows += 1
    rows += forget_changes(s, "event", event.id)
    with store.change(s, None, event):
        event.title = event.location = event.notes = ""
        event.audience = event.setting_id = None
        event.status = "cancelled"
        event.sequence += 1  # a calendar that had it sees it cancelled
        event.deleted_at = event.deleted_at or utc_now()
    record_erasure(store, s, event.inspection_id, "event", event.id)
    return rows + 1


def _unlink_entry(s: Session, evidence_id: str) -> int:
    """The entry no longer backs any finding, and no undo can link it again."""
    return _drop_links(s, m.FindingEvidence.evidence_id == evidence_id)


def _erase_finding(store: Store, s: Session, finding: m.Finding) -> int:
    """A removed finding's statement and backing, for good."""
    rows = _drop_links(s, m.FindingEvidence.finding_id == finding.id)
    rows += forget_changes(s, "finding", finding.id)
    with store.change(s, None, finding):
        finding.text = ""
    record_erasure(store, s, finding.inspection_id, "finding", finding.id)
    return rows + 1


def _erase_request(store: Store, s: Session, request: m.InfoRequest) -> int:
    """A removed request's title, reason, place and notes, for good."""
    rows = forget_changes(s, "info_request", request.id)
    with store.change(s, None, request):
        request.title = request.reason = request.where = request.notes = ""
    record_erasure(store, s, request.inspection_id, "info_request", request.id)
    return rows + 1


# The plan's removed rows and what each holds that a person may have typed (the same free
# texts a name's erasure rewrites).
PLAN_TEXTS = tuple((model, fields) for model, fields in TEXTS
                   if model in (m.Action, m.Weakness, m.PlanVersion, m.ReportBack))


def _erase_plan_rows(store: Store, s: Session, ins_id: str) -> int:
    """Removed actions, weaknesses, plan versions and report-backs: their text, for good."""
    rows = 0
    for model, fields in PLAN_TEXTS:
        for row in tombstones(s, model, ins_id):
            rows += forget_changes(s, model.__tablename__, row.id)
            with store.change(s, None, row):
                for name in fields:
                    setattr(row, name, "")
            record_erasure(store, s, ins_id, model.__tablename__, row.id)
            rows += 1
    return rows


def _drop_links(s: Session, *where) -> int:
    links = s.exec(select(m.FindingEvidence.id).where(*where)).all()
    return (sum(forget_changes(s, "finding_evidence", link) for link in links)
            + delete_rows(s, m.FindingEvidence, *where))


# --- a marked name -------------------------------------------------------------------------


def _marked(s: Session, ins_id: str, given: str) -> list[m.ProtectedName]:
    """The marked-name rows (removed ones too) for a name or pseudonym: the same name marked
    more than once, then removed, is one name. Live ones first."""
    key = folded(given)
    rows = s.exec(select(m.ProtectedName).where(m.ProtectedName.inspection_id == ins_id)
                  .order_by(m.ProtectedName.deleted_at.is_not(None),
                            m.ProtectedName.updated_at.desc())).all()
    chosen = [r for r in rows if key and key in (folded(r.name), folded(r.pseudonym))]
    if not chosen:
        raise NotFound("no name is marked sensitive by that name or pseudonym")
    names = {folded(r.name) for r in chosen if r.name}
    return [r for r in rows if r in chosen or folded(r.name) in names]


def _erase_names(store: Store, s: Session, ins_id: str,
                 marked: list[m.ProtectedName]) -> int:
    protected = [p for r in marked if r.name for p in spellings(r)]
    if not protected:  # erased already
        return 0
    redactor = Redactor(protected, [r.case_ref for r in marked if r.case_ref])
    rows = rewrite(store, s, ins_id, lambda t: redactor.redact(t) if t else t)
    for row in marked:
        rows += forget_changes(s, "protected_name", row.id)
        if row.name:
            with store.change(s, None, row):
                row.name = ""  # the pseudonym stays: it is what the texts now say
                row.case_ref, row.born = None, None
                row.deleted_at = row.deleted_at or utc_now()
            record_erasure(store, s, ins_id, "protected_name", row.id)
            rows += 1
    return rows


# --- a whole inspection ------------------------------------------------------------------

# Children before parents: the foreign keys hold at every step.
OWNED = (m.Action, m.Weakness, m.PlanVersion, m.ReportBack, m.InfoRequest,
         m.FindingEvidence, m.Finding, m.Evidence, m.TrackedChild, m.EvidenceDraft, m.Change,
         m.AuditEntry, m.ProtectedName, m.Event, m.Person, m.Setting, m.PostcodePoint,
         m.LineOfEnquiry, m.KeyDateRow, m.Alias)


def _delete_inspection(s: Session, ins_id: str) -> int:
    rows = delete_rows(s, m.EvidenceVersion, m.EvidenceVersion.evidence_id.in_(
        select(m.Evidence.id).where(m.Evidence.inspection_id == ins_id)))
    rows += delete_rows(s, m.EventPerson, m.EventPerson.event_id.in_(
        select(m.Event.id).where(m.Event.inspection_id == ins_id)))
    rows += delete_rows(s, m.Availability, m.Availability.person_id.in_(
        select(m.Person.id).where(m.Person.inspection_id == ins_id)))
    for model in OWNED:
        rows += delete_rows(s, model, model.inspection_id == ins_id)
    s.exec(delete(m.StoreInfo).where(m.StoreInfo.key.startswith(OPENED),  # users' last opened
                                     m.StoreInfo.value.startswith(ins_id + " ")))
    return rows + delete_rows(s, m.Inspection, m.Inspection.id == ins_id)
