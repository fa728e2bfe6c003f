"""What the report said, and the key dates that follow it.

The key dates are kept in step with their anchors (BRIEF §10.2): recording an outcome, a
report's receipt or publication, or setting a date by hand recomputes every date that counts
from it; a date set by hand is never recomputed over, and dates that no longer follow (an
outcome changed) are removed, through the write path, so that undo brings them back.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from sendtui.domain import frameworks as fw
from sendtui.domain import keys
from sendtui.domain import outcomes as oc
from sendtui.errors import InvalidInput, NotFound
from sendtui.store import glance
from sendtui.store import models as m
from sendtui.store.keys import natural
from sendtui.store.repo import Store
from sendtui.store.rows import live


def template_of(ins: m.Inspection) -> fw.Framework:
    """The framework with the inspection's own outcome labels and intervals."""
    return oc.with_edits(fw.get_framework(ins.framework), ins.template)


def framework_of(store: Store, inspection_id: str) -> fw.Framework:
    """The inspection's framework as it stands in the store, its own wording included."""
    with store.session() as s:
        ins = s.get(m.Inspection, inspection_id)
        if ins is None or ins.deleted_at:
            raise NotFound("that inspection no longer exists")
        return template_of(ins)


def record(store: Store, inspection_id: str, *, outcome: int | str | None = None,
           wsoa: bool | None = None, verdicts: dict[str, bool] | None = None,
           received: dt.date | None = None,
           published: dt.date | None = None) -> oc.AfterReport | None:
    """Record the outcome (2023: 1–3; 2016: WSOA required or not; revisit: the verdict per
    weakness) and the days the report was received and published; what follows is dated."""
    with store.session() as s:
        ins = s.get(m.Inspection, inspection_id)
        if ins is None or ins.deleted_at:
            raise NotFound("that inspection no longer exists")
        found = oc.recorded(template_of(ins), outcome=outcome, wsoa=wsoa, verdicts=verdicts)
        for day, what in ((received, "received"), (published, "published")):
            if day is not None and day <= ins.notified:
                raise InvalidInput(f"the report cannot be {what} on {day.isoformat()}, on or "
                                   f"before the notification ({ins.notified.isoformat()})")
        with store.change(s, inspection_id, ins, "outcome recorded"):
            if found.outcome is not None:
                ins.outcome = found.to_json()
            if published is not None:
                ins.published = published
        if received is not None:
            _set_received(store, s, ins, received)
        sync(store, s, ins)
    return after_report(store, inspection_id)


def reword(store: Store, inspection_id: str, labels: dict[str, str],
           intervals: dict[tuple[str, str], str]) -> fw.Framework:
    """Change this inspection's outcome wording and the intervals that follow each outcome
    (the template is untouched); the dates that follow are recomputed."""
    with store.session() as s:
        ins = s.get(m.Inspection, inspection_id)
        if ins is None or ins.deleted_at:
            raise NotFound("that inspection no longer exists")
        framework = oc.reworded(template_of(ins), labels, intervals)
        with store.change(s, inspection_id, ins, "outcome wording changed"):
            ins.template = oc.editable(framework)
        sync(store, s, ins)
    return framework


def _set_received(store: Store, s: Session, ins: m.Inspection, day: dt.date) -> None:
    row = s.exec(live(m.KeyDateRow, ins.id).where(m.KeyDateRow.key == fw.RECEIVED)).first()
    if row is None:
        store.insert(s, ins.id, m.KeyDateRow(
            id=natural(s, m.KeyDateRow, keys.key_date_id(ins.id, fw.RECEIVED)),
            inspection_id=ins.id, key=fw.RECEIVED, label="Final report received", date=day,
            rule="recorded", edited=True), "report received recorded")
        return
    with store.change(s, ins.id, row, "report received recorded"):
        row.date, row.edited, row.rule = day, True, "recorded"


def sync(store: Store, s: Session, ins: m.Inspection) -> None:
    """Bring the inspection's key dates in step with its anchors and outcome."""
    rows = {r.key: r for r in s.exec(live(m.KeyDateRow, ins.id)).all()}
    fixed = {key: (r.date, r.end) for key, r in rows.items() if r.edited}
    received = rows.get(fw.RECEIVED)
    framework = template_of(ins)
    computed = fw.key_dates(framework, ins.notified, ins.published,
                            received=received.date if received else None,
                            outcome=oc.Recorded.from_json(ins.outcome).outcome, fixed=fixed)
    summary = "key dates recomputed"
    for kd in computed:
        row = rows.pop(kd.key, None)
        if row is None:
            store.insert(s, ins.id, m.KeyDateRow(id=natural(s, m.KeyDateRow, keys.key_date_id(
                                                     ins.id, kd.key)),
                                                 inspection_id=ins.id, key=kd.key,
                                                 label=kd.label, date=kd.date, end=kd.end,
                                                 rule=kd.rule), summary)
        elif not row.edited and (row.date, row.end, row.label, row.rule) != (
                kd.date, kd.end, kd.label, kd.rule):
            with store.change(s, ins.id, row, summary):
                row.date, row.end, row.label, row.rule = kd.date, kd.end, kd.label, kd.rule
    gone = fw.after_report_keys(framework)
    for key, row in rows.items():
        if key in gone and not row.edited:
            store.tombstone(s, ins.id, row, summary)


def after_report(store: Store, inspection_id: str) -> oc.AfterReport | None:
    with store.plain_reads() as rows:
        return glance.after_report(rows, inspection_id)
