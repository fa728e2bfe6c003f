"""Inspections: created from a framework (key dates and lines), found by name, opened; their
key dates, and what they hold in numbers."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from sendtui.domain import frameworks as fw
from sendtui.domain import keys
from sendtui.domain import outcomes as oc
from sendtui.domain.clock import utc_now
from sendtui.domain.words import plain_name
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import Counts, InspectionRecord
from sendtui.store import glance, requests
from sendtui.store import models as m
from sendtui.store.identity import put_info
from sendtui.store.keys import natural
from sendtui.store.repo import Store
from sendtui.store.rows import live


def create(store: Store, local_area: str, framework: str, notified: dt.date,
           opened: bool = True, inspection_id: str | None = None) -> InspectionRecord:
    """A new inspection with the framework's key dates and lines of enquiry; `opened`: it
    becomes the one found when no inspection is named (the last opened). `inspection_id`:
    its id where every laptop must make the same (the demo's), unless taken. The key dates
    and lines take ids made from the inspection's and their keys (`domain/keys.py`)."""
    local_area = plain_name(local_area, "the local area's name")
    if not local_area:
        raise InvalidInput("the local area needs a name")
    template = fw.get_framework(framework)
    dates = fw.key_dates(template, notified)
    with store.session() as s:
        ins = store.insert(s, None, m.Inspection(id=_id(s, inspection_id),
                                                 local_area=local_area, framework=framework,
                                                 notified=notified,
                                                 template=oc.editable(template)))
        s.flush()
        if opened:
            _opened(store, s, ins.id)
        for kd in dates:
            store.insert(s, None, m.KeyDateRow(
                id=natural(s, m.KeyDateRow, keys.key_date_id(ins.id, kd.key)),
                inspection_id=ins.id, key=kd.key, label=kd.label, date=kd.date, end=kd.end,
                rule=kd.rule))
        for pos, line in enumerate(template.lines):
            store.insert(s, None, m.LineOfEnquiry(id=natural(s, m.LineOfEnquiry, keys.line_id(
                                                      ins.id, line.code)),
                                                  inspection_id=ins.id, code=line.code,
                                                  title=line.title, strand=line.strand,
                                                  position=pos))
        requests.seed(store, s, ins.id, framework, {kd.key: kd.date for kd in dates})
        return record(ins)


def all(store: Store) -> list[InspectionRecord]:  # noqa: A001
    with store.session() as s:
        rows = s.exec(select(m.Inspection).where(m.Inspection.deleted_at.is_(None))
                      .order_by(m.Inspection.local_area, m.Inspection.notified)).all()
        marks = s.exec(select(m.StoreInfo).where(m.StoreInfo.key.startswith(glance.OPENED)))
        return glance.opened_by(store.device_id, {i.key: i.value for i in marks},
                                [record(r) for r in rows])


def find(store: Store, ref: str | None = None) -> InspectionRecord:
    """By id or unique prefix of the local area; default the only one or the last opened."""
    return glance.choose(all(store), ref)


def mark_opened(store: Store, inspection_id: str) -> None:
    """Opened now by this laptop (user): the one found when they name no inspection."""
    with store.session() as s:
        _opened(store, s, inspection_id)


def _opened(store: Store, s, inspection_id: str) -> None:
    """Bookkeeping of this laptop's, kept in store_info: not stamped, never in a bundle, not
    undone, and another user of a server database keeps their own."""
    put_info(s, glance.OPENED + store.device_id, glance.opened_value(inspection_id, utc_now()))


def key_dates(store: Store, inspection_id: str) -> list[fw.KeyDate]:
    with store.plain_reads() as rows:
        return glance.key_dates(rows, inspection_id)


def set_key_date(store: Store, inspection_id: str, key: str, date: dt.date,
                 end: dt.date | None = None) -> fw.KeyDate:
    """The coordinator's own date for a key date: kept, marked as edited; the dates that count
    from it follow (those set by hand stay)."""
    from sendtui.store.outcomes import sync

    if end is not None and end < date:
        raise InvalidInput(f"the end {end} is before the start {date}")
    with store.session() as s:
        row = s.exec(live(m.KeyDateRow, inspection_id).where(m.KeyDateRow.key == key)).first()
        if row is None:
            raise NotFound(f"no key date {key!r}")
        summary = f"key date {row.label} set to {date}"
        with store.change(s, inspection_id, row, summary):
            row.date, row.end, row.edited = date, end if row.end or end else None, True
            row.rule = "set by hand"
        ins = s.get(m.Inspection, inspection_id)
        if key == fw.PUBLISHED:
            with store.change(s, inspection_id, ins, summary):
                ins.published = date
        sync(store, s, ins)
        requests.follow_key_dates(store, s, inspection_id, summary)
        return _key_date(row)


def counts(store: Store, inspection_id: str) -> Counts:
    with store.plain_reads() as rows:
        return glance.counts(rows, inspection_id)


def _id(s, wanted: str | None) -> str:
    return natural(s, m.Inspection, wanted) if wanted else m.new_id()


def record(r: m.Inspection) -> InspectionRecord:
    return InspectionRecord(r.id, r.local_area, r.framework, r.notified, r.published,
                            r.last_opened_at)


def _key_date(r: m.KeyDateRow) -> fw.KeyDate:
    return fw.KeyDate(r.key, r.label, r.date, r.end, r.rule)
