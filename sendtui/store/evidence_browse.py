"""The evidence list as filtered on screen: a page of entries and the count, from SQL.

Only the page shown is read, so a store with 100,000 entries opens as fast as one with 60.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import bindparam, func
from sqlmodel import select

from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.records import EvidenceRecord
from sendtui.store import evidence
from sendtui.store import models as m
from sendtui.store.dialects import distinct_list
from sendtui.store.evidence_days import day_bounds, days, on_day
from sendtui.store.repo import Store

NO_JUDGEMENT = "-"  # the judgement filter value for entries without one


@dataclass(frozen=True)
class Filter:
    line: str = ""  # line code
    source: str = ""  # source slug
    setting_id: str = ""
    judgement: str = ""  # slug, or NO_JUDGEMENT
    day: dt.date | None = None  # a London day

    @property
    def active(self) -> bool:
        return self != Filter()

    def but(self, **changes) -> "Filter":
        return replace(self, **changes)


@dataclass(frozen=True)
class Facets:
    """What each filter can take: only values some live entry has."""

    lines: list[str]
    sources: list[str]
    settings: list[tuple[str, str]] | None  # (id, name), by name; None: not read yet
    judgements: list[str] | None  # None: not read yet
    days: list[dt.date]

    @property
    def partial(self) -> bool:
        """Settings and judgements not read yet (they take a pass over every row)."""
        return self.settings is None


def _where(query, inspection_id: str, f: Filter):
    if f.line:
        query = query.where(m.LineOfEnquiry.code == f.line)
    if f.source:
        query = query.where(m.Evidence.source == f.source)
    if f.setting_id:
        query = query.where(m.Evidence.setting_id == f.setting_id)
    if f.judgement == NO_JUDGEMENT:
        query = query.where(m.Evidence.judgement.is_(None))
    elif f.judgement:
        query = query.where(m.Evidence.judgement == f.judgement)
    if f.day:
        start, end = day_bounds(f.day)
        query = query.where(m.Evidence.at >= start, m.Evidence.at < end)
    return query


def page(store: Store, inspection_id: str, f: Filter = Filter(),
         limit: int = 200) -> list[EvidenceRecord]:
    """The newest `limit` entries the filter lets through (the index on (inspection, at)
    makes this a few milliseconds however many entries there are)."""
    query = _where(evidence.query(inspection_id), inspection_id, f)
    with store.session() as s:
        return [evidence.record(e, code, urn, name) for e, code, urn, name
                in s.exec(query.order_by(  # ties as `list evidence` has them: every laptop alike
                    m.Evidence.at.desc(), m.Evidence.text.desc(), m.Evidence.id).limit(limit))]


def count(store: Store, inspection_id: str, f: Filter = Filter(),
          upto: int | None = None) -> int:
    """How many live entries the filter lets through; with `upto`, counting stops there
    (cheap), so a result of `upto` means "at least". Without a filter on the line, only the
    index on (inspection, deleted, line, source) is read; for one day alone, the index on
    (inspection, at)."""
    if upto is None and f.day and f == Filter(day=f.day):
        return on_day(store, inspection_id, f.day)
    query = select(m.Evidence.id).where(
        m.Evidence.inspection_id == inspection_id, m.Evidence.deleted_at.is_(None))
    if f.line:
        query = query.join(m.LineOfEnquiry)
    query = _where(query, inspection_id, f)
    if upto is not None:
        query = query.limit(upto)
    with store.session() as s:
        return s.exec(select(func.count()).select_from(query.subquery())).one()


def passing(store: Store, inspection_id: str, f: Filter, ids: list[str]) -> set[str]:
    """Which of these entries the filter lets through."""
    if not f.active:
        return set(ids)
    query = _where(evidence.query(inspection_id), inspection_id, f).where(
        m.Evidence.id.in_(ids))
    with store.session() as s:
        return {e.id for e, *_ in s.exec(query)}


# Lines and sources come from the index on (inspection, deleted, line, source); settings and
# judgements have no index: one pass over the rows (seconds at 1,000,000).
_EV = m.Evidence.__table__.c


def _distinct(*columns):
    """Each column's distinct values among the inspection's live entries, joined by commas."""
    return select(*(distinct_list(c) for c in columns)).where(
        _EV.inspection_id == bindparam("inspection"), _EV.deleted_at.is_(None))


FROM_INDEX = _distinct(_EV.line_id, _EV.source)
FROM_ROWS = _distinct(_EV.setting_id, func.coalesce(_EV.judgement, NO_JUDGEMENT))


def facets(store: Store, inspection_id: str, rows: bool = True) -> Facets:
    """What each filter can take (off the UI thread). Lines, sources and days come from the
    indexes (a fraction of a second at 1,000,000 entries); settings and judgements take a pass
    over the rows (seconds at 1,000,000), left out (None) unless `rows`."""
    ask = {"inspection": inspection_id}
    with store.session() as s:
        line_ids, sources = (_values(v) for v in s.connection().execute(FROM_INDEX, ask).one())
        lines = s.exec(select(m.LineOfEnquiry.code).where(m.LineOfEnquiry.id.in_(line_ids))
                       .order_by(m.LineOfEnquiry.position, m.LineOfEnquiry.code)).all()
        settings = judgements = None
        if rows:
            setting_ids, judgements = (_values(v) for v in
                                       s.connection().execute(FROM_ROWS, ask).one())
            settings = [(i, n) for i, n in s.exec(select(m.Setting.id, m.Setting.name).where(
                m.Setting.id.in_(setting_ids)).order_by(m.Setting.name))]
    return Facets(
        lines=list(dict.fromkeys(lines)),
        sources=[k for k in SOURCE_KINDS if k in sources] + sorted(sources - set(SOURCE_KINDS)),
        settings=settings,
        judgements=None if judgements is None else _judgements(judgements),
        days=days(store, inspection_id),
    )


def _values(group: str | None) -> set[str]:
    return set((group or "").split(",")) - {""}


def _judgements(found: set[str]) -> list[str]:
    others = sorted(found - set(JUDGEMENTS) - {NO_JUDGEMENT})
    return ([k for k in JUDGEMENTS if k in found] + others
            + ([NO_JUDGEMENT] if NO_JUDGEMENT in found else []))


def entry(store: Store, inspection_id: str, evidence_id: str) -> EvidenceRecord | None:
    """One live entry as the list shows it, or None once it is gone."""
    query = evidence.query(inspection_id).where(m.Evidence.id == evidence_id)
    with store.session() as s:
        found = s.exec(query).first()
    return evidence.record(*found) if found else None
