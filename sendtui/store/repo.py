"""The store's engine: sessions, the hybrid clock that stamps rows, and the one write path
(`Store.change`). What is read and written lives in one module per aggregate (inspections,
lines, settings, people, availability, events, evidence, names), each a set of functions
taking the store."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlmodel import Session

from sendtui.config import Device, load_device
from sendtui.domain import hlc
from sendtui.domain.clock import utc_now
from sendtui.errors import StoreError
from sendtui.store import field_clocks, identity, undo
from sendtui.store import models as m
from sendtui.store.db import Opened, error_line, open_store, take_back
from sendtui.store.engines import plain_runner
from sendtui.store.keys import refused

T = TypeVar("T", bound=m.Tracked)


class HybridClock:
    """The store's hybrid logical clock (rules in `sendtui.domain.hlc`): stamps that follow
    the wall clock but never go back, not across threads (a worker saves drafts while the UI
    writes), not across reopening (seeded from the store's high-water mark) and not across a
    merge (`receive`). The stamps a thread issues are written to the high-water mark by
    `persist`, which `Store.session` calls before each commit: in the same transaction."""

    def __init__(self, device_id: str, file_id: str = "", high: str = ""):
        self.device_id, self.file_id = device_id, file_id
        self._last = _time_of(high)
        self._lock = threading.Lock()
        self._issued = threading.local()  # this thread's highest stamp not yet persisted

    def tick(self) -> str:
        """A new stamp, after every stamp issued or received here."""
        now_ms = self._now_ms()
        with self._lock:
            self._last = hlc.tick(self._last, now_ms)
            stamp = hlc.make(self._last, self.device_id, self.file_id)
        self._issued.stamp = stamp
        return stamp

    def receive(self, remote: str) -> None:
        """A stamp seen in a change from elsewhere (a merge): later stamps come after it."""
        now_ms = self._now_ms()
        with self._lock:
            self._last = hlc.receive(self._last, remote, now_ms)
        self._issued.stamp = max(getattr(self._issued, "stamp", None) or "", remote)

    def persist(self, s: Session) -> bool:
        """Write this thread's highest stamp into the high-water mark in `s`; False when it
        stamped nothing. A higher mark found there (another process) is received."""
        stamp, self._issued.stamp = getattr(self._issued, "stamp", None), None
        if not stamp:
            return False
        mark = identity.raise_high(s, stamp)
        if mark > stamp:  # later stamps come after the other process's
            with self._lock:
                self._last = max(self._last, _time_of(mark))
        return True

    def forget(self) -> None:
        """The thread's transaction failed: nothing of it is to be persisted."""
        self._issued.stamp = None

    @staticmethod
    def _now_ms() -> int:
        return int(time.time() * 1000)


def _time_of(stamp: str) -> int:
    """The time of a stored stamp; the leading digits of one that is not well formed."""
    try:
        return hlc.parse(stamp).time
    except ValueError:
        digits = (stamp or "")[:hlc.TIME_DIGITS]
        return int(digits) if digits.isdigit() else 0


class Store:
    """An open store: its engine, one session per transaction (per thread), the clock, and
    `change`, which every write goes through."""

    def __init__(self, engine: Engine, opened: Opened | None = None,
                 device: Device | None = None):
        """`device`: this laptop (default: the config folder's device.toml)."""
        self.engine = engine
        self.opened = opened or Opened(engine)
        self._local = threading.local()
        self.clock = HybridClock("")  # not stamping yet: settling writes no stamped row
        device = device or load_device()
        found = self._settle(device)
        self.device_id, self.device_name = found.device_id, device.label()
        self.clock = HybridClock(found.device_id, found.file_id, found.high)
        self._unsaved = found if found.unsaved or found.device_name is not None else None

    @classmethod
    def open(cls, target: str, *, create: bool = True) -> "Store":
        """The store at `target` (a file path or URL), checked and migrated. `create`: a
        missing store is made, an empty file filled (else StoreError, nothing made)."""
        opened = open_store(target, create=create)
        try:  # the identity after the store: a store that cannot be used changes nothing
            return cls(opened.engine, opened, load_device())
        except BaseException:
            take_back(opened)
            raise

    @property
    def notices(self) -> list[str]:
        """What opening the store did that the user should know (one line each)."""
        return self.opened.notices

    @property
    def created(self) -> bool:
        """This opening made the store (a new file, or an empty file filled)."""
        return bool(self.opened.made or self.opened.filled)

    def close(self) -> None:
        self.engine.dispose()

    def take_back(self) -> None:
        """Close, and remove the store again if this opening made it (a command that then
        refused leaves no file behind)."""
        take_back(self.opened)

    @contextmanager
    def plain_reads(self):
        """Plain SQL reads on one connection: run(sql with ?, parameters) -> rows (the
        queries of `sendtui.store.glance`, shared with the app's first look)."""
        with self.engine.connect() as conn:
            yield plain_runner(conn)

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
                field_clocks.write(s)
                unsaved = self._unsaved if self.clock.persist(s) else None
                if unsaved is not None:  # the first change: the identity goes with it
                    identity.save(s, unsaved)
                s.commit()
                if unsaved is not None:
                    self._unsaved = None
            except IntegrityError as exc:  # a natural key taken meanwhile: as the app says
                raise (refused(exc) or StoreError(
                    f"the store cannot be used: {error_line(exc)}")) from None
            except (OperationalError, DatabaseError) as exc:
                raise StoreError(f"the store cannot be used: {error_line(exc)}") from None
            finally:
                self.clock.forget()
                self._local.session = self._local.group = None

    def _settle(self, device: Device) -> identity.Identity:
        """This laptop and this file as the store knows them (`sendtui.store.identity`);
        read only: what is missing is written with the first change (`Store.session`)."""
        with self.session() as s:
            return identity.settle(s, self.engine, device.id, device.label())

    # --- the one write path ------------------------------------------------------------

    @contextmanager
    def change(self, s: Session, inspection_id: str | None, row: m.Tracked,
               summary: str | None = None, *, new: bool = False,
               remove: bool = False) -> Iterator[m.Tracked]:
        """Edit `row` in the block. Afterwards the fields whose value changed are stamped:
        each gets a new field clock, and the row that clock as its `hlc` (with updated_at,
        updated_by); a new row gets one clock for all its fields (`field_clocks.EVERY`). A block that changes nothing stamps nothing.
        Given a `summary`, the change is logged for undo with only the fields it wrote (their
        values before and after): the changes of one transaction undo together.

        new: `row` is not in the store yet; it is added (and all its fields stamped).
        remove: `row` becomes a tombstone after the block (`deleted_at` is a field like any).
        """
        logged = summary is not None
        before = None if new else _fields(row)
        people = undo.people_of(s, row) if logged and not new else None
        if new:
            s.add(self._stamp(s, row, ()))
        yield row
        if remove:
            row.deleted_at = utc_now()
        after = _fields(row)
        written = list(after) if new else [f for f, v in after.items() if before[f] != v]
        if written and not new:
            self._stamp(s, row, written)
        elif written:
            self._stamp_fields(s, row, (field_clocks.EVERY,), row.hlc)
        now_people = undo.people_of(s, row) if logged else None
        if logged and (written or now_people != people):
            self._log(s, inspection_id, row, written, before, people, now_people, summary)

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

    def _stamp(self, s: Session, row: m.Tracked, fields) -> m.Tracked:
        row.updated_at = utc_now()
        row.updated_by = self.device_id
        row.hlc = self.clock.tick()
        self._stamp_fields(s, row, fields, row.hlc)
        return row

    def _stamp_fields(self, s: Session, row: m.Tracked, fields, hlc: str) -> None:
        if not field_clocks.clocked(row):
            return
        field_clocks.stamp(s, row, fields, hlc, self.device_id)
        if s is not getattr(self._local, "session", None):  # nobody writes them at commit
            field_clocks.write(s)

    def _log(self, s: Session, inspection_id: str, row: m.Tracked, written: list[str],
             before: dict | None, people: list | None, now_people: list | None,
             summary: str) -> None:
        if self._local.group is None:  # the transaction's first change: a new action
            undo.discard_redo(self, s, inspection_id)
            self._local.group = m.new_id()
        was, now = undo.written(s, row, written, before, people, now_people)
        undo.log(self, s, inspection_id, self._local.group, row.__tablename__, row.id, was,
                 now, summary)


def _fields(row: m.Tracked) -> dict:
    """What a row holds, its bookkeeping left out."""
    return row.model_dump(exclude=undo.KEEP | undo.DERIVED)

