"""What the dashboard shows, read with plain SQL: the inspections, an inspection's key dates,
counts and retention period.

The same queries serve two callers. The store runs them on its own connection (`rows_of`);
the app's first look (`first_look`) runs them with the sqlite3 module alone on a store file,
or psycopg alone on a server database, at the current schema, read-only (`store/plain.py`),
so the dashboard shows the user's data before SQLAlchemy (about 0.3 s to import) has loaded.
Anything unusual — a missing or damaged file, a server that cannot be reached, an older or
newer schema — gives no first look, and the store opens the full way.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from sendtui.domain import frameworks as fw
from sendtui.domain import outcomes as oc
from sendtui.domain.words import shown
from sendtui.config import load_device
from sendtui.errors import Ambiguous, ConfigError, NotFound, StoreError
from sendtui.domain.retention import erasure_due
from sendtui.store.plain import plain_reads
from sendtui.records import Counts, InspectionRecord, Retention

OPENED = "opened:"  # + a device id: the inspection that laptop (user) last opened
Rows = Callable[[str, Sequence], list[tuple]]  # run one query: (sql with ?, parameters) -> rows


@dataclass(frozen=True)
class Dashboard:
    inspection: InspectionRecord
    key_dates: list[fw.KeyDate]
    counts: Counts
    retention: Retention
    after_report: oc.AfterReport | None = None


def inspections(rows: Rows, device_id: str) -> list[InspectionRecord]:
    """The live inspections; `last_opened_at` as this laptop (user) last opened them."""
    found = rows("SELECT id, local_area, framework, notified, published, last_opened_at "
                 "FROM inspection WHERE deleted_at IS NULL ORDER BY local_area, notified", ())
    marks = rows("SELECT key, value FROM store_info WHERE key LIKE ?", (OPENED + "%",))
    return opened_by(device_id, dict(marks), [
        InspectionRecord(i, area, framework, _date(notified), _date(published), instant(opened))
        for i, area, framework, notified, published, opened in found])


def opened_by(device_id: str, marks: dict[str, str],
              found: list[InspectionRecord]) -> list[InspectionRecord]:
    """The inspections as one user sees them. `marks`: store_info's OPENED + device id ->
    "<inspection id> <instant>", each laptop's (user's) last opened. A user's own mark names
    theirs, so each user of a server database has their own; one who has not opened any here
    yet gets the one opened last by anyone (a store copied from another laptop opens where it
    was left); with no mark of a live inspection, the inspection-wide time older stores kept
    (`inspection.last_opened_at`)."""
    live = {i.id for i in found}
    usable = {key: mark for key, value in marks.items()
              if (mark := value.partition(" "))[0] in live}
    ins_id, _, at = usable.get(OPENED + device_id) or max(
        usable.values(), key=lambda mark: mark[2], default=("", "", ""))
    if not ins_id:
        return found
    return [replace(i, last_opened_at=instant(at) if i.id == ins_id else None) for i in found]


def opened_value(inspection_id: str, at: dt.datetime) -> str:
    return f"{inspection_id} {at.isoformat()}"


def choose(found: list[InspectionRecord], ref: str | None) -> InspectionRecord:
    """By id or unique prefix of the local area; default the only one or the last opened."""
    if not found:
        raise NotFound("there is no inspection yet: create one with "
                       "'sendtui inspection new' or 'sendtui demo'")
    if ref:
        key = ref.strip().lower()
        matches = [i for i in found if i.id == key] or [
            i for i in found if i.local_area.lower().startswith(key)
            or (len(key) >= 4 and i.id.startswith(key))]
        if not matches:
            raise NotFound(f"no inspection matches {shown(ref)}")
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


def key_dates(rows: Rows, inspection_id: str) -> list[fw.KeyDate]:
    found = rows('SELECT key, label, date, "end", rule FROM key_date WHERE inspection_id = ? '
                 "AND deleted_at IS NULL ORDER BY date", (inspection_id,))
    return [fw.KeyDate(key, label, _date(date), _date(end), rule)
            for key, label, date, end, rule in found]


def counts(rows: Rows, inspection_id: str) -> Counts:
    """Each a GROUP BY on an index: 12 ms at 100,000 entries where reading the rows took 179."""
    ins = (inspection_id,)
    live = "WHERE inspection_id = ? AND deleted_at IS NULL"
    by_kind = dict(rows(f"SELECT kind, count(*) FROM setting {live} GROUP BY kind", ins))
    team_sql = "coalesce(sum(CASE WHEN is_team THEN 1 ELSE 0 END), 0)"  # no sum(boolean)
    people, team = rows(f"SELECT count(*), {team_sql} FROM person {live}", ins)[0]
    events = rows(f"SELECT count(*) FROM event {live} AND status != 'cancelled'", ins)[0][0]
    per_line = dict(rows(f"SELECT line_id, count(*) FROM evidence {live} GROUP BY line_id", ins))
    by_line = {code: per_line.get(line_id, 0) for line_id, code in rows(
        f"SELECT id, code FROM line_of_enquiry {live} ORDER BY position, code", ins)}
    return Counts(settings=sum(by_kind.values()), settings_by_kind=by_kind, people=people,
                  team=team, events=events, evidence=sum(by_line.values()),
                  evidence_by_line=by_line)


def retention(rows: Rows, inspection_id: str) -> Retention:
    """How long the evidence is kept, and the day it falls due for erasure."""
    found = rows("SELECT retention_months FROM inspection WHERE id = ? AND deleted_at IS NULL",
                 (inspection_id,))
    if not found:
        raise NotFound("that inspection no longer exists")
    months = found[0][0]
    return Retention(months, erasure_due(key_dates(rows, inspection_id), months))


def after_report(rows: Rows, inspection_id: str) -> oc.AfterReport | None:
    """The outcome and the dates that follow the report (None before there are any)."""
    found = rows("SELECT framework, outcome, template FROM inspection WHERE id = ? "
                 "AND deleted_at IS NULL", (inspection_id,))
    if not found:
        raise NotFound("that inspection no longer exists")
    framework, outcome, template = found[0]
    try:
        template = oc.with_edits(fw.get_framework(framework), template)
    except fw.FrameworkError:
        return None  # a framework this version does not know: nothing to count
    return oc.after_report(template, oc.Recorded.from_json(outcome),
                           key_dates(rows, inspection_id), plan_versions(rows, inspection_id))


def plan_versions(rows: Rows, inspection_id: str) -> list[tuple]:
    """(kind, submitted on, decided on, resubmitted on) of each version of the plan; none
    from a store older than the plan's table (a first look before it is migrated)."""
    try:
        found = rows("SELECT kind, submitted_on, decided_on, resubmitted_on FROM plan_version "
                     "WHERE inspection_id = ? AND deleted_at IS NULL", (inspection_id,))
    except sqlite3.OperationalError:
        return []
    return [(kind, *(_date(x) for x in dates)) for kind, *dates in found]


