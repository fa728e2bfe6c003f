"""The plan after the report: weaknesses (with their actions in store.actions), the plan's
versions and the report-backs to scrutiny. Every write is one undoable action; `read` gives
the whole plan as a `PlanRecord` in one transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import select

from sendtui.domain import plan as rules
from sendtui.records.plan import (
    PlanRecord,
    PlanVersionRecord,
    ReportBackRecord,
    WeaknessRecord,
)
from sendtui.store import actions
from sendtui.store import models as m
from sendtui.store.repo import Store
from sendtui.store.rows import live, live_row

GONE = {m.Weakness: "that weakness", m.PlanVersion: "that plan version",
        m.ReportBack: "that report-back"}


def _framework(s, inspection_id: str) -> str:
    ins = s.get(m.Inspection, inspection_id)
    return ins.framework if ins else ""


# --- weaknesses ----------------------------------------------------------------------------

def add_weakness(store: Store, inspection_id: str, title: str, kind: str = rules.PRIORITY) -> str:
    title = rules.tidy_title(title)
    with store.session() as s:
        kind = rules.check_kind(_framework(s, inspection_id), kind)
        last = s.exec(select(func.max(m.Weakness.position)).where(
            m.Weakness.inspection_id == inspection_id)).one()
        row = store.insert(s, inspection_id, m.Weakness(
            inspection_id=inspection_id, kind=kind, title=title,
            position=(last or 0) + 1), "weakness added to the plan")
        return row.id


def edit_weakness(store: Store, inspection_id: str, weakness_id: str, title: str,
                  kind: str) -> None:
    title = rules.tidy_title(title)
    with store.session() as s:
        kind = rules.check_kind(_framework(s, inspection_id), kind)
        row = live_row(s, m.Weakness, weakness_id, inspection_id, GONE[m.Weakness])
        with store.change(s, inspection_id, row, "weakness edited"):
            row.title, row.kind = title, kind


def set_verdict(store: Store, inspection_id: str, weakness_id: str, verdict: str,
                on: dt.date | None = None) -> None:
    """The revisit's or monitoring's verdict on a weakness ("" takes it back)."""
    verdict = rules.check_verdict(verdict)
    with store.session() as s:
        row = live_row(s, m.Weakness, weakness_id, inspection_id, GONE[m.Weakness])
        with store.change(s, inspection_id, row, "verdict on a weakness"):
            row.verdict, row.verdict_on = verdict, (on if verdict else None)


def remove_weakness(store: Store, inspection_id: str, weakness_id: str) -> None:
    """The weakness and its actions (one undo brings them back)."""
    with store.session() as s:
        row = live_row(s, m.Weakness, weakness_id, inspection_id, GONE[m.Weakness])
        for action in s.exec(live(m.Action, inspection_id).where(
                m.Action.weakness_id == row.id)).all():
            store.tombstone(s, inspection_id, action, "weakness removed from the plan")
        store.tombstone(s, inspection_id, row, "weakness removed from the plan")


# --- versions of the plan ------------------------------------------------------------------

def add_version(store: Store, inspection_id: str, kind: str, version: str = "1",
                submitted_on: dt.date | None = None, decided_on: dt.date | None = None,
                fit: bool | None = None, resubmitted_on: dt.date | None = None,
                notes: str = "") -> str:
    fields = _version_fields(kind, version, submitted_on, decided_on, fit, resubmitted_on,
                             notes)
    with store.session() as s:
        row = store.insert(s, inspection_id, m.PlanVersion(
            inspection_id=inspection_id, **fields), "plan version added")
        return row.id


def edit_version(store: Store, inspection_id: str, version_id: str, kind: str, version: str,
                 submitted_on: dt.date | None, decided_on: dt.date | None, fit: bool | None,
                 resubmitted_on: dt.date | None, notes: str = "") -> None:
    fields = _version_fields(kind, version, submitted_on, decided_on, fit, resubmitted_on,
                             notes)
    with store.session() as s:
        row = live_row(s, m.PlanVersion, version_id, inspection_id, GONE[m.PlanVersion])
        with store.change(s, inspection_id, row, "plan version edited"):
            for name, value in fields.items():
                setattr(row, name, value)


def _version_fields(kind, version, submitted_on, decided_on, fit, resubmitted_on,
                    notes) -> dict:
    rules.check_version_dates(submitted_on, decided_on, resubmitted_on)
    return {"kind": rules.check_plan_kind(kind),
            "version": rules.tidy_title(version, "a plan version"),
            "submitted_on": submitted_on, "decided_on": decided_on,
            "fit": fit if decided_on else None, "resubmitted_on": resubmitted_on,
            "notes": rules.tidy_note(notes)}


# --- report-backs to scrutiny ---------------------------------------------------------------

def add_report_back(store: Store, inspection_id: str, on: dt.date, to: str,
                    notes: str = "") -> str:
    to, notes = rules.tidy_title(to, "a report-back"), rules.tidy_note(notes)
    with store.session() as s:
        row = store.insert(s, inspection_id, m.ReportBack(
            inspection_id=inspection_id, on=on, to=to, notes=notes), "report-back added")
        return row.id


def edit_report_back(store: Store, inspection_id: str, report_id: str, on: dt.date, to: str,
                     notes: str = "") -> None:
    to, notes = rules.tidy_title(to, "a report-back"), rules.tidy_note(notes)
    with store.session() as s:
        row = live_row(s, m.ReportBack, report_id, inspection_id, GONE[m.ReportBack])
        with store.change(s, inspection_id, row, "report-back edited"):
            row.on, row.to, row.notes = on, to, notes


def remove_version(store: Store, inspection_id: str, version_id: str) -> None:
    _remove(store, inspection_id, m.PlanVersion, version_id, "plan version removed")


def remove_report_back(store: Store, inspection_id: str, report_id: str) -> None:
    _remove(store, inspection_id, m.ReportBack, report_id, "report-back removed")


def _remove(store: Store, inspection_id: str, model: type, row_id: str, summary: str) -> None:
    """A tombstone (back with undo)."""
    with store.session() as s:
        store.tombstone(s, inspection_id, live_row(s, model, row_id, inspection_id,
                                                   GONE[model]), summary)


# --- the whole plan ------------------------------------------------------------------------

def read(store: Store, inspection_id: str) -> PlanRecord:
    with store.session() as s:
        every = actions.read(s, inspection_id)
        weaknesses = s.exec(live(m.Weakness, inspection_id).order_by(
            m.Weakness.position, m.Weakness.id)).all()
        versions = s.exec(live(m.PlanVersion, inspection_id).order_by(
            m.PlanVersion.submitted_on.is_(None), m.PlanVersion.submitted_on,
            m.PlanVersion.version, m.PlanVersion.id)).all()
        reports = s.exec(live(m.ReportBack, inspection_id).order_by(
            m.ReportBack.on, m.ReportBack.id)).all()
        framework = _framework(s, inspection_id)
    listed = {w.id for w in weaknesses}
    return PlanRecord(
        framework,
        tuple(WeaknessRecord(w.id, w.kind, w.title, w.position, w.verdict, w.verdict_on,
                             tuple(a for a in every if a.weakness_id == w.id))
              for w in weaknesses),
        tuple(a for a in every if a.weakness_id not in listed),
        tuple(PlanVersionRecord(v.id, v.kind, v.version, v.submitted_on, v.decided_on, v.fit,
                                v.resubmitted_on, v.notes) for v in versions),
        tuple(ReportBackRecord(r.id, r.on, r.to, r.notes) for r in reports))
