"""Live evidence entries per London day, counted in the index on (inspection, at).

Entries are counted in the index, not read: SQLite finds the first live entry from a day on
(one row read), counts that London day's range in the index, and jumps to the next day with
an entry, so a million entries over five days take a dozen statements. The deleted entries'
rows are read to take them off (they are few; the index on deletion finds them).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text as sql

from sendtui.domain.clock import LONDON, london_to_utc
from sendtui.store.dialects import unindexed
from sendtui.store.repo import Store

MIDNIGHT = dt.time(0, 0)
# The first live entry from an instant on: the index gives it at once.
FIRST_FROM = sql("""
    SELECT min(at) FROM evidence
    WHERE inspection_id = :inspection AND at >= :start AND deleted_at IS NULL""")
# Every entry of a range, deleted or not: counted in the index, no row read.
IN_RANGE = sql("""
    SELECT count(*) FROM evidence
    WHERE inspection_id = :inspection AND at >= :start AND at < :end""")
DELETED = sql("""
    SELECT at FROM evidence WHERE inspection_id = :inspection AND deleted_at IS NOT NULL""")
# `+at` on SQLite: find the deleted entries by the index on deletion (few), not every entry
# of the day
DELETED_IN_RANGE = {dialect: sql(f"""
    SELECT count(*) FROM evidence
    WHERE inspection_id = :inspection AND deleted_at IS NOT NULL
      AND {unindexed('at', dialect)} >= :start AND {unindexed('at', dialect)} < :end""")
    for dialect in ("sqlite", "postgresql")}
EARLIEST = "0001-01-01 00:00:00"  # before every stored instant, and a timestamp to PostgreSQL


def london_day(stored: str | dt.datetime) -> dt.date:
    """The London day of a stored (naive UTC) instant."""
    at = stored if isinstance(stored, dt.datetime) else dt.datetime.fromisoformat(stored)
    return at.replace(tzinfo=dt.timezone.utc).astimezone(LONDON).date()


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants a London day starts and ends (23 or 25 hours on clock-change days)."""
    return london_to_utc(day, MIDNIGHT), london_to_utc(day + dt.timedelta(days=1), MIDNIGHT)


def _stored(instant: dt.datetime) -> str:
    """As the store writes an instant (naive UTC), so that text compares as time does."""
    return f"{instant.astimezone(dt.timezone.utc):%Y-%m-%d %H:%M:%S}"


def _days(conn, inspection_id: str):
    """Each London day with a live entry, in order, with its bounds as stored: one look in
    the index per day."""
    start = EARLIEST
    ask = {"inspection": inspection_id}
    while (first := conn.execute(FIRST_FROM, {**ask, "start": start}).scalar()) is not None:
        day = london_day(first)
        start, end = (_stored(x) for x in day_bounds(day))
        yield day, start, end
        start = end


def days(store: Store, inspection_id: str) -> list[dt.date]:
    """The London days with live entries, in order."""
    with store.engine.connect() as conn:
        return [day for day, _, _ in _days(conn, inspection_id)]


def per_day(store: Store, inspection_id: str) -> dict[dt.date, int]:
    """Live entries per London day, in date order; days without any left out."""
    counts: dict[dt.date, int] = {}
    with store.engine.connect() as conn:
        ask = {"inspection": inspection_id}
        for day, start, end in _days(conn, inspection_id):
            counts[day] = conn.execute(IN_RANGE, {**ask, "start": start, "end": end}).scalar()
        for (at,) in conn.execute(DELETED, ask):
            day = london_day(at)
            if day in counts:
                counts[day] -= 1
    return {day: n for day, n in counts.items() if n > 0}


def on_day(store: Store, inspection_id: str, day: dt.date) -> int:
    """Live entries on a London day: the day's range in the index, less its deleted ones."""
    start, end = (_stored(x) for x in day_bounds(day))
    ask = {"inspection": inspection_id, "start": start, "end": end}
    with store.engine.connect() as conn:
        deleted = DELETED_IN_RANGE[conn.dialect.name]
        return conn.execute(IN_RANGE, ask).scalar() - conn.execute(deleted, ask).scalar()
