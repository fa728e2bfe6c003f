"""An inspection read into a `Briefing` (sendtui.records.briefing) in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import func
from sqlmodel import select

from sendtui.domain import frameworks as fw
from sendtui.domain.clock import london_to_utc
from sendtui.domain.events import title_of
from sendtui.domain.triangulation import DEFAULT_THRESHOLD
from sendtui.records import (
    EPOCH,
    Briefing,
    PersonRecord,
    RequestRecord,
    SettingRecord,
    SheetEvent,
)
from sendtui.store import evidence, findings, inspections, lines, people, planning, settings
from sendtui.store import plan as plans
from sendtui.store import requests as info_requests
from sendtui.store import models as m
from sendtui.store.engines import plain_runner
from sendtui.store.names import redactor
from sendtui.store.repo import Store
from sendtui.store.rows import live


def gather(store: Store, inspection_id: str, today: dt.date,
           threshold: int = DEFAULT_THRESHOLD) -> Briefing:
    """The inspection as the exports see it. Removed events are kept (as cancelled) until the
    on-site week is over, so that calendars which imported them drop them."""
    with store.session() as s:
        ins = inspections.find(store, inspection_id)
        key_dates = inspections.key_dates(store, inspection_id)
        ended = _inspection_over(key_dates, today)
        events = _events(s, inspection_id, keep_removed=not ended)
        enquiry = lines.all(store, inspection_id)
        entries = list(reversed(evidence.all(store, inspection_id)))
        return Briefing(
            inspection=ins, key_dates=tuple(key_dates), events=tuple(events),
            people=tuple(people.all(store, inspection_id)),
            problems=tuple(planning.problems(store, inspection_id)),
            lines=tuple(enquiry), evidence=tuple(entries),
            rules=planning.rules(store, inspection_id),
            redactor=redactor(store, inspection_id), threshold=threshold,
            as_of=_latest_change(s, inspection_id),
            findings=tuple(findings.all(store, inspection_id, threshold)),
            plan=replace(plans.read(store, inspection_id),
                         now=london_to_utc(today, MORNING)),
            requests=_requests(s, inspection_id),
        )


MORNING = dt.time(9)  # overdue in an export: as seen at 09:00 on the day it is made


def _inspection_over(key_dates: list[fw.KeyDate], today: dt.date) -> bool:
    on_site = next((k for k in key_dates if k.key == "on-site"), None)
    return on_site is not None and (on_site.end or on_site.date) < today


def _events(s, inspection_id: str, keep_removed: bool) -> list[SheetEvent]:
    query = select(m.Event).where(m.Event.inspection_id == inspection_id)
    if not keep_removed:
        query = query.where(m.Event.deleted_at.is_(None))
    rows = s.exec(query.order_by(m.Event.start, m.Event.title, m.Event.id)).all()
    places = {r.id: settings.record(r) for r in s.exec(
        select(m.Setting).where(m.Setting.inspection_id == inspection_id))}
    listed = {r.id: people.record(r) for r in s.exec(live(m.Person, inspection_id))}
    attending: dict[str, list[PersonRecord]] = {}
    for ep in s.exec(select(m.EventPerson).join(m.Event).where(
            m.Event.inspection_id == inspection_id, m.EventPerson.deleted_at.is_(None))
            .order_by(m.EventPerson.updated_at, m.EventPerson.id)):
        if ep.person_id in listed:
            attending.setdefault(ep.event_id, []).append(listed[ep.person_id])
    return [SheetEvent(
        r.id, r.kind, title_of(r.kind, r.title, _name(places.get(r.setting_id))), r.start,
        r.end, places.get(r.setting_id), r.location, r.notes,
        tuple(attending.get(r.id, ())), r.sequence, r.updated_at,
        r.deleted_at is not None or r.status == "cancelled") for r in rows]


def _name(setting: SettingRecord | None) -> str | None:
    return setting.name if setting else None


def _requests(s, inspection_id: str) -> tuple[RequestRecord, ...]:
    """The live requests, read in this transaction, by due instant (the undated last)."""
    conn = s.connection()
    found = info_requests.read(plain_runner(conn), inspection_id)
    far = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    return tuple(sorted(found, key=lambda r: (r.due_at is None, r.due_at or far,
                                              r.title.casefold(), r.id)))


def _latest_change(s, inspection_id: str) -> dt.datetime:
    # Not the inspection row: opening the app stamps it, and opening changes no export.
    stamps = []
    for model in (m.Event, m.Setting, m.Person, m.KeyDateRow, m.Evidence, m.LineOfEnquiry,
                  m.ProtectedName, m.Finding, m.FindingEvidence, m.Action, m.Weakness,
                  m.PlanVersion, m.ReportBack, m.InfoRequest):
        stamps.append(s.exec(select(func.max(model.updated_at)).where(
            model.inspection_id == inspection_id)).one())
    return max((x for x in stamps if x is not None), default=EPOCH)
