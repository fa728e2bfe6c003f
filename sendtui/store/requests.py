"""Information requests: seeded from the framework, added, edited, ticked and reopened.

Every write goes through `Store.insert/change/tombstone` (undo, stamps). A due counted from a
key date (`due_anchor`) moves with it: `follow_key_dates` runs whenever a key date is set.
Undo summaries never hold a request's title (it may name a child).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlmodel import Session

from sendtui.domain import requests as rules
from sendtui.domain.clock import parse_time
from sendtui.domain.matching import did_you_mean, folded_name
from sendtui.errors import BadFile, InvalidInput, NotFound
from sendtui.records import RequestRecord, RequestRow
from sendtui.store import models as m
from sendtui.store.glance import Rows, instant
from sendtui.store.repo import Store
from sendtui.store.rows import live, live_row

GONE = "that request"
LIVE = "r.inspection_id = ? AND r.deleted_at IS NULL"


# --- reading ---------------------------------------------------------------------------------


def read(rows: Rows, ins: str) -> list[RequestRecord]:
    """The live requests, as stored (unordered: `rules.ordered` orders them for a moment)."""
    return [RequestRecord(i, title, kind, owner_id, owner or "", instant(due_at), anchor or "",
                          days or 0, at or "", status, reason, where, notes)
            for (i, title, kind, owner_id, owner, due_at, anchor, days, at, status, reason,
                 where, notes) in rows(
                'SELECT r.id, r.title, r.kind, r.owner_id, p.name, r.due_at, r.due_anchor, '
                'r.due_days, r.due_time, r.status, r.reason, r."where", r.notes '
                'FROM info_request r LEFT JOIN person p ON p.id = r.owner_id '
                f"WHERE {LIVE}", (ins,))]


def all(store: Store, ins: str, now: dt.datetime) -> list[RequestRecord]:  # noqa: A001
    """Overdue first, then by due, the undated and the finished last."""
    with store.plain_reads() as rows:
        return rules.ordered(read(rows, ins), now)


def listed(store: Store, ins: str, now: dt.datetime, owner: str | None = None,
           status: str | None = None) -> list[RequestRecord]:
    """As `all`, only one owner's (by name, any case or accents) and/or in one status."""
    if status is not None:
        status = rules.checked_status(status, "-")[0]
    found = all(store, ins, now)
    if owner is not None:
        wanted = folded_name(owner)
        known = {r.owner for r in found if r.owner} | _names(store, ins)
        if wanted not in {folded_name(k) for k in known}:
            raise NotFound("no person has that name in this inspection"
                           f"{did_you_mean(owner, sorted(known))}")
        found = [r for r in found if folded_name(r.owner) == wanted]
    return [r for r in found if status is None or r.status == status]


def due_today_and_overdue(store: Store, ins: str, now: dt.datetime) -> list[RequestRecord]:
    """What is overdue, then what is still due on now's day (London), in that order."""
    return [r for r in all(store, ins, now)
            if rules.is_overdue(r, now) or rules.is_due_today(r, now)]


def _names(store: Store, ins: str) -> set[str]:
    with store.plain_reads() as rows:
        return {name for (name,) in rows(
            "SELECT name FROM person WHERE inspection_id = ? AND deleted_at IS NULL", (ins,))}


# --- writing ---------------------------------------------------------------------------------


def seed(store: Store, s: Session, ins: str, framework: str,
         key_dates: dict[str, dt.date]) -> int:
    """The framework's template requests, due by their rules (set-up: not undoable)."""
    for item in rules.seeds(framework):
        store.insert(s, ins, m.InfoRequest(
            inspection_id=ins, title=item.title, kind=item.kind, notes=item.notes,
            due_at=rules.due_by_rule(item.rule, key_dates), due_anchor=item.rule.anchor,
            due_days=item.rule.days, due_time=f"{item.rule.at:%H:%M}"))
    return len(rules.seeds(framework))


def follow_key_dates(store: Store, s: Session, ins: str, summary: str) -> None:
    """Counted dues recomputed from the key dates as they are now (one undo with them)."""
    dates = {k.key: k.date for k in s.exec(live(m.KeyDateRow, ins))}
    for row in s.exec(live(m.InfoRequest, ins).where(m.InfoRequest.due_anchor != "")):
        due = rules.due_by_rule(_rule(row), dates)
        if due != row.due_at:
            with store.change(s, ins, row, summary):
                row.due_at = due


def add(store: Store, ins: str, title: str, kind: str = "document", owner: str = "",
        due_at: dt.datetime | rules.DueRule | None = None, where: str = "", notes: str = "",
        status: str = "to-do", reason: str = "", undoable: bool = True) -> RequestRecord:
    """A new request (owner: a person's name or ''; due: an instant or a rule); its record.
    Not `undoable`: set-up (the demo), kept out of the undo log."""
    fields = _checked(title, kind, status, reason)
    with store.session() as s:
        row = m.InfoRequest(inspection_id=ins, owner_id=_owner_id(s, ins, owner),
                            where=where.strip(), notes=notes.strip(), **fields)
        _set_due(s, ins, row, due_at)
        store.insert(s, ins, row, "request added" if undoable else None)
        return _record(s, row)


