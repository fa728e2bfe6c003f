"""The operations the CLI and the UI share. Each public method is one transaction."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session, SQLModel, select

from sendtui.domain import frameworks as fw
from sendtui.domain.clock import utc_now
from sendtui.domain.lines import is_line_code, tidy_line
from sendtui.errors import Ambiguous, InvalidInput, NotFound, StoreError
from sendtui.records import (
    Counts,
    EventRecord,
    EvidenceRecord,
    InspectionRecord,
    LineRecord,
    PersonRecord,
    SettingRecord,
)
from sendtui.store import models as m
from sendtui.store import undo
from sendtui.store.db import open_engine

T = TypeVar("T", bound=m.Tracked)


class HybridClock:
    """Hybrid logical clock stamps: the time in ms, but never the same stamp twice here, even
    when the UI thread and a worker stamp at once."""

    def __init__(self, device_id: str):
        self.device_id = device_id
        self._last = 0
        self._lock = threading.Lock()

    def tick(self) -> str:
        now_ms = self._now_ms()
        with self._lock:
            self._last = max(now_ms, self._last + 1)
            last = self._last
        return f"{last:015d}-{self.device_id[:8]}"

    @staticmethod
    def _now_ms() -> int:
        return int(time.time() * 1000)


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._local = threading.local()
        self.device_id = self._device_id()
        self.clock = HybridClock(self.device_id)

    @classmethod
    def open(cls, target: str) -> "Store":
        return cls(open_engine(target))

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self):
        """One transaction; nested calls join the outer one (all or nothing)."""
        active = getattr(self._local, "session", None)
        if active is not None:
            yield active
            return
        with Session(self.engine, expire_on_commit=False) as s:
            self._local.session, self._local.group = s, None
            try:
                yield s
                s.commit()
            except (OperationalError, DatabaseError) as exc:
                raise StoreError(f"the store cannot be used: {exc.orig}") from exc
            finally:
                self._local.session = self._local.group = None

    def _device_id(self) -> str:
        with self.session() as s:
            row = s.get(m.StoreInfo, "device_id")
            if row is None:
                row = m.StoreInfo(key="device_id", value=m.new_id())
                s.add(row)
            return row.value

    # --- the one write path ------------------------------------------------------------

    @contextmanager
    def change(self, s: Session, inspection_id: str | None, row: m.Tracked,
               summary: str | None = None, *, new: bool = False,
               remove: bool = False) -> Iterator[m.Tracked]:
        """Edit `row` in the block. Afterwards, if anything in it changed, it is stamped
        (updated_at, updated_by, hlc) and, given a `summary`, logged for undo: the changes of
        one transaction undo together.

        new: `row` is not in the store yet; it is added (and always stamped).
        remove: `row` becomes a tombstone after the block.
        """
        state = partial(undo.snapshot, s) if summary is not None else _fields
        before = None if new else state(row)
        if new:
            s.add(self._stamp(row))
        yield row
        if remove:
            row.deleted_at = utc_now()
        if not new:
            if state(row) == before:
                return
            s.add(self._stamp(row))
        if summary is not None:
            self._log(s, inspection_id, row, before, summary)

    def insert(self, s: Session, inspection_id: str | None, row: T,
               summary: str | None = None) -> T:
        """A new row, through `change`."""
        with self.change(s, inspection_id, row, summary, new=True):
            pass
        return row

    def tombstone(self, s: Session, inspection_id: str | None, row: m.Tracked,
                  summary: str | None = None) -> None:
        """Mark a row deleted (it stays, for undo and merging), through `change`."""
        with self.change(s, inspection_id, row, summary, remove=True):
            pass

    def _stamp(self, row: m.Tracked) -> m.Tracked:
        row.updated_at = utc_now()
        row.updated_by = self.device_id
        row.hlc = self.clock.tick()
        return row

    def _log(self, s: Session, inspection_id: str, row: SQLModel, before: dict | None,
             summary: str) -> None:
        if self._local.group is None:  # the transaction's first change: a new action
            undo.discard_redo(self, s, inspection_id)
            self._local.group = m.new_id()
        after = None if row.deleted_at else undo.snapshot(s, row)
        undo.log(self, s, inspection_id, self._local.group, row.__tablename__, row.id, before,
                 after, summary)

    def undo(self, inspection_id: str) -> str | None:
        """Undo the latest change; what it was, or None when there is nothing to undo."""
        with self.session() as s:
            return undo.step(self, s, inspection_id, redo=False)

    def redo(self, inspection_id: str) -> str | None:
        with self.session() as s:
            return undo.step(self, s, inspection_id, redo=True)

    # --- inspections -----------------------------------------------------------------

    def create_inspection(self, local_area: str, framework: str,
                          notified: dt.date) -> InspectionRecord:
        local_area = " ".join(local_area.split())
        if not local_area:
            raise InvalidInput("the local area needs a name")
        template = fw.get_framework(framework)
        dates = fw.key_dates(template, notified)
        with self.session() as s:
            ins = self.insert(s, None, m.Inspection(local_area=local_area, framework=framework,
                                                    notified=notified, last_opened_at=utc_now()))
            s.flush()
            for kd in dates:
                self.insert(s, None, m.KeyDateRow(inspection_id=ins.id, key=kd.key, label=kd.label,
                                                  date=kd.date, end=kd.end, rule=kd.rule))
            for pos, line in enumerate(template.lines):
                self.insert(s, None, m.LineOfEnquiry(inspection_id=ins.id, code=line.code,
                                                     title=line.title, strand=line.strand,
                                                     position=pos))
            return _inspection_view(ins)

    def inspections(self) -> list[InspectionRecord]:
        with self.session() as s:
            rows = s.exec(select(m.Inspection).where(m.Inspection.deleted_at.is_(None))
                          .order_by(m.Inspection.local_area, m.Inspection.notified)).all()
            return [_inspection_view(r) for r in rows]

    def find_inspection(self, ref: str | None = None) -> InspectionRecord:
        """By id or unique prefix of the local area; default the only one or the last opened."""
        found = self.inspections()
        if not found:
            raise NotFound("there is no inspection yet: create one with "
                           "'sendtui inspection new' or 'sendtui demo'")
        if ref:
            key = ref.strip().lower()
            matches = [i for i in found if i.id == key] or [
                i for i in found if i.local_area.lower().startswith(key)
                or (len(key) >= 4 and i.id.startswith(key))]
            if not matches:
                raise NotFound(f"no inspection matches {ref!r}")
        else:
            matches = found
            opened = [i for i in found if i.last_opened_at]
            if len(found) > 1 and opened:
                matches = [max(opened, key=lambda i: i.last_opened_at)]
        if len(matches) > 1:
            names = "; ".join(f"{i.local_area} ({i.framework}, {i.notified}) {i.id[:8]}"
                              for i in matches)
            raise Ambiguous(f"several inspections match: {names} — choose with --inspection")
        return matches[0]

    def mark_opened(self, inspection_id: str) -> None:
        with self.session() as s:
            with self.change(s, None, s.get(m.Inspection, inspection_id)) as ins:
                ins.last_opened_at = utc_now()

    def key_dates(self, inspection_id: str) -> list[fw.KeyDate]:
        with self.session() as s:
            rows = s.exec(select(m.KeyDateRow).where(
                m.KeyDateRow.inspection_id == inspection_id,
                m.KeyDateRow.deleted_at.is_(None)).order_by(m.KeyDateRow.date)).all()
            return [fw.KeyDate(r.key, r.label, r.date, r.end, r.rule) for r in rows]

    def set_key_date(self, inspection_id: str, key: str, date: dt.date,
                     end: dt.date | None = None) -> fw.KeyDate:
        """The coordinator's own date for a key date: kept, marked as edited."""
        if end is not None and end < date:
            raise InvalidInput(f"the end {end} is before the start {date}")
        with self.session() as s:
            row = s.exec(select(m.KeyDateRow).where(
                m.KeyDateRow.inspection_id == inspection_id, m.KeyDateRow.key == key,
                m.KeyDateRow.deleted_at.is_(None))).first()
            if row is None:
                raise NotFound(f"no key date {key!r}")
            with self.change(s, inspection_id, row, f"key date {row.label} set to {date}"):
                row.date, row.end, row.edited = date, end if row.end or end else None, True
                row.rule = "set by hand"
            return fw.KeyDate(row.key, row.label, row.date, row.end, row.rule)

    # --- lines of enquiry --------------------------------------------------------------

    def lines(self, inspection_id: str) -> list[LineRecord]:
        with self.session() as s:
            rows = s.exec(self._live(m.LineOfEnquiry, inspection_id)
                          .order_by(m.LineOfEnquiry.position, m.LineOfEnquiry.code)).all()
            counts = s.exec(
                select(m.Evidence.line_id, m.Evidence.source, func.count())
                .where(m.Evidence.inspection_id == inspection_id,
                       m.Evidence.deleted_at.is_(None))
                .group_by(m.Evidence.line_id, m.Evidence.source)).all()
            by_line: dict[str, dict[str, int]] = {}
            for line_id, source, n in counts:
                by_line.setdefault(line_id, {})[source] = n
            return [_line_view(r, by_line.get(r.id, {})) for r in rows]

    def add_line(self, inspection_id: str, code: str, title: str) -> LineRecord:
        code, title = tidy_line(code, title)
        _check_line(code, title)
        with self.session() as s:
            if self._line_by_code(s, inspection_id, code):
                raise InvalidInput(f"line {code} already exists")
            last = s.exec(select(func.max(m.LineOfEnquiry.position)).where(
                m.LineOfEnquiry.inspection_id == inspection_id)).one() or 0
            row = self.insert(s, inspection_id, m.LineOfEnquiry(
                inspection_id=inspection_id, code=code, title=title, strand=code[0],
                is_bespoke=True, position=last + 1), f"line {code} added")
            return _line_view(row, {})

    def update_line(self, inspection_id: str, line_id: str, code: str, title: str) -> LineRecord:
        code, title = tidy_line(code, title)
        _check_line(code, title)
        with self.session() as s:
            row = s.get(m.LineOfEnquiry, line_id)
            if row is None or row.deleted_at:
                raise NotFound("that line no longer exists")
            clash = self._line_by_code(s, inspection_id, code)
            if clash and clash.id != line_id:
                raise InvalidInput(f"line {code} already exists")
            with self.change(s, inspection_id, row, f"line {code} edited"):
                row.code, row.title, row.strand = code, title, code[0]
            return _line_view(row, {})

    def remove_line(self, inspection_id: str, line_id: str) -> None:
        """Retire a line: a tombstone; its evidence is kept."""
        with self.session() as s:
            row = s.get(m.LineOfEnquiry, line_id)
            if row is None or row.deleted_at:
                raise NotFound("that line no longer exists")
            self.tombstone(s, inspection_id, row, f"line {row.code} removed")

    def _line_by_code(self, s: Session, inspection_id: str, code: str):
        return s.exec(self._live(m.LineOfEnquiry, inspection_id)
                      .where(func.upper(m.LineOfEnquiry.code) == code.upper())).first()

    # --- reading the area and the week ---------------------------------------------------

    def counts(self, inspection_id: str) -> Counts:
        settings, people, events = (self.settings(inspection_id), self.people(inspection_id),
                                    self.events(inspection_id))
        lines = self.lines(inspection_id)
        return Counts(
            settings=len(settings), settings_by_kind=dict(Counter(x.kind for x in settings)),
            people=len(people), team=sum(p.is_team for p in people),
            events=sum(e.status != "cancelled" for e in events),
            evidence=sum(line.evidence_count for line in lines),
            evidence_by_line={line.code: line.evidence_count for line in lines},
        )

    def settings(self, inspection_id: str) -> list[SettingRecord]:
        with self.session() as s:
            rows = s.exec(self._live(m.Setting, inspection_id)
                          .order_by(m.Setting.kind, m.Setting.name)).all()
            return [_setting_view(r) for r in rows]

    def people(self, inspection_id: str) -> list[PersonRecord]:
        with self.session() as s:
            rows = s.exec(self._live(m.Person, inspection_id)
                          .order_by(m.Person.is_team.desc(), m.Person.name)).all()
            return [_person_view(r) for r in rows]

    def events(self, inspection_id: str) -> list[EventRecord]:
        with self.session() as s:
            rows = s.exec(self._live(m.Event, inspection_id)
                          .order_by(m.Event.start, m.Event.title)).all()
            settings = {r.id: r for r in s.exec(self._live(m.Setting, inspection_id)).all()}
            names = dict(s.exec(select(m.Person.id, m.Person.name)
                                .where(m.Person.inspection_id == inspection_id)).all())
            attendees: dict[str, list[str]] = {}
            for ep in s.exec(select(m.EventPerson).join(m.Event).where(
                    m.Event.inspection_id == inspection_id,
                    m.EventPerson.deleted_at.is_(None))
                    .order_by(m.EventPerson.updated_at)).all():
                attendees.setdefault(ep.event_id, []).append(ep.person_id)
            return [_event_view(r, settings.get(r.setting_id), attendees.get(r.id, []), names)
                    for r in rows]

    def evidence(self, inspection_id: str, limit: int | None = None) -> list[EvidenceRecord]:
        """Newest first."""
        query = self._evidence_query(inspection_id).order_by(m.Evidence.at.desc())
        with self.session() as s:
            if limit:
                query = query.limit(limit)
            return [_evidence_view(e, code, urn, name) for e, code, urn, name in s.exec(query)]

    @staticmethod
    def _evidence_query(inspection_id: str):
        return (select(m.Evidence, m.LineOfEnquiry.code, m.Setting.urn, m.Setting.name)
                .join(m.LineOfEnquiry)
                .join(m.Setting, m.Evidence.setting_id == m.Setting.id, isouter=True)
                .where(m.Evidence.inspection_id == inspection_id,
                       m.Evidence.deleted_at.is_(None)))

    @staticmethod
    def _live(model, inspection_id: str):
        return select(model).where(model.inspection_id == inspection_id,
                                   model.deleted_at.is_(None))