def dashboard(rows: Rows, ref: str | None, device_id: str) -> Dashboard:
    ins = choose(inspections(rows, device_id), ref)
    return Dashboard(ins, key_dates(rows, ins.id), counts(rows, ins.id),
                     retention(rows, ins.id), after_report(rows, ins.id))


def first_look(target: str, ref: str | None) -> Dashboard | None:
    """The dashboard of a store at the current schema, read with sqlite3 or psycopg alone
    (`plain.plain_reads`); None when anything is unusual (the full opening then says what)."""
    with plain_reads(target) as rows:
        if rows is None:
            return None
        try:
            return dashboard(rows, ref, load_device().id)
        except (*_driver_errors(), LookupError, ValueError, StoreError, ConfigError):
            return None  # the full opening tells


def _driver_errors() -> tuple[type[Exception], ...]:
    """sqlite3's error, and psycopg's when it is loaded (a server's first look)."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.Error,) + ((psycopg.Error,) if psycopg else ())


class Unreadable(StoreError):
    """A stored value that cannot be read: a bit flipped inside it (one line, exit 3)."""

    def __init__(self) -> None:
        super().__init__("the store holds a value that cannot be read (it may be damaged): "
                         "run 'sendtui doctor' or restore a backup")


def _date(text: str | dt.date | None) -> dt.date | None:
    if isinstance(text, dt.date):  # PostgreSQL gives dates, SQLite text
        return text
    try:
        return dt.date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        raise Unreadable() from None


def instant(text: str | dt.datetime | None) -> dt.datetime | None:
    """A stored UTC instant (naive text, or a naive datetime from PostgreSQL) as an aware
    datetime."""
    if isinstance(text, dt.datetime):
        return text.replace(tzinfo=dt.timezone.utc)
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=dt.timezone.utc) if text else None
    except (TypeError, ValueError):
        raise Unreadable() from None
