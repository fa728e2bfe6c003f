"""The area's settings: loaded from GIAS, shortlisted and marked visited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace

from sqlmodel import select

from sendtui.domain.keys import setting_id
from sendtui.domain.postcodes import Point
from sendtui.records import Loaded, Planned, SettingRecord, SettingRow
from sendtui.store import models as m
from sendtui.store import week_reads as reads
from sendtui.store.import_plan import carry_out, loaded, plan_rows
from sendtui.store.repo import Store
from sendtui.store.rows import live_row

MARK_WORDS = {
    ("shortlisted", True): "shortlisted",
    ("shortlisted", False): "taken off the shortlist",
    ("visited", True): "marked visited",
    ("visited", False): "no longer marked visited",
}


def all(store: Store, inspection_id: str,  # noqa: A001
        now: dt.datetime | None = None) -> list[SettingRecord]:
    """The settings; with `now`, each one whose visit in the week has ended is marked so
    (`visit_ended`)."""
    with store.plain_reads() as rows:
        found = reads.settings(rows, inspection_id)
        if now is None:
            return found
        ended = visits_ended(rows, inspection_id, now)
    return [replace(s, visit_ended=True) if s.id in ended else s for s in found]


def visits_ended(rows: reads.Rows, inspection_id: str, now: dt.datetime) -> set[str]:
    """The settings with a visit that ended by `now` (cancelled visits left out)."""
    return {setting_id for setting_id, end in rows(
        'SELECT setting_id, "end" FROM event WHERE inspection_id = ? AND deleted_at IS NULL '
        "AND kind = 'visit' AND status != 'cancelled' AND setting_id IS NOT NULL",
        (inspection_id,)) if reads.instant(end) <= now}


def mark(store: Store, inspection_id: str, setting_id: str, shortlisted: bool | None = None,
         visited: bool | None = None) -> SettingRecord:
    """Shortlist a setting or mark it visited; None leaves that mark as it is."""
    with store.session() as s:
        row = live_row(s, m.Setting, setting_id, inspection_id, "that setting")
        wanted = {"shortlisted": shortlisted, "visited": visited}
        changes = {k: v for k, v in wanted.items() if v is not None and getattr(row, k) != v}
        words = " and ".join(MARK_WORDS[item] for item in changes.items())
        with store.change(s, inspection_id, row, f"{row.name} {words}"):
            for key, value in changes.items():
                setattr(row, key, value)
        return record(row)


def load(store: Store, inspection_id: str, rows: list[SettingRow],
         points: Mapping[str, Point] | None = None,
         progress: Callable[[int], None] | None = None) -> Loaded:
    """Settings from a GIAS file: new URNs added, known ones updated (left alone, not stamped,
    when the file says what the store holds), never duplicated; with the file's postcode
    points kept and places added by hand placed by them (one transaction). `progress` is
    told how many rows are done, now and then (from the worker doing the import)."""
    from sendtui.store.places import save_points

    with store.session() as s:
        if points:
            save_points(store, s, inspection_id, points)
        known = _by_urn(s, inspection_id)
        planned = _plan(known, rows)
        carry_out(store, s, inspection_id, m.Setting, known, rows, planned,
                  lambda row: row.urn, lambda row: setting_id(inspection_id, row.urn), progress)
    return loaded(planned)


def plan(store: Store, inspection_id: str, rows: list[SettingRow]) -> list[Planned]:
    """What `load` would do to each row, nothing written (the import's preview)."""
    with store.session() as s:
        return _plan(_by_urn(s, inspection_id), rows)


def _by_urn(s, inspection_id: str) -> dict[str, m.Setting]:
    """Every setting by URN, tombstones too: a URN imported again brings its setting back."""
    return {r.urn: r for r in s.exec(select(m.Setting).where(
        m.Setting.inspection_id == inspection_id))}


def _plan(known: Mapping[str, m.Setting], rows: list[SettingRow]) -> list[Planned]:
    return plan_rows(known, rows, lambda row: row.urn, lambda row: f"URN {row.urn} {row.name}")


def record(r: m.Setting) -> SettingRecord:
    return SettingRecord(r.id, r.urn, r.name, r.kind, r.postcode, r.status, r.la_name,
                         r.address, r.easting, r.northing, r.is_specialist, r.shortlisted,
                         r.visited, r.out_of_area, r.phone, r.head, r.is_base, r.located_by,
                         r.gias_type)