def _check_line(code: str, title: str) -> None:
    if not is_line_code(code):
        raise InvalidInput("a line code is a letter then letters or digits, e.g. X1")
    if not title:
        raise InvalidInput("a line needs a title")


def _inspection_view(r: m.Inspection) -> InspectionRecord:
    return InspectionRecord(r.id, r.local_area, r.framework, r.notified, r.published,
                          r.last_opened_at)


def _line_view(r: m.LineOfEnquiry, by_source: dict[str, int]) -> LineRecord:
    return LineRecord(r.id, r.code, r.title, r.strand, r.is_bespoke, sum(by_source.values()),
                    dict(by_source))


def _setting_view(r: m.Setting) -> SettingRecord:
    return SettingRecord(r.id, r.urn, r.name, r.kind, r.postcode, r.status, r.la_name, r.address,
                       r.easting, r.northing, r.is_specialist, r.shortlisted, r.visited,
                       r.out_of_area, r.phone, r.head)


def _person_view(r: m.Person) -> PersonRecord:
    return PersonRecord(r.id, r.name, r.role, r.organisation, r.email, r.phone, r.is_team)


def _event_view(r: m.Event, setting: m.Setting | None, person_ids: list[str],
                names: dict[str, str]) -> EventRecord:
    return EventRecord(r.id, r.kind, r.title, r.start, r.end, r.setting_id,
                     setting.urn if setting else None, setting.name if setting else None,
                     r.audience, r.location, r.notes, r.status,
                     tuple(names[p] for p in person_ids), tuple(person_ids), r.sequence)


def _evidence_view(e: m.Evidence, code: str, urn: str | None, name: str | None) -> EvidenceRecord:
    return EvidenceRecord(e.id, code, e.source, e.text, e.at, urn, name, e.case_ref, e.judgement,
                        e.author)


def _fields(row: m.Tracked) -> dict:
    """What a row holds, its bookkeeping left out."""
    return row.model_dump(exclude=undo.KEEP)