def edit(store: Store, ins: str, request_id: str, title: str, kind: str, owner: str,
         due: dt.datetime | rules.DueRule | None, where: str, notes: str, status: str,
         reason: str = "", undoable: bool = True) -> RequestRecord:
    """Every field anew; `due` an instant (typed), a rule (counted) or None."""
    fields = _checked(title, kind, status, reason)
    with store.session() as s:
        row = live_row(s, m.InfoRequest, request_id, ins, GONE)
        owner_id = _owner_id(s, ins, owner)
        with store.change(s, ins, row, "request edited" if undoable else None):
            for key, value in fields.items():
                setattr(row, key, value)
            row.owner_id, row.where, row.notes = owner_id, where.strip(), notes.strip()
            _set_due(s, ins, row, due)
        return _record(s, row)


def set_status(store: Store, ins: str, request_ids: Sequence[str], status: str,
               reason: str = "") -> int:
    """These requests in this status (one undo); how many changed."""
    status, reason = rules.checked_status(status, reason)
    changed = 0
    with store.session() as s:
        for request_id in dict.fromkeys(request_ids):
            row = live_row(s, m.InfoRequest, request_id, ins, GONE)
            if (row.status, row.reason) != (status, reason):
                with store.change(s, ins, row, _said(status, len(request_ids))):
                    row.status, row.reason = status, reason
                changed += 1
    return changed


def tick(store: Store, ins: str, request_ids: Sequence[str]) -> int:
    """Marked sent, all at once."""
    return set_status(store, ins, request_ids, "sent")


def reopen(store: Store, ins: str, request_ids: Sequence[str]) -> int:
    """Back to to-do (the not-held reason goes)."""
    return set_status(store, ins, request_ids, "to-do")


def remove(store: Store, ins: str, request_id: str) -> None:
    with store.session() as s:
        store.tombstone(s, ins, live_row(s, m.InfoRequest, request_id, ins, GONE),
                        "request removed")


def load(store: Store, ins: str, rows: Iterable[RequestRow], source: str = "file") -> int:
    """Requests from a file, all or nothing: an unknown owner refuses the file, row named."""
    rows = list(rows)
    with store.session() as s:
        people = _people(s, ins)
        for row in rows:
            owner_id = people.get(row.owner.casefold()) if row.owner else None
            if row.owner and owner_id is None:
                raise BadFile(f"{source}: row {row.number}, column owner: no person has that "
                              "name in this inspection")
            store.insert(s, ins, m.InfoRequest(
                inspection_id=ins, title=row.title, kind=row.kind, owner_id=owner_id,
                due_at=row.due_at, status=row.status, reason=row.reason, where=row.where,
                notes=row.notes), "requests imported")
    return len(rows)


def find_id(store: Store, ins: str, ref: str) -> str:
    """A request's full id from its id or a unique prefix (4 characters or more)."""
    from sendtui.store.erasure import find_id as find

    return find(store, ins, m.InfoRequest, ref, "request")


# --- inside ----------------------------------------------------------------------------------


def _checked(title: str, kind: str, status: str, reason: str) -> dict:
    status, reason = rules.checked_status(status, reason)
    return {"title": rules.checked_title(title), "kind": rules.checked_kind(kind),
            "status": status, "reason": reason}


def _said(status: str, n: int) -> str:
    what = "request" if n == 1 else f"{n} requests"
    return {"sent": f"{what} marked sent", "to-do": f"{what} reopened"}.get(
        status, f"{what} marked {status}")


def _set_due(s: Session, ins: str, row: m.InfoRequest,
             due: dt.datetime | rules.DueRule | None) -> None:
    if isinstance(due, rules.DueRule):
        dates = {k.key: k.date for k in s.exec(live(m.KeyDateRow, ins))}
        if due.anchor not in dates:
            raise InvalidInput("the inspection has no such key date")
        row.due_anchor, row.due_days, row.due_time = due.anchor, due.days, f"{due.at:%H:%M}"
        row.due_at = rules.due_by_rule(due, dates)
    else:
        row.due_anchor, row.due_days, row.due_time, row.due_at = "", 0, "", due


def _rule(row: m.InfoRequest) -> rules.DueRule:
    at = parse_time(row.due_time) if row.due_time else rules.DAY_ENDS
    return rules.DueRule(row.due_anchor, row.due_days, at)


def _people(s: Session, ins: str) -> dict[str, str]:
    return {p.name.casefold(): p.id for p in s.exec(live(m.Person, ins))}


def _owner_id(s: Session, ins: str, owner: str) -> str | None:
    owner = " ".join(owner.split())
    if not owner:
        return None
    people = s.exec(live(m.Person, ins)).all()
    found = [p for p in people if folded_name(p.name) == folded_name(owner)]
    if not found:
        raise NotFound("no person has that name in this inspection"
                       f"{did_you_mean(owner, (p.name for p in people))}")
    return found[0].id


def _record(s: Session, row: m.InfoRequest) -> RequestRecord:
    person = s.get(m.Person, row.owner_id) if row.owner_id else None
    return RequestRecord(row.id, row.title, row.kind, row.owner_id,
                         person.name if person else "", row.due_at, row.due_anchor,
                         row.due_days, row.due_time, row.status, row.reason, row.where,
                         row.notes)


def by_title(store: Store, ins: str) -> dict[str, RequestRecord]:
    """The live requests by title, read in the transaction under way (the demo's set-up)."""
    with store.session() as s:
        return {r.title: _record(s, r) for r in s.exec(live(m.InfoRequest, ins))}


def by_id(store: Store, ins: str, request_id: str) -> RequestRecord:
    with store.session() as s:
        return _record(s, live_row(s, m.InfoRequest, request_id, ins, GONE))

